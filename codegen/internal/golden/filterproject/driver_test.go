package filterproject

import (
	"bytes"
	"strings"
	"testing"

	"github.com/efluxc/efluxc/rt/driver"
)

func TestDriver(t *testing.T) {
	in := `{"_ts": 1000, "symbol": "IBM", "price": 700.0, "volume": 100}
{"_ts": 1500, "symbol": "LOW", "price": 60.5, "volume": 1}
{"_ts": 2000, "symbol": "BAD", "price": "high"}
{"_ts": 2500, "symbol": "WSO2", "price": 120, "volume": 5}
`
	var out, errOut bytes.Buffer
	st, err := driver.Run(New(), strings.NewReader(in), &out, &errOut, driver.Options{Playback: true})
	if err != nil {
		t.Fatal(err)
	}
	want := `{"_stream":"HighPrice","_ts":1000,"symbol":"IBM","doubled":1400.0,"volume":100}
{"_stream":"HighPrice","_ts":2500,"symbol":"WSO2","doubled":240.0,"volume":5}
`
	if out.String() != want {
		t.Errorf("got\n%s", out.String())
	}
	if st != (driver.Stats{Read: 4, Skipped: 1, Emitted: 2}) || !strings.Contains(errOut.String(), `line 3: attribute "price": expected DOUBLE, got a string`) {
		t.Errorf("stats %+v, errors:\n%s", st, errOut.String())
	}
}
