package cli

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/eventgraph/eventgraph/internal/neo4jlocal"
	"github.com/spf13/cobra"
)

func (app *App) neo4jCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "neo4j",
		Short: "Manage the local Neo4j server (install, start, stop, status, env)",
		Long: "The managed Neo4j is a Neo4j Community server assembled from Maven Central, listening on loopback only,\n" +
			"with authentication on and a generated password kept in a file only you can read.\n" +
			"It is used whenever NEO4J_URI (neo4j.uri) is not set.",
	}
	var asJSON bool
	install := &cobra.Command{
		Use:   "install",
		Short: "Assemble Neo4j Community from Maven Central into the cache folder",
		RunE: func(cmd *cobra.Command, args []string) error {
			srv, err := app.Server()
			if err != nil {
				return err
			}
			if err := srv.Install(cmd.Context()); err != nil {
				return err
			}
			fmt.Fprintf(app.Out, "Neo4j %s installed in %s\n", srv.Version, srv.DistDir)
			return nil
		},
	}
	start := &cobra.Command{
		Use:   "start",
		Short: "Start the managed Neo4j (installs it when needed; no-op when it runs)",
		RunE: func(cmd *cobra.Command, args []string) error {
			srv, err := app.Server()
			if err != nil {
				return err
			}
			st, err := srv.Start(cmd.Context())
			if err != nil {
				return err
			}
			return app.printStatus(st, asJSON)
		},
	}
	stop := &cobra.Command{
		Use:   "stop",
		Short: "Stop the managed Neo4j (SIGTERM, then wait)",
		RunE: func(cmd *cobra.Command, args []string) error {
			srv, err := app.Server()
			if err != nil {
				return err
			}
			if err := srv.Stop(cmd.Context(), 90*time.Second); err != nil {
				return err
			}
			fmt.Fprintln(app.Out, "stopped")
			return nil
		},
	}
	status := &cobra.Command{
		Use:   "status",
		Short: "Say whether the managed Neo4j runs, with URI, version, pid and data folder",
		RunE: func(cmd *cobra.Command, args []string) error {
			srv, err := app.Server()
			if err != nil {
				return err
			}
			return app.printStatus(srv.Status(cmd.Context()), asJSON)
		},
	}
	env := &cobra.Command{
		Use:   "env",
		Short: "Print export lines for the managed server: eval \"$(eventgraph neo4j env)\"",
		RunE: func(cmd *cobra.Command, args []string) error {
			srv, err := app.Server()
			if err != nil {
				return err
			}
			if !srv.Status(cmd.Context()).Running {
				return fmt.Errorf("%w; run: eventgraph neo4j start", neo4jlocal.ErrNotRunning)
			}
			pw, err := srv.Password()
			if err != nil {
				return err
			}
			// The one place a credential is written out, on purpose and only
			// to standard output, for eval by the user's shell.
			fmt.Fprintf(app.Out, "export NEO4J_URI=%s NEO4J_USERNAME=%s NEO4J_PASSWORD=%s\n",
				shellQuote(srv.URI()), neo4jlocal.Username, shellQuote(pw))
			return nil
		},
	}
	for _, c := range []*cobra.Command{start, status} {
		c.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	}
	cmd.AddCommand(install, start, stop, status, env)
	return cmd
}

func (app *App) printStatus(st neo4jlocal.Status, asJSON bool) error {
	if asJSON {
		enc := json.NewEncoder(app.Out)
		enc.SetIndent("", "  ")
		return enc.Encode(st)
	}
	state := "not running"
	if st.Running {
		state = "running"
	}
	fmt.Fprintf(app.Out, "status:  %s\nuri:     %s\nversion: %s\n", state, st.URI, st.Version)
	if st.PID != 0 {
		fmt.Fprintf(app.Out, "pid:     %d\n", st.PID)
	}
	fmt.Fprintf(app.Out, "data:    %s\n", st.DataDir)
	return nil
}

func shellQuote(s string) string {
	out := "'"
	for _, r := range s {
		if r == '\'' {
			out += `'\''`
		} else {
			out += string(r)
		}
	}
	return out + "'"
}
