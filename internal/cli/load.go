package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/eventgraph/eventgraph/loader"
	"github.com/eventgraph/eventgraph/loader/extract"
	"github.com/eventgraph/eventgraph/loader/kb"
	"github.com/eventgraph/eventgraph/loader/sink"
	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"
	"golang.org/x/term"
)

type extractOptions struct {
	manifest string
	kbDir    string
	out      string
	workers  int
}

func (app *App) addExtractFlags(cmd *cobra.Command, o *extractOptions) {
	cmd.Flags().StringVar(&o.manifest, "manifest", "", "manifest.yaml with feed metadata (published, language, title, outlet, url)")
	cmd.Flags().StringVar(&o.kbDir, "kb", "", "folder of YAML files that add to or override the knowledge base (config extract.kb_overlay)")
	cmd.Flags().IntVar(&o.workers, "workers", 0, "parallel extraction workers (default: number of CPUs)")
	app.bindFlag("extract.kb_overlay", cmd.Flags().Lookup("kb"))
}

// KB loads the knowledge base with the configured overlay.
func (app *App) KB() (*kb.KB, error) {
	c, err := app.Config()
	if err != nil {
		return nil, err
	}
	return kb.Load(c.Extract.KBOverlay)
}

// bar returns a progress bar on a terminal, nil otherwise.
func (app *App) bar(n int, what string) *progressbar.ProgressBar {
	f, ok := app.Err.(*os.File)
	if app.quiet || !ok || !term.IsTerminal(int(f.Fd())) || n < 2 {
		return nil
	}
	return progressbar.NewOptions(n, progressbar.OptionSetWriter(f), progressbar.OptionSetDescription(what),
		progressbar.OptionShowCount(), progressbar.OptionClearOnFinish(), progressbar.OptionThrottle(100*time.Millisecond))
}

func tickOf(b *progressbar.ProgressBar) func() {
	if b == nil {
		return nil
	}
	return func() { _ = b.Add(1) }
}

func (app *App) runExtract(ctx context.Context, o *extractOptions, paths []string) (*loader.Extracted, error) {
	c, err := app.Config()
	if err != nil {
		return nil, err
	}
	k, err := app.KB()
	if err != nil {
		return nil, err
	}
	files, _, _, err := loader.Files(loader.Options{Paths: paths, Manifest: o.manifest})
	if err != nil {
		return nil, err
	}
	b := app.bar(len(files), "extract")
	ex, err := loader.Extract(ctx, loader.Options{Paths: paths, Manifest: o.manifest, KB: k, MaxBytes: c.Extract.MaxBytes,
		Workers: o.workers, Tick: tickOf(b)})
	if b != nil {
		_ = b.Finish()
	}
	if err != nil {
		return nil, err
	}
	for _, p := range ex.Problems {
		fmt.Fprintln(app.Err, "eventgraph:", p)
	}
	return ex, nil
}

func (app *App) extractCmd() *cobra.Command {
	o := &extractOptions{}
	cmd := &cobra.Command{
		Use:   "extract [--manifest FILE] [--kb DIR] [-o OUT.jsonl] PATH...",
		Short: "Extract actors, events and claims as JSON Lines (docs/extraction-contract.md)",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ex, err := app.runExtract(cmd.Context(), o, args)
			if err != nil {
				return err
			}
			var w io.Writer = app.Out
			if o.out != "" && o.out != "-" {
				f, err := os.Create(o.out)
				if err != nil {
					return err
				}
				defer f.Close()
				w = f
			}
			bw := bufio.NewWriter(w)
			if err := extract.Write(bw, ex.Results, ex.Events); err != nil {
				return err
			}
			if err := bw.Flush(); err != nil {
				return err
			}
			if len(ex.Problems) > 0 {
				return fmt.Errorf("%w: %d of %d inputs could not be extracted", errPartial, len(ex.Problems), ex.Files+countNotFound(ex))
			}
			return nil
		},
	}
	app.addExtractFlags(cmd, o)
	cmd.Flags().StringVarP(&o.out, "output", "o", "", "write JSON Lines here instead of standard output")
	return cmd
}

func countNotFound(ex *loader.Extracted) int { return max(0, len(ex.Problems)-ex.Files) }

func (app *App) loadCmd() *cobra.Command {
	o := &extractOptions{}
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "load [--manifest FILE] PATH...",
		Short: "Extract and write to Neo4j (idempotent: loading twice changes nothing)",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			start := time.Now()
			ex, err := app.runExtract(ctx, o, args)
			if err != nil {
				return err
			}
			c, err := app.Config()
			if err != nil {
				return err
			}
			conn, err := app.Connect(ctx)
			if err != nil {
				return err
			}
			defer conn.Close(ctx)
			k, err := app.KB()
			if err != nil {
				return err
			}
			s := &sink.Sink{Driver: conn.Driver, Database: conn.Database, BatchSize: c.Neo4j.BatchSize, KB: k}
			b := app.bar(len(ex.Results), "load")
			sum, problems, err := loader.Write(ctx, s, ex, tickOf(b))
			if b != nil {
				_ = b.Finish()
			}
			if err != nil {
				return err
			}
			for _, p := range problems {
				fmt.Fprintln(app.Err, "eventgraph:", p)
			}
			sum.Failed += len(ex.Problems)
			sum.Seconds = time.Since(start).Seconds()
			if asJSON {
				if err := json.NewEncoder(app.Out).Encode(sum); err != nil {
					return err
				}
			} else {
				fmt.Fprintf(app.Out, "loaded %d articles (%d failed), %d actors, %d events, %d claims in %.1fs into %s\n",
					sum.Articles, sum.Failed, sum.Actors, sum.Events, sum.Claims, sum.Seconds, conn.URI)
			}
			if sum.Failed > 0 {
				return fmt.Errorf("%w: %d inputs failed", errPartial, sum.Failed)
			}
			return nil
		},
	}
	app.addExtractFlags(cmd, o)
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the summary as JSON")
	return cmd
}
