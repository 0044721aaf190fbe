// Package driver runs a generated app (an rt.Program) over JSON lines: the
// stdin/stdout driver of `efluxc run` and of standalone binaries.
//
// # Input
//
// One JSON object per line; blank lines are ignored. The object holds the
// event's attributes by name (missing attributes are null) and two optional
// meta keys:
//
//	"_stream": the stream the event goes to. It may be left out when the
//	           app has exactly one stream that accepts input and that no
//	           query writes (the usual single-input app).
//	"_ts":     the event time in ms, an integer. Without it the driver uses,
//	           in playback mode, the time of the previous line (0 at the
//	           start) and otherwise the wall clock: ms since the driver
//	           started.
//
// A line with "_ts" and neither "_stream" nor attributes only advances the
// clock (firing due timers), like a bare time line of a test archive:
//
//	{"_stream": "StockStream", "_ts": 1000, "symbol": "IBM", "price": 700.0}
//	{"symbol": "WSO2", "price": 60.5}
//	{"_ts": 2500}
//
// # Time
//
// With -playback the clock moves only with the input: before a line with
// time T is processed, the app fires every timer due at or before T (time
// windows, output rate ticks, ...). Without it (wall-clock mode), the
// driver also fires timers as real time passes: between lines it sleeps
// until the app's NextDeadline (measured in ms since the driver started)
// and then calls AdvanceTo with the wall-clock time, so a time window
// expires and an OUTPUT EVERY 1 SECOND ticks even when no input arrives.
// With -time-attr NAME an event's attribute NAME, when it holds an integer,
// is its event time, as if it had been given as "_ts" ("_ts" wins).
//
// The app itself never reads the wall clock and starts no goroutines; the
// driver reads stdin in one goroutine and feeds the app from another.
//
// In playback mode times must not decrease. A bad line (not a JSON object,
// unknown stream, a value of the wrong type, time going back) is reported on
// the error output with its line number and skipped.
//
// # Output
//
// Every event of the observed streams (by default those that some query
// inserts into) is written as one line in the same shape, so that output
// can be fed back as input:
//
//	{"_stream":"HighPrice","_ts":1000,"symbol":"IBM","price":700.0}
//
// At the end the driver writes the counts of lines read, lines skipped and
// events emitted to the error output.
package driver

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/efluxc/efluxc/rt"
)

// Options configure Run.
type Options struct {
	// Playback takes event time only from "_ts" (missing: the previous
	// line's time) and never reads the wall clock. Tests use it.
	Playback bool
	// Streams lists the streams to print; nil prints every stream that
	// some query inserts into.
	Streams []string
	// Now is the wall clock (time.Now when nil).
	Now func() time.Time
	// TimeAttr names an attribute whose integer value, when present in an
	// event, is its event time (as if given as "_ts"); the attribute is
	// still delivered as an attribute.
	TimeAttr string
}

// Stats counts what a run did.
type Stats struct {
	Read    int // non-blank input lines
	Skipped int // bad input lines
	Emitted int // output events written
}

func (s Stats) String() string {
	return fmt.Sprintf("read %d, skipped %d, emitted %d", s.Read, s.Skipped, s.Emitted)
}

// maxLine bounds one input line.
const maxLine = 16 << 20

// Main runs p over stdin and stdout with flags from the command line:
//
//	-playback          event time from "_ts" only (see Options.Playback)
//	-time-attr NAME    event time from attribute NAME when present (see Options.TimeAttr)
//	-streams A,B       streams to print (default: streams written by queries)
func Main(p rt.Program) {
	main(func() rt.Program { return p }, false)
}

// MainN is Main for standalone binaries, which can also run the app as
// several copies, one goroutine each:
//
//	-parallel N        N copies fed by partition key (see RunParallel)
func MainN(newApp func() rt.Program) {
	main(newApp, true)
}

func main(newApp func() rt.Program, allowParallel bool) {
	fs := flag.NewFlagSet(os.Args[0], flag.ExitOnError)
	playback := fs.Bool("playback", false, `take event time only from "_ts", never the wall clock`)
	streams := fs.String("streams", "", "comma-separated streams to print (default: streams written by queries)")
	timeAttr := fs.String("time-attr", "", "take event time from this LONG attribute when an event has it")
	n := 1
	if allowParallel {
		fs.IntVar(&n, "parallel", 1, "run N copies of the app, one goroutine each, events routed by partition key")
	}
	fs.Parse(os.Args[1:])
	opts := Options{Playback: *playback, TimeAttr: *timeAttr}
	if *streams != "" {
		opts.Streams = strings.Split(*streams, ",")
	}
	var err error
	if n > 1 {
		_, err = RunParallel(newApp, n, os.Stdin, os.Stdout, os.Stderr, opts)
	} else {
		_, err = Run(newApp(), os.Stdin, os.Stdout, os.Stderr, opts)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// Run feeds the JSON lines of in to p and writes its output events to out;
// bad lines and the final counts go to errOut. The error is an I/O error
// or a bad option, never a bad input line.
func Run(p rt.Program, in io.Reader, out, errOut io.Writer, opts Options) (Stats, error) {
	r := &runner{p: p, opts: opts, w: bufio.NewWriter(out), errOut: errOut}
	if err := r.setup(); err != nil {
		return r.stats, err
	}
	if opts.Now == nil {
		r.opts.Now = time.Now
	}
	r.start = r.opts.Now()
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 0, 64<<10), maxLine)
	var err error
	if opts.Playback {
		for line := 1; sc.Scan(); line++ {
			r.line(line, sc.Bytes())
		}
		err = sc.Err()
	} else {
		err = r.wallClock(sc)
	}
	if ferr := r.w.Flush(); err == nil {
		err = ferr
	}
	fmt.Fprintln(errOut, r.stats)
	return r.stats, err
}

// wallClock feeds lines as they arrive and, between them, fires the app's
// timers when their due time comes on the wall clock.
func (r *runner) wallClock(sc *bufio.Scanner) error {
	lines := make(chan []byte)
	done := make(chan error, 1)
	go func() {
		for sc.Scan() {
			lines <- append([]byte(nil), sc.Bytes()...)
		}
		done <- sc.Err()
		close(lines)
	}()
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	for line := 1; ; {
		var wake <-chan time.Time
		due, ok := r.p.NextDeadline()
		if ok {
			wait := time.Duration(due)*time.Millisecond - r.opts.Now().Sub(r.start)
			timer.Reset(max(wait, 0))
			wake = timer.C
		}
		select {
		case text, ok := <-lines:
			timer.Stop()
			if !ok {
				return <-done
			}
			r.line(line, text)
			line++
		case <-wake:
			r.now = max(r.now, due, r.opts.Now().Sub(r.start).Milliseconds())
			r.p.AdvanceTo(r.now)
		}
		// Interactive use: show output as soon as it exists.
		r.w.Flush()
	}
}

type runner struct {
	p      rt.Program
	opts   Options
	w      *bufio.Writer
	errOut io.Writer
	stats  Stats
	start  time.Time
	now    int64  // time of the previous line
	def    string // the stream of lines without "_stream", if any
	sc     rt.Scanner
	ev     []byte // the event object without meta keys
	outBuf []byte
}

// setup subscribes to the printed streams and finds the default input.
func (r *runner) setup() error {
	infos := r.p.Streams()
	var def []string
	known := map[string]bool{}
	for _, s := range infos {
		known[s.Name] = true
		if s.Input && !s.Output {
			def = append(def, s.Name)
		}
	}
	if len(def) == 1 {
		r.def = def[0]
	}
	names := r.opts.Streams
	if names == nil {
		for _, s := range infos {
			if s.Output {
				names = append(names, s.Name)
			}
		}
	}
	for _, name := range names {
		if !known[name] {
			return fmt.Errorf("driver: unknown stream %q", name)
		}
		prefix := append(append([]byte(`{"_stream":`), rt.AppendQuoted(nil, name)...), `,"_ts":`...)
		err := r.p.Subscribe(name, rt.FormatObject, func(ts int64, b []byte) { r.emit(prefix, ts, b) })
		if err != nil {
			return err
		}
	}
	return nil
}

// emit writes {"_stream":S,"_ts":T,<attributes>}.
func (r *runner) emit(prefix []byte, ts int64, obj []byte) {
	b := append(r.outBuf[:0], prefix...)
	b = strconv.AppendInt(b, ts, 10)
	if len(obj) > 2 {
		b = append(b, ',')
		b = append(b, obj[1:]...)
	} else {
		b = append(b, '}')
	}
	b = append(b, '\n')
	r.w.Write(b)
	r.outBuf = b
	r.stats.Emitted++
}

func (r *runner) line(n int, text []byte) {
	if len(strings.TrimSpace(string(text))) == 0 {
		return
	}
	r.stats.Read++
	if err := r.process(text); err != nil {
		r.stats.Skipped++
		fmt.Fprintf(r.errOut, "line %d: %v\n", n, err)
	}
}

var errBackwards = errors.New("time goes backwards")

// process splits the meta keys from the attributes and sends the event.
func (r *runner) process(text []byte) error {
	stream, ts, event, err := r.meta(text, r.now, r.start)
	if err != nil {
		return err
	}
	if !event {
		r.now = max(r.now, ts)
		r.p.AdvanceTo(ts)
		return nil
	}
	if err := r.p.SendJSON(stream, ts, r.ev); err != nil {
		return err
	}
	r.now = max(r.now, ts)
	return nil
}

// meta reads a line's meta keys (the attributes go to r.ev) and decides its
// stream and event time: "_ts" (or the time attribute); else, in playback,
// clock, the previous line's time; else the wall clock since start. event
// is false for a line that only moves the clock. Run and RunParallel share it.
func (r *runner) meta(text []byte, clock int64, start time.Time) (stream string, ts int64, event bool, err error) {
	stream, ts, hasTS, attrs, err := r.split(text)
	if err != nil {
		return "", 0, false, err
	}
	switch {
	case hasTS && r.opts.Playback && ts < clock:
		return "", 0, false, fmt.Errorf("%w: %d after %d", errBackwards, ts, clock)
	case !hasTS && r.opts.Playback:
		ts = clock
	case !hasTS:
		ts = r.opts.Now().Sub(start).Milliseconds()
	}
	if stream == "" && attrs == 0 {
		if !hasTS {
			return "", 0, false, errors.New(`empty line object: want "_ts", "_stream" or attributes`)
		}
		return "", ts, false, nil
	}
	if stream == "" {
		if r.def == "" {
			return "", 0, false, errors.New(`no "_stream" key, and the app has several input streams`)
		}
		stream = r.def
	}
	return stream, ts, true, nil
}

// split reads the meta keys and copies the other members into r.ev.
func (r *runner) split(text []byte) (stream string, ts int64, hasTS bool, attrs int, err error) {
	sc := &r.sc
	sc.Reset(text)
	r.ev = append(r.ev[:0], '{')
	for sc.NextKey() {
		switch key := sc.Key(); string(key) {
		case "_stream":
			stream, _ = sc.String()
		case "_ts":
			ts, hasTS = sc.Int64("_ts")
		default:
			if attrs > 0 {
				r.ev = append(r.ev, ',')
			}
			attrs++
			r.ev = rt.AppendQuoted(r.ev, string(key))
			r.ev = append(r.ev, ':')
			raw := sc.Raw()
			r.ev = append(r.ev, raw...)
			if r.opts.TimeAttr != "" && string(key) == r.opts.TimeAttr && !hasTS {
				if v, err := strconv.ParseInt(string(raw), 10, 64); err == nil {
					ts, hasTS = v, true
				}
			}
		}
	}
	r.ev = append(r.ev, '}')
	return stream, ts, hasTS, attrs, sc.Finish()
}
