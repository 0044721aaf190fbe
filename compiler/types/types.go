// Package types holds EventFlux value types and their widening, common-type
// and comparison rules (LANGUAGE.md §2).
package types

import "strings"

// Type is an EventFlux value type. Null is the type of the NULL literal only.
type Type uint8

const (
	Invalid Type = iota // an expression that failed to type; suppresses follow-on errors
	Null                // the NULL literal's type: fits every type
	Int
	Long
	Float
	Double
	String
	Bool
)

var names = [...]string{"INVALID", "NULL", "INT", "LONG", "FLOAT", "DOUBLE", "STRING", "BOOL"}

func (t Type) String() string { return names[t] }

// IsNumeric reports whether t is INT, LONG, FLOAT or DOUBLE.
func (t Type) IsNumeric() bool { return t >= Int && t <= Double }

// IsInteger reports whether t is INT or LONG.
func (t Type) IsInteger() bool { return t == Int || t == Long }

// IsFloating reports whether t is FLOAT or DOUBLE.
func (t Type) IsFloating() bool { return t == Float || t == Double }

// Parse maps an SQL type spelling (case-insensitive) to a type.
func Parse(name string) (Type, bool) {
	switch strings.ToUpper(name) {
	case "INT", "INTEGER":
		return Int, true
	case "LONG", "BIGINT":
		return Long, true
	case "FLOAT":
		return Float, true
	case "DOUBLE":
		return Double, true
	case "STRING", "VARCHAR":
		return String, true
	case "BOOL", "BOOLEAN":
		return Bool, true
	}
	return Invalid, false
}

// WidensTo reports whether a value of type from may be stored in type to:
// equal types, numeric widening, or the null type into anything.
func WidensTo(from, to Type) bool {
	if from == to || from == Null || from == Invalid || to == Invalid {
		return true
	}
	return from.IsNumeric() && to.IsNumeric() && from < to
}

// Common returns the common type of ts (§2.1): the widest if all are numeric,
// the type itself if all are equal, Null if all are Null. The null type does
// not take part; ok is false when there is no common type.
func Common(ts ...Type) (Type, bool) {
	res := Null
	for _, t := range ts {
		switch {
		case t == Invalid:
			return Invalid, true
		case t == Null || t == res:
		case res == Null:
			res = t
		case res.IsNumeric() && t.IsNumeric():
			res = max(res, t)
		default:
			return Invalid, false
		}
	}
	return res, true
}

// Comparable reports whether a and b may be compared with op (§2.4).
// ordered is true for < <= > >=.
func Comparable(a, b Type, ordered bool) bool {
	switch {
	case a == Invalid || b == Invalid || a == Null || b == Null:
		return true
	case a.IsNumeric() && b.IsNumeric():
		return true
	case a == String && b == String:
		return true
	case a == Bool && b == Bool:
		return !ordered
	}
	return false
}

// GoType is the Go type that holds values of t in generated code.
func (t Type) GoType() string {
	switch t {
	case Int:
		return "int32"
	case Long:
		return "int64"
	case Float:
		return "float32"
	case Double:
		return "float64"
	case String:
		return "string"
	case Bool:
		return "bool"
	}
	return ""
}
