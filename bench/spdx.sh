#!/usr/bin/env bash
# Licence headers: puts `// SPDX-License-Identifier: EUPL-1.2` on the first
# line of every .rs file under the given folders (default: crates), above the
# `//!` doc; a file that has it already is left alone, so running it twice
# changes nothing. With --check it only lists the files without the header
# and exits 1 when there are any.
# Usage: bench/spdx.sh [--check] [FOLDER...]
set -euo pipefail
cd "$(dirname "$0")/.."

KOP='// SPDX-License-Identifier: EUPL-1.2'
controle=false
if [ "${1:-}" = "--check" ]; then
    controle=true
    shift
fi
[ "$#" -gt 0 ] || set -- crates

ontbreekt=0
while IFS= read -r -d '' f; do
    if [ "$(head -n 1 "$f")" = "$KOP" ]; then
        continue
    fi
    ontbreekt=$((ontbreekt + 1))
    if $controle; then
        echo "$f"
    else
        { printf '%s\n' "$KOP"; cat "$f"; } >"$f.spdx" && mv "$f.spdx" "$f"
    fi
done < <(find "$@" -name '*.rs' -type f -not -path '*/target/*' -print0 | sort -z)

if $controle; then
    [ "$ontbreekt" -eq 0 ] || { echo "spdx: $ontbreekt file(s) without \"$KOP\"" >&2; exit 1; }
else
    echo "spdx: header added to $ontbreekt file(s)"
fi
