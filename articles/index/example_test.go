package index_test

import (
	"fmt"
	"os"
	"strings"

	"briefs/articles/index"
	"briefs/articles/output"
	"briefs/model"
)

// article builds an invented brief naming one entity at every occurrence of its name.
func article(title, body string, e model.Entity) model.Article {
	a := model.Article{Title: title, Body: body, ID: model.ArticleID(title, body)}
	for at := 0; ; {
		k := strings.Index(body[at:], e.Name)
		if k < 0 {
			break
		}
		e.Mentions = append(e.Mentions, model.Mention{Field: model.FieldBody, Start: at + k, End: at + k + len(e.Name), Text: e.Name})
		at += k + len(e.Name)
	}
	a.Entities = []model.Entity{e}
	return a
}

// How the command line uses the index: build it, search, print.
func Example() {
	iceland := model.Entity{ID: "country:iceland", Name: "Iceland", Kind: model.KindCountry, Aliases: []string{"Iceland", "Republic of Iceland"}}
	ix := index.Build([]model.Article{
		article("Fishing talks open", "Iceland and Norway opened talks on cod quotas.", iceland),
		article("Volcano quiet", "Scientists in Iceland said the volcano was quiet.", iceland),
		article("Norway budget", "Norway presented its budget.", model.Entity{ID: "country:norway", Name: "Norway", Kind: model.KindCountry}),
	}, nil)

	res, err := ix.Search(`republic of iceland AND talks`, 10)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(res.Total, res.Terms)
	if err := output.WriteHits(os.Stdout, output.FormatMarkdown, res.Hits); err != nil {
		fmt.Println(err)
	}
	ents := ix.EntitiesWith(model.KindCountry, 3)
	if err := output.WriteEntities(os.Stdout, output.FormatText, ents); err != nil {
		fmt.Println(err)
	}
	// Output:
	// 1 [entity:country:iceland word:talks]
	// 1. **Fishing talks open** `6e15c085c7000403`
	//    > **Iceland** and Norway opened **talks** on cod quotas.
	// country          2      2  Iceland  [country:iceland]
	// country          1      1  Norway  [country:norway]
}
