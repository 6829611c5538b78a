#!/usr/bin/env python3
"""D9 of issue 14: limits on the work one import may make. Each hostile
input is refused (exit 1, a message naming the limit, the database
unchanged) within seconds and with memory under 256 MiB:
/dev/zero, a 2 GB sparse file, a ZIP bomb, a PDF past its page limit or
its time limit, a file of more actions than the row limit. The limits are
settable (`import --max-bytes/--max-pages/--max-rows/--max-seconds`).
usage: test_import_limits.py SIGHTLINE_BINARY   Ends with "N passed, N failed"."""
import os
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import ROOT, Tally, sl  # noqa: E402

HEADER = "plan,theme_ref,theme,ref,title,start,due,sro,leads,status\n"


def refused(t, name, binary, db, path, words, *extra, seconds=20):
    start = time.monotonic()
    r = sl(binary, db, "import", path, "--authority", "Croydon", *extra)
    took = time.monotonic() - start
    t.check(f"{name}-refused", r.returncode == 1 and words in r.stderr, (r.returncode, r.stderr[:300]))
    t.check(f"{name}-within-{seconds}s", took < seconds, f"{took:.1f} s")
    con = sqlite3.connect(db)
    n = con.execute("SELECT count(*) FROM plans").fetchone()[0]
    con.close()
    t.check(f"{name}-database-unchanged", n == 0, n)
    print(f"{name}: refused in {took:.2f} s: {r.stderr.strip()[:160]}", file=sys.stderr)


def main():
    binary = os.path.abspath(sys.argv[1])
    work = tempfile.mkdtemp(prefix="sightline-limits.")
    t = Tally()
    db = os.path.join(work, "l.db")
    sl(binary, db, "init")
    try:
        refused(t, "D9-dev-zero", binary, db, "/dev/zero", "more than 33554432 bytes")
        sparse = os.path.join(work, "sparse.txt")
        with open(sparse, "wb") as f:
            f.truncate(2 * 1024 ** 3)
        refused(t, "D9-sparse-2GB", binary, db, sparse, "more than 33554432 bytes", seconds=15)
        os.remove(sparse)
        bomb = os.path.join(work, "bomb.xlsx")
        with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
            with z.open("xl/workbook.xml", "w", force_zip64=True) as f:
                block = b"\0" * (1 << 20)
                for _ in range(100):
                    f.write(block)
        t.check("D9-zip-bomb-small", os.path.getsize(bomb) < 1 << 20, os.path.getsize(bomb))
        refused(t, "D9-zip-bomb", binary, db, bomb, "would unpack to 104857600 bytes")
        text = os.path.join(work, "long.txt")
        with open(text, "w") as f:
            for i in range(72 * 60):
                f.write(f"Line {i} of a long document that is not a plan\n")
        pdf = os.path.join(work, "long.pdf")
        subprocess.run([sys.executable, os.path.join(ROOT, "tests", "tools", "text_to_pdf.py"), text, pdf], check=True)
        refused(t, "D9-pdf-pages", binary, db, pdf, "more than 50 pages (--max-pages)", "--max-pages", "50")
        with open(text, "w") as f:
            for i in range(72 * 3000):
                f.write(f"Line {i} of a very long document\n")
        subprocess.run([sys.executable, os.path.join(ROOT, "tests", "tools", "text_to_pdf.py"), text, pdf], check=True)
        refused(t, "D9-pdf-time", binary, db, pdf, "more than 1 seconds (--max-seconds)", "--max-seconds", "1",
                "--max-pages", "100000", seconds=15)
        rows = os.path.join(work, "rows.csv")
        with open(rows, "w") as f:
            f.write(HEADER)
            for i in range(30):
                f.write(f"Rows plan,1,Theme,1.{i + 1},Action {i},Jan 26,Dec 27,SM,SM,In progress\n")
        refused(t, "D9-rows", binary, db, rows, "30 actions: more than the 20", "--max-rows", "20")
        r = sl(binary, db, "import", rows, "--authority", "Croydon")
        t.check("D9-rows-within-default-accepted", r.returncode == 0, r.stderr[:200])
        r = sl(binary, db, "import", rows, "--max-rows", "0")
        t.check("D9-limit-option-checked", r.returncode == 2, r.returncode)
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        t.check("D9-memory-under-256MiB", peak < 256, f"{peak:.0f} MiB")
        print(f"D9: peak memory of any import {peak:.0f} MiB", file=sys.stderr)
    finally:
        shutil.rmtree(work)
    return t.finish()


if __name__ == "__main__":
    sys.exit(main())
