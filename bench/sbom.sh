#!/usr/bin/env bash
# SBOM: a CycloneDX 1.5 bill of materials (JSON) of the release build of the
# `buig` binary (crates/cli), read offline from Cargo.lock by cargo-cyclonedx:
# the crates linked into the binary, without dev- and build-dependencies.
# Usage: bench/sbom.sh   → ${CARGO_TARGET_DIR:-target}/sbom/buig-monitor.cdx.json
# Installs cargo-cyclonedx (crates.io) when missing; the SBOM itself needs no
# network once the dependencies are fetched (any earlier cargo build did that).
set -euo pipefail
cd "$(dirname "$0")/.."

CYCLONEDX_VERSION=0.5.9
if ! cargo cyclonedx --version >/dev/null 2>&1; then
    cargo install --locked --quiet cargo-cyclonedx --version "$CYCLONEDX_VERSION"
fi

uit="${CARGO_TARGET_DIR:-target}/sbom"
mkdir -p "$uit"
# cargo-cyclonedx writes one `<bin>_bin.cdx.json` beside the Cargo.toml of
# every crate with a binary (only crates/cli has one, `buig`); each is removed
# on the way out, so the source tree is never left with an SBOM in it.
merk="$(mktemp)"
opruimen() { find crates -maxdepth 2 -name '*_bin.cdx.json' -newer "$merk" -delete; rm -f "$merk"; }
trap opruimen EXIT
# The last commit's time as the SBOM's timestamp, so one commit gives one SBOM.
SOURCE_DATE_EPOCH="$(git log -1 --format=%ct 2>/dev/null || date +%s)" CARGO_NET_OFFLINE=true \
    cargo cyclonedx --quiet --manifest-path crates/cli/Cargo.toml --format json --spec-version 1.5 \
    --describe binaries --no-build-deps
[ -f crates/cli/buig_bin.cdx.json ] || { echo "sbom: cargo cyclonedx wrote no SBOM for the buig binary" >&2; exit 1; }
mv crates/cli/buig_bin.cdx.json "$uit/buig-monitor.cdx.json"

if command -v python3 >/dev/null; then
    python3 - "$uit/buig-monitor.cdx.json" <<'PY'
import json, sys
bom = json.load(open(sys.argv[1]))
assert bom["bomFormat"] == "CycloneDX", "not a CycloneDX document"
n = len(bom.get("components", []))
assert n > 0, "the SBOM lists no components"
print(f"sbom: {sys.argv[1]}: {bom['metadata']['component']['name']} {bom['metadata']['component']['version']}, {n} components")
PY
else
    echo "sbom: $uit/buig-monitor.cdx.json"
fi
