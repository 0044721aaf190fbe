// Java-compatible formatting of FLOAT and DOUBLE values (Float.toString,
// Double.toString), used by CAST to STRING and by output printing.
package stdlib

import (
	"math"
	"strconv"
)

// FormatDouble formats x as Java's Double.toString: the shortest digits
// that round-trip, plain with at least one fractional digit when
// 10⁻³ ≤ |x| < 10⁷ ("42.0", "0.001"), otherwise "d.dddE[-]n" ("1.0E7",
// "1.5E-4"); "NaN", "Infinity", "-Infinity", "-0.0".
func FormatDouble(x float64) string { return formatJava(x, 64) }

// FormatFloat is FormatDouble for FLOAT (Java's Float.toString), using the
// shortest digits that round-trip in binary32 (0.1f is "0.1").
func FormatFloat(x float32) string { return formatJava(float64(x), 32) }

func formatJava(x float64, bits int) string {
	switch {
	case math.IsNaN(x):
		return "NaN"
	case math.IsInf(x, 1):
		return "Infinity"
	case math.IsInf(x, -1):
		return "-Infinity"
	case x == 0:
		if math.Signbit(x) {
			return "-0.0"
		}
		return "0.0"
	}
	var buf [40]byte
	e := strconv.AppendFloat(buf[:0], x, 'e', -1, bits) // [-]d[.ddd]e±XX
	if e[1] == 'e' || e[0] == '-' && e[2] == 'e' {
		// Java prints at least two significant digits, choosing the
		// two-digit decimal closest to x (4.9E-324, not 5.0E-324).
		e = strconv.AppendFloat(buf[:0], x, 'e', 1, bits)
	}
	neg := e[0] == '-'
	if neg {
		e = e[1:]
	}
	// split into digits and decimal exponent: value = d.ddd × 10^exp
	var dig [24]byte
	nd := 0
	k := 0
	for ; e[k] != 'e'; k++ {
		if e[k] != '.' {
			dig[nd] = e[k]
			nd++
		}
	}
	exp := 0
	for _, c := range e[k+2:] {
		exp = exp*10 + int(c-'0')
	}
	if e[k+1] == '-' {
		exp = -exp
	}
	out := make([]byte, 0, 32)
	if neg {
		out = append(out, '-')
	}
	for nd > 1 && dig[nd-1] == '0' {
		nd--
	}
	d := dig[:nd]
	switch {
	case exp >= 0 && exp < 7:
		if nd <= exp+1 {
			out = append(out, d...)
			for i := nd; i <= exp; i++ {
				out = append(out, '0')
			}
			out = append(out, '.', '0')
		} else {
			out = append(out, d[:exp+1]...)
			out = append(out, '.')
			out = append(out, d[exp+1:]...)
		}
	case exp < 0 && exp >= -3:
		out = append(out, '0', '.')
		for i := -1; i > exp; i-- {
			out = append(out, '0')
		}
		out = append(out, d...)
	default:
		out = append(out, d[0], '.')
		if nd > 1 {
			out = append(out, d[1:]...)
		} else {
			out = append(out, '0')
		}
		out = append(out, 'E')
		out = strconv.AppendInt(out, int64(exp), 10)
	}
	return string(out)
}
