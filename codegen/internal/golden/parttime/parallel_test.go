package parttime

import (
	"bytes"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/efluxc/efluxc/rt"
	"github.com/efluxc/efluxc/rt/driver"
)

// input is n JSON lines over keys symbols, one event per ms, and a final
// clock line past every window.
func input(n, keys int) []byte {
	var b bytes.Buffer
	for i := range n {
		fmt.Fprintf(&b, `{"_ts":%d,"symbol":"s%d","price":%d.5,"volume":%d}`+"\n", i, (i*7919)%keys, i%97, i%13)
	}
	fmt.Fprintf(&b, `{"_ts":%d}`+"\n", n+2000)
	return b.Bytes()
}

// perKey groups output lines by their symbol, keeping their order.
func perKey(t *testing.T, out []byte) map[string][]string {
	m := map[string][]string{}
	for _, l := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		i := strings.Index(l, `"symbol":`)
		if i < 0 {
			t.Fatalf("no symbol in %s", l)
		}
		k := l[i+len(`"symbol":`):]
		k = k[:strings.IndexByte(k[1:], '"')+2]
		m[k] = append(m[k], l)
	}
	return m
}

func newApp() rt.Program { return New() }

// The parallel driver gives every key the outputs one App gives it, in
// the same order, with 1, 2 and 3 copies.
func TestParallelSameOutputs(t *testing.T) {
	in := input(30000, 500)
	var one bytes.Buffer
	if _, err := driver.Run(New(), bytes.NewReader(in), &one, io.Discard, driver.Options{Playback: true}); err != nil {
		t.Fatal(err)
	}
	want := perKey(t, one.Bytes())
	for _, n := range []int{1, 2, 3} {
		var out bytes.Buffer
		st, err := driver.RunParallel(newApp, n, bytes.NewReader(in), &out, io.Discard, driver.Options{Playback: true})
		if err != nil {
			t.Fatal(err)
		}
		got := perKey(t, out.Bytes())
		if len(got) != len(want) || st.Emitted != strings.Count(one.String(), "\n") {
			t.Fatalf("-parallel %d: %d keys, %d events; want %d keys", n, len(got), st.Emitted, len(want))
		}
		keys := make([]string, 0, len(want))
		for k := range want {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			if strings.Join(got[k], "\n") != strings.Join(want[k], "\n") {
				t.Fatalf("-parallel %d: key %s differs:\n got %v\nwant %v", n, k, got[k], want[k])
			}
		}
	}
}

// Instances whose window emptied are removed: the live instance count
// follows the window's content, not the keys ever seen, and a removed
// instance is reused without allocating.
func TestInstancesFollowWindow(t *testing.T) {
	a := New()
	ev := &Trades{}
	peak := 0
	names := make([]string, 100000)
	for i := range names {
		names[i] = "s" + strconv.Itoa(i)
	}
	for i := range 300000 {
		ev.Symbol = names[(i*7919)%len(names)]
		ev.Volume = 1
		a.SendTrades(int64(i), ev)
		peak = max(peak, a.LiveInstances())
	}
	if peak > 1000 {
		t.Errorf("peak live instances %d, want at most 1000 (one event per ms, 1 s window)", peak)
	}
	a.AdvanceTo(300000 + 1000)
	if n := a.LiveInstances(); n != 0 {
		t.Errorf("live instances after every event expired: %d, want 0", n)
	}
}

// Steady state over 10k live keys allocates nothing per event.
func TestSendAllocs(t *testing.T) {
	a := New()
	n := 0
	a.OnStats(func(ts int64, e *Stats) { n++ })
	names := make([]string, 10000)
	for i := range names {
		names[i] = "s" + strconv.Itoa(i)
	}
	ev := &Trades{}
	i := 0
	send := func() {
		// 10 events per ms over a 1 s window: every key stays live.
		ev.Symbol = names[i%len(names)]
		ev.Price = float64(i % 50)
		ev.Volume = int64(i % 7)
		a.SendTrades(int64(i/10), ev)
		i++
	}
	for range 50000 {
		send()
	}
	if allocs := testing.AllocsPerRun(20000, send); allocs != 0 {
		t.Errorf("SendTrades: %v allocs/event, want 0", allocs)
	}
	if n == 0 {
		t.Fatal("no output")
	}
}

// BenchmarkParallel runs the JSON driver over 10k keys (10 events per ms,
// 1 s time window) with 1 and 2 copies; events/s is b.N / elapsed.
func BenchmarkParallel(b *testing.B) {
	const events = 200000
	in := input(events, 10000)
	for _, n := range []int{1, 2} {
		b.Run(fmt.Sprintf("copies=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := driver.RunParallel(newApp, n, bytes.NewReader(in), io.Discard, io.Discard, driver.Options{Playback: true}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(events*b.N)/b.Elapsed().Seconds(), "events/s")
		})
	}
}

// BenchmarkScaling is the generated code's own scaling, without JSON:
// typed events over 10k keys, split by RouteTrades % n ahead of time,
// each of n goroutines sending its share to its own App. events/s is the
// total rate; allocs are per event over the whole run, in steady state
// (every key's instance exists before the timer starts).
func BenchmarkScaling(b *testing.B) {
	const keys, perKey = 10000, 20
	names := make([]string, keys)
	for i := range names {
		names[i] = "s" + strconv.Itoa(i)
	}
	for _, n := range []int{1, 2} {
		b.Run(fmt.Sprintf("goroutines=%d", n), func(b *testing.B) {
			router := New()
			apps := make([]*App, n)
			shares := make([][]Trades, n)
			for i := range apps {
				apps[i] = New()
			}
			for i := range keys * perKey {
				e := Trades{Symbol: names[i%keys], Price: float64(i % 50), Volume: int64(i % 7)}
				k := router.RouteTrades(&e) % uint64(n)
				shares[k] = append(shares[k], e)
			}
			// 10 events per ms: a 1 s window holds 10k events, one per key.
			ts := make([]int64, n)
			run := func() {
				done := make(chan struct{})
				for g := range n {
					go func() {
						a, t := apps[g], ts[g]
						for i := range shares[g] {
							a.SendTrades(t/10, &shares[g][i])
							t += int64(n)
						}
						ts[g] = t
						done <- struct{}{}
					}()
				}
				for range n {
					<-done
				}
			}
			run() // warm: every instance exists
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				run()
			}
			total := float64(keys * perKey * b.N)
			b.ReportMetric(total/b.Elapsed().Seconds(), "events/s")
		})
	}
}
