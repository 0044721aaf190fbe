package cases

import (
	"bytes"
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/dave/jennifer/jen"

	"github.com/efluxc/efluxc/compiler/types"
	"github.com/efluxc/efluxc/internal/gobuild"
)

// Options control Run.
type Options struct {
	// Modes lists the ways to compile every case; default {Optimized}.
	// Several modes run in the same generated program.
	Modes []Mode
	// Timeout bounds one case's run (default 30s); a case that takes
	// longer, or crashes the process, fails and the others go on.
	Timeout time.Duration
	// CacheDir overrides gobuild's cache directory.
	CacheDir string
	// Log receives progress messages (may be nil).
	Log io.Writer

	frontend frontend // tests replace the compiler pipeline
}

//go:embed harness.go.txt
var harnessMain []byte

// progFunc is added to every case package: it returns New() as an rt.Program,
// so that a generated App that does not satisfy rt.Program fails in its own
// package, not in main.
const progFunc = "EfluxcCaseProgram"

const rtPath = gobuild.RuntimeModule + "/rt"

// run is one case in one mode on its way through Run.
type run struct {
	c      *Case
	res    *Outcome
	schema map[string][]types.Type
	pkg    string // package holding its code, possibly shared with another mode
}

// job is the harness's unit of work (a package run once; several runs may
// share it when both modes generated the same code).
type job struct {
	Pkg     string   `json:"pkg"`
	Observe []string `json:"observe"`
	Input   []step   `json:"input"`
}

type step struct {
	Line int             `json:"line"`
	T    int64           `json:"t"`
	S    string          `json:"s,omitempty"`
	A    json.RawMessage `json:"a,omitempty"`
}

type jobResult struct {
	Job int                 `json:"job"`
	Out map[string][]string `json:"out"`
	Err string              `json:"err,omitempty"`
}

// Run runs every case in every mode: compiles all apps, builds one program
// holding them all with one `go build`, runs it once and compares the
// outputs. An error means the runner itself could not work (no go tool,
// unwritable cache); case failures are in the results.
func Run(cs []*Case, opts Options) ([]*Result, error) {
	if len(opts.Modes) == 0 {
		opts.Modes = []Mode{Optimized}
	}
	if opts.Timeout == 0 {
		opts.Timeout = 30 * time.Second
	}
	if opts.frontend == nil {
		opts.frontend = compileCase
	}
	results := make([]*Result, len(cs))
	var runs [][]*run // per case, per mode
	for i, c := range cs {
		results[i] = &Result{Case: c, Runs: make([]Outcome, len(opts.Modes))}
		rs := make([]*run, len(opts.Modes))
		for j, m := range opts.Modes {
			results[i].Runs[j].Mode = m
			rs[j] = &run{c: c, res: &results[i].Runs[j]}
		}
		runs = append(runs, rs)
	}

	pkgs := compileAll(cs, runs, opts)
	jobs, jobRuns := makeJobs(runs)
	if len(jobs) > 0 {
		if err := buildAndExecute(pkgs, jobs, jobRuns, opts); err != nil {
			return nil, err
		}
	}
	for _, rs := range runs {
		for _, r := range rs {
			if r.res.Kind == Passed && r.res.Output != nil {
				check(r)
			}
		}
	}
	return results, nil
}

// compileAll takes every case through the compiler in parallel and returns
// the generated packages by name. Runs that fail here get their Kind set.
func compileAll(cs []*Case, runs [][]*run, opts Options) map[string]map[string][]byte {
	pkgs := map[string]map[string][]byte{}
	var mu sync.Mutex
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i, c := range cs {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			rs := runs[i]
			switch {
			case c.LoadErr != nil:
				for _, r := range rs {
					r.res.Kind, r.res.Detail = LoadError, c.LoadErr.Error()
				}
				return
			case c.IsError:
				k, d := checkErrorCase(c)
				for _, r := range rs {
					r.res.Kind, r.res.Detail = k, d
				}
				return
			}
			base := fmt.Sprintf("c%04d", i+1)
			var first map[string][]byte
			for j, r := range rs {
				pkg := base
				if j > 0 {
					pkg = fmt.Sprintf("%s%s", base, modeSuffix(opts.Modes[j], j))
				}
				out := opts.frontend(c, opts.Modes[j], pkg)
				r.schema = out.schema
				if out.kind != Passed {
					r.res.Kind, r.res.Detail = out.kind, out.detail
					continue
				}
				if first != nil && sameCode(first, out.files, base, pkg) {
					r.pkg = base
					continue
				}
				if first == nil && j == 0 {
					first = out.files
				}
				r.pkg = pkg
				mu.Lock()
				pkgs[pkg] = out.files
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	return pkgs
}

func modeSuffix(m Mode, j int) string {
	if m == Unoptimized {
		return "o0"
	}
	return fmt.Sprintf("m%d", j)
}

// sameCode reports whether two modes generated the same package, up to its name.
func sameCode(a, b map[string][]byte, nameA, nameB string) bool {
	if len(a) != len(b) {
		return false
	}
	for f, ca := range a {
		cb, ok := b[f]
		if !ok || !bytes.Equal(ca, bytes.ReplaceAll(cb, []byte(nameB), []byte(nameA))) {
			return false
		}
	}
	return true
}

// makeJobs makes one harness job per package and remembers which runs it serves.
func makeJobs(runs [][]*run) ([]job, [][]*run) {
	var jobs []job
	var jobRuns [][]*run
	byPkg := map[string]int{}
	for _, rs := range runs {
		for _, r := range rs {
			if r.pkg == "" {
				continue
			}
			if j, ok := byPkg[r.pkg]; ok {
				jobRuns[j] = append(jobRuns[j], r)
				continue
			}
			byPkg[r.pkg] = len(jobs)
			jb := job{Pkg: r.pkg, Observe: []string{}}
			for _, e := range r.c.Expect {
				jb.Observe = append(jb.Observe, e.Stream)
			}
			for _, s := range r.c.Input {
				jb.Input = append(jb.Input, step{Line: s.Line, T: s.Time, S: s.Stream, A: s.Args})
			}
			jobs = append(jobs, jb)
			jobRuns = append(jobRuns, []*run{r})
		}
	}
	return jobs, jobRuns
}

// buildAndExecute builds the harness with every job's package, dropping
// packages that fail to compile (their runs get BuildError), then runs it.
func buildAndExecute(pkgs map[string]map[string][]byte, jobs []job, jobRuns [][]*run, opts Options) error {
	live := make([]bool, len(jobs))
	for i := range live {
		live[i] = true
	}
	fail := func(j int, kind Kind, detail string) {
		live[j] = false
		for _, r := range jobRuns[j] {
			r.res.Kind, r.res.Detail = kind, detail
		}
	}
	jobByPkg := map[string]int{}
	for i, jb := range jobs {
		jobByPkg[jb.Pkg] = i
	}
	var bin string
	for round := 1; ; round++ {
		files, err := moduleFiles(pkgs, jobs, live)
		if err != nil {
			return err
		}
		logf(opts.Log, "cases: go build of %d packages (round %d)", count(live), round)
		start := time.Now()
		bin, err = gobuild.Build(context.Background(), files, gobuild.Options{CacheDir: opts.CacheDir})
		logf(opts.Log, "cases: go build took %s", time.Since(start).Round(time.Millisecond))
		if err == nil {
			break
		}
		var be *gobuild.Error
		if !errors.As(err, &be) {
			return err
		}
		blamed := blame(be.Output, files)
		progress := false
		for pkg, out := range blamed {
			if j, ok := jobByPkg[pkg]; ok && live[j] {
				fail(j, BuildError, out)
				progress = true
			}
		}
		if !progress {
			for j := range jobs {
				if live[j] {
					fail(j, BuildError, be.Output)
				}
			}
			return nil
		}
		if count(live) == 0 {
			return nil
		}
	}
	var ids []int
	for j := range jobs {
		if live[j] {
			ids = append(ids, j)
		}
	}
	start := time.Now()
	out := execute(bin, ids, opts.Timeout)
	logf(opts.Log, "cases: ran %d jobs in %s", len(ids), time.Since(start).Round(time.Millisecond))
	for _, j := range ids {
		jr := out[j]
		for _, r := range jobRuns[j] {
			r.res.Output, r.res.RunErr = jr.Out, jr.Err
			if jr.Out == nil {
				r.res.Output = map[string][]string{}
			}
			if jr.Err != "" {
				r.res.Kind, r.res.Detail = RuntimeError, jr.Err
			}
		}
	}
	return nil
}

func count(live []bool) int {
	n := 0
	for _, l := range live {
		if l {
			n++
		}
	}
	return n
}

func logf(w io.Writer, format string, args ...any) {
	if w != nil {
		fmt.Fprintf(w, format+"\n", args...)
	}
}

// moduleFiles lays out the harness module: main.go, programs.go, jobs.json
// and one directory per live package.
func moduleFiles(pkgs map[string]map[string][]byte, jobs []job, live []bool) (map[string][]byte, error) {
	files := map[string][]byte{"main.go": harnessMain}
	jobsJSON, err := json.Marshal(jobs)
	if err != nil {
		return nil, err
	}
	files["jobs.json"] = jobsJSON
	table := jen.Dict{}
	for j, jb := range jobs {
		if !live[j] {
			continue
		}
		for name, b := range pkgs[jb.Pkg] {
			files[jb.Pkg+"/"+name] = b
		}
		adapter, err := adapterFile(jb.Pkg)
		if err != nil {
			return nil, err
		}
		files[jb.Pkg+"/efluxc_case_program.go"] = adapter
		table[jen.Lit(jb.Pkg)] = jen.Qual(gobuild.ModulePath+"/"+jb.Pkg, progFunc)
	}
	f := jen.NewFile("main")
	f.HeaderComment("Code generated by efluxc (the case runner). DO NOT EDIT.")
	f.Comment("programs holds the constructor of every case package, by package name.")
	f.Var().Id("programs").Op("=").Map(jen.String()).Func().Params().Qual(rtPath, "Program").Values(table)
	var buf bytes.Buffer
	if err := f.Render(&buf); err != nil {
		return nil, err
	}
	files["programs.go"] = buf.Bytes()
	return files, nil
}

func adapterFile(pkg string) ([]byte, error) {
	f := jen.NewFile(pkg)
	f.HeaderComment("Code generated by efluxc (the case runner). DO NOT EDIT.")
	f.Comment(progFunc + " returns a new App as an rt.Program for the case runner.")
	f.Func().Id(progFunc).Params().Qual(rtPath, "Program").Block(jen.Return(jen.Id("New").Call()))
	var buf bytes.Buffer
	err := f.Render(&buf)
	return buf.Bytes(), err
}

var (
	pkgHeader = regexp.MustCompile(`^# ` + regexp.QuoteMeta(gobuild.ModulePath) + `/(c\d+\w*)$`)
	pkgFile   = regexp.MustCompile(`^(?:\./)?(c\d+\w*)/`)
)

var errPos = regexp.MustCompile(`^(?:\./)?(c\d+\w*/[^:]+\.go):(\d+):\d+: `)

// blame splits `go build` output by the case package it is about, and
// quotes the generated line each error points at.
func blame(output string, files map[string][]byte) map[string]string {
	out := map[string][]string{}
	cur := ""
	for _, l := range strings.Split(output, "\n") {
		if m := pkgHeader.FindStringSubmatch(l); m != nil {
			cur = m[1]
			continue
		}
		if strings.HasPrefix(l, "# ") {
			cur = ""
			continue
		}
		pkg := cur
		if m := pkgFile.FindStringSubmatch(strings.TrimSpace(l)); m != nil {
			pkg = m[1]
		}
		if pkg != "" && strings.TrimSpace(l) != "" {
			out[pkg] = append(out[pkg], l)
			if m := errPos.FindStringSubmatch(l); m != nil {
				if src := sourceLine(files[m[1]], m[2]); src != "" {
					out[pkg] = append(out[pkg], "    | "+src)
				}
			}
		}
	}
	res := map[string]string{}
	for p, ls := range out {
		res[p] = "generated code does not compile:\n" + strings.Join(ls, "\n")
	}
	return res
}

// check compares a run's output with the case's expectations.
func check(r *run) {
	var diffs []string
	for _, e := range r.c.Expect {
		if d := compareStream(e, r.schema[e.Stream], r.res.Output[e.Stream]); d != "" {
			diffs = append(diffs, d)
		}
	}
	sort.Strings(diffs)
	if len(diffs) > 0 {
		r.res.Kind, r.res.Detail = Mismatch, strings.Join(diffs, "")
	}
}

// sourceLine returns line n (a decimal string, 1-based) of src, trimmed.
func sourceLine(src []byte, n string) string {
	i, err := strconv.Atoi(n)
	if err != nil || i < 1 {
		return ""
	}
	lines := strings.Split(string(src), "\n")
	if i > len(lines) {
		return ""
	}
	return strings.TrimSpace(lines[i-1])
}
