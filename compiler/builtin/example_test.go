// Runs every function's documented Example through the stdlib function it
// resolves to and compares the printed value with Result (STYLE habit 15).
package builtin_test

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/efluxc/efluxc/compiler/builtin"
	"github.com/efluxc/efluxc/compiler/types"
	"github.com/efluxc/efluxc/stdlib"
)

// stdlibFuncs maps Go names to stdlib functions; every Sig.Go must be here.
var stdlibFuncs = map[string]any{
	"AbsInt": stdlib.AbsInt, "AbsLong": stdlib.AbsLong, "AbsFloat": stdlib.AbsFloat, "AbsDouble": stdlib.AbsDouble,
	"SignInt": stdlib.SignInt, "SignLong": stdlib.SignLong, "SignFloat": stdlib.SignFloat, "SignDouble": stdlib.SignDouble,
	"Ceil": stdlib.Ceil, "Floor": stdlib.Floor, "Round": stdlib.Round, "RoundN": stdlib.RoundN,
	"Trunc": stdlib.Trunc, "TruncN": stdlib.TruncN, "Mod": stdlib.Mod, "Sqrt": stdlib.Sqrt,
	"Power": stdlib.Power, "Exp": stdlib.Exp, "Ln": stdlib.Ln, "LogBase": stdlib.LogBase, "Log10": stdlib.Log10,
	"Sin": stdlib.Sin, "Cos": stdlib.Cos, "Tan": stdlib.Tan, "Asin": stdlib.Asin, "Acos": stdlib.Acos, "Atan": stdlib.Atan,
	"Length": stdlib.Length, "Upper": stdlib.Upper, "Lower": stdlib.Lower, "Trim": stdlib.Trim,
	"LTrim": stdlib.LTrim, "RTrim": stdlib.RTrim, "Concat": stdlib.Concat, "Substring": stdlib.Substring,
	"SubstringLen": stdlib.SubstringLen, "Left": stdlib.Left, "Right": stdlib.Right, "LPad": stdlib.LPad,
	"RPad": stdlib.RPad, "Replace": stdlib.Replace, "Reverse": stdlib.Reverse, "Repeat": stdlib.Repeat,
	"Position": stdlib.Position, "StartsWith": stdlib.StartsWith, "EndsWith": stdlib.EndsWith,
	"Contains": stdlib.Contains, "ASCII": stdlib.ASCII, "Chr": stdlib.Chr, "UUID": stdlib.UUID,
}

func TestExamples(t *testing.T) {
	for _, f := range builtin.All() {
		t.Run(f.Name, func(t *testing.T) {
			if f.Doc == "" || f.Example == "" {
				t.Fatalf("%s lacks Doc or Example", f.Name)
			}
			got, err := eval(f.Example)
			if err != nil {
				t.Fatal(err)
			}
			if f.Result == "" { // non-deterministic: only check it runs
				return
			}
			if got != f.Result {
				t.Errorf("%s = %s, want %s", f.Example, got, f.Result)
			}
		})
	}
}

// eval evaluates a call NAME(literal, ...) through builtin and stdlib and
// prints its value as the runtime does.
func eval(call string) (string, error) {
	open := strings.IndexByte(call, '(')
	name := call[:open]
	f := builtin.Lookup(name)
	if f == nil {
		return "", fmt.Errorf("unknown function %s", name)
	}
	vals, ts, err := parseArgs(call[open+1 : len(call)-1])
	if err != nil {
		return "", err
	}
	sig, err := f.Resolve(ts)
	if err != nil {
		return "", err
	}
	fn, ok := stdlibFuncs[sig.Go]
	if !ok {
		return "", fmt.Errorf("stdlib function %q not in the test table", sig.Go)
	}
	var in []reflect.Value
	for i, v := range vals {
		if v == nil {
			return "NULL", nil
		}
		in = append(in, convert(v, sig.Params[i]))
	}
	out := reflect.ValueOf(fn).Call(in)
	if sig.Partial && !out[1].Bool() {
		return "NULL", nil
	}
	return show(out[0].Interface(), sig.Result)
}

// parseArgs parses comma-separated literals: integers (INT, or LONG when
// too large), decimals (DOUBLE), 'strings', TRUE/FALSE, NULL.
func parseArgs(s string) ([]any, []types.Type, error) {
	var vals []any
	var ts []types.Type
	for s = strings.TrimSpace(s); s != ""; {
		var lit string
		if s[0] == '\'' {
			end := strings.IndexByte(s[1:], '\'') + 1
			lit, s = s[:end+1], s[end+1:]
			vals, ts = append(vals, lit[1:len(lit)-1]), append(ts, types.String)
		} else {
			lit, s, _ = strings.Cut(s, ",")
			s = "," + s
			lit = strings.TrimSpace(lit)
			v, t, err := literal(lit)
			if err != nil {
				return nil, nil, err
			}
			vals, ts = append(vals, v), append(ts, t)
		}
		s = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(s), ","))
	}
	return vals, ts, nil
}

func literal(lit string) (any, types.Type, error) {
	switch strings.ToUpper(lit) {
	case "NULL":
		return nil, types.Null, nil
	case "TRUE", "FALSE":
		return strings.ToUpper(lit) == "TRUE", types.Bool, nil
	}
	if i, err := strconv.ParseInt(lit, 10, 64); err == nil {
		if int64(int32(i)) == i {
			return int32(i), types.Int, nil
		}
		return i, types.Long, nil
	}
	d, err := strconv.ParseFloat(lit, 64)
	return d, types.Double, err
}

// convert widens a literal value to the parameter type t.
func convert(v any, t types.Type) reflect.Value {
	var goT reflect.Type
	switch t {
	case types.Int:
		goT = reflect.TypeFor[int32]()
	case types.Long:
		goT = reflect.TypeFor[int64]()
	case types.Float:
		goT = reflect.TypeFor[float32]()
	case types.Double:
		goT = reflect.TypeFor[float64]()
	default:
		return reflect.ValueOf(v)
	}
	return reflect.ValueOf(v).Convert(goT)
}

// show prints a value: numbers as CAST to STRING does, strings quoted.
func show(v any, t types.Type) (string, error) {
	switch x := v.(type) {
	case int32:
		return stdlib.CastIntToString(x), nil
	case int64:
		return stdlib.CastLongToString(x), nil
	case float32:
		return stdlib.CastFloatToString(x), nil
	case float64:
		return stdlib.CastDoubleToString(x), nil
	case bool:
		return stdlib.CastBoolToString(x), nil
	case string:
		return "'" + x + "'", nil
	}
	return "", fmt.Errorf("unexpected %T for %s", v, t)
}

// TestEveryGoNameExists resolves every form and checks the Go symbol is in
// stdlibFuncs with a matching signature.
func TestEveryGoNameExists(t *testing.T) {
	argSets := [][]types.Type{{}, {types.String}, {types.Int}, {types.Long}, {types.Float}, {types.Double},
		{types.Double, types.Double}, {types.Double, types.Int}, {types.String, types.String},
		{types.String, types.Int}, {types.String, types.Int, types.Int}, {types.String, types.Int, types.String},
		{types.String, types.String, types.String}}
	for _, f := range builtin.All() {
		n := 0
		for _, args := range argSets {
			sig, err := f.Resolve(args)
			if err != nil {
				continue
			}
			n++
			fn, ok := stdlibFuncs[sig.Go]
			if !ok {
				t.Errorf("%s%v: Go name %q not in stdlib table", f.Name, args, sig.Go)
				continue
			}
			ft := reflect.TypeOf(fn)
			if ft.IsVariadic() != sig.Variadic {
				t.Errorf("%s: variadic mismatch", sig.Go)
			}
			if want := 1 + b2i(sig.Partial); ft.NumOut() != want {
				t.Errorf("%s: %d results, want %d", sig.Go, ft.NumOut(), want)
			}
			if ft.Out(0).Name() != sig.Result.GoType() {
				t.Errorf("%s: result %s, want %s", sig.Go, ft.Out(0), sig.Result.GoType())
			}
			for i, p := range sig.Params {
				in := ft.In(min(i, ft.NumIn()-1))
				if sig.Variadic && i >= ft.NumIn()-1 {
					in = in.Elem()
				}
				if in.Name() != p.GoType() {
					t.Errorf("%s: parameter %d is %s, want %s", sig.Go, i, in, p.GoType())
				}
			}
		}
		if n == 0 {
			t.Errorf("%s: no form resolved", f.Name)
		}
	}
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
