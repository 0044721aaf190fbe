package codegen

import (
	"fmt"

	"github.com/dave/jennifer/jen"

	"github.com/efluxc/efluxc/codegen/names"
	"github.com/efluxc/efluxc/compiler/plan"
	"github.com/efluxc/efluxc/compiler/types"
)

// partition is one PARTITION block (§11). Its queries' state lives in an
// instance struct, one per key, held by the App in an rt.Instances; the
// queries are generated as methods of the instance type. The partition is
// one consumer of each stream it reads: a dispatch method on the App routes
// each event of a partitioned stream to its key's instance (consecutive
// events of one key as one chunk) and broadcasts chunks of the other
// streams it reads to every instance in creation order.
type partition struct {
	plan    *plan.Partition
	Name    string // prefix of its App fields and methods, e.g. p1
	Type    string // the instance type, e.g. p1Instance
	queries []*query
	reads   []*partRead // streams read from outside the partition, in first-read order
	inits   []jen.Code  // statements run when an instance is created (receiver a)
	fields  []jen.Code  // instance fields of its queries
	// cyclic: the partition's output can reach a stream it reads, so its
	// dispatch may be re-entered.
	cyclic bool
	// closed lists the range labels when every key is a range key: the
	// key domain is small and closed, and an instance's slot is its
	// label's index (no hash lookup).
	closed []string
	// purge: instances whose state is empty are removed (bounded memory
	// over churning keys). Only when removing cannot be observed: no
	// broadcast stream, no cycle, and every query's state is either empty
	// or testable for emptiness (idle).
	purge  bool
	timers bool // some query of the partition schedules timers
}

// partRead is a stream that a partition reads from outside.
type partRead struct {
	s       *stream
	key     *plan.PartitionKey // nil: not partitioned, broadcast to every instance
	queries []*query           // the instance's consumers of s, in source order
	Method  string             // App method dispatching a chunk of s, e.g. p1StockStream
}

func (m *model) newPartition(pt *plan.Partition, members *names.Scope, newQuery func(*plan.Query, *partition) *query) {
	p := &partition{plan: pt, Name: members.Take(fmt.Sprintf("p%d", len(m.parts)+1))}
	p.Type = members.Take(p.Name + "Instance")
	m.parts = append(m.parts, p)
	for _, s := range pt.Inner {
		m.byPlan[s].part = p
	}
	closed := true
	for _, k := range pt.Keys {
		if k.Value != nil {
			closed = false
			continue
		}
		for _, r := range k.Ranges {
			if indexOf(p.closed, r.Label) < 0 {
				p.closed = append(p.closed, r.Label)
			}
		}
	}
	if !closed {
		p.closed = nil
	}
	for _, pq := range pt.Queries {
		q := newQuery(pq, p)
		p.queries = append(p.queries, q)
		for _, s := range q.ins {
			if s.part != nil {
				s.consumers = append(s.consumers, consumer{q: q})
				continue
			}
			r := p.read(s)
			if r == nil {
				r = &partRead{s: s, Method: members.Take(p.Name + s.Type)}
				for _, k := range pt.Keys {
					if k.Stream == s.plan {
						r.key = k
					}
				}
				p.reads = append(p.reads, r)
				s.consumers = append(s.consumers, consumer{p: p})
			}
			r.queries = append(r.queries, q)
		}
	}
}

func indexOf(l []string, s string) int {
	for i, x := range l {
		if x == s {
			return i
		}
	}
	return -1
}

func (p *partition) read(s *stream) *partRead {
	for _, r := range p.reads {
		if r.s == s {
			return r
		}
	}
	return nil
}

// broadcasts reports whether the partition reads a stream it is not
// partitioned on.
func (p *partition) broadcasts() bool {
	for _, r := range p.reads {
		if r.key == nil {
			return true
		}
	}
	return false
}

func (p *partition) purgeable() bool {
	if p.cyclic || p.broadcasts() {
		return false
	}
	for _, q := range p.queries {
		if _, ok := q.idle(); !ok {
			return false
		}
	}
	return true
}

// idle returns the condition under which the query holds no state (nil:
// always), or ok false when its state cannot be tested for emptiness or
// never becomes empty: an instance holding such a query is never removed.
// Pending timers are counted per instance separately.
func (q *query) idle() (cond *jen.Statement, ok bool) {
	p := q.plan
	if q.pat != nil || q.join != nil {
		return nil, false // automata keep their start runs; join sides are windows of their own
	}
	if !q.stateful() {
		return nil, true
	}
	if p.Rate != nil || q.forever {
		return nil, false
	}
	if q.grouped && !q.deletable {
		return nil, false
	}
	if !q.windowed() {
		// Without a window, groups only collapse rows within an emission;
		// a running aggregate never becomes empty.
		return nil, !p.Aggregating
	}
	switch q.win.Kind {
	case plan.WinTime, plan.WinTimeLength, plan.WinExternalTime:
	default:
		return nil, false
	}
	if p.Aggregating && !q.grouped && !exactAggs(q.aggs) {
		// A float sum emptied by removals may keep a rounding residue that
		// a new instance would not have.
		return nil, false
	}
	return q.f("Win").Dot("Len").Call().Op("==").Lit(0), true
}

// exactAggs reports whether every aggregate returns to its initial state
// when its last value is removed.
func exactAggs(aggs []*plan.Agg) bool {
	for _, a := range aggs {
		switch a.Kind {
		case plan.AggSum, plan.AggSumDistinct:
			if sumType(a.Arg.Type()) == types.Double {
				return false
			}
		case plan.AggAvg, plan.AggStdDev, plan.AggVariance:
			return false
		}
	}
	return true
}
