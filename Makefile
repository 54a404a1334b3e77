# mathcalc: two commands on a fresh machine with Python 3.11+:
#   make book   set up .venv, build the HTML book from the stored outputs (warnings are errors)
#   make test   Chromium where missing, nbval (every notebook executed, every output compared
#               with the stored one), the book, then every test: unit, integration, browser
# The inner loop: make check (unit and property tests, import contracts; under a minute).
SHELL := /bin/bash
.SHELLFLAGS := -eo pipefail -c
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
VENDOR := book/_assets/vendor/versions.json
TEST_VENDOR := tests/browser/vendor/versions.json
export PATH := $(CURDIR)/$(BIN):$(PATH)
export PYDEVD_DISABLE_FILE_VALIDATION := 1

.PHONY: setup book test check unit nbval integration browser execute lab pdf tex chromium clean weight screenshots
TEX_PACKAGES := latexmk texlive-xetex texlive-fonts-recommended fonts-freefont-otf fonts-dejavu-core

$(STAMP): requirements.txt requirements-lab.txt pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt \
		-r requirements-lab.txt
	@# Build matplotlib's font cache now: its one-time notice on stderr would otherwise
	@# land in the first notebook's outputs.
	$(BIN)/python -c "import matplotlib.pyplot" 2>/dev/null
	@touch $@

$(VENDOR): scripts/vendor_js.py $(STAMP)
	$(BIN)/python scripts/vendor_js.py

# axe-core for the browser tests, in its own folder: never shipped in the book.
$(TEST_VENDOR): scripts/vendor_js.py $(STAMP)
	$(BIN)/python scripts/vendor_js.py --tests

setup: $(STAMP) $(VENDOR)

# The book shows the stored outputs (execute_notebooks: off): the build runs no kernel, and
# what it shows is what nbval proved.
book: setup
	rm -rf _build/html _build/.doctrees
	$(BIN)/jupyter-book build . --all -W -n --keep-going
	@echo "The book: $(CURDIR)/_build/html/index.html"

# Re-execute the notebooks in place (the stored outputs that nbval compares and the book
# shows). Deterministic: running it twice with no change leaves `git diff` empty.
execute: setup
	$(BIN)/python scripts/execute_notebooks.py

# Every notebook executed by nbval, every output compared with the stored one: text, LaTeX,
# HTML (the widgets' frames), and images (book/conftest.py). One kernel per notebook.
nbval: setup
	$(BIN)/python -m pytest --nbval book --nbval-sanitize-with scripts/nbval_sanitize.cfg \
		-n 2 --dist loadfile -q

# The inner loop: no browser, no fresh virtualenv, no notebook execution.
check: setup
	$(BIN)/python -m pytest tests -m "not integration and not browser" -n 2 --dist worksteal -p no:nbval -q

unit: check

# Fresh virtualenvs, whole builds and executions (tests marked integration, no browser).
integration: setup
	$(BIN)/python -m pytest tests -m "integration and not browser" -n 2 --dist worksteal -q

browser: setup $(TEST_VENDOR)
	$(BIN)/python -m pytest tests -m browser -n 2 --dist worksteal -q

# Chromium first: a machine without it installs it (or is told how) before anything runs.
# Then nbval, the book (the browser tests read it), and every test in one run. pytest-xdist
# hands each worker a contiguous chunk of the collection, and the slow browser tests sit
# together in it: --dist worksteal lets a worker that runs out take pending tests from the
# other (with the default, one worker ran every browser test while the other sat idle for
# 5 of the run's 10 minutes).
test: chromium nbval book $(TEST_VENDOR)
	$(BIN)/python -m pytest tests -n 2 --dist worksteal -q

# Each page's weight and time to interactive in headless Chromium (a benchmark, not a test).
weight: setup
	$(BIN)/python scripts/page_weight.py

# Every page at 390 and 1280 px, light and dark, into _build/screenshots/ (after make book).
screenshots: setup
	$(BIN)/python scripts/screenshots.py

# Open the notebooks in JupyterLab (requirements-lab.txt, the version the live browser test
# drives), widgets included, from the same environment.
lab: setup
	$(BIN)/jupyter lab book $$( [ "$$(id -u)" = 0 ] && echo --allow-root )

# TeX Live from Debian packages, installed where missing (needs root or sudo).
tex:
	@if ! command -v latexmk >/dev/null || ! command -v xelatex >/dev/null; then \
	  echo "Installing TeX Live (Debian packages: $(TEX_PACKAGES))"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $(TEX_PACKAGES) >/dev/null; \
	fi

# Chromium for the browser tests: $(CHROMIUM) if given, else Debian's chromium, installed
# where missing (apt-get as root, through sudo otherwise); without either, one line saying
# what to run, before anything is built.
DEBIAN_CHROMIUM := /usr/bin/chromium
CHROMIUM ?= $(DEBIAN_CHROMIUM)
export CHROMIUM
chromium:
	@if [ ! -x "$(CHROMIUM)" ]; then \
	  if [ "$(CHROMIUM)" != "$(DEBIAN_CHROMIUM)" ]; then \
	    echo "CHROMIUM=$(CHROMIUM) is not an executable: point it at a Chromium-based browser"; exit 1; fi; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; \
	  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then SUDO=sudo; \
	  else echo "The browser tests need Chromium: run 'sudo apt-get install chromium' (or set CHROMIUM=/path/to/chrome), then make test again"; exit 1; fi; \
	  echo "Installing Chromium (Debian package chromium) for the browser tests"; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; \
	fi

# The whole book as one PDF, offline, from the stored outputs: widgets as their default
# frame, no character missing from its fonts.
pdf: setup tex
	rm -rf _build/latex
	$(BIN)/jupyter-book build . --builder pdflatex --all -W -n --keep-going
	@# xelatex only warns when a font lacks a character, and the PDF shows nothing there
	@if grep "Missing character" _build/latex/mathcalc.log | sort | uniq -c; then \
	  echo "The PDF lacks the glyphs above: give them a font in _config.yml (latex preamble)"; exit 1; fi
	@echo "The PDF: $(CURDIR)/_build/latex/mathcalc.pdf"

clean:
	rm -rf _build
