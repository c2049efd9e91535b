#!/usr/bin/env python3
"""Requests during a large import (issue "Hardening", point 6).

A demo database in SQLite, `buig serve` on loopback, a logged-in user; then a
national spells file of ROWS rows (default 1,500,000) is imported with the
CLI while, in parallel, logins (the whole flow: form, then POST) and the
overview page are requested over and over. Reports, for each, the count,
errors (any non-2xx/3xx answer or a failed connection), p50/p99 and maximum
latency, and the server's peak memory; and the import's own time. Halfway
through a second import of the same file is started, to show how it is
treated (it must wait its turn, with a Dutch message).

Usage: bench/import_web.sh [ROWS]   (BUIG=path/to/buig to measure another binary)
"""
import http.cookiejar
import os
import re
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUIG = os.environ.get("BUIG", os.path.join(ROOT, "target", "release", "buig"))
ROWS = int(sys.argv[1]) if len(sys.argv) > 1 else 1_500_000
PW = "bench-wachtwoord-123"


def vrije_poort():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    p = s.getsockname()[1]
    s.close()
    return p


class Meting:
    def __init__(self, naam):
        self.naam, self.lat, self.fouten, self.voorbeelden = naam, [], 0, []
        self.lock = threading.Lock()

    def noteer(self, secs, ok, wat=""):
        with self.lock:
            self.lat.append(secs)
            if not ok:
                self.fouten += 1
                if len(self.voorbeelden) < 3:
                    self.voorbeelden.append(wat[:160])

    def verslag(self):
        v = sorted(self.lat)
        if not v:
            return f"{self.naam}: geen verzoeken"
        p = lambda q: v[min(len(v) - 1, int(q * len(v)))] * 1000
        s = (f"{self.naam}: {len(v)} verzoeken, fouten {self.fouten}; "
             f"p50 {p(0.5):.0f} ms, p99 {p(0.99):.0f} ms, max {v[-1] * 1000:.0f} ms")
        for x in self.voorbeelden:
            s += f"\n    bijvoorbeeld: {x}"
        return s


def opener():
    jar = http.cookiejar.CookieJar()

    class GeenRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *a, **k):
            return None

    return urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), GeenRedirect), jar


def login(base):
    """The whole login: the form (sets the form cookie), then the POST. Returns (ok, detail, opener)."""
    op, _ = opener()
    html = op.open(base + "/inloggen", timeout=60).read().decode()
    csrf = re.search(r'name="csrf" value="([0-9a-f]+)"', html).group(1)
    data = urllib.parse.urlencode({"naam": "bench", "wachtwoord": PW, "csrf": csrf, "terug": "/"}).encode()
    try:
        r = op.open(base + "/inloggen", data=data, timeout=60)
        return r.status < 400, f"HTTP {r.status}", op
    except urllib.error.HTTPError as e:
        if e.code in (302, 303):
            return True, "", op
        return False, f"HTTP {e.code}: {e.read()[:200]!r}", op


def lus(stop, meting, doe):
    while not stop.is_set():
        t = time.perf_counter()
        try:
            ok, wat = doe()
        except Exception as e:  # a refused or reset connection counts as an error
            ok, wat = False, f"{type(e).__name__}: {e}"
        meting.noteer(time.perf_counter() - t, ok, wat)
        time.sleep(0.05)


def main():
    work = tempfile.mkdtemp(prefix="buig-importweb-")
    env = dict(os.environ, DATABASE_URL=f"sqlite://{work}/buig.db")
    run = lambda *a, **k: subprocess.run([BUIG, *a], env=env, check=True, capture_output=True, text=True, **k)
    run("demo")
    land = os.path.join(work, "land.csv")
    run("genereer", "--gemeenten", "340", "--uitkeringen", str(ROWS), "--seed", "11", "-o", land)
    run("gebruiker", "toevoegen", "bench", "--wachtwoord", PW, "--rol", "GM9999=lezer")
    poort = vrije_poort()
    base = f"http://127.0.0.1:{poort}"
    server = subprocess.Popen([BUIG, "serve", "--adres", f"127.0.0.1:{poort}"], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(200):
            try:
                urllib.request.urlopen(base + "/inloggen", timeout=1)
                break
            except Exception:
                time.sleep(0.1)
        ok, wat, sessie = login(base)
        assert ok, wat
        sessie.open(base + "/g/GM9999", timeout=120).read()  # warm: the overview before the import

        logins, paginas = Meting("inloggen tijdens de import"), Meting("overzichtspagina tijdens de import")

        def een_login():
            ok, wat, _ = login(base)
            return ok, wat

        def een_pagina():
            r = sessie.open(base + "/g/GM9999", timeout=120)
            r.read()
            return r.status == 200, f"HTTP {r.status}"

        stop = threading.Event()
        draden = [threading.Thread(target=lus, args=(stop, logins, een_login)) for _ in range(2)]
        draden += [threading.Thread(target=lus, args=(stop, paginas, een_pagina)) for _ in range(4)]
        for d in draden:
            d.start()
        time.sleep(1.0)
        t0 = time.perf_counter()
        imp = subprocess.Popen([BUIG, "import", "uitkeringen", land], env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
        time.sleep(max(1.0, ROWS / 1_000_000))
        tweede_t = time.perf_counter()
        tweede = subprocess.run([BUIG, "import", "uitkeringen", land], env=env, capture_output=True, text=True)
        tweede_s = time.perf_counter() - tweede_t
        out, err = imp.communicate()
        import_s = time.perf_counter() - t0
        time.sleep(2.0)  # and the first seconds after it, when the new data version is computed
        stop.set()
        for d in draden:
            d.join()
        hwm = "?"
        with open(f"/proc/{server.pid}/status") as f:
            for regel in f:
                if regel.startswith("VmHWM"):
                    hwm = f"{int(regel.split()[1]) / 1024:.0f} MiB"
        print(f"import van {ROWS:,} uitkeringen: {import_s:.1f} s, exit {imp.returncode}; {out.strip()[:200]} {err.strip()[-300:]}")
        print(f"tweede import tegelijk: exit {tweede.returncode} na {tweede_s:.1f} s: "
              f"{(tweede.stdout + tweede.stderr).strip()[-300:]}")
        print(logins.verslag())
        print(paginas.verslag())
        print(f"piekgeheugen van de server: {hwm}")
    finally:
        server.terminate()
        server.wait()
        subprocess.run(["rm", "-rf", work])


if __name__ == "__main__":
    main()
