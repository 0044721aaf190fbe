package check

import (
	"fmt"
	"strconv"
	"strings"
)

// cronFields are the fields of a cron expression (§12.2): name, min, max.
var cronFields = []struct {
	name     string
	min, max int
	names    []string
}{
	{"second", 0, 59, nil},
	{"minute", 0, 59, nil},
	{"hour", 0, 23, nil},
	{"day-of-month", 1, 31, nil},
	{"month", 1, 12, []string{"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"}},
	{"day-of-week", 0, 7, []string{"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"}},
	{"year", 1970, 2199, nil},
}

// validateCron checks the syntax of a 6- or 7-field cron expression.
func validateCron(expr string) error {
	fields := strings.Fields(expr)
	if len(fields) != 6 && len(fields) != 7 {
		return fmt.Errorf("want 6 or 7 fields, got %d", len(fields))
	}
	for i, f := range fields {
		spec := cronFields[i]
		for _, part := range strings.Split(f, ",") {
			if err := cronPart(part, spec.min, spec.max, spec.names, i == 3 || i == 5); err != nil {
				return fmt.Errorf("%s field '%s': %v", spec.name, f, err)
			}
		}
	}
	return nil
}

func cronPart(part string, min, max int, names []string, dayField bool) error {
	if strings.ContainsAny(part, "LW#") && !isCronName(part, names) {
		return fmt.Errorf("'L', 'W' and '#' are not supported")
	}
	base, step, hasStep := strings.Cut(part, "/")
	if hasStep {
		n, err := strconv.Atoi(step)
		if err != nil || n <= 0 {
			return fmt.Errorf("bad step '%s'", step)
		}
	}
	switch base {
	case "*":
		return nil
	case "?":
		if !dayField {
			return fmt.Errorf("'?' is allowed only in day fields")
		}
		return nil
	}
	lo, hi, isRange := strings.Cut(base, "-")
	a, err := cronValue(lo, min, max, names)
	if err != nil {
		return err
	}
	if isRange {
		b, err := cronValue(hi, min, max, names)
		if err != nil {
			return err
		}
		if b < a {
			return fmt.Errorf("empty range '%s'", base)
		}
	}
	return nil
}

func isCronName(s string, names []string) bool {
	for _, n := range names {
		if strings.Contains(strings.ToUpper(s), n) {
			return true
		}
	}
	return false
}

func cronValue(s string, min, max int, names []string) (int, error) {
	for i, n := range names {
		if strings.EqualFold(s, n) {
			return i + min, nil
		}
	}
	v, err := strconv.Atoi(s)
	if err != nil {
		return 0, fmt.Errorf("bad value '%s'", s)
	}
	if v < min || v > max {
		return 0, fmt.Errorf("value %d out of range %d-%d", v, min, max)
	}
	return v, nil
}
