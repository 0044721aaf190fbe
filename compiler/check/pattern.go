package check

import (
	"github.com/efluxc/efluxc/compiler/diag"
	"github.com/efluxc/efluxc/compiler/plan"
	"github.com/efluxc/efluxc/compiler/syntax"
	"github.com/efluxc/efluxc/compiler/types"
)

// patternChecker flattens a pattern chain into states (§10.2) and checks
// the static rules of §10.1 on the way.
type patternChecker struct {
	c        *checker
	part     *partition
	in       *plan.PatternInput
	seq      bool
	scope    *scope // grows as elements are seen (textual order)
	aliases  map[string]*scopeSource
	streams  map[string]bool   // stream names used by the pattern
	elements []*syntax.Element // for the alias/stream-name rule
}

// patternInput is FROM PATTERN|SEQUENCE (...) [WITHIN d].
func (c *checker) patternInput(f *syntax.PatternSource, pq *plan.Query, part *partition) *scope {
	in := &plan.PatternInput{Mode: plan.PatternModePattern}
	if f.Sequence {
		in.Mode = plan.SequenceMode
	}
	pc := &patternChecker{c: c, part: part, in: in, seq: f.Sequence,
		scope: &scope{pattern: &patternScope{}}, aliases: map[string]*scopeSource{}, streams: map[string]bool{}}
	pc.chain(f.Chain, false, true)
	for _, el := range pc.elements {
		if pc.streams[el.Alias.Name] {
			c.errorf(el.Alias.Pos, diag.Pattern, "alias '%s' is also the name of a stream used in the pattern", el.Alias.Name)
		}
	}
	if f.Within != nil {
		if w, ok := c.constInt(f.Within, "WITHIN"); ok {
			if w <= 0 {
				c.errorf(f.Within.ExprPos(), diag.Pattern, "WITHIN must be a positive duration, got %d", w)
			}
			in.Within = w
		}
	}
	pq.Input = in
	// The query's own clauses see every alias but no candidate.
	s := &scope{pattern: nil}
	for _, src := range pc.scope.sources {
		if src.name != "" {
			s.sources = append(s.sources, src)
		}
	}
	s.pattern = &patternScope{}
	return s
}

// chain flattens a chain; inEvery is set inside an EVERY range; first is
// set while the chain is at the start of the whole pattern.
func (pc *patternChecker) chain(ch *syntax.Chain, inEvery, first bool) {
	for i, st := range ch.Steps {
		if i > 0 && ch.Commas[i-1] && !pc.seq {
			pc.c.errorf(st.Pos, diag.Pattern, "',' between steps is allowed only in SEQUENCE; use '->'")
		}
		pc.step(st, inEvery, first && i == 0)
	}
}

func (pc *patternChecker) step(st *syntax.Step, inEvery, first bool) {
	c := pc.c
	if st.Every {
		if inEvery {
			c.errorf(st.Pos, diag.Pattern, "nested EVERY is not allowed")
		}
		if pc.seq && (!first || (st.Group != nil && len(st.Group.Steps) > 1)) {
			c.errorf(st.Pos, diag.Pattern, "in a SEQUENCE, EVERY may only prefix the first step, and that step must be a single element")
		}
	}
	start := len(pc.in.States)
	switch {
	case st.Group != nil:
		pc.chain(st.Group, inEvery || st.Every, first)
	case st.Element != nil:
		pc.element(st.Element)
	case st.Logical != nil:
		pc.logical(st.Logical)
	case st.Absent != nil:
		if st.Absent.For == nil {
			c.errorf(st.Absent.Pos, diag.Pattern, "absent element NOT %s needs FOR <duration>", st.Absent.Stream.Name)
		}
		op := pc.absent(st.Absent)
		pc.in.States = append(pc.in.States, &plan.State{Kind: plan.StateAbsent, Left: op, Pos: st.Absent.Pos})
	}
	if st.Every && len(pc.in.States) > start {
		pc.in.States[start].EveryStart = true
		pc.in.States[len(pc.in.States)-1].EveryEnd = true
	}
}

func (pc *patternChecker) element(el *syntax.Element) {
	st := &plan.State{Kind: plan.StateElement, Pos: el.Pos}
	if el.Count != nil {
		st.Kind = plan.StateCount
		st.Min, st.Max = pc.count(el.Count)
	}
	st.Left = pc.operand(el, el.Count != nil)
	pc.in.States = append(pc.in.States, st)
}

// count checks count bounds (§10.1).
func (pc *patternChecker) count(n *syntax.Count) (int, int) {
	c := pc.c
	if n.Symbol != "" && !pc.seq {
		c.errorf(n.Pos, diag.Pattern, "'%s' is allowed only in SEQUENCE; use {n,m} in PATTERN", n.Symbol)
	}
	switch {
	case n.Max == -1 && n.Min < 0:
		c.errorf(n.Pos, diag.Pattern, "count {%d,} needs n >= 0", n.Min)
	case n.Max != -1 && n.Min == n.Max && n.Min < 1 && n.Symbol == "":
		c.errorf(n.Pos, diag.Pattern, "count {%d} needs n >= 1", n.Min)
	case n.Max != -1 && (n.Min < 0 || n.Min > n.Max || n.Max < 1):
		c.errorf(n.Pos, diag.Pattern, "count {%d,%d} needs 0 <= n <= m and m >= 1", n.Min, n.Max)
	}
	return n.Min, n.Max
}

func (pc *patternChecker) logical(l *syntax.Logical) {
	c := pc.c
	st := &plan.State{Kind: plan.StateAnd, Pos: l.Pos}
	if l.Or {
		st.Kind = plan.StateOr
	}
	if l.Left.Absent != nil && l.Right.Absent != nil {
		c.errorf(l.Pos, diag.Pattern, "at most one operand of a logical pair may be absent (NOT)")
	}
	ops := []*plan.Operand{}
	for _, o := range []*syntax.Operand{l.Left, l.Right} {
		if o.Absent != nil {
			if l.Or && o.Absent.For == nil {
				c.errorf(o.Absent.Pos, diag.Pattern, "absent operand NOT %s of OR needs FOR <duration>", o.Absent.Stream.Name)
			}
			ops = append(ops, pc.absent(o.Absent))
			continue
		}
		if o.Element.Count != nil {
			c.errorf(o.Element.Count.Pos, diag.Pattern, "a count cannot be applied to an operand of a logical pair")
		}
		ops = append(ops, pc.operand(o.Element, false))
	}
	st.Left, st.Right = ops[0], ops[1]
	pc.in.States = append(pc.in.States, st)
}

// streamOf resolves a pattern element's stream (streams and inner streams only).
func (pc *patternChecker) streamOf(id syntax.Ident) *plan.Stream {
	r, ok := pc.c.resolveSource(id, pc.part)
	if !ok {
		return nil
	}
	if r.table != nil {
		pc.c.errorf(id.Pos, diag.Pattern, "table '%s' cannot be used in a pattern", id.Name)
		return nil
	}
	pc.streams[id.Name] = true
	return r.stream
}

// operand adds an aliased element: its source and its checked filter.
func (pc *patternChecker) operand(el *syntax.Element, counted bool) *plan.Operand {
	pc.elements = append(pc.elements, el)
	st := pc.streamOf(el.Stream)
	op := &plan.Operand{Stream: st, Pos: el.Pos}
	if st == nil {
		if _, ok := pc.aliases[el.Alias.Name]; !ok {
			// Register the alias so references to it add no follow-on errors.
			src := &scopeSource{index: -1, name: el.Alias.Name, kind: "alias", visible: true, broken: true}
			pc.aliases[el.Alias.Name] = src
			pc.scope.sources = append(pc.scope.sources, src)
		}
		return op
	}
	src, reused := pc.aliases[el.Alias.Name]
	if !reused {
		ps := &plan.Source{Alias: el.Alias.Name, Stream: st, Attrs: st.Attrs}
		src = &scopeSource{index: len(pc.in.Sources), name: el.Alias.Name, attrs: st.Attrs, kind: "alias",
			counted: counted, visible: true}
		pc.in.Sources = append(pc.in.Sources, ps)
	} else {
		// A reused alias names the first element; this one gets a hidden source.
		pc.in.Sources = append(pc.in.Sources, &plan.Source{Stream: st, Attrs: st.Attrs})
		src = &scopeSource{index: len(pc.in.Sources) - 1, attrs: st.Attrs, kind: "alias", counted: counted}
	}
	op.Source = src.index
	self := &scopeSource{index: src.index, name: el.Alias.Name, attrs: st.Attrs, kind: "stream", visible: true}
	op.Filter = pc.filter(el.Filter, self, src)
	if !reused {
		pc.aliases[el.Alias.Name] = src
		pc.scope.sources = append(pc.scope.sources, src)
	}
	return op
}

// absent adds an absent element: a hidden source and its filter.
func (pc *patternChecker) absent(a *syntax.Absent) *plan.Operand {
	st := pc.streamOf(a.Stream)
	op := &plan.Operand{Stream: st, Absent: true, Pos: a.Pos, Source: -1}
	if a.For != nil {
		if d, ok := pc.c.constInt(a.For, "FOR"); ok {
			if d <= 0 {
				pc.c.errorf(a.For.ExprPos(), diag.Pattern, "FOR must be a positive duration, got %d", d)
			}
			op.For = d
		}
	}
	if st == nil {
		return op
	}
	pc.in.Sources = append(pc.in.Sources, &plan.Source{Stream: st, Attrs: st.Attrs})
	op.Source = len(pc.in.Sources) - 1
	self := &scopeSource{index: op.Source, name: a.Stream.Name, attrs: st.Attrs, kind: "stream", visible: true}
	op.Filter = pc.filter(a.Filter, self, nil)
	return op
}

// filter checks an element filter: unqualified names and the own alias
// denote the candidate event; earlier aliases are visible qualified.
func (pc *patternChecker) filter(f syntax.Expr, self, own *scopeSource) plan.Expr {
	if f == nil {
		return nil
	}
	s := &scope{pattern: &patternScope{self: self}, noAgg: "a pattern filter"}
	s.sources = append(s.sources, pc.scope.sources...)
	if own != nil && own.counted {
		s.pattern.ownCounted = own
	}
	s.sources = append(s.sources, self)
	x := pc.c.expr(f, s)
	pc.c.wantBool(x, "pattern filter")
	return coerce(x, types.Bool)
}
