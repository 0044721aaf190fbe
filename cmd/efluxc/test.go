package main

import (
	"fmt"
	"io"
	"os"
	"time"

	"github.com/efluxc/efluxc/cmd/efluxc/cases"
)

const testUsage = "test [-O0] [-both] [-v] [-timeout D] PATH..."

var testCmd = command{
	name:    "test",
	usage:   testUsage,
	summary: "run .txtar test cases (files or directories, recursively)",
	run:     runTest,
}

func runTest(args []string) error {
	fs := newFlags("test", testUsage)
	noOpt := fs.Bool("O0", false, "disable the optimizer")
	both := fs.Bool("both", false, "run every case with the optimizer on and off, in one program")
	verbose := fs.Bool("v", false, "print passing cases and build progress too")
	timeout := fs.Duration("timeout", 30*time.Second, "time limit for one case's run")
	if err := fs.Parse(args); err != nil {
		return exitError(2)
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return exitError(2)
	}
	cs, err := cases.Load(fs.Args()...)
	if err != nil {
		return err
	}
	opts := cases.Options{Timeout: timeout.Abs()}
	switch {
	case *both:
		opts.Modes = []cases.Mode{cases.Optimized, cases.Unoptimized}
	case *noOpt:
		opts.Modes = []cases.Mode{cases.Unoptimized}
	}
	if *verbose {
		opts.Log = os.Stderr
	}
	results, err := cases.Run(cs, opts)
	if err != nil {
		return err
	}
	if n := report(os.Stdout, results, *verbose); n > 0 {
		return exitError(1)
	}
	return nil
}

// report prints each failing case's report (and, with verbose, each passing
// case's name), then "N passed, M failed"; it returns M.
func report(w io.Writer, results []*cases.Result, verbose bool) int {
	failed := 0
	for _, r := range results {
		if r.Pass() {
			if verbose {
				fmt.Fprintf(w, "ok   %s\n", r.Case.Name)
			}
			continue
		}
		failed++
		fmt.Fprint(w, r.Report())
		if d := r.Disagreement(); d != "" {
			fmt.Fprintf(w, "  optimizer on/off disagree: %s\n", d)
		}
	}
	fmt.Fprintf(w, "%d passed, %d failed\n", len(results)-failed, failed)
	return failed
}
