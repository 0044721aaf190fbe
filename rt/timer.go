package rt

// Timer is one pending timer of a TimerQueue. Kind says what to do when it
// fires (generated code switches on it); Arg is free for the kind's use,
// e.g. a session's slot. Inst is the slot of the partition instance that
// owns the timer (ScheduleInst), 0 otherwise.
type Timer struct {
	Due  int64
	Kind int32
	Arg  int32
	Inst int32
	seq  uint64 // scheduling order: FIFO among equal due times
}

// TimerQueue is a min-heap of timers ordered by due time, then by the order
// in which they were scheduled (§4.6). It allocates only while it grows.
type TimerQueue struct {
	h      []Timer
	seq    uint64
	popped Timer // the timer Pop returned last
}

// Len is the number of pending timers.
func (q *TimerQueue) Len() int { return len(q.h) }

// Schedule adds a timer due at due.
func (q *TimerQueue) Schedule(due int64, kind, arg int32) {
	q.seq++
	q.push(due, kind, arg, 0, q.seq)
}

// Chain holds the timers of one producer whose due times only grow, such
// as the expiries of a time window (one per distinct arrival time): only
// the earliest is in the queue, the others wait in a FIFO and enter the
// queue when the one before fires. Timers fire exactly as if each had been
// scheduled on its own, but the queue stays small: popping a timer costs
// O(1) instead of O(log pending).
//
// A waiting timer takes 8 bytes, its due time. Its place in the
// scheduling order is kept per run: a run is a sequence of the chain's
// timers scheduled one after another with no other timer of the queue
// scheduled in between (a time window's expiries, while nothing else
// schedules, are one run). The run takes one number of the order, at its
// first timer, and every timer of the run fires with that number. This
// changes no firing order: the queue compares seq only between timers with
// equal due times, and the chain has one timer in the queue at a time, so
// a run's timer is only ever compared with another producer's timer x.
// While the run grew, no other timer took a number, and the run's later
// timers take none, so x's number is either below the run's (x scheduled
// before the run began) or above it (x scheduled after the run's last
// timer, the run having taken only its first number): on a tie in due
// time x sorts before the run's timer exactly when x was scheduled before
// it, as with a number of its own. Among themselves the chain's timers
// fire in FIFO order, which is due order with ties in scheduling order.
// Numbers are only compared, so those the runs skip are never missed.
//
// While all the chain's timers share one kind and argument (a time
// window's expiries), those are the chain's; from the first timer that
// differs on, each timer keeps its own (in own, parallel to due).
type Chain struct {
	due       Ring[int64]   // waiting timers' due times, the first in the queue
	runs      Ring[run]     // the runs of the timers in due, oldest first
	seq       uint64        // the queue's seq after the last run began
	kind, arg int32         // of every timer, unless mixed
	mixed     bool          // timers differ in kind or argument: see own
	own       Ring[kindArg] // per timer in due, when mixed
}

// run is a run of a Chain's timers: n timers sharing seq (see Chain).
type run struct {
	seq uint64
	n   int
}

type kindArg struct{ kind, arg int32 }

// Schedule adds a timer due at due, which must not be earlier than the
// chain's previous timer.
func (c *Chain) Schedule(q *TimerQueue, due int64, kind, arg int32) {
	if c.due.Len() == 0 {
		q.seq++
		q.push(due, kind, arg, 0, q.seq)
		c.newRun(q.seq)
		if !c.mixed {
			c.kind, c.arg = kind, arg
		}
	} else if q.seq == c.seq {
		c.runs.Back().n++ // nothing was scheduled since: the run goes on
	} else {
		q.seq++
		c.newRun(q.seq)
	}
	if !c.mixed && (kind != c.kind || arg != c.arg) {
		c.mixed = true
		for range c.due.Len() {
			o := c.own.Push()
			o.kind, o.arg = c.kind, c.arg
		}
	}
	*c.due.Push() = due
	if c.mixed {
		o := c.own.Push()
		o.kind, o.arg = kind, arg
	}
}

// newRun starts a run of one timer with the queue's number seq.
func (c *Chain) newRun(seq uint64) {
	r := c.runs.Push()
	r.seq, r.n = seq, 1
	c.seq = seq
}

// ScheduleOr adds a timer due at due to the chain with kind if it is not
// earlier than the chain's last timer, and otherwise to the queue on its
// own with kind alone (for a producer whose due times mostly grow, such as
// the WITHIN expiries of a pattern's runs). Either way it fires as if
// scheduled on its own; a chained one is told apart by its kind, whose
// handler calls Fired.
func (c *Chain) ScheduleOr(q *TimerQueue, due int64, kind, alone, arg int32) {
	if n := c.due.Len(); n > 0 && due < *c.due.Back() {
		q.Schedule(due, alone, arg)
		return
	}
	c.Schedule(q, due, kind, arg)
}

// Fired tells the chain that its earliest timer fired: the next one enters
// the queue. Call it first in the timer's handler.
func (c *Chain) Fired(q *TimerQueue) {
	c.due.PopFront()
	if r := c.runs.Front(); r.n == 1 {
		c.runs.PopFront()
	} else {
		r.n--
	}
	kind, arg := c.kind, c.arg
	if c.mixed {
		c.own.PopFront()
		if c.own.Len() > 0 {
			o := c.own.Front()
			kind, arg = o.kind, o.arg
		}
	}
	if c.due.Len() > 0 {
		q.push(*c.due.Front(), kind, arg, 0, c.runs.Front().seq)
	}
}

// Len is the number of the chain's pending timers.
func (c *Chain) Len() int { return c.due.Len() }

// push adds a timer, written field by field into the heap's new slot (a
// Timer argument copied into it stalls store forwarding).
func (q *TimerQueue) push(due int64, kind, arg, inst int32, seq uint64) {
	n := len(q.h)
	if n == cap(q.h) {
		q.h = append(q.h, Timer{})
	} else {
		q.h = q.h[:n+1]
	}
	t := &q.h[n]
	t.Due, t.Kind, t.Arg, t.Inst, t.seq = due, kind, arg, inst, seq
	q.up(n)
}

// ScheduleInst adds a timer due at due for the partition instance in slot inst.
func (q *TimerQueue) ScheduleInst(due int64, kind, inst, arg int32) {
	q.seq++
	q.push(due, kind, arg, inst, q.seq)
}

// Due reports whether a timer is due at or before ts.
func (q *TimerQueue) Due(ts int64) bool { return len(q.h) > 0 && q.h[0].Due <= ts }

// Next reports the due time of the earliest timer.
func (q *TimerQueue) Next() (int64, bool) {
	if len(q.h) == 0 {
		return 0, false
	}
	return q.h[0].Due, true
}

// PopDue removes and returns the earliest timer if it is due at or before ts.
func (q *TimerQueue) PopDue(ts int64) (Timer, bool) {
	if !q.Due(ts) {
		return Timer{}, false
	}
	return *q.Pop(), true
}

// Pop removes the earliest timer and returns it, valid until the next
// Pop; the queue must not be empty. Generated code loops
// `for q.Due(ts) { t := q.Pop() ... }`: a Timer result went through two
// stack copies that stalled store forwarding.
func (q *TimerQueue) Pop() *Timer {
	q.popped = q.h[0]
	n := len(q.h) - 1
	q.h[0] = q.h[n]
	q.h = q.h[:n]
	if n > 0 {
		q.down(0)
	}
	return &q.popped
}

func (q *TimerQueue) less(i, j int) bool {
	a, b := &q.h[i], &q.h[j]
	return a.Due < b.Due || a.Due == b.Due && a.seq < b.seq
}

func (q *TimerQueue) up(i int) {
	for i > 0 {
		p := (i - 1) / 2
		if !q.less(i, p) {
			return
		}
		q.h[i], q.h[p] = q.h[p], q.h[i]
		i = p
	}
}

func (q *TimerQueue) down(i int) {
	n := len(q.h)
	for {
		l := 2*i + 1
		if l >= n {
			return
		}
		m := l
		if r := l + 1; r < n && q.less(r, l) {
			m = r
		}
		if !q.less(m, i) {
			return
		}
		q.h[i], q.h[m] = q.h[m], q.h[i]
		i = m
	}
}
