package quotes

import (
	"strings"

	"briefs/articles/lexicon"
	"briefs/articles/names"
)

// A description, then the name it describes between commas ("Congo’s
// foreign minister, Clarisse Mbuyi-Kalonji, said"): the name speaks and the
// description is its role. The reverse order ("Clarisse Mbuyi-Kalonji,
// Congo’s foreign minister, said") is read by backwardNP.

// descriptionHeads are the nouns that make a phrase a description of a
// person or of a few people, so that a name in commas after it is the one
// described ("The U.S. special envoy, Marcus Ellery,").
var descriptionHeads = lexSet(lexicon.DescriptionHeads)

// isDescriptionHead reports a noun that heads a description of a person
// ("minister", "ministers", "the aide").
func isDescriptionHead(w string) bool {
	return headNouns[w] || headNouns[strings.TrimSuffix(w, "s")]
}

// headNouns are roleNouns, personNouns and descriptionHeads in one set: one
// lookup where there were three.
var headNouns = union(roleNouns, personNouns, descriptionHeads)

// describes reports whether items[a:b] reads as a description of a person:
// no name alone, and a role or person noun among its words.
func describes(items []item, a, b int) bool {
	for k := a; k < b; k++ {
		it := &items[k]
		// it.is(classHead) is isDescriptionHead(it.lower), looked up once by tokenize
		if it.kind == itemWord && !it.capitalised() && it.is(classHead) {
			return true
		}
		// "Its spokesman" opens a sentence capitalised
		if it.kind == itemWord && k == a && it.is(classHead) {
			return true
		}
		if it.kind == itemWord && k > a && it.capitalised() && it.is(classHead) && (!items[k-1].capitalised() || items[a].is(classDeterminer)) {
			// "Foreign Secretary" after a lower-case word, or in "The Shadow
			// Secretary of State for the Family"
			return true
		}
	}
	return false
}

// nameLike reports whether items[a:b] could be a name with its titles
// ("Colonel Mohamed al-Tayeb Nour", "Farah binti Kamaruddin"): capitalised
// words, with the particles names carry.
func nameLike(items []item, a, b int) bool {
	if b <= a || b-a > 8 || !items[a].capitalised() || !items[b-1].capitalised() {
		return false
	}
	for k := a; k < b; k++ {
		it := items[k]
		if it.kind != itemWord {
			return false
		}
		if !it.capitalised() && !nameJoiners[it.lower] && !nameParticles[it.lower] && !joinedName(it.text) {
			return false
		}
		if it.capitalised() && (npStop[it.lower] || it.is(classDeterminer) || speakerPronouns[it.lower]) &&
			// "Theresa May": a surname after a known given name
			!(k == b-1 && k > a && names.Gender(items[k-1].lower) != 0) {
			return false
		}
	}
	return true
}

// nameParticles are lower-case words inside names besides nameJoiners
// ("Farah binti Kamaruddin", "Ana Sofía Berrocal de León").
var nameParticles = toSet("binti bint ben ter ten del della dei das do y")

// descriptionStops end a description walking backwards: they belong to
// the clause before it.
var descriptionStops = toSet(`and but or nor that which who whom whose when where while as because if although though
since after before than so yet whereas unless until said says told`)

// roleThenName reads "DESCRIPTION, NAME, cue" before the cue at items[c]
// (also "DESCRIPTION, NAME, who ..., cue"). It returns the name's items,
// the description as the role, and whether the pattern is there.
func (st *fieldState) roleThenName(items []item, lo, c int) (na, nb int, role string, ok bool) {
	end := prevNonAdverb(items, lo, c)
	if end < lo || !items[end].isPunct(",") {
		return 0, 0, "", false
	}
	for hop := 0; ; hop++ {
		k := end - 1
		for k >= lo && k > end-20 && items[k].kind != itemQuote && !(items[k].kind == itemPunct && strings.Contains(",.;:!?", items[k].text)) {
			k--
		}
		if k <= lo || !items[k].isPunct(",") {
			return 0, 0, "", false
		}
		// a relative clause after the name: look before it
		if hop == 0 && (items[k+1].lower == "who" || items[k+1].lower == "whose") {
			end = k
			continue
		}
		na, nb = k+1, end
		// "state Del. Mira Lund", "former Sen. Ada Holm": lower-case words of a title before it
		for na+1 < nb && titlePrefixes[items[na].lower] && !items[na].capitalised() {
			na++
		}
		// a party and state after the name: "(R-OH)"
		if nb-1 > na && items[nb-1].isPunct(")") {
			for m := nb - 2; m > na; m-- {
				if items[m].isPunct("(") {
					nb = m
					break
				}
			}
		}
		// letters after the name: "Brian Monteith MSP"
		for nb-1 > na && names.PostNominal(items[nb-1].text) {
			nb--
		}
		if !nameLike(items, na, nb) {
			return 0, 0, "", false
		}
		// the name must be a person's, ending the segment
		person := false
		var buf [8]nameRef
		for _, r := range st.names.within(items[na].start, items[nb-1].end, buf[:0]) {
			if r.person && r.end == items[nb-1].end {
				person = true
			}
		}
		if !person {
			return 0, 0, "", false
		}
		da, db := descriptionBefore(items, lo, k)
		if db <= da || !describes(items, da, db) {
			return 0, 0, "", false
		}
		// a name right before the comma makes a list of names, not a description
		for _, r := range st.names.within(items[da].start, items[db-1].end, buf[:0]) {
			if r.person && r.sure && r.end == items[db-1].end {
				return 0, 0, "", false
			}
		}
		role = strings.TrimSpace(itemsText(items, da, db))
		// "Its spokesman" opened the sentence; as a role it reads "its spokesman"
		if items[da].is(classDeterminer) && items[da].capitalised() {
			role = items[da].lower + role[len(items[da].text):]
		}
		return na, nb, role, true
	}
}

// descriptionBefore finds the description that ends right before the comma
// at items[k]: words (and the apostrophe of "Forces'") back to the clause
// before it, leading "But" or "Meanwhile" left out.
func descriptionBefore(items []item, lo, k int) (a, b int) {
	d := k - 1
	for d >= lo && k-d <= 14 {
		it := items[d]
		if it.kind == itemPunct && (it.text == "'" || it.text == "’") {
			d--
			continue
		}
		if it.kind != itemWord || descriptionStops[it.lower] || cues[it.lower] != (cueForm{}) || commonVerbs[it.lower] {
			break
		}
		d--
	}
	a = d + 1
	for a < k && items[a].kind == itemWord && items[a].is(classIntro) && !items[a].is(classDeterminer) {
		a++
	}
	// an opening phrase ("In Beijing") ends at a comma, so a is where the description starts
	return a, k
}

// subjectAfterDescription reads a sentence that opens "DESCRIPTION, NAME,"
// ("Iran’s ambassador to the IAEA, Dariush Kamrani, dismissed ..."): given
// the noun phrase items[a:b] the sentence opens with, it returns the name's
// items when the pattern is there.
func subjectAfterDescription(items []item, a, b, c int) (na, nb int, ok bool) {
	m := b
	// a tail of the description: "to the IAEA", "for safeguards", "' chief negotiator"
	if m < c && !items[m].isPunct(",") && !descriptionTails[items[m].lower] {
		return 0, 0, false
	}
	for m < c && m-b <= 10 && (items[m].kind == itemWord && !descriptionStops[items[m].lower] && cues[items[m].lower] == (cueForm{}) ||
		items[m].kind == itemPunct && (items[m].text == "'" || items[m].text == "’")) {
		m++
	}
	if m >= c || !items[m].isPunct(",") || !describes(items, a, m) {
		return 0, 0, false
	}
	n := m + 1
	for n < c && items[n].kind == itemWord && n-m <= 8 {
		n++
	}
	if n >= c || !items[n].isPunct(",") || !nameLike(items, m+1, n) {
		return 0, 0, false
	}
	return m + 1, n, true
}

// joinedName reports a name word that opens with a lower-case particle
// ("al-Tayeb", "el-Sisi").
func joinedName(w string) bool {
	i := strings.LastIndexByte(w, '-')
	return i > 0 && i+1 < len(w) && w[i+1] >= 'A' && w[i+1] <= 'Z' && nameJoiners[strings.ToLower(w[:strings.IndexByte(w, '-')])]
}

// descriptionTails open the tail of a description ("to the IAEA", "for
// safeguards", the apostrophe of "Forces' chief negotiator").
var descriptionTails = toSet("to of for at in on ' ’")

// noteIntroduced records the persons a sentence introduces with a role in
// commas after their name ("... concerns Henry Crespo, president of the
// Black Caucus."): a later "he" most likely stands for them.
func (st *fieldState) noteIntroduced(items []item, lo, hi, para int) {
	for k := lo + 1; k+1 < hi; k++ {
		if !items[k].isPunct(",") || items[k-1].kind != itemWord {
			continue
		}
		m := k + 1
		for m < hi && m-k <= 12 && (items[m].kind == itemWord || items[m].kind == itemPunct && (items[m].text == "'" || items[m].text == "’")) {
			m++
		}
		if first := items[k+1].lower; m == k+1 || npStop[first] && !determiners[first] || cues[first] != (cueForm{}) || !describes(items, k+1, m) {
			continue
		}
		end := items[k-1].end
		var buf [8]nameRef
		for _, r := range st.names.within(max(0, end-80), end, buf[:0]) {
			if r.person && r.end == end && r.start >= items[lo].start {
				w := r.asWho()
				if w.gender == 0 {
					w.gender = genderOfRole(itemsText(items, k+1, m))
				}
				if n := len(st.subjects); n == 0 || st.subjects[n-1].pos < r.start {
					st.subjects = append(st.subjects, event{para: para, pos: r.start, w: w, intro: true})
				}
				break
			}
		}
	}
}

// titlePrefixes are lower-case words that open a title before a name ("state Del.", "former Sen.").
var titlePrefixes = toSet("state former acting then interim outgoing incoming retired")
