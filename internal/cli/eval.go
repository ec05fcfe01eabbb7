package cli

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/eventgraph/eventgraph/loader/extract"
	"github.com/eventgraph/eventgraph/loader/extract/eval"
	"github.com/spf13/cobra"
)

func (app *App) evalCmd() *cobra.Command {
	o := &extractOptions{}
	var gold string
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "eval --gold GOLD.json [--manifest F] PATH...",
		Short: "Score eventgraph's own extraction against a gold annotation (same rules as score_extraction.py)",
		Long: "Extracts PATH... and scores the result against a gold file in the format of the seed corpus's gold.json:\n" +
			"entities per article (precision over all predicted actors, recall over required ones) and events over the corpus\n" +
			"(dates compatible by prefix, required participants present, duplicates count against precision).\n" +
			"Users who extend the knowledge base (--kb) can measure themselves with it.",
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if gold == "" {
				return usageError{fmt.Errorf("--gold is required")}
			}
			g, err := eval.LoadGold(gold)
			if err != nil {
				return fmt.Errorf("gold %s: %w", gold, err)
			}
			ex, err := app.runExtract(cmd.Context(), o, args)
			if err != nil {
				return err
			}
			var buf bytes.Buffer
			if err := extract.Write(&buf, ex.Results, ex.Events); err != nil {
				return err
			}
			p, err := eval.ReadPred(&buf)
			if err != nil {
				return err
			}
			r := eval.Score(g, p)
			if asJSON {
				enc := json.NewEncoder(app.Out)
				enc.SetIndent("", " ")
				return enc.Encode(r)
			}
			fmt.Fprint(app.Out, r.String())
			return nil
		},
	}
	app.addExtractFlags(cmd, o)
	cmd.Flags().StringVar(&gold, "gold", "", "gold annotation (JSON, as ../shared/corpus/seeds/gold.json)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the scores as JSON")
	return cmd
}
