package cases

import (
	"testing"

	"github.com/efluxc/efluxc/compiler/types"
)

func TestValueRules(t *testing.T) {
	tests := []struct {
		typ       types.Type
		want, got string
		eq        bool
	}{
		{types.Int, `[1]`, `[1]`, true},
		{types.Long, `[1.0]`, `[1]`, false}, // a fraction never equals an integer
		{types.Long, `[1e3]`, `[1000]`, false},
		{types.Long, `[9007199254740993]`, `[9007199254740992]`, false},
		{types.Double, `[700]`, `[700.0]`, true},
		{types.Double, `[1.0000001]`, `[1.0000002]`, true},
		{types.Double, `[1.00001]`, `[1.00002]`, false},
		{types.Double, `[0]`, `[1e-10]`, true},
		{types.Double, `[0]`, `[1e-8]`, false},
		{types.Float, `[3.3]`, `[3.299999952316284]`, true},
		{types.String, `["a"]`, `["a"]`, true},
		{types.String, `["a"]`, `["A"]`, false},
		{types.String, `["1"]`, `[1]`, false},
		{types.Bool, `[true]`, `[true]`, true},
		{types.Bool, `[true]`, `[false]`, false},
		{types.Int, `[null]`, `[null]`, true},
		{types.Int, `[null]`, `[0]`, false},
		{types.String, `[""]`, `[null]`, false},
		{types.Invalid, `[2]`, `[2.0]`, true}, // type unknown: compared as numbers
		{types.Invalid, `[2.5]`, `[2.5000000001]`, true},
	}
	for _, tt := range tests {
		w, _ := parseRow(tt.want)
		g, _ := parseRow(tt.got)
		if got := rowsEqual([]types.Type{tt.typ}, w, g); got != tt.eq {
			t.Errorf("%v %s vs %s: got %v, want %v", tt.typ, tt.want, tt.got, got, tt.eq)
		}
	}
}

func TestParseInput(t *testing.T) {
	steps, err := ParseInput([]byte("# comment\n1000 StockStream [\"IBM\", 700.0, 100]\n\n2500\n"))
	if err != nil || len(steps) != 2 || steps[0].Stream != "StockStream" || steps[1].Time != 2500 || steps[1].Stream != "" {
		t.Fatalf("got %+v, %v", steps, err)
	}
	for _, bad := range []string{"x S [1]", "-1", "10 S", "10 S {}", "10\n5"} {
		if _, err := ParseInput([]byte(bad)); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}
