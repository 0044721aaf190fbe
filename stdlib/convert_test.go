// Tests of the CAST/CONVERT conversions.
package stdlib

import (
	"math"
	"testing"
)

func TestCastNumeric(t *testing.T) {
	nan := math.NaN()
	for _, c := range []struct{ got, want int32 }{
		{CastDoubleToInt(3.9), 3}, {CastDoubleToInt(-3.9), -3}, {CastDoubleToInt(nan), 0},
		{CastDoubleToInt(1e10), math.MaxInt32}, {CastDoubleToInt(-1e10), math.MinInt32},
		{CastDoubleToInt(math.Inf(1)), math.MaxInt32}, {CastDoubleToInt(2147483647.5), math.MaxInt32},
		{CastFloatToInt(-2.5), -2}, {CastFloatToInt(float32(nan)), 0}, {CastFloatToInt(3e9), math.MaxInt32},
		{CastLongToInt(1<<32 + 5), 5}, {CastLongToInt(1 << 31), math.MinInt32}, {CastBoolToInt(true), 1}, {CastBoolToInt(false), 0},
	} {
		if c.got != c.want {
			t.Errorf("got %d, want %d", c.got, c.want)
		}
	}
	for _, c := range []struct{ got, want int64 }{
		{CastDoubleToLong(-7.99), -7}, {CastDoubleToLong(nan), 0}, {CastDoubleToLong(1e19), math.MaxInt64},
		{CastDoubleToLong(-1e19), math.MinInt64}, {CastDoubleToLong(math.Inf(-1)), math.MinInt64},
		{CastDoubleToLong(9.2233720368547748e18), 9223372036854774784},
		{CastFloatToLong(1e20), math.MaxInt64}, {CastFloatToLong(-1.5), -1}, {CastIntToLong(-3), -3}, {CastBoolToLong(true), 1},
	} {
		if c.got != c.want {
			t.Errorf("got %d, want %d", c.got, c.want)
		}
	}
	if CastDoubleToFloat(0.1) != float32(0.1) || CastLongToFloat(1<<40+1) != float32(1<<40) || CastIntToFloat(16777217) != 16777216 ||
		CastFloatToDouble(0.5) != 0.5 || CastIntToDouble(-2) != -2 || CastLongToDouble(1<<53+1) != 1<<53 ||
		CastBoolToFloat(true) != 1 || CastBoolToDouble(false) != 0 {
		t.Error("numeric to floating")
	}
	if !CastIntToBool(1) || CastIntToBool(2) || CastLongToBool(0) || !CastLongToBool(1) || !CastFloatToBool(1) ||
		CastFloatToBool(1.5) || !CastDoubleToBool(1.0) || CastDoubleToBool(nan) {
		t.Error("numeric to BOOL")
	}
}

func TestCastToString(t *testing.T) {
	for _, c := range []struct{ got, want string }{
		{CastIntToString(-42), "-42"}, {CastIntToString(math.MinInt32), "-2147483648"}, {CastLongToString(math.MaxInt64), "9223372036854775807"},
		{CastBoolToString(true), "true"}, {CastBoolToString(false), "false"},
		{CastDoubleToString(42), "42.0"}, {CastFloatToString(0.1), "0.1"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}

func TestCastFromString(t *testing.T) {
	for _, c := range []struct {
		s    string
		want int64
		ok   bool
	}{
		{"42", 42, true}, {"-42", -42, true}, {"+7", 7, true}, {"007", 7, true}, {"", 0, false}, {"-", 0, false},
		{" 1", 0, false}, {"1 ", 0, false}, {"1.0", 0, false}, {"1e3", 0, false}, {"0x10", 0, false}, {"1_000", 0, false},
		{"9223372036854775807", math.MaxInt64, true}, {"-9223372036854775808", math.MinInt64, true},
		{"9223372036854775808", 0, false}, {"-9223372036854775809", 0, false}, {"99999999999999999999999", 0, false},
	} {
		if v, ok := CastStringToLong(c.s); v != c.want || ok != c.ok {
			t.Errorf("CastStringToLong(%q) = %d, %v", c.s, v, ok)
		}
	}
	for _, c := range []struct {
		s    string
		want int32
		ok   bool
	}{
		{"2147483647", math.MaxInt32, true}, {"-2147483648", math.MinInt32, true}, {"2147483648", 0, false},
		{"-2147483649", 0, false}, {"-0", 0, true}, {"12a", 0, false},
	} {
		if v, ok := CastStringToInt(c.s); v != c.want || ok != c.ok {
			t.Errorf("CastStringToInt(%q) = %d, %v", c.s, v, ok)
		}
	}
	for _, c := range []struct {
		s    string
		want float64
		ok   bool
	}{
		{"1.5", 1.5, true}, {"  -2.5e3\t\n", -2500, true}, {"1.", 1, true}, {".5", 0.5, true}, {"+.5E-1", 0.05, true},
		{"Infinity", math.Inf(1), true}, {"-Infinity", math.Inf(-1), true}, {" Infinity ", math.Inf(1), true},
		{"1e400", math.Inf(1), true}, {"1e-400", 0, true},
		{".", 0, false}, {"", 0, false}, {"e5", 0, false}, {"1e", 0, false}, {"1e+", 0, false}, {"inf", 0, false},
		{"infinity", 0, false}, {"nan", 0, false}, {"0x1p3", 0, false}, {"1_0", 0, false}, {"1.5f", 0, false}, {"- 1", 0, false},
	} {
		if v, ok := CastStringToDouble(c.s); v != c.want || ok != c.ok {
			t.Errorf("CastStringToDouble(%q) = %v, %v", c.s, v, ok)
		}
	}
	if v, ok := CastStringToDouble("NaN"); !ok || !math.IsNaN(v) {
		t.Error("CastStringToDouble(NaN)")
	}
	if v, ok := CastStringToFloat("0.1"); !ok || v != float32(0.1) {
		t.Error("CastStringToFloat(0.1)")
	}
	if v, ok := CastStringToFloat("1e39"); !ok || !math.IsInf(float64(v), 1) {
		t.Error("CastStringToFloat(1e39)")
	}
	if _, ok := CastStringToFloat("x"); ok {
		t.Error("CastStringToFloat(x)")
	}
	for s, want := range map[string]bool{"true": true, "TRUE": true, "tRuE": true, "yes": false, "1": false, " true": false, "": false, "truex": false} {
		if CastStringToBool(s) != want {
			t.Errorf("CastStringToBool(%q) != %v", s, want)
		}
	}
}

func TestCastAllocs(t *testing.T) {
	if n := testing.AllocsPerRun(100, func() {
		CastStringToInt("12x")
		CastStringToDouble(" 1.25e3 ")
		CastStringToDouble("bad")
	}); n != 0 {
		t.Errorf("string to number casts allocate %v times", n)
	}
}

// TestCastNames pins the Cast<From>To<To> names codegen derives for every
// ordered pair of distinct types.
func TestCastNames(t *testing.T) {
	all := map[string]any{
		"CastIntToLong": CastIntToLong, "CastIntToFloat": CastIntToFloat, "CastIntToDouble": CastIntToDouble,
		"CastIntToString": CastIntToString, "CastIntToBool": CastIntToBool,
		"CastLongToInt": CastLongToInt, "CastLongToFloat": CastLongToFloat, "CastLongToDouble": CastLongToDouble,
		"CastLongToString": CastLongToString, "CastLongToBool": CastLongToBool,
		"CastFloatToInt": CastFloatToInt, "CastFloatToLong": CastFloatToLong, "CastFloatToDouble": CastFloatToDouble,
		"CastFloatToString": CastFloatToString, "CastFloatToBool": CastFloatToBool,
		"CastDoubleToInt": CastDoubleToInt, "CastDoubleToLong": CastDoubleToLong, "CastDoubleToFloat": CastDoubleToFloat,
		"CastDoubleToString": CastDoubleToString, "CastDoubleToBool": CastDoubleToBool,
		"CastStringToInt": CastStringToInt, "CastStringToLong": CastStringToLong, "CastStringToFloat": CastStringToFloat,
		"CastStringToDouble": CastStringToDouble, "CastStringToBool": CastStringToBool,
		"CastBoolToInt": CastBoolToInt, "CastBoolToLong": CastBoolToLong, "CastBoolToFloat": CastBoolToFloat,
		"CastBoolToDouble": CastBoolToDouble, "CastBoolToString": CastBoolToString,
	}
	names := []string{"Int", "Long", "Float", "Double", "String", "Bool"}
	for _, from := range names {
		for _, to := range names {
			if from != to && all["Cast"+from+"To"+to] == nil {
				t.Errorf("missing Cast%sTo%s", from, to)
			}
		}
	}
}
