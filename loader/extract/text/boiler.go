package text

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Line patterns of page furniture, English and French. They are tried
// only on short blocks (see maxBoilerLen): long blocks are prose.
var (
	// Page furniture recognised by the start of the line.
	reBoilerStart = regexp.MustCompile(`(?i)^(` +
		`©|` +
		`(advertisement|publicité|sponsored|contenu sponsorisé|annonce)\b|` +
		`(share|partager|tweet|e-?mail|imprimer|print|facebook|twitter|whatsapp|linkedin|telegram|copy link|copier le lien)\b.{0,60}$|` +
		`(photo|photos|crédit photo|credit|crédit|image|illustration|vidéo|video|caption|légende)\s*[:©]|` +
		`\(?(photo|afp|reuters|ap|getty)\b.{0,40}(afp|reuters|ap|getty images|epa|/)\)?$|` +
		`(by|par|de notre (envoyé|correspondant))\s+\p{Lu}[\p{L}.'’-]+(\s+\p{Lu}[\p{L}.'’-]+){0,3}\s*(\(.{0,40}\))?\s*(,.{0,60})?$|` +
		`(published|updated|modified|posted|last updated|publié|mis à jour|modifié|actualisé)\b|` +
		`(home|accueil|menu|search|rechercher|skip to|aller au contenu|back to top|retour en haut|previous|next|suivant|précédent)\s*$|` +
		`(read|listen|écouter|lire|voir)\s+(more|also|aussi|la suite|plus|l['’]article)\b.{0,20}$|` +
		`temps de lecture|reading time|` +
		`(comments?|commentaires?|réagir|réagissez)\b|(to log in|already a subscriber|déjà abonné)` +
		`)`)

	// Page furniture anywhere in a short line; maybeBoiler guards it.
	reBoilerAny = regexp.MustCompile(`(?i)(` +
		`\bsubscri(be|ber|bers|ption)\b|\babonn(ez|é|ée|és|ement|er)\b|s['’]abonner|\bnewsletter|\bsign (up|in)\b|\blog ?in\b|\bse connecter\b|\binscrivez|\bcreate an account|\bcréer un compte|\bpremium\b|\bpaywall|interested in this (item|article)|` +
		`\bcookies?\b|\bconsent|\bRGPD\b|\bGDPR\b|` +
		`©\s*\d{4}|\bcopyright\b|all rights reserved|tous droits réservés|droits de reproduction|all rights to the original|` +
		`\b(photo|image)\s*:\s*[^.]{0,80}(/|©)|` +
		`\b(min|minutes?) (read|de lecture)\b` +
		`)`)

	// A line that opens a section of teasers of other articles.
	reRelatedStart = regexp.MustCompile(`(?i)^(similar news|related( news| articles| stories| content| coverage)?|read (also|more|next)|more on this (story|topic)|more from|most (read|popular|viewed)|recommended( for you)?|you (may|might) also like|à lire (aussi|également)|lire aussi|lire également|voir aussi|sur le même (sujet|thème)|dans la même rubrique|les plus (lus|consultés)|nos articles|articles? (similaires|liés|associés)|à voir aussi|plus d['’]actualités|également sur)\b`)

	// A single-line teaser of another article.
	reRelatedLine = regexp.MustCompile(`(?i)^(prev|next|previous article|next article|article précédent|article suivant|lire aussi|read also|à lire aussi|voir aussi|see also)\b`)

	// Publication-date lines.
	reDateLine = regexp.MustCompile(`(?i)^\s*(published|updated|modified|posted|last updated|publié|mis à jour|modifié|actualisé|date)\b[^\n]{0,120}`)

	// Bullet lines inside a paywall box.
	reBullet = regexp.MustCompile(`^\s*[•·▪◦\-*–]\s`)
)

const maxBoilerLen = 300

// boilerAnchors: reBoilerAny can only match a line holding one of these
// (lower-cased); checking them first keeps the regexp off most lines.
var boilerAnchors = []string{
	"subscri", "abonn", "newsletter", "sign up", "sign in", "login", "log in", "connecter", "inscrivez", "account",
	"compte", "premium", "paywall", "interested in", "cookie", "consent", "rgpd", "gdpr", "©", "copyright",
	"rights", "droits", "photo", "image", " read", "lecture",
}

// relatedEnds: a line ending so teases another article.
var relatedEnds = []string{"lire la suite", "read more", "continue reading", "en savoir plus"}

// isBoiler reports page furniture.
func isBoiler(line string) bool {
	if reBoilerStart.MatchString(line) {
		return true
	}
	low := strings.ToLower(line)
	for _, a := range boilerAnchors {
		if strings.Contains(low, a) {
			return reBoilerAny.MatchString(line)
		}
	}
	return false
}

// isRelatedLine reports a one-line teaser of another article.
func isRelatedLine(line string) bool {
	if reRelatedLine.MatchString(line) {
		return true
	}
	low := strings.TrimRight(strings.ToLower(line), " »>›→")
	for _, e := range relatedEnds {
		if strings.HasSuffix(low, e) {
			return true
		}
	}
	return false
}

// classify assigns kinds to d.Blocks.
func classify(d *Doc) {
	s := d.Text
	related := false
	paywall := false
	firstContent := true
	titleText := ""
	for i := range d.Blocks {
		b := &d.Blocks[i]
		line := s[b.Start:b.End]
		short := len(line) <= maxBoilerLen
		if short && reDateLine.MatchString(line) {
			d.DateHints = append(d.DateHints, line)
		}
		switch {
		case b.Kind != Body:
			// set by the HTML parser (title, dropped furniture)
			if b.Kind == Title && titleText == "" {
				titleText = line
				firstContent = false
			}
			continue
		case short && reRelatedStart.MatchString(line) && !(len(line) > 25 && reRelatedLine.MatchString(line)):
			// a header of teasers ("Similar news:", "Related"), not one
			// teaser ("Read also: Albanese in Tokyo")
			related = true
			b.Kind = Boiler
			continue
		case related:
			if short && isBoiler(line) {
				b.Kind = Boiler
			} else {
				b.Kind = Related
			}
			continue
		case short && isRelatedLine(line):
			b.Kind = Related
			continue
		}
		if short && isBoiler(line) {
			b.Kind = Boiler
			low := strings.ToLower(line)
			if strings.Contains(low, "subscri") || strings.Contains(low, "abonn") || strings.Contains(low, "interested in") {
				paywall = true
			}
			continue
		}
		if short && reBullet.MatchString(line) && paywall {
			// the selling points of a paywall box
			b.Kind = Boiler
			continue
		}
		paywall = false
		if firstContent {
			firstContent = false
			if !laterContent(d, i) {
				// a text of one line (one sentence, often without a final
				// stop) is that sentence, not a headline over nothing
				continue
			}
			if isTitleLike(line) {
				b.Kind = Title
				titleText = line
				continue
			}
		}
		if titleText != "" && line == titleText {
			b.Kind = Title
			continue
		}
		if isHeadingLike(line) {
			b.Kind = Heading
		}
	}
	if d.Title == "" {
		d.Title = titleText
	}
}

// laterContent: a block after block i holds text.
func laterContent(d *Doc, i int) bool {
	for _, b := range d.Blocks[i+1:] {
		if strings.TrimSpace(d.Text[b.Start:b.End]) != "" {
			return true
		}
	}
	return false
}

// isTitleLike: a first line short enough and without a final period.
func isTitleLike(line string) bool {
	if len(line) > 250 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(line)
	return r != '.' && r != ':' && r != ';' && r != ','
}

// isHeadingLike: a short line that is not a sentence.
func isHeadingLike(line string) bool {
	if len(line) > 100 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(line)
	if r == '.' || r == '!' || r == '?' || r == ':' || r == '"' || r == '”' || r == '»' || r == ',' || r == ';' {
		return false
	}
	f, _ := utf8.DecodeRuneInString(line)
	if !unicode.IsUpper(f) && !unicode.IsDigit(f) {
		return false
	}
	return strings.Count(line, " ") < 12
}

func isLower(r rune) bool { return unicode.IsLower(r) }
func isUpper(r rune) bool { return unicode.IsUpper(r) }
