package bench

import (
	"fmt"
	"math/bits"
	"math/rand/v2"
	"strconv"
)

// event is one generated input event. Workloads with two input streams use
// stream (0 or 1) to say which one it goes to; each workload reads the
// attributes its app declares.
type event struct {
	stream uint8
	key    string
	price  float64
	volume int64
	ts     int64 // event time (ms) within one pass over the events
}

// dataSpec says how to generate a workload's input.
type dataSpec struct {
	logN    int     // 1<<logN events, replayed cyclically
	keys    int     // distinct keys
	prefix  string  // key prefix: "S" gives "S0000"…
	perMs   int     // events per millisecond of event time, a power of two
	streams int     // 1, or 2 for two-stream workloads (each event picks one at random)
	json    bool    // also render the events as JSON lines
	seed    uint64  // the generator's seed
	maxP    float64 // prices are uniform in [0, maxP), in cents
	maxV    int64   // volumes are uniform in [0, maxV)
}

// data is a workload's input, generated once, before anything is measured.
// Event i of an endless run is events[i&mask] at time at(i): the events
// repeat, the clock keeps going.
type data struct {
	events []event
	lines  [][]byte // events as JSON lines (only when spec.json), sharing one buffer
	mask   int
	shift  int
	span   int64 // the event time of one pass
}

// at returns the event time of event i of an endless run.
func (d *data) at(i int) int64 {
	return d.events[i&d.mask].ts + d.cycle(i)
}

// cycle returns what to add to the time of events[i&mask] for event i.
func (d *data) cycle(i int) int64 { return int64(i>>d.shift) * d.span }

func generate(s dataSpec) *data {
	if s.perMs <= 0 || bits.OnesCount(uint(s.perMs)) != 1 {
		panic(fmt.Sprintf("bench: perMs %d is not a power of two", s.perMs))
	}
	n := 1 << s.logN
	keys := make([]string, s.keys)
	width := len(strconv.Itoa(s.keys - 1))
	for i := range keys {
		keys[i] = fmt.Sprintf("%s%0*d", s.prefix, width, i)
	}
	rng := rand.New(rand.NewPCG(s.seed, 0x9e3779b97f4a7c15))
	d := &data{events: make([]event, n), mask: n - 1, shift: s.logN, span: int64(n / s.perMs)}
	for i := range d.events {
		e := &d.events[i]
		if s.streams > 1 {
			e.stream = uint8(rng.IntN(s.streams))
		}
		e.key = keys[rng.IntN(len(keys))]
		e.price = float64(rng.IntN(int(s.maxP*100))) / 100
		e.volume = rng.Int64N(s.maxV)
		e.ts = int64(i / s.perMs)
	}
	if s.json {
		d.lines = jsonLines(d.events)
	}
	return d
}

// jsonLines renders each event as a JSON object of about 60 bytes, all in
// one buffer, with the time as the "ts" attribute:
// {"symbol":"S0042","price":123.45,"volume":567,"ts":1712345678901}
func jsonLines(events []event) [][]byte {
	const epoch = 1_712_000_000_000 // event times as recent wall-clock ms
	var buf []byte
	ends := make([]int, len(events))
	for i, e := range events {
		buf = append(buf, `{"symbol":"`...)
		buf = append(buf, e.key...)
		buf = append(buf, `","price":`...)
		buf = strconv.AppendFloat(buf, e.price, 'f', -1, 64)
		buf = append(buf, `,"volume":`...)
		buf = strconv.AppendInt(buf, e.volume, 10)
		buf = append(buf, `,"ts":`...)
		buf = strconv.AppendInt(buf, epoch+e.ts, 10)
		buf = append(buf, '}')
		ends[i] = len(buf)
		buf = append(buf, '\n')
	}
	lines := make([][]byte, len(events))
	start := 0
	for i, end := range ends {
		lines[i] = buf[start:end:end]
		start = end + 1
	}
	return lines
}
