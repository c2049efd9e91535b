#!/usr/bin/env python3
"""Import benchmark (issue "Storage, import and bundled reference data").

Generates a national spells file with `buig genereer` (default 5,000,000 rows),
then in the same run, each in its own process on a fresh database file:
  - `buig import uitkeringen FILE` into SQLite (parse, validate, pseudonymise, store);
  - DuckDB: `CREATE TABLE uitkeringen AS SELECT * FROM read_csv(FILE)` into its own file.
Prints wall time, rows/s and peak memory (max RSS) of each, and the ratios.
Usage: bench/import.sh [ROWS]   (installs duckdb into bench/.venv)"""
import os, resource, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUIG = os.path.join(ROOT, "target", "release", "buig")
ROWS = int(sys.argv[1]) if len(sys.argv) > 1 else 5_000_000


def timed(cmd, env=None):
    """Wall time and this child's own peak RSS via GNU time."""
    t = time.perf_counter()
    p = subprocess.run(["/usr/bin/time", "-f", "%M"] + cmd, env=dict(os.environ, **(env or {})),
                       capture_output=True, text=True)
    secs = time.perf_counter() - t
    if p.returncode != 0:
        sys.exit(f"{cmd} failed: {p.stderr[-2000:]}")
    peak_kib = int(p.stderr.strip().splitlines()[-1])
    return secs, peak_kib / 1024


def main():
    work = tempfile.mkdtemp(prefix="buig-bench-")
    spells = os.path.join(work, "uitkeringen.csv")
    t = time.perf_counter()
    subprocess.run([BUIG, "genereer", "--gemeenten", "340", "--uitkeringen", str(ROWS), "--seed", "1", "-o", spells], check=True,
                   capture_output=True)
    size = os.path.getsize(spells) / 2**20
    print(f"file: {ROWS:,} spells, {size:,.0f} MiB, generated in {time.perf_counter() - t:.1f} s")

    db = os.path.join(work, "buig.db")
    b_secs, b_mem = timed([BUIG, "import", "uitkeringen", spells], {"DATABASE_URL": f"sqlite://{db}"})
    duck = os.path.join(work, "duck.duckdb")
    script = ("import duckdb, sys; con = duckdb.connect(sys.argv[1]); "
              "con.execute(\"CREATE TABLE uitkeringen AS SELECT * FROM read_csv(?, header=true)\", [sys.argv[2]]); "
              "print(con.execute('SELECT COUNT(*) FROM uitkeringen').fetchone()[0])")
    d_secs, d_mem = timed([sys.executable, "-c", script, duck, spells])

    print(f"buig import (SQLite)   {b_secs:7.2f} s  {ROWS / b_secs:12,.0f} rows/s  peak {b_mem:8.1f} MiB")
    print(f"DuckDB read_csv+table  {d_secs:7.2f} s  {ROWS / d_secs:12,.0f} rows/s  peak {d_mem:8.1f} MiB")
    print(f"ratio buig/DuckDB: time {b_secs / d_secs:.2f}x, peak memory {b_mem / d_mem:.2f}x")
    subprocess.run(["rm", "-rf", work])


if __name__ == "__main__":
    main()
