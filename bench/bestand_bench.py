#!/usr/bin/env python3
"""Caseload benchmark (issue "bijstandsbestand"): buig-bestand vs DuckDB.

Generates a national spells file with `buig genereer` (default 5,000,000 spells,
340 gemeenten, seed 1), then computes for ALL gemeenten at once the monthly
stand, instroom, uitstroom and the six duration bands, 2015-01..2026-10, end to
end (file -> result CSV), each in its own process under GNU time:
  - buig-bestand: `target/release/examples/bestand_nationaal FILE OUT.csv`
    (`bereken_csv_per_gemeente`; it computes the full series, age bands and
    re-entry included, and writes the benchmark columns);
  - DuckDB (Python package): one SQL query over read_csv, COPY ... TO CSV.
The two outputs must be byte-identical. Prints the best wall time of RUNS runs,
the peak memory (max RSS) of that run, and the ratios.
Usage: bench/bestand.sh [ROWS] [RUNS]   (installs duckdb into bench/.venv)"""
import filecmp, os, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUIG = os.path.join(ROOT, "target", "release", "buig")
ONS = os.path.join(ROOT, "target", "release", "examples", "bestand_nationaal")
ROWS = int(sys.argv[1]) if len(sys.argv) > 1 else 5_000_000
RUNS = int(sys.argv[2]) if len(sys.argv) > 2 else 3

LO, HI = 2015 * 12, 2026 * 12 + 10  # month indexes (year*12 + month-1): 2015-01 up to and including 2026-10

# Event formulation (the fast way to say it in SQL): a spell is in stock for the
# months [ms, me) and in duration band k for [ms+lo_k, ms+hi_k) within that;
# +1/-1 events per band, summed per (gemeente, band, month), then a running sum
# over a dense grid of gemeenten x bands x months. Inflow and outflow are counts.
QUERY = f"""
WITH s AS MATERIALIZED (
  SELECT gemeente AS g,
         year(startdatum) * 12 + month(startdatum) - 1 AS ms,
         coalesce(year(einddatum) * 12 + month(einddatum) - 1, 1000000) AS me
  FROM read_csv($src, header = true)
),
bands(k, lo, hi) AS (VALUES (0, 0, 6), (1, 6, 12), (2, 12, 24), (3, 24, 36), (4, 36, 60), (5, 60, 1000000)),
ranges AS (SELECT g, k, greatest(ms + lo, {LO}) AS a, least(ms + hi, me, {HI}) AS z FROM s, bands),
ev AS (
  SELECT g, k, a AS m, 1 AS d FROM ranges WHERE a < z
  UNION ALL SELECT g, k, z AS m, -1 AS d FROM ranges WHERE a < z
  UNION ALL SELECT g, 6 AS k, ms AS m, 1 AS d FROM s WHERE ms >= {LO} AND ms < {HI}
  UNION ALL SELECT g, 7 AS k, me AS m, 1 AS d FROM s WHERE me >= {LO} AND me < {HI}
),
evagg AS (SELECT g, k, m, sum(d) AS d FROM ev GROUP BY ALL),
gem AS (SELECT DISTINCT g FROM s),
grid AS (SELECT g, k, range AS m FROM gem, (SELECT k FROM bands), range({LO}, {HI})),
band AS (
  SELECT grid.g, grid.k, grid.m,
         sum(coalesce(evagg.d, 0)) OVER (PARTITION BY grid.g, grid.k ORDER BY grid.m) AS n
  FROM grid LEFT JOIN evagg USING (g, k, m)
),
flows AS (SELECT g, k, m, d FROM evagg WHERE k >= 6),
piv AS (
  SELECT g, m, sum(n) AS stand,
    sum(n) FILTER (WHERE k = 0) AS d0, sum(n) FILTER (WHERE k = 1) AS d1, sum(n) FILTER (WHERE k = 2) AS d2,
    sum(n) FILTER (WHERE k = 3) AS d3, sum(n) FILTER (WHERE k = 4) AS d4, sum(n) FILTER (WHERE k = 5) AS d5
  FROM band GROUP BY g, m
)
SELECT piv.g AS gemeente, printf('%04d-%02d', piv.m // 12, piv.m % 12 + 1) AS periode, stand,
  coalesce(i.d, 0) AS instroom, coalesce(u.d, 0) AS uitstroom,
  d0 AS "duur_0-6", d1 AS "duur_6-12", d2 AS "duur_12-24", d3 AS "duur_24-36", d4 AS "duur_36-60", d5 AS "duur_60+"
FROM piv
LEFT JOIN flows i ON i.g = piv.g AND i.m = piv.m AND i.k = 6
LEFT JOIN flows u ON u.g = piv.g AND u.m = piv.m AND u.k = 7
ORDER BY piv.g, piv.m
"""

DUCK = """
import duckdb, sys
query = open(sys.argv[1]).read()
con = duckdb.connect()
con.execute(f"COPY ({query}) TO '{sys.argv[3]}' (HEADER, DELIMITER ',')", {"src": sys.argv[2]})
"""


def timed(cmd):
    """Wall time and this child's own peak RSS (MiB) via GNU time."""
    t = time.perf_counter()
    p = subprocess.run(["/usr/bin/time", "-f", "%M"] + cmd, capture_output=True, text=True)
    secs = time.perf_counter() - t
    if p.returncode != 0:
        sys.exit(f"{cmd} failed: {p.stderr[-2000:]}")
    return secs, int(p.stderr.strip().splitlines()[-1]) / 1024


def best(cmd):
    runs = [timed(cmd) for _ in range(RUNS)]
    return min(runs), runs


def main():
    work = tempfile.mkdtemp(prefix="buig-bench-bestand-")
    spells = os.path.join(work, "uitkeringen.csv")
    t = time.perf_counter()
    subprocess.run([BUIG, "genereer", "--gemeenten", "340", "--uitkeringen", str(ROWS), "--seed", "1", "-o", spells],
                   check=True, capture_output=True)
    size = os.path.getsize(spells) / 2**20
    print(f"file: {ROWS:,} spells, {size:,.0f} MiB, generated in {time.perf_counter() - t:.1f} s")

    ons_out, duck_out, sql = (os.path.join(work, n) for n in ("ons.csv", "duckdb.csv", "query.sql"))
    with open(sql, "w") as f:
        f.write(QUERY)
    (b_secs, b_mem), b_runs = best([ONS, spells, ons_out])
    (d_secs, d_mem), d_runs = best([sys.executable, "-c", DUCK, sql, spells, duck_out])

    gelijk = filecmp.cmp(ons_out, duck_out, shallow=False)
    with open(ons_out) as f:
        rows = sum(1 for _ in f) - 1
    print(f"task: monthly stand/instroom/uitstroom/6 duration bands, 2015-01..2026-10, all gemeenten: {rows:,} rows")
    print(f"buig-bestand  best {b_secs:6.2f} s  peak {b_mem:7.1f} MiB   (runs: {', '.join(f'{s:.2f}' for s, _ in b_runs)})")
    print(f"DuckDB        best {d_secs:6.2f} s  peak {d_mem:7.1f} MiB   (runs: {', '.join(f'{s:.2f}' for s, _ in d_runs)})")
    print(f"ratio buig/DuckDB: time {b_secs / d_secs:.2f}x ({d_secs / b_secs:.1f}x faster), peak memory {b_mem / d_mem:.2f}x")
    print(f"results equal (byte for byte): {'yes' if gelijk else 'NO'}")
    if not gelijk:
        print(f"outputs kept in {work}")
        sys.exit(1)
    subprocess.run(["rm", "-rf", work])


if __name__ == "__main__":
    main()
