# Glean: `make run` runs the default pipeline over Samples/, `make test` runs every test.
# Everything they need installs from here: system libraries with apt, Python readers into .venv.

SHELL        := /bin/bash
PREFIX       ?= /usr/local
SWIFT        ?= swift
SHARED       ?= $(abspath ../shared)
OUT          ?= out
JOBS         ?= $(shell nproc 2>/dev/null || echo 2)
FUZZ_SECONDS ?= 60
VENV         := .venv
PYTHON       := $(CURDIR)/$(VENV)/bin/python
SUDO         := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_PACKAGES := pkg-config libxml2-dev zlib1g-dev libdeflate-dev libzstd-dev libsnappy-dev libsqlite3-dev libbrotli-dev libxlsxwriter-dev
# Only the tests need these: a real spreadsheet opens our CSV; Spark (pyspark, in .venv) reads
# the Hive datasets on a Java runtime; Tests/Cluster runs a one-node Slurm cluster (slurm-wlm, munge);
# a real browser (chromium, headless) loads the report glean report writes.
TEST_APT_PACKAGES := libreoffice-calc-nogui openjdk-17-jre-headless slurm-wlm munge chromium
DEBUG_BIN     = $(shell $(SWIFT) build --show-bin-path)/glean
RELEASE_BIN   = $(shell $(SWIFT) build -c release --show-bin-path)/glean

export GLEAN_PYTHON := $(PYTHON)
export GLEAN_SHARED := $(SHARED)

.DEFAULT_GOAL := help
.PHONY: help deps test-deps venv build release run test eval eval-text eval-facts eval-trafilatura train train-people bench faults fuzz docs install uninstall lint clean identical

help: ## List the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

deps: ## Install the system libraries (apt) that are missing
	@$(call apt_install,$(APT_PACKAGES))

test-deps: deps venv
	@$(call apt_install,$(TEST_APT_PACKAGES))

# apt-get install whatever of $(1) is missing (once: dpkg says what is there).
define apt_install
missing=""; for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
if [ -n "$$missing" ]; then \
  echo "make: installing$$missing with apt"; \
  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
fi
endef

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
	@set +e; $(RELEASE_BIN) run Pipelines/news.yaml --out $(OUT) --jobs $(JOBS) --report; rc=$$?; \
	if [ $$rc = 3 ]; then echo "make run: warning: some documents were rejected (exit 3); see $(OUT)/csv/rejects.csv"; exit 0; fi; exit $$rc

test: test-deps ## Build and run every test
	$(SWIFT) build
	GLEAN_BIN=$(DEBUG_BIN) $(SWIFT) test

eval: eval-text eval-facts ## Score main text, metadata and facts (dev and validation shares; see Tools/eval/split.py)

# Every corpus is scored on two shares: dev (four fifths, to develop on) and val (a fixed fifth chosen by a
# hash of the id, scored but never read page by page). Report both.
EVAL := $(OUT)/eval
define eval_run
	@$(RELEASE_BIN) run Pipelines/$(1).yaml --out $(EVAL)/$(1) --quiet; rc=$$?; \
	if [ $$rc != 0 ] && [ $$rc != 3 ]; then echo "eval: run of $(1) failed ($$rc)"; exit $$rc; fi
endef

eval-text: release ## Main text and metadata: wcxb-devsplit per page type, aeb-dev, wcxb-dev dates and titles
	$(call eval_run,eval-wcxb-devsplit)
	$(call eval_run,eval-aeb)
	$(call eval_run,eval-wcxb)
	@for c in wcxb-devsplit aeb-dev wcxb-dev; do python3 Tools/eval/split.py truth $(SHARED)/corpora/$$c/ground_truth.jsonl $(EVAL)/split/$$c >/dev/null; done
	@for s in dev val; do \
	  echo "== wcxb-devsplit ($$s): word F1 per page type"; python3 $(SHARED)/eval/score_wcxb.py --truth $(EVAL)/split/wcxb-devsplit/$$s.jsonl --csv $(EVAL)/eval-wcxb-devsplit/csv; \
	  echo "== wcxb-devsplit ($$s): title and date"; python3 $(SHARED)/eval/score_meta.py --truth $(EVAL)/split/wcxb-devsplit/$$s.jsonl --csv $(EVAL)/eval-wcxb-devsplit/csv; \
	  echo "== wcxb-dev, dated articles ($$s): title and date"; python3 $(SHARED)/eval/score_meta.py --truth $(EVAL)/split/wcxb-dev/$$s.jsonl --csv $(EVAL)/eval-wcxb/csv; \
	  echo "== aeb-dev ($$s): main text"; python3 $(SHARED)/eval/score_text.py --truth $(EVAL)/split/aeb-dev/$$s.jsonl --csv $(EVAL)/eval-aeb/csv; \
	done

eval-facts: release ## Facts: news-dev and our news-extra, news-more, news-world (dev and validation, per language), news-fresh and news-fresh2 (held out whole) and the samples' gold
	$(call eval_run,eval-news-dev)
	$(call eval_run,eval-news-extra)
	$(call eval_run,eval-news-more)
	$(call eval_run,eval-news-world)
	$(call eval_run,eval-news-fresh)
	$(call eval_run,eval-news-fresh2)
	$(call eval_run,news)
	@python3 Tools/eval/split.py gold $(SHARED)/corpora/news-dev/gold $(EVAL)/split/news-dev >/dev/null
	@python3 Tools/eval/split.py gold Tests/Corpora/news-extra/gold $(EVAL)/split/news-extra >/dev/null
	@python3 Tools/eval/split.py gold Tests/Corpora/news-more/gold $(EVAL)/split/news-more >/dev/null
	@python3 Tools/eval/split.py gold Tests/Corpora/news-world/gold $(EVAL)/split/news-world >/dev/null
	@for c in news-dev news-extra news-more news-world; do for s in dev val; do \
	  echo "== $$c ($$s): facts"; python3 $(SHARED)/eval/score_facts.py --csv $(EVAL)/eval-$$c/csv --gold $(EVAL)/split/$$c/$$s --by-language; \
	done; done
	@echo "== news-fresh (held out whole: scored, never tuned on): facts"; python3 $(SHARED)/eval/score_facts.py --csv $(EVAL)/eval-news-fresh/csv --gold Tests/Corpora/news-fresh/gold --by-language
	@echo "== news-fresh2 (held out whole: scored, never tuned on): facts"; python3 $(SHARED)/eval/score_facts.py --csv $(EVAL)/eval-news-fresh2/csv --gold Tests/Corpora/news-fresh2/gold --by-language
	@echo "== samples: facts"; python3 $(SHARED)/eval/score_facts.py --csv $(EVAL)/news/csv --gold $(SHARED)/gold

TRAIN_VENV := .venv-train
$(TRAIN_VENV)/.installed: Tools/train/requirements.txt
	python3 -m venv $(TRAIN_VENV)
	$(TRAIN_VENV)/bin/pip install -q --disable-pip-version-check -r Tools/train/requirements.txt
	@touch $@

train: release $(TRAIN_VENV)/.installed ## Retrain the page-profile model on wcxb-devsplit's dev share (rewrites Sources/GleanHTML/PageProfileWeights.swift)
	$(TRAIN_VENV)/bin/python Tools/train/train_profile.py --glean $(RELEASE_BIN) --corpus $(SHARED)/corpora/wcxb-devsplit

train-people: release $(TRAIN_VENV)/.installed ## Retrain the person-run model on the dev shares of news-dev, news-extra, news-more (rewrites Sources/GleanFacts/Languages/person_runs.json)
	$(TRAIN_VENV)/bin/python Tools/train/train_people.py --glean $(RELEASE_BIN)

BENCH_VENV := .venv-bench
$(BENCH_VENV)/.installed: Tests/Bench/requirements.txt
	python3 -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/pip install -q --disable-pip-version-check -r Tests/Bench/requirements.txt
	@touch $@

eval-trafilatura: $(BENCH_VENV)/.installed ## trafilatura 2.3.1 on the same wcxb-devsplit pages and shares, for the README's comparison
	$(BENCH_VENV)/bin/python Tools/eval/trafilatura_baseline.py $(SHARED)/corpora/wcxb-devsplit $(EVAL)/trafilatura-wcxb-devsplit
	@python3 Tools/eval/split.py truth $(SHARED)/corpora/wcxb-devsplit/ground_truth.jsonl $(EVAL)/split/wcxb-devsplit >/dev/null
	@for s in dev val; do \
	  echo "== trafilatura, wcxb-devsplit ($$s): word F1 per page type"; python3 $(SHARED)/eval/score_wcxb.py --truth $(EVAL)/split/wcxb-devsplit/$$s.jsonl --csv $(EVAL)/trafilatura-wcxb-devsplit/csv; \
	  echo "== trafilatura, wcxb-devsplit ($$s): title and date"; python3 $(SHARED)/eval/score_meta.py --truth $(EVAL)/split/wcxb-devsplit/$$s.jsonl --csv $(EVAL)/trafilatura-wcxb-devsplit/csv; \
	done

bench: release ## Speed and memory beside trafilatura, libxml2's bare parse and pyarrow (out/bench/results.json)
	GLEAN_BIN=$(RELEASE_BIN) GLEAN_SHARED=$(SHARED) BENCH_OUT=$(CURDIR)/$(OUT)/bench Tests/Bench/run.sh

faults: release ## The expensive fault cases (100,000 files, a 505 MB input, 10 million lines, 40,000 globs, a 5 GB WARC, 100,000 documents to xlsx) with their time and memory
	GLEAN_BIN=$(RELEASE_BIN) Tests/Faults/run.sh

fuzz: deps ## libFuzzer over the HTML reader, the manifest loader, the number and date parsers (FUZZ_SECONDS each, default 60)
	FUZZ_SECONDS=$(FUZZ_SECONDS) Tests/Fuzz/run.sh

install: release ## Install glean into $(PREFIX)/bin
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 755 $(RELEASE_BIN) $(DESTDIR)$(PREFIX)/bin/glean

uninstall: ## Remove an installed glean
	rm -f $(DESTDIR)$(PREFIX)/bin/glean

docs: build ## Rewrite the README sections printed by glean stages and glean schema
	@python3 -c 'import re,subprocess,sys; b=sys.argv[1]; r=open("README.md").read(); \
	st=subprocess.run([b,"stages"],capture_output=True,text=True,check=True).stdout.strip("\n"); \
	sc=subprocess.run([b,"schema","--format","markdown"],capture_output=True,text=True,check=True).stdout.strip("\n"); \
	r=re.sub(r"(<!-- BEGIN glean stages -->\n).*?(<!-- END glean stages -->)", lambda m: m.group(1)+"```text\n"+st+"\n```\n"+m.group(2), r, flags=re.S); \
	r=re.sub(r"(<!-- BEGIN glean schema -->\n).*?(<!-- END glean schema -->)", lambda m: m.group(1)+sc+"\n"+m.group(2), r, flags=re.S); \
	open("README.md","w").write(r)' $(DEBUG_BIN)

identical: release ## Compare the tables of Pipelines/ over committed inputs with those of BASE_BIN (a glean built from an earlier commit)
	@[ -n "$(BASE_BIN)" ] || { echo "make identical: set BASE_BIN to a glean built from the commit to compare with"; exit 2; }
	Tools/check_identical.sh $(BASE_BIN) $(RELEASE_BIN)

lint: ## Warnings are errors in every target; build to check
	$(SWIFT) build

clean: ## Remove build products and outputs
	rm -rf .build $(OUT)
