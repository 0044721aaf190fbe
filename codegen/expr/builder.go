// Package expr turns typed plan expressions into Go code: straight-line
// statements that compute typed temporaries (a value and a null flag) and
// the Go expressions that read them. Null checks are hoisted into the flags,
// so a filter becomes one `if` and a projection plain assignments.
package expr

import (
	"fmt"
	"strconv"

	"github.com/dave/jennifer/jen"

	"github.com/efluxc/efluxc/compiler/plan"
	"github.com/efluxc/efluxc/compiler/types"
)

// Import paths used by generated expressions.
const (
	RtPath     = "github.com/efluxc/efluxc/rt"
	StdlibPath = "github.com/efluxc/efluxc/stdlib"
)

// Env says how the inputs of an expression are read in the generated code.
type Env struct {
	In        *jen.Statement // the input event (source 0), a pointer to its struct
	InFields  []string       // Go field names of the input event, by attribute ordinal
	Out       *jen.Statement // the output event being built (for OutRef)
	OutFields []string
	TS        *jen.Statement // the event time
	Now       *jen.Statement // the engine clock
	// Agg returns the value of an aggregate call (the group's state after
	// the update, §6.2); nil when aggregates cannot occur.
	Agg func(*plan.Agg) Value
	// Ref, when set, reads every attribute reference that is not an OutRef
	// (pattern queries: the candidate event and the run's captured events).
	Ref func(r *plan.Ref) Slot
	// EventTime, when set, reads EVENTTIMESTAMP(alias) (Source >= 0).
	EventTime func(source int) Slot
	// InTable, when set, compiles (cond) IN T (§9.5) with b, emitting the
	// statements that search the table.
	InTable func(b *Builder, e *plan.InTable) Value
}

// Slot is where a value is read in generated code: Val, and Null (a Go
// primary expression, nil when the value is never null). AlwaysNull marks
// a value that is null whatever the input.
type Slot struct {
	Val, Null  *jen.Statement
	AlwaysNull bool
}

func (b *Builder) slot(s Slot, t types.Type) Value {
	if s.AlwaysNull {
		return alwaysNull(t)
	}
	v := Value{T: t, V: primary(s.Val), size: 1}
	if s.Null != nil {
		v.Null = primary(s.Null)
	}
	return v
}

// Builder accumulates the statements that compute expressions. The
// expressions must have passed codegen's support check: nodes the check
// rejects (aggregates, table conditions, pattern references) panic here.
type Builder struct {
	env    Env
	outs   []*plan.OutCol // when set, OutRef compiles the column's expression
	stmts  []jen.Code
	ntemp  int
	lastIf jen.Code // the last if statement built for an else-if chain
}

// NewBuilder returns a builder for expressions over env.
func NewBuilder(env Env) *Builder { return &Builder{env: env} }

// Emit appends statements to the current block.
func (b *Builder) Emit(c ...jen.Code) { b.stmts = append(b.stmts, c...) }

// Take returns the statements emitted so far and starts a new list.
func (b *Builder) Take() []jen.Code {
	s := b.stmts
	b.stmts = nil
	return s
}

// block runs f with a fresh statement list and returns what it emitted.
func (b *Builder) block(f func()) []jen.Code {
	saved := b.stmts
	b.stmts = nil
	f()
	out := b.stmts
	b.stmts = saved
	return out
}

func (b *Builder) newTemp() string {
	b.ntemp++
	return "t" + strconv.Itoa(b.ntemp)
}

// True returns a Go condition that holds when e is true (not false, not
// null), the acceptance test of every filtering position (§2.2).
func (b *Builder) True(e plan.Expr) *jen.Statement { return jen.Add(b.cond(e, true).c) }

// Reject returns a Go condition that holds when e is not true, and
// whether it is constant: always (nothing passes) or never (all pass).
func (b *Builder) Reject(e plan.Expr) (c *jen.Statement, always, never bool) {
	r := not(b.cond(e, true))
	return jen.Add(r.c), r.isLit(true), r.isLit(false)
}

// Widen converts v to type t: numeric widening, or the null type to t.
func (b *Builder) Widen(v Value, t types.Type) Value {
	if v.AlwaysNull {
		return alwaysNull(t)
	}
	return b.widen(v, t)
}

// Value compiles e, emitting the statements it needs.
func (b *Builder) Value(e plan.Expr) Value {
	switch e := e.(type) {
	case *plan.Const:
		return constant(e)
	case *plan.Ref:
		return b.ref(e)
	case *plan.OutRef:
		if b.outs != nil {
			return b.Value(b.outs[e.Col].Expr)
		}
		return b.field(b.env.Out, b.env.OutFields, e.Col, e.T)
	case *plan.Binary:
		return b.binary(e)
	case *plan.Unary:
		return b.unary(e)
	case *plan.Convert:
		return b.convert(e)
	case *plan.IsNull:
		return b.isNull(e)
	case *plan.InList:
		return b.inList(e)
	case *plan.Case:
		return b.caseExpr(e)
	case *plan.Coalesce:
		return b.coalesce(e)
	case *plan.Extreme:
		return b.extreme(e)
	case *plan.Call:
		return b.call(e)
	case *plan.Like:
		return b.like(e)
	case *plan.EventTime:
		if e.Source >= 0 && b.env.EventTime != nil {
			return b.slot(b.env.EventTime(e.Source), types.Long)
		}
		if e.Source > 0 {
			panic("codegen: EVENTTIMESTAMP(alias) outside a join or pattern")
		}
		return Value{T: types.Long, V: primary(jen.Add(b.env.TS)), size: 1}
	case *plan.Now:
		return Value{T: types.Long, V: primary(jen.Add(b.env.Now)), size: 1}
	case *plan.InTable:
		if b.env.InTable == nil {
			panic("codegen: IN table without a table environment")
		}
		return b.env.InTable(b, e)
	case *plan.Agg:
		if b.env.Agg == nil {
			panic("codegen: aggregate outside an aggregating query")
		}
		return b.env.Agg(e)
	}
	panic(fmt.Sprintf("codegen: unsupported expression %T", e))
}

func (b *Builder) ref(e *plan.Ref) Value {
	if b.env.Ref != nil {
		return b.slot(b.env.Ref(e), e.T)
	}
	if e.Source != 0 || e.Index != nil || e.TableRow {
		panic(fmt.Sprintf("codegen: unsupported reference %s.%s", e.Qual, e.Name))
	}
	return b.field(b.env.In, b.env.InFields, e.Attr, e.T)
}

// NewTemp returns a fresh temporary name (t1, t2, ...).
func (b *Builder) NewTemp() string { return b.newTemp() }

// Block runs f with a fresh statement list and returns what it emitted.
func (b *Builder) Block(f func()) []jen.Code { return b.block(f) }

// Cond is a Go condition built outside the builder, with its precedence.
type Cond struct{ g gx }

// IsZero is the condition x == 0.
func IsZero(x *jen.Statement) *Cond {
	return &Cond{gx{c: jen.Add(x).Op("==").Lit(0), prec: precCmp}}
}

// Not is the condition !x for a boolean operand x.
func Not(x *jen.Statement) *Cond { return &Cond{not(primary(x))} }

// External is a value computed by code outside the builder (an aggregate
// result): v its Go expression, null the condition that it is null (nil:
// never null).
func External(t types.Type, v *jen.Statement, null *Cond) Value {
	r := Value{T: t, V: primary(v), size: 2}
	if null != nil {
		r.Null = null.g
	}
	return r
}

// field reads attribute i of an event struct: ev.F, null when ev.Null.Is(i).
func (b *Builder) field(ev *jen.Statement, fields []string, i int, t types.Type) Value {
	return Value{
		T:    t,
		V:    primary(jen.Add(ev).Dot(fields[i])),
		Null: primary(jen.Add(ev).Dot("Null").Dot("Is").Call(jen.Lit(i))),
		size: 1,
	}
}

// temp stores v in a temporary (value and, if needed, null flag) and
// returns the temporary.
func (b *Builder) temp(v Value) Value {
	if v.AlwaysNull {
		return v
	}
	name := b.newTemp()
	val := v.V.c
	if v.Const && v.T != types.String && v.T != types.Bool && v.T != types.Double {
		val = GoType(v.T).Call(val) // the constant's default Go type would be wrong
	}
	b.Emit(jen.Id(name).Op(":=").Add(val))
	r := Value{T: v.T, V: primary(jen.Id(name)), Null: v.Null, size: 1}
	if !v.Null.isNil() && v.Null.prec != precPrimary {
		b.Emit(jen.Id(name + "Null").Op(":=").Add(v.Null.c))
		r.Null = primary(jen.Id(name + "Null"))
	}
	return r
}

// reuse returns v if it is cheap to repeat, else a temporary holding it.
func (b *Builder) reuse(v Value) Value {
	if v.size <= 3 || v.Const {
		return v
	}
	return b.temp(v)
}

// declare emits `var tN T; tNNull := true` for results built by branches.
func (b *Builder) declare(t types.Type) Value {
	name := b.newTemp()
	b.Emit(
		jen.Var().Id(name).Add(GoType(t)),
		jen.Id(name+"Null").Op(":=").True(),
	)
	return Value{T: t, V: primary(jen.Id(name)), Null: primary(jen.Id(name + "Null")), size: 1}
}

// assign emits res, resNull = v, <v is null>.
func (b *Builder) assign(res, v Value) {
	if v.AlwaysNull {
		b.Emit(jen.Add(res.Null.c).Op("=").True())
		return
	}
	null := v.Null
	if null.isNil() {
		null = gxFalse
	}
	b.Emit(jen.List(res.V.c, res.Null.c).Op("=").List(v.V.c, null.c))
}

// notNull is the condition that v is not null; nil when v never is.
func notNull(v Value) gx {
	if v.Null.isNil() {
		return gx{}
	}
	return not(v.Null)
}

// truth is the condition that v is non-null and equal to want.
func truth(v Value, want bool) gx {
	if v.AlwaysNull {
		return gxFalse
	}
	x := v.V
	if !want {
		x = not(x)
	}
	return and(notNull(v), x)
}

// Reuse returns v if it is cheap to repeat, else a temporary holding it.
func (b *Builder) Reuse(v Value) Value { return b.reuse(v) }

// SetOutExprs makes output column references compile the columns'
// expressions (over the input event) instead of reading the output row;
// nil restores reading the row.
func (b *Builder) SetOutExprs(cols []*plan.OutCol) { b.outs = cols }

// WithRow runs f with the references for which isRow holds reading the
// row struct row (Go field names fields) and every other reference read
// as before: a table search inside an expression or a statement.
func (b *Builder) WithRow(isRow func(*plan.Ref) bool, row *jen.Statement, fields []string, f func()) {
	saved := b.env.Ref
	b.env.Ref = func(r *plan.Ref) Slot {
		if isRow(r) {
			v := b.field(row, fields, r.Attr, r.T)
			return Slot{Val: v.V.c, Null: v.Null.c}
		}
		if saved != nil {
			return saved(r)
		}
		v := b.field(b.env.In, b.env.InFields, r.Attr, r.T)
		return Slot{Val: v.V.c, Null: v.Null.c}
	}
	defer func() { b.env.Ref = saved }()
	f()
}
