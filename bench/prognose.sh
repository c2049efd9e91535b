#!/usr/bin/env bash
# Monte-Carlo benchmark of the prognosis: 10,000 runs (or RUNS) of Voorbeeldstad 2024
# at peildatum 2024-06-30 (target < 1 s), plus the backtest's MAE; then the full
# national prognosis: every gemeente of the synthetic country (SPELLS spells,
# default 1,000,000, seed 1), 2024 at 2024-06-30, deterministic and NATIONAAL_RUNS
# (default 1,000) Monte-Carlo runs per gemeente, with its times and peak memory.
# Usage: bench/prognose.sh [RUNS [SPELLS [NATIONAAL_RUNS]]]
set -euo pipefail
cd "$(dirname "$0")/.."
cargo run --release --quiet -p buig-prognose --example bench -- "${1:-10000}"
echo
cargo run --release --quiet -p buig-prognose --example prognose_nationaal -- "${2:-1000000}" "${3:-1000}"
