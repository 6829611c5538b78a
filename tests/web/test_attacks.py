#!/usr/bin/env python3
"""Hostile requests against `sightline serve`: a scripted list of attacks
(XSS in every field, SQL injection in every parameter, CSRF, session
fixation, path traversal, oversized headers and bodies, slow clients,
invalid UTF-8, role escalation by editing form fields, header injection,
open redirects), each with the refusal expected.
usage: test_attacks.py SIGHTLINE_BINARY   Ends with "N passed, N failed"."""
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

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "reliability"))
from common import Client, Server, Tally, form_fields, prepare, sl  # noqa: E402

XSS = '<script>alert(1)</script>"><img src=x onerror=alert(2)>'
SQLI = "' OR 1=1; DROP TABLE actions; --"


def raw(port, data, timeout=10):
    """Sends raw bytes; returns the status line's code (0 when the server closed or sent nothing)."""
    s = socket.create_connection(("127.0.0.1", port), timeout=timeout)
    try:
        s.sendall(data)
        reply = s.recv(4096).decode("latin-1")
    except OSError:
        reply = ""
    finally:
        s.close()
    m = re.match(r"HTTP/1\.[01] (\d+)", reply)
    return int(m.group(1)) if m else 0


def escaped(page):
    return "<script>alert" not in page and "<img src=x" not in page


def main():
    binary = os.path.abspath(sys.argv[1])
    work = tempfile.mkdtemp(prefix="sightline-attacks.")
    t = Tally()
    db = os.path.join(work, "a.db")
    prepare(binary, db, users=(("admin", "admin"), ("viewer", "viewer"), ("board", "board")))
    sl(binary, db, "user", "add", "bp", "--role", "lead", "--person", "BP", "--password-stdin", stdin="correct-horse-42\n")
    server = Server(binary, db)
    t.check("server-starts", server.start())
    try:
        attacks(t, server.port, db)
    finally:
        t.check("server-survives", server.proc.poll() is None, "the server died")
        server.stop()
        shutil.rmtree(work)
    print(f"attacks: {t.passed} refused as expected", file=sys.stderr)
    return t.finish()


def governance_attacks(t, port, db, admin):
    """Hostile text in a board, a meeting's forms and a risk: text on every
    governance page; hostile query values reflected as text; SQL
    metacharacters harmless; calendar tokens that are not tokens refused
    with no content."""
    binary = os.path.abspath(sys.argv[1])
    sl(binary, db, "board", "add", XSS, "--kind", "programme", "--chair", XSS)
    sl(binary, db, "meeting", "add", "--board", XSS, "--date", "2026-11-20", "--venue", XSS)
    sl(binary, db, "risk", "add", "--title", XSS, "--likelihood", "3", "--impact", "3", "--owner", XSS)
    _, page = admin.request("GET", "/meetings/1")
    csrf = re.search(r'name="csrf" value="([^"]+)"', page).group(1)
    for form, fields in [("agenda", {"title": XSS, "kind": "item", "theme": XSS}), ("minutes", {"minutes": XSS}),
                         ("decisions", {"decision": XSS}), ("arising", {"text": XSS, "owner": XSS, "due": XSS}),
                         ("attendance", {"member": XSS, "state": XSS, "substitute": XSS})]:
        st, page = admin.request("POST", f"/meetings/1/{form}", dict(fields, csrf=csrf))
        t.check(f"xss-governance-form {form}", st in (303, 400) and escaped(page), st)
    st, page = admin.request("POST", "/risks", {"csrf": csrf, "title": XSS, "owner": XSS, "likelihood": XSS, "impact": "2"})
    t.check("xss-risk-form", st == 400 and escaped(page), st)
    for path in ["/boards", "/boards/1", "/meetings/1", "/calendar", "/risks", "/savings", "/reports",
                 "/reports/output?format=print&kind=highlight&as_of=2026-12-01"]:
        st, page = admin.request("GET", path)
        t.check(f"xss-escaped {path}", st == 200 and escaped(page), (path, st))
    for q in ["/calendar?as_of=", "/reports/output?format=print&kind=", "/reports/output?as_of=",
              "/reports/output?board=", "/reports/output?plan="]:
        st, page = admin.request("GET", q + urllib.parse.quote(XSS + " (not stored)"))
        t.check(f"xss-reflected {q}", st == 400 and escaped(page), (q, st))
        st, page = admin.request("GET", q + urllib.parse.quote(SQLI))
        t.check(f"sqli {q}", st == 400, (q, st))
    for token in [XSS, SQLI, "a" * 64, "../" * 30, ""]:
        st, page = Client(port).request("GET", "/calendar.ics?token=" + urllib.parse.quote(token))
        t.check(f"ics-bad-token {token[:12]}", st == 403 and page == "", st)


def attacks(t, port, db):
    admin = Client(port)
    admin.sign_in("admin")
    con = sqlite3.connect(db)
    ids = dict(con.execute("SELECT ref, id FROM actions"))
    con.close()
    aid = ids["2.2"]

    def update(client, action, **fields):
        _, page = client.request("GET", f"/actions/{action}")
        csrf, version = form_fields(page)
        base = {"csrf": csrf or "", "version": version or "1"}
        base.update(fields)
        return client.request("POST", f"/actions/{action}/update", base)

    # XSS in every field that is stored, then shown on every page that shows it.
    for field in ["note", "reason"]:
        extra = {"rag": "red"} if field == "reason" else {}
        st, _ = update(admin, aid, **{field: XSS}, **extra)
        t.check(f"xss-{field}-stored", st == 303, st)
    _, page = admin.request("GET", f"/actions/{aid}")
    csrf, _ = form_fields(page)
    st, _ = admin.request("POST", f"/actions/{aid}/comment", {"csrf": csrf, "comment": XSS})
    t.check("xss-comment-stored", st == 303, st)
    for path in [f"/actions/{aid}", "/audit", "/plans/1", "/plans/1/actions", "/my-actions", "/plans/1/recommendations"]:
        _, page = admin.request("GET", path)
        t.check(f"xss-escaped {path}", escaped(page), path)
    st, _ = update(admin, aid, note="x", evidence="javascript:alert(1)")
    t.check("xss-javascript-evidence", st == 400, st)
    st, _ = update(admin, aid, note="x", evidence="data:text/html,<script>alert(1)</script>")
    t.check("xss-data-evidence", st == 400, st)
    for name in ["q", "theme", "lead", "status", "rag", "sort"]:
        _, page = admin.request("GET", f"/plans/1/actions?{name}=" + urllib.parse.quote(XSS))
        t.check(f"xss-reflected-{name}", escaped(page), name)
    _, page = Client(port).request("GET", "/sign-in?next=" + urllib.parse.quote('/"><script>alert(1)</script>'))
    t.check("xss-reflected-next", escaped(page))
    c = Client(port)
    _, page = c.request("GET", "/sign-in")
    token = re.search(r'name="csrf" value="([^"]+)"', page).group(1)
    _, page = c.request("POST", "/sign-in", {"csrf": token, "login": XSS, "password": "x"})
    t.check("xss-reflected-login", escaped(page))

    governance_attacks(t, port, db, admin)

    # SQL injection in every parameter: harmless, and the tables are still there.
    for name in ["q", "theme", "lead", "status", "rag", "sort", "overdue"]:
        st, page = admin.request("GET", f"/plans/1/actions?{name}=" + urllib.parse.quote(SQLI))
        t.check(f"sqli-{name}", st == 200, st)
    for path in ["/plans/1%20OR%201=1", "/actions/1;DROP%20TABLE%20actions", "/plans/1'--/actions"]:
        st, _ = admin.request("GET", path)
        t.check(f"sqli-path {path}", st == 404, st)
    c = Client(port)
    t.check("sqli-login", not c.sign_in("admin' --", "anything"))
    # An unknown login costs the same Argon2 work as a wrong password, so timing
    # does not tell an attacker which logins exist (best of a few tries each).
    def sign_in_seconds(login):
        start = time.monotonic()
        Client(port).sign_in(login, "not-the-password")
        return time.monotonic() - start
    known = min(sign_in_seconds("admin") for _ in range(2))
    unknown = min(sign_in_seconds(f"nobody-{i}") for i in range(3))
    t.check("login-timing-unknown-like-known", unknown > known / 2, f"{unknown:.3f}s vs {known:.3f}s")
    st, _ = update(admin, aid, note="x", version="1 OR 1=1")
    t.check("sqli-version", st == 400, st)
    st, page = admin.request("GET", "/plans/1/actions")
    t.check("sqli-tables-intact", st == 200 and page.count('href="/actions/') == 50, st)

    # CSRF.
    _, page = admin.request("GET", f"/actions/{aid}")
    csrf, version = form_fields(page)
    st, _ = admin.request("POST", f"/actions/{aid}/update", {"version": version, "note": "no token"})
    t.check("csrf-missing", st == 403, st)
    st, _ = admin.request("POST", f"/actions/{aid}/update", {"csrf": "a" * 64, "version": version, "note": "wrong"})
    t.check("csrf-wrong", st == 403, st)
    other = Client(port)
    other.sign_in("board")
    _, page2 = other.request("GET", f"/actions/{aid}")
    st, _ = admin.request("POST", f"/actions/{aid}/update", {"csrf": form_fields(page2)[0], "version": version, "note": "x"})
    t.check("csrf-other-session", st == 403, st)
    st = raw(port, (f"POST /actions/{aid}/update HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nOrigin: https://evil.example\r\n"
                    f"Cookie: {admin.cookie}\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                    f"Content-Length: {len('csrf=' + csrf + '&note=x&version=' + version)}\r\nConnection: close\r\n\r\n"
                    f"csrf={csrf}&note=x&version={version}").encode())
    t.check("csrf-cross-origin", st == 403, st)
    st, _ = admin.request("GET", f"/actions/{aid}/update")
    t.check("csrf-get-cannot-change", st == 404, st)

    # Session fixation and reuse.
    fixed = Client(port)
    fixed.cookie = "sl_session=" + "f" * 64
    st, _ = fixed.request("GET", "/")
    t.check("fixation-unknown-token", st == 303, st)
    fixed.sign_in("viewer")
    t.check("fixation-new-token", fixed.cookie != "sl_session=" + "f" * 64)
    stolen = fixed.cookie
    _, page = fixed.request("GET", "/")
    fixed.request("POST", "/sign-out", {"csrf": form_fields(page)[0]})
    replay = Client(port)
    replay.cookie = stolen
    st, _ = replay.request("GET", "/")
    t.check("signed-out-token-dead", st == 303, st)

    # Path traversal.
    for path in ["/static/../../../../etc/passwd", "/static/%2e%2e/%2e%2e/etc/passwd", "/static/%252e%252e/etc/passwd",
                 "/assets/..%2f..%2fsrc%2fweb%2fserver.c", "/static/..\\..\\etc\\passwd", "/static/app.css/../../x.db"]:
        st = raw(port, f"GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode())
        t.check(f"traversal {path}", st == 404, st)

    # Oversized and malformed requests.
    st = raw(port, b"GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 200000 + b"\r\n\r\n")
    t.check("oversized-header", st in (0, 400, 413, 431), st)
    st = raw(port, b"GET /" + b"a" * 200000 + b" HTTP/1.1\r\nHost: x\r\n\r\n")
    t.check("oversized-url", st in (0, 400, 404, 414, 431), st)
    st, _ = admin.request("POST", f"/actions/{aid}/update", {"note": "x" * 200000})
    t.check("oversized-body", st == 413, st)
    st, _ = admin.request("POST", f"/actions/{aid}/update", {f"f{i}": "x" for i in range(100)})
    t.check("too-many-fields", st == 400, st)
    st = raw(port, f"POST /actions/{aid}/update HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999\r\n\r\n".encode(), timeout=5)
    t.check("lying-content-length", st in (0, 303, 400, 413), st)
    st = raw(port, b"NONSENSE\r\n\r\n")
    t.check("garbage-request-line", st in (0, 400, 505), st)
    st = raw(port, b"DELETE /actions/1 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    t.check("unknown-method", st in (303, 404, 405), st)

    # Invalid UTF-8.
    _, page = admin.request("GET", f"/actions/{aid}")
    csrf, version = form_fields(page)
    body = f"csrf={csrf}&version={version}&note=%ff%fe%fd"
    st = raw(port, (f"POST /actions/{aid}/update HTTP/1.1\r\nHost: x\r\nCookie: {admin.cookie}\r\n"
                    "Content-Type: application/x-www-form-urlencoded\r\nConnection: close\r\n"
                    f"Content-Length: {len(body)}\r\n\r\n{body}").encode())
    t.check("invalid-utf8-form", st == 400, st)
    st, page = admin.request("GET", "/plans/1/actions?q=%ff%fe")
    t.check("invalid-utf8-query", st in (200, 400) and escaped(page), st)
    st = raw(port, b"GET /plans/\xff\xfe HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    t.check("invalid-utf8-path", st in (0, 400, 404), st)
    st = raw(port, b"GET /plans/1%00/actions HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    t.check("nul-in-path", st in (0, 303, 400, 404), st)

    # Role escalation by editing forms and addresses.
    viewer = Client(port)
    viewer.sign_in("viewer")
    st, _ = update(viewer, aid, note="viewer writes")
    t.check("escalate-viewer-update", st == 403, st)
    board = Client(port)
    board.sign_in("board")
    st, _ = update(board, aid, note="board writes", role="admin")
    t.check("escalate-board-update", st == 403, st)
    bp = Client(port)
    bp.sign_in("bp")
    st, _ = update(bp, ids["1.4"], note="not my action")
    t.check("escalate-lead-other-action", st == 403, st)
    st, _ = update(bp, aid, status="signed-off", note="sign my own")
    t.check("escalate-lead-signed-off-status", st in (400, 403), st)
    _, page = bp.request("GET", f"/actions/{ids['1.4']}")
    st, _ = bp.request("POST", f"/actions/{ids['1.4']}/sign-off", {"csrf": form_fields(page)[0], "version": "1"})
    t.check("escalate-lead-sign-off-other", st == 403, st)
    c = Client(port)
    _, page = c.request("GET", "/sign-in")
    token = re.search(r'name="csrf" value="([^"]+)"', page).group(1)
    c.request("POST", "/sign-in", {"csrf": token, "login": "viewer", "password": "correct-horse-42", "role": "admin"})
    st, _ = update(c, aid, note="viewer claims admin")
    t.check("escalate-role-field-ignored", st == 403, st)
    st, _ = update(admin, aid, note="negative", version="-5")
    t.check("negative-version", st == 400, st)
    st, _ = admin.request("GET", "/actions/99999999999999999999")
    t.check("huge-id", st == 404, st)

    # Header injection and open redirects through `next`.
    for nxt, name in [("/%0d%0aSet-Cookie:%20evil=1", "crlf"), ("//evil.example/", "protocol-relative"),
                      ("https://evil.example/", "absolute"), ("/\\evil.example", "backslash")]:
        c = Client(port)
        _, page = c.request("GET", "/sign-in")
        token = re.search(r'name="csrf" value="([^"]+)"', page).group(1)
        s = socket.create_connection(("127.0.0.1", port))
        body = f"csrf={token}&login=viewer&password=correct-horse-42&next={nxt}"
        s.sendall(("POST /sign-in HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                   f"Connection: close\r\nContent-Length: {len(body)}\r\n\r\n{body}").encode())
        head = b""
        while b"\r\n\r\n" not in head:
            chunk = s.recv(4096)
            if not chunk:
                break
            head += chunk
        s.close()
        head = head.decode("latin-1")
        status = re.match(r"HTTP/1\.[01] (\d+)", head)
        reply = int(status.group(1)) if status else 0
        location = re.search(r"\r\nLocation: ([^\r\n]*)", head)
        t.check(f"next-{name}", reply in (303, 429) and "evil=1" not in head.split("\r\n\r\n")[0].replace("Location", "")
                and (not location or location.group(1) == "/"), (reply, location and location.group(1)))

    # Slow clients do not starve others.
    slow = []
    for _ in range(40):
        s = socket.create_connection(("127.0.0.1", port))
        s.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n")
        slow.append(s)
    start = time.time()
    st, _ = admin.request("GET", "/plans/1", timeout=5)
    t.check("slow-clients-do-not-starve", st == 200 and time.time() - start < 2, (st, time.time() - start))
    for s in slow:
        s.close()


if __name__ == "__main__":
    sys.exit(main())
