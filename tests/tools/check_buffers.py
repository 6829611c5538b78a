#!/usr/bin/env python3
"""Counts the fixed-size text buffers (char NAME[N], N >= 64) left in src/.

A buffer on a data path (names, titles, notes, reasons, paths: anything a
user or a document wrote) must be the growable sl_buf or an owned string:
a fixed copy truncates, and a truncated copy compared or stored is a defect
(issue 14: D1, D2). Buffers that never hold such text (hex digests, tokens,
numbers formatted by our code, I/O chunks) are listed in
tests/tools/buffer_allowlist.txt, each with its reason.

Prints each buffer found on a data path as file:line, then the count, and
ends with "N passed, N failed": it fails when any buffer is neither
converted nor allow-listed, or when an allow-list entry no longer matches
anything (so the list stays true).
usage: check_buffers.py [SRC_DIR]"""
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ALLOW = os.path.join(ROOT, "tests", "tools", "buffer_allowlist.txt")
DECL = re.compile(r"\b(?:unsigned\s+)?char\s+(\w+)\s*((?:\[[^\]]*\])+)")
DEFINE = re.compile(r"^\s*#\s*define\s+(\w+)\s+(.+?)\s*(?:/\*.*)?$")
KNOWN = {"PATH_MAX": 4096, "crypto_hash_sha256_BYTES": 32, "crypto_auth_hmacsha256_KEYBYTES": 32,
         "crypto_auth_hmacsha256_BYTES": 32, "crypto_pwhash_STRBYTES": 128}


def sources(src):
    for base, _, files in os.walk(src):
        for f in sorted(files):
            if f.endswith((".c", ".h")):
                yield os.path.join(base, f)


def macros(paths):
    table = dict(KNOWN)
    for p in paths:
        for line in open(p, encoding="utf-8", errors="replace"):
            m = DEFINE.match(line)
            if m:
                table.setdefault(m.group(1), m.group(2))
    return table


def size_of(expr, table, depth=0):
    """The value of an array size expression, or None when unknown."""
    expr = expr.strip()
    if not expr:
        return None
    if depth > 8:
        return None
    def name(m):
        v = table.get(m.group(0))
        if v is None:
            raise ValueError(m.group(0))
        r = v if isinstance(v, int) else size_of(str(v), table, depth + 1)
        if r is None:
            raise ValueError(m.group(0))
        return str(r)
    try:
        text = re.sub(r"[A-Za-z_]\w*", name, expr)
        if not re.fullmatch(r"[\d\s+\-*/()<>]+", text):
            return None
        return int(eval(text, {"__builtins__": {}}))  # digits and operators only
    except (ValueError, SyntaxError, ZeroDivisionError):
        return None


def buffers(src):
    paths = list(sources(src))
    table = macros(paths)
    for p in paths:
        rel = os.path.relpath(p, os.path.dirname(os.path.abspath(src)))
        for no, line in enumerate(open(p, encoding="utf-8", errors="replace"), 1):
            code = line.split("//")[0]
            if code.lstrip().startswith(("*", "/*")):
                continue
            for m in DECL.finditer(code):
                dims = re.findall(r"\[([^\]]*)\]", m.group(2))
                if not dims[-1].strip():
                    continue            # char x[] = "literal": sized by its text
                n = size_of(dims[-1], table)
                if n is None or n >= 64:
                    yield rel, no, m.group(1), n


def main():
    src = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "src")
    allow = {}
    for no, line in enumerate(open(ALLOW, encoding="utf-8"), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        parts = line.split(None, 2)
        if len(parts) < 3:
            print(f"{ALLOW}:{no}: an entry is FILE NAME REASON")
            print("0 passed, 1 failed")
            return 1
        allow[(parts[0], parts[1])] = [no, 0]
    left, allowed = [], 0
    for rel, no, name, n in buffers(src):
        key = (rel, name)
        if key in allow:
            allow[key][1] += 1
            allowed += 1
        else:
            left.append(f"{rel}:{no}: char {name}[{n if n is not None else '?'}]")
    stale = [f"{ALLOW}:{v[0]}: {k[0]} {k[1]} matches no buffer any more" for k, v in allow.items() if not v[1]]
    for line in left + stale:
        print(line)
    print(f"fixed-size text buffers on data paths: {len(left)} (target 0); "
          f"allow-listed non-data buffers: {allowed}")
    failed = (1 if left else 0) + (1 if stale else 0)
    print(f"{2 - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
