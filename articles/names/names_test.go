package names

import "testing"

func TestGender(t *testing.T) {
	for _, c := range []struct {
		name string
		want byte
	}{
		{"hillary", 'f'}, {"Hillary", 'f'}, {"HILLARY", 'f'}, {"Tony", 'm'}, {"donald", 'm'},
		{"Quarrendale", 0}, {"", 0}, {"Ségolène", 'f'}, {"a-very-long-word-that-is-no-name", 0},
	} {
		if got := Gender(c.name); got != c.want {
			t.Errorf("Gender(%q) = %q, want %q", c.name, got, c.want)
		}
	}
	// every name of the lists, female first (a name on both is female)
	for _, list := range []map[string]bool{male, female} {
		for w := range list {
			want := byte('m')
			if female[w] {
				want = 'f'
			}
			if got := Gender(w); got != want {
				t.Errorf("Gender(%q) = %q, want %q", w, got, want)
			}
		}
	}
	if !PostNominal("QC") || PostNominal("qc") || PostNominal("Mr") {
		t.Error("PostNominal should know QC as written and nothing else")
	}
}

func TestGenderAllocatesNothing(t *testing.T) {
	if n := testing.AllocsPerRun(100, func() { Gender("Theresa") }); n != 0 {
		t.Errorf("Gender allocates %v times", n)
	}
}
