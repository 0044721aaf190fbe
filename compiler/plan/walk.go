package plan

// Children returns the direct sub-expressions of x.
func Children(x Expr) []Expr {
	switch x := x.(type) {
	case *Binary:
		return []Expr{x.L, x.R}
	case *Unary:
		return []Expr{x.X}
	case *Convert:
		return []Expr{x.X}
	case *IsNull:
		return []Expr{x.X}
	case *InList:
		return append([]Expr{x.X}, x.List...)
	case *Case:
		var out []Expr
		for _, w := range x.Whens {
			out = append(out, w.Cond, w.Val)
		}
		if x.Else != nil {
			out = append(out, x.Else)
		}
		return out
	case *Coalesce:
		return x.Args
	case *Extreme:
		return x.Args
	case *Call:
		return x.Args
	case *Like:
		return []Expr{x.X, x.Pattern}
	case *Agg:
		if x.Arg != nil {
			return []Expr{x.Arg}
		}
	case *InTable:
		return []Expr{x.Cond}
	}
	return nil
}

// Inspect calls f for x and, while f returns true, for its sub-expressions
// depth-first. A nil x is skipped.
func Inspect(x Expr, f func(Expr) bool) {
	if x == nil || !f(x) {
		return
	}
	for _, c := range Children(x) {
		Inspect(c, f)
	}
}

// Rewrite rebuilds x bottom-up: f sees each node after its children were
// rewritten and returns the replacement (or the node itself).
func Rewrite(x Expr, f func(Expr) Expr) Expr {
	if x == nil {
		return nil
	}
	switch n := x.(type) {
	case *Binary:
		n.L, n.R = Rewrite(n.L, f), Rewrite(n.R, f)
	case *Unary:
		n.X = Rewrite(n.X, f)
	case *Convert:
		n.X = Rewrite(n.X, f)
	case *IsNull:
		n.X = Rewrite(n.X, f)
	case *InList:
		n.X = Rewrite(n.X, f)
		for i := range n.List {
			n.List[i] = Rewrite(n.List[i], f)
		}
	case *Case:
		for i := range n.Whens {
			n.Whens[i].Cond = Rewrite(n.Whens[i].Cond, f)
			n.Whens[i].Val = Rewrite(n.Whens[i].Val, f)
		}
		n.Else = Rewrite(n.Else, f)
	case *Coalesce:
		rewriteAll(n.Args, f)
	case *Extreme:
		rewriteAll(n.Args, f)
	case *Call:
		rewriteAll(n.Args, f)
	case *Like:
		n.X, n.Pattern = Rewrite(n.X, f), Rewrite(n.Pattern, f)
	case *Agg:
		n.Arg = Rewrite(n.Arg, f)
	case *InTable:
		n.Cond = Rewrite(n.Cond, f)
	}
	return f(x)
}

func rewriteAll(xs []Expr, f func(Expr) Expr) {
	for i := range xs {
		xs[i] = Rewrite(xs[i], f)
	}
}

// AllQueries lists the top-level queries, then the queries of each
// partition.
func (a *App) AllQueries() []*Query {
	qs := append([]*Query(nil), a.Queries...)
	for _, p := range a.Partitions {
		qs = append(qs, p.Queries...)
	}
	return qs
}

// RewriteExprs calls f on every top-level expression slot of the app (each
// query's conditions, columns, assignments, join and pattern filters, and
// the partition keys), storing what f returns in the slot.
func RewriteExprs(app *App, f func(Expr) Expr) {
	for _, q := range app.AllQueries() {
		rewriteQuery(q, f)
	}
	for _, p := range app.Partitions {
		for _, k := range p.Keys {
			if k.Value != nil {
				k.Value = f(k.Value)
			}
			for _, r := range k.Ranges {
				r.Cond = f(r.Cond)
			}
		}
	}
}

// InspectExprs calls Inspect(x, f) for every top-level expression x of the
// app, in the order of RewriteExprs.
func InspectExprs(app *App, f func(Expr) bool) {
	RewriteExprs(app, func(x Expr) Expr {
		Inspect(x, f)
		return x
	})
}

func rewriteQuery(q *Query, f func(Expr) Expr) {
	opt := func(x Expr) Expr {
		if x == nil {
			return nil
		}
		return f(x)
	}
	q.Where = opt(q.Where)
	q.Having = opt(q.Having)
	q.On = opt(q.On)
	for _, c := range q.Select {
		c.Expr = f(c.Expr)
	}
	for _, a := range q.Set {
		a.Expr = f(a.Expr)
	}
	switch in := q.Input.(type) {
	case *JoinInput:
		in.On = opt(in.On)
		in.Left.Filter = opt(in.Left.Filter)
		in.Right.Filter = opt(in.Right.Filter)
	case *PatternInput:
		for _, s := range in.States {
			for _, o := range []*Operand{s.Left, s.Right} {
				if o != nil {
					o.Filter = opt(o.Filter)
				}
			}
		}
	}
}
