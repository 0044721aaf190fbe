// Package stdlib holds the built-in scalar functions that generated code
// calls (LANGUAGE.md §13). It imports only the Go standard library.
//
// Calling convention: arguments are non-null Go values (INT int32, LONG
// int64, FLOAT float32, DOUBLE float64, STRING string, BOOL bool); the
// caller handles null arguments. A function that may yield null for
// non-null arguments returns (value, ok bool) and ok == false means null.
// Functions whose parameter type varies carry the type in their name:
// AbsInt, AbsLong, AbsFloat, AbsDouble; conversions are Cast<From>To<To>.
package stdlib
