package kb

import (
	"fmt"
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Validate checks the KB's integrity and returns every problem found:
// keys must be lower-case and prefixed by their kind, every office's Of
// and every membership's Org must exist, places need a country, and one
// full name must not stand for two people whose offices overlap in time
// (an extractor could not tell them apart).
func (k *KB) Validate() []error {
	var errs []error
	prefix := map[string]string{KindPerson: "person:", KindCountry: "country:", KindOrganization: "org:", KindPlace: "place:"}
	for _, key := range k.keys {
		e := k.byKey[key]
		p, ok := prefix[e.Kind]
		switch {
		case !ok:
			errs = append(errs, fmt.Errorf("%s: unknown kind %q", key, e.Kind))
		case !strings.HasPrefix(key, p):
			errs = append(errs, fmt.Errorf("%s: key of a %s must start with %q", key, e.Kind, p))
		}
		if key != strings.ToLower(key) {
			errs = append(errs, fmt.Errorf("%s: key must be lower-case", key))
		}
		if e.Name == "" {
			errs = append(errs, fmt.Errorf("%s: no name", key))
		}
		for _, o := range e.Offices {
			if k.byKey[o.Of] == nil {
				errs = append(errs, fmt.Errorf("%s: office %s of unknown %q", key, o.Role, o.Of))
			}
			if o.From != "" && o.To != "" && prefixCompare(o.From, o.To) > 0 {
				errs = append(errs, fmt.Errorf("%s: office %s of %s ends (%s) before it starts (%s)", key, o.Role, o.Of, o.To, o.From))
			}
			if !validRole[o.Role] {
				errs = append(errs, fmt.Errorf("%s: unknown role %q", key, o.Role))
			}
		}
		for _, m := range e.Memberships {
			if k.byKey[m.Org] == nil {
				errs = append(errs, fmt.Errorf("%s: membership of unknown %q", key, m.Org))
			}
		}
		if e.Kind == KindPlace && (e.Country == "" || k.Country(e.Country) == nil) {
			errs = append(errs, fmt.Errorf("%s: place without a known country (%q)", key, e.Country))
		}
		if e.Kind == KindCountry && e.Capital != "" && k.byKey[e.Capital] == nil {
			errs = append(errs, fmt.Errorf("%s: unknown capital %q", key, e.Capital))
		}
	}
	errs = append(errs, k.ambiguousNames()...)
	return errs
}

var validRole = map[string]bool{RoleHeadOfState: true, RoleHeadOfGovernment: true, RoleForeignMinister: true,
	RoleDefenceMinister: true, RoleOrgHead: true, RoleOther: true}

// ambiguousNames reports a full-name form (3+ letters) that two people
// carry while both held offices at overlapping times. People without
// offices, or whose terms do not overlap, may share a name: dates tell
// them apart.
func (k *KB) ambiguousNames() []error {
	owners := map[string][]*Entry{}
	for _, key := range k.keys {
		e := k.byKey[key]
		if e.Kind != KindPerson {
			continue
		}
		seen := map[string]bool{}
		for _, forms := range e.Names {
			for _, f := range forms {
				n := FoldName(f)
				if len(n) < 3 || seen[n] {
					continue
				}
				seen[n] = true
				owners[n] = append(owners[n], e)
			}
		}
	}
	var errs []error
	var names []string
	for n := range owners {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		es := owners[n]
		for i := 0; i < len(es); i++ {
			for j := i + 1; j < len(es); j++ {
				if termsOverlap(es[i], es[j]) {
					errs = append(errs, fmt.Errorf("name %q is carried by %s and %s whose offices overlap", n, es[i].Key, es[j].Key))
				}
			}
		}
	}
	return errs
}

func termsOverlap(a, b *Entry) bool {
	for _, x := range a.Offices {
		for _, y := range b.Offices {
			if x.From == "" && x.To == "" || y.From == "" && y.To == "" {
				continue // undated: nothing to compare
			}
			if overlap(x.From, x.To, y.From, y.To) {
				return true
			}
		}
	}
	return false
}

// overlap of two closed date ranges with open ends.
func overlap(f1, t1, f2, t2 string) bool {
	if t1 != "" && f2 != "" && prefixCompare(t1, f2) < 0 {
		return false
	}
	if t2 != "" && f1 != "" && prefixCompare(t2, f1) < 0 {
		return false
	}
	return true
}

// FoldName is the form names are compared in: lower case, no accents,
// punctuation and hyphens as spaces ("Kim Jong-un" = "kim jong un").
func FoldName(s string) string {
	s = norm.NFKD.String(s)
	var b strings.Builder
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Mn, r):
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
		case r == '\'' || r == '’':
		default:
			b.WriteByte(' ')
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}
