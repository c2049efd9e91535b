#!/usr/bin/env bash
# Load benchmark of the web app (issue 7): the demo data plus a synthetic
# country of 340 gemeenten (SPELLS spells, default 1,000,000) in SQLite;
# `buig serve` on loopback; the overview page (logged in) and the API's
# overview route, each at RATE requests/s (default 200) for SECONDS (default
# 10) open loop, then as fast as 8 connections go. Target: p99 < 50 ms at 200/s.
# Usage: bench/web.sh [SPELLS [RATE [SECONDS]]]
set -euo pipefail
cd "$(dirname "$0")/.."
SPELLS="${1:-1000000}"; RATE="${2:-200}"; SECONDS_="${3:-10}"
cargo build --release --quiet -p buig-cli
cargo build --release --quiet -p buig-web --example last
BUIG="$PWD/target/release/buig"; LAST="$PWD/target/release/examples/last"
W="$(mktemp -d)"; trap 'kill $SERVER 2>/dev/null || true; rm -rf "$W"' EXIT
export DATABASE_URL="sqlite://$W/buig.db"
PW=bench-wachtwoord-123
"$BUIG" demo >/dev/null
"$BUIG" genereer --gemeenten 340 --uitkeringen "$SPELLS" -o "$W/land.csv" 2>/dev/null
"$BUIG" import uitkeringen "$W/land.csv" >/dev/null
"$BUIG" gebruiker toevoegen bench --wachtwoord "$PW" --rol GM9999=lezer >/dev/null
TOKEN="$("$BUIG" gebruiker token bench | grep -o 'buig_[0-9a-f]*')"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$BUIG" serve --adres "127.0.0.1:$PORT" >"$W/serve.log" 2>&1 & SERVER=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$PORT/inloggen" >/dev/null && break; sleep 0.2; done
CSRF=$(curl -s -c "$W/cj" "http://127.0.0.1:$PORT/inloggen" | grep -o 'name="csrf" value="[0-9a-f]*"' | cut -d'"' -f4)
curl -s -o /dev/null -b "$W/cj" -c "$W/cj" --data-urlencode naam=bench --data-urlencode "wachtwoord=$PW" --data-urlencode "csrf=$CSRF" "http://127.0.0.1:$PORT/inloggen"
COOKIE="buig_sessie=$(awk '$6=="buig_sessie"{print $7}' "$W/cj")"
echo "== $(sqlite3 "$W/buig.db" 'select count(distinct gemeente), count(*) from uitkeringen' 2>/dev/null || echo '?') (gemeenten, uitkeringen) in de database"
T0=$(date +%s.%N); curl -s -o /dev/null -H "Cookie: $COOKIE" "http://127.0.0.1:$PORT/g/GM9999"; echo "== eerste overzicht (koude cache): $(python3 -c "print(f'{$(date +%s.%N)-$T0:.2f} s')")"
echo "== overzichtspagina /g/GM9999"
"$LAST" "http://127.0.0.1:$PORT/g/GM9999" "$RATE" "$SECONDS_" "Cookie: $COOKIE"
echo "== API /api/v1/gemeenten/GM9999/overzicht"
"$LAST" "http://127.0.0.1:$PORT/api/v1/gemeenten/GM9999/overzicht" "$RATE" "$SECONDS_" "Authorization: Bearer $TOKEN"
echo "== vergelijking (alle 341 gemeenten): eerste keer"
T0=$(date +%s.%N); curl -s -o /dev/null -H "Cookie: $COOKIE" "http://127.0.0.1:$PORT/vergelijking"; python3 -c "print(f'{$(date +%s.%N)-$T0:.2f} s')"
