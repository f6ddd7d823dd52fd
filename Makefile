# labnetz: the single entry point. `make run` syncs the shipped federation.json; `make test` runs the tests.
SWIFT       ?= swift
CONFIG      ?= federation.json
BIN         := .build/debug/labnetz
SHARED      ?= ../shared
SYSTEM_DEPS := libxml2-dev libcurl4-openssl-dev libsqlite3-dev pkg-config tzdata
SUDO        := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: deps build release run serve check test e2e conformance bench format clean

## deps: install the system libraries labnetz links against (apt, only what is missing)
deps:
	@missing=""; for p in $(SYSTEM_DEPS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

build: deps
	$(SWIFT) build --product labnetz

## release: the optimised binary the benchmarks measure (.build/release/labnetz). The Swift runtime
## and Foundation are linked in statically: loading and relocating their shared libraries took half
## of every start (~10 ms of CPU), and the binary then runs where no Swift toolchain is installed.
## Build release products with these flags only (the bench scripts do): other flags rebuild everything.
release: deps
	$(SWIFT) build -c release --static-swift-stdlib --product labnetz

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

## test: the whole Swift test suite (what CI runs), then the iCalendar suites again in a far-off
## process time zone (+12:45/+13:45) to show that no result depends on it
ICAL_SUITES := CalendarAdapterTests|ICalDurationTests|CalendarInspectJSONTests|ICalendarParserTests|ICalendarPropertyTests|OccurrenceExpanderTests|RRuleExampleTests|TimeZoneTests|ICSPublisherTests
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	TZ=Pacific/Chatham $(SWIFT) test --skip-build --filter '$(ICAL_SUITES)'

## e2e: real clients read what labnetz publishes; every scripts/e2e-*.sh runs, in name order
e2e: build
	@for s in scripts/e2e-*.sh; do echo "== $$s"; bash $$s || exit 1; done

## conformance: score `labnetz inspect --json` against ../shared/conformance (skipped when absent)
conformance: build
	@if [ -f $(SHARED)/conformance/conformance.py ]; then \
	  python3 $(SHARED)/conformance/conformance.py run --bin $(BIN) --corpora $(SHARED)/conformance/corpora; \
	else echo "conformance: $(SHARED)/conformance not found, skipped"; fi

## bench: every scripts/bench/bench-*.sh (each prints labnetz next to its peers, measured in the same run)
bench: release
	@for s in scripts/bench/bench-*.sh; do echo "== $$s"; bash $$s || exit 1; done

## bench-NAME: one benchmark, e.g. `make bench-feeds`
bench-%: release
	bash scripts/bench/bench-$*.sh

format:
	$(SWIFT) format --in-place --recursive Package.swift Sources Tests

clean:
	rm -rf .build public data
