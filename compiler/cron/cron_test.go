package cron_test

import (
	"strings"
	"testing"

	"github.com/efluxc/efluxc/compiler/cron"
	"github.com/efluxc/efluxc/rt"
)

// bits is the set of the given values.
func bits(vs ...int) uint64 {
	var b uint64
	for _, v := range vs {
		b |= 1 << v
	}
	return b
}

func span(lo, hi, step int) uint64 {
	var b uint64
	for v := lo; v <= hi; v += step {
		b |= 1 << v
	}
	return b
}

func TestParseSets(t *testing.T) {
	cases := []struct {
		expr string
		want func(s *cron.Sets) bool
	}{
		{"*/5 * * * * ?", func(s *cron.Sets) bool {
			return s.Second == span(0, 55, 5) && s.Minute == span(0, 59, 1) && s.DomAny && s.DowAny
		}},
		{"5/20 10-30/10 1-3,10 * * ?", func(s *cron.Sets) bool {
			return s.Second == bits(5, 25, 45) && s.Minute == bits(10, 20, 30) && s.Hour == bits(1, 2, 3, 10)
		}},
		{"0 0 0 1 jan-Mar,DEC ?", func(s *cron.Sets) bool { return s.Month == bits(1, 2, 3, 12) && s.Dom == bits(1) && !s.DomAny }},
		{"0 0 0 1 */3 ?", func(s *cron.Sets) bool { return s.Month == bits(1, 4, 7, 10) }},
		// 0 and 7 are Sunday; THU has an H that the library would take for its hash syntax.
		{"0 0 0 ? * 7", func(s *cron.Sets) bool { return s.Dow == bits(0) && s.DomAny && !s.DowAny }},
		{"0 0 0 ? * 5-7", func(s *cron.Sets) bool { return s.Dow == bits(0, 5, 6) }},
		{"0 0 0 ? * 0-7", func(s *cron.Sets) bool { return s.Dow == span(0, 6, 1) }},
		{"0 0 0 ? * SUN,thu", func(s *cron.Sets) bool { return s.Dow == bits(0, 4) }},
		{"0 0 0 ? * MON-FRI/2", func(s *cron.Sets) bool { return s.Dow == bits(1, 3, 5) }},
		{"0 0 0 3 * THU", func(s *cron.Sets) bool { return !s.DomAny && !s.DowAny }},
		// Only * and ? leave a day field unrestricted.
		{"0 0 0 */1 * MON", func(s *cron.Sets) bool { return !s.DomAny }},
		{"* * * * * ? 1971", func(s *cron.Sets) bool { return s.Year == [4]uint64{bits(1)} }},
		{"* * * * * ? 2199", func(s *cron.Sets) bool { return s.Year == [4]uint64{3: bits(2199 - 1970 - 192)} }},
		{"* * * * * ? */100", func(s *cron.Sets) bool { return s.Year == [4]uint64{bits(0), bits(100 - 64), 0, bits(200 - 192)} }},
		{"* * * * * ? 2000/100", func(s *cron.Sets) bool { return s.Year == [4]uint64{bits(30), 0, bits(130 - 128)} }},
		{"* * * * * ? 1980,1971-1973/2", func(s *cron.Sets) bool { return s.Year == [4]uint64{bits(1, 3, 10)} }},
		// A step at least as long as its range names its start alone (§12.2
		// allows any x/n; the library wants the step shorter).
		{"30/30 */60 1-5/5 ? * MON-FRI/7", func(s *cron.Sets) bool {
			return s.Second == bits(30) && s.Minute == bits(0) && s.Hour == bits(1) && s.Dow == bits(1)
		}},
		{"0 0 0 */31 */12 ? 2100/500", func(s *cron.Sets) bool {
			return s.Dom == bits(1) && s.Month == bits(1) && s.Year == [4]uint64{2: bits(2100 - 1970 - 128)}
		}},
		// Wrap-around ranges are the library's (and Quartz's).
		{"0 0 22-2 * * ?", func(s *cron.Sets) bool { return s.Hour == bits(22, 23, 0, 1, 2) }},
	}
	for _, c := range cases {
		s, err := cron.Parse(c.expr)
		if err != nil {
			t.Errorf("%q: %v", c.expr, err)
			continue
		}
		if !c.want(&s) {
			t.Errorf("%q: got %+v", c.expr, s)
		}
	}
}

func TestParseErrors(t *testing.T) {
	cases := []struct{ expr, want string }{
		{"* * *", "want 6 or 7 fields, got 3"},
		{"0 0 * * *", "want 6 or 7 fields, got 5"},
		{"0 0 0 1 1 ? 2030 x", "want 6 or 7 fields, got 8"},
		{"60 * * * * ?", "second field '60'"},
		{"0 60 * * * ?", "minute field '60'"},
		{"0 0 24 * * ?", "hour field '24'"},
		{"0 0 0 32 * ?", "day-of-month field '32'"},
		{"0 0 0 0 * ?", "day-of-month field '0'"},
		{"0 0 0 1 13 ?", "month field '13'"},
		{"0 0 0 ? * 8", "day-of-week field '8'"},
		{"0 0 0 ? * MOX", "day-of-week field 'MOX'"},
		{"*/0 * * * * ?", "second field '*/0'"},
		{"? * * * * ?", "second field '?': '?' is allowed only in day fields"},
		{"* * * * * ? ?", "year field '?': '?' is allowed only in day fields"},
		{"0 0 0 L * ?", "day-of-month field 'L': 'L', 'W' and '#' are not supported"},
		{"0 0 0 15W * ?", "day-of-month field '15W': 'L', 'W' and '#'"},
		{"0 0 0 ? * 6#3", "day-of-week field '6#3': 'L', 'W' and '#'"},
		{"0 0 0 ? * 5L", "day-of-week field '5L': 'L', 'W' and '#'"},
		{"H * * * * ?", "second field 'H'"},
		{"0 0 0 ? * 1 1969", "year field '1969': year 1969 out of range 1970-2199"},
		{"0 0 0 ? * 1 2200", "year field '2200': year 2200 out of range"},
		{"0 0 0 ? * 1 1970-2147483647", "year field '1970-2147483647': years are 1970-2199"},
		{", * * * * ?", "second field ',': empty item in a list"},
		{"0 0 0 ? * 1 ,", "year field ',': empty item in a list"},
		{"1,,2 * * * * ?", "second field '1,,2': empty item in a list"},
		{"TZ=UTC 0 0 * * ?", "second field 'TZ=UTC'"},
		{"@daily * * * * ?", "second field '@daily'"},
	}
	for _, c := range cases {
		_, err := cron.Parse(c.expr)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: error %v, want %q", c.expr, err, c.want)
		}
	}
}

// TestNext runs parsed expressions on rt.Cron, whose layout Sets shares
// (the conversion would not compile otherwise).
func TestNext(t *testing.T) {
	const day = 86400000
	cases := []struct {
		expr string
		from int64
		want []int64
	}{
		{"*/5 * * * * ?", 0, []int64{5000, 10000, 15000}},
		{"0 * * * * ?", 1, []int64{60000, 120000}},
		{"30 0 0 1 JAN ? 1971", 0, []int64{365*day + 30000}},
		{"0 0 0 1 1 ? 1970-1971", 0, []int64{365 * day}},
		// 1970-01-01 was a Thursday: day 4 (THU) or day-of-month 3.
		{"0 0 0 3 * THU", 0, []int64{2 * day, 7 * day}},
		{"0 0 0 ? * 7", 0, []int64{3 * day, 10 * day}},
	}
	for _, c := range cases {
		s, err := cron.Parse(c.expr)
		if err != nil {
			t.Fatal(err)
		}
		cr := rt.Cron(s)
		at := c.from
		for _, w := range c.want {
			got, ok := cr.Next(at)
			if !ok || got != w {
				t.Errorf("%q: Next(%d) = %d %v, want %d", c.expr, at, got, ok, w)
				break
			}
			at = got
		}
	}
}
