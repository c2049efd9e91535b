#!/usr/bin/env bash
# Requests during a large CLI import: logins and the overview page, their
# errors and latencies, and a second import started alongside (issue
# "Hardening", point 6). Usage: bench/import_web.sh [ROWS]  (default 1500000)
set -euo pipefail
cd "$(dirname "$0")/.."
[ -n "${BUIG:-}" ] || cargo build --release --quiet -p buig-cli
python3 bench/import_web.py "$@"
