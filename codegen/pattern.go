package codegen

import (
	"sort"

	"github.com/dave/jennifer/jen"

	"github.com/efluxc/efluxc/codegen/expr"
	"github.com/efluxc/efluxc/codegen/names"
	"github.com/efluxc/efluxc/compiler/plan"
)

// pattern is the model of one PATTERN or SEQUENCE query: the automaton
// that gen_pattern.go emits. A run (partial match) is a generated struct
// holding exactly the captured attributes the query reads (slots); the
// runs live in an rt.Runs pool, and each state has a list of waiting and
// a list of staged runs (§10.2), or an rt.Index of waiting runs when the
// optimizer chose a correlation key for the state.
type pattern struct {
	m      *model
	q      *query
	in     *plan.PatternInput
	seq    bool
	states []*pstate
	slots  []*slot // by source index; nil when the source needs none
	// Go names: the run and machine struct types, the App field holding
	// the machine, and the automaton's App methods.
	Run, Machine, Field  string
	Stage, Pass, Match   string
	Leave, Copy, Step    string
	Start, Timer, Expire string
	// timer is the kind of the pattern's timers (WITHIN expiry, absent
	// deadlines), nil when it sets none.
	timer *timerKind
	// within is the kind of the WITHIN expiries kept in the machine's
	// rt.Chain (handled by WithinTimer, which tells the chain and then
	// runs Timer), nil in a partition or without WITHIN. A run's expiry is
	// its start + WITHIN; runs mostly start in time order, so these
	// deadlines mostly only grow, and only the earliest of them is in the
	// queue. One earlier than the chain's last (a re-armed or copied run
	// keeps an older start; an event older than the clock) is scheduled on
	// its own with kind timer, so every timer fires as if scheduled alone.
	within      *timerKind
	WithinTimer string
	// rearm: WITHIN re-arm copies are pending for states in EVERY ranges.
	rearm bool
	// deferred: matches are copied when they complete and delivered after
	// the event has been offered to every state (§10.3 step 4), by
	// q<N>Drain. Needed when delivering a match can change what the
	// automaton sees: its output reaches its own input (a cycle), or a
	// filter reads a table. Otherwise matches are delivered as they
	// complete, which nothing can tell apart.
	deferred    bool
	Done, Drain string // the type of a completed match, the method delivering them
	// one names, per stream read, the method offering one event of it
	// (q<N><T>One): the entry method's loop body, which Send<T> calls
	// directly when the pattern is the stream's only consumer.
	one map[*stream]string
}

// pstate is one state s(i+1) of the chain.
type pstate struct {
	i    int
	plan *plan.State
	// every is the index of the first state of the EVERY range holding
	// this state, -1 outside ranges.
	every int
	// offers lists the offering methods: one per stream the state reads.
	offers []*offer
	index  *plan.PatternIndex
	// bucketFilter is an indexed state's filter without the index's
	// conjunct EventKey = RunKey, which holds for every run of the bucket
	// an event visits; nil if nothing else is left.
	bucketFilter plan.Expr
	// covered: the captured values that bucketFilter reads are copied into
	// the run's index entry (cover, of type Cover; "" when it reads none),
	// so an event tests the runs of its key without touching them. False
	// when it reads a counted slot, which can change while the run waits
	// (the entries then hold only run ids).
	covered bool
	cover   []coverSlot
	Cover   string
	flags   string // run field with the state's bookkeeping bits (logical, absent first)
}

// coverSlot is what an index entry's cover holds of one slot: the
// attributes (and time) that the state's bucketFilter reads.
type coverSlot struct {
	*slot
	attrs []int
	ts    bool
}

// offer is the method offering an event of one stream to one state.
type offer struct {
	st     *stream
	Method string // loops over the waiting runs
	Run    string // tests one run
	ops    []*plan.Operand
}

// slot is what a run stores for one source: the attributes of the
// captured event that the query reads (a list of them for a counted
// element) and, if EVENTTIMESTAMP(alias) is used, its time.
type slot struct {
	src     int
	st      *stream
	counted bool
	Field   string // field of the run struct, e.g. e1
	Type    string // struct of one captured event, e.g. q1E1
	List    string // counted: the list type, e.g. q1E2List
	None    string // counted: the "no event" value
	attrs   []int  // attribute ordinals read, ascending
	ts      bool
	prefix  int // counted: e[i] is read for i < prefix
	back    int // counted: e[last-k] is read for k < back
}

// Logical and absent-first bookkeeping bits in a run's state flags.
const (
	flagLeft   = 1 // left operand captured
	flagRight  = 2 // right operand captured
	flagFired  = 4 // the absent operand's timer fired
	flagCancel = 8 // OR: a satisfying event cancelled the absent operand
)

// List tags: each list of a pattern has a unique non-zero tag (rt.List).
func waitTag(i int) int   { return 4*i + 1 }
func stagedTag(i int) int { return 4*i + 2 }
func indexTag(i int) int  { return 4*i + 3 } // and +1 for its null keys

func (m *model) newPattern(q *query, in *plan.PatternInput, members *names.Scope) *pattern {
	p := &pattern{m: m, q: q, in: in, seq: in.Mode == plan.SequenceMode, one: map[*stream]string{}}
	base := q.Method
	p.Field = base
	p.Run = members.Take(base + "Run")
	p.Machine = members.Take(base + "Machine")
	p.Stage = members.Take(base + "Stage")
	p.Pass = members.Take(base + "Pass")
	p.Match = members.Take(base + "Match")
	p.Leave = members.Take(base + "Leave")
	p.Copy = members.Take(base + "Copy")
	p.Step = members.Take(base + "Step")
	p.Start = members.Take(base + "Start")
	p.Timer = members.Take(base + "Timer")
	p.Expire = members.Take(base + "Expire")
	p.Drain = members.Take(base + "Drain")
	p.Done = members.Take(base + "Done")

	every := -1
	for i, s := range in.States {
		if s.EveryStart {
			every = i
		}
		ps := &pstate{i: i, plan: s, every: every, index: m.phys.IndexOf(s)}
		if p.seq {
			ps.index = nil
		}
		if s.EveryEnd {
			every = -1
		}
		p.states = append(p.states, ps)
	}
	// Streams in order of first use, each consumed by one entry method.
	for _, ps := range p.states {
		for _, op := range ps.ops() {
			st := m.byPlan[op.Stream]
			if _, ok := q.entry[st]; !ok {
				q.entry[st] = members.Take(base + st.Type)
				p.one[st] = members.Take(base + st.Type + "One")
				q.ins = append(q.ins, st)
			}
			var o *offer
			for _, x := range ps.offers {
				if x.st == st {
					o = x
				}
			}
			if o == nil {
				o = &offer{st: st}
				ps.offers = append(ps.offers, o)
			}
			o.ops = append(o.ops, op)
		}
		for _, o := range ps.offers {
			name := base + "S" + itoa(ps.i+1)
			if len(ps.offers) > 1 {
				name += o.st.Type
			}
			o.Method = members.Take(name)
			o.Run = members.Take(name + "Run")
		}
		if ps.logical() || ps.absentFirst() {
			ps.flags = "s" + itoa(ps.i+1)
		}
	}
	p.slots = make([]*slot, len(in.Sources))
	p.collectSlots(m)
	for _, ps := range p.states {
		if ps.index != nil {
			ps.bucketFilter = withoutConjunct(ps.plan.Left.Filter, ps.index)
			ps.cover, ps.covered = p.coverSlots(ps)
			if len(ps.cover) > 0 {
				ps.Cover = members.Take(base + "S" + itoa(ps.i+1) + "Cover")
			}
		}
	}
	if p.hasTimers() {
		p.timer = m.newTimer("timer"+names.Exported(base), p.Timer, p.q.Method+": WITHIN expiry and absent deadlines of its runs")
	}
	if in.Within > 0 && q.part == nil {
		p.WithinTimer = members.Take(base + "WithinTimer")
		p.within = m.newTimer("timer"+names.Exported(base)+"Within", p.WithinTimer, p.q.Method+": WITHIN expiries in its chain")
	}
	if in.Within > 0 {
		for _, ps := range p.states {
			if ps.every >= 0 {
				p.rearm = true
			}
		}
	}
	return p
}

func itoa(i int) string {
	const digits = "0123456789"
	if i < 10 {
		return digits[i : i+1]
	}
	return itoa(i/10) + digits[i%10:i%10+1]
}

// ops lists the state's operands, left first.
func (s *pstate) ops() []*plan.Operand {
	if s.plan.Right != nil {
		return []*plan.Operand{s.plan.Left, s.plan.Right}
	}
	return []*plan.Operand{s.plan.Left}
}

func (s *pstate) logical() bool {
	return s.plan.Kind == plan.StateAnd || s.plan.Kind == plan.StateOr
}

// absentFirst: a stand-alone absent first state (quiet period, §10.3).
func (s *pstate) absentFirst() bool { return s.i == 0 && s.plan.Kind == plan.StateAbsent }

// standAloneAbsent: NOT S[f] FOR d as a state of its own.
func (s *pstate) standAloneAbsent() bool { return s.plan.Kind == plan.StateAbsent }

// absentFor returns the state's absent operand with FOR, nil if none.
func (s *pstate) absentFor() *plan.Operand {
	for _, o := range s.ops() {
		if o.Absent && o.For > 0 {
			return o
		}
	}
	return nil
}

func (p *pattern) hasTimers() bool {
	if p.in.Within > 0 {
		return true
	}
	for _, s := range p.states {
		if s.absentFor() != nil {
			return true
		}
	}
	return false
}

func (p *pattern) last() int { return len(p.states) - 1 }

// collectSlots finds every attribute read from a run: references in the
// query's clauses and in filters other than the candidate's own
// attributes; counted elements always get a slot (their count).
func (p *pattern) collectSlots(m *model) {
	need := func(src int) *slot {
		if p.slots[src] == nil {
			s := &slot{src: src, st: m.byPlan[p.in.Sources[src].Stream]}
			p.slots[src] = s
		}
		return p.slots[src]
	}
	attrs := map[int]map[int]bool{}
	ref := func(r *plan.Ref) {
		s := need(r.Source)
		if attrs[r.Source] == nil {
			attrs[r.Source] = map[int]bool{}
		}
		attrs[r.Source][r.Attr] = true
		if r.Index != nil {
			if r.Index.Last {
				s.back = max(s.back, r.Index.N+1)
			} else {
				s.prefix = max(s.prefix, r.Index.N+1)
			}
		}
	}
	visit := func(self int) func(plan.Expr) {
		return func(e plan.Expr) {
			switch e := e.(type) {
			case *plan.Ref:
				if e.TableRow || e.Source == self && e.Index == nil {
					return // a table row (IN), or the candidate event
				}
				ref(e)
			case *plan.EventTime:
				if e.Source >= 0 && e.Source != self {
					need(e.Source).ts = true
				}
			}
		}
	}
	for _, s := range p.states {
		if s.plan.Kind == plan.StateCount {
			need(s.plan.Left.Source).counted = true
		}
		for _, o := range s.ops() {
			walk(o.Filter, visit(o.Source))
		}
	}
	q := p.q.plan
	walk(q.Where, visit(-2))
	for _, c := range q.Select {
		walk(c.Expr, visit(-2))
	}
	walk(q.Having, visit(-2))
	for _, r := range q.GroupBy {
		walk(r, visit(-2))
	}
	for _, o := range q.OrderBy {
		walk(o.Expr, visit(-2))
	}
	base := p.q.Method
	for src, s := range p.slots {
		if s == nil {
			continue
		}
		for a := range attrs[src] {
			s.attrs = append(s.attrs, a)
		}
		sort.Ints(s.attrs)
		alias := p.in.Sources[src].Alias
		if alias == "" {
			alias = "s" + itoa(src)
		}
		s.Field = names.Unexported(alias)
		if s.Field == "r" || s.Field == "flags" {
			s.Field += "_"
		}
		s.Field = "e_" + s.Field
		s.Type = base + names.Exported(alias)
		if s.counted {
			s.List = s.Type + "List"
			s.None = s.Type + "None"
		}
	}
}

// withoutConjunct returns filter f without the top-level conjunct on
// which index x was chosen (EventKey = RunKey, either order).
func withoutConjunct(f plan.Expr, x *plan.PatternIndex) plan.Expr {
	b, ok := f.(*plan.Binary)
	if !ok {
		return f
	}
	switch {
	case b.Op == plan.OpEq && (b.L == x.EventKey && b.R == x.RunKey || b.L == x.RunKey && b.R == x.EventKey):
		return nil
	case b.Op != plan.OpAnd:
		return f
	}
	l, r := withoutConjunct(b.L, x), withoutConjunct(b.R, x)
	switch {
	case l == b.L && r == b.R:
		return f
	case l == nil:
		return r
	case r == nil:
		return l
	}
	c := *b
	c.L, c.R = l, r
	return &c
}

// coverSlots lists, in source order, what state s's bucketFilter reads
// from the run, and whether all of it can be copied into the index entry:
// not if a slot is counted (a counted element before s can still collect
// events while the run waits at s).
func (p *pattern) coverSlots(s *pstate) ([]coverSlot, bool) {
	self := s.plan.Left.Source
	attrs := map[int]map[int]bool{}
	ts := map[int]bool{}
	read := func(src int) {
		if attrs[src] == nil {
			attrs[src] = map[int]bool{}
		}
	}
	walk(s.bucketFilter, func(e plan.Expr) {
		switch e := e.(type) {
		case *plan.Ref:
			if !e.TableRow && (e.Source != self || e.Index != nil) {
				read(e.Source)
				attrs[e.Source][e.Attr] = true
			}
		case *plan.EventTime:
			if e.Source >= 0 && e.Source != self {
				read(e.Source)
				ts[e.Source] = true
			}
		}
	})
	var out []coverSlot
	for src, sl := range p.slots {
		if attrs[src] == nil {
			continue
		}
		if sl.counted {
			return nil, false
		}
		c := coverSlot{slot: sl, ts: ts[src]}
		for _, a := range sl.attrs {
			if attrs[src][a] {
				c.attrs = append(c.attrs, a)
			}
		}
		out = append(out, c)
	}
	return out, true
}

// refSlot reads reference r from the run held in local variable run.
func (p *pattern) refSlot(run string, r *plan.Ref) expr.Slot {
	s := p.slots[r.Source]
	ev := func() *jen.Statement {
		c := jen.Id(run).Dot(s.Field)
		if s.counted {
			if r.Index.Last {
				return c.Dot("back").Call(jen.Lit(r.Index.N))
			}
			return c.Dot("at").Call(jen.Lit(r.Index.N))
		}
		return c
	}
	return expr.Slot{
		Val:  ev().Dot(s.st.Fields[r.Attr]),
		Null: ev().Dot("Null").Dot("Is").Call(jen.Lit(r.Attr)),
	}
}

// timeSlot reads EVENTTIMESTAMP(alias) from the run in local run.
func (p *pattern) timeSlot(run string, src int) expr.Slot {
	s := p.slots[src]
	ev := func() *jen.Statement {
		c := jen.Id(run).Dot(s.Field)
		if s.counted {
			return c.Dot("back").Call(jen.Lit(0))
		}
		return c
	}
	return expr.Slot{Val: ev().Dot("ts"), Null: ev().Dot("Null").Dot("Is").Call(jen.Lit(63))}
}

// filterEnv is the environment of operand o's filter: the candidate event
// e at time ts and the run r.
func (p *pattern) filterEnv(o *plan.Operand, st *stream, now *jen.Statement) expr.Env {
	return p.filterEnvOn(o, st, now, "r")
}

// filterEnvOn is filterEnv reading captured events from local run, the
// run or its index entry's cover (which has the run's slot fields).
func (p *pattern) filterEnvOn(o *plan.Operand, st *stream, now *jen.Statement, run string) expr.Env {
	return expr.Env{
		In: jen.Id("e"), InFields: st.Fields, TS: jen.Id("ts"), Now: now,
		Ref: func(r *plan.Ref) expr.Slot {
			if r.Source == o.Source && r.Index == nil {
				return expr.Slot{
					Val:  jen.Id("e").Dot(st.Fields[r.Attr]),
					Null: jen.Id("e").Dot("Null").Dot("Is").Call(jen.Lit(r.Attr)),
				}
			}
			return p.refSlot(run, r)
		},
		EventTime: func(src int) expr.Slot {
			if src == o.Source {
				return expr.Slot{Val: jen.Id("ts")}
			}
			return p.timeSlot(run, src)
		},
	}
}
