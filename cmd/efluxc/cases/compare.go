package cases

import (
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/efluxc/efluxc/compiler/types"
)

// Tolerances for FLOAT and DOUBLE attributes (TESTFORMAT.md).
const (
	relTol = 1e-6
	absTol = 1e-9
)

// rowsEqual compares an expected and an actual event, attribute by
// attribute, by the types of the stream's attributes (nil or Invalid types:
// compared by the JSON values alone).
func rowsEqual(schema []types.Type, want, got []any) bool {
	if len(want) != len(got) {
		return false
	}
	for i := range want {
		t := types.Invalid
		if i < len(schema) {
			t = schema[i]
		}
		if !valueEqual(t, want[i], got[i]) {
			return false
		}
	}
	return true
}

// valueEqual applies the comparison rules: integers exactly (a number with a
// fraction or exponent never equals an integer attribute), floats with a
// relative tolerance, strings and bools exactly, null only null.
func valueEqual(t types.Type, want, got any) bool {
	if want == nil || got == nil {
		return want == nil && got == nil
	}
	switch w := want.(type) {
	case string:
		g, ok := got.(string)
		return ok && g == w && (t == types.Invalid || t == types.String || t.IsFloating())
	case bool:
		g, ok := got.(bool)
		return ok && g == w && (t == types.Invalid || t == types.Bool)
	case json.Number:
		g, ok := got.(json.Number)
		if !ok {
			return false
		}
		switch {
		case t.IsInteger():
			return intEqual(w, g)
		case t.IsFloating():
			return floatEqual(w, g)
		case t == types.Invalid:
			if isIntLiteral(w) && isIntLiteral(g) {
				return intEqual(w, g)
			}
			return floatEqual(w, g)
		}
		return false
	}
	return false
}

func isIntLiteral(n json.Number) bool {
	return !strings.ContainsAny(string(n), ".eE")
}

func intEqual(w, g json.Number) bool {
	if !isIntLiteral(w) || !isIntLiteral(g) {
		return false
	}
	a, err1 := strconv.ParseInt(string(w), 10, 64)
	b, err2 := strconv.ParseInt(string(g), 10, 64)
	if err1 != nil || err2 != nil {
		return string(w) == string(g)
	}
	return a == b
}

func floatEqual(w, g json.Number) bool {
	a, err1 := strconv.ParseFloat(string(w), 64)
	b, err2 := strconv.ParseFloat(string(g), 64)
	if err1 != nil || err2 != nil {
		return string(w) == string(g)
	}
	if a == b {
		return true
	}
	d := math.Abs(a - b)
	return d <= absTol || d <= relTol*math.Max(math.Abs(a), math.Abs(b))
}

// compareStream checks what came out on one stream against its section and
// returns "" when it matches, else a readable diff.
func compareStream(e Expect, schema []types.Type, got []string) string {
	want := make([][]any, len(e.Rows))
	for i, r := range e.Rows {
		want[i], _ = parseRow(r) // validated by Parse
	}
	gotRows := make([][]any, len(got))
	for i, r := range got {
		row, err := parseRow(r)
		if err != nil {
			return fmt.Sprintf("%s: event %d is not a JSON array: %v", e.Section(), i+1, err)
		}
		gotRows[i] = row
	}
	eq := func(i, j int) bool { return rowsEqual(schema, want[i], gotRows[j]) }
	if e.Ordered {
		return orderedDiff(e, got, eq)
	}
	return setDiff(e, got, eq)
}

// orderedDiff aligns expected and actual events by a longest common
// subsequence and prints "-" for missing and "+" for unexpected events.
func orderedDiff(e Expect, got []string, eq func(i, j int) bool) string {
	n, m := len(e.Rows), len(got)
	lcs := make([][]int, n+1)
	for i := range lcs {
		lcs[i] = make([]int, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			switch {
			case eq(i, j):
				lcs[i][j] = lcs[i+1][j+1] + 1
			case lcs[i+1][j] >= lcs[i][j+1]:
				lcs[i][j] = lcs[i+1][j]
			default:
				lcs[i][j] = lcs[i][j+1]
			}
		}
	}
	if lcs[0][0] == n && n == m {
		return ""
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s: want %d events, got %d (- want, + got)\n", e.Section(), n, m)
	i, j := 0, 0
	for i < n || j < m {
		switch {
		case i < n && j < m && eq(i, j):
			fmt.Fprintf(&b, "      %s\n", got[j])
			i, j = i+1, j+1
		case i < n && (j == m || lcs[i+1][j] >= lcs[i][j+1]):
			fmt.Fprintf(&b, "    - %s\n", e.Rows[i])
			i++
		default:
			fmt.Fprintf(&b, "    + %s\n", got[j])
			j++
		}
	}
	return b.String()
}

// setDiff matches events as a multiset and lists what is missing and what
// is unexpected.
func setDiff(e Expect, got []string, eq func(i, j int) bool) string {
	used := make([]bool, len(got))
	var missing []string
	for i := range e.Rows {
		found := false
		for j := range got {
			if !used[j] && eq(i, j) {
				used[j], found = true, true
				break
			}
		}
		if !found {
			missing = append(missing, e.Rows[i])
		}
	}
	var extra []string
	for j, u := range used {
		if !u {
			extra = append(extra, got[j])
		}
	}
	if len(missing) == 0 && len(extra) == 0 {
		return ""
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s: want %d events, got %d, in any order (- missing, + unexpected)\n", e.Section(), len(e.Rows), len(got))
	for _, r := range missing {
		fmt.Fprintf(&b, "    - %s\n", r)
	}
	for _, r := range extra {
		fmt.Fprintf(&b, "    + %s\n", r)
	}
	return b.String()
}
