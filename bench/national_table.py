#!/usr/bin/env python3
"""Prints the table of `make bench-national` from each backend's results
(bench/national.py's JSON files), as Markdown: a column per backend, the
PostgreSQL/SQLite ratio on single-council queries, and the issue's targets.
usage: national_table.py RESULTS.json..."""
import json
import sys

rows = {}
for path in sys.argv[1:]:
    r = json.load(open(path))
    rows[r["backend"]] = r
backends = [b for b in ("sqlite", "postgresql") if b in rows]
any_r = rows[backends[0]]
MIB = 1024


def ms(v):
    return f"{v * 1000:,.1f} ms"


def secs(v):
    return f"{v:,.1f} s"


# (label, key, format, target (value -> bool) or None, target text, single-council query)
CASES = [
    ("`gen` (generation)", "gen", secs, None, "", False),
    ("database size", "size", lambda v: f"{v / 1e9:,.2f} GB", None, "", False),
    ("progress updates", "updates", lambda v: f"{v:,}", None, "", False),
    ("`summary --json` (every council)", "summary", ms, lambda v: v < 1.0, "< 1 s", False),
    ("one council's dashboard: `actions --plan ID --json`", "dashboard_cli", ms, lambda v: v < 0.020,
     "< 20 ms", True),
    ("one council's dashboard page, uncached (`serve`, curl)", "dashboard_web", ms,
     lambda v: v < 0.020, "< 20 ms", True),
    ("one council's board pack (`report board`, HTML)", "board_pack", ms, None, "", True),
    ("`actions --overdue --json`, every council", "overdue", ms, None, "", False),
    ("dashboard requests/s, one `serve` (wrk, 32 connections)", "rps_one",
     lambda v: f"{v:,.0f}", None, "", False),
    ("dashboard requests/s, two `serve` processes, one database", "rps_two",
     lambda v: f"{v:,.0f}", None, "", False),
    ("peak memory of `serve` under wrk", "serve_kib", lambda v: f"{v / MIB:,.1f} MiB", None, "", False),
    ("peak memory, any command or server", "peak_kib", lambda v: f"{v / MIB:,.1f} MiB",
     lambda v: v < 256 * MIB, "< 256 MiB", False),
]

print(f"`make bench-national`: {any_r['authorities']} councils x {any_r['years']} years; "
      f"one council = {any_r['council']}")
print()
head = ["case"] + [{"sqlite": "SQLite", "postgresql": "PostgreSQL"}[b] for b in backends]
both = len(backends) == 2
if both:
    head.append("PostgreSQL / SQLite")
head.append("target")
print("| " + " | ".join(head) + " |")
print("|" + "---|" * len(head))
missed = []
for label, key, fmt, ok, target, single in CASES:
    cells = [label]
    for b in backends:
        v = rows[b].get(key)
        text = fmt(v) if v is not None else "—"
        cpu = rows[b].get(key + "_cpu")
        if cpu and v is not None:
            text += f" (CPU {fmt(cpu)})"
        if ok and v is not None and not ok(v):
            text += " **missed**"
            missed.append(f"{label} on {b}")
        cells.append(text)
    if both:
        a, p = rows["sqlite"].get(key), rows["postgresql"].get(key)
        ratio = ""
        if a and p and fmt in (ms, secs):
            ratio = f"{p / a:.1f}x"
            if single and p / a > 3:
                ratio += " **missed**"
                missed.append(f"{label}: PostgreSQL {p / a:.1f}x SQLite")
        elif a and p and key.startswith("rps"):
            ratio = f"{p / a:.2f}x"
        cells.append(ratio)
    cells.append("; ".join(x for x in (target, "PostgreSQL within 3x" if single and both else "") if x))
    print("| " + " | ".join(cells) + " |")
if all("load_before" in rows[b] and "load_after" in rows[b] for b in backends):
    cells = ["load average (1 min) of this shared machine, before → after"]
    cells += [f"{rows[b]['load_before']:.1f} → {rows[b]['load_after']:.1f}" for b in backends]
    cells += [""] * (2 if both else 1)
    print("| " + " | ".join(cells) + " |")
print()
print("Times are wall-clock medians (CPU: user + system of the command itself); targets are "
      "checked on wall time.")
print()
print("targets missed: " + ("; ".join(missed) if missed else "none"))
