package source

import (
	"strings"
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
)

// Invented sentences for the legacy encodings.
const (
	jaTitle = "漁業協定の会談が再開"
	jaBody  = "外務大臣は火曜日にジュネーブで漁業協定について話し合った。両国の代表団は来月も会談を続けることで合意し、次の会合では検査の規則と漁獲量の上限を決める予定である。"
	thTitle = "การเจรจาข้อตกลงประมงเริ่มอีกครั้ง"
	thBody  = "รัฐมนตรีต่างประเทศพบกับคณะผู้แทนที่เจนีวาเพื่อหารือเรื่องข้อตกลงการประมง และทั้งสองฝ่ายตกลงที่จะประชุมกันอีกครั้งในเดือนหน้าเพื่อกำหนดกฎการตรวจสอบ"
	koTitle = "어업 협정 회담 재개"
	koBody  = "외무장관은 화요일 제네바에서 어업 협정에 대해 논의했으며, 양국 대표단은 다음 달에도 회담을 계속하기로 합의했다."
)

func encodeWith(t *testing.T, enc encoding.Encoding, s string) string {
	t.Helper()
	out, err := enc.NewEncoder().String(s)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// A feed in a legacy encoding that declares nothing (no XML encoding, no
// header) is read in the charset a detector finds: EUC-JP, whose byte
// pairs are by chance often valid UTF-8, and TIS-620 (Thai).
func TestUndeclaredLegacyCharsets(t *testing.T) {
	rss := func(title, body string) []byte {
		return []byte("<rss><channel><item><title>" + title + "</title><description>" + body + "</description></item></channel></rss>")
	}
	for name, c := range map[string]struct {
		enc         encoding.Encoding
		title, body string
	}{
		"EUC-JP":  {japanese.EUCJP, jaTitle, jaBody},
		"TIS-620": {charmap.Windows874, thTitle, thBody},
		"EUC-KR":  {korean.EUCKR, koTitle, koBody},
	} {
		data := rss(encodeWith(t, c.enc, c.title), encodeWith(t, c.enc, c.body))
		arts, err := Parse("feed.xml", data)
		if err != nil || len(arts) != 1 || arts[0].Title != c.title || arts[0].Body != c.body {
			t.Errorf("%s: %v %+v", name, err, arts)
		}
	}
	// The same Japanese text in UTF-8 with one bad byte stays UTF-8: the
	// bad byte alone becomes U+FFFD.
	data := rss(jaTitle, jaBody[:9]+"\xff"+jaBody[9:])
	arts, err := Parse("feed.xml", data)
	if err != nil || len(arts) != 1 || arts[0].Title != jaTitle || arts[0].Body != jaBody[:9]+"\ufffd"+jaBody[9:] {
		t.Errorf("damaged UTF-8: %v %+v", err, arts)
	}
	// And so does Latin text in UTF-8 with one bad byte, though its
	// two-byte letters look like EUC pairs.
	latin := "Les envoyés ont négocié à Genève: l'accord sur la pêche prévoit des quotas révisés et des contrôles renforcés dès l'été."
	arts, err = Parse("feed.xml", rss("Pêche à Genève", latin[:10]+"\xe9"+latin[10:]))
	if err != nil || len(arts) != 1 || arts[0].Title != "Pêche à Genève" || !strings.Contains(arts[0].Body, "négocié à Genève") {
		t.Errorf("damaged UTF-8 Latin: %v %+v", err, arts)
	}
}

// Windows-1252 quotes and dashes pasted into UTF-8 text (stray bytes
// 0x91-0x97 among valid UTF-8) are read as the marks they are, so the
// quotation keeps them; other stray bytes still become U+FFFD.
func TestWindowsPunctuationInUTF8(t *testing.T) {
	feed := "<rss><channel><item><title>Caf\xc3\xa9 talks \x96 day two</title><description>Envoys in Gen\xc3\xa8ve said \x93we will stay\x94 and \x91no\x92\x85 The \xff was lost.</description></item></channel></rss>"
	arts, err := Parse("feed.xml", []byte(feed))
	if err != nil || len(arts) != 1 || arts[0].Title != "Café talks – day two" || arts[0].Body != "Envoys in Genève said “we will stay” and ‘no’… The \ufffd was lost." {
		t.Errorf("%v %+v", err, arts)
	}
	// Text with many bytes above 0x7F is no UTF-8 with a few pasted marks:
	// left to the detector or to U+FFFD, never read byte by byte.
	data := []byte(strings.Repeat("\x93\xe9\xf0\x94 ", 50))
	if got := windowsPunctuation(data); string(got) != string(data) {
		t.Errorf("dense high bytes changed: %q", got[:20])
	}
}
