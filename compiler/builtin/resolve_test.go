// Tests of Lookup, Resolve, IsSpecial and the aggregate registry.
package builtin_test

import (
	"strings"
	"testing"

	"github.com/efluxc/efluxc/compiler/builtin"
	"github.com/efluxc/efluxc/compiler/plan"
	"github.com/efluxc/efluxc/compiler/types"
)

const (
	I = types.Int
	L = types.Long
	F = types.Float
	D = types.Double
	S = types.String
	B = types.Bool
	N = types.Null
	X = types.Invalid
)

func TestResolve(t *testing.T) {
	for _, c := range []struct {
		name    string
		args    []types.Type
		params  []types.Type
		result  types.Type
		goName  string
		partial bool
	}{
		{"abs", []types.Type{I}, []types.Type{I}, I, "AbsInt", false},
		{"ABS", []types.Type{L}, []types.Type{L}, L, "AbsLong", false},
		{"Abs", []types.Type{F}, []types.Type{F}, F, "AbsFloat", false},
		{"abs", []types.Type{N}, []types.Type{D}, D, "AbsDouble", false},
		{"abs", []types.Type{X}, []types.Type{X}, X, "", false},
		{"sign", []types.Type{L}, []types.Type{L}, I, "SignLong", false},
		{"sign", []types.Type{X}, []types.Type{X}, I, "", false},
		{"sqrt", []types.Type{I}, []types.Type{D}, D, "Sqrt", true},
		{"sqrt", []types.Type{X}, []types.Type{D}, D, "Sqrt", true},
		{"ceil", []types.Type{F}, []types.Type{D}, D, "Ceil", false},
		{"round", []types.Type{L}, []types.Type{D}, D, "Round", false},
		{"round", []types.Type{D, I}, []types.Type{D, I}, D, "RoundN", false},
		{"round", []types.Type{D, N}, []types.Type{D, I}, D, "RoundN", false},
		{"truncate", []types.Type{D}, []types.Type{D}, D, "Trunc", false},
		{"mod", []types.Type{I, I}, []types.Type{D, D}, D, "Mod", true},
		{"pow", []types.Type{I, F}, []types.Type{D, D}, D, "Power", true},
		{"log", []types.Type{D}, []types.Type{D}, D, "Ln", true},
		{"log", []types.Type{I, I}, []types.Type{D, D}, D, "LogBase", true},
		{"substr", []types.Type{S, I}, []types.Type{S, I}, S, "Substring", false},
		{"substring", []types.Type{S, I, I}, []types.Type{S, I, I}, S, "SubstringLen", true},
		{"substring", []types.Type{N, N, N}, []types.Type{S, I, I}, S, "SubstringLen", true},
		{"concat", []types.Type{S, S, N}, []types.Type{S, S, S}, S, "Concat", false},
		{"locate", []types.Type{S, S}, []types.Type{S, S}, I, "Position", false},
		{"instr", []types.Type{S, S}, []types.Type{S, S}, I, "Position", false},
		{"char", []types.Type{I}, []types.Type{I}, S, "Chr", true},
		{"starts_with", []types.Type{S, S}, []types.Type{S, S}, B, "StartsWith", false},
		{"uuid", nil, []types.Type{}, S, "UUID", false},
		{"length", []types.Type{S}, []types.Type{S}, I, "Length", false},
	} {
		f := builtin.Lookup(c.name)
		if f == nil {
			t.Errorf("Lookup(%q) = nil", c.name)
			continue
		}
		sig, err := f.Resolve(c.args)
		if err != nil {
			t.Errorf("%s%v: %v", c.name, c.args, err)
			continue
		}
		if !equal(sig.Params, c.params) || sig.Result != c.result || sig.Go != c.goName || sig.Partial != c.partial {
			t.Errorf("%s%v = %+v, want params %v result %v go %s partial %v",
				c.name, c.args, sig, c.params, c.result, c.goName, c.partial)
		}
		if sig.Variadic != (c.goName == "Concat") {
			t.Errorf("%s: Variadic = %v", c.name, sig.Variadic)
		}
	}
}

func equal(a, b []types.Type) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestResolveErrors(t *testing.T) {
	for _, c := range []struct {
		name string
		args []types.Type
		want string
	}{
		{"sqrt", []types.Type{S}, "function SQRT: argument 1 must be numeric, got STRING"},
		{"substring", []types.Type{S}, "function SUBSTRING takes 2 or 3 arguments, got 1"},
		{"substr", []types.Type{S, S}, "function SUBSTR: argument 2 must be INT, got STRING"},
		{"sqrt", []types.Type{D, D}, "function SQRT takes 1 argument, got 2"},
		{"uuid", []types.Type{I}, "function UUID takes no arguments, got 1"},
		{"concat", nil, "function CONCAT takes at least 1 argument, got 0"},
		{"concat", []types.Type{S, I}, "function CONCAT: argument 2 must be STRING, got INT"},
		{"abs", []types.Type{B}, "function ABS: argument 1 must be numeric, got BOOL"},
		{"round", []types.Type{D, L}, "function ROUND: argument 2 must be INT, got LONG"},
		{"upper", []types.Type{I}, "function UPPER: argument 1 must be STRING, got INT"},
		{"chr", []types.Type{D}, "function CHR: argument 1 must be INT, got DOUBLE"},
	} {
		_, err := builtin.Lookup(c.name).Resolve(c.args)
		if err == nil || err.Error() != c.want {
			t.Errorf("%s%v: error %v, want %q", c.name, c.args, err, c.want)
		}
	}
}

func TestLookupNotFunctions(t *testing.T) {
	for _, n := range []string{"cast", "CONVERT", "coalesce", "default", "ifnull", "nullif", "ifThenElse",
		"if", "iif", "is_null", "IS_NOT_NULL", "instanceOfInteger", "INSTANCEOF_DOUBLE", "instanceofBool",
		"maximum", "minimum", "now", "currentTimeMillis", "eventTimestamp"} {
		if builtin.Lookup(n) != nil {
			t.Errorf("Lookup(%q) != nil", n)
		}
		if !builtin.IsSpecial(n) {
			t.Errorf("IsSpecial(%q) = false", n)
		}
	}
	for _, n := range []string{"sum", "count", "min", "max", "and", "or", "nosuch", "instanceof", "instanceOfObject", "INSTANCEOF_"} {
		if builtin.Lookup(n) != nil {
			t.Errorf("Lookup(%q) != nil", n)
		}
		if builtin.IsSpecial(n) {
			t.Errorf("IsSpecial(%q) = true", n)
		}
	}
	if got, ok := builtin.InstanceOfType("instanceOfInteger"); !ok || got != I {
		t.Errorf("InstanceOfType(instanceOfInteger) = %v, %v", got, ok)
	}
}

func TestAggregates(t *testing.T) {
	for _, c := range []struct {
		name     string
		distinct bool
		arg      types.Type
		star     bool
		kind     plan.AggKind
		want     types.Type
	}{
		{"count", false, 0, true, plan.AggCount, L},
		{"COUNT", false, S, false, plan.AggCount, L},
		{"count", true, B, false, plan.AggDistinctCount, L},
		{"distinctCount", false, S, false, plan.AggDistinctCount, L},
		{"sum", false, I, false, plan.AggSum, L},
		{"sum", false, L, false, plan.AggSum, L},
		{"sum", false, F, false, plan.AggSum, D},
		{"sum", true, D, false, plan.AggSumDistinct, D},
		{"sum", false, N, false, plan.AggSum, D},
		{"sum", false, X, false, plan.AggSum, X},
		{"avg", false, I, false, plan.AggAvg, D},
		{"min", false, F, false, plan.AggMin, F},
		{"max", false, I, false, plan.AggMax, I},
		{"stddev", false, L, false, plan.AggStdDev, D},
		{"variance", false, F, false, plan.AggVariance, D},
		{"first", false, S, false, plan.AggFirst, S},
		{"last", false, B, false, plan.AggLast, B},
		{"minForever", false, L, false, plan.AggMinForever, L},
		{"maxforever", false, D, false, plan.AggMaxForever, D},
		{"and", false, B, false, plan.AggAnd, B},
		{"or", false, N, false, plan.AggOr, B},
	} {
		a := builtin.LookupAggregate(c.name, c.distinct)
		if a == nil {
			t.Errorf("LookupAggregate(%q, %v) = nil", c.name, c.distinct)
			continue
		}
		if a.Kind != c.kind || a.Doc == "" {
			t.Errorf("%s: kind %v doc %q", c.name, a.Kind, a.Doc)
		}
		got, err := a.Resolve(c.arg, c.star)
		if err != nil || got != c.want {
			t.Errorf("%s(%v) = %v, %v; want %v", c.name, c.arg, got, err, c.want)
		}
		if !builtin.IsAggregateName(c.name) {
			t.Errorf("IsAggregateName(%q) = false", c.name)
		}
	}
	for _, n := range []string{"avg", "min", "first", "distinctcount", "and"} {
		if builtin.LookupAggregate(n, true) != nil {
			t.Errorf("LookupAggregate(%q, distinct) != nil", n)
		}
	}
	if builtin.LookupAggregate("sqrt", false) != nil || builtin.IsAggregateName("sqrt") {
		t.Error("sqrt is not an aggregate")
	}
	for _, c := range []struct {
		name string
		arg  types.Type
		star bool
		want string
	}{
		{"sum", S, false, "aggregate SUM: argument must be numeric, got STRING"},
		{"avg", B, false, "aggregate AVG: argument must be numeric, got BOOL"},
		{"min", S, false, "aggregate MIN: argument must be numeric, got STRING"},
		{"and", I, false, "aggregate AND: argument must be BOOL, got INT"},
		{"sum", 0, true, "aggregate SUM requires an argument"},
	} {
		_, err := builtin.LookupAggregate(c.name, false).Resolve(c.arg, c.star)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s(%v): error %v, want %q", c.name, c.arg, err, c.want)
		}
	}
}

// TestEval checks a few evaluations beyond the documented examples.
func TestEval(t *testing.T) {
	for call, want := range map[string]string{
		"ROUND(2.5)":                     "3.0",
		"ROUND(-2.5)":                    "-3.0",
		"SUBSTRING('HelloWorld', 1, 4)":  "'Hell'",
		"SUBSTRING('HelloWorld', 20)":    "''",
		"SUBSTRING('HelloWorld', 2, -1)": "NULL",
		"ASCII('')":                      "NULL",
		"SQRT(-1)":                       "NULL",
		"MOD(5, 0)":                      "NULL",
		"ABS(-2147483648)":               "-2147483648",
		"ABS(-3000000000)":               "3000000000",
		"CONCAT('a', NULL)":              "NULL",
		"LOG(1, 5)":                      "NULL",
		"POWER(-8, 0.5)":                 "NULL",
	} {
		got, err := eval(call)
		if err != nil || got != want {
			t.Errorf("%s = %s, %v; want %s", call, got, err, want)
		}
	}
}
