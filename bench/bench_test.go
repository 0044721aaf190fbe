package bench

import (
	"fmt"
	"runtime"
	"testing"
)

// generated holds the constructors of the generated implementations, by
// workload name; the adapters (generated_*_test.go) register them.
var generated = map[string]func(d *data) runner{}

func BenchmarkFilter(b *testing.B)    { benchWorkload(b, "filter") }
func BenchmarkSliding(b *testing.B)   { benchWorkload(b, "sliding") }
func BenchmarkTimeCount(b *testing.B) { benchWorkload(b, "timecount") }
func BenchmarkTumbling(b *testing.B)  { benchWorkload(b, "tumbling") }
func BenchmarkJoin(b *testing.B)      { benchWorkload(b, "join") }
func BenchmarkPattern(b *testing.B)   { benchWorkload(b, "pattern") }
func BenchmarkJSON(b *testing.B)      { benchWorkload(b, "json") }

// benchWorkload runs the generated and the hand-written implementation of a
// workload (and its references) as sub-benchmarks of one process.
func benchWorkload(b *testing.B, name string) {
	w := workloadNamed(name)
	b.Run("generated", func(b *testing.B) {
		mk, err := generatedRunner(w)
		if err != nil {
			b.Skip(err)
		}
		measure(b, w, mk)
	})
	b.Run("hand", func(b *testing.B) { measure(b, w, w.hand) })
	for _, r := range w.refs {
		b.Run(r.name, func(b *testing.B) { measure(b, w, r.new) })
	}
}

// generatedRunner returns the generated implementation of w, or why there is
// none: what codegen rejects in the app (recorded by TestFresh), or a
// missing adapter.
func generatedRunner(w *workload) (func(d *data) runner, error) {
	if mk := generated[w.name]; mk != nil {
		return mk, nil
	}
	if why, ok := notGenerated[w.app]; ok {
		return nil, fmt.Errorf("%s.eventflux: %s", w.app, why)
	}
	return nil, fmt.Errorf("no generated package for %s.eventflux; run go test ./bench/fresh -update", w.app)
}

// measure warms a fresh runner up, then times b.N events and reports
// ns/event, allocs/event and events/s (an op is one event).
func measure(b *testing.B, w *workload, mk func(d *data) runner) {
	d := w.input()
	r := mk(d)
	r.run(0, w.warm)
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	b.ResetTimer()
	r.run(w.warm, w.warm+b.N)
	b.StopTimer()
	runtime.ReadMemStats(&after)
	ns := float64(b.Elapsed().Nanoseconds()) / float64(b.N)
	b.ReportMetric(ns, "ns/event")
	b.ReportMetric(float64(after.Mallocs-before.Mallocs)/float64(b.N), "allocs/event")
	if ns > 0 {
		b.ReportMetric(1e9/ns, "events/s")
	}
	b.ReportMetric(float64(r.result().rows)/float64(w.warm+b.N), "rows/event")
}
