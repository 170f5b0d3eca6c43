package output

// The digest of a brief, for people: its title, the entities it names
// grouped by kind, and its quotes with their speakers.

import (
	"fmt"
	"io"
	"strings"

	"briefs/model"
)

// Markdown writes a human-readable digest of a: title, source and date,
// entities by kind with their mention counts, and quotes in reading order.
func Markdown(w io.Writer, a *model.Article) error {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n", oneLine(a.Title))
	if meta := metaLine(a); meta != "" {
		fmt.Fprintf(&b, "_%s_\n\n", meta)
	}
	if len(a.Entities) > 0 {
		b.WriteString("## Who and where\n\n")
		for _, k := range model.Kinds {
			if names := kindNames(a, k); len(names) > 0 {
				fmt.Fprintf(&b, "- **%s**: %s\n", k.Heading(), strings.Join(names, ", "))
			}
		}
		b.WriteString("\n")
	}
	if len(a.Quotes) > 0 {
		b.WriteString("## What was said\n\n")
		for _, q := range a.Quotes {
			fmt.Fprintf(&b, "- “%s” — %s\n", oneLine(q.Text), oneLine(speaker(q)))
		}
		b.WriteString("\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// metaLine is the outlet, source, date and URL of a, joined by " · ".
func metaLine(a *model.Article) string {
	var meta []string
	if a.Outlet != "" {
		meta = append(meta, a.Outlet)
	}
	if a.Source != "" {
		meta = append(meta, a.Source)
	}
	if !a.Published.IsZero() {
		meta = append(meta, a.Published.Format("2006-01-02"))
	}
	if a.URL != "" {
		meta = append(meta, a.URL)
	}
	return strings.Join(meta, " · ")
}

// speaker is who said q, with their role: "unattributed" when nobody is named.
func speaker(q model.Quote) string {
	who := q.Speaker
	if who == "" {
		who = "unattributed"
	}
	if q.SpeakerRole != "" {
		who += ", " + q.SpeakerRole
	}
	return who
}

// oneLine folds line breaks so one value stays on one Markdown line.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// Text writes the digest of a in plain text: the title underlined, the
// source line, the entities by kind and the quotes with their speakers.
func Text(w io.Writer, a *model.Article) error {
	var b strings.Builder
	title := oneLine(a.Title)
	fmt.Fprintf(&b, "%s\n%s\n", title, strings.Repeat("=", min(max(len([]rune(title)), 3), 78)))
	if meta := metaLine(a); meta != "" {
		fmt.Fprintf(&b, "%s\n", meta)
	}
	b.WriteString("\n")
	for _, k := range model.Kinds {
		if names := kindNames(a, k); len(names) > 0 {
			fmt.Fprintf(&b, "%s: %s\n", k.Heading(), strings.Join(names, ", "))
		}
	}
	if len(a.Entities) > 0 {
		b.WriteString("\n")
	}
	for _, q := range a.Quotes {
		fmt.Fprintf(&b, "“%s” — %s\n", oneLine(q.Text), oneLine(speaker(q)))
	}
	if len(a.Quotes) > 0 {
		b.WriteString("\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// kindNames are a's entities of kind k as "Name (mentions)", in a's order.
func kindNames(a *model.Article, k model.EntityKind) []string {
	var names []string
	for _, e := range a.Entities {
		if e.Kind == k {
			names = append(names, fmt.Sprintf("%s (%d)", oneLine(e.Name), len(e.Mentions)))
		}
	}
	return names
}
