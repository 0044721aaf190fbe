// Package codegen emits a Go package for a physical plan with dave/jennifer.
//
// The generated package (DESIGN.md "The generated package") has one struct
// per stream, an App holding subscriber lists and output buffers, typed
// Send/On methods, one method per query, and generated JSON codecs for the
// rt.Program interface. Generation functions are named gen<Construct> and
// run in output order.
//
// Chunks (§4.6): streams deliver *rt.Chunk[T] (parallel timestamps and
// events, reused by their producer) to their consuming queries in order,
// each processing the whole chunk first; subscribers still get one event
// per call. Send<T> wraps its event in a one-event chunk.
//
// Send<T> first tests the WHERE of its consumers when they are all
// stateless queries with a pure condition (q<N>Accepts) and nobody
// subscribes, and returns at once when none accepts the event.
//
// Timers: constructs allocate timer kinds (newTimer) with a handler method;
// AdvanceTo (inlined: a Due test) calls fire, which pops the rt.TimerQueue
// and switches on the kind. rt.Timer.Arg is free for the kind's data
// (session slots, pattern runs); rt.Timer.Inst is the slot of the
// partition instance that owns the timer. A time or delay window keeps its
// timers in an rt.Chain (only the earliest in the queue, same firing
// order), and so does a pattern query outside partitions for its WITHIN
// expiries (Chain.ScheduleOr: one earlier than the chain's last is queued
// on its own with the query's other timer kind).
//
// Partitions (gen_partition.go): the queries of a partition are generated
// as methods of an instance type that embeds *App and holds their state;
// the App keeps one instance per key in an rt.Instances and dispatches
// each stream the partition reads by key (or to every instance). Both
// receivers are named a, so query generation only changes the receiver
// type, where New's statements go (the instance's init) and how timers are
// scheduled (qgen.recv, qgen.init, qgen.newTimer).
//
// Parallel runs (gen_parallel.go): plan.Parallel decides whether copies of
// the App can share the input by partition key; the App then routes events
// with RouteJSON/Route<T> for rt/driver.RunParallel.
//
// State: a windowed query holds q<N>Event structs (timestamp and only the
// attributes it reads, filled in place by q<N>Hold) in rt.Ring buffers;
// aggregates live in a q<N>Group struct, one rt kernel field per aggregate,
// in an rt.Table keyed by the one GROUP BY attribute's type (its null key
// apart) or the q<N>Key struct, or in a single field. The selector methods
// Begin/Select/Reset/End implement §6.2 per emission; groups whose window
// holds no event are deleted at the end of the emission (rt.Table deletes
// lazily). In FIFO windows a held event carries its group's slot
// (state.heldGroup), so expiring it needs no lookup; when the window
// selects events as they arrive and emits no expired rows, q<N>Select
// reads a current event from the input event and the held event keeps
// only what expiring it reads (state.leanHeld: fewer bytes per held
// event). Likewise a join side's
// held event carries its key's slot in the side's exposed index. Grouped aggregations
// over lengthBatch/timeBatch that nothing else can tell apart aggregate on
// arrival and build one row per group at the flush (gen_batch.go). Cron
// windows and triggers hold their expression as an rt.Cron literal of the
// sets compiler/cron parsed (trigger.go: cronLit).
//
// Tables (table.go): a row struct per table in an rt.Rows (insertion
// order, stable slots) plus an rt.Table from the primary-key struct to the
// slot; a table target's emit method inserts rows, and every search (UPDATE,
// DELETE, UPSERT, IN, a table join side) is a primary-key lookup when the
// condition fixes the key, else a scan. An UPSERT whose select needs the
// selector (upsert.go) is generated as an INSERT into an extended row type
// (the table's columns plus the input attributes ON reads) whose emit
// method upserts. Joins (join.go): each stream side
// is a pseudo query running its own window code whose selector hook
// exposes the event to the other side and probes it; hash-indexed
// exposures when the optimizer chose plan.JoinIndex. Triggers
// (trigger.go) are timer kinds that deliver one-event chunks.
package codegen

import (
	"bytes"
	"fmt"
	"runtime/debug"

	"github.com/dave/jennifer/jen"

	"github.com/efluxc/efluxc/codegen/expr"
	"github.com/efluxc/efluxc/compiler/diag"
	"github.com/efluxc/efluxc/compiler/plan"
	"github.com/efluxc/efluxc/compiler/source"
)

// Options control code generation.
type Options struct {
	Package string // Go package name of the generated code
	Source  string // source file name for the header comment, e.g. "stock.eventflux"
	// SourceText is the application's text, optional: when present the
	// comment above each query quotes its first source line.
	SourceText []byte
}

const (
	rtPath     = expr.RtPath
	stdlibPath = expr.StdlibPath
)

// Generate returns the generated files, by file name. Constructs that are not
// implemented yet are rejected with a diag.List of diag.Unsupported errors
// ("not supported yet: <construct>") at their positions.
func Generate(p *plan.Physical, opts Options) (files map[string][]byte, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = diag.List{{Pos: source.Pos{File: opts.Source}, Code: diag.Internal,
				Msg: fmt.Sprintf("internal compiler error in codegen: %v\n%s", r, debug.Stack())}}
		}
	}()
	if l := unsupported(p.App); len(l) > 0 {
		return nil, l.Err()
	}
	m := newModel(p, opts)

	gens := m.buildQueries()
	triggers := m.buildTriggers()
	app := m.newFile()
	m.genStreams(app)
	m.genTables(app)
	m.genTimerKinds(app)
	m.genApp(app, gens)
	for _, d := range triggers {
		app.Add(d)
	}
	for _, g := range gens {
		for _, d := range g.decls {
			app.Add(d)
		}
	}

	codec := m.newFile()
	m.genCodecs(codec)
	m.genProgram(codec)
	m.genParallel(codec)

	files = map[string][]byte{}
	for _, out := range []struct {
		name string
		f    *jen.File
	}{{"app.go", app}, {"codec.go", codec}} {
		name, f := out.name, out.f
		var buf bytes.Buffer
		if err := f.Render(&buf); err != nil {
			// jen includes the unformatted source in the error.
			return nil, diag.List{{Pos: source.Pos{File: opts.Source}, Code: diag.Internal,
				Msg: "internal compiler error: generated " + name + " does not format: " + err.Error()}}
		}
		files[name] = buf.Bytes()
	}
	return files, nil
}

func (m *model) newFile() *jen.File {
	f := jen.NewFile(m.opts.Package)
	f.HeaderComment("Code generated by efluxc from " + m.opts.Source + ". DO NOT EDIT.")
	f.ImportName(rtPath, "rt")
	f.ImportName(stdlibPath, "stdlib")
	return f
}
