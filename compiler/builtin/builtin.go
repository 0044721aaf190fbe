// Package builtin is the compile-time registry of built-in scalar functions
// and aggregates (LANGUAGE.md §6.1, §13): names and aliases, signatures, the
// stdlib Go symbol each call compiles to, and a documented example per entry.
package builtin

import (
	"sort"
	"strings"

	"github.com/efluxc/efluxc/compiler/types"
)

// Sig is a resolved call of a scalar function.
type Sig struct {
	Params   []types.Type // one per actual argument: the type the checker converts that argument to
	Result   types.Type   // Invalid only when an Invalid argument made it unknowable
	Go       string       // stdlib function name, e.g. "AbsInt"
	Partial  bool         // the Go function returns (value, ok); !ok means null
	Variadic bool         // the Go function's last parameter is ...T
}

// Func is a built-in scalar function.
type Func struct {
	Name    string   // canonical upper-case name
	Aliases []string // other accepted upper-case spellings
	Doc     string   // one-sentence description
	Example string   // a call with constant arguments, e.g. "ROUND(2.5)"
	Result  string   // the value of Example as the runtime prints it: 3.0, 'Hell', NULL

	forms    []form // overloads, by arity
	variadic bool   // forms[0] takes one or more arguments of its single parameter kind
	called   string // the spelling Lookup was given, for error messages
}

var registry = map[string]*Func{}

func register(fs ...*Func) {
	for _, f := range fs {
		registry[f.Name] = f
		for _, a := range f.Aliases {
			c := *f
			c.called = a
			registry[a] = &c
		}
	}
}

func init() {
	register(mathFuncs...)
	register(stringFuncs...)
}

// Lookup returns the scalar function called name (case-insensitive, aliases
// included), or nil. Special forms (IsSpecial) and aggregates are not
// functions here.
func Lookup(name string) *Func {
	return registry[strings.ToUpper(name)]
}

// All returns every scalar function once, sorted by canonical name.
func All() []*Func {
	var fs []*Func
	for n, f := range registry {
		if n == f.Name {
			fs = append(fs, f)
		}
	}
	sort.Slice(fs, func(i, j int) bool { return fs[i].Name < fs[j].Name })
	return fs
}

func (f *Func) errName() string {
	if f.called != "" {
		return f.called
	}
	return f.Name
}

var specials = map[string]bool{
	"CAST": true, "CONVERT": true, "COALESCE": true, "DEFAULT": true, "IFNULL": true,
	"NULLIF": true, "IFTHENELSE": true, "IF": true, "IIF": true, "IS_NULL": true,
	"IS_NOT_NULL": true, "MAXIMUM": true, "MINIMUM": true, "NOW": true,
	"CURRENTTIMEMILLIS": true, "EVENTTIMESTAMP": true,
}

var instanceOfTypes = []string{"INTEGER", "INT", "LONG", "FLOAT", "DOUBLE", "STRING", "BOOLEAN", "BOOL"}

// IsSpecial reports whether name (case-insensitive) is a special form the
// checker types itself: CAST, CONVERT, COALESCE, DEFAULT, IFNULL, NULLIF,
// IFTHENELSE, IF, IIF, IS_NULL, IS_NOT_NULL, INSTANCEOF<T>, INSTANCEOF_<T>,
// MAXIMUM, MINIMUM, NOW, CURRENTTIMEMILLIS, EVENTTIMESTAMP.
func IsSpecial(name string) bool {
	n := strings.ToUpper(name)
	if specials[n] {
		return true
	}
	_, ok := InstanceOfType(n)
	return ok
}

// InstanceOfType maps INSTANCEOF<T> / INSTANCEOF_<T> (case-insensitive) to T.
func InstanceOfType(name string) (types.Type, bool) {
	n, ok := strings.CutPrefix(strings.ToUpper(name), "INSTANCEOF")
	if !ok {
		return types.Invalid, false
	}
	n = strings.TrimPrefix(n, "_")
	for _, t := range instanceOfTypes {
		if n == t {
			return types.Parse(t)
		}
	}
	return types.Invalid, false
}
