package check

import (
	"strings"

	"github.com/efluxc/efluxc/compiler/builtin"
	"github.com/efluxc/efluxc/compiler/diag"
	"github.com/efluxc/efluxc/compiler/plan"
	"github.com/efluxc/efluxc/compiler/syntax"
	"github.com/efluxc/efluxc/compiler/types"
)

// call checks a function call: an aggregate, a special form handled here,
// or a stdlib function from the builtin registry.
func (c *checker) call(e *syntax.Call, s *scope) plan.Expr {
	name := strings.ToUpper(e.Name)
	if a := builtin.LookupAggregate(name, e.Distinct); a != nil {
		return c.aggregate(e, a, s)
	}
	if builtin.IsAggregateName(name) {
		c.errorf(e.Pos, diag.Aggregate, "aggregate %s does not take DISTINCT", name)
		return invalid(e.Pos)
	}
	if e.Star || e.Distinct {
		c.errorf(e.Pos, diag.Syntax, "function %s does not take * or DISTINCT", name)
		return invalid(e.Pos)
	}
	args := make([]plan.Expr, len(e.Args))
	for i, a := range e.Args {
		if name == "EVENTTIMESTAMP" || (name == "CONVERT" && i == 1) {
			continue // alias or type name, not an expression to type
		}
		args[i] = c.expr(a, s)
	}
	if builtin.IsSpecial(name) {
		return c.special(e, name, args, s)
	}
	f := builtin.Lookup(name)
	if f == nil {
		c.errorf(e.Pos, diag.Aggregate, "unknown function '%s'", e.Name)
		return invalid(e.Pos)
	}
	ts := make([]types.Type, len(args))
	for i, a := range args {
		ts[i] = a.Type()
	}
	sig, err := f.Resolve(ts)
	if err != nil {
		c.errorf(e.Pos, diag.Type, "%v", err)
		return invalid(e.Pos)
	}
	for i := range args {
		args[i] = coerce(args[i], sig.Params[i])
	}
	return &plan.Call{Node: plan.Node{T: sig.Result, P: e.Pos}, Name: f.Name, Func: sig.Go,
		Args: args, Partial: sig.Partial, Variadic: sig.Variadic}
}

// aggregate checks an aggregate call where the scope allows it.
func (c *checker) aggregate(e *syntax.Call, a *builtin.Aggregate, s *scope) plan.Expr {
	switch {
	case s.inAgg:
		c.errorf(e.Pos, diag.Aggregate, "nested aggregate %s", a.Name)
		return invalid(e.Pos)
	case s.aggs == nil:
		where := s.noAgg
		if where == "" {
			where = "this position"
		}
		c.errorf(e.Pos, diag.Aggregate, "aggregate %s not allowed in %s", a.Name, where)
		return invalid(e.Pos)
	}
	if len(e.Args) > 1 || (len(e.Args) == 0 && !e.Star && a.Kind != plan.AggCount) {
		c.errorf(e.Pos, diag.Type, "aggregate %s takes one argument, got %d", a.Name, len(e.Args))
		return invalid(e.Pos)
	}
	var arg plan.Expr
	argType := types.Null
	if len(e.Args) == 1 {
		inner := *s
		inner.inAgg = true
		arg = c.expr(e.Args[0], &inner)
		argType = arg.Type()
	}
	t, err := a.Resolve(argType, arg == nil)
	if err != nil {
		c.errorf(e.Pos, diag.Type, "%v", err)
		return invalid(e.Pos)
	}
	if arg != nil && arg.Type() == types.Null {
		arg = coerce(arg, t)
	}
	agg := &plan.Agg{Node: plan.Node{T: t, P: e.Pos}, Kind: a.Kind, Arg: arg, ID: len(*s.aggs)}
	*s.aggs = append(*s.aggs, agg)
	return agg
}

// special checks the calls with their own typing rules (§13.3-13.5).
func (c *checker) special(e *syntax.Call, name string, args []plan.Expr, s *scope) plan.Expr {
	pos := e.Pos
	nargs := func(min, max int) bool {
		if len(args) < min || (max >= 0 && len(args) > max) {
			c.errorf(pos, diag.Type, "function %s: wrong number of arguments (%d)", name, len(args))
			return false
		}
		return true
	}
	switch {
	case name == "NOW" || name == "CURRENTTIMEMILLIS":
		if !nargs(0, 0) {
			return invalid(pos)
		}
		return &plan.Now{Node: plan.Node{T: types.Long, P: pos}}
	case name == "EVENTTIMESTAMP":
		return c.eventTimestamp(e, s)
	case name == "CONVERT":
		return c.convertCall(e, args)
	case name == "COALESCE":
		if !nargs(1, -1) {
			return invalid(pos)
		}
		t, ok := c.commonOf(args, pos, "COALESCE arguments")
		if !ok {
			return invalid(pos)
		}
		for i := range args {
			args[i] = coerce(args[i], t)
		}
		return &plan.Coalesce{Node: plan.Node{T: t, P: pos}, Args: args}
	case name == "DEFAULT" || name == "IFNULL":
		if !nargs(2, 2) {
			return invalid(pos)
		}
		if !isConstant(args[1]) {
			c.errorf(args[1].Pos(), diag.Type, "function %s: the default value must be a constant", name)
			return invalid(pos)
		}
		t, ok := c.commonOf(args, pos, name+" arguments")
		if !ok {
			return invalid(pos)
		}
		return &plan.Coalesce{Node: plan.Node{T: t, P: pos}, Args: []plan.Expr{coerce(args[0], t), coerce(args[1], t)}}
	case name == "NULLIF":
		if !nargs(2, 2) {
			return invalid(pos)
		}
		eq := c.compare(plan.OpEq, args[0], args[1], pos)
		t := args[0].Type()
		return &plan.Case{Node: plan.Node{T: t, P: pos},
			Whens: []plan.When{{Cond: eq, Val: &plan.Const{Node: plan.Node{T: t, P: pos}, IsNull: true}}},
			Else:  args[0]}
	case name == "IFTHENELSE" || name == "IF" || name == "IIF":
		if !nargs(3, 3) {
			return invalid(pos)
		}
		c.wantBool(args[0], "IFTHENELSE condition")
		t, ok := c.commonOf(args[1:], pos, "IFTHENELSE branches")
		if !ok {
			return invalid(pos)
		}
		return &plan.Case{Node: plan.Node{T: t, P: pos},
			Whens: []plan.When{{Cond: coerce(args[0], types.Bool), Val: coerce(args[1], t)}},
			Else:  coerce(args[2], t)}
	case name == "IS_NULL" || name == "IS_NOT_NULL":
		if !nargs(1, 1) {
			return invalid(pos)
		}
		return &plan.IsNull{Node: plan.Node{T: types.Bool, P: pos}, X: args[0], Not: name == "IS_NOT_NULL"}
	case name == "MAXIMUM" || name == "MINIMUM":
		if !nargs(1, -1) {
			return invalid(pos)
		}
		t, ok := c.commonOf(args, pos, name+" arguments")
		if ok && !t.IsNumeric() && t != types.Null && t != types.Invalid {
			c.errorf(pos, diag.Type, "function %s: arguments must be numeric, got %s", name, t)
			ok = false
		}
		if !ok {
			return invalid(pos)
		}
		if t == types.Null {
			t = types.Int
		}
		for i := range args {
			args[i] = coerce(args[i], t)
		}
		return &plan.Extreme{Node: plan.Node{T: t, P: pos}, Args: args, Min: name == "MINIMUM"}
	case strings.HasPrefix(name, "INSTANCEOF"):
		if !nargs(1, 1) {
			return invalid(pos)
		}
		want, _ := types.Parse(strings.TrimPrefix(strings.TrimPrefix(name, "INSTANCEOF"), "_"))
		if args[0].Type() != want {
			return &plan.Const{Node: plan.Node{T: types.Bool, P: pos}, Bool: false}
		}
		return &plan.IsNull{Node: plan.Node{T: types.Bool, P: pos}, X: args[0], Not: true}
	}
	c.errorf(pos, diag.Internal, "special function %s not handled", name)
	return invalid(pos)
}

// convertCall is CONVERT(x, 'type').
func (c *checker) convertCall(e *syntax.Call, args []plan.Expr) plan.Expr {
	if len(args) != 2 {
		c.errorf(e.Pos, diag.Type, "function CONVERT takes 2 arguments, got %d", len(args))
		return invalid(e.Pos)
	}
	lit, ok := e.Args[1].(*syntax.Literal)
	if !ok || lit.Kind != syntax.LitString {
		c.errorf(e.Args[1].ExprPos(), diag.Type, "function CONVERT: the type must be a string constant such as 'int'")
		return invalid(e.Pos)
	}
	t, ok := types.Parse(lit.Str)
	if !ok {
		c.errorf(lit.Pos, diag.Type, "function CONVERT: unknown type '%s'", lit.Str)
		return invalid(e.Pos)
	}
	return convert(args[0], t, e.Pos)
}

// eventTimestamp is EVENTTIMESTAMP() or EVENTTIMESTAMP(alias).
func (c *checker) eventTimestamp(e *syntax.Call, s *scope) plan.Expr {
	node := plan.Node{T: types.Long, P: e.Pos}
	switch len(e.Args) {
	case 0:
		return &plan.EventTime{Node: node, Source: -1}
	case 1:
		n, ok := e.Args[0].(*syntax.Name)
		if !ok {
			c.errorf(e.Pos, diag.Type, "function EVENTTIMESTAMP takes an alias, not an expression")
			return invalid(e.Pos)
		}
		src := s.lookupQual(n.Name)
		if src == nil || src == s.row {
			c.errorf(n.Pos, diag.Name, "undefined alias '%s' in EVENTTIMESTAMP", n.Name)
			return invalid(e.Pos)
		}
		return &plan.EventTime{Node: node, Source: src.index}
	}
	c.errorf(e.Pos, diag.Type, "function EVENTTIMESTAMP takes 0 or 1 arguments, got %d", len(e.Args))
	return invalid(e.Pos)
}
