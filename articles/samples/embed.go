// Package samples holds the built-in briefs the reader opens when it is
// started with no arguments, and that tests and demos use: the seed brief the
// product was designed from, kept verbatim, plus fictional diplomatic briefs
// written for this project (every person in them is invented).
package samples

import (
	"embed"
	"io/fs"
	"sort"
)

// FS holds every built-in brief at its root: plain-text briefs (*.txt, first
// line the title) and Markdown briefs (*.md, with YAML front matter).
//
//go:embed *.txt *.md
var FS embed.FS

// SeedName is the file name of the seed brief inside FS.
const SeedName = "000_94817b14d6ffb8f5.txt"

// Names returns the file names of the built-in briefs in FS, sorted.
func Names() []string {
	entries, err := fs.ReadDir(FS, ".")
	if err != nil {
		// The embedded root always exists; an error here means no briefs.
		return nil
	}
	names := make([]string, 0, len(entries))
	for _, e := range entries {
		if !e.IsDir() {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	return names
}
