package kb_test

import (
	"testing"

	"github.com/eventgraph/eventgraph/loader/kb"
)

func holderNames(k *kb.KB, role, of, date string) []string {
	var out []string
	for _, e := range k.HoldersAt(role, of, date) {
		out = append(out, e.Name)
	}
	return out
}

func TestHoldersAt(t *testing.T) {
	k := kb.Default()
	cases := []struct{ role, of, date, want string }{
		{kb.RoleHeadOfState, "country:chn", "2024-05-16", "Xi Jinping"},
		{kb.RoleHeadOfState, "country:chn", "2004-11-13", "Hu Jintao"},
		{kb.RoleHeadOfState, "country:rus", "2008-06-01", "Dmitry Medvedev"},
		{kb.RoleHeadOfState, "country:rus", "2012-06", "Vladimir Putin"},
		{kb.RoleHeadOfState, "country:rus", "2024-05-16", "Vladimir Putin"},
		{kb.RoleHeadOfGovernment, "country:rus", "2010-01-01", "Vladimir Putin"},
		{kb.RoleHeadOfGovernment, "country:fra", "2025-09-15", "Sébastien Lecornu"},
		{kb.RoleHeadOfGovernment, "country:fra", "2023-06-01", "Élisabeth Borne"},
		{kb.RoleHeadOfState, "country:usa", "2025-02-01", "Donald Trump"},
		{kb.RoleHeadOfState, "country:usa", "2004-08-01", "George W. Bush"},
		{kb.RoleHeadOfState, "country:bra", "2004-11-13", "Luiz Inácio Lula da Silva"},
		{kb.RoleHeadOfState, "country:kor", "2005-11-17", "Roh Moo-hyun"},
		{kb.RoleHeadOfGovernment, "country:can", "2004-11-30", "Paul Martin"},
		{kb.RoleHeadOfGovernment, "country:gbr", "2024-08-01", "Keir Starmer"},
		{kb.RoleHeadOfGovernment, "country:deu", "2025-06-01", "Friedrich Merz"},
		{kb.RoleHeadOfGovernment, "country:jpn", "2025-01-01", "Shigeru Ishiba"},
		{kb.RoleHeadOfGovernment, "country:jpn", "2025-12-01", "Sanae Takaichi"},
		{kb.RoleHeadOfGovernment, "country:ind", "2024-05-16", "Narendra Modi"},
		{kb.RoleHeadOfGovernment, "country:chn", "2024-05-16", "Li Qiang"},
		{kb.RoleForeignMinister, "country:rus", "2024-05-16", "Sergei Lavrov"},
		{kb.RoleForeignMinister, "country:chn", "2020-01-01", "Wang Yi"},
		{kb.RoleForeignMinister, "country:chn", "2023-03-01", "Qin Gang"},
		{kb.RoleForeignMinister, "country:chn", "2025-09-02", "Wang Yi"},
		{kb.RoleForeignMinister, "country:usa", "2025-09-02", "Marco Rubio"},
		{kb.RoleDefenceMinister, "country:rus", "2024-05-16", "Andrei Belousov"},
		{kb.RoleDefenceMinister, "country:rus", "2023-01-01", "Sergei Shoigu"},
		{kb.RoleOrgHead, "org:nato", "2024-05-16", "Jens Stoltenberg"},
		{kb.RoleOrgHead, "org:nato", "2024-10-02", "Mark Rutte"},
		{kb.RoleOrgHead, "org:un", "2010", "Ban Ki-moon"},
		{kb.RoleOrgHead, "org:european-commission", "2024-05-16", "Ursula von der Leyen"},
		{kb.RoleForeignMinister, "org:eu", "2025-09-02", "Kaja Kallas"},
	}
	for _, c := range cases {
		got := holderNames(k, c.role, c.of, c.date)
		if len(got) == 0 || got[0] != c.want {
			t.Errorf("HoldersAt(%s, %s, %s) = %v, want %s first", c.role, c.of, c.date, got, c.want)
		}
	}
}

func TestHoldersAtExcludesPredecessors(t *testing.T) {
	k := kb.Default()
	for _, c := range []struct{ role, of, date, not string }{
		{kb.RoleHeadOfState, "country:rus", "2008-06-01", "Vladimir Putin"},
		{kb.RoleHeadOfState, "country:rus", "2012-06", "Dmitry Medvedev"},
		{kb.RoleHeadOfGovernment, "country:fra", "2025-09-15", "François Bayrou"},
		{kb.RoleHeadOfState, "country:usa", "2025-02-01", "Joe Biden"},
	} {
		for _, n := range holderNames(k, c.role, c.of, c.date) {
			if n == c.not {
				t.Errorf("HoldersAt(%s, %s, %s) includes %s", c.role, c.of, c.date, c.not)
			}
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestMembersAt(t *testing.T) {
	k := kb.Default()
	cases := []struct {
		org, date string
		in, out   []string
	}{
		{"org:brics", "2024-06-01", []string{"country:egy", "country:irn", "country:eth", "country:are", "country:bra", "country:zaf"}, []string{"country:sau", "country:idn"}},
		{"org:brics", "2023-06-01", []string{"country:bra", "country:rus", "country:ind", "country:chn", "country:zaf"}, []string{"country:egy", "country:irn", "country:eth", "country:are"}},
		{"org:brics", "2025-03-01", []string{"country:idn"}, []string{"country:blr"}},
		{"org:sco", "2023-08-01", []string{"country:irn", "country:ind", "country:pak", "country:chn", "country:rus"}, []string{"country:blr"}},
		{"org:sco", "2023-06-01", []string{"country:ind"}, []string{"country:irn"}},
		{"org:sco", "2024-08-01", []string{"country:blr"}, nil},
		{"org:nato", "2023-05", []string{"country:fin", "country:usa", "country:tur"}, []string{"country:swe"}},
		{"org:nato", "2024-03-07", []string{"country:swe"}, nil},
		{"org:nato", "2024-02", nil, []string{"country:swe"}},
		{"org:eu", "2019-06-01", []string{"country:gbr", "country:fra"}, nil},
		{"org:eu", "2021-01-01", []string{"country:fra", "country:hrv"}, []string{"country:gbr"}},
		{"org:g7", "2024-06-13", []string{"country:usa", "country:jpn", "country:can"}, []string{"country:rus"}},
		{"org:g20", "2024-11-18", []string{"country:bra", "country:zaf", "org:eu", "org:au"}, nil},
		{"org:asean", "2024-01-01", []string{"country:idn", "country:phl"}, []string{"country:chn"}},
		{"org:au", "2024-01-01", []string{"country:zaf", "country:nga"}, nil},
		{"org:un", "2024-01-01", []string{"country:fra", "country:chn"}, []string{"country:twn"}},
		{"org:casa", "2004-12-08", []string{"country:per", "country:bra", "country:guy"}, []string{"country:mex"}},
	}
	for _, c := range cases {
		got := k.MembersAt(c.org, c.date)
		for _, x := range c.in {
			if !contains(got, x) {
				t.Errorf("MembersAt(%s, %s) lacks %s", c.org, c.date, x)
			}
		}
		for _, x := range c.out {
			if contains(got, x) {
				t.Errorf("MembersAt(%s, %s) includes %s", c.org, c.date, x)
			}
		}
	}
}

func TestValidateBase(t *testing.T) {
	for _, err := range kb.Default().Validate() {
		t.Error(err)
	}
}

func TestCounts(t *testing.T) {
	n := map[string]int{}
	kb.Default().Entries(func(e *kb.Entry) { n[e.Kind]++ })
	t.Logf("entries by kind: %v", n)
	if n[kb.KindCountry] < 240 || n[kb.KindPerson] < 2000 || n[kb.KindOrganization] < 50 || n[kb.KindPlace] < 200 {
		t.Errorf("too few entries: %v", n)
	}
}
