package tagger

// The plain implementation of TagDoc: feature keys from Extractor scored one
// by one. TagDoc must give the same labels (TestTagDocMatchesReference).

// tagDocReference is TagDoc as it was before fast.go, by the plain
// feature-by-feature scorer: the labels of TagDocMargins, which explain
// shows, so the tests that hold TagDoc to it also hold explain to TagDoc.
func (m *Model) tagDocReference(sents []Sentence) [][]Label {
	labels, _ := m.TagDocMargins(sents)
	return labels
}
