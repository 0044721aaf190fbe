package rt

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Cron is a parsed cron expression (LANGUAGE.md §12.2): second, minute,
// hour, day-of-month, month, day-of-week and an optional year, each a set
// of allowed values. Instants are whole seconds of UTC calendar time with
// the epoch at clock 0. It is a small standard-library implementation so
// that generated code keeps importing only rt, stdlib and the standard
// library.
type Cron struct {
	sec, min, hour, dom, mon, dow uint64
	year                          [4]uint64 // bit y-1970
	domAny, dowAny                bool      // the day field is * or ?
}

const cronMaxYear = 2199

var cronFields = [...]struct {
	lo, hi int
	names  []string
}{
	{0, 59, nil},
	{0, 59, nil},
	{0, 23, nil},
	{1, 31, nil},
	{1, 12, []string{"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"}},
	{0, 7, []string{"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"}},
	{1970, cronMaxYear, nil},
}

// ParseCron parses a 6- or 7-field cron expression.
func ParseCron(expr string) (*Cron, error) {
	fields := strings.Fields(expr)
	if len(fields) != 6 && len(fields) != 7 {
		return nil, fmt.Errorf("cron %q: want 6 or 7 fields", expr)
	}
	if len(fields) == 6 {
		fields = append(fields, "*")
	}
	c := &Cron{}
	for i, f := range fields {
		var bits [4]uint64
		spec := cronFields[i]
		for _, part := range strings.Split(f, ",") {
			if err := cronPart(&bits, part, spec.lo, spec.hi, spec.names); err != nil {
				return nil, fmt.Errorf("cron %q: %v", expr, err)
			}
		}
		anyDay := f == "*" || f == "?"
		switch i {
		case 0:
			c.sec = bits[0]
		case 1:
			c.min = bits[0]
		case 2:
			c.hour = bits[0]
		case 3:
			c.dom, c.domAny = bits[0], anyDay
		case 4:
			c.mon = bits[0]
		case 5:
			c.dow, c.dowAny = bits[0], anyDay
			if c.dow&(1<<7) != 0 {
				c.dow |= 1 // 7 is Sunday too
			}
		case 6:
			c.year = bits
		}
	}
	return c, nil
}

// MustParseCron is ParseCron for expressions the compiler has checked.
func MustParseCron(expr string) *Cron {
	c, err := ParseCron(expr)
	if err != nil {
		panic(err)
	}
	return c
}

func cronPart(bits *[4]uint64, part string, lo, hi int, names []string) error {
	base, stepText, hasStep := strings.Cut(part, "/")
	step := 1
	if hasStep {
		n, err := strconv.Atoi(stepText)
		if err != nil || n <= 0 {
			return fmt.Errorf("bad step %q", stepText)
		}
		step = n
	}
	a, b := lo, hi
	if base != "*" && base != "?" {
		l, h, isRange := strings.Cut(base, "-")
		var err error
		if a, err = cronValue(l, lo, hi, names); err != nil {
			return err
		}
		b = a
		if isRange {
			if b, err = cronValue(h, lo, hi, names); err != nil {
				return err
			}
		} else if hasStep {
			b = hi
		}
	}
	for v := a; v <= b; v += step {
		o := v
		if lo >= 1970 {
			o = v - 1970
		}
		bits[o/64] |= 1 << (o % 64)
	}
	return nil
}

func cronValue(s string, lo, hi int, names []string) (int, error) {
	for i, n := range names {
		if strings.EqualFold(s, n) {
			return i + lo, nil
		}
	}
	v, err := strconv.Atoi(s)
	if err != nil || v < lo || v > hi {
		return 0, fmt.Errorf("bad value %q", s)
	}
	return v, nil
}

func has(bits uint64, v int) bool { return bits&(1<<v) != 0 }

func (c *Cron) dayMatches(t time.Time) bool {
	dom, dow := has(c.dom, t.Day()), has(c.dow, int(t.Weekday()))
	switch {
	case c.domAny && c.dowAny:
		return true
	case c.domAny:
		return dow
	case c.dowAny:
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
		case y < 0 || c.year[y/64]&(1<<(y%64)) == 0:
			s = time.Date(s.Year()+1, 1, 1, 0, 0, 0, 0, time.UTC)
		case !has(c.mon, int(s.Month())):
			s = time.Date(s.Year(), s.Month()+1, 1, 0, 0, 0, 0, time.UTC)
		case !c.dayMatches(s):
			s = time.Date(s.Year(), s.Month(), s.Day()+1, 0, 0, 0, 0, time.UTC)
		case !has(c.hour, s.Hour()):
			s = s.Truncate(time.Hour).Add(time.Hour)
		case !has(c.min, s.Minute()):
			s = s.Truncate(time.Minute).Add(time.Minute)
		case !has(c.sec, s.Second()):
			s = s.Add(time.Second)
		default:
			return s.UnixMilli(), true
		}
	}
	return 0, false
}
