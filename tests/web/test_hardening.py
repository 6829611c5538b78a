#!/usr/bin/env python3
"""Regression tests for the defects of issue 14, each check named after its
defect (D1, D2, …) and each one that failed before its fix:
  D1   a long SRO or leads list is compared whole (no 256/512-byte copy)
  D2   a return reason is stored whole (no 600-byte cut mid-character)
  note a 6,003-byte progress note is shown whole on the action page
  LIM  field limits: the same refusal on the command line, the web and imports
  D7   viewers see only their own audit entries, admins all
  D8   the page cache is keyed on a generation that a restore changes
  D10  manual RAG values the form never offers, unbounded reason/evidence refused
  D12  HEAD like GET without a body, two Content-Length refused, security
       headers on every answer including the HTTP library's own errors
usage: test_hardening.py SIGHTLINE_BINARY   Ends with "N passed, N failed"."""
import csv
import io
import json
import os
import re
import shutil
import socket
import sqlite3
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "reliability"))
from common import Client, Server, Tally, form_fields, sl  # noqa: E402

HEADER = ["plan", "theme_ref", "theme", "ref", "title", "description", "start", "due", "sro", "leads",
          "resources", "measure", "impact", "status", "rag", "progress", "recommendations"]


def plan_csv(path, rows):
    """Writes a plan CSV of rows (dicts of the columns they set)."""
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(HEADER)
        for r in rows:
            w.writerow([r.get(k, "") for k in HEADER])


def base_row(ref, **kw):
    row = {"plan": "Hardening plan", "theme_ref": "1", "theme": "Theme", "ref": ref, "title": f"Action {ref}",
           "start": "Jan 26", "due": "Dec 27", "sro": "SM", "leads": "SM", "status": "In progress"}
    row.update(kw)
    return row


def head_of(port, data, timeout=10):
    """Sends raw bytes; returns (status code, header text, body bytes) of the reply."""
    s = socket.create_connection(("127.0.0.1", port), timeout=timeout)
    reply = b""
    try:
        s.sendall(data)
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            reply += chunk
    except OSError:
        pass
    finally:
        s.close()
    head, _, body = reply.partition(b"\r\n\r\n")
    m = re.match(rb"HTTP/1\.[01] (\d+)", head)
    return (int(m.group(1)) if m else 0), head.decode("latin-1"), body


def main():
    binary = os.path.abspath(sys.argv[1])
    work = tempfile.mkdtemp(prefix="sightline-hardening.")
    t = Tally()
    db = os.path.join(work, "h.db")
    sl(binary, db, "init")
    # D1: a leads list whose 512-byte copy ended "…; BP" although the last lead is BPQ,
    # and an SRO list whose 256-byte copy lost its last name (BP).
    # Leads are stored joined by ';': make the first 511 bytes end ";BP".
    names = [f"Person {i:03d}" for i in range(45)]
    names.append("P" * (508 - len(";".join(names)) - 1))
    assert len(";".join(names)) == 508
    leads_cut = "; ".join(names + ["BPQ"])
    sro_long = "; ".join(f"Person {i:03d}" for i in range(30)) + "; BP"
    plan_csv(os.path.join(work, "plan.csv"), [
        base_row("1.1", sro="SM", leads=leads_cut),
        base_row("1.2", sro=sro_long, leads="SM"),
        base_row("1.3", status="Complete"),
        base_row("1.4"),
    ])
    r = sl(binary, db, "import", os.path.join(work, "plan.csv"), "--authority", "Croydon")
    t.check("setup-import", r.returncode == 0, r.stderr)
    for login, role, person in [("admin", "admin", ""), ("bp", "lead", "BP"), ("viewer", "viewer", ""),
                                ("viewer2", "viewer", "")]:
        args = ["user", "add", login, "--role", role, "--password-stdin"] + (["--person", person] if person else [])
        sl(binary, db, *args, stdin="correct-horse-42\n")
    con = sqlite3.connect(db)
    ids = dict(con.execute("SELECT ref, id FROM actions"))
    con.close()
    server = Server(binary, db)
    t.check("server-starts", server.start())
    try:
        checks(t, binary, db, work, server.port, ids)
    finally:
        t.check("server-survives", server.proc.poll() is None, "the server died")
        server.stop()
        shutil.rmtree(work)
    return t.finish()


def update(client, action, **fields):
    _, page = client.request("GET", f"/actions/{action}")
    csrf, version = form_fields(page)
    base = {"csrf": csrf or "", "version": version or "1"}
    base.update(fields)
    return client.request("POST", f"/actions/{action}/update", base)


def checks(t, binary, db, work, port, ids):
    admin, bp = Client(port), Client(port)
    admin.sign_in("admin")
    bp.sign_in("bp")
    d1(t, bp, ids)
    d2(t, binary, db, work, admin, ids)
    long_note(t, admin, ids)
    limits(t, binary, db, work, admin, ids)
    d10(t, admin, ids)
    d7(t, port, admin)
    d8(t, binary, db, work, admin, ids)
    d12(t, port, admin)


def d1(t, bp, ids):
    """D1: ownership is decided on the whole SRO and leads text."""
    st, _ = update(bp, ids["1.1"], note="not mine: my label is BP, the lead is BPQ")
    t.check("D1-lead-not-granted-by-a-cut-list", st == 403, st)
    st, _ = update(bp, ids["1.2"], note="mine: I am the last SRO named")
    t.check("D1-sro-not-refused-by-a-cut-list", st == 303, st)


def d2(t, binary, db, work, admin, ids):
    """D2: a long return reason in a multi-byte script is stored whole and stays valid UTF-8."""
    reason = "Évidence manquante – " + "é" * 700
    _, page = admin.request("GET", f"/actions/{ids['1.3']}")
    csrf, version = form_fields(page)
    st, _ = admin.request("POST", f"/actions/{ids['1.3']}/return", {"csrf": csrf, "version": version, "reason": reason})
    t.check("D2-return-accepted", st == 303, st)
    con = sqlite3.connect(db)
    con.text_factory = bytes
    note = con.execute("SELECT note FROM progress_updates WHERE action_id = ? ORDER BY id DESC LIMIT 1", (ids["1.3"],)).fetchone()
    con.close()
    text = note[0].decode("utf-8", "strict") if note else ""
    t.check("D2-return-reason-whole", text == "Returned by the SRO: " + reason, len(text))
    r = sl(binary, db, "show", "1.3", "--json")
    ok = r.returncode == 0
    try:
        json.loads(r.stdout)
    except ValueError:
        ok = False
    t.check("D2-show-json-after-return", ok, r.stderr[:200])
    out = os.path.join(work, "export.csv")
    r = sl(binary, db, "export", "--plan", "1", "--format", "csv", "--output", out)
    if r.returncode != 0:
        r = sl(binary, db, "export", "--plan", "1", "--format", "csv")
        open(out, "w", encoding="utf-8").write(r.stdout)
    r2 = sl(binary, os.path.join(work, "again.db"), "init")
    r2 = sl(binary, os.path.join(work, "again.db"), "import", out, "--authority", "Croydon")
    t.check("D2-csv-reimport-after-return", r2.returncode == 0, r2.stderr[:300])


def long_note(t, admin, ids):
    """A 6,003-byte note is shown whole on the action page (it was cut at 4,095 bytes)."""
    note = ("Progress recorded in detail. " * 206)[:5990] + " fin-ñote-end"
    st, _ = update(admin, ids["1.4"], note=note)
    t.check("note-6003-saved", st == 303, st)
    _, page = admin.request("GET", f"/actions/{ids['1.4']}")
    row = re.search(r">Progress</dt><dd[^>]*>(.*?)</dd>", page, re.S)
    t.check("note-6003-shown-whole-on-action-page", row and row.group(1).endswith("fin-ñote-end"),
            row and len(row.group(1).encode()))


def limits(t, binary, db, work, admin, ids):
    """Field limits: one message on the command line, the web and imports; nothing stored."""
    note = "n" * 8001
    r = sl(binary, db, "update", "1.4", "--plan", "1", "--status", "in-progress", "--note", note)
    cli = r.stderr.strip()
    t.check("LIM-cli-note-refused", r.returncode == 1 and "8001 characters; at most 8000" in cli, (r.returncode, cli[:200]))
    st, page = update(admin, ids["1.4"], note=note)
    # The update form answers 400 with the limit's sentence beside the field (and what was typed kept).
    t.check("LIM-web-note-refused", st == 400 and "the progress note is 8001 characters; at most 8000 are accepted" in page, st)
    t.check("LIM-same-words-cli-and-web", cli.endswith("the progress note is 8001 characters; at most 8000 are accepted"), cli[-120:])
    path = os.path.join(work, "long-title.csv")
    plan_csv(path, [base_row("9.1", plan="Too long plan", title="T" * 500001)])
    r = sl(binary, db, "import", path, "--authority", "Croydon")
    t.check("LIM-import-title-500001-refused", r.returncode == 1 and
            "the action's title is 500001 characters; at most 2000 are accepted" in r.stderr, r.stderr[:300])
    con = sqlite3.connect(db)
    n = con.execute("SELECT count(*) FROM plans WHERE title = 'Too long plan'").fetchone()[0]
    con.close()
    t.check("LIM-import-refused-stores-nothing", n == 0, n)
    plan_csv(path, [base_row("9.1", plan="Title of 500", title="é" * 2000)])
    r = sl(binary, db, "import", path, "--authority", "Croydon")
    t.check("LIM-import-title-2000-characters-accepted", r.returncode == 0, r.stderr[:300])
    plan_csv(path, [base_row("9.1", plan="P" * 501)])
    r = sl(binary, db, "import", path, "--authority", "Croydon")
    t.check("LIM-import-plan-title-501-refused", r.returncode == 1 and
            "the plan's title is 501 characters; at most 500 are accepted" in r.stderr, r.stderr[:300])


def d10(t, admin, ids):
    """D10: only the manual ratings the form offers; reason and evidence bounded."""
    for rag in ["blue", "grey"]:
        st, _ = update(admin, ids["1.4"], rag=rag, reason="computed ratings are not set by hand")
        t.check(f"D10-manual-rag-{rag}-refused", st == 400, st)
    st, _ = update(admin, ids["1.4"], rag="red", reason="r" * 2001)
    t.check("D10-reason-2001-refused", st == 400, st)
    st, _ = update(admin, ids["1.4"], note="x", evidence="https://example.org/" + "e" * 2000)
    t.check("D10-evidence-2021-refused", st == 400, st)
    st, _ = update(admin, ids["1.4"], status="in-progress" + " x" * 300)
    t.check("D10-status-text-unbounded-refused", st in (400, 413), st)
    st, _ = update(admin, ids["1.4"], rag="amber", reason="a reason within its limit")
    t.check("D10-offered-rag-accepted", st == 303, st)


def d7(t, port, admin):
    """D7: a viewer's audit page lists only their own entries; an admin's lists everyone's."""
    viewer = Client(port)
    viewer.sign_in("viewer")
    _, page = viewer.request("GET", "/calendar")
    csrf, _ = form_fields(page)
    viewer.request("POST", "/calendar/tokens", {"csrf": csrf})
    st, page = viewer.request("GET", "/audit")
    actors = set(re.findall(r'<tr class="govuk-table__row"><td class="govuk-table__cell">[^<]*</td>'
                            r'<td class="govuk-table__cell">([^<]*)</td>', page))
    t.check("D7-viewer-sees-only-own-audit-entries", st == 200 and actors <= {"viewer"} and "admin" not in actors,
            (st, actors))
    st, page = admin.request("GET", "/audit")
    actors = set(re.findall(r'<tr class="govuk-table__row"><td class="govuk-table__cell">[^<]*</td>'
                            r'<td class="govuk-table__cell">([^<]*)</td>', page))
    t.check("D7-admin-sees-every-account", st == 200 and "admin" in actors and len(actors) > 1, actors)


def action_status(admin, ref_id):
    """The status cell of an action in the cached action list page."""
    _, page = admin.request("GET", "/plans/1/actions")
    m = re.search(rf'href="/actions/{ref_id}".*?</tr>', page, re.S)
    return m.group(0) if m else ""


def d8(t, binary, db, work, admin, ids):
    """D8: after a restore to an earlier backup, no page made before the restore is served."""
    backup = os.path.join(work, "before.db")
    sl(binary, db, "backup", backup)
    aid = ids["1.4"]
    st, _ = update(admin, aid, status="at-risk", note="first, rolled back by the restore")
    row_first = action_status(admin, aid)
    r = sl(binary, db, "restore", backup)
    t.check("D8-restore", r.returncode == 0, r.stderr)
    st2, _ = update(admin, aid, status="complete", note="second, after the restore")
    row_second = action_status(admin, aid)
    t.check("D8-setup", st == 303 and st2 == 303 and "at-risk" in row_first.lower().replace(" ", "-"), (st, st2))
    t.check("D8-no-stale-page-after-restore", "complete" in row_second.lower() and "at-risk" not in
            row_second.lower().replace(" ", "-"), row_second[-300:])


def d12(t, port, admin):
    """D12: HEAD like GET without a body; two Content-Length headers refused; security headers everywhere."""
    cookie = admin.cookie
    st, head, body = head_of(port, f"HEAD /plans/1 HTTP/1.1\r\nHost: x\r\nCookie: {cookie}\r\nConnection: close\r\n\r\n".encode())
    t.check("D12-head-answered-like-get", st == 200 and body == b"", (st, len(body)))
    st, head, body = head_of(port, b"HEAD /static/app.css HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    t.check("D12-head-static", st == 200 and body == b"", st)
    st, head, _ = head_of(port, b"HEAD /sign-in HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    t.check("D12-head-sign-in", st == 200, st)
    body = b"a=1"
    st, head, _ = head_of(port, b"POST /sign-in HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                          b"Content-Length: 3\r\nContent-Length: 40\r\nConnection: close\r\n\r\n" + body)
    t.check("D12-two-content-lengths-refused", st == 400, st)
    for name, req in [("page", f"GET /plans/1 HTTP/1.1\r\nHost: x\r\nCookie: {cookie}\r\nConnection: close\r\n\r\n".encode()),
                      ("redirect", b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"),
                      ("404", b"GET /no-such-page HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"),
                      ("static", b"GET /static/app.css HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"),
                      ("two-lengths", b"POST /sign-in HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab")]:
        st, head, _ = head_of(port, req)
        low = head.lower()
        csp = re.search(r"content-security-policy: ([^\r\n]*)", low)
        ok = (csp and "frame-ancestors 'none'" in csp.group(1) and "unsafe-inline" not in csp.group(1)
              and "x-content-type-options: nosniff" in low and "referrer-policy:" in low)
        t.check(f"D12-security-headers-{name}", bool(ok), head[:300])


if __name__ == "__main__":
    sys.exit(main())
