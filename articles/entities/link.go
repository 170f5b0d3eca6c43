package entities

import (
	"slices"
	"strings"
	"unicode/utf8"

	"briefs/articles/entities/gazetteer"
	"briefs/articles/entities/tagger"
	"briefs/articles/lexicon"
	"briefs/articles/names"
	"briefs/model"
)

// decideKind settles the kind of each span from what the tagger and the gazetteer say.
func decideKind(sp *span) {
	if sp.gz != nil {
		gk := sp.gz.Kind
		switch {
		case sp.typ == tagger.PER && gk != model.KindNationality && len(sp.words) > 1:
			// A longer name the tagger read as a person keeps its reading. A lone
			// word ("Kigali") keeps the gazetteer's; it still becomes a person
			// below when it is the surname of one named in full ("Jordan" after
			// "Neil Jordan").
			sp.gz = nil
		case sp.typ == tagger.ORG && gk == model.KindPlace:
			// "Chicago beat Boston": teams named after their cities are organisations.
			sp.gz = nil
		case sp.typ == tagger.MISC && gk != model.KindNationality && gk != model.KindOrganization:
			// "Russia Cup", "Moscow Open" parts: an adjective use, not the place itself.
			sp.gz = nil
		default:
			sp.kind = gk
			return
		}
	}
	switch sp.typ {
	case tagger.PER:
		sp.kind = model.KindPerson
	case tagger.LOC:
		sp.kind = model.KindPlace
	case tagger.ORG:
		sp.kind = model.KindOrganization
	default:
		sp.kind = model.KindOther
	}
}

// group is one entity being assembled.
type group struct {
	kind  model.EntityKind
	gz    *gazetteer.Entry
	n     int // spans counted, before spans is filled
	spans []int
}

// groupKey names a group: "gz" and a gazetteer id, "per" and the slug of a
// person's fullest name, or a kind and the slug of a name. A pair, not
// one string joined with a colon, so that finding a group builds no string.
type groupKey struct{ prefix, name string }

// slugMemo gives the slugs of names, memoised: an article names the same
// things again and again. Words are joined in buf, and looking the joined
// name up with string(buf) allocates nothing; only a new name is copied.
type slugMemo struct {
	buf   []byte
	slugs map[string]string
}

// join joins words by spaces in m.buf and returns it (valid until the next call).
func (m *slugMemo) join(words []string) []byte {
	m.buf = m.buf[:0]
	for i, w := range words {
		if i > 0 {
			m.buf = append(m.buf, ' ')
		}
		m.buf = append(m.buf, w...)
	}
	return m.buf
}

// of returns the slug of the name words spell, joined by spaces.
func (m *slugMemo) of(words []string) string {
	name := m.join(words)
	if s, ok := m.slugs[string(name)]; ok {
		return s
	}
	return m.ofName(string(name))
}

// ofName returns the slug of name.
func (m *slugMemo) ofName(name string) string {
	s, ok := m.slugs[name]
	if !ok {
		if b, ascii := slugASCII(m.buf[:0], name); ascii {
			s = string(b)
		} else {
			s = model.Slug(name)
		}
		m.slugs[name] = s
	}
	return s
}

// slugASCII appends model.Slug(s) to dst when s is ASCII, where the slug
// needs no Unicode normalisation; ascii is false (and dst unchanged) otherwise.
func slugASCII(dst []byte, s string) (out []byte, ascii bool) {
	n0, dash := len(dst), false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= utf8.RuneSelf:
			return dst[:n0], false
		case 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || 'A' <= c && c <= 'Z':
			if dash && len(dst) > n0 {
				dst = append(dst, '-')
			}
			dash = false
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
		case c == '\'' || c == '.':
			// "U.S." -> "us", "O'Brien" -> "obrien"
		default:
			dash = true
		}
	}
	return dst, true
}

// particles join a family name to its prefix ("al-Assad", "bin Salman", "von der Leyen").
var particles = lowerSet(lexicon.Words(lexicon.Particles))

// lowerSet is a set of lower-case words, looked up as written.
func lowerSet(words []string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// surname returns the comparable core of a person's family name: the last
// word without particle prefixes, lower-cased ("al-Assad" -> "assad").
func surname(words []string) string {
	if len(words) == 0 {
		return ""
	}
	w := strings.ToLower(words[len(words)-1])
	for {
		i := strings.IndexAny(w, "-'’")
		if i <= 0 || !particles[w[:i]] {
			break
		}
		w = w[i+1:]
	}
	return w
}

// givenNames returns the lower-cased words before the surname, particles dropped.
func givenNames(words []string) []string {
	var out []string
	for _, w := range words[:max(0, len(words)-1)] {
		l := strings.ToLower(w)
		if particles[l] {
			continue
		}
		out = append(out, l)
	}
	return out
}

// samePerson reports whether short names the person long names: same surname,
// and any given names short has are long's.
func samePerson(short, long []string) bool {
	if surname(short) != surname(long) || surname(short) == "" {
		return false
	}
	return sameGiven(short, long)
}

// sameGiven reports whether any given names short has are long's.
func sameGiven(short, long []string) bool {
	gs := givenNames(short)
	if len(gs) == 0 {
		return true // a surname alone: long's given names are not needed
	}
	lg := givenNames(long)
	for _, g := range gs {
		found := false
		for _, h := range lg {
			if g == h || (len(g) <= 2 && strings.HasPrefix(h, strings.TrimSuffix(g, "."))) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// acronym returns the initials of a multi-word name ("United Nations" -> "UN").
func acronym(words []string) string {
	if len(words) < 2 {
		return ""
	}
	var b strings.Builder
	for _, w := range words {
		// The small words are ASCII and only ASCII capitals lower-case to
		// ASCII letters of theirs, so no longer word is one.
		if len(w) <= 3 {
			switch strings.ToLower(w) {
			case "of", "the", "and", "for", "&", "de", "du", "des", "on", "in":
				continue
			}
		}
		if w == "" || !isUpperInitial(w) {
			return ""
		}
		r, _ := utf8.DecodeRuneInString(w)
		b.WriteRune(r)
	}
	return b.String()
}

// linkBufs are the maps and arrays of link, kept for the next article:
// a cleared map keeps the room it grew to, so an article's names go in
// without growing it again. Nothing link returns points into them.
type linkBufs struct {
	// the distinct person names, in order of first mention, and their
	// surnames; then laid out surname by surname in surnamed, each
	// surname's run (in order of first mention too) in bySurname
	persons   [][]string
	personSur []string
	surnamed  [][]string
	bySurname map[string]surnameRun
	seenName  map[string]bool
	personHon map[string]byte // by person name: the honorifics it was given (honorOf)
	surnames  map[string]string
	sm        slugMemo
	groups    map[groupKey]int
	order     []group
	acro      map[string]string
	votes     map[string]int // row in voteRows
	voteRows  [][8]int
	headed    map[string]groupKey
	// by span: the slug of a person's fullest name, the slug of any other
	// name, the group; and the spans of every group, one after another
	personKey, spanKey []string
	spanGroup, members []int
}

// reset readies b for an article of n spans.
func (b *linkBufs) reset(n int) {
	if b.bySurname == nil {
		b.bySurname, b.seenName, b.surnames = map[string]surnameRun{}, map[string]bool{}, map[string]string{}
		b.personHon = map[string]byte{}
		b.sm.slugs, b.groups, b.acro = map[string]string{}, map[groupKey]int{}, map[string]string{}
		b.votes, b.headed = map[string]int{}, map[string]groupKey{}
	}
	b.personKey, b.spanKey = slices.Grow(b.personKey[:0], n)[:n], slices.Grow(b.spanKey[:0], n)[:n]
	b.spanGroup, b.members = slices.Grow(b.spanGroup[:0], n)[:n], slices.Grow(b.members[:0], n)[:n]
}

// release empties b, keeping the room, so that it holds no article's text.
func (b *linkBufs) release() {
	clear(b.sm.buf[:cap(b.sm.buf)]) // the last name joined
	clear(b.bySurname)
	clear(b.persons)
	clear(b.personSur)
	clear(b.surnamed)
	b.persons, b.personSur, b.surnamed = b.persons[:0], b.personSur[:0], b.surnamed[:0]
	clear(b.seenName)
	clear(b.personHon)
	clear(b.surnames)
	clear(b.sm.slugs)
	clear(b.groups)
	clear(b.order)
	b.order = b.order[:0]
	clear(b.acro)
	clear(b.votes)
	b.voteRows = b.voteRows[:0]
	clear(b.headed)
	clear(b.personKey)
	clear(b.spanKey)
}

// surnameRun is where the names of one surname lie in linkBufs.surnamed;
// n and placed serve while they are laid out.
type surnameRun struct {
	start, end, n int32
	placed        bool
}

// layOutBySurname lays the persons out in surnamed, surname by surname,
// so that the names of a surname are one slice of it without an array
// of their own.
func (b *linkBufs) layOutBySurname() {
	for _, sn := range b.personSur {
		r := b.bySurname[sn]
		r.n++
		b.bySurname[sn] = r
	}
	b.surnamed = slices.Grow(b.surnamed[:0], len(b.persons))[:len(b.persons)]
	at := int32(0)
	for k, sn := range b.personSur {
		r := b.bySurname[sn]
		if !r.placed {
			r.start, r.end, r.placed = at, at, true
			at += r.n
		}
		b.surnamed[r.end] = b.persons[k]
		r.end++
		b.bySurname[sn] = r
	}
}

// sameSurname returns the persons of surname sn, in order of first mention.
func (b *linkBufs) sameSurname(sn string) [][]string {
	r := b.bySurname[sn]
	return b.surnamed[r.start:r.end]
}

// linker ties the spans of one article into entities, step by step.
type linker struct {
	spans []span
	gaz   *gazetteer.Gazetteer
	b     *linkBufs
	// why, when tracing, says by span how link tied it to its entity
	why []string
}

// linkSteps are the linking rules, in the order they run: each a named unit
// the trace reports ("surname-person" made "Jordan" a person).
var linkSteps = []struct {
	Name, Doc string
	run       func(l *linker)
}{
	{"person-tail", "a longer name, not known to the gazetteer, that ends in a person's name of two words or more is that person (\"Aung San Suu Kyi\" after \"Suu Kyi\")", (*linker).personTails},
	{"collect-persons", "the article's people, by surname, for the steps after", (*linker).collectPersons},
	{"surname-person", "a lone word (or shorter name) that is the surname of a person named in full is that person", (*linker).surnamePersons},
	{"fullest-name", "a person is keyed by the fullest compatible name; an honorific rules out the wrong one of a shared surname; a first name alone is the one person of that first name", (*linker).personKeys},
	{"acronym", "the acronym of an organisation named in full is that organisation", (*linker).acronyms},
	{"kind-vote", "a name left as other in one sentence takes the kind it had most often", (*linker).kindVotes},
	{"head-noun", "a body's head noun alone (\"the Council\") is the one body of the article it heads, if only one", (*linker).headNouns},
}

// link ties spans into entities. bufs may be nil; given, link uses its
// maps and arrays and leaves them empty.
func link(spans []span, gaz *gazetteer.Gazetteer, bufs *linkBufs) []model.Entity {
	return linkTrace(spans, gaz, bufs, nil, nil)
}

// linkOut receives, when tracing, the spans link kept (sorted) and by each
// how it was tied.
type linkOut struct {
	spans []span
	why   []string
}

// linkTrace is link; with out set it says how each span was tied. Steps
// named in off are skipped.
func linkTrace(spans []span, gaz *gazetteer.Gazetteer, bufs *linkBufs, out *linkOut, off map[string]bool) []model.Entity {
	if len(spans) == 0 {
		return []model.Entity{}
	}
	if bufs == nil {
		bufs = new(linkBufs)
	}
	sortSpans(spans)
	kept := spans[:0]
	for _, sp := range spans {
		if len(sp.words) == 1 && notNames[sp.words[0]] {
			continue
		}
		decideKind(&sp)
		kept = append(kept, sp)
	}
	spans = kept
	bufs.reset(len(spans))
	defer bufs.release()
	l := &linker{spans: spans, gaz: gaz, b: bufs}
	if out != nil {
		l.why = make([]string, len(spans))
		out.spans, out.why = slices.Clone(spans), l.why
	}
	for _, st := range linkSteps {
		if !off[st.Name] || st.Name == "collect-persons" {
			st.run(l)
		}
	}
	l.groupSpans()
	return l.entities()
}

// note records, when tracing, why span i was tied as it was.
func (l *linker) note(i int, step, detail string) {
	if l.why != nil {
		l.why[i] = step + ": " + detail
	}
}

// collectPersons lists the article's people by surname.
func (l *linker) collectPersons() {
	for i := range l.spans {
		if l.spans[i].kind == model.KindPerson {
			l.addPerson(l.spans[i].words, l.spans[i].honor)
		}
	}
	l.b.layOutBySurname()
}

// personTails makes a person of a longer name the tagger typed otherwise
// that ends in a person's name of two words or more.
func (l *linker) personTails() {
	var tails [][]string
	for i := range l.spans {
		if sp := &l.spans[i]; sp.kind == model.KindPerson && len(sp.words) >= 2 {
			tails = append(tails, sp.words)
		}
	}
	if len(tails) == 0 {
		return
	}
	for i := range l.spans {
		sp := &l.spans[i]
		if sp.kind == model.KindPerson || sp.gz != nil || len(sp.words) < 3 || hasOrgHead(sp.words) {
			continue
		}
		for _, p := range tails {
			if len(p) < len(sp.words) && slices.Equal(sp.words[len(sp.words)-len(p):], p) {
				sp.kind = model.KindPerson
				l.note(i, "person-tail", strings.Join(p, " "))
				break
			}
		}
	}
}

// sur returns the surname of a person's words, memoised by the last word.
func (l *linker) sur(words []string) string {
	if len(words) == 0 {
		return ""
	}
	last := words[len(words)-1]
	s, ok := l.b.surnames[last]
	if !ok {
		s = surname(words)
		l.b.surnames[last] = s
	}
	return s
}

// same is samePerson for names already known to share a surname.
func (l *linker) same(short, long []string, sn string) bool {
	return sn != "" && sameGiven(short, long)
}

func (l *linker) addPerson(words []string, honor byte) {
	b := l.b
	name := b.sm.join(words)
	if !b.seenName[string(name)] {
		b.seenName[string(name)] = true
		b.persons = append(b.persons, words)
		b.personSur = append(b.personSur, l.sur(words))
	}
	if honor != 0 {
		b.personHon[string(name)] |= honor
	}
}

// surnamePersons: a lone word tagged otherwise that is a known person's
// surname is that person ("the Trump administration").
func (l *linker) surnamePersons() {
	for i := range l.spans {
		sp := &l.spans[i]
		if len(l.b.persons) == 0 {
			break // no person to be
		}
		if sp.kind == model.KindPerson || sp.kind == model.KindNationality || sp.gz != nil && len(sp.words) != 1 {
			continue
		}
		sn := l.sur(sp.words)
		for _, p := range l.b.sameSurname(sn) {
			if len(p) > len(sp.words) && l.same(sp.words, p, sn) {
				sp.kind = model.KindPerson
				sp.gz = nil
				l.note(i, "surname-person", "surname of "+strings.Join(p, " "))
				break
			}
		}
	}
}

// get returns the group of key, made with kind if new.
func (l *linker) get(key groupKey, kind model.EntityKind) int {
	g, ok := l.b.groups[key]
	if !ok {
		g = len(l.b.order)
		l.b.order = append(l.b.order, group{kind: kind})
		l.b.groups[key] = g
	}
	return g
}

// fullest is the fullest name that words, given the honorific honor, can be.
func (l *linker) fullest(words []string, honor byte) []string {
	b := l.b
	best, found := words, false
	sn := l.sur(words)
	for _, p := range b.sameSurname(sn) {
		if !fuller(p, words) || !l.same(words, p, sn) || honor != 0 && !honorFits(honor, p, b.personHon[string(b.sm.join(p))]) {
			continue
		}
		switch {
		case !found:
			best, found = p, true // the first that fits
		case l.same(best, p, sn) || l.same(p, best, sn):
			if fuller(p, best) { // the same person named more fully
				best = p
			}
		}
		// else two people of one surname fit it ("Tony Blair" and
		// "Cherie Blair" for "Blair"): the one named first keeps it
	}
	return best
}

// personKeys keys each person by the slug of the fullest compatible name ("Assad" -> "Bashar al-Assad").
func (l *linker) personKeys() {
	for i := range l.spans {
		if l.spans[i].kind != model.KindPerson {
			continue
		}
		best := l.fullest(l.spans[i].words, l.spans[i].honor)
		if len(best) == 1 {
			best = l.firstNameAlone(best, l.spans[i].honor)
		}
		l.b.personKey[i] = l.b.sm.of(best)
		if len(best) != len(l.spans[i].words) {
			l.note(i, "fullest-name", strings.Join(best, " "))
		}
	}
}

// firstNameAlone: a first name alone ("Hillary") is the one person of that
// first name, if only one; else perhaps a slip of a surname.
func (l *linker) firstNameAlone(best []string, honor byte) []string {
	only := ""
	var onlyWords []string
	unique := true
	for _, p := range l.b.persons {
		if len(p) < 2 || !strings.EqualFold(p[0], best[0]) {
			continue
		}
		f := l.fullest(p, 0)
		if key := strings.Join(f, " "); only == "" || only == key {
			only, onlyWords = key, f
		} else {
			unique = false
		}
	}
	if only != "" && unique {
		return onlyWords
	}
	if f := slipOfSurname(best[0], l.b); f != nil {
		return l.fullest(f, honor)
	}
	return best
}

// acronyms notes the acronyms of organisations named in full in the article.
func (l *linker) acronyms() {
	for i := range l.spans {
		if l.spans[i].kind == model.KindOrganization && l.spans[i].gz == nil {
			if a := acronym(l.spans[i].words); len(a) >= 2 {
				l.b.acro[a] = strings.Join(l.spans[i].words, " ")
			}
		}
	}
}

// kindVotes: one name, one entity: a name the tagger left as "other" in one
// sentence and typed in another ("Liberal Democrats") takes the kind it had
// most often. Place and organisation readings stay apart: "Chicago" the city
// and "Chicago" the team are not one thing.
func (l *linker) kindVotes() {
	b, spans := l.b, l.spans
	votes := b.votes // row in b.voteRows: by the kind's place in model.Kinds
	for i := range spans {
		sp := &spans[i]
		if sp.gz != nil || sp.kind == model.KindPerson {
			continue
		}
		key := b.sm.of(sp.words)
		b.spanKey[i] = key
		r, ok := votes[key]
		if !ok {
			r = len(b.voteRows)
			b.voteRows = append(b.voteRows, [8]int{})
			votes[key] = r
		}
		b.voteRows[r][kindIndex(sp.kind)]++
	}
	for i := range spans {
		sp := &spans[i]
		if sp.gz != nil || sp.kind == model.KindPerson {
			continue
		}
		v := &b.voteRows[votes[b.spanKey[i]]]
		best, bi := model.KindOther, kindIndex(model.KindOther)
		for ki, k := range model.Kinds {
			if k != model.KindOther && v[ki] > v[bi] || best == model.KindOther && v[ki] > 0 {
				best, bi = k, ki
			}
		}
		if sp.kind == model.KindOther && best != model.KindOther {
			sp.kind = best
			l.note(i, "kind-vote", string(best))
		}
	}
}

// headNouns: "the Council" after "the United Nations Security Council": a
// body's head noun alone is the one body of the article that it heads, if only one.
func (l *linker) headNouns() {
	headed := l.b.headed
	for i := range l.spans {
		sp := &l.spans[i]
		if sp.kind != model.KindOrganization || len(sp.words) < 2 || !orgHeads[sp.words[len(sp.words)-1]] {
			continue
		}
		key := groupKey{string(model.KindOrganization), l.b.sm.of(sp.words)}
		if sp.gz != nil {
			key = groupKey{"gz", sp.gz.ID}
		}
		head := sp.words[len(sp.words)-1]
		if old, ok := headed[head]; !ok {
			headed[head] = key
		} else if old != key {
			headed[head] = groupKey{} // two bodies with that head: no telling which
		}
	}
}

// groupSpans gives each span its entity's group.
func (l *linker) groupSpans() {
	b := l.b
	for i := range l.spans {
		sp := &l.spans[i]
		var g int
		switch {
		case sp.gz == nil && sp.kind == model.KindOrganization && len(sp.words) == 1 && b.headed[sp.words[0]] != groupKey{}:
			g = l.get(b.headed[sp.words[0]], model.KindOrganization)
			l.note(i, "head-noun", b.headed[sp.words[0]].name)
		case sp.gz != nil:
			g = l.get(groupKey{"gz", sp.gz.ID}, sp.gz.Kind)
			b.order[g].gz = sp.gz
			l.note(i, "gazetteer", sp.gz.ID)
		case sp.kind == model.KindPerson:
			g = l.get(groupKey{"per", b.personKey[i]}, model.KindPerson)
			if l.why != nil && l.why[i] == "" {
				l.note(i, "person", b.personKey[i])
			}
		default:
			full, isAcro := "", false
			if sp.kind == model.KindOrganization && len(b.acro) > 0 {
				full, isAcro = b.acro[string(b.sm.join(sp.words))]
			}
			key := ""
			if isAcro {
				key = b.sm.ofName(full)
				l.note(i, "acronym", full)
			} else {
				key = b.sm.of(sp.words)
			}
			g = l.get(groupKey{string(sp.kind), key}, sp.kind)
		}
		b.spanGroup[i] = g
	}
}

// entities builds the entities of the groups, in order of first mention.
func (l *linker) entities() []model.Entity {
	b, spans := l.b, l.spans
	// Each group's spans, in order, carved from one array.
	order := b.order
	for _, g := range b.spanGroup {
		order[g].n++
	}
	members := b.members
	at := 0
	for k := range order {
		n := order[k].n
		order[k].spans = members[at : at : at+n]
		at += n
	}
	for i, g := range b.spanGroup {
		order[g].spans = append(order[g].spans, i)
	}
	out := make([]model.Entity, 0, len(order))
	// The mentions and aliases of all the entities, each entity's a piece
	// capped at its end, so that two arrays serve them all: an entity has
	// a mention per span and at most an alias per span.
	mentions := make([]model.Mention, 0, len(spans))
	aliases := make([]string, 0, len(spans))
	for k := range order {
		g := &order[k]
		e := model.Entity{Kind: g.kind}
		m0, a0 := len(mentions), len(aliases)
		for _, i := range g.spans {
			sp := &spans[i]
			mentions = append(mentions, model.Mention{Field: sp.field, Start: sp.start, End: sp.end, Text: sp.text})
			if !slices.Contains(aliases[a0:], sp.text) {
				aliases = append(aliases, sp.text)
			}
		}
		e.Mentions = mentions[m0:len(mentions):len(mentions)]
		e.Aliases = aliases[a0:len(aliases):len(aliases)]
		slices.SortStableFunc(e.Aliases, func(a, b string) int { return len(b) - len(a) })
		if g.gz != nil {
			e.Name = g.gz.Name
			e.ID = g.gz.ID
			e.Country = g.gz.Country
		} else {
			e.Name = e.Aliases[0]
			if g.kind == model.KindPerson {
				e.Name = personName(spans, g.spans)
			}
			e.ID = string(g.kind) + ":" + b.sm.ofName(e.Name) // model.EntityID, with the article's slugs
		}
		if e.Kind == model.KindNationality && e.Country == "" {
			if r, ok := l.gaz.Resolve(e.Name); ok && r.Kind == model.KindNationality {
				e.Country = r.Country
			}
		}
		out = append(out, e)
	}
	return out
}

// kindIndex returns the place of k in model.Kinds (that of "other" for an unknown kind).
func kindIndex(k model.EntityKind) int {
	other := 0
	for i, x := range model.Kinds {
		if x == k {
			return i
		}
		if x == model.KindOther {
			other = i
		}
	}
	return other
}

// fuller reports whether name a is fuller than b: more words, or as many and longer.
func fuller(a, b []string) bool {
	if len(a) != len(b) {
		return len(a) > len(b)
	}
	return joinedLen(a) > joinedLen(b)
}

// joinedLen returns len(strings.Join(words, " ")) without joining them.
func joinedLen(words []string) int {
	n := max(0, len(words)-1)
	for _, w := range words {
		n += len(w)
	}
	return n
}

// personName picks the fullest form among a person's mentions: most words, then longest.
func personName(spans []span, idx []int) string {
	var best []string
	bl := 0 // len(strings.Join(best, " ")), which only the winner needs
	for _, i := range idx {
		sp := &spans[i]
		if n := joinedLen(sp.words); len(sp.words) > len(best) || len(sp.words) == len(best) && n > bl {
			best, bl = sp.words, n
		}
	}
	return strings.Join(best, " ")
}

// slipOfSurname finds the one person named in full whose surname w
// misspells by one letter ("McLenney" for Tyresha McClenney): a surname of
// six letters or more, the first letter kept. Nil when none or several.
func slipOfSurname(w string, b *linkBufs) []string {
	lw := strings.ToLower(w)
	if len(lw) < 6 {
		return nil
	}
	var found []string
	for sn := range b.bySurname {
		ps := b.sameSurname(sn)
		l := strings.ToLower(sn)
		if l == lw || len(l) < 6 || l[0] != lw[0] || !nearlyEqual(lw, l) {
			continue
		}
		for _, p := range ps {
			if len(p) < 2 {
				continue
			}
			if found != nil && strings.Join(found, " ") != strings.Join(p, " ") {
				return nil // two people it could be
			}
			found = p
		}
	}
	return found
}

// Honorifics before a person's name, as bits: a man's (Mr, Sir, Lord), a
// woman's (Mrs, Ms, Miss, Dame, Lady, Baroness), and a title of rank (Sir,
// Lord, Dame, Lady, Baroness) that a paper keeps using for that person.
const (
	honMale byte = 1 << iota
	honFemale
	honTitled
)

// honorOf returns the honorific bits of the word w (0 when it is none).
func honorOf(w string) byte {
	w = strings.TrimSuffix(w, ".")
	if len(w) < 2 || len(w) > 8 {
		return 0
	}
	switch w[0] | 0x20 { // every honorific starts with one of these (an ASCII letter, or past ASCII: "ſir" folds to "sir")
	case 'm', 's', 'l', 'd', 'b':
	default:
		if w[0] < utf8.RuneSelf {
			return 0
		}
	}
	for _, h := range honorifics {
		if strings.EqualFold(w, h.word) {
			return h.bits
		}
	}
	return 0
}

var honorifics = []struct {
	word string
	bits byte
}{
	{"mr", honMale}, {"mrs", honFemale}, {"ms", honFemale}, {"miss", honFemale},
	{"sir", honMale | honTitled}, {"lord", honMale | honTitled},
	{"dame", honFemale | honTitled}, {"lady", honFemale | honTitled}, {"baroness", honFemale | honTitled},
}

// honorFits reports whether a surname given the honorific honor ("Mr
// Blair") can be the person named p, given the honorifics p had (had):
// not a woman for "Mr", nor a man for "Mrs", nor someone a paper calls
// "Sir Ian" for a plain "Mr Blair".
func honorFits(honor byte, p []string, had byte) bool {
	if honor == 0 {
		return true
	}
	g := byte(0)
	if len(p) >= 2 {
		g = names.Gender(p[0])
	}
	switch {
	case honor&honMale != 0 && (g == 'f' || had&honFemale != 0):
		return false
	case honor&honFemale != 0 && (g == 'm' || had&honMale != 0):
		return false
	}
	return honor&honTitled != 0 || had&honTitled == 0
}

// LinkStep names one linking step and says what it does (for explain).
type LinkStep struct{ Name, Doc string }

// LinkSteps lists the linking steps in the order they run; any can be
// switched off by name with Without (but collect-persons, which the others
// need).
func LinkSteps() []LinkStep {
	out := make([]LinkStep, len(linkSteps))
	for i, st := range linkSteps {
		out[i] = LinkStep{st.Name, st.Doc}
	}
	return out
}
