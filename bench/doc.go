// Package bench compares the Go that efluxc generates with hand-written Go
// doing the same work, one workload at a time.
//
// Each workload has an EventFlux app (apps/<name>.eventflux), a seeded
// event generator (data.go), and a hand-written implementation (hand_*.go)
// written as a careful Go programmer would without efluxc: the floor to
// compare against. The generated packages live under gen/<name>, are kept
// fresh by TestFresh in bench/fresh (go test ./bench/fresh -update rewrites
// them) and exist only for the apps that codegen accepts today; their
// benchmarks skip, naming the missing feature, until then. See README.md.
package bench
