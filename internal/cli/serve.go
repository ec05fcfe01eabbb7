package cli

import (
	"fmt"
	"time"

	"github.com/eventgraph/eventgraph/refresh"
	"github.com/spf13/cobra"
)

func (app *App) serveCmd() *cobra.Command {
	o := &refreshOptions{}
	d := &refresh.Daemon{}
	cmd := &cobra.Command{
		Use:   "serve --schedule SPEC [--source DIR]... [--feed URL]...",
		Short: "Run refresh on a schedule, one at a time, with /healthz and /metrics (docs/refresh.md)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			c, err := app.Config()
			if err != nil {
				return err
			}
			if d.Schedule == "" {
				d.Schedule = c.Refresh.Schedule
			}
			if !cmd.Flags().Changed("listen") {
				d.Listen = c.Refresh.Listen
			}
			if d.Schedule == "" {
				return usageError{fmt.Errorf("--schedule is required (a cron spec such as \"*/10 * * * *\", or \"@every 10m\")")}
			}
			if _, err := refresh.ParseSchedule(d.Schedule); err != nil {
				return usageError{err}
			}
			if d.Listen != "" {
				if err := refresh.CheckListen(d.Listen, d.AllowNonLoopback); err != nil {
					return usageError{err}
				}
			}
			if _, err := o.sourceList(0); err != nil {
				return err
			}
			path, err := app.lockPath(o)
			if err != nil {
				return err
			}
			d.LockPath = path
			d.Run = app.refreshOnce(o)
			d.Log = app.log
			d.Ready = func(addr string) {
				if addr != "" {
					fmt.Fprintf(app.Err, "eventgraph: serving /healthz and /metrics on http://%s\n", addr)
				}
			}
			return d.Serve(cmd.Context())
		},
	}
	app.addRefreshFlags(cmd, o)
	f := cmd.Flags()
	f.StringVar(&d.Schedule, "schedule", "", "cron spec (5 fields, or 6 with seconds) or @every DURATION, @hourly, ...")
	f.StringVar(&d.Listen, "listen", "127.0.0.1:9464", "address of /healthz and /metrics (loopback only unless --allow-non-loopback; empty: none)")
	f.BoolVar(&d.AllowNonLoopback, "allow-non-loopback", false, "allow a non-loopback --listen address")
	f.IntVar(&d.Retries, "retries", 3, "retries after a failed run (database unreachable), with back-off")
	f.DurationVar(&d.Backoff, "retry-backoff", 10*time.Second, "first back-off; doubled after each failure, at most 5m")
	f.DurationVar(&d.RunTimeout, "run-timeout", 30*time.Minute, "bound of one run with its retries (the article in flight still finishes)")
	f.BoolVar(&d.RunAtStart, "run-at-start", true, "run once right away, then on the schedule")
	return cmd
}
