package cases

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"time"
)

// execute runs the harness binary on jobs ids and returns their results. A
// job that crashes the process or makes no progress within timeout gets an
// error result, and the process is restarted with the jobs after it.
func execute(bin string, ids []int, timeout time.Duration) map[int]jobResult {
	results := map[int]jobResult{}
	for len(ids) > 0 {
		stderr, status := runOnce(bin, ids, timeout, results)
		next := -1
		for k, id := range ids {
			if _, ok := results[id]; !ok {
				next = k
				break
			}
		}
		if next < 0 {
			break
		}
		msg := "the test program " + status
		if s := strings.TrimSpace(stderr); s != "" {
			msg += ":\n" + tail(s, 40)
		}
		results[ids[next]] = jobResult{Job: ids[next], Out: map[string][]string{}, Err: msg}
		ids = ids[next+1:]
	}
	return results
}

// runOnce runs the binary once; it returns stderr and how the process ended.
func runOnce(bin string, ids []int, timeout time.Duration, results map[int]jobResult) (string, string) {
	args := make([]string, len(ids))
	for i, id := range ids {
		args[i] = strconv.Itoa(id)
	}
	cmd := exec.Command(bin, args...)
	var stderr lockedBuffer
	cmd.Stderr = &stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return "", err.Error()
	}
	if err := cmd.Start(); err != nil {
		return "", "did not start: " + err.Error()
	}
	var mu sync.Mutex
	timedOut := false
	timer := time.AfterFunc(timeout, func() {
		mu.Lock()
		timedOut = true
		mu.Unlock()
		cmd.Process.Kill()
	})
	rd := bufio.NewReader(stdout)
	for {
		line, err := rd.ReadBytes('\n')
		if len(bytes.TrimSpace(line)) > 0 {
			var jr jobResult
			if json.Unmarshal(line, &jr) == nil {
				results[jr.Job] = jr
				timer.Reset(timeout)
			}
		}
		if err != nil {
			break
		}
	}
	io.Copy(io.Discard, stdout)
	werr := cmd.Wait()
	timer.Stop()
	mu.Lock()
	defer mu.Unlock()
	switch {
	case timedOut:
		return stderr.String(), fmt.Sprintf("timed out after %s", timeout)
	case werr != nil:
		return stderr.String(), "crashed (" + werr.Error() + ")"
	}
	return stderr.String(), "exited early"
}

func tail(s string, n int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > n {
		lines = append([]string{"..."}, lines[len(lines)-n:]...)
	}
	return strings.Join(lines, "\n")
}

// lockedBuffer collects stderr, keeping at most 1 MB.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.buf.Len() < 1<<20 {
		b.buf.Write(p)
	}
	return len(p), nil
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
