#!/usr/bin/env python3
"""Separation by authority (issue 14 item 2): two councils in one database,
Bury (A) and Halton (B), each with a plan, an inspection, a measure, a board
with a meeting, an action arising and a risk. Accounts of every role are
granted on Bury only. The attack suite is generated from the route table
(`sightline serve --list-routes`), so a new page is covered without a new
test: every route with an id is requested, as each of A's roles and with no
session, with B's ids put in (GET, and POST with a valid CSRF token and a
form filling every field the forms use). Each must answer exactly as for an
id that does not exist (404; 303 to sign-in without a session; a 403 only
where the route's least role refuses before any id is read, the same for a
missing id), and the database must be unchanged (a dump of every table,
before and after). The same routes with A's ids are then answered for the
roles that may. Pages without ids (lists, national views) must name
nothing of B. The command line: each command that takes an id, ref, plan or
board, run `--as` an A account against B's, exits 1 with the words it gives
for a missing one.

usage: test_tenancy.py SIGHTLINE-BINARY (tests/cli/pg_sl.sh with SL_PG_URL,
SL_REAL and SL_PG_MARKS set runs it on PostgreSQL). Ends "N passed, N failed"."""
import hashlib
import os
import re
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.parse

sys.argv = sys.argv[:2]
import test_http as h  # noqa: E402  (the HTTP client and helpers, sharing SL)

PASSWORD = "correct-horse-42"
ROLES = ("viewer", "board", "lead", "programme", "admin")
ORDER = {"none": 0, "viewer": 1, "board": 2, "lead": 3, "programme": 4, "admin": 5}
MISSING = 987654321
B_CODE = "E06000006"    # Halton's ONS code
# Words of B's records that no page shown to A's accounts may contain.
B_MARKS = ("Halton", "Beta Board", "Beta staffing risk", "BETA1", "Beta arising")
# One form that fills every field the pages' forms read.
FORM = {"status": "complete", "note": "tenancy probe", "version": "1", "rag": "red", "reason": "probe",
        "evidence": "https://example.org/e", "title": "Probe", "ref": "Z9", "comment": "probe", "text": "probe",
        "minutes": "probe", "decision": "probe", "member": "Probe", "state": "present", "kind": "item",
        "theme": "probe", "owner": "probe", "due": "2027-01-01", "likelihood": "3", "impact": "3",
        "trend": "up", "day": "2027-01-01"}


def query(db, sql):
    """Rows of one query on the test's database (SQLite's file, or the PostgreSQL database pg_sl.sh made)."""
    base = os.environ.get("SL_PG_URL")
    if not base:
        con = sqlite3.connect(db)
        try:
            return [tuple(str(v) for v in row) for row in con.execute(sql)]
        finally:
            con.close()
    name = "sl_" + hashlib.md5(os.path.realpath(db).encode()).hexdigest()[:24]
    out = subprocess.run(["psql", "-qAtX", "-F", "\t", base.replace("/postgres?", "/" + name + "?"), "-c", sql],
                         capture_output=True, text=True).stdout
    return [tuple(line.split("\t")) for line in out.splitlines() if line]


def dump(db):
    """A digest of every row of every table but sessions (touched by every request) and sign-in records
    (written by the server's throttle, a moment after each sign-in)."""
    if os.environ.get("SL_PG_URL"):
        tables = [r[0] for r in query(db, "SELECT table_name FROM information_schema.tables"
                                          " WHERE table_schema = 'public' ORDER BY 1")]
    else:
        tables = [r[0] for r in query(db, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY 1")]
    digest = {}
    for t in tables:
        if t in ("sessions", "login_failures", "sign_in_events"):
            continue
        rows = query(db, f"SELECT * FROM {t}")
        digest[t] = hashlib.sha256("\n".join(sorted("|".join(r) for r in rows)).encode()).hexdigest()
    return digest


def sl(db, *args, stdin=None):
    return h.sl(db, *args, stdin=stdin)


def setup(db):
    """Two councils; accounts of each role on A only, a programme account on each for the setup."""
    ex = os.path.join(h.ROOT, "examples")
    steps = [("init",),
             ("import", os.path.join(ex, "croydon-transitional-2017.csv"), "--authority", "Bury"),
             ("import", os.path.join(ex, "documents", "barking-dagenham-ofsted-action-plan-2014.txt"),
              "--authority", "Halton"),
             ("import", os.path.join(ex, "inspections", "80443_bury_17-december-2021.txt")),
             ("import", os.path.join(ex, "inspections", "80471_halton_12-july-2024.txt"))]
    for login, role, where in [("setup-a", "programme", "Bury"), ("setup-b", "programme", "Halton"),
                               ("b-viewer", "viewer", "Halton")] + [(f"a-{r}", r, "Bury") for r in ROLES]:
        person = ["--person", "BP"] if role == "lead" else []
        steps.append(("user", "add", login, "--role", role, "--authority", where, *person, "--password-stdin"))
    for side, board, mark in (("a", "Alpha Board", "Alpha"), ("b", "Beta Board", "Beta")):
        who = ("--as", f"setup-{side}")
        steps += [(*who, "board", "add", board, "--kind", "improvement", "--chair", f"{mark} Chair"),
                  (*who, "meeting", "add", "--board", board, "--date", "2026-11-20", "--venue", "Town Hall"),
                  (*who, "arising", "add", "--board", board, "--date", "2026-11-20", "--text", f"{mark} arising",
                   "--owner", "BP", "--due", "2026-12-20"),
                  (*who, "risk", "add", "--title", f"{mark} staffing risk", "--likelihood", "4", "--impact", "3",
                   "--owner", "BP"),
                  (*who, "measure", "add", f"{mark.upper()}1", "--name", f"{mark} measure", "--unit", "percent",
                   "--polarity", "higher"),
                  (*who, "measure", "set", f"{mark.upper()}1", "--period", "2024-05", "--value", "61.5",
                   "--source", f"{mark} extract")]
    for step in steps:
        stdin = PASSWORD + "\n" if "--password-stdin" in step else None
        r = sl(db, *step, stdin=stdin)
        h.check(f"setup {' '.join(step[:4])}", r.returncode == 0, r.stderr)
    evidence(db)


# A 1×1 PNG: evidence is known by its content.
PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082")


def evidence(db):
    """An evidence file on the first action of each side's plan, attached by that side."""
    folder = tempfile.mkdtemp(prefix="sightline-tenancy-evidence.")
    try:
        for side, authority in (("a", "Bury"), ("b", "Halton")):
            path = os.path.join(folder, f"{side}-photo.png")
            with open(path, "wb") as f:
                f.write(PNG)
            plan, ref = query(db, f"SELECT p.id, a.ref FROM actions a JOIN plans p ON p.id = a.plan_id JOIN authorities"
                                  f" au ON au.id = p.authority_id WHERE au.name = '{authority}' ORDER BY a.id LIMIT 1")[0]
            r = sl(db, "--as", f"setup-{side}", "update", ref, "--plan", str(plan), "--note", f"{side} evidence",
                   "--attach", path)
            h.check(f"setup evidence {side}", r.returncode == 0, r.stderr)
    finally:
        shutil.rmtree(folder)


def ids_of(db):
    """Each side's ids by kind (the first of each), read from the database."""
    out = {}
    for side, authority, board in (("a", "Bury", "Alpha Board"), ("b", "Halton", "Beta Board")):
        aid = f"(SELECT id FROM authorities WHERE name = '{authority}')"
        one = lambda sql: int(query(db, sql)[0][0] or 0) if query(db, sql)[0][0] not in ("None", "") else 0  # noqa: E731
        out[side] = {
            "plans": one(f"SELECT min(id) FROM plans WHERE authority_id = {aid}"),
            "actions": one(f"SELECT min(a.id) FROM actions a JOIN plans p ON p.id = a.plan_id WHERE p.authority_id = {aid}"),
            "boards": one(f"SELECT id FROM boards WHERE name = '{board}'"),
            "meetings": one(f"SELECT min(m.id) FROM meetings m JOIN boards b ON b.id = m.board_id WHERE b.name = '{board}'"),
            "arisings": one(f"SELECT min(x.id) FROM arising_actions x JOIN meetings m ON m.id = x.meeting_id"
                            f" JOIN boards b ON b.id = m.board_id WHERE b.name = '{board}'"),
            "risks": one(f"SELECT min(id) FROM risks WHERE authority_id = {aid}"),
            "evidence": one(f"SELECT min(e.id) FROM evidence_files e JOIN actions a ON a.id = e.action_id"
                            f" JOIN plans p ON p.id = a.plan_id WHERE p.authority_id = {aid}"),
        }
    for side in out:
        for kind, value in out[side].items():
            h.check(f"setup: {side}'s {kind} found", value > 0, value)
    return out


def routes():
    """The route table, as the binary prints it."""
    r = subprocess.run([h.SL, "serve", "--list-routes"], capture_output=True, text=True)
    rows = [line.split() for line in r.stdout.splitlines() if line.strip()]
    h.check("list-routes", r.returncode == 0 and len(rows) > 20, r.stderr)
    return [(m, p, role) for m, p, role, _ in rows]


def kind_of(pattern):
    """The kind of thing a route's id names: the path's first segment."""
    return pattern.split("/")[1]


def start(db, port, log):
    server = subprocess.Popen([h.SL, "--db", db, "serve", "--listen", f"127.0.0.1:{port}",
                               "--static", os.path.join(h.ROOT, "build", "static")],
                              stdout=subprocess.DEVNULL, stderr=log)
    for _ in range(200):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.05)
    return server


def csrf_of(client):
    _, _, page = client.get("/calendar")
    m = re.search(r'name="csrf" value="([^"]+)"', page)
    return m.group(1) if m else ""


def ask(client, method, path, csrf):
    if method == "GET":
        st, _, page = client.get(path)
    else:
        st, _, page = client.post(path, dict(FORM, csrf=csrf))
    return st, page


def attack(port, db, table, ids, clients):
    """Every id route with B's ids, as every role of A and with no session."""
    before = dump(db)
    for login, (client, csrf, role) in clients.items():
        for method, pattern, least in table:
            if "{id}" not in pattern:
                continue
            kind = kind_of(pattern)
            if kind not in ids["b"]:
                if kind == "calendar":      # a calendar token: an account's own, not an authority's
                    continue
                h.check(f"route-kind-known {pattern}", False, "add its kind to ids_of()")
                continue
            path_b = pattern.replace("{id}", str(ids["b"][kind]))
            path_missing = pattern.replace("{id}", str(MISSING))
            st, page = ask(client, method, path_b, csrf)
            st_missing, _ = ask(client, method, path_missing, csrf)
            name = f"{login} {method} {pattern} with B's id"
            if role == "none":
                h.check(name, st == 303, st)
            elif ORDER[role] >= ORDER[least]:
                h.check(name, st == 404 and st_missing == 404, (st, st_missing))
            else:                           # refused by role before any id is read: the same as a missing id
                h.check(name, st in (403, 404) and st == st_missing, (st, st_missing))
            h.check(f"{name} names nothing of B", not any(mark in page for mark in B_MARKS))
    after = dump(db)
    changed = [t for t in before if before[t] != after.get(t)]
    h.check("database unchanged by the attacks", not changed, changed)


def lists(clients):
    """Pages without ids: nothing of B on them, for every role of A."""
    for login, (client, _, role) in clients.items():
        if role == "none":
            continue
        for method, pattern, least in TABLE:
            if method != "GET" or "{id}" in pattern or least == "none" or ORDER[role] < ORDER[least] \
                    or pattern in QUERY_ONLY:
                continue
            st, _, page = client.get(pattern)
            h.check(f"{login} GET {pattern}", st == 200, st)
            if "<svg" in page:
                # England's map names every district (public geography); B's judgement must not colour it.
                grades = re.findall(r'data-authority="%s" data-grade="([^"]*)"' % B_CODE, page)
                h.check(f"{login} GET {pattern}: B's district shows no judgement", set(grades) <= {"none"}, grades)
                page = re.sub(r"<svg.*?</svg>", "", page, flags=re.S)
            marks = [m for m in B_MARKS if m in page]
            h.check(f"{login} GET {pattern} names nothing of B", not marks, marks)


# Pages that name what they show in the query string: (route, B's value, a missing one).
QUERY_ONLY = ("/measure", "/measure/correct")
QUERY_CASES = [("/measure?code={V}", "BETA1", "NOSUCH1"),
               ("/measure/correct?code={V}&period=2024-05", "BETA1", "NOSUCH1"),
               ("/search?q={V}", "Beta", "Zzyzxq"),
               ("/search?q={V}", "Halton", "Zzyzxq"),
               ("/reports/output?kind=highlight&plan={V}&format=md", "{B_PLAN}", str(MISSING)),
               ("/reports/output?kind=board-pack&board={V}&meeting=2026-11-20&format=md", "Beta%20Board", "No%20Such"),
               ("/reports?plan={V}", "{B_PLAN}", str(MISSING))]


def query_routes(ids, clients):
    """Query-string ids: B's answer as a missing one's, and nothing of B on it."""
    for login, (client, _, role) in clients.items():
        for template, b_value, missing in QUERY_CASES:
            b_value = b_value.replace("{B_PLAN}", str(ids["b"]["plans"]))
            st_b, _, page = client.get(template.replace("{V}", b_value))
            st_x, _, _ = client.get(template.replace("{V}", missing))
            h.check(f"{login} GET {template} with B's", st_b == st_x, (st_b, st_x))
            # What the request itself said (echoed in the page's as-of form) is not B's data.
            echoed = urllib.parse.unquote(b_value)
            marks = [m for m in B_MARKS if m in page.replace(echoed, "")]
            h.check(f"{login} GET {template} names nothing of B", not marks, marks)


def own_side(ids, clients):
    """The same routes with A's ids: answered for each role that may (GET 200; a POST is handled, never 404)."""
    for login, (client, csrf, role) in clients.items():
        if role == "none":
            continue
        for method, pattern, least in TABLE:
            kind = kind_of(pattern)
            if "{id}" not in pattern or kind not in ids["a"] or ORDER[role] < ORDER[least]:
                continue
            st, _ = ask(client, method, pattern.replace("{id}", str(ids["a"][kind])), csrf)
            ok = st == 200 if method == "GET" else st in (200, 303, 400, 403, 409)
            h.check(f"{login} {method} {pattern} with A's id", ok, st)


def national_viewer(port, db):
    """A national viewer sees both councils; B's own viewer sees B and not A."""
    r = sl(db, "user", "add", "nat", "--role", "viewer", "--password-stdin", stdin=PASSWORD + "\n")
    h.check("national viewer added", r.returncode == 0, r.stderr)
    nat, st, _ = h.sign_in(port, "nat", PASSWORD)
    _, _, page = nat.get("/")
    h.check("national viewer sees both", "Halton" in page and "Bury" in page, page[:200])
    b, st, _ = h.sign_in(port, "b-viewer", PASSWORD)
    _, _, page = b.get("/")
    h.check("B's viewer sees B, not A", "Halton" in page and "Bury" not in page, page[:200])


def mixed_roles(port, db, ids):
    """programme over A and viewer over B: the role used for a thing is its authority's grant."""
    for step in (("user", "add", "mixed", "--role", "programme", "--authority", "Bury", "--password-stdin"),
                 ("user", "grant", "mixed", "--authority", "Halton", "--role", "viewer")):
        r = sl(db, *step, stdin=PASSWORD + "\n")
        h.check(f"mixed: {step[1]}", r.returncode == 0, r.stderr)
    c, st, _ = h.sign_in(port, "mixed", PASSWORD)
    csrf = csrf_of(c)
    before = dump(db)
    for side, want in (("b", 403), ("a", 200)):
        st, _, page = c.get(f"/actions/{ids[side]['actions']}")
        h.check(f"mixed: {side}'s action page", st == 200, st)
        h.check(f"mixed: edit link on {side}'s action", ("/edit" in page) == (side == "a"))
        st, _, _ = c.get(f"/actions/{ids[side]['actions']}/edit")
        h.check(f"mixed: edit form of {side}'s action", st == want, st)
    for path in (f"/actions/{ids['b']['actions']}/edit", f"/meetings/{ids['b']['meetings']}/decisions",
                 f"/risks/{ids['b']['risks']}/review", f"/arisings/{ids['b']['arisings']}/update",
                 f"/plans/{ids['b']['plans']}/actions/new", f"/actions/{ids['b']['actions']}/update"):
        st, _ = ask(c, "POST", path, csrf)
        h.check(f"mixed: POST {path} refused as a viewer of B", st == 403, st)
    h.check("mixed: B unchanged", dump(db) == before)


def reminders(db):
    """A lead is reminded of the actions of their own authorities only, whoever else a plan names alike."""
    for login, where in (("a-ann", "Bury"), ("b-ann", "Halton")):
        r = sl(db, "user", "add", login, "--role", "lead", "--person", "Ann Graham", "--authority", where,
               "--password-stdin", stdin=PASSWORD + "\n")
        h.check(f"reminders: {login} added", r.returncode == 0, r.stderr)
    r = sl(db, "remind", "--dry-run", "--as-of", "2015-06-01")
    h.check("reminders: B's lead is reminded", r.returncode == 0 and "b-ann" in r.stdout, r.stdout[:300])
    h.check("reminders: A's lead of the same name is not reminded of B's actions", "a-ann" not in r.stdout,
            r.stdout[:300])


def cli(db, ids):
    """Commands naming B's things, --as an A account: exit 1 and the words of a missing one."""
    b_ref = query(db, f"SELECT ref FROM actions WHERE id = {ids['b']['actions']}")[0][0]
    plan_b, plan_x = str(ids["b"]["plans"]), str(MISSING)
    cases = [
        (("show", b_ref, "--plan", "{P}"), plan_b, plan_x),
        (("actions", "--plan", "{P}"), plan_b, plan_x),
        (("update", b_ref, "--plan", "{P}", "--status", "complete", "--note", "x"), plan_b, plan_x),
        (("edit", b_ref, "--plan", "{P}", "--title", "x"), plan_b, plan_x),
        (("withdraw", b_ref, "--plan", "{P}", "--reason", "x"), plan_b, plan_x),
        (("add-action", "--plan", "{P}", "--ref", "Z9", "--title", "x"), plan_b, plan_x),
        (("lint", "--plan", "{P}"), plan_b, plan_x),
        (("recommendations", "--plan", "{P}"), plan_b, plan_x),
        (("export", "--plan", "{P}", "--format", "csv"), plan_b, plan_x),
        (("history", b_ref, "--plan", "{P}"), plan_b, plan_x),
        (("link", b_ref, "1", "--plan", "{P}"), plan_b, plan_x),
        (("report", "highlight", "--plan", "{P}", "--format", "md"), plan_b, plan_x),
        (("savings", "--plan", "{P}"), plan_b, plan_x),
        (("meeting", "show", "--board", "{P}", "--date", "2026-11-20"), "Beta Board", "No Such Board"),
        (("meeting", "move", "--board", "{P}", "--date", "2026-11-20", "--to", "2026-11-27"), "Beta Board", "No Such Board"),
        (("decision", "add", "--board", "{P}", "--date", "2026-11-20", "--text", "x"), "Beta Board", "No Such Board"),
        (("arising", "add", "--board", "{P}", "--date", "2026-11-20", "--text", "x", "--owner", "BP"),
         "Beta Board", "No Such Board"),
        (("arising", "update", "{P}", "--status", "complete"), str(ids["b"]["arisings"]), str(MISSING)),
        (("risk", "update", "{P}", "--likelihood", "1"), "R2", "R99"),
        (("measure", "show", "{P}"), "BETA1", "NOSUCH1"),
    ]
    for who in ("a-programme", "a-admin", "a-viewer"):
        before = dump(db)
        for args, b_value, missing in cases:
            run_b = sl(db, "--as", who, *[a.replace("{P}", b_value) for a in args])
            run_x = sl(db, "--as", who, *[a.replace("{P}", missing) for a in args])
            words_b = run_b.stderr.replace(b_value, "?")
            words_x = run_x.stderr.replace(missing, "?")
            h.check(f"cli --as {who} {' '.join(args[:2])} on B", run_b.returncode == 1 and words_b == words_x,
                    (run_b.returncode, run_b.stderr.strip(), run_x.stderr.strip()))
        h.check(f"cli --as {who}: database unchanged", dump(db) == before)
    a_ref = query(db, f"SELECT ref FROM actions WHERE id = {ids['a']['actions']}")[0][0]
    r = sl(db, "--as", "a-viewer", "update", a_ref, "--plan", str(ids["a"]["plans"]), "--note", "x")
    h.check("cli --as a viewer may not update", r.returncode == 1 and "may not run `update`" in r.stderr, r.stderr)
    r = sl(db, "--as", "a-lead", "edit", a_ref, "--plan", str(ids["a"]["plans"]), "--title", "x")
    h.check("cli --as a lead may not edit", r.returncode == 1 and "needs programme" in r.stderr, r.stderr)
    r = sl(db, "--as", "a-admin", "user", "grant", "a-viewer", "--authority", "Halton", "--role", "admin")
    h.check("cli --as a council's admin may not grant another council",
            r.returncode == 1 and "no such authority" in r.stderr, r.stderr)
    r = sl(db, "--as", "a-programme", "update", a_ref, "--plan", str(ids["a"]["plans"]), "--note", "own council")
    h.check("cli --as a programme account updates its own council", r.returncode == 0, r.stderr)
    r = sl(db, "--as", "a-viewer", "plans")
    h.check("cli --as lists only A", "Bury" in r.stdout and "Halton" not in r.stdout, r.stdout)
    r = sl(db, "plans")
    h.check("the operator sees both", "Bury" in r.stdout and "Halton" in r.stdout, r.stdout)
    r = sl(db, "--as", "nobody", "plans")
    h.check("cli --as unknown login refused", r.returncode == 1 and "no such user" in r.stderr, r.stderr)


def grants(db):
    """user grant / revoke: a grant opens B to an A account; revoking it closes it again."""
    r = sl(db, "user", "grant", "a-viewer", "--authority", "Halton", "--role", "viewer")
    h.check("grant", r.returncode == 0, r.stderr)
    h.check("granted: sees B", "Halton" in sl(db, "--as", "a-viewer", "plans").stdout)
    r = sl(db, "user", "revoke", "a-viewer", "--authority", "Halton")
    h.check("revoke", r.returncode == 0, r.stderr)
    h.check("revoked: B gone", "Halton" not in sl(db, "--as", "a-viewer", "plans").stdout)
    r = sl(db, "user", "revoke", "a-viewer", "--authority", "Halton")
    h.check("revoking twice refused", r.returncode == 1, r.returncode)
    pw = PASSWORD + "\n"
    r = sl(db, "--as", "a-admin", "user", "add", "x1", "--role", "lead", "--authority", "Halton",
           "--password-stdin", stdin=pw)
    h.check("A's admin cannot add an account of B", r.returncode == 1 and "no such authority" in r.stderr, r.stderr)
    r = sl(db, "--as", "a-admin", "user", "add", "x2", "--role", "lead", "--password-stdin", stdin=pw)
    h.check("A's admin cannot add a national account", r.returncode == 1, r.stderr)
    r = sl(db, "--as", "a-admin", "user", "grant", "a-viewer", "--national", "--role", "viewer")
    h.check("A's admin cannot grant nationally", r.returncode == 1, r.stderr)
    r = sl(db, "--as", "a-admin", "user", "add", "x3", "--role", "lead", "--authority", "Bury", "--password-stdin",
           stdin=pw)
    h.check("A's admin adds an account of A", r.returncode == 0, r.stderr)
    r = sl(db, "--as", "x3", "plans")
    h.check("which sees A only", "Bury" in r.stdout and "Halton" not in r.stdout, r.stdout)
    h.check("no account x1 or x2", not query(db, "SELECT login FROM users WHERE login IN ('x1', 'x2')"))
    r = sl(db, "user", "grant", "a-viewer", "--authority", "Nowhere", "--role", "viewer")
    h.check("grant on an unknown authority refused", r.returncode == 1 and "no such authority" in r.stderr, r.stderr)


TABLE = []


def main():
    work = tempfile.mkdtemp(prefix="sightline-tenancy-")
    db = os.path.join(work, "two.db")
    setup(db)
    ids = ids_of(db)
    TABLE.extend(routes())
    port = h.free_port()
    log_path = os.path.join(work, "serve.log")
    log = open(log_path, "w")
    server = start(db, port, log)
    try:
        clients = {"no session": (h.Client(port), "", "none")}
        for role in ROLES:
            c, st, _ = h.sign_in(port, f"a-{role}", PASSWORD)
            h.check(f"sign-in a-{role}", st == 303, st)
            clients[f"a-{role}"] = (c, csrf_of(c), role)
        attack(port, db, TABLE, ids, clients)
        lists(clients)
        query_routes(ids, clients)
        own_side(ids, clients)
        national_viewer(port, db)
        mixed_roles(port, db, ids)
    finally:
        server.terminate()
        server.wait(timeout=60)
        log.close()
    with open(log_path, errors="replace") as f:
        text = f.read()
    # Sanitizer builds report to the server's standard error.
    h.check("server: no sanitizer report", not re.search(r"AddressSanitizer|LeakSanitizer|runtime error", text),
            text[-400:])
    cli(db, ids)
    grants(db)
    reminders(db)
    shutil.rmtree(work)
    print(f"{h.passed} passed, {h.failed} failed")
    return 0 if h.failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
