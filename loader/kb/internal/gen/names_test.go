package gen

import (
	"strings"
	"testing"
)

func TestParsePrincipal(t *testing.T) {
	cases := []struct{ text, title, canon, since string }{
		{"President Vladimir Vladimirovich PUTIN (since 7 May 2012)", "President", "Vladimir Putin", "2012-05-07"},
		{"President XI Jinping (since 14 March 2013); Vice President HAN Zheng (since 10 March 2023)", "President", "Xi Jinping", "2013-03-14"},
		{"President Joseph R. BIDEN Jr. (since 20 January 2021)", "President", "Joseph Biden", "2021-01-20"},
		{"King CHARLES III (since 8 September 2022)", "King", "Charles III", "2022-09-08"},
		{"Sébastien LECORNU (since 10 September 2025)", "", "Sébastien Lecornu", "2025-09-10"},
		{"President Denis SASSOU-Nguesso (since 25 October 1997)", "President", "Denis Sassou-Nguesso", "1997-10-25"},
		{"Prime Minister Carlos Alberto Wahnon de CARVALHO VEIGA (since 13 January 1991)", "Prime Minister", "Carlos Alberto Wahnon de Carvalho Veiga", "1991-01-13"},
		{"President Bashar al-ASAD (since 17 July 2000)", "President", "Bashar Al-Asad", "2000-07-17"},
	}
	for _, c := range cases {
		p, ok := parsePrincipal(c.text)
		if !ok || p.title != c.title || p.parts.canonical() != c.canon || p.since != c.since {
			t.Errorf("parsePrincipal(%q) = %v %q %q %q", c.text, ok, p.title, p.parts.canonical(), p.since)
		}
	}
	for _, s := range []string{"vacant", "Prime Minister (vacant)", ""} {
		if _, ok := parsePrincipal(s); ok {
			t.Errorf("parsePrincipal(%q) should fail", s)
		}
	}
}

func TestCompatible(t *testing.T) {
	cia := func(s string) nameForm { p, _ := splitCIAName(s); return ciaForm(p) }
	yes := [][2]nameForm{
		{cia("Vladimir Vladimirovich PUTIN"), plainForm("Vladimir Putin")},
		{cia("Dmitriy Anatolyevich MEDVEDEV"), plainForm("Dmitry Medvedev")},
		{cia("Joseph R. BIDEN Jr."), plainForm("Joe Biden")},
		{cia("KIM Jong Un"), plainForm("Kim Jong-un")},
		{cia("Serzh SARGSIAN"), plainForm("Serzh Sargsyan")},
		{cia("Ali Hoseini-KHAMENEI"), plainForm("Ali Khamenei")},
	}
	no := [][2]nameForm{
		{cia("KIM Jong Un"), plainForm("Kim Jong-il")},
		{cia("LI Qiang"), plainForm("Li Keqiang")},
		{plainForm("George W. Bush"), plainForm("George H. W. Bush")},
		{cia("NAWAF al-Ahmad al-Jabir al-SABAH"), cia("SABAH al-Ahmad al-Jabir al-SABAH")},
		{plainForm("Felipe VI"), cia("King PHILIPPE")},
	}
	for _, c := range yes {
		if compatible(c[0], c[1]) == 0 {
			t.Errorf("%v and %v should match", c[0].tokens, c[1].tokens)
		}
	}
	for _, c := range no {
		if compatible(c[0], c[1]) != 0 {
			t.Errorf("%v and %v should not match", c[0].tokens, c[1].tokens)
		}
	}
}

func TestOkAlias(t *testing.T) {
	for s, want := range map[string]bool{"US": true, "U.S.": true, "United States": true, "President": false, "Government": false, "X": false, "Xi": true, "Россия": false, "RU": false} {
		if okAlias(s) != want {
			t.Errorf("okAlias(%q) = %v", s, !want)
		}
	}
}

func TestManualSurnames(t *testing.T) {
	for _, c := range []struct {
		name, country string
		want          []string
	}{
		{"Shinzo Abe", "JPN", []string{"Abe"}}, // three letters are enough
		{"Boris Johnson", "GBR", []string{"Johnson"}},
		{"Lee Jae-myung", "KOR", []string{"Lee"}}, // family name first
		{"Theresa May", "GBR", nil},               // a common word
		{"Charles III", "GBR", nil},               // a monarch
		{"Salman of Saudi Arabia", "SAU", nil},
		{"Mohammed bin Salman", "SAU", nil}, // a patronymic
		{"Sugiono", "IDN", nil},             // one name
		{"Ishaq Dar", "PAK", []string{"Dar"}},
		{"Tom Ba", "SEN", nil},                      // two letters
		{"Lee Hsien Loong", "SGP", []string{"Lee"}}, // a Chinese name in Singapore
		{"Lawrence Wong", "SGP", []string{"Wong"}},  // an English first name
	} {
		got := manualSurnames(c.name, c.country)
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("manualSurnames(%q) = %v, want %v", c.name, got, c.want)
		}
	}
}
