package main

const checkUsage = "check app.eventflux"

var checkCmd = command{
	name:    "check",
	usage:   checkUsage,
	summary: "report the app's errors (file:line:col: msg), exit 1 if any",
	run:     runCheck,
}

func runCheck(args []string) error {
	path, err := parseFlags(newFlags("check", checkUsage), args)
	if err != nil {
		return err
	}
	_, err = compileFile(path)
	return err
}
