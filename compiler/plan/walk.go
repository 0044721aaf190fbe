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
