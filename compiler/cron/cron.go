// Package cron parses the cron expressions of triggers (AT CRON) and cron
// windows (LANGUAGE.md §12.2) at compile time, with the maintained
// github.com/netresearch/go-cron (a fork of robfig/cron that reads a year
// field and day-of-week 7 natively and exports its bitsets). The result is
// the set of values each field allows, in the layout of rt.Cron: generated
// code holds it as a literal, so the runtime only evaluates it and stays
// standard-library only.
//
// What is here is an adapter, not a parser: it checks the field count,
// supplies the optional year, and adjusts the library to §12.2 where the
// two differ (see Parse).
package cron

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	gocron "github.com/netresearch/go-cron"
)

// MinYear and MaxYear bound the year field: rt.Cron keeps the years as bits
// from 1970 (clock 0) and searches no further than MaxYear.
const MinYear, MaxYear = 1970, 2199

// Sets is a parsed expression, field for field the layout of rt.Cron: bit v
// of a field is set when the field allows v (day-of-week: Sunday is 0;
// year: bit y-MinYear).
type Sets struct {
	Second, Minute, Hour, Dom, Month, Dow uint64
	Year                                  [4]uint64
	// DomAny and DowAny tell that the day field is * or ?, that is, does
	// not restrict the day: when both day fields restrict it, a day
	// matches when either does (§12.2).
	DomAny, DowAny bool
}

var fieldNames = [7]string{"second", "minute", "hour", "day-of-month", "month", "day-of-week", "year"}

// parser reads all seven fields; Parse supplies the year of a six-field
// expression as *.
var parser = gocron.NewParser(gocron.Second | gocron.Minute | gocron.Hour | gocron.Dom | gocron.Month | gocron.Dow | gocron.Year)

// starBit is the library's mark of a * or ? field.
const starBit = 1 << 63

var (
	// The library reads a year step only after a range: spell the * or
	// single start of §12.2's x/n as the range it stands for.
	yearStarStep  = regexp.MustCompile(`(^|,)\*/`)
	yearValueStep = regexp.MustCompile(`(^|,)(\d+)/`)
	// The library holds years in a map: refuse a year long enough to
	// make a range of it huge before the library expands it.
	yearTooLong = regexp.MustCompile(`\d{5}`)
)

// Parse parses a six- or seven-field cron expression (§12.2). An error
// names the offending field.
//
// Where the library differs from §12.2, Parse adapts it: it rejects ? outside
// the day fields and L, W and # (with a message of its own rather than the
// library's "requires option" wording), hands the library lower case (it
// takes an upper-case H anywhere, as in THU, for its hash syntax), rewrites
// the year steps it lacks, spells a step at least as long as its range
// (30/30, */60) as the start it alone names, and bounds the years. One
// library rule stays: a range a-b with a > b wraps around (22-2 is 22, 23,
// 0, 1, 2; Quartz, which Siddhi uses, does the same).
func Parse(expr string) (Sets, error) {
	fields := strings.Fields(expr)
	if len(fields) != 6 && len(fields) != 7 {
		return Sets{}, fmt.Errorf("want 6 or 7 fields, got %d", len(fields))
	}
	fields = append(fields, "*")[:7]
	lib := make([]string, 7)
	for i, f := range fields {
		up := strings.ToUpper(f)
		switch {
		case strings.Contains(f, "?") && i != 3 && i != 5:
			return Sets{}, fieldError(i, f, "'?' is allowed only in day fields")
		case i == 3 && strings.ContainsAny(up, "LW"), i == 5 && strings.ContainsAny(up, "L#"):
			return Sets{}, fieldError(i, f, "'L', 'W' and '#' are not supported")
		case slices.Contains(strings.Split(f, ","), ""):
			return Sets{}, fieldError(i, f, "empty item in a list") // the library would skip it
		case i == 6 && yearTooLong.MatchString(f):
			return Sets{}, fieldError(i, f, fmt.Sprintf("years are %d-%d", MinYear, MaxYear))
		case i == 6:
			f = yearStarStep.ReplaceAllString(f, fmt.Sprintf("${1}%d-%d/", MinYear, MaxYear))
			f = yearValueStep.ReplaceAllString(f, fmt.Sprintf("${1}${2}-%d/", MaxYear))
		}
		lib[i] = stepsWithin(i, strings.ToLower(f))
	}
	s, err := parser.Parse(strings.Join(lib, " "))
	if err != nil {
		return Sets{}, blame(fields, lib, err)
	}
	spec := s.(*gocron.SpecSchedule)
	sets := Sets{
		Second: spec.Second &^ starBit, Minute: spec.Minute &^ starBit, Hour: spec.Hour &^ starBit,
		Dom: spec.Dom &^ starBit, Month: spec.Month &^ starBit, Dow: spec.Dow &^ starBit,
		DomAny: fields[3] == "*" || fields[3] == "?",
		DowAny: fields[5] == "*" || fields[5] == "?",
	}
	for y := range spec.Year {
		if y < MinYear || y > MaxYear {
			return Sets{}, fieldError(6, fields[6], fmt.Sprintf("year %d out of range %d-%d", y, MinYear, MaxYear))
		}
	}
	for y := MinYear; y <= MaxYear; y++ {
		if _, ok := spec.Year[y]; ok || spec.Year == nil { // nil: any year
			sets.Year[(y-MinYear)/64] |= 1 << ((y - MinYear) % 64)
		}
	}
	// A field that allows no value would never fire: refuse it.
	for i, set := range []uint64{sets.Second, sets.Minute, sets.Hour, sets.Dom, sets.Month, sets.Dow, sets.Year[0] | sets.Year[1] | sets.Year[2] | sets.Year[3]} {
		if set == 0 {
			return Sets{}, fieldError(i, fields[i], "matches no value")
		}
	}
	return sets, nil
}

// MustParse is Parse for an expression the checker has accepted.
func MustParse(expr string) Sets {
	s, err := Parse(expr)
	if err != nil {
		panic("cron: " + err.Error())
	}
	return s
}

// fieldMin is the smallest value of each field: the start of *.
var fieldMin = [7]string{"0", "0", "0", "1", "1", "0", fmt.Sprint(MinYear)}

// stepsWithin rewrites each item x/n of field i whose step the library
// refuses as too long for its range (it wants n smaller) as x's start,
// the only value such a step names.
func stepsWithin(i int, field string) string {
	items := strings.Split(field, ",")
	for j, item := range items {
		start, _, ok := strings.Cut(item, "/")
		if !ok {
			continue
		}
		probe := []string{"0", "0", "0", "*", "*", "*", "*"}
		probe[i] = item
		if _, err := parser.Parse(strings.Join(probe, " ")); err == nil || !strings.Contains(err.Error(), "must be less than range size") {
			continue
		}
		start, _, _ = strings.Cut(start, "-")
		if start == "*" {
			start = fieldMin[i]
		}
		items[j] = start
	}
	return strings.Join(items, ",")
}

// blame names the field the library's error is about (its message does
// not): the first that fails on its own, the other fields held at values
// that parse.
func blame(fields, lib []string, err error) error {
	for i := range lib {
		probe := []string{"0", "0", "0", "*", "*", "*", "*"}
		probe[i] = lib[i]
		if _, e := parser.Parse(strings.Join(probe, " ")); e != nil {
			return fieldError(i, fields[i], e.Error())
		}
	}
	return err
}

func fieldError(i int, field, msg string) error {
	return fmt.Errorf("%s field '%s': %s", fieldNames[i], field, msg)
}
