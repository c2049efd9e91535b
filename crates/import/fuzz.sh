#!/usr/bin/env bash
# Long fuzz run of the importer: the proptest robustness properties of
# tests/fuzz.rs (arbitrary bytes, almost-CSV text, damaged and arbitrary
# workbooks, parsed as every kind) with many cases, in release mode.
#
#   crates/import/fuzz.sh                     # 100000 cases per property
#   PROPTEST_CASES=1000000 crates/import/fuzz.sh
#   crates/import/fuzz.sh almost_csv          # only properties matching a name
#
# A failure prints the minimal failing input; the run stops at the first.
set -euo pipefail
cd "$(dirname "$0")/../.."
export PROPTEST_CASES="${PROPTEST_CASES:-100000}"
# Shrinking a failure can take long with many cases; bound it.
export PROPTEST_MAX_SHRINK_ITERS="${PROPTEST_MAX_SHRINK_ITERS:-10000}"
echo "== buig-import fuzz: $PROPTEST_CASES cases per property (release)"
exec cargo test --release -p buig-import --test fuzz -- --nocapture "$@"
