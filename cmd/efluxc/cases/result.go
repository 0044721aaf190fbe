package cases

import (
	"fmt"
	"reflect"
	"sort"
	"strings"
)

// Mode is one way of compiling a case.
type Mode uint8

const (
	Optimized   Mode = iota // the optimizer on (the default)
	Unoptimized             // -O0: every rewrite off
)

func (m Mode) String() string {
	if m == Unoptimized {
		return "-O0"
	}
	return "optimized"
}

// Kind classifies the outcome of a run.
type Kind uint8

const (
	Passed        Kind = iota
	LoadError          // the archive is malformed
	CompileError       // the app was rejected, or an error case was accepted or gave other errors
	Unsupported        // codegen does not support a construct yet
	InternalError      // a compiler, optimizer or codegen bug (incl. panics)
	BuildError         // the generated Go code does not compile
	RuntimeError       // panic, crash or timeout while running, or input rejected
	Mismatch           // the wrong events came out
)

var kindNames = [...]string{"pass", "malformed case", "compile error", "unsupported", "internal error", "build error", "runtime error", "wrong output"}

func (k Kind) String() string { return kindNames[k] }

// Outcome is the result of a case in one mode.
type Outcome struct {
	Mode   Mode
	Kind   Kind
	Detail string // the error text or the diff; empty when passed
	// Output holds the events (JSON arrays) that came out on each observed
	// stream; nil when the case did not run.
	Output map[string][]string
	// RunErr is the runtime error (panic, crash, rejected input), if any.
	RunErr string
}

// Pass reports whether the run passed.
func (r Outcome) Pass() bool { return r.Kind == Passed }

// Result is the outcome of a case in every mode that was asked for.
type Result struct {
	Case *Case
	Runs []Outcome // in the order of Options.Modes
}

// Pass reports whether the case passed in every mode.
func (r *Result) Pass() bool {
	for _, run := range r.Runs {
		if !run.Pass() {
			return false
		}
	}
	return len(r.Runs) > 0
}

// Report explains a failure: the case's file, then for each failing mode the
// kind of failure and its detail (a diff for wrong output). Empty on pass.
func (r *Result) Report() string {
	if r.Pass() {
		return ""
	}
	var b strings.Builder
	fmt.Fprintf(&b, "FAIL %s\n", r.Case.Path)
	same := true // every mode failed the same way: show it once, unlabelled
	for _, run := range r.Runs[1:] {
		same = same && run.Kind == r.Runs[0].Kind && run.Detail == r.Runs[0].Detail
	}
	for i, run := range r.Runs {
		if run.Pass() || same && i > 0 {
			continue
		}
		label := run.Kind.String()
		if !same {
			label += " (" + run.Mode.String() + ")"
		}
		fmt.Fprintf(&b, "  %s:\n", label)
		for _, l := range strings.Split(strings.TrimRight(run.Detail, "\n"), "\n") {
			fmt.Fprintf(&b, "    %s\n", l)
		}
	}
	return b.String()
}

// Disagreement compares the outputs of the modes that ran (compiled, built
// and executed) and describes the first difference; "" when they agree or
// fewer than two modes ran.
func (r *Result) Disagreement() string {
	var ran []Outcome
	for _, run := range r.Runs {
		if run.Output != nil {
			ran = append(ran, run)
		}
	}
	for _, other := range ran[min(1, len(ran)):] {
		a, b := ran[0], other
		if (a.RunErr == "") != (b.RunErr == "") {
			return fmt.Sprintf("%s: runtime error %q with %s, %q with %s", r.Case.Name, a.RunErr, a.Mode, b.RunErr, b.Mode)
		}
		if reflect.DeepEqual(a.Output, b.Output) {
			continue
		}
		streams := make([]string, 0, len(a.Output))
		for s := range a.Output {
			streams = append(streams, s)
		}
		sort.Strings(streams)
		for _, s := range streams {
			if !reflect.DeepEqual(a.Output[s], b.Output[s]) {
				return fmt.Sprintf("%s: stream %s differs:\n  %s: %s\n  %s: %s", r.Case.Name, s,
					a.Mode, strings.Join(a.Output[s], " "), b.Mode, strings.Join(b.Output[s], " "))
			}
		}
		return fmt.Sprintf("%s: outputs differ between %s and %s", r.Case.Name, a.Mode, b.Mode)
	}
	return ""
}
