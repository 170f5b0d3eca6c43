// Package names knows the gender of common given names, so that "she"
// finds Hillary Clinton and "Mr Clinton" does not.
package names

import (
	"slices"
	"strings"
	"unicode/utf8"

	"briefs/articles/lexicon"
)

// Gender returns 'f' or 'm' for a given name the lists know, in any case
// ("hillary", "Hillary"), else 0.
func Gender(given string) byte {
	// lower-cased in a buffer: it runs for every capitalised word of a
	// brief, and a new string each time cost more than the lookup
	var buf [24]byte
	if len(given) > len(buf) {
		return 0 // longer than any name in the lists
	}
	for i := 0; i < len(given); i++ {
		c := given[i]
		if c >= utf8.RuneSelf {
			return gender(strings.ToLower(given))
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return genders.At(string(buf[:len(given)]))
}

// PostNominals are letters written after a person's name, in capitals (the
// lexicon's post-nominals list).
var PostNominals = func() []string {
	var out []string
	for _, w := range lexicon.Words(lexicon.PostNominals) {
		out = append(out, strings.ToUpper(w))
	}
	return out
}()

// PostNominal reports whether w is one of PostNominals, as written.
func PostNominal(w string) bool { return slices.Contains(PostNominals, w) }

func gender(g string) byte { return genders.At(g) }

// genders gives 'f' for the female names and 'm' for the male ones (a
// name on both lists is female, as Gender always said): one look-up in a
// lexicon.Table where two in Go maps cost more than the rest of Gender,
// which runs for most capitalised words of a brief.
var genders = func() *lexicon.Table[byte] {
	m := map[string]byte{}
	for w := range male {
		m[w] = 'm'
	}
	for w := range female {
		m[w] = 'f'
	}
	return lexicon.NewTable(m)
}()

// female are common female first names in English-language political news.
var female = toSet(`hillary chelsea melania ivanka kellyanne nancy elizabeth sarah susan mary patricia jennifer linda barbara
margaret karen lisa betty dorothy sandra ashley kimberly donna emily michelle carol amanda melissa deborah stephanie rebecca
laura sharon cynthia kathleen amy shirley angela helen anna brenda pamela nicole samantha katherine christine debra rachel
catherine carolyn janet ruth maria heather diane virginia julie joyce victoria olivia kelly christina lauren joan evelyn judith
megan cheryl andrea hannah martha jacqueline frances gloria ann teresa kathryn sara janice jean alice madison doris abigail julia
judy grace denise amber marilyn beverly danielle theresa sophia marie diana brittany natalie isabella charlotte rose alexis kayla
theresa angela merkel marine federica theresa jill gennifer huma donna debbie loretta condoleezza madeleine samantha nikki
valerie kamala dianne claire tulsi kirsten elena sonia ruth harriet sheila maxine marsha susana jeanne jane kate
katie kathy sue liz beth meg ellen ilhan alexandria ayanna rashida betsy elaine tammy tina mia zoe yulia maria natalya
irina svetlana olga valentina tatiana galina lyudmila ekaterina anastasia marianne sylvie segolene christiane ursula annegret
theresa nicola jacinda julia yoshiko yingluck aung benazir indira golda angela dilma cristina michelle laura barbara rosalynn
nancy betty pat lady ladybird mamie bess edith eleanor lou grace florence helen ida caroline frances abigail dolley louisa
elizabeth martha
tessa estelle cherie oona hazel glenda clare jacqui beverley yvette hilary anne annette fiona gillian lorna natascha nina penelope rosemary sally wendy ségolène
marta ewa agnieszka katarzyna magdalena joanna beata małgorzata aleksandra giulia francesca chiara paola ingrid birgit ulrike
petra sabine annika margrethe carmen pilar isabel ana lucia ines`)

// male are common male first names in English-language political news.
var male = toSet(`donald mike michael barack joe john james robert william david richard charles thomas christopher daniel
matthew anthony mark paul steven steve andrew kenneth george joshua kevin brian edward ronald timothy jason jeffrey ryan jacob
gary nicholas eric jonathan stephen larry justin scott brandon benjamin samuel frank gregory raymond alexander patrick jack
dennis jerry tyler aaron jose henry adam douglas nathan peter zachary kyle walter harold jeremy ethan carl keith roger gerald
christian sean arthur austin noah lawrence jesse dylan bryan joe jordan billy bruce albert willie gabriel logan alan juan
wayne roy ralph randy eugene vincent russell louis philip bobby johnny bradley bernie ted marco rand chris jeb ben newt rudy
reince sean tim bill hugh vladimir sergei dmitry rex mitt jim bob mitch harry chuck nancy_ al elijah trey jason tom kim_ boris
emmanuel francois nicolas angela_ xi shinzo recep bashar ali mohammed muhammad ahmed hassan abdul omar ibrahim king_ jared eric
corey kellyanne_ paul rick lindsey_ lyndon franklin dwight ronald gerald jimmy herbert calvin woodrow theodore abraham ulysses
jeff dan greg ken doug ron don len phil nick matt ed andy tony dave jon steve reid orrin mitch lamar trent rob marty kurt
barry norman nigel neil graham gordon derek trevor clive colin ian iain alistair alastair hamish malcolm stuart geoff geoffrey oliver gareth rhodri dafydd hywel huw owen liam seamus declan desmond dominic hugo rupert giles piers simon adrian martin charlie harvey jacques gerhard helmut wolfgang silvio romano luis carlos pedro mikhail viktor yuri igor hussein khalid tariq kofi nelson thabo mahmoud ariel ehud shimon yitzhak hamid abdullah
piotr paweł pawel tomasz krzysztof andrzej marek łukasz lukasz jakub michał michal wojciech jarosław jaroslaw giuseppe giorgio
matteo luigi paolo enrico sergio antonio mario francesco klaus jürgen juergen olaf friedrich lars nils sven anders pablo javier
manuel miguel alberto fernando`)

func toSet(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}
