package syntax

// Parse parses one application. Errors are a diag.List of syntax errors
// formatted `file:line:col: expected X, found Y`.
func Parse(filename string, src []byte) (*File, error) {
	panic("syntax: not implemented yet")
}
