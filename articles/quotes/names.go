package quotes

import (
	"cmp"
	"slices"
	"sort"
	"strings"
	"unicode"

	"briefs/articles/lexicon"
	"briefs/articles/names"
	"briefs/model"
)

// nameRef is one place where a person, organization or country is named:
// from the article's entities, or found here as a run of capitalised words.
type nameRef struct {
	start, end int
	name       string // canonical
	entity     string // entity id, "" for names found here
	person     bool
	sure       bool // a person for sure: an entity, or a known first name or title
	gender     byte
}

func (r *nameRef) asWho() *who {
	return &who{phrase: r.name, start: r.start, end: r.end, name: r.name, entity: r.entity, person: r.person, sure: r.sure, gender: r.gender}
}

// nameIndex holds the names of one field in text order.
type nameIndex struct {
	text string
	refs []nameRef
	// roles memoises roleContext by name (refs do not change once the
	// index is made; byRole and namedSpokesperson ask of the same names
	// quotation after quotation)
	roles []roleCtx
	// covered reports whether [s, e) overlaps a name the entity extractor
	// found, of any kind (places and nationalities included)
	covered func(s, e int) bool
	// pronounGender is the field's fieldState.pronounGender: the gender a
	// he or she told of an entity whose name tells none
	pronounGender map[string]byte
}

// orgWords mark a capitalised run as an organization rather than a person.
var orgWords = withWords(lexSet(lexicon.OrgWords), "co. corp. inc.")

func newNameIndex(a *model.Article, f model.Field, text string, spans []span, paraItems [][]item) *nameIndex {
	ix := &nameIndex{text: text}
	covered := func(s, e int) bool { return false }
	var ents, others []nameRef
	for i := range a.Entities {
		e := &a.Entities[i]
		if e.Kind != model.KindPerson && e.Kind != model.KindOrganization && e.Kind != model.KindCountry {
			// places, nationalities and the rest speak for nobody, but their
			// words are no person's name either ("Kigali", "Rwandan")
			for _, m := range e.Mentions {
				if m.Field == f && m.Start >= 0 && m.End <= len(text) && m.Start < m.End {
					others = append(others, nameRef{start: m.Start, end: m.End})
				}
			}
			continue
		}
		g := byte(0)
		if e.Kind == model.KindPerson {
			g = genderOf(e.Name)
		}
		id := e.ID
		if e.Kind == model.KindCountry {
			id = ""
		}
		for _, m := range e.Mentions {
			if m.Field != f || m.Start < 0 || m.End > len(text) || m.Start >= m.End {
				continue
			}
			isPerson := e.Kind == model.KindPerson
			ents = append(ents, nameRef{m.Start, m.End, e.Name, id, isPerson, isPerson, g})
		}
	}
	if len(ents)+len(others) > 0 {
		// only where they are: sorting 16-byte pairs, not whole nameRefs
		// (the same comparisons, so the same order)
		type extent struct{ start, end int }
		all := make([]extent, 0, len(ents)+len(others))
		for _, r := range ents {
			all = append(all, extent{r.start, r.end})
		}
		for _, r := range others {
			all = append(all, extent{r.start, r.end})
		}
		slices.SortFunc(all, func(a, b extent) int { return cmp.Compare(a.start, b.start) })
		slices.SortFunc(ents, byStart)
		covered = func(s, e int) bool {
			k := sort.Search(len(all), func(i int) bool { return all[i].end > s })
			return k < len(all) && all[k].start < e
		}
	}
	ix.covered = covered
	found := ix.capitalisedRuns(text, spans, paraItems, ents, covered)
	// names inside quotations are the speaker's words: not speakers, not antecedents
	kept := ents[:0]
	for _, r := range ents {
		if !insideSpan(spans, r.start) {
			kept = append(kept, r)
		}
	}
	ix.refs = append(kept, found...)
	slices.SortFunc(ix.refs, byStart)
	// honorifics tell gender
	for i := range ix.refs {
		r := &ix.refs[i]
		pre := strings.TrimSpace(text[max(0, r.start-5):r.start])
		switch {
		case strings.HasSuffix(pre, "Mrs.") || strings.HasSuffix(pre, "Ms."):
			r.gender = 'f'
		case strings.HasSuffix(pre, "Mr."):
			r.gender = 'm'
		}
	}
	return ix
}

// byStart orders names by where they start (slices.SortFunc runs the same
// pattern-defeating quicksort as sort.Slice, without its reflection).
func byStart(a, b nameRef) int { return cmp.Compare(a.start, b.start) }

// genderOf guesses a person's gender from a full name's first name, when it
// is a common one; otherwise it says nothing (0).
func genderOf(name string) byte {
	name = strings.TrimSpace(name)
	if i := strings.IndexFunc(name, unicode.IsSpace); i >= 0 {
		name = name[:i]
	}
	if name == "" {
		return 0
	}
	return names.Gender(name)
}

// nameJoiners may sit inside a name ("Bashar al-Assad" is one word; "Ludwig van Beethoven").
var nameJoiners = toSet("van von der den de la le du bin ibn al el da di dos")

// capitalisedRuns finds names the entity extractor did not: runs of
// capitalised words, titles stripped, short forms tied to the fullest earlier form.
func (ix *nameIndex) capitalisedRuns(text string, spans []span, paraItems [][]item, ents []nameRef, covered func(s, e int) bool) []nameRef {
	var out []nameRef
	// names inside quotations are the speaker's words, not the article's naming
	inQuote := func(pos int) bool { return insideSpan(spans, pos) }
	full := map[string]nameRef{} // last word -> fullest name so far
	for _, items := range paraItems {
		for i := 0; i < len(items); {
			if !items[i].capitalised() {
				i++
				continue
			}
			j := i
			for j < len(items) && (items[j].capitalised() || nameJoiners[items[j].lower] && j+1 < len(items) && items[j+1].capitalised() && j > i) {
				j++
			}
			a, b := i, j
			i0 := i
			i = j
			// "Continued Stein:": a speech verb opening the run is none of the name
			for a < b && (notName(items[a]) || a == i0 && b-a > 1 && items[a].is(classCue)) {
				a++
			}
			for b > a && notName(items[b-1]) {
				b--
			}
			if a >= b || b-a > 5 || inQuote(items[a].start) {
				continue
			}
			// a lone capitalised word opening a sentence is most often not a name
			if b-a == 1 && (a == 0 || items[a-1].kind == itemPunct && strings.Contains(".!?:", items[a-1].text)) &&
				names.Gender(items[a].lower) == 0 && len(ents) > 0 {
				continue
			}
			s, e := items[a].start, items[b-1].end
			name := text[s:e]
			name = strings.TrimSuffix(strings.TrimSuffix(name, "'s"), "’s")
			if covered(s, e) || len(name) < 2 {
				continue
			}
			if e-s > len(name) {
				e = s + len(name)
			}
			person := runIsPerson(items, a, b)
			fs := strings.Fields(name)
			last := strings.ToLower(fs[len(fs)-1])
			r := nameRef{start: s, end: e, name: name, person: person}
			if prev, ok := full[last]; ok && len(fs) == 1 && len(prev.name) > len(name) && strings.HasSuffix(prev.name, name) {
				r.name, r.person = prev.name, prev.person
			} else if len(fs) >= 2 || full[last].name == "" {
				full[last] = r
			}
			if r.person {
				r.gender = genderOf(r.name)
				r.sure = r.gender != 0 || a > i0 && (titleWords[items[a-1].lower] || honorifics[items[a-1].lower])
			}
			out = append(out, r)
		}
	}
	return out
}

// runIsPerson guesses whether the capitalised run items[a:b] names a
// person: no organisation word or acronym in it, not a lone demonym, not
// after a preposition of place.
func runIsPerson(items []item, a, b int) bool {
	person := true
	for k := a; k < b; k++ {
		if orgWords[possessive(items[k].lower)] || isUpperWord(items[k].text) {
			person = false
		}
	}
	if b-a == 1 && isDemonym(items[a].lower) {
		person = false
	}
	if a > 0 && placePrepositions[items[a-1].lower] {
		person = false
	}
	// "the Commission on Presidential Debates", "Department of Homeland
	// Security": the rest of a body's name
	if a > 1 && (items[a-1].lower == "on" || items[a-1].lower == "of" || items[a-1].lower == "for") && items[a-2].capitalised() && orgWords[items[a-2].lower] {
		person = false
	}
	return person
}

// within appends the names inside [s, e) to out and returns it: callers
// pass an array on their stack, so that asking costs no allocation.
func (ix *nameIndex) within(s, e int, out []nameRef) []nameRef {
	k := sort.Search(len(ix.refs), func(i int) bool { return ix.refs[i].start >= s })
	for ; k < len(ix.refs) && ix.refs[k].start < e; k++ {
		if ix.refs[k].end <= e {
			out = append(out, ix.refs[k])
		}
	}
	return out
}

// lastPersonBefore finds the last person named before pos whose gender fits g.
func (ix *nameIndex) lastPersonBefore(pos int, g byte) *nameRef {
	k := sort.Search(len(ix.refs), func(i int) bool { return ix.refs[i].start >= pos })
	stop := k - maxLookBack
	for k--; k >= 0 && k > stop; k-- {
		r := &ix.refs[k]
		gender := r.gender
		if gender == 0 && r.entity != "" {
			gender = ix.pronounGender[r.entity]
		}
		if r.person && (gender == 0 || gender == g) && r.end <= pos {
			return r
		}
	}
	return nil
}

// lastBodyBefore finds the last organisation the entity extractor named
// before pos (a country or a place is none).
func (ix *nameIndex) lastBodyBefore(pos int) *nameRef {
	k := sort.Search(len(ix.refs), func(i int) bool { return ix.refs[i].start >= pos })
	stop := k - maxLookBack
	for k--; k >= 0 && k > stop; k-- {
		if r := &ix.refs[k]; !r.person && r.entity != "" && r.end <= pos {
			return r
		}
	}
	return nil
}

// byRole finds the person a description ("the minister", "the Iraqi
// minister") stands for: among the persons named before pos, the one whose
// title or appositive uses the most of its words, modifiers (mods: "iraqi")
// counting more than the head noun; the latest among equals. A person
// matched by modifiers alone must match them all and have been described
// by a role there ("His Iraqi counterpart, Haider al-Jubouri").
func (ix *nameIndex) byRole(role string, mods []string, pos int) *nameRef {
	k := sort.Search(len(ix.refs), func(i int) bool { return ix.refs[i].start >= pos })
	stop := k - maxLookBack
	var best *nameRef
	bestScore := 0
	for k--; k >= 0 && k > stop; k-- {
		r := &ix.refs[k]
		if !r.person {
			continue
		}
		before, ctx := ix.roleContext(k)
		if otherRank(ctx, role, mods) || principalOf(before, role) {
			continue
		}
		score := 0
		if containsWord(ctx, role) {
			score = 1
		}
		if len(mods) > 0 {
			n := 0
			for _, m := range mods {
				if containsStem(ctx, m) {
					n++
				}
			}
			if n > 0 && (score > 0 || n == len(mods) && hasDescriptionHead(ctx)) {
				score += 2 * n
			}
		}
		if score > bestScore {
			best, bestScore = r, score
		}

	}
	return best
}

// roleContext returns the words that describe the person named by refs[k]:
// the title before the name (since the person named before it: "Minister
// Tomas Varga met Omar Haddad" gives Haddad no title), and with it the
// appositive after the name when one follows (", a spokeswoman for ...").
func (ix *nameIndex) roleContext(k int) (before, ctx string) {
	if ix.roles == nil {
		ix.roles = make([]roleCtx, len(ix.refs))
	}
	rc := &ix.roles[k]
	if !rc.done {
		rc.before, rc.ctx = ix.makeRoleContext(k)
		rc.done = true
	}
	return rc.before, rc.ctx
}

// roleCtx is roleContext's answer for one name, once done.
type roleCtx struct {
	before, ctx string
	done        bool
}

// makeRoleContext is roleContext, worked out.
func (ix *nameIndex) makeRoleContext(k int) (before, ctx string) {
	r := &ix.refs[k]
	from := max(0, r.start-40)
	for p := k - 1; p >= 0 && ix.refs[p].end > from; p-- {
		if ix.refs[p].person && ix.refs[p].end <= r.start {
			from = ix.refs[p].end
			break
		}
	}
	before = strings.ToLower(ix.text[from:r.start])
	if i := strings.LastIndexAny(before, ".;\n"); i >= 0 {
		before = before[i+1:]
	}
	before = afterLastCue(before)
	to := min(len(ix.text), r.end+60)
	for n := k + 1; n < len(ix.refs) && ix.refs[n].start < to; n++ {
		if ix.refs[n].person && ix.refs[n].start >= r.end {
			to = ix.refs[n].start // "Questions, Tory leader Michael Howard": Howard's title
			break
		}
	}
	after := strings.ToLower(ix.text[r.end:to])
	if i := strings.IndexAny(after, ".;\n"); i >= 0 {
		after = after[:i]
	}
	ctx = before
	if strings.HasPrefix(strings.TrimSpace(after), ",") || strings.HasPrefix(after, " (") {
		ctx += " " + after
	}
	return before, ctx
}

// speaksFor reports whether a spokesperson described by ctx (its title
// before the name alone: before) and named name (lower case) can be the one
// the words forWords qualify: every word in ctx, none in the name ("a
// spokesman for Mr Blair" is not Blair); with no words, a spokesperson
// whose title names no party portfolio ("Lib Dem home affairs
// spokesman Mark Oaten" speaks for his party on a subject, while "a
// spokesman" is most often an office's).
func speaksFor(ctx, before, name string, forWords []string) bool {
	for _, f := range forWords {
		if !containsStem(ctx, f) || containsWord(name, f) {
			return false
		}
	}
	if len(forWords) == 0 {
		for _, p := range portfolioWords {
			if containsWord(before, p) {
				return false
			}
		}
	}
	return true
}

// portfolioWords describe a party's spokesperson on a subject.
var portfolioWords = strings.Fields("shadow affairs party dem democrat democratic liberal labour conservative tory republican plaid snp ukip green")

// spokesWords are the description heads of someone who speaks for others.
var spokesWords = []string{"spokesman", "spokeswoman", "spokesperson"}

var spokesHeads = toSet(strings.Join(spokesWords, " "))

// namedSpokesperson finds the person the article names as a spokesman,
// spokeswoman or spokesperson anywhere in the field ("Ana Ruiz, a
// spokeswoman for the ministry", "ministry spokeswoman Ana Ruiz"), for an
// unnamed "a spokeswoman" to stand for. With words of whom they speak for
// ("for the ministry"), the person whose description shares one of them;
// else the only one. Persons described by a different one of the three
// words than head does not fit ("a spokeswoman" is not "spokesman Ivo
// Kranz"), "spokesperson" fits either; a bare "a spokesman" only one
// named near it (near: in its paragraph or the next or previous one). nil
// when none fits or several do.
func (ix *nameIndex) namedSpokesperson(head string, forWords []string, near func(pos int) bool) *nameRef {
	var found *nameRef
	for k := range ix.refs {
		r := &ix.refs[k]
		if !r.person || found != nil && found.name == r.name {
			continue
		}
		before, ctx := ix.roleContext(k)
		word := ""
		for _, w := range spokesWords {
			if word == "" && containsWord(ctx, w) {
				word = w
			}
		}
		if word == "" || head != "spokesperson" && word != "spokesperson" && word != head {
			continue
		}
		if !startsUpper(r.name) || determiners[strings.ToLower(r.name[:max(0, strings.IndexByte(r.name, ' '))])] {
			continue // "A spokesman for the Home Office" taken for a name
		}
		if !speaksFor(ctx, before, strings.ToLower(r.name), forWords) || len(forWords) == 0 && !near(r.start) {
			continue
		}
		if found != nil {
			return nil // two spokespeople: the text does not say which
		}
		found = r
	}
	return found
}

// containsStem reports whether s has the word w, or a word of the same stem
// ("rwanda" for "rwandan", "iraq" for "iraqi").
func containsStem(s, w string) bool {
	for i := 0; i < len(s); {
		var f string
		if f, i = nextWord(s, i); f == "" {
			continue
		}
		if f == w || len(f) >= 4 && len(w) >= 4 && (strings.HasPrefix(w, f) && len(w)-len(f) <= 3 || strings.HasPrefix(f, w) && len(f)-len(w) <= 3) {
			return true
		}
	}
	return false
}

// hasDescriptionHead reports whether s uses a noun that describes a person.
func hasDescriptionHead(s string) bool {
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return !(r >= 'a' && r <= 'z') }) {
		if isDescriptionHead(f) {
			return true
		}
	}
	return false
}

// otherRank reports a rank before the role in ctx that the description
// does not give: "the prime minister" is not "Deputy Prime Minister John
// Prescott", nor "the secretary" a "former secretary".
func otherRank(ctx, role string, mods []string) bool {
	var last [3]string // the words before the current one, latest first
	for i := 0; i < len(ctx); {
		w, next := nextWord(ctx, i)
		if w == "" {
			break
		}
		i = next
		if w == role {
			for _, r := range last {
				if ranks[r] && !slices.Contains(mods, r) {
					return true
				}
			}
		}
		last[2], last[1], last[0] = last[1], last[0], w
	}
	return false
}

// principalOf reports a name the role serves rather than holds: "a
// spokesman for Michael Howard", "an aide to the senator".
func principalOf(before, role string) bool {
	b := strings.TrimRight(before, " ")
	i := strings.LastIndexByte(b, ' ')
	if i < 0 {
		return false
	}
	if p := b[i+1:]; p != "for" && p != "to" && p != "of" {
		return false
	}
	b = strings.TrimRight(b[:i], " ,")
	return strings.HasSuffix(b, role) && (len(b) == len(role) || b[len(b)-len(role)-1] == ' ')
}

// ranks qualify a role into another one.
var ranks = toSet("deputy vice shadow former junior assistant acting under")

func containsWord(s, w string) bool {
	for i := 0; i < len(s); {
		f, next := nextWord(s, i)
		if f != "" && f == w {
			return true
		}
		i = next
	}
	return false
}

// nextWord returns the run of letters a-z at or after s[i] and where the
// search goes on: strings.FieldsFunc's words on !('a' <= r <= 'z'), one at
// a time and without allocating (a byte of a multi-byte letter is no a-z
// byte, as its rune is no a-z rune).
func nextWord(s string, i int) (string, int) {
	for i < len(s) && !(s[i] >= 'a' && s[i] <= 'z') {
		i++
	}
	j := i
	for j < len(s) && s[j] >= 'a' && s[j] <= 'z' {
		j++
	}
	return s[i:j], j
}

func possessive(w string) string {
	return strings.TrimSuffix(w, "'s")
}

// notName tells a capitalised word that is not part of a name: a title,
// a function word, a weekday or month.
func notName(it item) bool {
	return it.is(classNotName)
}

// notNameWords are the words notName rejects, in one set: titles, function
// words, determiners, sentence openers and pronouns, but not the function
// words that are also first names ("Will", "Mark").
var notNameWords = func() map[string]bool {
	m := union(titleWords, npStop, determiners, introWords, speakerPronouns, toSet(strings.ToLower(strings.Join(names.PostNominals, " "))))
	for w := range nameLikeStops {
		delete(m, w)
	}
	return m
}()

// isUpperWord reports an all-capitals word of three letters or more (an acronym or a shout).
func isUpperWord(s string) bool { return capitals(s) >= 3 }

// isDemonym guesses a people's name used as a noun ("Americans", "Russians", "Democrats").
func isDemonym(w string) bool {
	w = possessive(w)
	for _, suf := range []string{"ans", "ese", "ish", "ians", "ites", "ists", "ats", "ins"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// placePrepositions before a lone name make it a place ("in Moscow").
var placePrepositions = toSet("in at from to into near across outside inside toward towards of")

// honorifics before a name make it a person's.
var honorifics = toSet("mr. mrs. ms. dr. sen. rep. gov. gen. prof. rev. president senator governor minister secretary ambassador judge mayor")

// insideSpan reports whether pos lies inside one of the quotations (sorted by start).
func insideSpan(spans []span, pos int) bool {
	k := sort.Search(len(spans), func(i int) bool { return spans[i].end > pos })
	return k < len(spans) && spans[k].start <= pos
}

// mostNamedPerson is the person named most often before pos: the one a
// description ("the Republican nominee") most likely stands for.
func (ix *nameIndex) mostNamedPerson(pos int) *nameRef {
	count := map[string]int{}
	var best *nameRef
	for i := range ix.refs {
		r := &ix.refs[i]
		if r.start >= pos || i >= 4*maxLookBack {
			break
		}
		if !r.person || !r.sure {
			continue
		}
		count[r.name]++
		if best == nil || count[r.name] > count[best.name] {
			best = r
		}
	}
	return best
}

// maxLookBack bounds how many names a search walks back over, so that very
// long texts cost linear time.
const maxLookBack = 200

// isCapsWord reports an all-capitals word of two letters or more ("LA", "NEWPORT").
func isCapsWord(s string) bool { return capitals(s) >= 2 }

// capitals counts the ASCII capitals of s, or returns -1 when it has a
// lower-case ASCII letter.
func capitals(s string) int {
	n := 0
	for _, r := range s {
		if r >= 'a' && r <= 'z' {
			return -1
		}
		if r >= 'A' && r <= 'Z' {
			n++
		}
	}
	return n
}

// afterLastCue cuts s after its last speech verb: in "a UKIP spokesman said
// Mr Betts-Green's ...", the spokesman is the subject, no title of the name.
func afterLastCue(s string) string {
	for i := len(s) - 1; i > 0; i-- {
		if s[i-1] != ' ' {
			continue
		}
		j := strings.IndexByte(s[i:], ' ')
		if j < 0 {
			continue
		}
		if cues[s[i:i+j]] != (cueForm{}) {
			return s[i+j:]
		}
	}
	return s
}
