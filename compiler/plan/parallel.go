package plan

import "fmt"

// Parallelism says whether an app can run as several independent copies,
// each fed the input events of some partition keys (DESIGN.md: parallelism
// comes from running several Apps). That holds when events of different
// keys never meet: every stateful query is inside a partition, every input
// stream read by a partition is partitioned by the same value key in every
// partition that reads it (keys compare as text, §11, so the key's text
// routes the event), and what the partitions write is read back only by
// stateless queries. Range keys do not qualify: one event may belong to
// several instances.
type Parallelism struct {
	OK bool
	// Why is the reason when not OK, naming the statement that prevents it.
	Why string
	// Keys maps each input stream read by a partition to its key
	// expression (over the stream's attributes). Streams not in Keys feed
	// only stateless queries and may go to any copy.
	Keys map[*Stream]Expr
}

// Parallel analyses app.
func Parallel(app *App) Parallelism {
	no := func(format string, args ...any) Parallelism {
		return Parallelism{Why: fmt.Sprintf(format, args...)}
	}
	if len(app.Tables) > 0 {
		return no("table %s is shared by every key", app.Tables[0].Name)
	}
	if len(app.Triggers) > 0 {
		return no("trigger %s fires once for the whole app", app.Triggers[0].Name)
	}
	written := map[*Stream]bool{}
	all := append([]*Query(nil), app.Queries...)
	for _, p := range app.Partitions {
		all = append(all, p.Queries...)
	}
	for _, q := range all {
		if q.TargetStream != nil {
			written[q.TargetStream] = true
		}
	}
	for _, q := range app.Queries {
		if !Stateless(q) {
			return no("query at line %d keeps state outside a partition", q.Line)
		}
	}
	keys := map[*Stream]Expr{}
	for _, p := range app.Partitions {
		for _, q := range p.Queries {
			for _, s := range inputStreams(q) {
				if s.Kind == InnerStream {
					continue
				}
				var key *PartitionKey
				for _, k := range p.Keys {
					if k.Stream == s {
						key = k
					}
				}
				switch {
				case key == nil:
					return no("query at line %d reads %s, which its partition does not partition: every instance sees it", q.Line, s.Name)
				case key.Value == nil:
					return no("partition at line %d partitions %s by ranges: an event may belong to several instances", p.Pos.Line, s.Name)
				case written[s]:
					return no("partition at line %d reads %s, which queries write: its events may come from other keys", p.Pos.Line, s.Name)
				}
				if k, ok := keys[s]; ok && ExprString(k) != ExprString(key.Value) {
					return no("partition at line %d partitions %s by %s, another partition by %s", p.Pos.Line, s.Name, ExprString(key.Value), ExprString(k))
				}
				keys[s] = key.Value
			}
		}
	}
	return Parallelism{OK: true, Keys: keys}
}

// Stateless reports whether q keeps nothing from one input chunk to the
// next: a stream query without window, aggregation, rate limiting or table.
func Stateless(q *Query) bool {
	in, ok := q.Input.(*StreamInput)
	return ok && in.Window == nil && in.Source.Stream != nil && !q.Aggregating &&
		q.Rate == nil && q.Kind == Insert && q.TargetTable == nil
}

// inputStreams lists the streams q reads.
func inputStreams(q *Query) []*Stream {
	var l []*Stream
	add := func(s *Stream) {
		if s == nil {
			return
		}
		for _, x := range l {
			if x == s {
				return
			}
		}
		l = append(l, s)
	}
	switch in := q.Input.(type) {
	case *StreamInput:
		add(in.Source.Stream)
	case *JoinInput:
		add(in.Left.Source.Stream)
		add(in.Right.Source.Stream)
	case *PatternInput:
		for _, s := range in.Sources {
			add(s.Stream)
		}
	}
	return l
}
