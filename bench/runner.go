package bench

// runner is one implementation of a workload, generated or hand-written,
// set up on a workload's data.
type runner interface {
	// run processes events from, from+1, …, to-1 of the endless run (see data).
	run(from, to int)
	// result summarises the output rows delivered so far.
	result() result
}

// result is a checksum of a workload's output, to check that the
// implementations compute the same rows (and that none is optimised away).
type result struct {
	rows int64
	sum  float64 // a workload-specific sum over the rows' columns
}
