package driver

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/efluxc/efluxc/rt"
)

// Parallel runs (-parallel N): the app runs as N copies, each in its own
// goroutine and single-threaded as always. The reading goroutine decodes
// each line's meta keys, asks a routing copy for the event's partition-key
// hash (rt.Parallel.RouteJSON) and appends the event to the batch of copy
// hash % N; batches (never single events) travel over channels, and each
// copy's output lines come back in the batch that caused them, so a
// writer goroutine prints them in order per copy. All events of one key
// go to one copy in input order: per-key outputs are those of a single
// App. Outputs of different keys interleave by batch.
//
// Every batch carries the input clock; a copy moves its clock there after
// the batch, so timers (window expiry, rate ticks) fire at their due time
// as in one App, at the latest when the copy's next batch arrives or the
// input ends. Timers fire only with the input: -parallel is for
// throughput over a stream of events, not for an idle interactive session.

// batchLines bounds a batch; flushEvery bounds the lines read before every
// non-empty batch is sent (latency under a slow input).
const (
	batchLines = 1024
	flushEvery = 8192
)

type item struct {
	line   int
	stream string
	ts     int64
	lo, hi int // the event object in batch.buf
}

type batch struct {
	items []item
	buf   []byte
	clock int64 // the input clock after the batch's lines
	// Filled by the copy.
	out      []byte
	errs     []string
	emitted  int
	skipped  int
	shutdown bool
}

func (b *batch) reset() {
	b.items, b.buf, b.out, b.errs = b.items[:0], b.buf[:0], b.out[:0], b.errs[:0]
	b.emitted, b.skipped, b.shutdown = 0, 0, false
}

// RunParallel is Run over n copies of the app made by newApp (n ≥ 1). It
// fails before reading when the app cannot be split by key (see
// rt.Parallel); the error names the query that prevents it.
func RunParallel(newApp func() rt.Program, n int, in io.Reader, out, errOut io.Writer, opts Options) (Stats, error) {
	router := newApp()
	par, ok := router.(rt.Parallel)
	if !ok {
		return Stats{}, errors.New("driver: the app does not support -parallel (regenerate it)")
	}
	if why := par.NotParallel(); why != "" {
		return Stats{}, fmt.Errorf("driver: -parallel: the app is not parallelizable: %s", why)
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	p := &parallel{opts: opts, router: par, n: n, w: bufio.NewWriter(out), errOut: errOut,
		done: make(chan *batch, 4*n), free: make(chan *batch, 8*n)}
	// The meta-key parser of the one-App driver, on the routing copy.
	p.r = &runner{p: router, opts: opts, errOut: errOut}
	if err := p.r.setup(); err != nil {
		return Stats{}, err
	}
	names, err := printed(router, opts.Streams)
	if err != nil {
		return Stats{}, err
	}
	p.start = opts.Now()
	for i := 0; i < n; i++ {
		c := &copyRunner{app: newApp(), in: make(chan *batch, 4), done: p.done}
		if err := c.subscribe(names); err != nil {
			return Stats{}, err
		}
		p.copies = append(p.copies, c)
		p.cur = append(p.cur, nil)
		go c.run()
	}
	writerDone := make(chan struct{})
	go p.write(writerDone)
	err = p.read(in)
	for i, c := range p.copies {
		b := p.batchFor(i)
		b.clock, b.shutdown = p.clock, true
		p.cur[i] = nil
		c.in <- b
	}
	<-writerDone
	if ferr := p.w.Flush(); err == nil {
		err = ferr
	}
	fmt.Fprintln(errOut, p.stats)
	return p.stats, err
}

// printed lists the streams to print (all that queries write by default).
func printed(app rt.Program, names []string) ([]string, error) {
	infos := app.Streams()
	known := map[string]bool{}
	for _, s := range infos {
		known[s.Name] = true
	}
	if names == nil {
		for _, s := range infos {
			if s.Output {
				names = append(names, s.Name)
			}
		}
	}
	for _, name := range names {
		if !known[name] {
			return nil, fmt.Errorf("driver: unknown stream %q", name)
		}
	}
	return names, nil
}

type parallel struct {
	opts   Options
	router rt.Parallel
	r      *runner
	n      int
	copies []*copyRunner
	cur    []*batch // the batch being filled per copy
	done   chan *batch
	free   chan *batch
	w      *bufio.Writer
	errOut io.Writer
	stats  Stats
	start  time.Time
	clock  int64
	since  int // lines since the last flush
}

func (p *parallel) batchFor(i int) *batch {
	if b := p.cur[i]; b != nil {
		return b
	}
	var b *batch
	select {
	case b = <-p.free:
		b.reset()
	default:
		b = &batch{}
	}
	p.cur[i] = b
	return b
}

// send hands copy i its batch.
func (p *parallel) send(i int) {
	b := p.cur[i]
	if b == nil {
		return
	}
	b.clock = p.clock
	p.cur[i] = nil
	p.copies[i].in <- b
}

func (p *parallel) read(in io.Reader) error {
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 0, 64<<10), maxLine)
	for line := 1; sc.Scan(); line++ {
		text := sc.Bytes()
		if len(strings.TrimSpace(string(text))) == 0 {
			continue
		}
		p.stats.Read++
		if err := p.route(line, text); err != nil {
			p.stats.Skipped++
			fmt.Fprintf(p.errOut, "line %d: %v\n", line, err)
		}
		if p.since++; p.since >= flushEvery {
			p.since = 0
			for i := range p.copies {
				p.send(i)
			}
		}
	}
	return sc.Err()
}

// route resolves a line's stream and time as Run does and appends the
// event to its copy's batch.
func (p *parallel) route(line int, text []byte) error {
	r := p.r
	stream, ts, event, err := r.meta(text, p.clock, p.start)
	if err != nil {
		return err
	}
	if !event {
		p.clock = max(p.clock, ts)
		return nil
	}
	h, err := p.router.RouteJSON(stream, r.ev)
	if err != nil {
		return err
	}
	p.clock = max(p.clock, ts)
	i := int(h % uint64(p.n))
	b := p.batchFor(i)
	lo := len(b.buf)
	b.buf = append(b.buf, r.ev...)
	b.items = append(b.items, item{line: line, stream: stream, ts: ts, lo: lo, hi: len(b.buf)})
	if len(b.items) >= batchLines {
		p.send(i)
	}
	return nil
}

// write prints the copies' output batches and recycles them.
func (p *parallel) write(done chan<- struct{}) {
	live := p.n
	for b := range p.done {
		p.w.Write(b.out)
		for _, e := range b.errs {
			fmt.Fprintln(p.errOut, e)
		}
		p.stats.Emitted += b.emitted
		p.stats.Skipped += b.skipped
		if b.shutdown {
			if live--; live == 0 {
				close(done)
				return
			}
		}
		select {
		case p.free <- b:
		default:
		}
	}
}

// copyRunner is one copy of the app and its goroutine.
type copyRunner struct {
	app  rt.Program
	in   chan *batch
	done chan<- *batch
	cur  *batch
}

func (c *copyRunner) subscribe(names []string) error {
	for _, name := range names {
		prefix := append(append([]byte(`{"_stream":`), rt.AppendQuoted(nil, name)...), `,"_ts":`...)
		err := c.app.Subscribe(name, rt.FormatObject, func(ts int64, obj []byte) {
			b := c.cur
			b.out = append(b.out, prefix...)
			b.out = strconv.AppendInt(b.out, ts, 10)
			if len(obj) > 2 {
				b.out = append(b.out, ',')
				b.out = append(b.out, obj[1:]...)
			} else {
				b.out = append(b.out, '}')
			}
			b.out = append(b.out, '\n')
			b.emitted++
		})
		if err != nil {
			return err
		}
	}
	return nil
}

func (c *copyRunner) run() {
	for b := range c.in {
		c.cur = b
		for _, it := range b.items {
			if err := c.app.SendJSON(it.stream, it.ts, b.buf[it.lo:it.hi]); err != nil {
				b.skipped++
				b.errs = append(b.errs, fmt.Sprintf("line %d: %v", it.line, err))
			}
		}
		c.app.AdvanceTo(b.clock)
		c.cur = nil
		c.done <- b
		if b.shutdown {
			return
		}
	}
}
