package refresh

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"github.com/robfig/cron/v3"
)

// Backlog keeps run records that could not be written (the database was
// down); the next run that reaches the database writes them.
type Backlog struct {
	mu   sync.Mutex
	runs []Summary
}

func (b *Backlog) push(s Summary) {
	if b == nil {
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if len(b.runs) < 1000 {
		b.runs = append(b.runs, s)
	}
}

func (b *Backlog) take() []Summary {
	if b == nil {
		return nil
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	r := b.runs
	b.runs = nil
	return r
}

// Daemon runs refreshes on a schedule: one at a time (in the process and,
// through the flock, across processes), with bounded retries and back-off
// after failures, a run timeout, health and Prometheus metrics on a
// loopback address, and a graceful shutdown.
type Daemon struct {
	// Schedule: a cron spec (5 fields, or 6 with seconds) or a descriptor
	// such as "@every 10m", "@hourly".
	Schedule string
	// Run performs one refresh (connects, runs, closes).
	Run func(ctx context.Context) (*Summary, error)
	// LockPath: the flock shared with `eventgraph refresh`.
	LockPath string
	// Retries after a failed run (default 3), waiting Backoff (default
	// 10s) doubled each time up to MaxBackoff (default 5m).
	Retries    int
	Backoff    time.Duration
	MaxBackoff time.Duration
	// RunTimeout bounds a run with its retries (default 30m); the article
	// in flight still finishes.
	RunTimeout time.Duration
	// RunAtStart runs once right away.
	RunAtStart bool
	// Listen is the health/metrics address; it must be loopback unless
	// AllowNonLoopback. Empty: no HTTP server.
	Listen           string
	AllowNonLoopback bool
	Log              *slog.Logger
	// Ready is called with the bound address once serving (tests).
	Ready func(addr string)

	mu          sync.Mutex
	running     bool
	lastStatus  string
	lastSuccess time.Time
	lastError   string
	runs        int

	reg      *prometheus.Registry
	mRuns    *prometheus.CounterVec
	mFails   prometheus.Counter
	mRetries prometheus.Counter
	mArts    *prometheus.CounterVec
	mEvents  *prometheus.CounterVec
	mLastOK  prometheus.Gauge
	mLastRun prometheus.Gauge
	mRunning prometheus.Gauge
	mDur     prometheus.Histogram
}

// CheckListen refuses a non-loopback address unless forced.
func CheckListen(addr string, force bool) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("listen address %q: %w", addr, err)
	}
	if force {
		return nil
	}
	if host == "localhost" {
		return nil
	}
	ip := net.ParseIP(host)
	if ip == nil || !ip.IsLoopback() {
		return fmt.Errorf("listen address %q is not loopback (127.0.0.1, [::1], localhost): /metrics and /healthz would be reachable from the network; pass --allow-non-loopback to do that on purpose", addr)
	}
	return nil
}

// ParseSchedule checks a schedule spec.
func ParseSchedule(spec string) (cron.Schedule, error) {
	p := cron.NewParser(cron.SecondOptional | cron.Minute | cron.Hour | cron.Dom | cron.Month | cron.Dow | cron.Descriptor)
	s, err := p.Parse(spec)
	if err != nil {
		return nil, fmt.Errorf("schedule %q: %w (want a cron spec such as \"*/10 * * * *\" or \"@every 10m\")", spec, err)
	}
	return s, nil
}

func (d *Daemon) initMetrics() {
	d.reg = prometheus.NewRegistry()
	d.mRuns = prometheus.NewCounterVec(prometheus.CounterOpts{Name: "eventgraph_refresh_runs_total",
		Help: "Refresh runs by final status (ok, partial, failed, interrupted, skipped)."}, []string{"status"})
	d.mFails = prometheus.NewCounter(prometheus.CounterOpts{Name: "eventgraph_refresh_failures_total",
		Help: "Refresh attempts that failed (database unreachable, timeout), retries included."})
	d.mRetries = prometheus.NewCounter(prometheus.CounterOpts{Name: "eventgraph_refresh_retries_total",
		Help: "Retries after a failed attempt."})
	d.mArts = prometheus.NewCounterVec(prometheus.CounterOpts{Name: "eventgraph_refresh_articles_total",
		Help: "Articles seen by refresh runs, by outcome (new, changed, unchanged, failed, skipped_failed, duplicate)."}, []string{"outcome"})
	d.mEvents = prometheus.NewCounterVec(prometheus.CounterOpts{Name: "eventgraph_refresh_events_total",
		Help: "Events added or removed by refresh runs."}, []string{"change"})
	d.mLastOK = prometheus.NewGauge(prometheus.GaugeOpts{Name: "eventgraph_refresh_last_success_timestamp_seconds",
		Help: "Unix time of the end of the last successful (ok or partial) run."})
	d.mLastRun = prometheus.NewGauge(prometheus.GaugeOpts{Name: "eventgraph_refresh_last_run_timestamp_seconds",
		Help: "Unix time of the end of the last run."})
	d.mRunning = prometheus.NewGauge(prometheus.GaugeOpts{Name: "eventgraph_refresh_running",
		Help: "1 while a refresh runs."})
	d.mDur = prometheus.NewHistogram(prometheus.HistogramOpts{Name: "eventgraph_refresh_duration_seconds",
		Help: "Duration of refresh runs (retries included).", Buckets: []float64{0.1, 0.5, 1, 2, 5, 10, 30, 60, 120, 300, 600, 1800}})
	for _, s := range []string{"ok", "partial", "failed", "interrupted", "skipped"} {
		d.mRuns.WithLabelValues(s)
	}
	for _, o := range []string{"new", "changed", "unchanged", "failed", "skipped_failed", "duplicate"} {
		d.mArts.WithLabelValues(o)
	}
	d.mEvents.WithLabelValues("added")
	d.mEvents.WithLabelValues("removed")
	d.reg.MustRegister(d.mRuns, d.mFails, d.mRetries, d.mArts, d.mEvents, d.mLastOK, d.mLastRun, d.mRunning, d.mDur)
}

// Serve runs until ctx is cancelled (SIGINT/SIGTERM): then no new run
// starts, the run in progress stops after its current article's
// transaction, the HTTP server closes, and Serve returns nil.
func (d *Daemon) Serve(ctx context.Context) error {
	if d.Log == nil {
		d.Log = slog.New(slog.DiscardHandler)
	}
	if d.Retries < 0 {
		d.Retries = 0
	}
	if d.Backoff <= 0 {
		d.Backoff = 10 * time.Second
	}
	if d.MaxBackoff <= 0 {
		d.MaxBackoff = 5 * time.Minute
	}
	if d.RunTimeout <= 0 {
		d.RunTimeout = 30 * time.Minute
	}
	sched, err := ParseSchedule(d.Schedule)
	if err != nil {
		return err
	}
	d.initMetrics()
	var srv *http.Server
	if d.Listen != "" {
		if err := CheckListen(d.Listen, d.AllowNonLoopback); err != nil {
			return err
		}
		ln, err := net.Listen("tcp", d.Listen)
		if err != nil {
			return fmt.Errorf("listen %s: %w", d.Listen, err)
		}
		mux := http.NewServeMux()
		mux.HandleFunc("/healthz", d.health)
		mux.Handle("/metrics", promhttp.HandlerFor(d.reg, promhttp.HandlerOpts{}))
		srv = &http.Server{Handler: mux, ReadHeaderTimeout: 5 * time.Second}
		go func() { _ = srv.Serve(ln) }()
		d.Log.Info("serve: health and metrics", "addr", "http://"+ln.Addr().String())
		if d.Ready != nil {
			d.Ready(ln.Addr().String())
		}
	} else if d.Ready != nil {
		d.Ready("")
	}

	var wg sync.WaitGroup
	trigger := func() {
		d.mu.Lock()
		if d.running {
			d.mu.Unlock()
			d.Log.Info("serve: previous refresh still running; this tick is skipped")
			d.mRuns.WithLabelValues("skipped").Inc()
			return
		}
		d.running = true
		d.mu.Unlock()
		wg.Add(1)
		go func() {
			defer wg.Done()
			d.job(ctx)
			d.mu.Lock()
			d.running = false
			d.mu.Unlock()
		}()
	}
	c := cron.New(cron.WithParser(cron.NewParser(cron.SecondOptional | cron.Minute | cron.Hour | cron.Dom | cron.Month | cron.Dow | cron.Descriptor)))
	c.Schedule(sched, cron.FuncJob(trigger))
	c.Start()
	d.Log.Info("serve: scheduled", "schedule", d.Schedule, "next", sched.Next(time.Now()).Format(time.RFC3339))
	if d.RunAtStart {
		trigger()
	}
	<-ctx.Done()
	d.Log.Info("serve: shutting down; the article in flight finishes")
	<-c.Stop().Done()
	wg.Wait()
	if srv != nil {
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = srv.Shutdown(sctx)
	}
	d.Log.Info("serve: stopped")
	return nil
}

func (d *Daemon) health(w http.ResponseWriter, r *http.Request) {
	d.mu.Lock()
	body := map[string]any{"status": "ok", "running": d.running, "runs": d.runs, "last_status": d.lastStatus,
		"last_error": d.lastError, "schedule": d.Schedule}
	if !d.lastSuccess.IsZero() {
		body["last_success"] = d.lastSuccess.UTC().Format(time.RFC3339)
	}
	d.mu.Unlock()
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(body)
}

// job is one scheduled refresh with its retries, under the flock.
func (d *Daemon) job(ctx context.Context) {
	start := time.Now()
	d.mRunning.Set(1)
	defer d.mRunning.Set(0)
	rctx, cancel := context.WithTimeout(ctx, d.RunTimeout)
	defer cancel()
	status, errText := "failed", ""
	var sum *Summary
	backoff := d.Backoff
	for attempt := 0; ; attempt++ {
		var err error
		sum, err = d.attempt(rctx)
		if errors.Is(err, ErrLocked) {
			d.Log.Info("serve: another process is refreshing; this tick is skipped", "err", err)
			d.mRuns.WithLabelValues("skipped").Inc()
			return
		}
		if err == nil {
			status = sum.Status
			break
		}
		errText = err.Error()
		d.mFails.Inc()
		if ctx.Err() != nil {
			status = "interrupted"
			break
		}
		if attempt >= d.Retries || rctx.Err() != nil {
			d.Log.Error("serve: refresh failed; giving up until the next tick", "attempts", attempt+1, "err", err)
			break
		}
		d.Log.Warn("serve: refresh failed; retrying", "attempt", attempt+1, "in", backoff, "err", err)
		d.mRetries.Inc()
		select {
		case <-time.After(backoff):
		case <-rctx.Done():
		}
		backoff = min(2*backoff, d.MaxBackoff)
	}
	now := time.Now()
	d.mDur.Observe(now.Sub(start).Seconds())
	d.mRuns.WithLabelValues(status).Inc()
	d.mLastRun.Set(float64(now.Unix()))
	if sum != nil && (status == "ok" || status == "partial") {
		d.mArts.WithLabelValues("new").Add(float64(sum.New))
		d.mArts.WithLabelValues("changed").Add(float64(sum.Changed))
		d.mArts.WithLabelValues("unchanged").Add(float64(sum.Unchanged))
		d.mArts.WithLabelValues("failed").Add(float64(sum.Failed))
		d.mArts.WithLabelValues("skipped_failed").Add(float64(sum.SkippedFailed))
		d.mArts.WithLabelValues("duplicate").Add(float64(sum.Duplicates))
		d.mEvents.WithLabelValues("added").Add(float64(sum.EventsAdded))
		d.mEvents.WithLabelValues("removed").Add(float64(sum.EventsRemoved))
		d.mLastOK.Set(float64(now.Unix()))
	}
	d.mu.Lock()
	d.runs++
	d.lastStatus, d.lastError = status, errText
	if status == "ok" || status == "partial" {
		d.lastSuccess, d.lastError = now, ""
	}
	d.mu.Unlock()
	if sum != nil {
		d.Log.Info("serve: refresh done", "status", status, "new", sum.New, "changed", sum.Changed, "unchanged", sum.Unchanged,
			"failed", sum.Failed, "events_added", sum.EventsAdded, "events_removed", sum.EventsRemoved, "seconds", sum.Seconds)
	}
}

func (d *Daemon) attempt(ctx context.Context) (*Summary, error) {
	lock, err := TryLock(d.LockPath)
	if err != nil {
		return nil, err
	}
	defer lock.Unlock()
	return d.Run(ctx)
}
