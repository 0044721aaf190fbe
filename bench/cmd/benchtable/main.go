// Command benchtable reads the output of `go test -bench -v ./bench` on
// stdin and prints a Markdown table comparing, per workload, the generated
// implementation with the hand-written one (and any reference one):
// ns/event, their ratio, allocs/event and events/s. With -count > 1 it
// takes the median of each metric. Skipped benchmarks are listed under the
// table with the reason.
//
//	go test -run '^$' -bench . -v ./bench | go run ./bench/cmd/benchtable
package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

func main() {
	rep, err := parse(os.Stdin)
	if err != nil {
		fmt.Fprintln(os.Stderr, "benchtable:", err)
		os.Exit(1)
	}
	if len(rep.workloads) == 0 {
		fmt.Fprintln(os.Stderr, "benchtable: no benchmark results on stdin")
		os.Exit(1)
	}
	rep.write(os.Stdout)
	if rep.failed {
		fmt.Fprintln(os.Stderr, "benchtable: the benchmarks failed")
		os.Exit(1)
	}
}

// report holds the parsed results: workload → implementation → runs.
type report struct {
	workloads []string // in order of first appearance
	impls     map[string][]string
	runs      map[[2]string][]map[string]float64 // metrics by unit, one map per run
	skipped   map[[2]string]string               // the skip message
	failed    bool                               // a FAIL line was seen
}

var (
	resultLine = regexp.MustCompile(`^Benchmark([^/\s]+)/(\S+?)(?:-\d+)?\s+\d+\s+(.*)$`)
	nameLine   = regexp.MustCompile(`^Benchmark([^/\s]+)/(\S+?)(?:-\d+)?$`)
	skipLine   = regexp.MustCompile(`^--- SKIP: Benchmark([^/\s]+)/(\S+?)(?:-\d+)?(?:\s|$)`)
	logLine    = regexp.MustCompile(`^\s+\S+\.go:\d+: (.*)$`)
)

func parse(r io.Reader) (*report, error) {
	rep := &report{impls: map[string][]string{}, runs: map[[2]string][]map[string]float64{},
		skipped: map[[2]string]string{}}
	var cur [2]string // the benchmark whose log lines follow
	var msg []string
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "FAIL") || strings.HasPrefix(line, "--- FAIL") {
			rep.failed = true
		}
		if m := resultLine.FindStringSubmatch(line); m != nil {
			k := rep.key(m[1], m[2])
			f := strings.Fields(m[3])
			metrics := map[string]float64{}
			for i := 0; i+1 < len(f); i += 2 {
				v, err := strconv.ParseFloat(f[i], 64)
				if err != nil {
					return nil, fmt.Errorf("%q: %v", line, err)
				}
				metrics[f[i+1]] = v
			}
			rep.runs[k] = append(rep.runs[k], metrics)
		} else if m := nameLine.FindStringSubmatch(line); m != nil {
			cur, msg = [2]string{m[1], m[2]}, nil
		} else if m := logLine.FindStringSubmatch(line); m != nil {
			msg = append(msg, m[1])
		} else if m := skipLine.FindStringSubmatch(line); m != nil {
			k := rep.key(m[1], m[2])
			if k == cur {
				rep.skipped[k] = strings.Join(msg, " ")
			} else {
				rep.skipped[k] = "skipped"
			}
		}
	}
	return rep, sc.Err()
}

// key records a workload and implementation in order of appearance.
func (rep *report) key(workload, impl string) [2]string {
	if !slices.Contains(rep.workloads, workload) {
		rep.workloads = append(rep.workloads, workload)
	}
	if !slices.Contains(rep.impls[workload], impl) {
		rep.impls[workload] = append(rep.impls[workload], impl)
	}
	return [2]string{workload, impl}
}

// metric returns the median of a metric over the runs of k.
func (rep *report) metric(k [2]string, unit string) (float64, bool) {
	var v []float64
	for _, m := range rep.runs[k] {
		if x, ok := m[unit]; ok {
			v = append(v, x)
		}
	}
	if len(v) == 0 {
		return 0, false
	}
	slices.Sort(v)
	if len(v)%2 == 1 {
		return v[len(v)/2], true
	}
	return (v[len(v)/2-1] + v[len(v)/2]) / 2, true
}

func (rep *report) write(w io.Writer) {
	fmt.Fprintln(w, "| workload | generated ns/event | hand ns/event | generated/hand | generated allocs/event | hand allocs/event | generated events/s | hand events/s |")
	fmt.Fprintln(w, "|---|--:|--:|--:|--:|--:|--:|--:|")
	var notes []string
	for _, wl := range rep.workloads {
		gen, hand := [2]string{wl, "generated"}, [2]string{wl, "hand"}
		rep.row(w, wl, gen, hand)
		for _, impl := range rep.impls[wl] {
			if impl != "generated" && impl != "hand" {
				rep.row(w, wl+" vs "+impl, gen, [2]string{wl, impl})
			}
		}
		for _, impl := range rep.impls[wl] {
			if s, ok := rep.skipped[[2]string{wl, impl}]; ok {
				notes = append(notes, fmt.Sprintf("- %s/%s skipped: %s", wl, impl, s))
			}
		}
	}
	if len(notes) > 0 {
		fmt.Fprintln(w)
		for _, n := range notes {
			fmt.Fprintln(w, n)
		}
	}
}

// row prints one line comparing gen with base (hand or a reference).
func (rep *report) row(w io.Writer, label string, gen, base [2]string) {
	cell := func(k [2]string, unit string, format func(float64) string) string {
		if _, ok := rep.skipped[k]; ok {
			return "skipped"
		}
		if v, ok := rep.metric(k, unit); ok {
			return format(v)
		}
		return "—"
	}
	ns := func(v float64) string { return strconv.FormatFloat(v, 'f', nsDigits(v), 64) }
	allocs := func(v float64) string { return strconv.FormatFloat(v, 'g', 3, 64) }
	rate := func(v float64) string { return strconv.FormatFloat(v/1e6, 'f', 2, 64) + "M" }
	ratio := "—"
	g, ok1 := rep.metric(gen, "ns/event")
	b, ok2 := rep.metric(base, "ns/event")
	if ok1 && ok2 && b > 0 {
		ratio = strconv.FormatFloat(g/b, 'f', 2, 64) + "x"
	}
	fmt.Fprintf(w, "| %s | %s | %s | %s | %s | %s | %s | %s |\n", label,
		cell(gen, "ns/event", ns), cell(base, "ns/event", ns), ratio,
		cell(gen, "allocs/event", allocs), cell(base, "allocs/event", allocs),
		cell(gen, "events/s", rate), cell(base, "events/s", rate))
}

func nsDigits(v float64) int {
	switch {
	case v < 10:
		return 2
	case v < 100:
		return 1
	}
	return 0
}
