# Two commands do all the set-up on a fresh clone: `make run` and `make test`.
VENV    := .venv
PY      := $(VENV)/bin/python
PORT    ?= 8501
CHROMIUM := /usr/bin/chromium
CJK_FONT := /usr/share/fonts/truetype/wqy/wqy-microhei.ttc
# sudo only when not root and sudo exists (CI and these machines run as root).
SUDO    := $(shell [ "$$(id -u)" -ne 0 ] && command -v sudo)

.PHONY: run test system-deps data docs bench bench-pages bench-big clean

# Two glibc malloc arenas: Streamlit's per-run threads otherwise each keep what an upload freed (bench/soak.py).
run: $(VENV)/.runtime
	MALLOC_ARENA_MAX=2 $(PY) -m streamlit run server.py --server.address 127.0.0.1 --server.port $(PORT)

test: $(VENV)/.dev system-deps
	$(PY) -m pytest

# Debian's browser and a CJK font for the real-browser tests; installed once, skipped when present.
system-deps:
	@if [ ! -x $(CHROMIUM) ] || [ ! -f $(CJK_FONT) ] || ! command -v pdftoppm >/dev/null; then \
	  echo "Installing chromium, fonts-wqy-microhei and poppler-utils (Debian packages)"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends chromium fonts-wqy-microhei poppler-utils; \
	fi

$(VENV)/bin/python:
	python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip

$(VENV)/.runtime: requirements.txt | $(VENV)/bin/python
	$(PY) -m pip install -q -r requirements.txt
	touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt | $(VENV)/bin/python
	$(PY) -m pip install -q -r requirements-dev.txt
	touch $@ $(VENV)/.runtime

# Rebuild data/*.xlsx from the transcription in scripts/build_default_data.py.
data: $(VENV)/.runtime
	$(PY) scripts/build_default_data.py

# Rewrite the README's workbook format section from the sheet registry (xq_metrics/schema.py).
docs: $(VENV)/.runtime
	$(PY) scripts/readme_format.py

bench: $(VENV)/.dev
	$(PY) bench/run.py

# Page speed against a bare Streamlit page, in a real browser (a benchmark, not a test).
bench-pages: $(VENV)/.dev system-deps
	$(PY) bench/pages.py

# Every page on the big data set (1,000 indicators, 200,000 values, 20,000 projects) as the current version,
# server side: first and warm run, elements, bytes sent (issue 13). Builds bench/.cache/big.sqlite3 once.
bench-big: $(VENV)/.dev
	$(PY) bench/big_pages.py

clean:
	rm -rf $(VENV) artifacts .pytest_cache

# The store's tests start their own throwaway PostgreSQL server (tests/pgserver.py) from Debian's binaries, and
# the replica test goes through Debian's nginx. Installed once, skipped when present; never started as services.
NGINX := /usr/sbin/nginx
.PHONY: store-deps bench-store
test: store-deps
store-deps:
	@if [ -z "$$(ls /usr/lib/postgresql/*/bin/initdb 2>/dev/null)" ] || [ ! -x $(NGINX) ]; then \
	  echo "Installing postgresql and nginx-light (Debian packages)"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends postgresql nginx-light; \
	fi

# Saves and page loads per second: PostgreSQL with 2 replicas beside SQLite with 1 process (see README).
bench-store: $(VENV)/.dev store-deps
	$(PY) bench/store_bench.py
