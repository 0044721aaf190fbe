package codegen

import (
	"fmt"

	"github.com/dave/jennifer/jen"

	"github.com/efluxc/efluxc/codegen/names"
	"github.com/efluxc/efluxc/compiler/plan"
)

// model is the plan annotated with everything generation needs: Go names,
// each stream's consumers in subscription order, and which queries lie on
// a cycle of the stream graph. Every list follows plan order, so nothing
// generated depends on map iteration.
type model struct {
	app     *plan.App
	phys    *plan.Physical
	opts    Options
	streams []*stream
	queries []*query
	byPlan  map[*plan.Stream]*stream
	tables  []*table
	// triggerFields are App fields of triggers (cron schedules).
	triggerFields []jen.Code
	byTable       map[*plan.Table]*table
	timers        []*timerKind // timer kinds in allocation order
	inits         []jen.Code   // statements of New after the App is allocated
	parts         []*partition // partitions in statement order
	inner         []*stream    // inner streams of all partitions, in definition order
}

// stream is one stream of the app.
type stream struct {
	plan      *plan.Stream
	Type      string     // Go struct type, e.g. StockStream
	Fields    []string   // Go field names by attribute ordinal
	consumers []consumer // queries and partitions reading the stream, in statement order
	written   bool       // some query inserts into the stream
	part      *partition // the owner of an inner stream (#Name)
	table     *table     // set when the "stream" is a table as an insert target
}

// consumer is one subscriber of a stream (§4.6): a query, or a partition
// as a unit (§11).
type consumer struct {
	q *query
	p *partition
}

// query is one query with the facts its generation needs (state.go).
type query struct {
	plan    *plan.Query
	Method  string // App method, e.g. q1; also the prefix of its fields and types
	in, out *stream
	// ins lists every stream the query reads (one for a stream query,
	// the pattern's streams in order of first use for a pattern), and
	// entry the App method that consumes each of them.
	ins   []*stream
	entry map[*stream]string
	pat   *pattern // a pattern or sequence query
	join  *join    // a join query
	// side is set for the pseudo query of one stream side of a join: its
	// window code calls the side's join method instead of a selector.
	side *joinSide
	// cyclic: the query's output can reach its own input, so it may be
	// re-entered while its output chunk is still being delivered.
	cyclic bool
	part   *partition // the partition the query belongs to; nil at top level
	// upsert is set for an UPSERT whose select needs the selector (window,
	// aggregation, ORDER BY, LIMIT, rate): its rows go to a sink that
	// upserts them (upsert.go).
	upsert *upsert
	// accepts: the query's WHERE is the method q<N>Accepts, which Send<T>
	// tests first (query.prefilters), set when the query is generated.
	accepts bool
	// one: the query has q<N>One(ts, e), its entry method for a single
	// event, which Send<T> calls directly (query.oneFast, stream.oneQuery).
	one bool
	state
}

// Top-level identifiers and App methods that stream type names must not
// produce: App and New directly, SendJSON/SendJSONArray through Send<T>.
var reservedTypes = []string{"App", "New", "JSON", "JSONArray"}

func newModel(p *plan.Physical, opts Options) *model {
	app := p.App
	m := &model{app: app, phys: p, opts: opts, byPlan: map[*plan.Stream]*stream{}}
	top := names.NewScope(reservedTypes...)
	for _, s := range app.Streams {
		if s.Kind == plan.InnerStream {
			continue
		}
		st := &stream{plan: s, Type: top.Take(names.Exported(s.Name))}
		fields := names.NewScope("Null")
		for _, a := range s.Attrs {
			st.Fields = append(st.Fields, fields.Take(names.Exported(a.Name)))
		}
		m.streams = append(m.streams, st)
		m.byPlan[s] = st
	}
	members := names.NewScope("now", "dec", "timers", "fire",
		"App", "key", "slot", "created", "pending", "init", "idle", "schedule")
	for _, st := range m.streams {
		members.Take("on" + st.Type)
		members.Take("in" + st.Type)
		members.Take("emit" + st.Type)
		members.Take("send" + st.Type)
		members.Take("fire" + st.Type)
		members.Take("cron" + st.Type)
	}
	m.newTables(top, members)
	for i, pt := range app.Partitions {
		for _, s := range pt.Inner {
			st := &stream{plan: s, Type: top.Take(names.Exported(fmt.Sprintf("p%d %s", i+1, s.Name)))}
			fields := names.NewScope("Null")
			for _, a := range s.Attrs {
				st.Fields = append(st.Fields, fields.Take(names.Exported(a.Name)))
			}
			m.inner = append(m.inner, st)
			m.byPlan[s] = st
		}
	}
	for _, st := range m.inner {
		members.Take("emit" + st.Type)
	}
	newQuery := func(q *plan.Query, pt *partition) *query {
		qi := &query{plan: q, out: m.byPlan[q.TargetStream], entry: map[*stream]string{}, part: pt}
		if q.TargetTable != nil {
			qi.out = m.byTable[q.TargetTable].as
		}
		qi.Method = members.Take(names.Unexported(q.Name))
		switch in := q.Input.(type) {
		case *plan.StreamInput:
			qi.in = m.byPlan[in.Source.Stream]
			qi.ins = []*stream{qi.in}
			qi.entry[qi.in] = qi.Method
			qi.analyze()
		case *plan.PatternInput:
			qi.pat = m.newPattern(qi, in, members)
			if t := qi.pat.timer; t != nil && pt != nil {
				t.part, pt.timers = pt, true
			}
			qi.analyze()
		case *plan.JoinInput:
			qi.join = m.newJoin(qi, in, members)
			l, r := qi.join.sides[0], qi.join.sides[1]
			for _, s := range qi.join.sides {
				if s.st != nil && qi.entry[s.st] == "" {
					qi.ins = append(qi.ins, s.st)
					qi.entry[s.st] = s.q.Method
				}
			}
			if l.st != nil && l.st == r.st {
				qi.entry[l.st] = qi.Method // the self-join entry
			}
			qi.analyze()
		}
		if q.Kind == plan.Upsert && (qi.stateful() || q.Limit >= 0 || q.Offset > 0) {
			qi.upsert = m.newUpsert(qi, top, members)
		}
		qi.out.written = true
		m.queries = append(m.queries, qi)
		return qi
	}
	for _, stmt := range app.Statements {
		switch stmt := stmt.(type) {
		case *plan.Query:
			qi := newQuery(stmt, nil)
			for _, s := range qi.ins {
				s.consumers = append(s.consumers, consumer{q: qi})
			}
		case *plan.Partition:
			m.newPartition(stmt, members, newQuery)
		}
	}
	for _, q := range m.queries {
		for _, in := range q.ins {
			q.cyclic = q.cyclic || m.reaches(q.out, in, map[*stream]bool{})
		}
	}
	for _, p := range m.parts {
		for _, r := range p.reads {
			if m.reachesFrom(p, r.s) {
				p.cyclic = true
			}
		}
		p.purge = p.purgeable()
	}
	for _, q := range m.queries {
		q.decideIncremental()
	}
	return m
}

// reaches reports whether events of from can flow into to.
func (m *model) reaches(from, to *stream, seen map[*stream]bool) bool {
	if from == to {
		return true
	}
	if seen[from] {
		return false
	}
	seen[from] = true
	for _, c := range from.consumers {
		if c.q != nil && m.reaches(c.q.out, to, seen) {
			return true
		}
		if c.p != nil {
			for _, q := range c.p.queries {
				if m.reaches(q.out, to, seen) {
					return true
				}
			}
		}
	}
	return false
}

// reachesFrom reports whether the output of a partition's queries can flow
// into stream to.
func (m *model) reachesFrom(p *partition, to *stream) bool {
	for _, q := range p.queries {
		if m.reaches(q.out, to, map[*stream]bool{}) {
			return true
		}
	}
	return false
}

// input reports whether events may be sent to s from outside.
func (s *stream) input() bool {
	return s.plan.Kind == plan.Declared || s.plan.Kind == plan.Inferred
}
