// Package cli holds eventgraph's cobra commands: one options struct and one
// run function each.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"github.com/eventgraph/eventgraph/internal/config"
	"github.com/eventgraph/eventgraph/internal/neo4jlocal"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// Exit codes.
const (
	ExitOK      = 0
	ExitError   = 1 // the command failed
	ExitPartial = 2 // some inputs failed, the others were processed
	ExitUsage   = 64
)

// errPartial marks a run in which some inputs failed.
var errPartial = errors.New("some inputs failed")

// App is what every command shares.
type App struct {
	In       io.Reader
	Out      io.Writer
	Err      io.Writer
	Getenv   func(string) string
	cfgFile  string
	quiet    bool
	logLevel string
	flags    map[string]*pflag.Flag
	cfg      *config.Config
	log      *slog.Logger
}

// Main runs the command line and returns the exit status.
func Main(args []string, in io.Reader, out, errw io.Writer) int {
	return MainEnv(args, in, out, errw, os.Getenv)
}

// MainEnv is Main with an explicit environment (for tests).
func MainEnv(args []string, in io.Reader, out, errw io.Writer, getenv func(string) string) int {
	app := &App{In: in, Out: out, Err: errw, Getenv: getenv, flags: map[string]*pflag.Flag{}}
	root := app.rootCmd()
	root.SetArgs(args)
	root.SetIn(in)
	root.SetOut(out)
	root.SetErr(errw)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	err := root.ExecuteContext(ctx)
	switch {
	case err == nil:
		return ExitOK
	case errors.Is(err, errPartial):
		fmt.Fprintln(errw, "eventgraph:", err)
		return ExitPartial
	default:
		var ue usageError
		fmt.Fprintln(errw, "eventgraph:", err)
		if errors.As(err, &ue) {
			return ExitUsage
		}
		return ExitError
	}
}

type usageError struct{ error }

func (app *App) rootCmd() *cobra.Command {
	root := &cobra.Command{
		Use:           "eventgraph",
		Short:         "Turn news about diplomacy into an event graph in Neo4j",
		Long:          "eventgraph extracts leaders, countries, organizations, places and dated events from English and French news,\nloads them into Neo4j, analyzes the network and reports what it means.",
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error { return usageError{err} })
	pf := root.PersistentFlags()
	pf.StringVar(&app.cfgFile, "config", "", "configuration file (default: ./config.yaml when present, or $EVENTGRAPH_CONFIG)")
	pf.BoolVarP(&app.quiet, "quiet", "q", false, "no progress output")
	pf.StringVar(&app.logLevel, "log-level", "", "debug, info, warn or error (config log.level)")
	app.bindFlag("log.level", pf.Lookup("log-level"))
	root.AddCommand(app.neo4jCmd(), app.extractCmd(), app.loadCmd(), app.summaryCmd(), app.evalCmd(), app.analyzeCmd(), app.ingestCmd(), app.benchCmd(), app.reportCmd(), app.exportCmd(), app.queryCmd(), app.cypherCmd(), app.versionCmd(), app.refreshCmd(), app.serveCmd())
	return root
}

// bindFlag makes a flag override a config key when the user sets it.
func (app *App) bindFlag(key string, f *pflag.Flag) { app.flags[key] = f }

// Config loads the configuration once per invocation.
func (app *App) Config() (*config.Config, error) {
	if app.cfg != nil {
		return app.cfg, nil
	}
	wd, _ := os.Getwd()
	c, err := config.Load(config.Options{File: app.cfgFile, Flags: app.flags, Getenv: app.Getenv, SearchDirs: []string{wd}})
	if err != nil {
		return nil, err
	}
	app.cfg = c
	level := slog.LevelInfo
	_ = level.UnmarshalText([]byte(c.Log.Level))
	app.log = slog.New(slog.NewTextHandler(app.Err, &slog.HandlerOptions{Level: level}))
	return c, nil
}

// progress is where human progress lines go (nil when quiet).
func (app *App) progress() io.Writer {
	if app.quiet {
		return nil
	}
	return app.Err
}

// Server returns the managed Neo4j described by the configuration.
func (app *App) Server() (*neo4jlocal.Server, error) {
	c, err := app.Config()
	if err != nil {
		return nil, err
	}
	home := c.Managed.Home
	if home == "" {
		base, err := os.UserCacheDir()
		if err != nil {
			return nil, fmt.Errorf("managed.home is empty and the user cache dir is unknown (%v); set managed.home", err)
		}
		home = filepath.Join(base, "eventgraph", "neo4j")
	}
	return &neo4jlocal.Server{
		Version:      c.Managed.Version,
		DistDir:      filepath.Join(home, "dist", c.Managed.Version),
		Dir:          filepath.Join(home, "instance"),
		BoltPort:     c.Managed.BoltPort,
		Heap:         c.Managed.Heap,
		Pagecache:    c.Managed.Pagecache,
		StartTimeout: time.Duration(c.Managed.StartTimeout) * time.Second,
		Plugins:      c.Managed.Plugins,
		Progress:     app.progress(),
	}, nil
}

// Conn is an open connection to the configured Neo4j.
type Conn struct {
	Driver   neo4j.DriverWithContext
	Database string
	URI      string
}

// Close closes the driver.
func (c *Conn) Close(ctx context.Context) { _ = c.Driver.Close(ctx) }

// Connect opens the configured Neo4j: NEO4J_URI when set, otherwise the
// managed local server, started when it does not run yet.
func (app *App) Connect(ctx context.Context) (*Conn, error) {
	c, err := app.Config()
	if err != nil {
		return nil, err
	}
	uri, user, pw := c.Neo4j.URI, c.Neo4j.Username, c.Neo4j.Password.Reveal()
	if c.UsesManaged() {
		srv, err := app.Server()
		if err != nil {
			return nil, err
		}
		if st := srv.Status(ctx); !st.Running {
			if _, err := srv.Start(ctx); err != nil {
				return nil, err
			}
		}
		uri, user = srv.URI(), neo4jlocal.Username
		if pw, err = srv.Password(); err != nil {
			return nil, err
		}
	}
	d, err := neo4j.NewDriverWithContext(uri, neo4j.BasicAuth(user, pw, ""), func(cfg *neo4j.Config) {
		cfg.MaxConnectionPoolSize = 16
	})
	if err != nil {
		return nil, fmt.Errorf("neo4j %s: %w", uri, err)
	}
	vctx, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	if err := d.VerifyConnectivity(vctx); err != nil {
		_ = d.Close(ctx)
		return nil, fmt.Errorf("neo4j %s (user %s): %w", uri, user, err)
	}
	return &Conn{Driver: d, Database: c.Neo4j.Database, URI: uri}, nil
}

func (app *App) versionCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print the version",
		RunE: func(cmd *cobra.Command, args []string) error {
			fmt.Fprintln(app.Out, "eventgraph", Version)
			return nil
		},
	}
}

// Version is set at build time with -ldflags "-X ...cli.Version=...".
var Version = "dev"
