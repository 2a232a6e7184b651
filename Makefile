# Glean: `make run` runs the default pipeline over Samples/, `make test` runs every test.
# Everything they need installs from here: system libraries with apt, Python readers into .venv.

SHELL        := /bin/bash
PREFIX       ?= /usr/local
SWIFT        ?= swift
SHARED       ?= $(abspath ../shared)
OUT          ?= out
JOBS         ?= $(shell nproc 2>/dev/null || echo 2)
VENV         := .venv
PYTHON       := $(CURDIR)/$(VENV)/bin/python
SUDO         := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_PACKAGES := pkg-config libxml2-dev zlib1g-dev libzstd-dev libsnappy-dev
DEBUG_BIN     = $(shell $(SWIFT) build --show-bin-path)/glean
RELEASE_BIN   = $(shell $(SWIFT) build -c release --show-bin-path)/glean

export GLEAN_PYTHON := $(PYTHON)
export GLEAN_SHARED := $(SHARED)

.DEFAULT_GOAL := help
.PHONY: help deps venv build release run test eval bench fuzz install uninstall lint clean

help: ## List the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

deps: ## Install the system libraries (apt) that are missing
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "make deps: installing$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing >/dev/null; \
	fi

$(VENV)/.installed: Tests/Python/requirements.txt
	@command -v python3 >/dev/null || { echo "make: python3 is needed for the test readers"; exit 1; }
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install -q --disable-pip-version-check -r Tests/Python/requirements.txt
	@touch $@

venv: $(VENV)/.installed ## Create .venv with the Python readers the tests use (pyarrow, duckdb, polars)

build: deps ## Build glean (debug)
	$(SWIFT) build

release: deps ## Build glean (release)
	$(SWIFT) build -c release

run: release ## Run the default pipeline (Pipelines/news.yaml) over Samples/ into out/
	@set +e; $(RELEASE_BIN) run Pipelines/news.yaml --out $(OUT) --jobs $(JOBS); rc=$$?; \
	if [ $$rc = 3 ]; then echo "make run: warning: some documents were rejected (exit 3); see $(OUT)/csv/rejects.csv"; exit 0; fi; exit $$rc

test: deps venv ## Build and run every test
	$(SWIFT) build
	GLEAN_BIN=$(DEBUG_BIN) $(SWIFT) test

eval: release ## Score main text, metadata and facts against ../shared (dev sets)
	@set +e; for c in aeb wcxb; do \
	  $(RELEASE_BIN) run Pipelines/eval-$$c.yaml --out $(OUT)/eval/$$c --quiet; rc=$$?; \
	  if [ $$rc != 0 ] && [ $$rc != 3 ]; then echo "eval: run over $$c failed ($$rc)"; exit $$rc; fi; \
	done; \
	echo "== aeb-dev: main text"; python3 $(SHARED)/eval/score_text.py --truth $(SHARED)/corpora/aeb-dev/ground_truth.jsonl --csv $(OUT)/eval/aeb/csv; \
	echo "== wcxb-dev: main text"; python3 $(SHARED)/eval/score_text.py --truth $(SHARED)/corpora/wcxb-dev/ground_truth.jsonl --csv $(OUT)/eval/wcxb/csv; \
	echo "== wcxb-dev: metadata"; python3 $(SHARED)/eval/score_meta.py --truth $(SHARED)/corpora/wcxb-dev/ground_truth.jsonl --csv $(OUT)/eval/wcxb/csv; \
	$(RELEASE_BIN) run Pipelines/news.yaml --out $(OUT)/eval/news --quiet; rc=$$?; \
	if [ $$rc != 0 ] && [ $$rc != 3 ]; then exit $$rc; fi; \
	echo "== samples: facts"; python3 $(SHARED)/eval/score_facts.py --csv $(OUT)/eval/news/csv --gold $(SHARED)/gold

install: release ## Install glean into $(PREFIX)/bin
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 755 $(RELEASE_BIN) $(DESTDIR)$(PREFIX)/bin/glean

uninstall: ## Remove an installed glean
	rm -f $(DESTDIR)$(PREFIX)/bin/glean

lint: ## Warnings are errors in every target; build to check
	$(SWIFT) build

clean: ## Remove build products and outputs
	rm -rf .build $(OUT)
