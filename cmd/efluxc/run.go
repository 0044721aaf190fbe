package main

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
)

const runUsage = "run [-O0] [-parallel N] [driver flags] app.eventflux [driver flags]"

var runCmd = command{
	name:    "run",
	usage:   runUsage,
	summary: "build (cached) and run the app on stdin/stdout JSON lines",
	run:     runRun,
}

func runRun(args []string) error {
	app, noOpt, rest, help := splitRunArgs(args)
	if help || app == "" {
		fmt.Fprintf(os.Stderr, "usage: efluxc %s\n  -O0\tdisable the optimizer\n  -parallel N\trun N copies of the app, events routed by partition key (see efluxc explain)\nOther flags go to the app's driver (rt/driver); see its -h.\n", runUsage)
		if help {
			return exitError(0)
		}
		return exitError(2)
	}
	bin, err := buildBinary(app, noOpt)
	if err != nil {
		return err
	}
	cmd := exec.Command(bin, rest...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	err = cmd.Run()
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		return exitError(ee.ExitCode())
	}
	return err
}

// splitRunArgs takes -O0 for efluxc and leaves every other argument to the
// driver. The app is the first argument ending in .eventflux, else the last
// argument. help is set by -h before the app (after it, -h goes to the driver).
func splitRunArgs(args []string) (app string, noOpt bool, rest []string, help bool) {
	for _, a := range args {
		switch {
		case a == "-O0" || a == "--O0":
			noOpt = true
		case app == "" && (a == "-h" || a == "-help" || a == "--help"):
			return "", noOpt, nil, true
		case app == "" && strings.HasSuffix(a, ".eventflux"):
			app = a
		default:
			rest = append(rest, a)
		}
	}
	if app == "" && len(rest) > 0 && !strings.HasPrefix(rest[len(rest)-1], "-") {
		app, rest = rest[len(rest)-1], rest[:len(rest)-1]
	}
	return app, noOpt, rest, false
}
