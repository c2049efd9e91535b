#!/usr/bin/env bash
# Import benchmark: buig import vs DuckDB on the same generated spells file.
# Usage: bench/import.sh [ROWS]   (default 5000000). Needs python3 and GNU time.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
command -v /usr/bin/time >/dev/null || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
if [ ! -x bench/.venv/bin/python ]; then
    python3 -m venv bench/.venv
    bench/.venv/bin/pip install --quiet duckdb
fi
bench/.venv/bin/python bench/import_bench.py "$@"
