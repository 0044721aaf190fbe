package rt

// Instances holds the instances of a partition (LANGUAGE.md §11), one per
// key. Each instance has a stable slot, which its timers carry
// (Timer.Inst), and a place in creation order, which broadcasts of
// unpartitioned streams follow. Keys are text (the CAST … AS STRING form
// of the key value, or a range label). A partition whose key domain is
// closed (range labels only) uses the label's index as the slot and needs
// no hash lookup (Slot/PutAt).
type Instances[I any] struct {
	index map[string]int32
	slots []instSlot[I]
	free  []int32
	order []*I    // creation order; nil: removed, compacted lazily
	owner []int32 // the slot of each entry of order
	holes int
	live  int
	spare []*I // removed instances kept for reuse (their buffers stay grown)
}

// maxSpare bounds the removed instances kept for reuse.
const maxSpare = 16

type instSlot[I any] struct {
	inst *I
	key  string
	pos  int32 // index in order
}

// Find returns the instance of key.
func (t *Instances[I]) Find(key string) (*I, bool) {
	i, ok := t.index[key]
	if !ok {
		return nil, false
	}
	return t.slots[i].inst, true
}

// Add registers p as the instance of key (absent) and returns its slot.
func (t *Instances[I]) Add(key string, p *I) int32 {
	var i int32
	if n := len(t.free); n > 0 {
		i = t.free[n-1]
		t.free = t.free[:n-1]
	} else {
		t.slots = append(t.slots, instSlot[I]{})
		i = int32(len(t.slots) - 1)
	}
	if t.index == nil {
		t.index = map[string]int32{}
	}
	t.index[key] = i
	t.place(i, key, p)
	return i
}

// Slot is the instance in slot i, or nil (closed domains: i is the label's
// index).
func (t *Instances[I]) Slot(i int32) *I {
	if int(i) >= len(t.slots) {
		return nil
	}
	return t.slots[i].inst
}

// PutAt registers p as the instance of key in slot i (closed domains).
func (t *Instances[I]) PutAt(i int32, key string, p *I) {
	for int(i) >= len(t.slots) {
		t.slots = append(t.slots, instSlot[I]{})
	}
	t.place(i, key, p)
}

func (t *Instances[I]) place(i int32, key string, p *I) {
	s := &t.slots[i]
	s.inst, s.key, s.pos = p, key, int32(len(t.order))
	t.order = append(t.order, p)
	t.owner = append(t.owner, i)
	t.live++
}

// At is the instance in slot i, which must be live (a timer's instance).
func (t *Instances[I]) At(i int32) *I { return t.slots[i].inst }

// Remove drops the instance in slot i: an idle instance whose state is
// empty. Its key gets a new instance at its next event.
func (t *Instances[I]) Remove(i int32) {
	s := &t.slots[i]
	if t.index != nil {
		if j, ok := t.index[s.key]; ok && j == i {
			delete(t.index, s.key)
			t.free = append(t.free, i)
		}
	}
	t.order[s.pos] = nil
	if len(t.spare) < maxSpare {
		t.spare = append(t.spare, s.inst)
	}
	*s = instSlot[I]{}
	t.live--
	t.holes++
	if t.holes > len(t.order)/2 {
		t.compact()
	}
}

func (t *Instances[I]) compact() {
	n := 0
	for k, p := range t.order {
		if p != nil {
			t.order[n], t.owner[n] = p, t.owner[k]
			t.slots[t.owner[n]].pos = int32(n)
			n++
		}
	}
	clear(t.order[n:])
	t.order, t.owner = t.order[:n], t.owner[:n]
	t.holes = 0
}

// Spare returns a removed instance for reuse, or nil. Its state is empty
// (instances are removed only then) but for what the caller resets: key,
// slot, creation time.
func (t *Instances[I]) Spare() *I {
	n := len(t.spare)
	if n == 0 {
		return nil
	}
	p := t.spare[n-1]
	t.spare[n-1] = nil
	t.spare = t.spare[:n-1]
	return p
}

// Order lists the live instances in creation order. The slice is valid
// until the next Add, PutAt or Remove.
func (t *Instances[I]) Order() []*I {
	if t.holes > 0 {
		t.compact()
	}
	return t.order
}

// Len is the number of live instances.
func (t *Instances[I]) Len() int { return t.live }
