package expr

import (
	"github.com/dave/jennifer/jen"

	"github.com/efluxc/efluxc/compiler/types"
)

// Value is a typed expression result: a Go expression for the value and a
// Go boolean expression that is true when the value is null.
type Value struct {
	T types.Type
	// V is the value; meaningless when the value is null.
	V gx
	// Null is true when the value is null; nil when it never is.
	Null gx
	// AlwaysNull: the value is null whatever the input (V is nil).
	AlwaysNull bool
	// Const: V is a Go constant expression (Go folds and range-checks
	// those at compile time, so arithmetic must not combine two of them).
	Const bool
	// size estimates the cost of repeating V and Null; small values are
	// repeated, larger ones go into a temporary when used twice.
	size int
	// mul marks a floating multiplication, which must not fuse into an
	// FMA with a following addition (§2.3 asks for separate roundings).
	mul bool
	// isZero marks a numeric value known to be 0 at compile time.
	isZero bool
}

// Nullable reports whether the value can be null.
func (v Value) Nullable() bool { return v.AlwaysNull || !v.Null.isNil() }

// Code returns the Go expression of the value (the zero value of its type
// when it is always null).
func (v Value) Code() *jen.Statement {
	if v.AlwaysNull {
		return zero(v.T)
	}
	return jen.Add(v.V.c)
}

// NullCode returns the Go expression that is true when the value is null,
// or nil when it never is.
func (v Value) NullCode() *jen.Statement {
	if v.AlwaysNull {
		return jen.True()
	}
	if v.Null.isNil() {
		return nil
	}
	return jen.Add(v.Null.c)
}

// NotNullCode returns the Go condition that the value is not null.
func (v Value) NotNullCode() *jen.Statement {
	if v.AlwaysNull {
		return jen.False()
	}
	if v.Null.isNil() {
		return jen.True()
	}
	return jen.Add(not(v.Null).c)
}

func alwaysNull(t types.Type) Value { return Value{T: t, AlwaysNull: true, Null: gxTrue, size: 1} }

// GoType returns the Go type for t.
func GoType(t types.Type) *jen.Statement {
	switch t {
	case types.Int:
		return jen.Int32()
	case types.Long:
		return jen.Int64()
	case types.Float:
		return jen.Float32()
	case types.Double:
		return jen.Float64()
	case types.String:
		return jen.String()
	case types.Bool, types.Null:
		// The null type only ever holds null; bool is as good as any.
		return jen.Bool()
	}
	panic("codegen: no Go type for " + t.String())
}

func zero(t types.Type) *jen.Statement {
	switch t {
	case types.String:
		return jen.Lit("")
	case types.Bool, types.Null:
		return jen.False()
	}
	return jen.Lit(0)
}
