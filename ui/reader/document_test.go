package reader

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"briefs/model"
	"briefs/ui/internal/testbriefs"
	"briefs/ui/theme"
)

// plainLines renders a at width and returns the lines without escape codes or trailing padding.
func plainLines(t *testing.T, a *model.Article, width int) []string {
	t.Helper()
	d, err := Render(a, width, "dark")
	if err != nil {
		t.Fatal(err)
	}
	out := make([]string, len(d.Lines))
	for i, l := range d.Lines {
		out[i] = strings.TrimRight(ansi.Strip(l), " ")
	}
	return out
}

func briefByPrefix(t *testing.T, prefix string) model.Article {
	t.Helper()
	for _, a := range testbriefs.MustLoad(t) {
		if strings.HasPrefix(filepath.Base(a.Source), prefix) {
			return a
		}
	}
	t.Fatalf("no test brief %s*", prefix)
	return model.Article{}
}

// Every visible rune of the title and body must be found where the document
// says it is drawn: highlights depend on it.
func TestRenderPlacesEveryRune(t *testing.T) {
	for _, a := range testbriefs.MustLoad(t) {
		for _, w := range []int{20, 37, 52, 80, 119} {
			t.Run(fmt.Sprintf("%s/%d", a.Source, w), func(t *testing.T) {
				d, err := Render(&a, w, "dark")
				if err != nil {
					t.Fatal(err)
				}
				for _, f := range []model.Field{model.FieldTitle, model.FieldBody} {
					text := a.Text(f)
					for off, r := range text {
						if unicode.IsSpace(r) {
							continue
						}
						c := d.cells(f, off, off+1)
						if len(c) != 1 {
							t.Fatalf("%s rune %q at %d not placed", f, r, off)
						}
						line := ansi.Strip(d.Lines[c[0].line])
						got := ansi.Cut(line, c[0].col, c[0].col+c[0].w)
						if !strings.ContainsRune(got, r) {
							t.Fatalf("%s rune %q at %d: screen has %q at line %d col %d", f, r, off, got, c[0].line, c[0].col)
						}
					}
				}
			})
		}
	}
}

func TestRenderFitsWidth(t *testing.T) {
	for _, a := range testbriefs.MustLoad(t) {
		for _, w := range []int{minWrap, 30, 61, 80, 140} {
			d, err := Render(&a, w, "light")
			if err != nil {
				t.Fatal(err)
			}
			for i, l := range d.Lines {
				if got := ansi.StringWidth(l); got > w {
					t.Errorf("%s at %d: line %d is %d cells: %q", a.Source, w, i, got, ansi.Strip(l))
				}
			}
		}
	}
}

// Glamour must wrap at the last space that fits (v1 wrapped early after a
// hyphenated name) and never leave "al-" at the end of a line.
func TestHyphenatedNameWrapping(t *testing.T) {
	a := briefByPrefix(t, "03")
	for w := 24; w <= 100; w++ {
		lines := plainLines(t, &a, w)
		text := w - 4 // glamour's document margin on each side
		for i, l := range lines {
			for _, bad := range []string{" al-", " el-", " Abu-", " Min-"} {
				if strings.HasSuffix(l, bad) {
					t.Errorf("width %d: line %d ends inside a name: %q", w, i, l)
				}
			}
			if i+1 >= len(lines) || strings.TrimSpace(l) == "" || strings.TrimSpace(lines[i+1]) == "" {
				continue
			}
			next := strings.Fields(lines[i+1])[0]
			used := ansi.StringWidth(strings.TrimPrefix(l, "  "))
			if used+1+ansi.StringWidth(next) <= text && !strings.HasSuffix(l, "-") {
				t.Errorf("width %d: line %d wrapped early: %q could take %q", w, i, l, next)
			}
		}
		if joined := strings.Join(lines, " "); strings.Count(joined, "al-Assad") != 2 {
			t.Errorf("width %d: \"al-Assad\" split: %d whole of 2", w, strings.Count(joined, "al-Assad"))
		}
	}
}

func TestGoldenHyphenatedName(t *testing.T) {
	a := briefByPrefix(t, "03")
	for _, w := range []int{35, 65} { // widths where glamour would otherwise break "al-|Assad"
		t.Run(fmt.Sprint(w), func(t *testing.T) {
			golden.RequireEqual(t, strings.Join(plainLines(t, &a, w), "\n")+"\n")
		})
	}
}

func TestGoldenWideUnicode(t *testing.T) {
	a := briefByPrefix(t, "04")
	for _, w := range []int{40, 72} {
		t.Run(fmt.Sprint(w), func(t *testing.T) {
			lines := plainLines(t, &a, w)
			for i, l := range lines {
				if ansi.StringWidth(l) > w {
					t.Errorf("line %d is %d cells wide at %d: %q", i, ansi.StringWidth(l), w, l)
				}
			}
			joined := strings.Join(lines, "")
			for _, want := range []string{"東京で日中韓外相会談", "👍🏽", "👩‍💼📞", "서울은", "준비되어"} {
				if !strings.Contains(joined, want) {
					t.Errorf("%q lost or split", want)
				}
			}
			golden.RequireEqual(t, strings.Join(lines, "\n")+"\n")
		})
	}
}

// Text that looks like Markdown must come out exactly as written.
func TestMarkdownIsEscaped(t *testing.T) {
	body := []string{
		"# Not a heading, and *not emphasis* or _this_ or `code`.",
		"2013. A year that starts a paragraph is not a list item.",
		"- Nor is a dash, + a plus, > a quote mark or [a link](http://example.com).",
		"<b>Tags</b> & entities like &amp; stay as typed; so do \\ backslashes, ~tildes~ and |pipes|.",
		"1) Not a list either: 3 * 4 = 12, a_b_c, {braces}.",
	}
	a := model.Article{ID: "x", Title: "Escapes *in* the [title]", Body: strings.Join(body, model.ParagraphSep)}
	lines := plainLines(t, &a, 200)
	got := strings.Join(strings.Fields(strings.Join(lines, " ")), " ")
	for _, p := range append([]string{a.Title}, body...) {
		if !strings.Contains(got, p) {
			t.Errorf("rendered text lacks %q\nin %q", p, got)
		}
	}
}

// Each speaker sits just after the closing mark of the quotation, in angle
// brackets no sentence uses, not at the paragraph's end where it read as
// article text (issue 20, defect 9).
func TestSpeakersBesideTheirQuotation(t *testing.T) {
	body := `The talks resumed at noon. "We will not sign a text we have not read," the minister told reporters, adding that her delegation needed "at least a week". Later the envoy said the port "can reopen on Monday" if the inspectors agree.` +
		model.ParagraphSep + `"Enough," said Tomas Berg, and left the room.` +
		model.ParagraphSep + `"Nobody signs in one night," the minister added.`
	a := model.Article{ID: "t", Title: "Port talks", Body: body}
	for _, q := range []struct{ text, speaker string }{
		{"We will not sign a text we have not read,", "Ana Vidal"},
		{"at least a week", "Ana Vidal"},
		{"can reopen on Monday", "Tomas Berg"},
		{"Enough,", "Tomas Berg"},
		{"Nobody signs in one night", "Ana Vidal"}, // its comma inside the marks is left out of it
	} {
		i := strings.Index(body, q.text)
		a.Quotes = append(a.Quotes, model.Quote{Field: model.FieldBody, Start: i, End: i + len(q.text), Text: q.text, Speaker: q.speaker})
	}
	for _, w := range []int{40, 80, 120} {
		got := strings.Join(strings.Fields(strings.Join(plainLines(t, &a, w), " ")), " ")
		for _, want := range []string{
			`have not read,"⟨Ana Vidal⟩ the minister told`,
			`"at least a week". Later`, // Ana Vidal's again: one tag is enough
			`"can reopen on Monday"⟨Tomas Berg⟩ if the inspectors agree. "Enough," said Tomas Berg,`, // named in the text: no tag
			`"Nobody signs in one night,"⟨Ana Vidal⟩ the minister added.`,                            // after the mark, not inside it
		} {
			if !strings.Contains(got, want) {
				t.Errorf("width %d: want %q in %q", w, want, got)
			}
		}
		if n := strings.Count(got, "⟨"); n != 3 || strings.Contains(got, "—") {
			t.Errorf("width %d: %d tags, want 3, and no dash tag: %q", w, n, got)
		}
	}
	d, err := Render(&a, 80, "dark")
	if err != nil {
		t.Fatal(err)
	}
	// Each tag's cells belong to its quote.
	for i, n := range []int{len("⟨⟩AnaVidal"), 0, len("⟨⟩TomasBerg"), 0, len("⟨⟩AnaVidal")} {
		if n > 0 {
			n -= 4 // the brackets are three bytes each, one rune
		}
		if len(d.speakers[i]) != n {
			t.Errorf("quote %d: %d speaker cells placed, want %d", i, len(d.speakers[i]), n)
		}
	}
}

func TestNamedNearby(t *testing.T) {
	body := `"We are ready," Vidal told reporters. Later the envoy spoke.`
	end := strings.Index(body, " Vidal")
	for _, c := range []struct {
		speaker string
		want    bool
	}{
		{"Ana Vidal", true},   // the surname alone names her
		{"Vidal", true},       // the whole name
		{"Tomas Berg", false}, // not named
		{"the envoy", true},   // the phrase is written after
	} {
		if got := namedNearby(body, c.speaker, 1, end); got != c.want {
			t.Errorf("%q: %v, want %v", c.speaker, got, c.want)
		}
	}
}

func TestSpeakerInsertions(t *testing.T) {
	body := "He said \"fine\" and left, \"for now\". Then more.  " + model.ParagraphSep + "Nothing quoted." + model.ParagraphSep + "\"Yes\", she said. \"No\", he said. Or \"maybe\"."
	quote := func(text, speaker string, from int) model.Quote {
		i := strings.Index(body[from:], text) + from
		return model.Quote{Field: model.FieldBody, Start: i, End: i + len(text), Text: text, Speaker: speaker}
	}
	after := func(s string, from int) int { return strings.Index(body[from:], s) + from + len(s) }
	second := strings.Index(body, `"Yes"`)
	unsure := quote("maybe", "Bo", second)
	unsure.SpeakerConfidence = 0.3
	a := model.Article{Body: body, Quotes: []model.Quote{
		quote("for now", "Ann", 0), quote("fine", "Ann", 0), // out of order: sorted
		quote("Yes", "Bo", 0), quote("No", "Cy", second), unsure,
		{Field: model.FieldBody, Start: 0, End: 2, Speaker: ""}, // unattributed: no tag
	}}
	got := speakerInsertions(&a)
	want := []insertion{
		{at: after(`"fine"`, 0), quote: 1, speaker: "Ann"}, // "for now" is Ann's again: no second tag
		{at: after(`"Yes"`, 0), quote: 2, speaker: "Bo"},
		{at: after(`"No"`, second), quote: 3, speaker: "Cy"},
		{at: after(`"maybe"`, second), quote: 4, speaker: "Bo", unsure: true},
	}
	if !slices.Equal(got, want) {
		t.Fatalf("got  %+v\nwant %+v", got, want)
	}
	for i, tag := range []string{"⟨Ann⟩", "⟨Bo⟩", "⟨Cy⟩", "⟨Bo?⟩"} {
		if got := strings.ReplaceAll(want[i].tag(), nbsp, " "); got != tag {
			t.Errorf("tag %q, want %q", got, tag)
		}
	}
}

func BenchmarkRenderSeedSized(b *testing.B) {
	arts, err := testbriefs.Load(testbriefs.Dir())
	if err != nil || len(arts) == 0 {
		b.Fatal(err)
	}
	a := arts[0]
	for i := 0; b.Loop(); i++ {
		if _, err := Render(&a, 60+i%80, "dark"); err != nil {
			b.Fatal(err)
		}
	}
}

// TestSpeakerTagWrapping: a short tag stays on the line of the quote's
// last word (no line starts with a lone "⟨Ines Moreau⟩"); a long speaker
// description wraps between words, never inside one; a quote with no
// closing mark still gets its tag, not a stray asterisk.
func TestSpeakerTagWrapping(t *testing.T) {
	body := "The minister said the port would reopen on Monday and that the talks were “going well,” said Ines Moreau."
	a := model.Article{ID: "s", Title: "Port", Body: body}
	q := strings.Index(body, "going well")
	a.Quotes = []model.Quote{{Field: model.FieldBody, Start: q, End: q + len("going well,"), Text: "going well,", Speaker: "Ines Moreau"}}
	for _, w := range []int{24, 30, 40, 60} {
		d, err := Render(&a, w, "dark")
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range d.Lines {
			if s := strings.TrimSpace(ansi.Strip(l)); strings.HasPrefix(s, tagOpen) {
				t.Errorf("width %d: the tag sits alone on a line: %q", w, s)
			}
		}
	}
	long := "the Libertarian presidential candidate's personal doctor"
	a.Quotes[0].Speaker = long
	d, err := Render(&a, 30, "dark")
	if err != nil {
		t.Fatal(err)
	}
	var text []string
	for _, l := range d.Lines {
		text = append(text, strings.TrimSpace(ansi.Strip(l)))
	}
	if all := strings.Join(text, " "); !strings.Contains(all, "“going well,”⟨"+long+"⟩ said") {
		t.Errorf("at width 30 the long tag was cut inside a word:\n%s", strings.Join(text, "\n"))
	}
	unmarked := model.Article{ID: "u", Title: "Port", Body: "Officials called it going well by any measure."}
	q = strings.Index(unmarked.Body, "going well")
	unmarked.Quotes = []model.Quote{{Field: model.FieldBody, Start: q, End: q + len("going well"), Text: "going well", Speaker: "Ines Moreau"}}
	all := strings.Join(plainLines(t, &unmarked, 80), " ")
	if !strings.Contains(all, "going well ⟨Ines Moreau⟩ by") || strings.Contains(all, "*") {
		t.Errorf("a quote with no marks: %q", all)
	}
}

// A URL is never broken: whole on one line when it fits, else shortened
// with an ellipsis on one line; every URL shown, in the byline or the text,
// is one OSC 8 hyperlink to the whole URL, in the link style from its first
// character to its last, hyphens included (issue 20, defect 11).
func TestURLsAreNotBroken(t *testing.T) {
	url := "https://example.org/briefs/2026/03/harbour-inspections-draft-accord-valletta"
	www := "www.example.net/notes/port-of-kessel"
	a := model.Article{ID: "u", Title: "Harbour accord", URL: url,
		Body: "The full text of the draft (at " + url + ") is for anyone who wants to read it before the ministers sign. Notes are at " + www + "."}
	st := theme.New(true)
	// every width from narrow to wide, the URL's own width and its
	// neighbours among them (where a cell too many breaks it)
	for w := 20; w <= 130; w++ {
		d, err := Render(&a, w, "dark")
		if err != nil {
			t.Fatal(err)
		}
		joined := strings.Join(d.Lines, "\n")
		if strings.Count(joined, ansi.SetHyperlink(url)) != 2 || strings.Count(joined, ansi.SetHyperlink("https://"+www)) != 1 {
			t.Errorf("at %d cells: want two hyperlinks to %s and one to https://%s:\n%q", w, url, www, joined)
		}
		if strings.Contains(joined, "\x1b]8;id=") {
			t.Errorf("at %d cells glamour made a link of its own (it stops at a hyphen):\n%q", w, joined)
		}
		shown := 0
		for _, l := range Decorate(d, &a, noSelection, st) {
			plain := ansi.Strip(l)
			if !strings.Contains(plain, "https://") {
				continue
			}
			shown++
			whole := strings.Contains(plain, url)
			short := strings.Contains(plain, "…") && strings.Contains(plain, "etta")
			if !whole && !short {
				t.Errorf("at %d cells a line holds part of the URL: %q", w, plain)
			}
			if ansi.StringWidth(plain) > max(w, minWrap) {
				t.Errorf("at %d cells the URL's line is %d wide: %q", w, ansi.StringWidth(plain), plain)
			}
			if whole && !strings.Contains(l, sgrPrefix(st.Link)+url+"\x1b[m") {
				t.Errorf("at %d cells the URL is not one run of the link style: %q", w, l)
			}
		}
		if shown != 2 {
			t.Errorf("at %d cells the URL shows on %d lines, want 2 (byline, text):\n%s", w, shown, ansi.Strip(joined))
		}
	}
}

// The byline says where an undated brief's date comes from: its file name,
// else its file's modification time (issue 20, defect 10).
func TestBylineDates(t *testing.T) {
	dir := t.TempDir()
	plain := filepath.Join(dir, "harbour-notes.txt")
	if err := os.WriteFile(plain, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	when := time.Date(2025, 11, 3, 12, 0, 0, 0, time.Local)
	if err := os.Chtimes(plain, when, when); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ source, want string }{
		{plain, "3 November 2025 (file date)"},
		{filepath.Join(dir, "nyt_2016-10-02_harbour.txt"), "2 October 2016 (from the file name)"},
	} {
		a := model.Article{ID: "b", Title: "Harbour notes", Source: c.source, Body: "The harbour reopened."}
		if got := strings.Join(plainLines(t, &a, 80), "\n"); !strings.Contains(got, c.want) {
			t.Errorf("%s: byline lacks %q:\n%s", c.source, c.want, got)
		}
	}
}
