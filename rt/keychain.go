package rt

// KeyChain is a join index bucket that holds no events: the events of one
// key in a window whose ring keeps them in entry order and drops them from
// the front (length, time, timeLength, externalTime). Each held event has
// an entry number (seq, from 1, consecutive over the ring) and the number
// of its key's next event (0 for none), so the event numbered n sits at
// ring position n - Front().seq, and a key's events are found oldest first
// without a copy of them per key. The oldest event to leave heads its
// key's chain. When both sides of a join chain their windows on keys of
// the same types, one index holds both sides' chains of a key in one slot,
// so an arriving event finds the other side's events where it exposes
// itself: one hash lookup per event.
type KeyChain struct {
	First, Last uint64 // entry numbers of the key's oldest and newest events; First is 0 when empty
}
