# Targets for developers and CI. The conformance corpus is vendored from
# ../shared/conformance; passing.txt (the ratchet) and DISPUTED.md are ours.
SHARED_CORPUS ?= ../shared/conformance
CORPUS        := testdata/conformance

.PHONY: build test vet corpus corpus-test ratchet bench

build:
	go build -o efluxc ./cmd/efluxc

test:
	go test ./...

vet:
	go vet ./...

# Refresh the vendored corpus: replace every case file, keep our own files.
corpus:
	@test -d $(SHARED_CORPUS) || { echo "no $(SHARED_CORPUS)"; exit 1; }
	mkdir -p $(CORPUS)
	find $(CORPUS) -mindepth 1 ! -name passing.txt ! -name DISPUTED.md -delete
	cd $(SHARED_CORPUS) && find . -type f ! -name passing.txt ! -name DISPUTED.md \
		-exec sh -c 'mkdir -p "$$0/$$(dirname "$$1")" && cp -p "$$1" "$$0/$$1"' "$(CURDIR)/$(CORPUS)" {} \;

# Run only the corpus test (optimizer on and off, one program).
corpus-test:
	go test -run TestCorpus -v ./cmd/efluxc/cases

# Rewrite the ratchet with the cases that pass now.
ratchet:
	go test -run TestCorpus ./cmd/efluxc/cases -args -update-ratchet

# Benchmarks: generated code against hand-written Go (bench/README.md).
# BENCHTIME and BENCHCOUNT trade time for precision; the table uses medians.
BENCHTIME  ?= 1s
BENCHCOUNT ?= 3
bench:
	go test -run '^$$' -bench . -benchtime $(BENCHTIME) -count $(BENCHCOUNT) -v ./bench | go run ./bench/cmd/benchtable
