package batchgroup

import (
	"fmt"
	"math/rand"
	"strconv"
	"testing"
)

type row struct {
	ts  int64
	out IncL
}

// send drives a with n pseudo-random events over keys sensors (some null),
// some values null, a few ms apart, and advances the clock past the last
// batch.
func send(a *App, n, keys int, seed int64) {
	r := rand.New(rand.NewSource(seed))
	names := make([]string, keys)
	for i := range names {
		names[i] = "s" + strconv.Itoa(i)
	}
	ts := int64(0)
	for range n {
		e := &R{Sensor: names[r.Intn(keys)], V: float64(r.Intn(1000)) / 7, N: int64(r.Intn(100))}
		if r.Intn(20) == 0 {
			e.Null.Set(0)
			e.Sensor = ""
		}
		if r.Intn(10) == 0 {
			e.Null.Set(1)
			e.V = 0
		}
		ts += int64(r.Intn(40))
		a.SendR(ts, e)
	}
	a.AdvanceTo(ts + 10_000)
}

// Incremental batches give the rows the stored batch gives: same rows, same
// order, same times, bit for bit.
func TestIncrementalSameRows(t *testing.T) {
	a := New()
	var incL, storedL, incT, storedT []row
	a.OnIncL(func(ts int64, e *IncL) { incL = append(incL, row{ts, *e}) })
	a.OnStoredL(func(ts int64, e *StoredL) { storedL = append(storedL, row{ts, IncL(*e)}) })
	a.OnIncT(func(ts int64, e *IncT) { incT = append(incT, row{ts, IncL(*e)}) })
	a.OnStoredT(func(ts int64, e *StoredT) { storedT = append(storedT, row{ts, IncL(*e)}) })
	send(a, 20000, 30, 1)
	for _, c := range []struct {
		name      string
		inc, want []row
	}{{"lengthBatch", incL, storedL}, {"tumbling", incT, storedT}} {
		if len(c.inc) == 0 || len(c.inc) != len(c.want) {
			t.Fatalf("%s: %d incremental rows, %d stored", c.name, len(c.inc), len(c.want))
		}
		for i := range c.inc {
			// Printed: a null mean is NaN in both (0/0), and NaN != NaN.
			if fmt.Sprintf("%+v", c.inc[i]) != fmt.Sprintf("%+v", c.want[i]) {
				t.Fatalf("%s row %d: incremental %+v, stored %+v", c.name, i, c.inc[i], c.want[i])
			}
		}
	}
}

// Groups absent from a batch are deleted at its flush: the live groups are
// those of the latest batches, whatever the number of keys seen.
func TestIncrementalGroupsBounded(t *testing.T) {
	a := New()
	send(a, 50000, 5000, 2)
	if g := a.LiveGroups(); g > 4*1000 {
		t.Errorf("LiveGroups = %d after every batch closed", g)
	}
}

// Adding to an incremental batch and flushing it allocate nothing once warm.
func TestIncrementalAllocs(t *testing.T) {
	a := New()
	a.OnIncL(func(ts int64, e *IncL) {})
	a.OnIncT(func(ts int64, e *IncT) {})
	names := []string{"a", "b", "c", "d", "e", "f", "g"}
	i := 0
	step := func() {
		a.SendR(int64(i*3), &R{Sensor: names[i%len(names)], V: float64(i % 17), N: int64(i)})
		i++
	}
	for range 5000 {
		step()
	}
	if allocs := testing.AllocsPerRun(5000, step); allocs != 0 {
		t.Errorf("SendR: %v allocs/event, want 0", allocs)
	}
}
