package main

import (
	"strings"
	"testing"
)

const sample = `goos: linux
BenchmarkFilter
BenchmarkFilter/generated
BenchmarkFilter/generated-2 	 1000	 10.0 ns/op	 0 allocs/event	 100000000 events/s	 10.0 ns/event
BenchmarkFilter/generated-2 	 1000	 12.0 ns/op	 0 allocs/event	 83333333 events/s	 12.0 ns/event
BenchmarkFilter/generated-2 	 1000	 30.0 ns/op	 0 allocs/event	 33333333 events/s	 30.0 ns/event
BenchmarkFilter/hand
BenchmarkFilter/hand-2 	 1000	 8.0 ns/op	 0 allocs/event	 125000000 events/s	 8.0 ns/event
BenchmarkSliding
BenchmarkSliding/generated
    bench_test.go:28: sliding.eventflux: not supported yet: window 'length'
--- SKIP: BenchmarkSliding/generated
BenchmarkSliding/hand
BenchmarkSliding/hand-2 	 100	 50.0 ns/op	 0 allocs/event	 20000000 events/s	 50.0 ns/event
BenchmarkJSON/generated-2 	 100	 200 ns/op	 0 allocs/event	 5000000 events/s	 200 ns/event
BenchmarkJSON/hand-2 	 100	 190 ns/op	 0 allocs/event	 5263157 events/s	 190 ns/event
BenchmarkJSON/encodingjson-2 	 100	 900 ns/op	 5 allocs/event	 1111111 events/s	 900 ns/event
PASS
`

func TestTable(t *testing.T) {
	rep, err := parse(strings.NewReader(sample))
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	rep.write(&b)
	want := `| workload | generated ns/event | hand ns/event | generated/hand | generated allocs/event | hand allocs/event | generated events/s | hand events/s |
|---|--:|--:|--:|--:|--:|--:|--:|
| Filter | 12.0 | 8.00 | 1.50x | 0 | 0 | 83.33M | 125.00M |
| Sliding | skipped | 50.0 | — | skipped | 0 | skipped | 20.00M |
| JSON | 200 | 190 | 1.05x | 0 | 0 | 5.00M | 5.26M |
| JSON vs encodingjson | 200 | 900 | 0.22x | 0 | 5 | 5.00M | 1.11M |

- Sliding/generated skipped: sliding.eventflux: not supported yet: window 'length'
`
	if got := b.String(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}
