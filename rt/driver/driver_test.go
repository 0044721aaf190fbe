package driver

import (
	"bytes"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/efluxc/efluxc/rt"
)

// echo is a fake program: In(x INT) is copied to Out(x INT); Side(y INT)
// is a second input stream, also written by a query (so not the default).
type echo struct {
	subs    []func(ts int64, b []byte)
	clock   []int64
	sc      rt.Scanner
	sendLog []string
}

func (e *echo) Streams() []rt.StreamInfo {
	x := []rt.Attribute{{Name: "x", Type: rt.Int}}
	return []rt.StreamInfo{
		{Name: "In", Attrs: x, Input: true},
		{Name: "Side", Attrs: []rt.Attribute{{Name: "y", Type: rt.Int}}, Input: true, Output: true},
		{Name: "Out", Attrs: x, Input: true, Output: true},
	}
}

func (e *echo) SendJSON(stream string, ts int64, obj []byte) error {
	var x int32
	var m rt.NullMask = 1
	e.sc.Reset(obj)
	for e.sc.NextKey() {
		if string(e.sc.Key()) == "x" && stream != "Side" || string(e.sc.Key()) == "y" && stream == "Side" {
			e.sc.ReadInt(&x, &m, 0, string(e.sc.Key()))
		} else {
			e.sc.UnknownKey(stream)
		}
	}
	if err := e.sc.Finish(); err != nil {
		return err
	}
	e.sendLog = append(e.sendLog, stream+" "+string(obj))
	switch stream {
	case "In", "Out":
	case "Side":
		return nil
	default:
		return rt.UnknownStream(stream)
	}
	b := rt.AppendKey([]byte("{"), rt.FormatObject, 0, `"x"`)
	b = rt.AppendInt(b, x, m.Is(0))
	b = append(b, '}')
	for _, fn := range e.subs {
		fn(ts, b)
	}
	return nil
}

func (e *echo) SendJSONArray(string, int64, []byte) error { panic("unused") }

func (e *echo) Subscribe(stream string, f rt.Format, fn func(int64, []byte)) error {
	switch stream {
	case "Side":
		return nil // never emits
	case "Out":
	default:
		return rt.UnknownStream(stream)
	}
	e.subs = append(e.subs, fn)
	return nil
}

func (e *echo) AdvanceTo(ts int64)          { e.clock = append(e.clock, ts) }
func (e *echo) NextDeadline() (int64, bool) { return 0, false }

func TestRunPlayback(t *testing.T) {
	in := strings.Join([]string{
		`{"_stream": "In", "_ts": 1000, "x": 1}`,
		``,
		`{"x": 2}`, // default stream In, time of the previous line
		`{"_ts": 2500}`,
		`{"_stream": "Side", "_ts": 3000, "y": 5}`,
		`not json`,
		`{"_stream": "Nope", "x": 1}`,
		`{"_stream": "In", "x": "one"}`,
		`{"_ts": 10, "x": 3}`,
		`{"_stream": "Out", "_ts": 3000}`,
		`{}`,
	}, "\n")
	var out, errOut bytes.Buffer
	p := &echo{}
	st, err := Run(p, strings.NewReader(in), &out, &errOut, Options{Playback: true})
	if err != nil {
		t.Fatal(err)
	}
	wantOut := `{"_stream":"Out","_ts":1000,"x":1}
{"_stream":"Out","_ts":1000,"x":2}
{"_stream":"Out","_ts":3000,"x":null}
`
	if out.String() != wantOut {
		t.Errorf("output:\n%s\nwant:\n%s", out.String(), wantOut)
	}
	for _, want := range []string{
		"line 6: invalid JSON",
		`line 7: unknown stream "Nope"`,
		`line 8: attribute "x": expected INT, got a string`,
		"line 9: time goes backwards: 10 after 3000",
		"line 11: empty line object",
		"read 10, skipped 5, emitted 3",
	} {
		if !strings.Contains(errOut.String(), want) {
			t.Errorf("error output lacks %q:\n%s", want, errOut.String())
		}
	}
	if st != (Stats{Read: 10, Skipped: 5, Emitted: 3}) {
		t.Errorf("stats %+v", st)
	}
	if len(p.clock) != 1 || p.clock[0] != 2500 {
		t.Errorf("AdvanceTo calls %v", p.clock)
	}
	if p.sendLog[0] != `In {"x":1}` {
		t.Errorf("meta keys not stripped: %q", p.sendLog[0])
	}
}

func TestRunWallClock(t *testing.T) {
	start := time.Unix(100, 0)
	now := start
	clock := func() time.Time { now = now.Add(250 * time.Millisecond); return now }
	var out, errOut bytes.Buffer
	_, err := Run(&echo{}, strings.NewReader("{\"x\": 1}\n{\"x\": 2, \"_ts\": 7}\n"), &out, &errOut, Options{Now: clock})
	if err != nil {
		t.Fatal(err)
	}
	want := `{"_stream":"Out","_ts":250,"x":1}
{"_stream":"Out","_ts":7,"x":2}
`
	if out.String() != want {
		t.Errorf("got\n%s", out.String())
	}
}

func TestRunStreamsOption(t *testing.T) {
	var out, errOut bytes.Buffer
	if _, err := Run(&echo{}, strings.NewReader(""), &out, &errOut, Options{Streams: []string{"Zzz"}}); err == nil {
		t.Error("unknown stream accepted")
	}
}

// ticker is a fake program with one timer due at 20 ms: it records the
// times AdvanceTo is called with.
type ticker struct {
	echo
	due      int64
	pending  bool
	advanced []int64
}

func (t *ticker) NextDeadline() (int64, bool) { return t.due, t.pending }

func (t *ticker) AdvanceTo(ts int64) {
	t.advanced = append(t.advanced, ts)
	if t.pending && ts >= t.due {
		t.pending = false
	}
}

// In wall-clock mode the driver fires due timers while no input arrives.
func TestWallClockFiresTimers(t *testing.T) {
	p := &ticker{due: 20, pending: true}
	pr, pw := io.Pipe()
	go func() {
		// Generous slack over the 20 ms deadline: a loaded CI machine may
		// schedule the driver late, but not by half a second.
		time.Sleep(500 * time.Millisecond)
		pw.Close()
	}()
	var out, errOut bytes.Buffer
	if _, err := Run(p, pr, &out, &errOut, Options{}); err != nil {
		t.Fatal(err)
	}
	if p.pending || len(p.advanced) == 0 || p.advanced[0] < 20 {
		t.Errorf("AdvanceTo calls %v: want one at ≥ 20 ms before the input ended", p.advanced)
	}
}

func TestRunTimeAttr(t *testing.T) {
	in := strings.Join([]string{
		`{"_stream": "In", "x": 1500}`,              // x is the event time
		`{"_stream": "In", "x": 2000, "_ts": 1800}`, // "_ts" wins
		`{"_stream": "In", "x": null}`,              // no time: the previous line's
	}, "\n")
	var out, errOut bytes.Buffer
	if _, err := Run(&echo{}, strings.NewReader(in), &out, &errOut, Options{Playback: true, TimeAttr: "x"}); err != nil {
		t.Fatal(err)
	}
	want := `{"_stream":"Out","_ts":1500,"x":1500}
{"_stream":"Out","_ts":1800,"x":2000}
{"_stream":"Out","_ts":1800,"x":null}
`
	if out.String() != want {
		t.Errorf("output:\n%s\nwant:\n%s\nerrors:\n%s", out.String(), want, errOut.String())
	}
}
