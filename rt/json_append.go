package rt

import (
	"math"
	"strconv"
	"unicode/utf8"
)

// The appenders below encode attribute values for generated encoders. Each
// takes the value and its null flag and appends JSON null for a null value.

// BeginJSON opens an event encoded in f.
func BeginJSON(b []byte, f Format) []byte {
	if f == FormatArray {
		return append(b, '[')
	}
	return append(b, '{')
}

// AppendKey starts attribute i; key is the attribute name already quoted
// as a JSON string (used only in FormatObject).
func AppendKey(b []byte, f Format, i int, key string) []byte {
	if i > 0 {
		b = append(b, ',')
	}
	if f == FormatObject {
		b = append(b, key...)
		b = append(b, ':')
	}
	return b
}

// EndJSON closes an event encoded in f.
func EndJSON(b []byte, f Format) []byte {
	if f == FormatArray {
		return append(b, ']')
	}
	return append(b, '}')
}

// AppendInt appends an INT value.
func AppendInt(b []byte, v int32, null bool) []byte {
	if null {
		return append(b, "null"...)
	}
	return strconv.AppendInt(b, int64(v), 10)
}

// AppendLong appends a LONG value.
func AppendLong(b []byte, v int64, null bool) []byte {
	if null {
		return append(b, "null"...)
	}
	return strconv.AppendInt(b, v, 10)
}

// AppendFloat appends a FLOAT value in the shortest form that reads back
// as the same float32.
func AppendFloat(b []byte, v float32, null bool) []byte {
	return appendFloat(b, float64(v), 32, null)
}

// AppendDouble appends a DOUBLE value in the shortest form that reads back
// as the same float64.
func AppendDouble(b []byte, v float64, null bool) []byte {
	return appendFloat(b, v, 64, null)
}

// appendFloat writes plain notation for 1e-6 <= |v| < 1e21 and exponent
// notation otherwise (as encoding/json does), always with a '.' or an
// exponent so that readers see a floating value ("700.0", not "700").
// JSON has no NaN or infinities: they become null.
func appendFloat(b []byte, v float64, bits int, null bool) []byte {
	if null || math.IsNaN(v) || math.IsInf(v, 0) {
		return append(b, "null"...)
	}
	abs := math.Abs(v)
	fmt := byte('f')
	if abs != 0 && (bits == 64 && (abs < 1e-6 || abs >= 1e21) ||
		bits == 32 && (float32(abs) < 1e-6 || float32(abs) >= 1e21)) {
		fmt = 'e'
	}
	start := len(b)
	b = strconv.AppendFloat(b, v, fmt, -1, bits)
	if fmt == 'e' {
		// Clean up e-09 to e-9, as encoding/json does.
		n := len(b)
		if n-start >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
		return b
	}
	for _, c := range b[start:] {
		if c == '.' {
			return b
		}
	}
	return append(b, ".0"...)
}

// AppendBool appends a BOOL value.
func AppendBool(b []byte, v, null bool) []byte {
	switch {
	case null:
		return append(b, "null"...)
	case v:
		return append(b, "true"...)
	}
	return append(b, "false"...)
}

// AppendString appends a STRING value as a JSON string. Invalid UTF-8 is
// replaced by U+FFFD so that the output is always valid JSON.
func AppendString(b []byte, v string, null bool) []byte {
	if null {
		return append(b, "null"...)
	}
	return AppendQuoted(b, v)
}

const hexDigits = "0123456789abcdef"

// AppendQuoted appends s as a JSON string.
func AppendQuoted(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' && c < utf8.RuneSelf {
			i++
			continue
		}
		if c >= utf8.RuneSelf {
			r, n := utf8.DecodeRuneInString(s[i:])
			if r != utf8.RuneError || n != 1 {
				i += n
				continue
			}
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i++
			start = i
			continue
		}
		b = append(b, s[start:i]...)
		switch c {
		case '"', '\\':
			b = append(b, '\\', c)
		case '\n':
			b = append(b, '\\', 'n')
		case '\r':
			b = append(b, '\\', 'r')
		case '\t':
			b = append(b, '\\', 't')
		default:
			b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
		}
		i++
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
