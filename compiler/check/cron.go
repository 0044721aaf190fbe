package check

import "github.com/efluxc/efluxc/compiler/cron"

// validateCron checks a trigger's or cron window's expression (§12.2); the
// error names the offending field. Codegen parses it again into the sets
// it emits.
func validateCron(expr string) error {
	_, err := cron.Parse(expr)
	return err
}
