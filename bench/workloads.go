package bench

import "sync"

// workload is one benchmark: an app, its input, and its implementations.
type workload struct {
	name string // the benchmark is Benchmark<Title>; generated adapters register under name
	app  string // apps/<app>.eventflux, generated into gen/<app>
	spec dataSpec
	warm int                  // events processed before measuring: fills windows and tables
	hand func(d *data) runner // the hand-written baseline
	refs []reference          // other implementations shown for reference
	once sync.Once
	d    *data
}

type reference struct {
	name string
	new  func(d *data) runner
}

// input returns the workload's data, generating it on first use.
func (w *workload) input() *data {
	w.once.Do(func() { w.d = generate(w.spec) })
	return w.d
}

// stock is the input of the stock-tick workloads: 1000 symbols, prices in
// [0, 200), volumes in [0, 2000), one event per ms.
var stock = dataSpec{logN: 16, keys: 1000, prefix: "S", perMs: 1, streams: 1, seed: 1, maxP: 200, maxV: 2000}

// workloads lists the benchmarks, in the order of the report.
var workloads = []*workload{
	{name: "filter", app: "filter", spec: stock, warm: 1 << 16,
		hand: newHandFilter},
	{name: "sliding", app: "sliding", spec: stock, warm: 1 << 16, hand: newHandSliding},
	{name: "timecount", app: "timecount",
		// 100k keys, two events per ms: 120k events in the one-minute window.
		spec: dataSpec{logN: 18, keys: 100_000, prefix: "K", perMs: 2, streams: 1, seed: 2, maxP: 1, maxV: 1000},
		warm: 1 << 18, hand: newHandTimeCount},
	{name: "tumbling", app: "tumbling",
		// Four events per ms: 4000 events and ~980 symbols per batch.
		spec: with(stock, func(s *dataSpec) { s.perMs = 4; s.seed = 3 }),
		warm: 1 << 16, hand: newHandTumbling},
	{name: "join", app: "join",
		spec: with(stock, func(s *dataSpec) { s.streams = 2; s.seed = 4 }),
		warm: 1 << 16, hand: newHandJoin},
	{name: "pattern", app: "pattern",
		// 10k keys, four events per ms: ~12 As per key per minute. Two passes
		// of warm-up: the events repeat, so the waiting queues stop growing.
		spec: dataSpec{logN: 18, keys: 10_000, prefix: "K", perMs: 4, streams: 2, seed: 5, maxP: 200, maxV: 1},
		warm: 1 << 19, hand: newHandPattern},
	{name: "json", app: "filter",
		spec: with(stock, func(s *dataSpec) { s.json = true; s.seed = 6 }),
		warm: 1 << 16, hand: newHandJSON,
		refs: []reference{{"encodingjson", newEncodingJSON}}},
}

func with(s dataSpec, f func(*dataSpec)) dataSpec {
	f(&s)
	return s
}

func workloadNamed(name string) *workload {
	for _, w := range workloads {
		if w.name == name {
			return w
		}
	}
	panic("bench: no workload " + name)
}
