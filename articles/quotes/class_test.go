package quotes

import "testing"

// TestClassHead holds the classHead bit of a word's classes to
// isDescriptionHead, which describes asked for each word before.
func TestClassHead(t *testing.T) {
	words := []string{"", "s", "the", "said", "minister's", "spokesmen", "officialss"}
	for w := range wordClasses {
		words = append(words, w)
	}
	for w := range headNouns {
		words = append(words, w, w+"s", w+"ss", w[:len(w)-1])
	}
	n := 0
	for _, w := range words {
		got, want := classOf(w)&classHead != 0, isDescriptionHead(w)
		if got != want {
			t.Errorf("classOf(%q) has classHead %v, isDescriptionHead %v", w, got, want)
		}
		if want {
			n++
		}
	}
	for _, w := range []string{"spokesman", "minister", "ministers"} {
		if !isDescriptionHead(w) {
			t.Errorf("isDescriptionHead(%q) = false: the test's sample no longer fits the lists", w)
		}
	}
	if n == 0 {
		t.Fatal("no description heads checked")
	}
}
