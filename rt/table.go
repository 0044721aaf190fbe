package rt

// Table is a hash table from generated key structs to slots holding V:
// the group-by state of a query. Slots are reused after Delete, keeping
// whatever buffers the previous value grew, so a table whose key set
// churns allocates nothing once warm. Slot indexes stay valid until the
// slot is deleted; pointers from At only until the next Lookup.
type Table[K comparable, V any] struct {
	index map[K]int32
	slots []slot[K, V]
	free  []int32
}

type slot[K comparable, V any] struct {
	key  K
	val  V
	live bool
}

// Lookup returns the slot of k, adding one if k is absent (isNew). The
// value of a new slot is left as its previous occupant had it: the caller
// resets it.
func (t *Table[K, V]) Lookup(k K) (i int32, isNew bool) {
	if i, ok := t.index[k]; ok {
		return i, false
	}
	if t.index == nil {
		t.index = map[K]int32{}
	}
	if n := len(t.free); n > 0 {
		i = t.free[n-1]
		t.free = t.free[:n-1]
	} else {
		t.slots = append(t.slots, slot[K, V]{})
		i = int32(len(t.slots) - 1)
	}
	s := &t.slots[i]
	s.key, s.live = k, true
	t.index[k] = i
	return i, true
}

// Find returns the slot of k if present.
func (t *Table[K, V]) Find(k K) (int32, bool) {
	i, ok := t.index[k]
	return i, ok
}

// At is the value in slot i.
func (t *Table[K, V]) At(i int32) *V { return &t.slots[i].val }

// Key is the key of slot i.
func (t *Table[K, V]) Key(i int32) *K { return &t.slots[i].key }

// Delete removes slot i's key.
func (t *Table[K, V]) Delete(i int32) {
	s := &t.slots[i]
	delete(t.index, s.key)
	var zero K
	s.key, s.live = zero, false
	t.free = append(t.free, i)
}

// Len is the number of keys.
func (t *Table[K, V]) Len() int { return len(t.index) }

// Slots is the number of slots, live or free: iterate with Live.
func (t *Table[K, V]) Slots() int { return len(t.slots) }

// Live reports whether slot i holds a key.
func (t *Table[K, V]) Live(i int32) bool { return t.slots[i].live }

// Clear removes every key.
func (t *Table[K, V]) Clear() {
	clear(t.index)
	clear(t.slots)
	t.slots = t.slots[:0]
	t.free = t.free[:0]
}
