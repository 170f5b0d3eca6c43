package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"briefs/articles/output"
	"briefs/model"
)

func newEntitiesCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "entities [PATH|URL|-]...",
		Short: "List every entity of the briefs, with counts and company",
		Long: `List every entity the briefs name (people, countries, places, organisations, nationalities),
most often named first, with how many briefs and mentions, and the entities most often named
alongside it. Nothing found: a line on standard error and exit status 1.`,
		Example: `briefs entities --kind country
briefs entities ~/briefs --format json`,
	}
	format := addFormatFlag(cmd, output.FormatText, output.FormatJSONL, output.FormatJSONL, output.FormatJSON, output.FormatMarkdown, output.FormatText)
	archive := addArchiveFlags(cmd)
	kinds := make([]string, len(model.Kinds))
	for i, k := range model.Kinds {
		kinds[i] = string(k)
	}
	kind := cmd.Flags().StringP("kind", "k", "", "only entities of this kind: "+orList(kinds))
	_ = cmd.RegisterFlagCompletionFunc("kind", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return kinds, cobra.ShellCompDirectiveNoFileComp
	})
	cmd.RunE = func(cmd *cobra.Command, args []string) error {
		f, err := format.get(cmd)
		if err != nil {
			return err
		}
		k, err := parseKind(*kind)
		if err != nil {
			return usagef(cmd, "%v", err)
		}
		in, err := archive.input(cmd, args)
		if err != nil {
			return err
		}
		c, err := loadCorpus(cmd, in, false)
		if err != nil {
			return err
		}
		ents := c.ix.EntitiesWith(k, 5)
		w := bufferedOut(cmd)
		if err := output.WriteEntities(w, f, ents); err != nil {
			return fmt.Errorf("write output: %w", err)
		}
		if err := w.Flush(); err != nil {
			return fmt.Errorf("write output: %w", err)
		}
		empty := ""
		if len(ents) == 0 {
			empty = "no entity found"
			if k != "" {
				empty = fmt.Sprintf("no entity of kind %s found", k)
			}
		}
		return finish(cmd, c.warns, empty)
	}
	return cmd
}

// parseKind reads a --kind value: a kind's name, singular or plural, in
// any case; "" is every kind.
func parseKind(s string) (model.EntityKind, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	if s == "" {
		return "", nil
	}
	names := make([]string, len(model.Kinds))
	for i, k := range model.Kinds {
		names[i] = string(k)
		if s == string(k) || s == string(k)+"s" || s == strings.TrimSuffix(string(k), "y")+"ies" {
			return k, nil
		}
	}
	switch s {
	case "people":
		return model.KindPerson, nil
	case "organisation", "organisations", "org", "orgs":
		return model.KindOrganization, nil
	}
	return "", fmt.Errorf("unknown kind %q: want %s", s, orList(names))
}
