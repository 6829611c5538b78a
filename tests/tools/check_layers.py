#!/usr/bin/env python3
"""check_layers.py — the include rules of docs/ARCHITECTURE.md, checked.

Every file under src/ belongs to a layer (its first folder: util, domain,
store, import, report, web, cli). A file may include headers of its own layer
and of the layers below it; an include that points up, or sideways where the
map forbids it, is an error. Modules (foo.c with foo.h) must not include each
other in a circle (a.c includes b.h while b.c includes a.h), inside a layer or
across layers, and no header may reach itself through its includes.

Inside import/, three rooms: format/ (bytes into lines and cells) may include
only format/; kind/ (lines and cells into meaning) may include kind/ and, of
format/, only the narrow headers in KIND_MAY_USE; neither may include the
entry at the top of import/ (import.h, document.h), which includes them.
Prints each breach as
file:line: message and ends with "N passed, N failed" (one check per include
and one per module circle) for tests/run.sh.
"""
import os
import re
import sys

# What each layer may include besides itself (docs/ARCHITECTURE.md).
ALLOWED = {
    "util": set(),
    "domain": {"util"},
    "store": {"domain", "util"},
    "import": {"domain", "util"},
    "report": {"store", "domain", "util"},
    "web": {"report", "import", "store", "domain", "util"},
    "cli": {"web", "report", "import", "store", "domain", "util"},
}
# The format headers a document kind may include: cleaning a cell's markup,
# and a sheet's cells for the workbook plan reader. Everything else a kind
# needs from a format reaches it as lines and cells through the entry.
KIND_MAY_USE = {"import/format/text_html.h", "import/format/xlsx_sheet.h"}
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"')


def layer_of(path):
    """The layer of a path relative to src/ ("web/auth.c" -> "web")."""
    return path.split("/", 1)[0]


def module_of(path):
    """The module of a path relative to src/ ("web/auth.c" -> "web/auth")."""
    return os.path.splitext(path)[0]


def room_of(path):
    """The room of an import/ path: "top", "format" or "kind"; None outside import/."""
    parts = path.split("/")
    if parts[0] != "import":
        return None
    return parts[1] if len(parts) > 2 and parts[1] in ("format", "kind") else "top"


def import_breach(rel, inc):
    """Why an include between import/ rooms breaks the rule, or None."""
    here, there = room_of(rel), room_of(inc)
    if here in (None, "top") or there is None:
        return None
    if there == "top":
        return f"{here}/ may not include the import entry {inc} (the entry includes {here}/)"
    if here == "format" and there == "kind":
        return f"format/ may not include {inc} (bytes into lines never depend on their meaning)"
    if here == "kind" and there == "format" and inc not in KIND_MAY_USE:
        narrow = ", ".join(sorted(KIND_MAY_USE))
        return f"kind/ may include format/ only through {narrow}, not {inc}"
    return None


def scan(src):
    """Yields (file, line number, included path) for every quoted include under src."""
    for root, _, files in os.walk(src):
        for name in sorted(files):
            if not name.endswith((".c", ".h")):
                continue
            full = os.path.join(root, name)
            rel = os.path.relpath(full, src)
            with open(full, encoding="utf-8") as f:
                for n, text in enumerate(f, 1):
                    m = INCLUDE.match(text)
                    if m:
                        yield rel, n, m.group(1)


def circles(edges):
    """The strongly connected groups of more than one module (Tarjan)."""
    index, low, stack, on, out = {}, {}, [], set(), []
    counter = [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in sorted(edges.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                out.append(sorted(group))

    sys.setrecursionlimit(10000)
    for v in sorted(edges):
        if v not in index:
            visit(v)
    return out


def main():
    src = sys.argv[1] if len(sys.argv) > 1 else "src"
    passed = failed = 0
    edges = {}
    for rel, line, inc in scan(src):
        if not os.path.exists(os.path.join(src, inc)):
            continue  # a generated or system-style header, not ours
        here, there = layer_of(rel), layer_of(inc)
        if here in ALLOWED and there != here and there not in ALLOWED[here]:
            print(f"src/{rel}:{line}: {here}/ may not include {inc} ({there}/ is not below {here}/)")
            failed += 1
        elif import_breach(rel, inc):
            print(f"src/{rel}:{line}: {import_breach(rel, inc)}")
            failed += 1
        else:
            passed += 1
        # A source file's includes tie its module to another module; a
        # header's includes tie header to header (a circle there is a real
        # include loop that only the guards hide).
        a = module_of(rel) if rel.endswith(".c") else rel
        b = module_of(inc) if rel.endswith(".c") else inc
        if a != b:
            edges.setdefault(a, set()).add(b)
    found = circles(edges)
    for group in found:
        print(f"src/{group[0]}: modules include each other in a circle: {' -> '.join(group)}")
    failed += len(found)
    passed += 1 if not found else 0
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
