// Package names is the one place where Go identifiers are derived from the
// names of an application (streams, attributes, queries). Every generated
// identifier comes from here, so collisions and keywords are handled once.
package names

import (
	"go/token"
	"strconv"
	"strings"
	"unicode"
)

// Exported turns an application name into an exported Go identifier:
// "stock_stream" → "StockStream", "price" → "Price", "2x" → "X2x".
// Underscores and characters that cannot appear in an identifier separate
// words; each word starts upper case. The result may collide with another
// name's: use a Scope to make it unique.
func Exported(name string) string {
	var b strings.Builder
	upper := true
	for _, r := range name {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			upper = true
			continue
		}
		if b.Len() == 0 && !unicode.IsLetter(r) {
			b.WriteByte('X')
		}
		if upper {
			r = unicode.ToUpper(r)
			upper = false
		}
		b.WriteRune(r)
	}
	s := b.String()
	if s == "" || !token.IsExported(s) {
		// Names with no letter at all, or starting with an uncased letter.
		s = "X" + s
	}
	return s
}

// Unexported turns a name into an unexported Go identifier that is not a
// keyword: "q1" → "q1", "Type" → "type_".
func Unexported(name string) string {
	s := Exported(name)
	r := []rune(s)
	r[0] = unicode.ToLower(r[0])
	s = string(r)
	if token.IsKeyword(s) || isPredeclared(s) {
		s += "_"
	}
	return s
}

func isPredeclared(s string) bool {
	switch s {
	case "bool", "string", "int", "int32", "int64", "float32", "float64", "byte",
		"rune", "error", "any", "true", "false", "nil", "iota", "len", "cap",
		"new", "make", "append", "copy", "panic", "print", "println", "max", "min":
		return true
	}
	return false
}

// Scope hands out identifiers that are unique within one Go scope (the
// package block, the fields of one struct). Reserved names are never handed
// out; a clash gets the smallest numeric suffix that is free, so the result
// depends only on the order of calls.
type Scope struct {
	used map[string]bool
}

// NewScope returns a scope in which the reserved names are taken.
func NewScope(reserved ...string) *Scope {
	s := &Scope{used: map[string]bool{}}
	for _, r := range reserved {
		s.used[r] = true
	}
	return s
}

// Take returns id, or id with a numeric suffix if id is taken, and marks
// the result taken.
func (s *Scope) Take(id string) string {
	res := id
	for n := 2; s.used[res]; n++ {
		res = id + strconv.Itoa(n)
	}
	s.used[res] = true
	return res
}
