package rt

import "math"

// NoTS is the timestamp of a run that has not captured an event yet; it
// orders after every real time.
const NoTS = math.MaxInt64

// Links is the bookkeeping shared by the runs (partial matches) of one
// pattern query: which runs are live, in which state lists each run is,
// and each run's timestamp. Runs are identified by int32 ids from 1; 0 is
// "no run". A run has one link slot per pattern state: at any moment it is
// in at most one list of each state (waiting, staged, or a bucket of an
// index). A run is freed when it leaves its last list.
type Links struct {
	slots int
	link  []link    // run id*slots + state
	meta  []runMeta // by run id
	free  []int32
	live  int
	seq   uint64
	// Timer references: see TimerArg. tfree[thead:] are the free ones,
	// oldest first.
	trefs []timerRef
	tfree []int32
	thead int
}

// runMeta is what Links keeps of each run besides its list links, in one
// place: a run's timer, capture, match and removal touch one cache line.
type runMeta struct {
	// ts is the run's timestamp (TS): its latest captured event or absent
	// pass, NoTS before it has one. Promotion orders staged runs by it.
	ts   int64
	refs int32  // lists the run is in
	gen  uint32 // incremented when the id is freed (stale timers)
}

type link struct {
	prev, next int32  // in a List; in an Index bucket, prev is the run's position
	list       int32  // tag of the list holding the run in this slot; 0 = none
	bucket     int32  // in an Index bucket: its number (Remove needs no lookup)
	seq        uint64 // order of entry, increasing over all lists
}

// Init prepares l for runs of a pattern with the given number of states.
func (l *Links) Init(states int) {
	l.slots = states
	// id 0 is never used.
	l.link = make([]link, states)
	l.meta = []runMeta{{ts: NoTS}}
}

// TS is run id's timestamp: its latest captured event or absent pass,
// NoTS before it has one.
func (l *Links) TS(id int32) int64 { return l.meta[id].ts }

// SetTS sets run id's timestamp.
func (l *Links) SetTS(id int32, ts int64) { l.meta[id].ts = ts }

// alloc returns a fresh id with timestamp NoTS in no list, and whether the
// id is new (the caller's run slice must grow).
func (l *Links) alloc() (int32, bool) {
	l.live++
	if n := len(l.free); n > 0 {
		id := l.free[n-1]
		l.free = l.free[:n-1]
		l.meta[id].ts = NoTS
		return id, false
	}
	id := int32(len(l.meta))
	for i := 0; i < l.slots; i++ {
		l.link = append(l.link, link{})
	}
	l.meta = append(l.meta, runMeta{ts: NoTS})
	return id, true
}

// Free releases a run that is in no list (a detached copy).
func (l *Links) Free(id int32) {
	if l.meta[id].refs != 0 {
		panic("rt: freeing a run that is still in a list")
	}
	l.release(id)
}

func (l *Links) release(id int32) {
	l.meta[id].gen++
	l.live--
	l.free = append(l.free, id)
}

// Live is the number of live runs.
func (l *Links) Live() int { return l.live }

// Gen is the generation of id; it changes when the id is freed.
func (l *Links) Gen(id int32) uint32 { return l.meta[id].gen }

// At reports the tag of the list holding id in state slot s (0: none).
func (l *Links) At(id int32, s int) int32 { return l.link[int(id)*l.slots+s].list }

// Seq reports when id entered its list in slot s: later entries have
// larger numbers, so it gives a list's order across buckets.
func (l *Links) Seq(id int32, s int) uint64 { return l.link[int(id)*l.slots+s].seq }

func (l *Links) lk(id int32, s int32) *link { return &l.link[int(id)*l.slots+int(s)] }

// Runs is a pool of runs of type R (a generated struct) with their links.
// Items[id] is run id; ids and memory are reused after a run is freed, so a
// steady state allocates nothing. Items may move when a run is allocated:
// do not keep a pointer into it across Alloc.
type Runs[R any] struct {
	Links
	Items []R
}

// Init prepares p for a pattern with the given number of states.
func (p *Runs[R]) Init(states int) {
	p.Links.Init(states)
	p.Items = make([]R, 1)
}

// Alloc returns the id of a free run; its Items entry holds stale data
// that the caller overwrites.
func (p *Runs[R]) Alloc() int32 {
	id, grown := p.alloc()
	if grown {
		var zero R
		p.Items = append(p.Items, zero)
	}
	return id
}

// List is an ordered list of runs in one state slot. Its tag must be
// unique among the lists of the pattern and not 0.
type List struct {
	head, tail int32
	n          int32
	slot       int32
	tag        int32
}

// NewList returns an empty list for state slot s with tag t.
func NewList(s, t int) List { return List{slot: int32(s), tag: int32(t)} }

// Len is the number of runs in the list.
func (x *List) Len() int { return int(x.n) }

// First is the first run, 0 if the list is empty.
func (x *List) First() int32 { return x.head }

// Last is the last run, 0 if the list is empty.
func (x *List) Last() int32 { return x.tail }

// Next is the run after id, 0 at the end.
func (x *List) Next(p *Links, id int32) int32 { return p.lk(id, x.slot).next }

// Push appends id; the run must not be in another list of this slot.
func (x *List) Push(p *Links, id int32) {
	x.link(p, id)
	p.meta[id].refs++
}

func (x *List) link(p *Links, id int32) {
	k := p.lk(id, x.slot)
	if k.list != 0 {
		panic("rt: run already in a list of this state")
	}
	p.seq++
	*k = link{prev: x.tail, list: x.tag, seq: p.seq}
	if x.tail != 0 {
		p.lk(x.tail, x.slot).next = id
	} else {
		x.head = id
	}
	x.tail = id
	x.n++
}

func (x *List) unlink(p *Links, id int32) {
	k := p.lk(id, x.slot)
	if k.list != x.tag {
		panic("rt: run not in this list")
	}
	if k.prev != 0 {
		p.lk(k.prev, x.slot).next = k.next
	} else {
		x.head = k.next
	}
	if k.next != 0 {
		p.lk(k.next, x.slot).prev = k.prev
	} else {
		x.tail = k.prev
	}
	*k = link{}
	x.n--
}

// Remove takes id out of the list; a run in no list any more is freed.
func (x *List) Remove(p *Links, id int32) {
	x.unlink(p, id)
	p.meta[id].refs--
	if p.meta[id].refs == 0 {
		p.release(id)
	}
}

// MoveTo moves id from x to the end of y (same slot); the run stays live.
func (x *List) MoveTo(p *Links, y *List, id int32) {
	x.unlink(p, id)
	y.link(p, id)
}

// SortByTS orders the list by run timestamp, stable, NoTS last.
// Lists being sorted are the runs staged during one event: short.
func (x *List) SortByTS(p *Links) {
	if x.n < 2 {
		return
	}
	sorted := true
	for id := x.head; id != 0; {
		nx := p.lk(id, x.slot).next
		if nx != 0 && p.meta[nx].ts < p.meta[id].ts {
			sorted = false
			break
		}
		id = nx
	}
	if sorted {
		return
	}
	// Insertion sort by relinking: take runs off the front, insert each
	// after the last run with a timestamp not greater than its own.
	var out List = List{slot: x.slot, tag: x.tag}
	for x.head != 0 {
		id := x.head
		x.unlink(p, id)
		at := out.tail
		for at != 0 && p.meta[at].ts > p.meta[id].ts {
			at = p.lk(at, x.slot).prev
		}
		out.insertAfter(p, at, id)
	}
	*x = out
}

func (x *List) insertAfter(p *Links, at, id int32) {
	if at == x.tail {
		x.link(p, id)
		return
	}
	k := p.lk(id, x.slot)
	p.seq++
	var next int32
	if at == 0 {
		next = x.head
		x.head = id
	} else {
		next = p.lk(at, x.slot).next
		p.lk(at, x.slot).next = id
	}
	*k = link{prev: at, next: next, list: x.tag, seq: p.seq}
	p.lk(next, x.slot).prev = id
	x.n++
}

// Splice appends every run of y (same slot) to x, in order, and empties y;
// the runs enter x in y's order, after every run already in x.
func (x *List) Splice(p *Links, y *List) {
	for y.head != 0 {
		id := y.head
		y.unlink(p, id)
		x.link(p, id)
	}
}

// Drop frees id if it is in no list (a run that was not kept anywhere).
func (l *Links) Drop(id int32) {
	if l.meta[id].refs == 0 {
		l.release(id)
	}
}

type timerRef struct {
	id    int32
	gen   uint32
	state int32
}

// TimerArg records a timer of run id at state (-1: WITHIN) and returns the
// argument to schedule it with; Fired resolves it when the timer fires.
// References are reused, so pending timers cost no allocation once the
// table has grown. They are reused in the order they were released: timers
// mostly fire in the order they were set (WITHIN expiries), so successive
// timers get neighbouring references and Fired reads the table in order.
func (l *Links) TimerArg(id int32, state int) int32 {
	r := timerRef{id: id, gen: l.meta[id].gen, state: int32(state)}
	if l.thead < len(l.tfree) {
		a := l.tfree[l.thead]
		l.thead++
		if l.thead == len(l.tfree) {
			l.tfree, l.thead = l.tfree[:0], 0
		}
		l.trefs[a] = r
		return a
	}
	l.trefs = append(l.trefs, r)
	return int32(len(l.trefs) - 1)
}

// Fired resolves and releases a timer argument: the run and state it was
// set for, and whether that run is still live (not freed since).
func (l *Links) Fired(arg int32) (id int32, state int, ok bool) {
	r := l.trefs[arg]
	if len(l.tfree) == cap(l.tfree) && l.thead > 0 {
		// Reuse the space of the references taken from the front.
		l.tfree = l.tfree[:copy(l.tfree, l.tfree[l.thead:])]
		l.thead = 0
	}
	l.tfree = append(l.tfree, arg)
	m := &l.meta[r.id]
	return r.id, int(r.state), m.gen == r.gen && m.refs > 0
}
