package dates

// Proleptic Gregorian calendar arithmetic on day numbers (days since
// 1970-01-01), after H. Hinnant's "chrono-compatible low-level date
// algorithms". No time.Time, no allocation.

func daysFromCivil(y, m, d int) int {
	if m <= 2 {
		y--
	}
	era := y
	if era < 0 {
		era -= 399
	}
	era /= 400
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

func civilFromDays(z int) (y, m, d int) {
	z += 719468
	era := z
	if era < 0 {
		era -= 146096
	}
	era /= 146097
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y = yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d = doy - (153*mp+2)/5 + 1
	if mp < 10 {
		m = mp + 3
	} else {
		m = mp - 9
	}
	if m <= 2 {
		y++
	}
	return
}

// isoWeekday: 1 = Monday .. 7 = Sunday.
func isoWeekday(z int) int {
	return ((z%7+7)%7+3)%7 + 1
}

func isLeap(y int) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

func daysIn(y, m int) int {
	switch m {
	case 2:
		if isLeap(y) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

func validDay(y, m, d int) bool {
	return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m)
}

// addMonths returns the (year, month) k months after (y, m).
func addMonths(y, m, k int) (int, int) {
	idx := y*12 + (m - 1) + k
	return floorDiv(idx, 12), idx - floorDiv(idx, 12)*12 + 1
}

func floorDiv(a, b int) int {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

func mod(a, b int) int { return a - floorDiv(a, b)*b }

func put4(b []byte, v int) {
	b[0] = byte('0' + v/1000%10)
	b[1] = byte('0' + v/100%10)
	b[2] = byte('0' + v/10%10)
	b[3] = byte('0' + v%10)
}

func put2(b []byte, v int) {
	b[0] = byte('0' + v/10%10)
	b[1] = byte('0' + v%10)
}

func fmtYear(y int) string {
	if y < 1 || y > 9999 {
		return ""
	}
	var b [4]byte
	put4(b[:], y)
	return string(b[:])
}

func fmtMonth(y, m int) string {
	if y < 1 || y > 9999 || m < 1 || m > 12 {
		return ""
	}
	var b [7]byte
	put4(b[:], y)
	b[4] = '-'
	put2(b[5:], m)
	return string(b[:])
}

func fmtDay(y, m, d int) string {
	if !validDay(y, m, d) {
		return ""
	}
	var b [10]byte
	put4(b[:], y)
	b[4] = '-'
	put2(b[5:], m)
	b[7] = '-'
	put2(b[8:], d)
	return string(b[:])
}

func fmtZ(z int) string {
	y, m, d := civilFromDays(z)
	return fmtDay(y, m, d)
}

func digits(s string) (int, bool) {
	v := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		v = v*10 + int(c-'0')
	}
	return v, len(s) > 0
}

// parseISODay parses "YYYY-MM-DD" (optionally followed by 'T' or ' ' and a
// time, which is ignored).
func parseISODay(s string) (y, m, d int, ok bool) {
	if len(s) < 10 || s[4] != '-' || s[7] != '-' {
		return
	}
	if len(s) > 10 && s[10] != 'T' && s[10] != ' ' && s[10] != 't' {
		return
	}
	var ok1, ok2, ok3 bool
	y, ok1 = digits(s[:4])
	m, ok2 = digits(s[5:7])
	d, ok3 = digits(s[8:10])
	if !ok1 || !ok2 || !ok3 || !validDay(y, m, d) {
		return 0, 0, 0, false
	}
	return y, m, d, true
}
