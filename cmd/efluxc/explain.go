package main

import (
	"bytes"
	"fmt"
	"os"
	"strings"

	"github.com/efluxc/efluxc/compiler/plan"
	"github.com/efluxc/efluxc/optimizer"
)

const explainUsage = "explain [-O0] app.eventflux"

var explainCmd = command{
	name:    "explain",
	usage:   explainUsage,
	summary: "print the plan before and after optimization",
	run:     runExplain,
}

func runExplain(args []string) error {
	fs := newFlags("explain", explainUsage)
	noOpt := fs.Bool("O0", false, "disable the optimizer")
	path, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	app, err := compileFile(path)
	if err != nil {
		return err
	}
	// Optimize rewrites the plan in place: print it first.
	var before bytes.Buffer
	if err := plan.Print(&before, app); err != nil {
		return err
	}
	phys, err := optimizer.Optimize(app, optimizer.Options{Disable: *noOpt})
	if err != nil {
		printDiags(os.Stderr, err)
		return exitError(1)
	}
	fmt.Printf("== logical plan ==\n%s\n", before.Bytes())
	title := "optimized plan"
	if *noOpt {
		title = "plan with the optimizer off (-O0)"
	}
	fmt.Printf("== %s ==\n", title)
	if err := plan.Print(os.Stdout, phys.App); err != nil {
		return err
	}
	var choices bytes.Buffer
	if err := plan.PrintPhysical(&choices, phys); err != nil {
		return err
	}
	if choices.Len() > 0 {
		fmt.Printf("\n== physical choices ==\n%s", choices.Bytes())
	}
	if len(phys.Fired) > 0 {
		fmt.Println()
		fmt.Println("== rules fired ==")
		for _, r := range phys.Fired {
			fmt.Printf("%s: %d\n", r.Rule, r.Count)
		}
	}
	fmt.Printf("\n== parallelism ==\n%s\n", parallelism(phys.App))
	return nil
}

// parallelism says whether `run -parallel N` can split the app's input by
// partition key, and if not which statement prevents it.
func parallelism(app *plan.App) string {
	par := plan.Parallel(app)
	if !par.OK {
		return "not parallelizable: " + par.Why
	}
	var keys []string
	for _, s := range app.Streams {
		if k, ok := par.Keys[s]; ok {
			keys = append(keys, s.Name+" by "+plan.ExprString(k))
		}
	}
	if len(keys) == 0 {
		return "parallelizable: stateless (run -parallel N spreads the input over N copies)"
	}
	return "parallelizable: run -parallel N routes " + strings.Join(keys, ", ") + " (partition key text) to N copies"
}
