package rt

import (
	"testing"
	"time"
)

// cronAll is every value of every field, years 1970-2199.
var cronAll = Cron{
	Second: 1<<60 - 1, Minute: 1<<60 - 1, Hour: 1<<24 - 1, Dom: 1<<32 - 2, Month: 1<<13 - 2, Dow: 1<<7 - 1,
	Year:   [4]uint64{^uint64(0), ^uint64(0), ^uint64(0), 1<<(2199-1970-191) - 1},
	DomAny: true, DowAny: true,
}

func TestCronNext(t *testing.T) {
	const day = 86400000
	every5s, noon := cronAll, cronAll
	every5s.Second = 1<<0 | 1<<5 | 1<<10 | 1<<15 | 1<<20 | 1<<25 | 1<<30 | 1<<35 | 1<<40 | 1<<45 | 1<<50 | 1<<55
	noon.Second, noon.Minute, noon.Hour = 1, 1, 1<<12
	// 1970-01-01 was a Thursday (4): the 3rd, or a Thursday, at noon.
	either := noon
	either.Dom, either.Dow, either.DomAny, either.DowAny = 1<<3, 1<<4, false, false
	sunday := noon
	sunday.Dow, sunday.DowAny = 1, false
	y1971 := noon
	y1971.Year = [4]uint64{1 << 1}
	y2199 := noon
	y2199.Year = [4]uint64{3: 1 << (2199 - 1970 - 192)}
	cases := []struct {
		name string
		c    Cron
		from int64
		want []int64
	}{
		{"every 5 s, never 0", every5s, 0, []int64{5000, 10000, 15000}},
		{"whole seconds", cronAll, 1, []int64{1000, 2000}},
		{"dom or dow", either, 0, []int64{day / 2, 2*day + day/2, 7*day + day/2, 14*day + day/2}},
		{"dow only", sunday, 0, []int64{3*day + day/2, 10*day + day/2}},
		{"year", y1971, 0, []int64{365*day + day/2}},
		{"last year", y2199, 0, []int64{time.Date(2199, 1, 1, 12, 0, 0, 0, time.UTC).UnixMilli()}},
	}
	for _, c := range cases {
		at := c.from
		for _, w := range c.want {
			got, ok := c.c.Next(at)
			if !ok || got != w {
				t.Errorf("%s: Next(%d) = %d %v, want %d", c.name, at, got, ok, w)
				break
			}
			at = got
		}
	}
	if at, ok := y1971.Next(time.Date(1972, 1, 1, 0, 0, 0, 0, time.UTC).UnixMilli()); ok {
		t.Errorf("past the last year: Next = %d, want none", at)
	}
}
