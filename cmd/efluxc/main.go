// Command efluxc compiles EventFlux SQL applications to Go packages, builds
// and runs them, and runs .txtar test cases. One file per subcommand.
package main

import (
	"errors"
	"fmt"
	"os"
)

// command is one subcommand: run gets the arguments after its name.
type command struct {
	name, usage, summary string
	run                  func(args []string) error
}

var commands = []command{
	compileCmd, buildCmd, runCmd, testCmd, checkCmd, explainCmd,
}

// exitError carries an exit status without a message of its own (the
// command has already reported what went wrong).
type exitError int

func (e exitError) Error() string { return fmt.Sprintf("exit status %d", int(e)) }

func main() {
	if len(os.Args) < 2 || os.Args[1] == "-h" || os.Args[1] == "-help" || os.Args[1] == "help" {
		usage()
		if len(os.Args) < 2 {
			os.Exit(2)
		}
		return
	}
	for _, c := range commands {
		if c.name == os.Args[1] {
			err := c.run(os.Args[2:])
			var ee exitError
			switch {
			case errors.As(err, &ee):
				os.Exit(int(ee))
			case err != nil:
				fmt.Fprintln(os.Stderr, "efluxc "+c.name+":", err)
				os.Exit(1)
			}
			return
		}
	}
	fmt.Fprintf(os.Stderr, "efluxc: unknown command %q\n", os.Args[1])
	usage()
	os.Exit(2)
}

func usage() {
	fmt.Fprintln(os.Stderr, "usage: efluxc COMMAND [flags] ...\n\ncommands:")
	for _, c := range commands {
		fmt.Fprintf(os.Stderr, "  %-50s %s\n", c.usage, c.summary)
	}
	fmt.Fprintln(os.Stderr, "\nRun 'efluxc COMMAND -h' for a command's flags.")
}
