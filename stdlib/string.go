// String functions (LANGUAGE.md §13.2): code-point based, 1-based
// positions. Results that are parts of an argument share its memory.
package stdlib

import (
	"strings"
	"unicode/utf8"
)

// Length is LENGTH: the number of code points.
func Length(s string) int32 { return int32(utf8.RuneCountInString(s)) }

// Upper is UPPER: ASCII letters to upper case.
func Upper(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; 'a' <= c && c <= 'z' {
			return flipCase(s, i, 'a', 'z')
		}
	}
	return s
}

// Lower is LOWER: ASCII letters to lower case.
func Lower(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; 'A' <= c && c <= 'Z' {
			return flipCase(s, i, 'A', 'Z')
		}
	}
	return s
}

// flipCase returns s with the ASCII letters in [lo, hi] from index i on
// switched to the other case.
func flipCase(s string, i int, lo, hi byte) string {
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for ; i < len(s); i++ {
		c := s[i]
		if lo <= c && c <= hi {
			c ^= 'a' - 'A'
		}
		b.WriteByte(c)
	}
	return b.String()
}

// isSpace reports ASCII whitespace: space, \t \n \v \f \r.
func isSpace(c byte) bool { return c == ' ' || '\t' <= c && c <= '\r' }

// Trim is TRIM: removes ASCII whitespace at both ends.
func Trim(s string) string { return RTrim(LTrim(s)) }

// LTrim is LTRIM: removes ASCII whitespace at the start.
func LTrim(s string) string {
	i := 0
	for i < len(s) && isSpace(s[i]) {
		i++
	}
	return s[i:]
}

// RTrim is RTRIM: removes ASCII whitespace at the end.
func RTrim(s string) string {
	i := len(s)
	for i > 0 && isSpace(s[i-1]) {
		i--
	}
	return s[:i]
}

// Concat is CONCAT.
func Concat(parts ...string) string { return strings.Join(parts, "") }

// skip returns the byte offset of the code point n code points into s
// (len(s) when s is shorter).
func skip(s string, n int32) int {
	i := 0
	for ; n > 0 && i < len(s); n-- {
		_, w := utf8.DecodeRuneInString(s[i:])
		i += w
	}
	return i
}

// Substring is SUBSTRING(s, start): the code points from position
// max(start, 1); ” when start is beyond the end.
func Substring(s string, start int32) string {
	return s[skip(s, max(start, 1)-1):]
}

// SubstringLen is SUBSTRING(s, start, n): at most n code points from
// position max(start, 1); null when n < 0.
func SubstringLen(s string, start, n int32) (string, bool) {
	if n < 0 {
		return "", false
	}
	s = s[skip(s, max(start, 1)-1):]
	return s[:skip(s, n)], true
}

// Left is LEFT: the first n code points; ” when n ≤ 0.
func Left(s string, n int32) string { return s[:skip(s, n)] }

// Right is RIGHT: the last n code points; ” when n ≤ 0.
func Right(s string, n int32) string {
	i := len(s)
	for ; n > 0 && i > 0; n-- {
		_, w := utf8.DecodeLastRuneInString(s[:i])
		i -= w
	}
	return s[i:]
}

// LPad is LPAD: s cut to its first n code points, or left-padded with p
// repeated cyclically up to n code points; s when p is ”.
func LPad(s string, n int32, p string) string {
	l := Length(s)
	if l >= n {
		return Left(s, n)
	}
	if p == "" {
		return s
	}
	return pad(n-l, p) + s
}

// RPad is RPAD: s cut to its first n code points, or right-padded with p
// repeated cyclically up to n code points; s when p is ”.
func RPad(s string, n int32, p string) string {
	l := Length(s)
	if l >= n {
		return Left(s, n)
	}
	if p == "" {
		return s
	}
	return s + pad(n-l, p)
}

// pad returns the first k code points of p repeated; p is not empty.
func pad(k int32, p string) string {
	pl := Length(p)
	return strings.Repeat(p, int(k/pl)) + Left(p, k%pl)
}

// Replace is REPLACE: every non-overlapping occurrence of from, left to
// right, replaced by to; s when from is ”.
func Replace(s, from, to string) string {
	if from == "" {
		return s
	}
	return strings.ReplaceAll(s, from, to)
}

// Reverse is REVERSE: the code points in reverse order (an invalid UTF-8
// byte counts as one code point and is kept).
func Reverse(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := len(s); i > 0; {
		_, w := utf8.DecodeLastRuneInString(s[:i])
		b.WriteString(s[i-w : i])
		i -= w
	}
	return b.String()
}

// Repeat is REPEAT: s repeated n times; ” when n ≤ 0.
func Repeat(s string, n int32) string {
	if n <= 0 {
		return ""
	}
	return strings.Repeat(s, int(n))
}

// Position is POSITION/LOCATE/INSTR(sub, s): the 1-based code-point
// position of the first occurrence of sub in s; 0 if absent; 1 if sub is ”.
func Position(sub, s string) int32 {
	i := strings.Index(s, sub)
	if i < 0 {
		return 0
	}
	return Length(s[:i]) + 1
}

// StartsWith is STARTS_WITH(s, p).
func StartsWith(s, p string) bool { return strings.HasPrefix(s, p) }

// EndsWith is ENDS_WITH(s, p).
func EndsWith(s, p string) bool { return strings.HasSuffix(s, p) }

// Contains is CONTAINS(s, sub).
func Contains(s, sub string) bool { return strings.Contains(s, sub) }

// ASCII is ASCII: the code point of the first character; null for ”.
func ASCII(s string) (int32, bool) {
	if s == "" {
		return 0, false
	}
	r, _ := utf8.DecodeRuneInString(s)
	return r, true
}

// Chr is CHR/CHAR: the character with code point n; null for a negative,
// surrogate or too large n.
func Chr(n int32) (string, bool) {
	if !utf8.ValidRune(n) {
		return "", false
	}
	return string(n), true
}
