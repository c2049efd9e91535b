#!/usr/bin/env bash
# National scale on PostgreSQL for docs/deploy.md (issue 20): the demo plus
# a synthetic national spells file (SPELLS, default 5.000.000, 340
# gemeenten) imported by COPY, the database's size, a pg_dump, then two
# `buig serve` instances on that one database with the page load spread
# over both (RATE/2 requests/s each, default 200 in all, for SECONDS,
# default 10; open loop, latency from each request's due time), and each
# instance's memory.
# Usage: bench/deploy.sh [SPELLS [RATE [SECONDS]]]
# PostgreSQL: BUIG_BENCH_POSTGRES_URL (a database to make others beside,
# e.g. postgres://postgres@127.0.0.1:55432/postgres), else a cluster of its
# own on port 55434 (as user postgres, like .ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."
SPELLS="${1:-5000000}"; RATE="${2:-200}"; SECONDS_="${3:-10}"
if [ -z "${BUIG:-}" ]; then
    cargo build --release --quiet -p buig-cli
    cargo build --release --quiet -p buig-web --example last
fi
BUIG="${BUIG:-$PWD/target/release/buig}"; LAST="$PWD/target/release/examples/last"
W="$(mktemp -d)"; chmod 755 "$W"
A=""; B=""
opruimen() { kill -TERM $A $B 2>/dev/null || true; wait 2>/dev/null || true; [ -n "${DB:-}" ] && psql -q "$BASE" -c "DROP DATABASE IF EXISTS $NAAM" 2>/dev/null; rm -rf "$W"; }
trap opruimen EXIT

BASE="${BUIG_BENCH_POSTGRES_URL:-}"
if [ -z "$BASE" ]; then
    BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"; PGD=/tmp/buig-bench-pg; PORT=55434
    if ! "$BIN/pg_isready" -h 127.0.0.1 -p $PORT >/dev/null 2>&1; then
        rm -rf $PGD; mkdir -p $PGD; chown postgres:postgres $PGD
        su postgres -c "$BIN/initdb -D $PGD -A trust -U postgres" >/dev/null
        su postgres -c "$BIN/pg_ctl -D $PGD -o '-p $PORT -k /tmp -c listen_addresses=127.0.0.1' -l $PGD/log -w start" >/dev/null
    fi
    BASE="postgres://postgres@127.0.0.1:$PORT/postgres"
fi
NAAM="buig_bench_$$"
psql -q "$BASE" -c "CREATE DATABASE $NAAM"
DB="${BASE%/*}/$NAAM"
export DATABASE_URL="$DB"
echo "== PostgreSQL $(psql -tAc 'show server_version' "$BASE"), database $NAAM"

"$BUIG" demo >/dev/null
if [ -n "${BUIG_BENCH_BESTAND:-}" ]; then cp "$BUIG_BENCH_BESTAND" "$W/land.csv"; else
    "$BUIG" genereer --gemeenten 340 --uitkeringen "$SPELLS" --seed 7 -o "$W/land.csv" 2>/dev/null; fi
echo "== import van $(($(wc -l <"$W/land.csv") - 1)) uitkeringen (COPY)"
/usr/bin/time -f "tijd %e s, cpu %U+%S s, piekgeheugen %M KiB" "$BUIG" import uitkeringen "$W/land.csv" 2>&1 >/dev/null | grep -v "rijen gelezen" | tail -1
echo "== databasegrootte: $(psql -tAc 'select pg_size_pretty(pg_database_size(current_database()))' "$DB"); uitkeringen_rijen $(psql -tAc "select pg_size_pretty(pg_total_relation_size('uitkeringen_rijen'))" "$DB")"
T0=$(date +%s.%N); pg_dump -Fc -f "$W/buig.dump" "$DB"
echo "== pg_dump -Fc: $(python3 -c "print(f'{$(date +%s.%N)-$T0:.1f} s')"), $(du -h "$W/buig.dump" | cut -f1)"

PW=bench-wachtwoord-123
"$BUIG" gebruiker toevoegen bench --wachtwoord "$PW" --rol GM9999=lezer --rol GM0363=lezer >/dev/null
vrije_poort() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
PA=$(vrije_poort); PB=$(vrije_poort)
BUIG_LOG_NIVEAU=waarschuwing "$BUIG" serve --zonder-demo --adres "127.0.0.1:$PA" >"$W/a.log" 2>&1 & A=$!
BUIG_LOG_NIVEAU=waarschuwing "$BUIG" serve --zonder-demo --adres "127.0.0.1:$PB" >"$W/b.log" 2>&1 & B=$!
for p in $PA $PB; do for _ in $(seq 100); do curl -sf "http://127.0.0.1:$p/gereed" >/dev/null && break; sleep 0.2; done; done
CSRF=$(curl -s -c "$W/cj" "http://127.0.0.1:$PA/inloggen" | grep -o 'name="csrf" value="[0-9a-f]*"' | cut -d'"' -f4)
curl -s -o /dev/null -b "$W/cj" -c "$W/cj" --data-urlencode naam=bench --data-urlencode "wachtwoord=$PW" --data-urlencode "csrf=$CSRF" "http://127.0.0.1:$PA/inloggen"
COOKIE="buig_sessie=$(awk '$6=="buig_sessie"{print $7}' "$W/cj")"
mem() { awk '/VmRSS|VmHWM/{printf "%s %d MiB  ", $1, $2/1024}' /proc/$1/status; }
echo "== geheugen na de start: A $(mem $A)| B $(mem $B)"
for pad in /g/GM9999 /g/GM0363/bestand; do
    for p in $PA $PB; do
        T0=$(date +%s.%N); curl -s -o /dev/null -H "Cookie: $COOKIE" "http://127.0.0.1:$p$pad"
        echo "== $pad op :$p, eerste keer (koude cache): $(python3 -c "print(f'{$(date +%s.%N)-$T0:.2f} s')")"
    done
    echo "== $pad: $RATE/s verdeeld over A en B ($((RATE / 2))/s elk), $SECONDS_ s"
    "$LAST" "http://127.0.0.1:$PA$pad" "$((RATE / 2))" "$SECONDS_" "Cookie: $COOKIE" | sed 's/^/A /' >"$W/la" &
    L1=$!
    "$LAST" "http://127.0.0.1:$PB$pad" "$((RATE / 2))" "$SECONDS_" "Cookie: $COOKIE" | sed 's/^/B /' >"$W/lb" &
    L2=$!
    wait $L1 $L2; cat "$W/la" "$W/lb"
done
echo "== geheugen na de last: A $(mem $A)| B $(mem $B)"
kill -TERM $A $B; wait $A $B 2>/dev/null || true; A=""; B=""
