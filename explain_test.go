package main

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"briefs/articles/samples"
)

// seedFile writes the embedded seed brief to a temporary file.
func seedFile(t *testing.T) string {
	t.Helper()
	raw, err := fs.ReadFile(samples.FS, samples.SeedName)
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), samples.SeedName)
	if err := os.WriteFile(p, raw, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestExplainSeed runs `briefs explain` on the seed: all 14 quotes, each
// with the rule that kept it and the rule that chose its speaker.
func TestExplainSeed(t *testing.T) {
	var out, errb bytes.Buffer
	if code := run([]string{"explain", seedFile(t)}, strings.NewReader(""), &out, &errb); code != exitOK {
		t.Fatalf("exit %d, stderr %s", code, errb.String())
	}
	got := out.String()
	quotes := regexp.MustCompile(`(?m)^quote (\d+) `).FindAllStringSubmatch(got, -1)
	if len(quotes) != 14 || quotes[13][1] != "14" {
		t.Fatalf("want quotes 1-14, got %d:\n%s", len(quotes), got)
	}
	if n := strings.Count(got, "\n  kept: "); n != 14 {
		t.Errorf("%d quotes say the rule that kept them, want 14", n)
	}
	if n := strings.Count(got, "\n  speaker: "); n != 14 {
		t.Errorf("%d quotes say their speaker, want 14", n)
	}
	for _, want := range []string{
		"kept: attributed", `speaker: "Donald Trump" by repeated-words`,
		`cue: "said" by cue-verb; its speaker by speaker-before-cue`,
		"its speaker by speaker-inverted",
		"its speaker by speaker-participle-previous-cue",
		"its speaker by speaker-participle-sentence-subject",
		`speaker: "Lavrov" by cue-after (written "he")`,
		"step: he -> Lavrov: pronoun-last-speaker",
		`speaker: "Vladimir Safronkov" by inherit-same-paragraph`,
		"by cue-before",
		"name-in-phrase (entity person:donald-trump)",
		"description-unresolved-person",
		`candidate * "U.S. President Donald Trump" -> "Donald Trump" (cue:said)`,
		"-- entities",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("explain output lacks %q", want)
		}
	}
}

// TestExplainOneQuote prints one quote; a number past the last fails.
func TestExplainOneQuote(t *testing.T) {
	p := seedFile(t)
	var out, errb bytes.Buffer
	if code := run([]string{"explain", "--quote", "8", p}, strings.NewReader(""), &out, &errb); code != exitOK {
		t.Fatalf("exit %d, stderr %s", code, errb.String())
	}
	if got := out.String(); !strings.Contains(got, "quote 8 ") || strings.Contains(got, "quote 7 ") || !strings.Contains(got, "We insist") {
		t.Errorf("--quote 8 printed:\n%s", got)
	}
	out.Reset()
	if code := run([]string{"explain", "--quote", "15", p}, strings.NewReader(""), &out, &errb); code != exitFailure {
		t.Errorf("--quote 15 of 14: exit %d, want %d", code, exitFailure)
	}
	if code := run([]string{"explain"}, strings.NewReader(""), &out, &errb); code != exitUsage {
		t.Errorf("no file: exit %d, want %d", code, exitUsage)
	}
}

// TestExplainStdin reads a brief from standard input.
func TestExplainStdin(t *testing.T) {
	var out, errb bytes.Buffer
	in := "Talks in Vienna\n\n\"We will not sign this draft,\" Marta Ilves said on Friday.\n"
	if code := run([]string{"explain", "-"}, strings.NewReader(in), &out, &errb); code != exitOK {
		t.Fatalf("exit %d, stderr %s", code, errb.String())
	}
	if got := out.String(); !strings.Contains(got, `speaker: "Marta Ilves" by cue-after`) {
		t.Errorf("stdin brief:\n%s", got)
	}
}

// TestExplainEntities: on the seed, every entity is listed with each of its
// mentions and the steps that made it (tagger labels, gazetteer entry, link
// step); on the Addis Ababa brief the dateline rule shows by name.
func TestExplainEntities(t *testing.T) {
	var out, errb bytes.Buffer
	if code := run([]string{"explain", seedFile(t)}, strings.NewReader(""), &out, &errb); code != exitOK {
		t.Fatalf("exit %d, stderr %s", code, errb.String())
	}
	ents, _, _ := strings.Cut(out.String(), "\n-- quotes")
	for _, want := range []string{
		"  country Russia (country:russia)\n",
		`"Russian Federation": tagger B-LOC I-LOC`,
		"gazetteer country:russia; link gazetteer: country:russia",
		"  person Bashar al-Assad (person:bashar-al-assad)\n",
		`"Assad": tagger B-PER`,
		"link fullest-name: Bashar al-Assad",
	} {
		if !strings.Contains(ents, want) {
			t.Errorf("entities part lacks %q:\n%s", want, ents)
		}
	}
	// Every mention line names the tagger's verdict.
	mentions := regexp.MustCompile(`(?m)^    (title|body) \d+-\d+ ".*": (.*)$`).FindAllStringSubmatch(ents, -1)
	if len(mentions) < 40 {
		t.Fatalf("%d mention lines, want the seed's 40 or more:\n%s", len(mentions), ents)
	}
	for _, m := range mentions {
		if !strings.HasPrefix(m[2], "tagger ") {
			t.Errorf("mention without the tagger's labels: %q", m[0])
		}
	}

	raw, err := fs.ReadFile(samples.FS, "007_african-union-addis-talks.md")
	if err != nil {
		t.Fatal(err)
	}
	out.Reset()
	if code := run([]string{"explain", "-"}, bytes.NewReader(raw), &out, &errb); code != exitOK {
		t.Fatalf("exit %d, stderr %s", code, errb.String())
	}
	if !strings.Contains(out.String(), "rule dateline") {
		t.Errorf("the Addis Ababa brief's trace lacks the dateline rule:\n%s", out.String())
	}

	// A span a rule dropped is listed with the rule's name.
	out.Reset()
	in := "Clinic news\n\nPupils who leave School at 16 were taken to Hospital in Leeds, said Olwen Pryce.\n"
	if code := run([]string{"explain", "-"}, strings.NewReader(in), &out, &errb); code != exitOK {
		t.Fatalf("exit %d, stderr %s", code, errb.String())
	}
	if !regexp.MustCompile(`\n  dropped body 44-52 "Hospital": [A-Z]+ dropped by common-institution\n`).MatchString(out.String()) {
		t.Errorf("explain does not list Hospital as dropped by common-institution:\n%s", out.String())
	}
}
