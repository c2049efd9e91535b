#!/usr/bin/env bash
# Monte-Carlo benchmark of the prognosis: 10,000 runs (or RUNS) of Voorbeeldstad 2024
# at peildatum 2024-06-30 (target < 1 s), plus the backtest's MAE.
# Usage: bench/prognose.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
cargo run --release --quiet -p buig-prognose --example bench -- "${1:-10000}"
