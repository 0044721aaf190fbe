package rt

import "time"

// Cron is a cron schedule (LANGUAGE.md §12.2) as the set of values each
// field allows: bit v of a field is set when the field allows v
// (day-of-week: Sunday is 0; year: bit y-1970). The compiler parses the
// expression (compiler/cron, with a cron library) and generated code holds
// the result as a literal, so the runtime only evaluates it. Instants are
// whole seconds of UTC calendar time with the epoch at clock 0.
type Cron struct {
	Second, Minute, Hour, Dom, Month, Dow uint64
	Year                                  [4]uint64
	// DomAny and DowAny tell that the day field is * or ?: when both day
	// fields restrict the day, a day matches when either does.
	DomAny, DowAny bool
}

// cronMaxYear is the last year Next searches (compiler/cron.MaxYear).
const cronMaxYear = 2199

func has(bits uint64, v int) bool { return bits&(1<<v) != 0 }

func (c *Cron) dayMatches(t time.Time) bool {
	dom, dow := has(c.Dom, t.Day()), has(c.Dow, int(t.Weekday()))
	switch {
	case c.DomAny && c.DowAny:
		return true
	case c.DomAny:
		return dow
	case c.DowAny:
		return dom
	}
	return dom || dow
}

// Next returns the first instant strictly after clock time t (ms), and
// false when there is none before the end of year 2199.
func (c *Cron) Next(t int64) (int64, bool) {
	s := time.UnixMilli(t).UTC().Truncate(time.Second).Add(time.Second)
	for s.Year() <= cronMaxYear {
		y := s.Year() - 1970
		switch {
		case y < 0 || c.Year[y/64]&(1<<(y%64)) == 0:
			s = time.Date(s.Year()+1, 1, 1, 0, 0, 0, 0, time.UTC)
		case !has(c.Month, int(s.Month())):
			s = time.Date(s.Year(), s.Month()+1, 1, 0, 0, 0, 0, time.UTC)
		case !c.dayMatches(s):
			s = time.Date(s.Year(), s.Month(), s.Day()+1, 0, 0, 0, 0, time.UTC)
		case !has(c.Hour, s.Hour()):
			s = s.Truncate(time.Hour).Add(time.Hour)
		case !has(c.Minute, s.Minute()):
			s = s.Truncate(time.Minute).Add(time.Minute)
		case !has(c.Second, s.Second()):
			s = s.Add(time.Second)
		default:
			return s.UnixMilli(), true
		}
	}
	return 0, false
}
