package codegen

func (g *qgen) genRate() { panic("codegen: output rate limiting") }
