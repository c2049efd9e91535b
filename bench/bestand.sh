#!/usr/bin/env bash
# Caseload benchmark: buig-bestand vs DuckDB on the same generated national spells file.
# Usage: bench/bestand.sh [ROWS] [RUNS]   (default 5000000 rows, 3 runs). Needs python3 and GNU time.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet -p buig-cli
cargo build --release --quiet -p buig-bestand --example bestand_nationaal
command -v /usr/bin/time >/dev/null || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
if [ ! -x bench/.venv/bin/python ]; then
    python3 -m venv bench/.venv
fi
bench/.venv/bin/python -c "import duckdb" 2>/dev/null || bench/.venv/bin/pip install --quiet duckdb
bench/.venv/bin/python bench/bestand_bench.py "$@"
