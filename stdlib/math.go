// Math functions (LANGUAGE.md §13.1). DOUBLE functions that can produce NaN
// from a non-NaN argument are partial: a NaN result is reported as null.
package stdlib

import "math"

// AbsInt is ABS on INT; the minimum wraps to itself.
func AbsInt(x int32) int32 {
	if x < 0 {
		return -x
	}
	return x
}

// AbsLong is ABS on LONG; the minimum wraps to itself.
func AbsLong(x int64) int64 {
	if x < 0 {
		return -x
	}
	return x
}

// AbsFloat is ABS on FLOAT.
func AbsFloat(x float32) float32 { return math.Float32frombits(math.Float32bits(x) &^ (1 << 31)) }

// AbsDouble is ABS on DOUBLE.
func AbsDouble(x float64) float64 { return math.Abs(x) }

// SignInt is SIGN on INT: -1, 0 or 1.
func SignInt(x int32) int32 {
	switch {
	case x < 0:
		return -1
	case x > 0:
		return 1
	}
	return 0
}

// SignLong is SIGN on LONG.
func SignLong(x int64) int32 {
	switch {
	case x < 0:
		return -1
	case x > 0:
		return 1
	}
	return 0
}

// SignFloat is SIGN on FLOAT (0 for ±0 and NaN).
func SignFloat(x float32) int32 { return SignDouble(float64(x)) }

// SignDouble is SIGN on DOUBLE (0 for ±0 and NaN).
func SignDouble(x float64) int32 {
	switch {
	case x < 0:
		return -1
	case x > 0:
		return 1
	}
	return 0
}

// Ceil is CEIL.
func Ceil(x float64) float64 { return math.Ceil(x) }

// Floor is FLOOR.
func Floor(x float64) float64 { return math.Floor(x) }

// Round is ROUND(x): nearest integer, halves away from zero.
func Round(x float64) float64 { return math.Round(x) }

// RoundN is ROUND(x, n): round_half_away(x·10ⁿ)/10ⁿ. When x·10ⁿ is not
// finite x is returned unchanged; when 10ⁿ underflows the result is ±0.
func RoundN(x float64, n int32) float64 {
	return scaled(x, n, math.Round)
}

// Trunc is TRUNC(x): toward zero.
func Trunc(x float64) float64 { return math.Trunc(x) }

// TruncN is TRUNC(x, n): toward zero at n decimals.
func TruncN(x float64, n int32) float64 {
	return scaled(x, n, math.Trunc)
}

// scaled applies an integer rounding f at n decimal places.
func scaled(x float64, n int32, f func(float64) float64) float64 {
	if n < 0 {
		p := math.Pow(10, float64(-n))
		if math.IsInf(p, 0) {
			return math.Copysign(0, x)
		}
		return f(x/p) * p
	}
	p := math.Pow(10, float64(n))
	y := x * p
	if math.IsInf(y, 0) || math.IsNaN(y) {
		return x
	}
	return f(y) / p
}

// Mod is MOD(x, y): IEEE fmod (sign of x); null when y is 0 or the result is NaN.
func Mod(x, y float64) (float64, bool) {
	if y == 0 {
		return 0, false
	}
	return nan(math.Mod(x, y))
}

// FModFloat is the FLOAT % operator for a non-zero divisor: IEEE fmod in
// binary32 (exact, so computing it in binary64 gives the same result).
func FModFloat(x, y float32) float32 { return float32(math.Mod(float64(x), float64(y))) }

// FModDouble is the DOUBLE % operator for a non-zero divisor: IEEE fmod.
func FModDouble(x, y float64) float64 { return math.Mod(x, y) }

// Sqrt is SQRT; null for a negative argument.
func Sqrt(x float64) (float64, bool) { return nan(math.Sqrt(x)) }

// Power is POWER/POW; null when the result is NaN.
func Power(x, y float64) (float64, bool) { return nan(math.Pow(x, y)) }

// Exp is EXP.
func Exp(x float64) float64 { return math.Exp(x) }

// Ln is LN and one-argument LOG; null when x ≤ 0.
func Ln(x float64) (float64, bool) {
	if x <= 0 {
		return 0, false
	}
	return nan(math.Log(x))
}

// LogBase is LOG(b, x) = ln x / ln b; null when x ≤ 0, b ≤ 0 or b = 1.
func LogBase(b, x float64) (float64, bool) {
	if x <= 0 || b <= 0 || b == 1 {
		return 0, false
	}
	return nan(math.Log(x) / math.Log(b))
}

// Log10 is LOG10; null when x ≤ 0.
func Log10(x float64) (float64, bool) {
	if x <= 0 {
		return 0, false
	}
	return nan(math.Log10(x))
}

// Sin is SIN (radians); null for an infinite argument.
func Sin(x float64) (float64, bool) { return nan(math.Sin(x)) }

// Cos is COS (radians); null for an infinite argument.
func Cos(x float64) (float64, bool) { return nan(math.Cos(x)) }

// Tan is TAN (radians); null for an infinite argument.
func Tan(x float64) (float64, bool) { return nan(math.Tan(x)) }

// Asin is ASIN; null outside [-1, 1].
func Asin(x float64) (float64, bool) { return nan(math.Asin(x)) }

// Acos is ACOS; null outside [-1, 1].
func Acos(x float64) (float64, bool) { return nan(math.Acos(x)) }

// Atan is ATAN.
func Atan(x float64) float64 { return math.Atan(x) }

// nan reports a NaN result as null.
func nan(x float64) (float64, bool) { return x, x == x }
