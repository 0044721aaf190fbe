package codegen

import (
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
	opts    Options
	streams []*stream
	queries []*query
	byPlan  map[*plan.Stream]*stream
	timers  []*timerKind // timer kinds in allocation order
	inits   []jen.Code   // statements of New after the App is allocated
}

// stream is one stream of the app.
type stream struct {
	plan      *plan.Stream
	Type      string   // Go struct type, e.g. StockStream
	Fields    []string // Go field names by attribute ordinal
	consumers []*query // queries reading the stream, in statement order
	written   bool     // some query inserts into the stream
}

// query is one query with the facts its generation needs (state.go).
type query struct {
	plan    *plan.Query
	Method  string // App method, e.g. q1; also the prefix of its fields and types
	in, out *stream
	// cyclic: the query's output can reach its own input, so it may be
	// re-entered while its output chunk is still being delivered.
	cyclic bool
	state
}

// Top-level identifiers and App methods that stream type names must not
// produce: App and New directly, SendJSON/SendJSONArray through Send<T>.
var reservedTypes = []string{"App", "New", "JSON", "JSONArray"}

func newModel(app *plan.App, opts Options) *model {
	m := &model{app: app, opts: opts, byPlan: map[*plan.Stream]*stream{}}
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
	members := names.NewScope("now", "dec", "timers", "fire")
	for _, st := range m.streams {
		members.Take("on" + st.Type)
		members.Take("in" + st.Type)
		members.Take("emit" + st.Type)
		members.Take("send" + st.Type)
	}
	for _, stmt := range app.Statements {
		q, ok := stmt.(*plan.Query)
		if !ok {
			continue
		}
		in := q.Input.(*plan.StreamInput)
		qi := &query{plan: q, in: m.byPlan[in.Source.Stream], out: m.byPlan[q.TargetStream]}
		qi.Method = members.Take(names.Unexported(q.Name))
		qi.analyze()
		qi.in.consumers = append(qi.in.consumers, qi)
		qi.out.written = true
		m.queries = append(m.queries, qi)
	}
	for _, q := range m.queries {
		q.cyclic = m.reaches(q.out, q.in, map[*stream]bool{})
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
	for _, q := range from.consumers {
		if m.reaches(q.out, to, seen) {
			return true
		}
	}
	return false
}

// input reports whether events may be sent to s from outside.
func (s *stream) input() bool {
	return s.plan.Kind == plan.Declared || s.plan.Kind == plan.Inferred
}
