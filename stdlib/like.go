// The LIKE operator (LANGUAGE.md §13.2).
package stdlib

import "unicode/utf8"

// Like reports whether s matches pattern: % matches any sequence, _
// exactly one code point, anything else itself (case-sensitive, no escape).
// It backtracks to the last % only, so it runs in O(len(s)·len(pattern))
// and never allocates.
func Like(s, pattern string) bool {
	i, j := 0, 0     // positions in s and pattern
	si, pj := -1, -1 // s position and pattern position after the last %
	for i < len(s) {
		if j < len(pattern) {
			switch pc := pattern[j]; pc {
			case '%':
				j++
				si, pj = i, j
				continue
			case '_':
				_, w := utf8.DecodeRuneInString(s[i:])
				i += w
				j++
				continue
			default:
				// compare one code point byte-wise
				_, w := utf8.DecodeRuneInString(pattern[j:])
				if i+w <= len(s) && s[i:i+w] == pattern[j:j+w] {
					i += w
					j += w
					continue
				}
			}
		}
		if pj < 0 {
			return false
		}
		// let the last % absorb one more code point of s
		_, w := utf8.DecodeRuneInString(s[si:])
		si += w
		i, j = si, pj
	}
	for j < len(pattern) && pattern[j] == '%' {
		j++
	}
	return j == len(pattern)
}
