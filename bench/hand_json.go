package bench

import (
	"encoding/json"
	"errors"
	"strconv"
)

// stockJSON is a stock event as decoded from a JSON line.
type stockJSON struct {
	Symbol string  `json:"symbol"`
	Price  float64 `json:"price"`
	Volume int64   `json:"volume"`
	TS     int64   `json:"ts"`
}

// handJSON is the json workload by hand: the filter workload fed with JSON
// lines through a decoder written for this one schema (decodeStock). A
// second variant decodes with encoding/json instead, for reference.
type handJSON struct {
	d          *data
	encoding   bool // decode with encoding/json
	in         stockJSON
	dec        stockDecoder
	out        filteredRow
	emit       func(ts int64, r *filteredRow)
	res        result
	decodeErrs int
}

func newHandJSON(d *data) runner     { return newJSON(d, false) }
func newEncodingJSON(d *data) runner { return newJSON(d, true) }
func newJSON(d *data, enc bool) *handJSON {
	h := &handJSON{d: d, encoding: enc, dec: stockDecoder{symbols: make(map[string]string)}}
	h.emit = func(ts int64, r *filteredRow) {
		h.res.rows++
		h.res.sum += r.price + float64(r.volume)
	}
	return h
}

func (h *handJSON) run(from, to int) {
	for i := from; i < to; i++ {
		h.send(h.d.at(i), h.d.lines[i&h.d.mask])
	}
}

func (h *handJSON) send(ts int64, line []byte) {
	var err error
	if h.encoding {
		h.in = stockJSON{}
		err = json.Unmarshal(line, &h.in)
	} else {
		err = h.dec.decode(line, &h.in)
	}
	if err != nil {
		h.decodeErrs++
		return
	}
	if e := &h.in; e.Price > 100 && e.Volume < 1000 {
		h.out = filteredRow{symbol: e.Symbol, price: e.Price, volume: e.Volume}
		h.emit(ts, &h.out)
	}
}

func (h *handJSON) result() result { return h.res }

// stockDecoder decodes one flat JSON object into a stockJSON. Symbols are
// interned so that a repeated symbol does not allocate.
type stockDecoder struct {
	b       []byte
	i       int
	symbols map[string]string
}

var errSyntax = errors.New("bench: malformed stock JSON")

func (d *stockDecoder) decode(b []byte, e *stockJSON) error {
	*e = stockJSON{}
	d.b, d.i = b, 0
	if !d.byte('{') {
		return errSyntax
	}
	if d.peek() == '}' {
		d.i++
		return d.end()
	}
	for {
		key, ok := d.str()
		if !ok || !d.byte(':') {
			return errSyntax
		}
		d.ws()
		switch string(key) {
		case "symbol":
			s, ok := d.str()
			if !ok {
				return errSyntax
			}
			e.Symbol, ok = d.symbols[string(s)]
			if !ok {
				e.Symbol = string(s)
				d.symbols[e.Symbol] = e.Symbol
			}
		case "price":
			v, err := strconv.ParseFloat(string(d.number()), 64)
			if err != nil {
				return err
			}
			e.Price = v
		case "volume":
			v, err := strconv.ParseInt(string(d.number()), 10, 64)
			if err != nil {
				return err
			}
			e.Volume = v
		case "ts":
			v, err := strconv.ParseInt(string(d.number()), 10, 64)
			if err != nil {
				return err
			}
			e.TS = v
		default:
			return errSyntax
		}
		switch d.peek() {
		case ',':
			d.i++
		case '}':
			d.i++
			return d.end()
		default:
			return errSyntax
		}
	}
}

func (d *stockDecoder) ws() {
	for d.i < len(d.b) && (d.b[d.i] == ' ' || d.b[d.i] == '\t' || d.b[d.i] == '\n' || d.b[d.i] == '\r') {
		d.i++
	}
}

func (d *stockDecoder) peek() byte {
	d.ws()
	if d.i < len(d.b) {
		return d.b[d.i]
	}
	return 0
}

func (d *stockDecoder) byte(c byte) bool {
	if d.peek() != c {
		return false
	}
	d.i++
	return true
}

func (d *stockDecoder) end() error {
	if d.peek() != 0 {
		return errSyntax
	}
	return nil
}

// str reads a string without escapes (symbols and keys have none; an
// escape is rejected rather than decoded).
func (d *stockDecoder) str() ([]byte, bool) {
	if !d.byte('"') {
		return nil, false
	}
	start := d.i
	for d.i < len(d.b) {
		switch c := d.b[d.i]; {
		case c == '"':
			d.i++
			return d.b[start : d.i-1], true
		case c == '\\' || c < 0x20:
			return nil, false
		}
		d.i++
	}
	return nil, false
}

// number returns the bytes of a number token; strconv validates them.
func (d *stockDecoder) number() []byte {
	start := d.i
	for d.i < len(d.b) {
		switch c := d.b[d.i]; {
		case c >= '0' && c <= '9', c == '-', c == '+', c == '.', c == 'e', c == 'E':
			d.i++
			continue
		}
		break
	}
	return d.b[start:d.i]
}
