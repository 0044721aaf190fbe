// Tests of the math functions.
package stdlib

import (
	"math"
	"testing"
)

func TestAbsSign(t *testing.T) {
	if AbsInt(math.MinInt32) != math.MinInt32 || AbsInt(-5) != 5 || AbsLong(math.MinInt64) != math.MinInt64 || AbsLong(-5) != 5 {
		t.Error("integer ABS")
	}
	if AbsFloat(-1.5) != 1.5 || math.Signbit(float64(AbsFloat(float32(math.Copysign(0, -1))))) || AbsDouble(-2) != 2 {
		t.Error("floating ABS")
	}
	if SignInt(-3) != -1 || SignInt(0) != 0 || SignLong(9) != 1 || SignFloat(-0.5) != -1 ||
		SignDouble(math.Copysign(0, -1)) != 0 || SignDouble(math.NaN()) != 0 || SignDouble(math.Inf(1)) != 1 {
		t.Error("SIGN")
	}
}

func TestRounding(t *testing.T) {
	for _, c := range []struct{ got, want float64 }{
		{Round(2.5), 3}, {Round(-2.5), -3}, {Round(0.49999999999999994), 0}, {Round(1.4), 1},
		{RoundN(4.567, 2), 4.57}, {RoundN(-4.565, 1), -4.6}, {RoundN(1250, -2), 1300}, {RoundN(-1250, -2), -1300},
		{RoundN(1.5, 400), 1.5}, {RoundN(1e300, 10), 1e300}, {RoundN(123, -400), 0},
		{Trunc(-2.7), -2}, {Trunc(2.7), 2}, {TruncN(4.567, 2), 4.56}, {TruncN(-4.567, 1), -4.5}, {TruncN(1299, -2), 1200},
		{Ceil(1.2), 2}, {Ceil(-1.2), -1}, {Floor(-1.2), -2}, {Floor(1.8), 1},
		{Exp(0), 1}, {Atan(0), 0},
	} {
		if c.got != c.want {
			t.Errorf("got %v, want %v", c.got, c.want)
		}
	}
}

func TestPartialMath(t *testing.T) {
	inf := math.Inf(1)
	type r struct {
		v  float64
		ok bool
	}
	mk := func(v float64, ok bool) r { return r{v, ok} }
	null := r{}
	for i, c := range []struct{ got, want r }{
		{mk(Mod(-7, 2)), r{-1, true}}, {mk(Mod(7, -2)), r{1, true}}, {mk(Mod(5.5, 2)), r{1.5, true}},
		{mk(Mod(5, 0)), null}, {mk(Mod(5, math.Copysign(0, -1))), null}, {mk(Mod(inf, 2)), null},
		{mk(Sqrt(16)), r{4, true}}, {mk(Sqrt(-1)), null}, {mk(Sqrt(0)), r{0, true}},
		{mk(Power(2, 10)), r{1024, true}}, {mk(Power(-8, 0.5)), null}, {mk(Power(0, -1)), r{inf, true}},
		{mk(Ln(1)), r{0, true}}, {mk(Ln(0)), null}, {mk(Ln(-1)), null},
		{mk(LogBase(2, 8)), r{3, true}}, {mk(LogBase(1, 8)), null}, {mk(LogBase(0, 8)), null},
		{mk(LogBase(-2, 8)), null}, {mk(LogBase(2, 0)), null},
		{mk(Log10(1000)), r{3, true}}, {mk(Log10(0)), null},
		{mk(Sin(0)), r{0, true}}, {mk(Cos(0)), r{1, true}}, {mk(Tan(0)), r{0, true}}, {mk(Sin(inf)), null},
		{mk(Asin(1)), r{math.Pi / 2, true}}, {mk(Asin(1.01)), null}, {mk(Acos(-2)), null}, {mk(Acos(1)), r{0, true}},
	} {
		if c.got.ok != c.want.ok || c.got.ok && math.Abs(c.got.v-c.want.v) > 1e-12 {
			t.Errorf("case %d: got %v, want %v", i, c.got, c.want)
		}
	}
}

func TestFMod(t *testing.T) {
	if FModFloat(-7.5, 2) != -1.5 || FModFloat(7, -3) != 1 || FModDouble(-7, 2) != -1 || FModDouble(0.5, 0.2) != math.Mod(0.5, 0.2) {
		t.Error("FMod")
	}
}
