package cli

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/eventgraph/eventgraph/report"
	"github.com/spf13/cobra"
)

type reportOptions struct {
	format string
	out    string
	focus  []string
	window string
	title  string
}

func (app *App) collect(cmd *cobra.Command, o *reportOptions) (*report.Data, error) {
	ctx := cmd.Context()
	conn, err := app.Connect(ctx)
	if err != nil {
		return nil, err
	}
	defer conn.Close(ctx)
	return report.Collect(ctx, conn.Driver, conn.Database, report.CollectOptions{Title: o.title, Window: o.window, Focus: o.focus})
}

func (app *App) reportCmd() *cobra.Command {
	o := &reportOptions{}
	cmd := &cobra.Command{
		Use:   "report [--format html|md] [-o FILE] [--focus PERSON ...] [--window all|YEAR]",
		Short: "Write a network report: one offline HTML page, or Markdown with SVG pictures beside it",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if o.format != "html" && o.format != "md" {
				return usageError{fmt.Errorf("--format %q: use html or md", o.format)}
			}
			d, err := app.collect(cmd, o)
			if err != nil {
				return err
			}
			if d.Empty() {
				fmt.Fprintln(app.Err, "eventgraph: the graph holds no events yet: load articles first (eventgraph load --manifest DIR/manifest.yaml DIR); the report says so")
			}
			out := o.out
			if o.format == "md" {
				dir := out
				if dir == "" {
					dir = "report"
				} else if strings.HasSuffix(dir, ".md") {
					dir = filepath.Dir(dir)
				}
				path, err := report.RenderMarkdown(dir, d)
				if err != nil {
					return err
				}
				fmt.Fprintln(app.Out, path)
				return nil
			}
			if out == "" || out == "-" {
				w := bufio.NewWriter(app.Out)
				if err := report.RenderHTML(w, d); err != nil {
					return err
				}
				return w.Flush()
			}
			if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
				return err
			}
			f, err := os.Create(out)
			if err != nil {
				return err
			}
			w := bufio.NewWriter(f)
			if err := report.RenderHTML(w, d); err != nil {
				f.Close()
				return err
			}
			if err := errors.Join(w.Flush(), f.Close()); err != nil {
				return err
			}
			abs, _ := filepath.Abs(out)
			fmt.Fprintf(app.Out, "report written to %s\n", abs)
			return nil
		},
	}
	cmd.Flags().StringVarP(&o.format, "format", "f", "html", "html or md")
	cmd.Flags().StringVarP(&o.out, "output", "o", "", "output file (html; default standard output) or folder (md; default ./report)")
	cmd.Flags().StringArrayVar(&o.focus, "focus", nil, "a person whose ties come first (repeatable)")
	cmd.Flags().StringVar(&o.window, "window", "all", "all, or a date prefix such as 2024 or 2024-05")
	cmd.Flags().StringVar(&o.title, "title", "", "report title")
	return cmd
}

func (app *App) exportCmd() *cobra.Command {
	o := &reportOptions{}
	var countries bool
	cmd := &cobra.Command{
		Use:   "export --format graphml|gexf|csv -o FILE",
		Short: "Export the leader network with metrics for NetworkX, Gephi and spreadsheets",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if o.out == "" {
				return usageError{errors.New("-o FILE is required (a folder for csv)")}
			}
			opt := report.ExportOptions{Countries: countries}
			switch o.format {
			case "graphml", "gexf", "csv":
			default:
				return usageError{fmt.Errorf("--format %q: use graphml, gexf or csv", o.format)}
			}
			d, err := app.collect(cmd, o)
			if err != nil {
				return err
			}
			if o.format == "csv" {
				n, e, err := opt.WriteCSV(o.out, d)
				if err != nil {
					return err
				}
				fmt.Fprintf(app.Out, "%s\n%s\n", n, e)
				return nil
			}
			f, err := os.Create(o.out)
			if err != nil {
				return err
			}
			w := bufio.NewWriter(f)
			if o.format == "graphml" {
				err = opt.WriteGraphML(w, d)
			} else {
				err = opt.WriteGEXF(w, d)
			}
			if err := errors.Join(err, w.Flush(), f.Close()); err != nil {
				return err
			}
			fmt.Fprintf(app.Out, "%d people and %d ties written to %s\n", len(d.Nodes), len(d.Edges), o.out)
			return nil
		},
	}
	cmd.Flags().StringVarP(&o.format, "format", "f", "graphml", "graphml, gexf or csv")
	cmd.Flags().StringVarP(&o.out, "output", "o", "", "output file (a folder for csv)")
	cmd.Flags().StringVar(&o.window, "window", "all", "all, or a date prefix such as 2024")
	cmd.Flags().BoolVar(&countries, "countries", false, "also export countries as nodes")
	return cmd
}
