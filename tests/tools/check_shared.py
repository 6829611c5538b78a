#!/usr/bin/env python3
"""check_shared.py — keeps the test suites runnable from a bare clone.

The large corpora live in ../shared, beside the repository, and are not in a
fresh clone. A test may read them only behind the `shared PATH` skip helper of
tests/cli/lib.sh (which counts and prints the skip). This check fails any line
of a test script that names $SHARED or ../shared outside a comment and
without a `shared "…"` guard on it or on one of the five lines before it; the
few lines that define the helper itself are the allowed exceptions.

Prints "N passed, N failed" (one check per test file)."""
import os
import re
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
USES = re.compile(r'\$\{?SHARED\b|\.\./shared')
GUARD = re.compile(r'\bshared "')
DEFINES = {os.path.join("tests", "cli", "lib.sh")}


def problems(path, rel):
    """Returns the unguarded lines of one test file as 'file:line: text'."""
    out = []
    with open(path, encoding="utf-8", errors="replace") as f:
        lines = f.read().split("\n")
    for i, line in enumerate(lines):
        code = line.split("#", 1)[0] if path.endswith((".sh", ".py")) else line.split("//", 1)[0]
        if not USES.search(code):
            continue
        window = lines[max(0, i - 5):i + 1]
        if not any(GUARD.search(w) for w in window):
            out.append("%s:%d: %s" % (rel, i + 1, line.strip()))
    return out


def main():
    passed = failed = 0
    for top in ("tests/cli", "tests/web", "tests/reliability", "tests/faults"):
        base = os.path.join(ROOT, top)
        if not os.path.isdir(base):
            continue
        for name in sorted(os.listdir(base)):
            if not name.endswith((".sh", ".py", ".mjs")):
                continue
            rel = os.path.join(top, name)
            if rel in DEFINES:
                continue
            bad = problems(os.path.join(base, name), rel)
            for b in bad:
                print("FAIL %s (reads ../shared without the `shared` skip guard)" % b, file=sys.stderr)
            failed += 1 if bad else 0
            passed += 0 if bad else 1
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
