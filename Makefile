# labnetz: the single entry point. `make run` syncs the shipped federation.json; `make test` runs the tests.
SWIFT       ?= swift
CONFIG      ?= federation.json
BIN         := .build/debug/labnetz
SHARED      ?= ../shared
SYSTEM_DEPS := libxml2-dev libcurl4-openssl-dev libsqlite3-dev pkg-config tzdata
SUDO        := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: deps build run serve check test e2e conformance format clean

## deps: install the system libraries labnetz links against (apt, only what is missing)
deps:
	@missing=""; for p in $(SYSTEM_DEPS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

build: deps
	$(SWIFT) build --product labnetz

## run: build, sync the shipped federation.json, say where the feeds are
run: build
	@status=0; $(BIN) sync --config $(CONFIG) || status=$$?; \
	if [ $$status -ge 2 ]; then exit $$status; fi; \
	dir=$$(sed -n 's/.*"publishDir": *"\([^"]*\)".*/\1/p' $(CONFIG)); \
	echo; echo "Merged feeds are in $$dir/:"; ls -1 $$dir | sed 's/^/  /'; \
	echo; echo "Serve them with:  $(BIN) serve --config $(CONFIG)   (then open the hub's baseURL)"; \
	exit $$status

serve: build
	$(BIN) serve --config $(CONFIG)

check: build
	$(BIN) check --config $(CONFIG)

## test: the whole Swift test suite (what CI runs)
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

## e2e: real clients (python icalendar, feedparser, JSON Feed schema checks) read what `make run` publishes
e2e: build
	bash scripts/e2e-clients.sh

## conformance: score `labnetz inspect --json` against ../shared/conformance (skipped when absent)
conformance: build
	@if [ -f $(SHARED)/conformance/conformance.py ]; then \
	  python3 $(SHARED)/conformance/conformance.py run --bin $(BIN) --corpora $(SHARED)/conformance/corpora; \
	else echo "conformance: $(SHARED)/conformance not found, skipped"; fi

format:
	$(SWIFT) format --in-place --recursive Package.swift Sources Tests

clean:
	rm -rf .build public data
