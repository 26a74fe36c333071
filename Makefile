# crosswalk — the two commands a newcomer needs are `make site` and `make test`.
SHELL := /bin/bash
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
CROSSWALK := .build/debug/crosswalk

.PHONY: site test test-browser build deps release-deps release format lint clean theme bench fuzz test-asan test-release

## site: build the shipped content/ into public/
site: build
	$(CROSSWALK) build --source . --output public
	@echo "open public/index.html in a browser (or serve the public/ folder)"

## test: the Swift tests, the formatter check, a strict check of the shipped site, the browser tests
test: build
	$(SWIFT) test --parallel
	$(MAKE) lint
	$(CROSSWALK) check --strict --source .
	$(MAKE) test-browser

## test-browser: the theme in headless Chromium (installs chromium and a Python venv when missing)
test-browser: build
	CROSSWALK=$(CROSSWALK) Tests/browser/run.sh

build: deps
	$(SWIFT) build --product crosswalk

## deps: install the system packages the build needs (libcmark-dev, libjemalloc-dev, pkg-config) when missing
SYSTEM_PACKAGES := libcmark-dev libjemalloc-dev pkg-config
deps:
	@if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists libcmark jemalloc; then \
	  echo "installing $(SYSTEM_PACKAGES)"; \
	  if [ -n "$(SUDO)" ] && ! command -v sudo >/dev/null 2>&1; then \
	    echo "run as root: apt-get update && apt-get install -y $(SYSTEM_PACKAGES)"; exit 1; \
	  fi; \
	  $(SUDO) apt-get install -y $(SYSTEM_PACKAGES) \
	    || { $(SUDO) apt-get update && $(SUDO) apt-get install -y $(SYSTEM_PACKAGES); } \
	    || { echo "could not install; run: sudo apt-get update && sudo apt-get install -y $(SYSTEM_PACKAGES)"; exit 1; }; \
	fi

## fuzz: libFuzzer + AddressSanitizer on the whole page pipeline, FUZZ_SECONDS long (default 60)
fuzz: deps
	FUZZ_SECONDS=$${FUZZ_SECONDS:-60} scripts/fuzz.sh

## test-asan: the test suite under AddressSanitizer and LeakSanitizer (scratch folder .build-asan)
test-asan: deps
	scripts/test-asan.sh

## test-release: the Swift tests built as releases are (scratch folder .build-release-test): the
## optimizer inlines across files there, and the libcmark shim's thread-local arena is per file
test-release: deps
	$(SWIFT) test -c release --build-path .build-release-test -Xswiftc -enable-testing --parallel

## theme: embed templates/ into the binary (for `crosswalk init`) after changing the theme
theme:
	python3 scripts/embed-theme.py

## release: an optimised .build/release/crosswalk with the Swift runtime linked in: it runs where
## Swift is not installed (libcmark, libjemalloc and libcurl must be), and starts and runs faster
release: deps release-deps
	$(SWIFT) build -c release --product crosswalk --static-swift-stdlib -Xlinker -lcurl

# The static Foundation the runtime brings needs libcurl to link: FlyingFox (`serve`) imports
# FoundationNetworking.
release-deps:
	@if ! pkg-config --exists libcurl; then \
	  echo "installing libcurl4-openssl-dev"; \
	  $(SUDO) apt-get install -y libcurl4-openssl-dev \
	    || { $(SUDO) apt-get update && $(SUDO) apt-get install -y libcurl4-openssl-dev; } \
	    || { echo "could not install; run: sudo apt-get install -y libcurl4-openssl-dev"; exit 1; }; \
	fi

## bench: build synthetic corpora with crosswalk (and Hugo when installed) and print a table
bench: release
	CROSSWALK=.build/release/crosswalk BENCH_HUGO_INSTALL=$${BENCH_HUGO_INSTALL:-1} bench/run.sh

# DefaultTheme.swift is generated from templates/ (make theme) and not hand-formatted.
lint:
	$(SWIFT) format lint --strict Package.swift $$(find Sources Tests -name '*.swift' ! -name DefaultTheme.swift | sort)

format:
	$(SWIFT) format --in-place Package.swift $$(find Sources Tests -name '*.swift' ! -name DefaultTheme.swift | sort)

clean:
	rm -rf .build public
