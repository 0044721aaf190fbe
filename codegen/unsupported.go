package codegen

import (
	"github.com/efluxc/efluxc/compiler/diag"
	"github.com/efluxc/efluxc/compiler/plan"
	"github.com/efluxc/efluxc/compiler/source"
)

// unsupported lists the constructs of app that code generation cannot
// compile yet. Anything stateful is rejected here, before generation, so
// that no app is ever compiled into silently wrong code.
func unsupported(app *plan.App) diag.List {
	var l diag.List
	no := func(pos source.Pos, what string) {
		l.Add(pos, diag.Unsupported, "not supported yet: "+what)
	}
	for _, q := range app.Queries {
		unsupportedQuery(q, no)
	}
	for _, p := range app.Partitions {
		for _, q := range p.Queries {
			unsupportedQuery(q, no)
		}
	}
	return l
}

func unsupportedQuery(q *plan.Query, no func(source.Pos, string)) {
	if in, ok := q.Input.(*plan.StreamInput); ok && in.Source.Stream == nil {
		no(q.Pos, "reading a table")
	}
}

// walk calls f for e and every expression below it, parents first.
func walk(e plan.Expr, f func(plan.Expr)) {
	if e == nil {
		return
	}
	f(e)
	switch e := e.(type) {
	case *plan.Binary:
		walk(e.L, f)
		walk(e.R, f)
	case *plan.Unary:
		walk(e.X, f)
	case *plan.Convert:
		walk(e.X, f)
	case *plan.IsNull:
		walk(e.X, f)
	case *plan.InList:
		walk(e.X, f)
		for _, x := range e.List {
			walk(x, f)
		}
	case *plan.Case:
		for _, w := range e.Whens {
			walk(w.Cond, f)
			walk(w.Val, f)
		}
		walk(e.Else, f)
	case *plan.Coalesce:
		for _, x := range e.Args {
			walk(x, f)
		}
	case *plan.Extreme:
		for _, x := range e.Args {
			walk(x, f)
		}
	case *plan.Call:
		for _, x := range e.Args {
			walk(x, f)
		}
	case *plan.Like:
		walk(e.X, f)
		walk(e.Pattern, f)
	case *plan.Agg:
		walk(e.Arg, f)
	case *plan.InTable:
		walk(e.Cond, f)
	}
}
