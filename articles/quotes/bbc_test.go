package quotes

import (
	"bufio"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"briefs/articles/entities"
	"briefs/articles/quotes/internal/plainbrief"
	"briefs/model"
)

// bbcGold is one quotation of testdata/bbc-speakers.tsv.
type bbcGold struct {
	file       string
	start, end int      // byte offsets of the quoted words in the file
	speakers   []string // alternatives; "-" for nobody
}

func readBBCGold(t *testing.T) []bbcGold {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "bbc-speakers.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []bbcGold
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		c := strings.Split(line, "\t")
		if len(c) != 4 {
			t.Fatalf("bbc-speakers.tsv: %q: want 4 columns", line)
		}
		s, err1 := strconv.Atoi(c[1])
		e, err2 := strconv.Atoi(c[2])
		if err1 != nil || err2 != nil || e <= s || c[3] == "" {
			t.Fatalf("bbc-speakers.tsv: bad line %q", line)
		}
		out = append(out, bbcGold{c[0], s, e, strings.Split(c[3], "|")})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// speakerWords are the content words of a speaker name.
func speakerWords(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-')
	}) {
		if !speakerStopWords[w] {
			m[w] = true
		}
	}
	return m
}

var speakerStopWords = toSet("the a an of for and to in at on s mr mrs ms dr sir lord lady his her their its")

// sameSpeaker reports whether the predicted speaker got names one of want:
// a content word in common, as ../shared/eval/quotes.py counts; "-" wants none.
func sameSpeaker(got string, want []string) bool {
	for _, w := range want {
		if w == "-" {
			if got == "" {
				return true
			}
			continue
		}
		g := speakerWords(got)
		for x := range speakerWords(w) {
			if g[x] {
				return true
			}
		}
	}
	return false
}

// bbcFloor is the speaker accuracy TestBBCSpeakers holds the extractor to
// (the figure measured when the set was made, less a margin of one quote).
const bbcFloor = 0.945

// TestBBCSpeakers scores speakers on the BBC dev set (skipped without
// ../shared/data/bbc): every gold quotation must be found, and the share
// with the right speaker must not fall below bbcFloor.
func TestBBCSpeakers(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "shared", "data", "bbc")
	if _, err := os.Stat(dir); errors.Is(err, fs.ErrNotExist) {
		t.Skip("no ../shared/data/bbc")
	}
	x, err := entities.Default()
	if err != nil {
		t.Fatal(err)
	}
	gold := readBBCGold(t)
	byFile := map[string][]bbcGold{}
	var files []string
	for _, g := range gold {
		if byFile[g.file] == nil {
			files = append(files, g.file)
		}
		byFile[g.file] = append(byFile[g.file], g)
	}
	if len(files) != 40 {
		t.Errorf("%d articles in the set, want 40", len(files))
	}
	found, ok := 0, 0
	byConf := map[bool][2]int{} // low confidence -> quotes, right ones
	for _, f := range files {
		raw, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil {
			t.Fatal(err)
		}
		a, at := plainbrief.Parse(string(raw))
		x.Extract(&a)
		Extract(&a)
		for _, g := range byFile[f] {
			var q *model.Quote
			for i := range a.Quotes {
				c := &a.Quotes[i]
				if c.Field != model.FieldBody {
					continue
				}
				s, e := at.Raw(c.Start), at.Raw(c.End)
				if s < g.end && g.start < e && 2*(min(e, g.end)-max(s, g.start)) >= max(e-s, g.end-g.start) {
					q = c
					break
				}
			}
			if q == nil {
				t.Logf("%s %d: quotation not found", f, g.start)
				continue
			}
			found++
			right := sameSpeaker(q.Speaker, g.speakers)
			low := q.SpeakerConfidence < model.LowSpeakerConfidence
			c := byConf[low]
			c[0]++
			if right {
				c[1]++
			}
			byConf[low] = c
			if right {
				ok++
			} else {
				t.Logf("%s %d %q: speaker %q, want %q", f, g.start, clip(q.Text, 40), q.Speaker, strings.Join(g.speakers, "|"))
			}
		}
	}
	acc := float64(ok) / float64(len(gold))
	t.Logf("BBC dev set: %d quotations, %d found, %d speakers right: accuracy %.4f", len(gold), found, ok, acc)
	hi, lo := byConf[false], byConf[true]
	t.Logf("speaker confidence >= %.1f: %d quotes, %d right; below: %d quotes, %d right", model.LowSpeakerConfidence, hi[0], hi[1], lo[0], lo[1])
	if lo[0] > 0 && hi[0] > 0 && float64(lo[1])/float64(lo[0]) >= float64(hi[1])/float64(hi[0]) {
		t.Errorf("low-confidence speakers are right as often as the others: confidence tells nothing")
	}
	if found < len(gold) {
		t.Errorf("%d of %d quotations not found", len(gold)-found, len(gold))
	}
	if acc < bbcFloor {
		t.Errorf("speaker accuracy %.4f below %.2f", acc, bbcFloor)
	}
}
