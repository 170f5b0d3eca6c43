package model

import (
	"encoding/json"
	"time"
)

// The JSON shape of an article is the contract of `briefs extract`
// (../shared/spec/extract-format.md): every field present, empty strings and
// empty arrays rather than missing ones, null only for an absent speaker_mention.

type jsonMention struct {
	Field Field  `json:"field"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

type jsonEntity struct {
	ID       string        `json:"id"`
	Name     string        `json:"name"`
	Kind     EntityKind    `json:"kind"`
	Aliases  []string      `json:"aliases"`
	Mentions []jsonMention `json:"mentions"`
	Country  string        `json:"country,omitempty"`
}

type jsonQuote struct {
	Field          Field        `json:"field"`
	Start          int          `json:"start"`
	End            int          `json:"end"`
	Text           string       `json:"text"`
	Speaker        string       `json:"speaker"`
	SpeakerEntity  string       `json:"speaker_entity"`
	SpeakerMention *jsonMention `json:"speaker_mention"`
	SpeakerRole    string       `json:"speaker_role"`
	Cue            string       `json:"cue"`
	Partial        bool         `json:"partial"`
	// SpeakerConfidence is 0-1; 0 (and left out) with no speaker
	SpeakerConfidence float64 `json:"speaker_confidence,omitempty"`
}

type jsonArticle struct {
	ID        string       `json:"id"`
	Source    string       `json:"source"`
	Title     string       `json:"title"`
	Published string       `json:"published"`
	URL       string       `json:"url"`
	Author    string       `json:"author"`
	Outlet    string       `json:"outlet"`
	Body      string       `json:"body"`
	Entities  []jsonEntity `json:"entities"`
	Quotes    []jsonQuote  `json:"quotes"`
}

func mentionToJSON(m Mention) jsonMention {
	return jsonMention(m)
}

func mentionFromJSON(m jsonMention) Mention {
	return Mention(m)
}

// MarshalJSON writes the article in the extract contract's shape.
func (a Article) MarshalJSON() ([]byte, error) {
	out := jsonArticle{
		ID: a.ID, Source: a.Source, Title: a.Title, URL: a.URL, Author: a.Author,
		Outlet: a.Outlet, Body: a.Body,
		Entities: make([]jsonEntity, 0, len(a.Entities)),
		Quotes:   make([]jsonQuote, 0, len(a.Quotes)),
	}
	if !a.Published.IsZero() {
		out.Published = a.Published.UTC().Format(time.RFC3339)
	}
	for _, e := range a.Entities {
		je := jsonEntity{ID: e.ID, Name: e.Name, Kind: e.Kind, Country: e.Country,
			Aliases:  append(make([]string, 0, len(e.Aliases)), e.Aliases...),
			Mentions: make([]jsonMention, 0, len(e.Mentions))}
		for _, m := range e.Mentions {
			je.Mentions = append(je.Mentions, mentionToJSON(m))
		}
		out.Entities = append(out.Entities, je)
	}
	for _, q := range a.Quotes {
		jq := jsonQuote{Field: q.Field, Start: q.Start, End: q.End, Text: q.Text, Speaker: q.Speaker,
			SpeakerEntity: q.SpeakerEntity, SpeakerRole: q.SpeakerRole, Cue: q.Cue, Partial: q.Partial, SpeakerConfidence: q.SpeakerConfidence}
		if q.SpeakerMention != nil {
			m := mentionToJSON(*q.SpeakerMention)
			jq.SpeakerMention = &m
		}
		out.Quotes = append(out.Quotes, jq)
	}
	return json.Marshal(out)
}

// UnmarshalJSON reads an article written by MarshalJSON.
func (a *Article) UnmarshalJSON(data []byte) error {
	var in jsonArticle
	if err := json.Unmarshal(data, &in); err != nil {
		return err
	}
	*a = Article{ID: in.ID, Source: in.Source, Title: in.Title, URL: in.URL, Author: in.Author,
		Outlet: in.Outlet, Body: in.Body}
	if in.Published != "" {
		t, err := time.Parse(time.RFC3339, in.Published)
		if err != nil {
			return err
		}
		a.Published = t
	}
	for _, je := range in.Entities {
		e := Entity{ID: je.ID, Name: je.Name, Kind: je.Kind, Aliases: je.Aliases, Country: je.Country}
		for _, m := range je.Mentions {
			e.Mentions = append(e.Mentions, mentionFromJSON(m))
		}
		a.Entities = append(a.Entities, e)
	}
	for _, jq := range in.Quotes {
		q := Quote{Field: jq.Field, Start: jq.Start, End: jq.End, Text: jq.Text, Speaker: jq.Speaker,
			SpeakerEntity: jq.SpeakerEntity, SpeakerRole: jq.SpeakerRole, Cue: jq.Cue, Partial: jq.Partial, SpeakerConfidence: jq.SpeakerConfidence}
		if jq.SpeakerMention != nil {
			m := mentionFromJSON(*jq.SpeakerMention)
			q.SpeakerMention = &m
		}
		a.Quotes = append(a.Quotes, q)
	}
	return nil
}
