package filterproject

import (
	"errors"
	"strings"
	"testing"

	"github.com/efluxc/efluxc/rt"
)

func run(t *testing.T, events ...string) []string {
	t.Helper()
	a := New()
	var out []string
	if err := a.Subscribe("HighPrice", rt.FormatArray, func(ts int64, b []byte) { out = append(out, string(b)) }); err != nil {
		t.Fatal(err)
	}
	for _, e := range events {
		if err := a.SendJSONArray("StockStream", 0, []byte(e)); err != nil {
			t.Fatalf("%s: %v", e, err)
		}
	}
	return out
}

func TestFilterProject(t *testing.T) {
	got := run(t,
		`["IBM", 150.5, 10]`,
		`["LOW", 99.5, 10]`,  // price too low
		`["NUL", null, 10]`,  // null price: unknown, dropped
		`["NOV", 200, null]`, // volume IS NOT NULL is false
		`[null, 101.25, 7]`,  // null symbol is projected
		`["BIG", 1e308, 1]`,  // doubling overflows to +Inf: null in JSON
	)
	want := []string{`["IBM",301.0,10]`, `[null,202.5,7]`, `["BIG",null,1]`}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestSendJSONObject(t *testing.T) {
	a := New()
	var out []string
	a.Subscribe("HighPrice", rt.FormatObject, func(ts int64, b []byte) { out = append(out, string(b)) })
	if err := a.SendJSON("StockStream", 5, []byte(`{"price": 120, "volume": 3}`)); err != nil {
		t.Fatal(err)
	}
	if want := `{"symbol":null,"doubled":240.0,"volume":3}`; len(out) != 1 || out[0] != want {
		t.Errorf("got %v, want %s", out, want)
	}
	for _, c := range []struct{ in, err string }{
		{`{"price": "x"}`, `attribute "price": expected DOUBLE, got a string`},
		{`{"volume": 1.5}`, `attribute "volume": expected LONG, 1.5 is not an integer`},
		{`{"other": 1}`, `stream StockStream has no attribute "other"`},
		{`{"price": 1`, `invalid JSON`},
		{`[1]`, `invalid JSON`},
	} {
		err := a.SendJSON("StockStream", 5, []byte(c.in))
		if err == nil || !strings.Contains(err.Error(), c.err) {
			t.Errorf("%s: got error %v, want %q", c.in, err, c.err)
		}
	}
	if err := a.SendJSON("Nope", 0, []byte(`{}`)); !errors.Is(err, rt.ErrUnknownStream) {
		t.Errorf("unknown stream: got %v", err)
	}
	if err := a.SendJSONArray("StockStream", 0, []byte(`["a", 1]`)); err == nil || !strings.Contains(err.Error(), "expected 3 values, got 2") {
		t.Errorf("short array: got %v", err)
	}
	if err := a.SendJSONArray("StockStream", 0, []byte(`["a", 1, 2, 3]`)); err == nil || !strings.Contains(err.Error(), "expected 3 values, got 4") {
		t.Errorf("long array: got %v", err)
	}
}

func TestStreams(t *testing.T) {
	s := New().Streams()
	if len(s) != 2 || s[0].Name != "StockStream" || !s[0].Input || s[0].Output || s[1].Name != "HighPrice" || !s[1].Output ||
		s[1].Attrs[1] != (rt.Attribute{Name: "doubled", Type: rt.Double}) {
		t.Errorf("Streams() = %+v", s)
	}
}
