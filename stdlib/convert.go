// Conversions for CAST and CONVERT (LANGUAGE.md §13.5): Cast<From>To<To>
// for every ordered pair of distinct types. Only the conversions from
// STRING to a numeric type are partial.
package stdlib

import (
	"math"
	"strconv"
)

// CastIntToLong widens INT to LONG.
func CastIntToLong(x int32) int64 { return int64(x) }

// CastIntToFloat converts INT to FLOAT, rounding to nearest.
func CastIntToFloat(x int32) float32 { return float32(x) }

// CastIntToDouble widens INT to DOUBLE.
func CastIntToDouble(x int32) float64 { return float64(x) }

// CastIntToString formats INT in decimal.
func CastIntToString(x int32) string { return strconv.FormatInt(int64(x), 10) }

// CastIntToBool is true iff x is 1.
func CastIntToBool(x int32) bool { return x == 1 }

// CastLongToInt keeps the low 32 bits.
func CastLongToInt(x int64) int32 { return int32(x) }

// CastLongToFloat converts LONG to FLOAT, rounding to nearest.
func CastLongToFloat(x int64) float32 { return float32(x) }

// CastLongToDouble converts LONG to DOUBLE, rounding to nearest.
func CastLongToDouble(x int64) float64 { return float64(x) }

// CastLongToString formats LONG in decimal.
func CastLongToString(x int64) string { return strconv.FormatInt(x, 10) }

// CastLongToBool is true iff x is 1.
func CastLongToBool(x int64) bool { return x == 1 }

// CastFloatToInt truncates toward zero; NaN is 0; out of range saturates.
func CastFloatToInt(x float32) int32 { return CastDoubleToInt(float64(x)) }

// CastFloatToLong truncates toward zero; NaN is 0; out of range saturates.
func CastFloatToLong(x float32) int64 { return CastDoubleToLong(float64(x)) }

// CastFloatToDouble widens FLOAT to DOUBLE exactly.
func CastFloatToDouble(x float32) float64 { return float64(x) }

// CastFloatToString formats FLOAT as Java's Float.toString.
func CastFloatToString(x float32) string { return FormatFloat(x) }

// CastFloatToBool is true iff x is 1.
func CastFloatToBool(x float32) bool { return x == 1 }

// CastDoubleToInt truncates toward zero; NaN is 0; out of range saturates.
func CastDoubleToInt(x float64) int32 {
	switch {
	case x != x:
		return 0
	case x >= math.MaxInt32:
		return math.MaxInt32
	case x <= math.MinInt32:
		return math.MinInt32
	}
	return int32(x)
}

// CastDoubleToLong truncates toward zero; NaN is 0; out of range saturates.
func CastDoubleToLong(x float64) int64 {
	switch {
	case x != x:
		return 0
	case x >= 1<<63:
		return math.MaxInt64
	case x <= -1<<63:
		return math.MinInt64
	}
	return int64(x)
}

// CastDoubleToFloat rounds DOUBLE to the nearest FLOAT.
func CastDoubleToFloat(x float64) float32 { return float32(x) }

// CastDoubleToString formats DOUBLE as Java's Double.toString.
func CastDoubleToString(x float64) string { return FormatDouble(x) }

// CastDoubleToBool is true iff x is 1.
func CastDoubleToBool(x float64) bool { return x == 1 }

// CastBoolToInt is 1 for true, 0 for false.
func CastBoolToInt(b bool) int32 {
	if b {
		return 1
	}
	return 0
}

// CastBoolToLong is 1 for true, 0 for false.
func CastBoolToLong(b bool) int64 { return int64(CastBoolToInt(b)) }

// CastBoolToFloat is 1 for true, 0 for false.
func CastBoolToFloat(b bool) float32 { return float32(CastBoolToInt(b)) }

// CastBoolToDouble is 1 for true, 0 for false.
func CastBoolToDouble(b bool) float64 { return float64(CastBoolToInt(b)) }

// CastBoolToString is "true" or "false".
func CastBoolToString(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

// CastStringToBool is true iff s equals "true" ignoring ASCII case.
func CastStringToBool(s string) bool {
	return len(s) == 4 && s[0]|0x20 == 't' && s[1]|0x20 == 'r' && s[2]|0x20 == 'u' && s[3]|0x20 == 'e'
}

// CastStringToInt parses an optional sign and decimal digits (no spaces);
// null otherwise or when out of INT range.
func CastStringToInt(s string) (int32, bool) {
	v, ok := parseInt(s, 1<<31)
	return int32(v), ok
}

// CastStringToLong parses an optional sign and decimal digits (no spaces);
// null otherwise or when out of LONG range.
func CastStringToLong(s string) (int64, bool) { return parseInt(s, 1<<63) }

// parseInt parses [+-]?digits whose value lies in [-lim, lim-1].
func parseInt(s string, lim uint64) (int64, bool) {
	neg := false
	if s != "" && (s[0] == '+' || s[0] == '-') {
		neg = s[0] == '-'
		s = s[1:]
	}
	if s == "" {
		return 0, false
	}
	var u uint64
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		if u > lim/10 {
			return 0, false
		}
		u = u*10 + uint64(c-'0')
	}
	if neg {
		if u > lim {
			return 0, false
		}
		return -int64(u), true
	}
	if u > lim-1 {
		return 0, false
	}
	return int64(u), true
}

// CastStringToFloat parses a decimal floating literal (see
// CastStringToDouble), rounded to the nearest FLOAT.
func CastStringToFloat(s string) (float32, bool) {
	x, ok := parseFloat(s, 32)
	return float32(x), ok
}

// CastStringToDouble parses, after trimming ASCII whitespace,
// [+-]?(digits[.digits?]|.digits)([eE][+-]?digits)? or NaN, Infinity,
// -Infinity; null otherwise. Out-of-range magnitudes give ±Infinity or ±0.
func CastStringToDouble(s string) (float64, bool) { return parseFloat(s, 64) }

func parseFloat(s string, bits int) (float64, bool) {
	s = Trim(s)
	switch s {
	case "NaN":
		return math.NaN(), true
	case "Infinity":
		return math.Inf(1), true
	case "-Infinity":
		return math.Inf(-1), true
	}
	if !isDecimal(s) {
		return 0, false
	}
	x, _ := strconv.ParseFloat(s, bits) // a range error still yields ±Inf or ±0
	return x, true
}

// isDecimal reports whether s is [+-]?(digits[.digits?]|.digits)([eE][+-]?digits)?.
func isDecimal(s string) bool {
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	n := digits(s[i:])
	i += n
	if i < len(s) && s[i] == '.' {
		i++
		f := digits(s[i:])
		i += f
		n += f
	}
	if n == 0 {
		return false
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		e := digits(s[i:])
		if e == 0 {
			return false
		}
		i += e
	}
	return i == len(s)
}

// digits counts the leading ASCII digits of s.
func digits(s string) int {
	i := 0
	for i < len(s) && '0' <= s[i] && s[i] <= '9' {
		i++
	}
	return i
}
