package config

// Editing the feeds of a config file in place: `briefs feeds add` and
// `briefs feeds remove` change the feeds array and nothing else, so the
// user's comments, blank lines, order and spacing stay as they were.
//
// Why by hand: BurntSushi/toml reads but cannot write a document back with
// its comments (it encodes a Go value, dropping every comment and the
// layout), and the comment-keeping TOML libraries (pelletier/go-toml/v2's
// unstable AST, which cannot write yet, and the tomlkit ports) would add a
// dependency for one array. The feeds array is a list of strings, so a small
// scanner that knows TOML's strings, comments and brackets finds it exactly
// (the rest of the file is skipped, not rewritten), and every edit is checked
// by parsing the result again before it is written.
//
// A feed's title is the comment that ends its line:
//
//	feeds = [
//	  "https://example.org/feed.xml", # Example News
//	]

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"
)

// FeedEntry is one feed of a config file: its URL and the title written in
// the comment ending its line ("" when there is none).
type FeedEntry struct {
	URL   string `json:"url"`
	Title string `json:"title,omitempty"`
}

// feedItem is a string of the feeds array, with where it lies in the file.
type feedItem struct {
	FeedEntry
	start, end int // the string literal
	comma      int // the comma after it, -1 when there is none
	comment    int // the start of the comment ending its line, -1 when there is none
	commentEnd int // the end of that comment (its newline excluded)
}

// feedsArray is the feeds array of a config file.
type feedsArray struct {
	open, close int // offsets of '[' and ']'
	items       []feedItem
}

// multiline reports an array that spans more than one line.
func (a *feedsArray) multiline(data []byte) bool {
	return bytes.IndexByte(data[a.open:a.close], '\n') >= 0
}

// ReadFeeds returns the feeds of a config file as written, titles included.
func ReadFeeds(data []byte) ([]FeedEntry, error) {
	a, _, err := locateFeeds(data)
	if err != nil || a == nil {
		return nil, err
	}
	out := make([]FeedEntry, len(a.items))
	for i, it := range a.items {
		out[i] = it.FeedEntry
	}
	return out, nil
}

// AddFeeds returns data with the feeds added at the end of the feeds array
// (made when there is none, before the first table). Feeds already in the
// array (by URL) are left out; added says how many were new.
func AddFeeds(data []byte, feeds []FeedEntry) (out []byte, added int, err error) {
	out = data
	nl := "\n"
	if bytes.Contains(data, []byte("\r\n")) {
		nl = "\r\n" // a file with Windows line ends keeps them
	}
	for _, f := range feeds {
		f.URL = strings.TrimSpace(f.URL)
		f.Title = cleanTitle(f.Title)
		a, tableStart, err := locateFeeds(out)
		if err != nil {
			return data, 0, err
		}
		if a != nil && slices.ContainsFunc(a.items, func(it feedItem) bool { return sameURL(it.URL, f.URL) }) {
			continue
		}
		if a == nil {
			out = insertArray(out, tableStart, f, nl)
		} else {
			out = appendItem(out, a, f, nl)
		}
		added++
	}
	if err := checkFeeds(data, out); err != nil {
		return data, 0, err
	}
	return out, added, nil
}

// RemoveFeed returns data without the feed whose URL is key, or whose
// title is key (case folded), with the comment ending its line.
func RemoveFeed(data []byte, key string) ([]byte, FeedEntry, error) {
	a, _, err := locateFeeds(data)
	if err != nil {
		return data, FeedEntry{}, err
	}
	if a == nil {
		return data, FeedEntry{}, errors.New("the config names no feeds")
	}
	key = strings.TrimSpace(key)
	found := -1
	for i, it := range a.items {
		if sameURL(it.URL, key) {
			found = i
			break
		}
	}
	if found < 0 {
		for i, it := range a.items {
			if it.Title != "" && strings.EqualFold(it.Title, key) {
				if found >= 0 {
					return data, FeedEntry{}, fmt.Errorf("%q is the title of more than one feed: name its URL", key)
				}
				found = i
			}
		}
	}
	if found < 0 {
		return data, FeedEntry{}, fmt.Errorf("no feed %q in the config", key)
	}
	it := a.items[found]
	var from, to int
	lineStart := bytes.LastIndexByte(data[:it.start], '\n') + 1
	end := it.end
	if it.comma >= 0 {
		end = it.comma + 1
	}
	if it.comment >= 0 {
		end = it.commentEnd
	}
	lineEnd := len(data)
	if i := bytes.IndexByte(data[end:], '\n'); i >= 0 {
		lineEnd = end + i
	}
	switch {
	case isBlank(data[lineStart:it.start]) && isBlank(data[end:lineEnd]):
		// Alone on its line: the line goes.
		from, to = lineStart, min(lineEnd+1, len(data))
	case it.comma >= 0:
		from, to = it.start, it.comma+1
		for to < len(data) && (data[to] == ' ' || data[to] == '\t') {
			to++
		}
		if it.comment >= 0 {
			from, to = it.start, it.commentEnd
		}
	case found > 0:
		// The last item, without a comma: the comma before it goes.
		from, to = a.items[found-1].comma, it.end
		if it.comment >= 0 {
			to = it.commentEnd
		}
	default:
		from, to = it.start, it.end
	}
	out := slices.Concat(data[:from], data[to:])
	if err := checkFeeds(data, out); err != nil {
		return data, FeedEntry{}, err
	}
	return out, it.FeedEntry, nil
}

// WriteFile replaces the file at path with data, through a temporary file in
// its folder (a crash leaves the old file or the new, never half of one),
// keeping its permissions; a missing file and its folders are made.
func WriteFile(path string, data []byte) error {
	mode := os.FileMode(0o644)
	if st, err := os.Stat(path); err == nil {
		mode = st.Mode().Perm()
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(filepath.Dir(path), ".config-*.toml")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Chmod(mode); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), path)
}

// checkFeeds parses the edited file: it must still be TOML, and everything
// but the feeds must be as before.
func checkFeeds(before, after []byte) error {
	var b, a map[string]any
	if err := toml.Unmarshal(before, &b); err != nil {
		return fmt.Errorf("the config is not valid TOML, so it is left as it is: %w", err)
	}
	if err := toml.Unmarshal(after, &a); err != nil {
		return fmt.Errorf("editing the feeds would break the config, so it is left as it is: %w", err)
	}
	delete(a, "feeds")
	delete(b, "feeds")
	if fmt.Sprint(a) != fmt.Sprint(b) {
		return errors.New("editing the feeds would change other settings, so the config is left as it is")
	}
	return nil
}

func isBlank(b []byte) bool { return len(bytes.TrimSpace(b)) == 0 }

// sameURL compares feed URLs, a trailing slash aside.
func sameURL(a, b string) bool {
	return strings.TrimSuffix(strings.TrimSpace(a), "/") == strings.TrimSuffix(strings.TrimSpace(b), "/")
}

// cleanTitle makes a title fit in a comment: one line, no control characters.
func cleanTitle(s string) string {
	s = strings.Map(func(r rune) rune {
		if r < ' ' || r == 0x7f || r == 0x2028 || r == 0x2029 {
			return ' '
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// quoteTOML writes s as a TOML basic string.
func quoteTOML(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < ' ' || r == 0x7f:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// entryLine is a feed as a line of a multi-line array, newline included.
func entryLine(indent string, f FeedEntry) string {
	s := indent + quoteTOML(f.URL) + ","
	if f.Title != "" {
		s += " # " + f.Title
	}
	return s + "\n"
}

// insertArray adds a feeds array holding f before the first table (and the
// comments just above it), or at the end when there is no table.
func insertArray(data []byte, tableStart int, f FeedEntry, nl string) []byte {
	at := tableStart
	if at < len(data) {
		// Keep a table's comments with it.
		for at > 0 {
			prev := bytes.LastIndexByte(data[:at-1], '\n') + 1
			if !bytes.HasPrefix(bytes.TrimSpace(data[prev:at]), []byte("#")) {
				break
			}
			at = prev
		}
	}
	block := "feeds = [\n" + entryLine("  ", f) + "]\n"
	prefix := ""
	if at > 0 && data[at-1] != '\n' {
		prefix = "\n"
	}
	if at < len(data) {
		block += "\n"
	}
	return slices.Concat(data[:at], []byte(strings.ReplaceAll(prefix+block, "\n", nl)), data[at:])
}

// appendItem adds f at the end of the feeds array a.
func appendItem(data []byte, a *feedsArray, f FeedEntry, nl string) []byte {
	if !a.multiline(data) {
		if f.Title == "" {
			// ["a", "b"] -> ["a", "b", "c"]
			ins := quoteTOML(f.URL)
			if n := len(a.items); n > 0 {
				if a.items[n-1].comma < 0 {
					ins = ", " + ins
				} else if data[a.close-1] != ' ' {
					ins = " " + ins
				}
			}
			return slices.Concat(data[:a.close], []byte(ins), data[a.close:])
		}
		// A title needs a line of its own: one feed a line.
		var b strings.Builder
		b.WriteString("[\n")
		for _, it := range a.items {
			b.WriteString("  ")
			b.Write(data[it.start:it.end])
			b.WriteString(",\n")
		}
		b.WriteString(entryLine("  ", f))
		b.WriteString("]")
		return slices.Concat(data[:a.open], []byte(strings.ReplaceAll(b.String(), "\n", nl)), data[a.close+1:])
	}
	indent := "  "
	var fix []byte // the comma the last item lacks
	fixAt := -1
	if n := len(a.items); n > 0 {
		last := a.items[n-1]
		ls := bytes.LastIndexByte(data[:last.start], '\n') + 1
		if isBlank(data[ls:last.start]) {
			indent = string(data[ls:last.start])
		}
		if last.comma < 0 {
			fix, fixAt = []byte(","), last.end
		}
	}
	closeLine := bytes.LastIndexByte(data[:a.close], '\n') + 1
	var ins string
	at := closeLine
	if !isBlank(data[closeLine:a.close]) {
		// "b"] closes the array on an item's line.
		at, ins = a.close, "\n"+entryLine(indent, f)
	} else {
		ins = entryLine(indent, f)
	}
	out := slices.Concat(data[:at], []byte(strings.ReplaceAll(ins, "\n", nl)), data[at:])
	if fixAt >= 0 {
		out = slices.Concat(out[:fixAt], fix, out[fixAt:])
	}
	return out
}

// locateFeeds finds the feeds array of the root table. With none it
// returns nil and the offset of the first table header (len(data) without one).
func locateFeeds(data []byte) (*feedsArray, int, error) {
	i := 0
	for i < len(data) {
		// At the start of a line of the root table.
		for i < len(data) && (data[i] == ' ' || data[i] == '\t' || data[i] == '\r' || data[i] == '\n') {
			i++
		}
		if i >= len(data) {
			break
		}
		switch c := data[i]; {
		case c == '#':
			i = skipLine(data, i)
			continue
		case c == '[':
			return nil, lineStart(data, i), nil
		}
		keyStart := i
		for i < len(data) && data[i] != '=' && data[i] != '\n' && data[i] != '#' {
			if data[i] == '"' || data[i] == '\'' {
				j, err := skipString(data, i)
				if err != nil {
					return nil, 0, err
				}
				i = j
				continue
			}
			i++
		}
		if i >= len(data) || data[i] != '=' {
			return nil, 0, fmt.Errorf("config line %d is not key = value", lineOf(data, keyStart))
		}
		key := strings.TrimSpace(strings.TrimPrefix(string(data[keyStart:i]), "\ufeff")) // a byte order mark may open the file
		i++
		for i < len(data) && (data[i] == ' ' || data[i] == '\t') {
			i++
		}
		if key == "feeds" || key == `"feeds"` || key == `'feeds'` {
			if i >= len(data) || data[i] != '[' {
				return nil, 0, fmt.Errorf("config line %d: feeds is not a list", lineOf(data, keyStart))
			}
			a, err := parseArray(data, i)
			return a, 0, err
		}
		j, err := skipValue(data, i)
		if err != nil {
			return nil, 0, err
		}
		i = j
	}
	return nil, len(data), nil
}

// parseArray reads the array of strings opening at data[open].
func parseArray(data []byte, open int) (*feedsArray, error) {
	a := &feedsArray{open: open}
	i := open + 1
	lastOnLine := -1 // the item a comment would end the line of
	for i < len(data) {
		switch c := data[i]; c {
		case ' ', '\t', '\r':
			i++
		case '\n':
			lastOnLine = -1
			i++
		case ',':
			if n := len(a.items); n > 0 && a.items[n-1].comma < 0 && a.items[n-1].end <= i {
				a.items[n-1].comma = i
			}
			i++
		case '#':
			j := skipLine(data, i)
			end := j
			if end > i && data[end-1] == '\n' {
				end--
			}
			if end > i && data[end-1] == '\r' {
				end--
			}
			if lastOnLine >= 0 {
				it := &a.items[lastOnLine]
				it.comment, it.commentEnd = i, end
				it.Title = cleanTitle(strings.TrimPrefix(string(data[i:end]), "#"))
			}
			lastOnLine = -1 // the comment ends the line
			i = j
		case '"', '\'':
			j, err := skipString(data, i)
			if err != nil {
				return nil, err
			}
			var v struct{ V string }
			if _, err := toml.Decode("V = "+string(data[i:j]), &v); err != nil {
				return nil, fmt.Errorf("config line %d: %v", lineOf(data, i), err)
			}
			a.items = append(a.items, feedItem{FeedEntry: FeedEntry{URL: v.V}, start: i, end: j, comma: -1, comment: -1})
			lastOnLine = len(a.items) - 1
			i = j
		case ']':
			a.close = i
			return a, nil
		default:
			return nil, fmt.Errorf("config line %d: feeds holds something other than strings", lineOf(data, i))
		}
	}
	return nil, errors.New("the feeds list is not closed")
}

// skipValue skips a value to the end of its line (past nested brackets and
// multi-line strings).
func skipValue(data []byte, i int) (int, error) {
	depth := 0
	for i < len(data) {
		switch data[i] {
		case '"', '\'':
			j, err := skipString(data, i)
			if err != nil {
				return 0, err
			}
			i = j
			continue
		case '#':
			i = skipLine(data, i)
			if depth == 0 {
				return i, nil
			}
			continue
		case '[', '{':
			depth++
		case ']', '}':
			depth--
		case '\n':
			if depth <= 0 {
				return i + 1, nil
			}
		}
		i++
	}
	return i, nil
}

// skipString returns the offset just past the string starting at data[i].
func skipString(data []byte, i int) (int, error) {
	q := data[i]
	if bytes.HasPrefix(data[i:], []byte{q, q, q}) {
		j := i + 3
		for j < len(data) {
			if q == '"' && data[j] == '\\' {
				j += 2
				continue
			}
			if bytes.HasPrefix(data[j:], []byte{q, q, q}) {
				j += 3
				for j < len(data) && data[j] == q { // up to two quotes may end the content
					j++
				}
				return j, nil
			}
			j++
		}
		return 0, fmt.Errorf("config line %d: a string is not closed", lineOf(data, i))
	}
	for j := i + 1; j < len(data); j++ {
		switch data[j] {
		case '\\':
			if q == '"' {
				j++
			}
		case q:
			return j + 1, nil
		case '\n':
			return 0, fmt.Errorf("config line %d: a string is not closed", lineOf(data, i))
		}
	}
	return 0, fmt.Errorf("config line %d: a string is not closed", lineOf(data, i))
}

func skipLine(data []byte, i int) int {
	if j := bytes.IndexByte(data[i:], '\n'); j >= 0 {
		return i + j + 1
	}
	return len(data)
}

func lineStart(data []byte, i int) int { return bytes.LastIndexByte(data[:i], '\n') + 1 }

func lineOf(data []byte, i int) int { return bytes.Count(data[:i], []byte("\n")) + 1 }
