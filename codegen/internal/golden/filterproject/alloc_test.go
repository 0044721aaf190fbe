package filterproject

import "testing"

// The hot path of a generated filter+project app must not allocate:
// events are delivered as pointers to App-owned structs.
func TestSendAllocs(t *testing.T) {
	a := New()
	n := 0
	a.OnHighPrice(func(ts int64, e *HighPrice) { n++ })
	ev := &StockStream{Symbol: "IBM", Price: 150, Volume: 10}
	allocs := testing.AllocsPerRun(1000, func() { a.SendStockStream(1, ev) })
	if allocs != 0 {
		t.Errorf("SendStockStream: %v allocs/event, want 0", allocs)
	}
	if n == 0 {
		t.Fatal("no output")
	}
}

// Decoding a typical JSON event and encoding the output do not allocate
// once warm (repeated strings are interned, buffers reused).
func TestJSONAllocs(t *testing.T) {
	a := New()
	n := 0
	if err := a.Subscribe("HighPrice", 0, func(ts int64, b []byte) { n += len(b) }); err != nil {
		t.Fatal(err)
	}
	in := []byte(`{"symbol": "IBM", "price": 150.25, "volume": 100}`)
	allocs := testing.AllocsPerRun(1000, func() {
		if err := a.SendJSON("StockStream", 1, in); err != nil {
			t.Fatal(err)
		}
	})
	if allocs != 0 {
		t.Errorf("SendJSON+Subscribe: %v allocs/event, want 0", allocs)
	}
	if n == 0 {
		t.Fatal("no output")
	}
}

func BenchmarkSend(b *testing.B) {
	a := New()
	a.OnHighPrice(func(ts int64, e *HighPrice) {})
	ev := &StockStream{Symbol: "IBM", Price: 150, Volume: 10}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		ev.Price = float64(50 + i%100*2)
		a.SendStockStream(int64(i), ev)
	}
}

func BenchmarkSendJSON(b *testing.B) {
	a := New()
	a.Subscribe("HighPrice", 0, func(ts int64, b []byte) {})
	in := []byte(`{"symbol": "IBM", "price": 150.25, "volume": 100}`)
	b.ReportAllocs()
	for b.Loop() {
		a.SendJSON("StockStream", 1, in)
	}
}
