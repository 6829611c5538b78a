#!/usr/bin/env python3
"""HTTP tests of `sightline serve`: status codes, redirects, cookies, CSRF
refusal, role refusal, stale-version refusal, sign-off, hostile input and the
audit trail, driven over real sockets. usage: test_http.py SIGHTLINE_BINARY
Prints one line per failure and ends with "N passed, N failed"."""
import contextlib
import hashlib
import http.client
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse

SL = os.path.abspath(sys.argv[1])
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
passed = failed = 0


def check(name, cond, info=""):
    global passed, failed
    if cond:
        passed += 1
    else:
        failed += 1
        print(f"FAIL {name}: {info}"[:400])


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


class Client:
    """A browser without JavaScript: keeps its session cookie, never follows redirects."""

    def __init__(self, port):
        self.port = port
        self.cookie = None

    def request(self, method, path, fields=None, raw_body=None, headers=None):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=20)
        h = dict(headers or {})
        body = raw_body
        if fields is not None:
            body = urllib.parse.urlencode(fields).encode()
        if body is not None:
            h.setdefault("Content-Type", "application/x-www-form-urlencoded")
        if self.cookie:
            h["Cookie"] = self.cookie
        conn.request(method, path, body=body, headers=h)
        r = conn.getresponse()
        text = r.read().decode("utf-8", "replace")
        for k, v in r.getheaders():
            if k.lower() == "set-cookie":
                value = v.split(";")[0]
                self.cookie = None if value.endswith("=") else value
        conn.close()
        return r.status, dict((k.lower(), v) for k, v in r.getheaders()), text

    def get(self, path):
        return self.request("GET", path)

    def post(self, path, fields):
        return self.request("POST", path, fields=fields)


def hidden(html, name):
    m = re.search(r'name="%s" value="([^"]*)"' % re.escape(name), html)
    return m.group(1) if m else None


def keeps_connection(port, cookie):
    """Sends a page, a static file, a missing page and a refused form on one
    TCP connection: each must be answered on it, none with Connection: close."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
    conn.connect()
    sock = conn.sock
    ok = True
    for method, path in [("GET", "/plans/1"), ("GET", "/static/app.css"), ("GET", "/no/such/page"),
                         ("POST", "/actions/1/update"), ("GET", "/")]:
        body = b"note=x" if method == "POST" else None
        h = {"Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"}
        conn.request(method, path, body=body, headers=h)
        r = conn.getresponse()
        r.read()
        closing = (r.getheader("Connection") or "").lower() == "close"
        if closing or conn.sock is not sock:
            print(f"  {method} {path}: {r.status}, Connection: {r.getheader('Connection')}")
            ok = False
    conn.close()
    return ok


def sign_in(port, login, password):
    c = Client(port)
    _, _, page = c.get("/sign-in")
    st, h, _ = c.post("/sign-in", {"csrf": hidden(page, "csrf"), "next": "/", "login": login,
                                   "password": password})
    return c, st, h


def db_sql(db, statement):
    """Runs one SQL statement on the test's database: SQLite's file, or, when
    the suite runs on PostgreSQL (SL_PG_URL, with tests/cli/pg_sl.sh as the
    binary), the database pg_sl.sh made for that file."""
    base = os.environ.get("SL_PG_URL")
    if not base:
        subprocess.run(["sqlite3", db, statement], check=False)
        return
    name = "sl_" + hashlib.md5(os.path.realpath(db).encode()).hexdigest()[:24]
    subprocess.run(["psql", "-qX", base.replace("/postgres?", "/" + name + "?"), "-c", statement],
                   check=False, capture_output=True)


def sl(db, *args, stdin=None):
    return subprocess.run([SL, "--db", db, *args], input=stdin, capture_output=True, text=True)


def action_id(client, ref):
    _, _, page = client.get("/plans/1/actions")
    m = re.search(r'href="/actions/(\d+)">%s<' % re.escape(ref), page)
    return int(m.group(1)) if m else None


@contextlib.contextmanager
def serving(db, *extra):
    """Runs `sightline serve` on db (extra: more serve options) on a free
    loopback port for the with-block, which gets the port (None, and a
    failed check, when it never listens). On leaving, checks that the server
    exits cleanly on SIGTERM; the last of its stderr is the check's detail."""
    port = free_port()
    server = subprocess.Popen([SL, "--db", db, "serve", "--listen", f"127.0.0.1:{port}",
                               "--static", os.path.join(ROOT, "build", "static"), *extra],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        listening = False
        for _ in range(200):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                listening = True
                break
            except OSError:
                time.sleep(0.05)
        check("server-listens", listening)
        yield port if listening else None
    finally:
        server.terminate()
        try:
            _, err = server.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            _, err = server.communicate()
        check("server-exits-cleanly", server.returncode == 0, err.decode()[-600:])


def main():
    work = tempfile.mkdtemp(prefix="sightline-http.")
    db = os.path.join(work, "w.db")
    sl(db, "init")
    sl(db, "import", os.path.join(ROOT, "examples", "croydon-transitional-2017.csv"), "--authority", "Croydon")
    sl(db, "plan", "settings", "1", "--requires-signoff", "yes")
    for login, role, person in [("admin", "admin", ""), ("bp", "lead", "BP"), ("jn", "lead", "JN"),
                                ("board", "board", ""), ("viewer", "viewer", ""), ("locked", "viewer", "")]:
        r = sl(db, "user", "add", login, "--role", role, "--person", person, "--password-stdin",
               stdin="correct-horse-42\n")
        check(f"user-add-{login}", r.returncode == 0, r.stderr)
    r = sl(db, "user", "add", "weak", "--role", "viewer", "--password-stdin", stdin="short\n")
    check("weak-password-refused", r.returncode == 1, r.stderr)
    r = sl(db, "user", "add", "admin", "--role", "viewer", "--password-stdin", stdin="correct-horse-42\n")
    check("duplicate-login-refused", r.returncode == 1 and "already exists" in r.stderr, r.stderr)

    governance_setup(db)

    try:
        with serving(db) as port:
            if port:
                run(port, db)
    finally:
        shutil.rmtree(work)
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


def run(port, db):
    anon = Client(port)
    st, h, _ = anon.get("/")
    check("anon-home-redirects", st == 303 and h.get("location", "").startswith("/sign-in"), st)
    st, h, page = anon.get("/sign-in")
    check("sign-in-page", st == 200 and 'name="password"' in page and "govuk-" in page, st)
    csp = h.get("content-security-policy", "")
    check("csp", "script-src 'self'" in csp and "frame-ancestors 'none'" in csp and "unsafe-inline" not in csp, csp)
    check("nosniff", h.get("x-content-type-options") == "nosniff")
    check("no-inline-script", "<script>" not in page and "style=" not in page)
    st, h, css = anon.get("/static/govuk-frontend.min.css")
    check("static-css", st == 200 and h.get("content-type", "").startswith("text/css") and len(css) > 10000, st)
    for path in ["/static/../../../../etc/passwd", "/static/%2e%2e/%2e%2e/etc/passwd", "/assets/../src/web/server.c",
                 "/static/", "/static//etc/passwd"]:
        st, _, body = anon.get(path)
        check(f"traversal {path}", st == 404 and "root:" not in body, st)

    # Sign-in: bad password, missing token, throttling, then success.
    c, st, _ = sign_in(port, "admin", "wrong-password")
    check("bad-password", st == 401 and c.cookie is None, st)
    st, _, _ = Client(port).post("/sign-in", {"login": "admin", "password": "correct-horse-42"})
    check("sign-in-needs-token", st == 403, st)
    st, _, _ = Client(port).post("/sign-in", {"csrf": "123.abc", "login": "admin", "password": "correct-horse-42"})
    check("sign-in-forged-token", st == 403, st)
    for _ in range(5):
        sign_in(port, "locked", "wrong-password")
    c, st, _ = sign_in(port, "locked", "correct-horse-42")
    check("throttled-after-failures", st == 429 and c.cookie is None, st)
    fixated = Client(port)
    fixated.cookie = "sl_session=" + "ab" * 32
    st, _, _ = fixated.get("/")
    check("unknown-session-refused", st == 303, st)
    admin, st, h = sign_in(port, "admin", "correct-horse-42")
    check("sign-in", st == 303 and admin.cookie and admin.cookie != fixated.cookie, st)
    check("cookie-flags", "HttpOnly" in h.get("set-cookie", "") and "SameSite=Strict" in h.get("set-cookie", ""),
          h.get("set-cookie"))

    # Pages.
    st, _, page = admin.get("/")
    check("home", st == 200 and "Croydon transitional action plan 2017" in page, st)
    st, _, page = admin.get("/plans/1")
    check("dashboard", st == 200 and "<svg" in page and "<title" in page and "Overdue" in page, st)
    check("keep-alive", keeps_connection(port, admin.cookie))
    st, _, page = admin.get("/plans/1/actions?rag=blue")
    rows = re.findall(r'href="/actions/\d+">([^<]+)<', page)
    check("filter-rag", st == 200 and rows and "1.4" in rows and "2.2" not in rows, rows)
    st, _, page = admin.get("/plans/1/actions?q=Fostering")
    check("filter-search", re.findall(r'href="/actions/\d+">([^<]+)<', page) == ["3.7"], st)
    st, _, page = admin.get("/plans/1/actions?sort=due&lead=JN")
    refs = re.findall(r'href="/actions/\d+">([^<]+)<', page)
    check("filter-lead-sorted", refs and refs[0] == "1.4" and "2.2" not in refs, refs)
    st, _, page = admin.get("/plans/1/actions?theme=%27%20OR%201%3D1%20--&lead=%22%3B%20DROP%20TABLE%20actions%3B")
    check("sql-metacharacters-harmless", st == 200 and "None." in page, st)
    st, h, csv = admin.get("/plans/1/actions.csv?rag=blue")
    check("csv-download", st == 200 and h.get("content-type", "").startswith("text/csv")
          and "attachment" in h.get("content-disposition", "") and "1.4" in csv and csv.count("\n") == 14, csv[:200])
    st, _, page = admin.get("/plans/1/recommendations")
    check("recommendations-page", st == 200, st)
    for path in ["/people", "/audit", "/my-actions", "/measures", "/inspections", "/national"]:
        st, _, page = admin.get(path)
        check(f"page {path}", st == 200 and "govuk-" in page, st)
    summary_page(admin)
    reminder_panel(port, admin)
    st, _, _ = admin.get("/plans/99")
    check("unknown-plan-404", st == 404, st)
    st, _, _ = admin.get("/actions/abc")
    check("bad-id-404", st == 404, st)

    # Updates: CSRF, stale versions, roles.
    aid = action_id(admin, "2.2")
    st, _, page = admin.get(f"/actions/{aid}")
    check("action-page", st == 200 and "History" in page and "Audit trail" in page, st)
    csrf, version = hidden(page, "csrf"), hidden(page, "version")
    before = sl(db, "show", "2.2").stdout
    st, _, _ = admin.post(f"/actions/{aid}/update", {"version": version, "status": "on-track", "note": "no token"})
    check("csrf-refused", st == 403 and sl(db, "show", "2.2").stdout == before, st)
    st, _, _ = admin.post(f"/actions/{aid}/update", {"csrf": "0" * 64, "version": version, "status": "on-track", "note": "bad"})
    check("csrf-wrong-refused", st == 403 and sl(db, "show", "2.2").stdout == before, st)
    st, _, _ = Client(port).post(f"/actions/{aid}/update", {"csrf": csrf, "version": version, "note": "anon"})
    check("anon-update-refused", st == 303 and sl(db, "show", "2.2").stdout == before, st)
    st, h, _ = admin.post(f"/actions/{aid}/update", {"csrf": csrf, "version": version, "status": "on-track",
                                                     "note": "First update from the web"})
    check("update-applied", st == 303 and "First update from the web" in sl(db, "show", "2.2").stdout, st)
    st, _, page = admin.post(f"/actions/{aid}/update", {"csrf": csrf, "version": version, "status": "at-risk",
                                                        "note": "Made on the old version"})
    shown = sl(db, "show", "2.2").stdout
    check("stale-refused", st == 409 and "Made on the old version" not in shown and "First update from the web" in page,
          st)
    check("audit-names-user", "admin  update action" in sl(db, "history", "2.2").stdout)
    st, _, _ = admin.request("POST", f"/actions/{aid}/update", raw_body=b"csrf=" + csrf.encode() + b"&note=%ff%fe")
    check("invalid-utf8-refused", st == 400, st)
    st, _, _ = admin.request("POST", f"/actions/{aid}/update", raw_body=b"note=" + b"x" * 100000)
    check("oversized-body-refused", st == 413, st)

    viewer, _, _ = sign_in(port, "viewer", "correct-horse-42")
    _, _, page = viewer.get(f"/actions/{aid}")
    check("viewer-sees-no-form", "/update" not in page)
    st, _, _ = viewer.post(f"/actions/{aid}/update", {"csrf": hidden(page, "csrf"), "version": "1", "note": "viewer"})
    check("viewer-refused", st == 403, st)
    board, _, _ = sign_in(port, "board", "correct-horse-42")
    _, _, page = board.get(f"/actions/{aid}")
    st, _, _ = board.post(f"/actions/{aid}/update", {"csrf": hidden(page, "csrf"), "version": "1", "note": "board"})
    check("board-update-refused", st == 403, st)
    st, _, _ = board.post(f"/actions/{aid}/comment", {"csrf": hidden(page, "csrf"), "comment": "Why is this late?"})
    _, _, page = admin.get(f"/actions/{aid}")
    check("board-comment", st == 303 and "Why is this late?" in page, st)

    # Leads update their own actions only; the SRO signs off.
    bp, _, _ = sign_in(port, "bp", "correct-horse-42")
    other = action_id(admin, "1.12")                    # SRO JN: not BP's
    _, _, page = bp.get(f"/actions/{other}")
    st, _, _ = bp.post(f"/actions/{other}/update", {"csrf": hidden(page, "csrf"), "version": hidden(page, "version") or "1",
                                                    "note": "not mine"})
    check("lead-other-refused", st == 403, st)
    own = action_id(admin, "1.9")                       # SRO "BP and JH-B"
    _, _, page = bp.get(f"/actions/{own}")
    st, _, _ = bp.post(f"/actions/{own}/update", {"csrf": hidden(page, "csrf"), "version": hidden(page, "version"),
                                                  "status": "complete", "note": "Meeting held with HHJ"})
    _, _, page = admin.get(f"/actions/{own}")
    check("lead-marks-complete", st == 303 and "awaiting sign-off" in page, st)
    st, _, _ = bp.post(f"/actions/{own}/update", {"csrf": hidden(page, "csrf"), "version": hidden(page, "version"),
                                                  "status": "signed-off"})
    check("sign-off-not-by-update", st in (400, 403), st)
    jn, _, _ = sign_in(port, "jn", "correct-horse-42")
    _, _, page = jn.get(f"/actions/{own}")
    st, _, _ = jn.post(f"/actions/{own}/sign-off", {"csrf": hidden(page, "csrf"), "version": hidden(page, "version")})
    check("non-sro-sign-off-refused", st == 403, st)
    _, _, page = bp.get(f"/actions/{own}")
    st, _, _ = bp.post(f"/actions/{own}/return", {"csrf": hidden(page, "csrf"), "version": hidden(page, "version"),
                                                  "reason": ""})
    check("return-needs-reason", st == 400, st)
    st, _, _ = bp.post(f"/actions/{own}/sign-off", {"csrf": hidden(page, "csrf"), "version": hidden(page, "version")})
    shown = sl(db, "actions", "--json").stdout
    check("sro-signs-off", st == 303 and '"ref":"1.9"' in shown and re.search(r'"ref":"1\.9".*?"status":"signed-off"', shown), st)

    # Hostile text is text everywhere.
    hostile = "<script>alert(1)</script> \"><img src=x onerror=alert(2)> <a href=\"javascript:alert(3)\">x</a>"
    _, _, page = admin.get(f"/actions/{aid}")
    st, _, _ = admin.post(f"/actions/{aid}/update", {"csrf": hidden(page, "csrf"), "version": hidden(page, "version"),
                                                     "note": hostile})
    st2, _, _ = admin.post(f"/actions/{aid}/update", {"csrf": hidden(page, "csrf"), "version": str(int(hidden(page, "version")) + 1),
                                                      "note": "link", "evidence": "javascript:alert(4)"})
    check("javascript-evidence-refused", st == 303 and st2 == 400, (st, st2))
    for path in [f"/actions/{aid}", "/audit", "/plans/1/actions?q=%3Cscript%3E", "/plans/1"]:
        _, _, page = admin.get(path)
        check(f"escaped {path}", "<script>alert" not in page and "<img src=x" not in page
              and 'href="javascript:' not in page, path)
    _, _, page = admin.get(f"/actions/{aid}")
    check("hostile-shown-as-text", "&lt;script&gt;alert(1)&lt;/script&gt;" in page)
    _, h, csv = admin.get("/plans/1/actions.csv?q=alert")
    check("csv-keeps-text-not-html", "<script>alert(1)</script>" in csv and h.get("content-type", "").startswith("text/csv"))

    governance(port, db)

    # Sign-out ends the session; an idle session expires.
    _, _, page = admin.get("/")
    st, _, _ = admin.post("/sign-out", {"csrf": hidden(page, "csrf")})
    st2, _, _ = admin.get("/")
    check("sign-out", st == 303 and st2 == 303, (st, st2))
    db_sql(db, "UPDATE sessions SET last_seen = last_seen - 7200")
    st, _, _ = viewer.get("/")
    check("idle-session-expired", st == 303, st)


def reminder_panel(port, admin):
    """A lead sees the reminder email's list on the home page and My actions;
    the home page is cached, but the panel is the signed-in person's own."""
    jn, st, _ = sign_in(port, "jn", "correct-horse-42")
    st, _, page = jn.get("/")
    check("panel-for-lead", st == 200 and "Needs you today" in page and "sign-off" in page
          and re.search(r'href="/actions/\d+">1\.4 ', page), st)
    check("panel-before-cached-content", page.find("Needs you today") < page.find("Improvement plans"))
    st, _, page = jn.get("/my-actions")
    check("panel-on-my-actions", st == 200 and "Needs you today" in page, st)
    st, _, page = admin.get("/")
    check("no-panel-without-person", st == 200 and "Needs you today" not in page, st)
    st, _, page = jn.get("/plans/1")
    check("no-panel-elsewhere", st == 200 and "Needs you today" not in page, st)


def summary_page(admin):
    """The all-councils page: rows linked to dashboards, sort links, region filter, refusals."""
    st, _, page = admin.get("/summary")
    check("summary-page", st == 200 and 'href="/plans/1">Croydon<' in page and 'href="/national"' in page, st)
    check("summary-sort-links", 'href="/summary?sort=overdue"' in page and 'aria-sort="ascending"' in page, st)
    check("summary-region-choices", '<option value="London">London</option>' in page, st)
    st, _, page = admin.get("/summary?sort=red&region=London")
    check("summary-sorted-filtered", st == 200 and 'href="/plans/1">Croydon<' in page
          and 'selected>London<' in page and 'aria-sort="descending"' in page, st)
    st, _, page = admin.get("/summary?region=North%20East")
    check("summary-other-region-empty", st == 200 and "/plans/1" not in page and "0 councils" in page, st)
    for query, want in [("sort=%3Cscript%3E", 400), ("region=Atlantis", 400), ("page=0", 400),
                        ("page=abc", 400), ("page=2", 404)]:
        st, _, page = admin.get("/summary?" + query)
        check(f"summary-refuses {query}", st == want and "<script>" not in page, st)


def governance_setup(db):
    """Boards, meetings and a risk for the governance pages."""
    for args in [("board", "add", "Improvement Board", "--kind", "improvement", "--meets", "6 weeks",
                  "--papers-days", "7", "--chair", "Jane Chair"),
                 ("board", "member", "add", "Improvement Board", "--role", "Director of Children's Services",
                  "--name", "Dee Cee", "--organisation", "Council", "--substitute", "Sam Sub"),
                 ("meeting", "add", "--board", "Improvement Board", "--date", "2026-11-20", "--time", "10:00",
                  "--venue", "Town Hall"),
                 ("meeting", "add", "--board", "Improvement Board", "--date", "2027-01-08"),
                 ("risk", "add", "--title", "Agency staff costs", "--likelihood", "4", "--impact", "3", "--owner", "BP")]:
        r = sl(db, *args)
        check(f"setup {args[0]} {args[1]}", r.returncode == 0, r.stderr)


def meeting_json(db):
    return sl(db, "meeting", "show", "--board", "Improvement Board", "--date", "2026-11-20", "--json").stdout


def governance(port, db):
    """The governance pages: boards, a meeting and its forms, calendar and its feed, risks, savings, reports.
    A second plan with savings projects is imported now, after the tests that name actions by ref alone."""
    sl(db, "import", os.path.join(ROOT, "examples", "documents", "croydon-continuous-improvement-plan-2021-24.txt"),
       "--authority", "Croydon")
    r = sl(db, "savings", "set", "4", "--year", "2021/22", "--forecast", "280", "--plan", "2")
    check("setup savings", r.returncode == 0, r.stderr)
    admin, _, _ = sign_in(port, "admin", "correct-horse-42")
    viewer, _, _ = sign_in(port, "viewer", "correct-horse-42")
    bp, _, _ = sign_in(port, "bp", "correct-horse-42")
    jn, _, _ = sign_in(port, "jn", "correct-horse-42")
    board, _, _ = sign_in(port, "board", "correct-horse-42")
    for path, words in [("/boards", ["Improvement Board", "Jane Chair"]),
                        ("/boards/1", ["Meets every 6 weeks", "Papers 7 working days before", "Sam Sub"]),
                        ("/meetings/1", ["Town Hall", "Papers due", "Attendance"]), ("/calendar", ["as of"]),
                        ("/risks", ["Agency staff costs", "<svg", "high"]), ("/savings", ["Savings", "2021/22"]),
                        ("/plans/2/savings", ["280.0", "-15.0", "Amber", "govuk-tag--orange", "Grey"]),
                        ("/reports", ["highlight", "recommendations"])]:
        st, _, page = viewer.get(path)
        check(f"viewer-page {path}", st == 200 and all(w in page for w in words) and "/boards\"" in page,
              (st, [w for w in words if w not in page]))
    for path in ["/boards/99", "/meetings/99", "/plans/99/savings"]:
        st, _, _ = viewer.get(path)
        check(f"not-found {path}", st == 404, st)
    st, h, _ = Client(port).get("/boards")
    check("anon-boards-sign-in", st == 303 and "/sign-in" in h.get("location", ""), st)
    meeting_forms(admin, viewer, bp, db)
    arising_updates(admin, bp, jn, db)
    risk_forms(admin, viewer, bp, jn, db)
    calendar_feed(port, admin, viewer)
    disabled_feed(port, jn, db)
    reports(admin, viewer, board)


def meeting_forms(admin, viewer, bp, db):
    _, _, page = viewer.get("/meetings/1")
    check("viewer-sees-no-meeting-forms", "/meetings/1/agenda" not in page)
    csrf_v = hidden(page, "csrf")
    before = meeting_json(db)
    st, _, _ = viewer.post("/meetings/1/agenda", {"csrf": csrf_v, "title": "Viewer item", "kind": "item"})
    check("viewer-agenda-refused", st == 403 and meeting_json(db) == before, st)
    _, _, page = bp.get("/meetings/1")
    st, _, _ = bp.post("/meetings/1/agenda", {"csrf": hidden(page, "csrf"), "title": "Lead item", "kind": "item"})
    check("lead-agenda-refused", st == 403 and meeting_json(db) == before, st)
    _, _, page = admin.get("/meetings/1")
    m = re.search(r'href="(/reports/output\?[^"]+)">Open the papers', page)
    st, _, paper = viewer.get(m.group(1).replace("&amp;", "&") if m else "/none")
    check("meeting-papers-link", st == 200 and "Improvement Board" in paper and "@page" in paper, st)
    check("admin-sees-meeting-forms", "/meetings/1/agenda" in page and "/meetings/1/attendance" in page)
    csrf = hidden(page, "csrf")
    st, _, _ = admin.post("/meetings/1/agenda", {"title": "No token", "kind": "item"})
    check("meeting-csrf-refused", st == 403 and meeting_json(db) == before, st)
    good = [("attendance", {"member": "Dee Cee", "state": "substitute", "substitute": "Sam Sub"}, "Sam Sub"),
            ("agenda", {"title": "Deep dive: front door", "kind": "deep-dive", "theme": "MASH"}, "Deep dive: front door"),
            ("minutes", {"minutes": "The board noted the report."}, "The board noted the report."),
            ("decisions", {"decision": "Agreed the revised plan."}, "Agreed the revised plan."),
            ("arising", {"text": "Report on caseloads", "owner": "BP", "due": "2026-12-15"}, "Report on caseloads"),
            ("publish", {}, "Published on")]
    for form, fields, shown in good:
        st, h, _ = admin.post(f"/meetings/1/{form}", dict(fields, csrf=csrf))
        _, _, page = admin.get("/meetings/1")
        check(f"meeting-{form}", st == 303 and h.get("location", "").startswith("/meetings/1") and shown in page,
              (st, h.get("location")))
    bad = [("attendance", {"member": "Dee Cee", "state": "substitute", "substitute": ""}, "Say who attended instead"),
           ("attendance", {"member": "Nobody", "state": "present"}, "Choose a member of the board"),
           ("agenda", {"title": "", "kind": "item"}, "Enter the agenda item"),
           ("decisions", {"decision": ""}, "Write the decision"),
           ("arising", {"text": "Bad date kept", "owner": "BP", "due": "2017-02-30"}, "Enter a real date")]
    for form, fields, message in bad:
        before = meeting_json(db)
        arisings = sl(db, "arising", "list", "--json").stdout
        st, _, page = admin.post(f"/meetings/1/{form}", dict(fields, csrf=csrf))
        check(f"meeting-{form}-refused {message}", st == 400 and message in page and "govuk-error-message" in page
              and meeting_json(db) == before and sl(db, "arising", "list", "--json").stdout == arisings, st)
    check("bad-date-typed-value-kept", 'value="2017-02-30"' in page and 'value="Bad date kept"' in page)


def arising_updates(admin, bp, jn, db):
    m = re.search(r'/arisings/(\d+)/update', admin.get("/meetings/1")[2])
    check("arising-form-shown", m is not None)
    if not m:
        return
    aid = m.group(1)
    _, _, page = jn.get("/meetings/1")
    check("other-lead-sees-no-arising-form", f"/arisings/{aid}/update" not in page)
    st, _, _ = jn.post(f"/arisings/{aid}/update", {"csrf": hidden(page, "csrf"), f"status-{aid}": "complete"})
    check("other-lead-arising-refused", st == 403, st)
    _, _, page = bp.get("/meetings/1")
    check("owner-sees-arising-form", f"/arisings/{aid}/update" in page)
    st, _, _ = bp.post(f"/arisings/{aid}/update", {"csrf": hidden(page, "csrf"), f"status-{aid}": "nonsense"})
    check("arising-bad-status", st == 400, st)
    st, _, _ = bp.post(f"/arisings/{aid}/update", {"csrf": hidden(page, "csrf"), f"status-{aid}": "in-progress",
                                                   f"note-{aid}": "Figures gathered"})
    hist = sl(db, "arising", "history", aid).stdout
    check("owner-updates-arising", st == 303 and "Figures gathered" in hist, (st, hist))


def risk_count(db):
    return sl(db, "risks").stdout


def risk_forms(admin, viewer, bp, jn, db):
    _, _, page = viewer.get("/risks")
    check("viewer-sees-no-risk-forms", 'action="/risks"' not in page and "/review" not in page)
    before = risk_count(db)
    st, _, _ = viewer.post("/risks", {"csrf": hidden(page, "csrf"), "title": "X", "owner": "Y", "likelihood": "2",
                                      "impact": "2"})
    check("viewer-risk-add-refused", st == 403 and risk_count(db) == before, st)
    _, _, page = admin.get("/risks")
    csrf = hidden(page, "csrf")
    st, _, page = admin.post("/risks", {"csrf": csrf, "title": "Court delays", "owner": "JN", "likelihood": "7",
                                        "impact": "3"})
    check("risk-likelihood-7-refused", st == 400 and "Likelihood: Enter a whole number from 1 to 5" in page
          and 'value="7"' in page and 'value="Court delays"' in page and risk_count(db) == before, st)
    st, _, _ = admin.post("/risks", {"title": "No token", "owner": "JN", "likelihood": "2", "impact": "3"})
    check("risk-csrf-refused", st == 403 and risk_count(db) == before, st)
    st, _, _ = admin.post("/risks", {"csrf": csrf, "title": "Court delays", "owner": "JN", "likelihood": "3",
                                     "impact": "5", "review": "2027-01-31"})
    check("risk-added", st == 303 and "Court delays" in risk_count(db), st)
    _, _, page = jn.get("/risks")
    check("other-lead-no-review-of-r1", "/risks/1/review" not in page and "/risks/2/review" in page)
    st, _, _ = jn.post("/risks/1/review", {"csrf": hidden(page, "csrf"), "r1-likelihood": "1", "r1-impact": "1"})
    check("other-lead-review-refused", st == 403, st)
    _, _, page = bp.get("/risks")
    before = risk_count(db)
    st, _, page2 = bp.post("/risks/1/review", {"csrf": hidden(page, "csrf"), "r1-likelihood": "2", "r1-impact": "0"})
    check("risk-impact-0-refused", st == 400 and "Impact: Enter a whole number" in page2 and risk_count(db) == before, st)
    st, _, _ = bp.post("/risks/1/review", {"csrf": hidden(page, "csrf"), "r1-likelihood": "2", "r1-impact": "3",
                                           "r1-note": "Agency use falling"})
    check("owner-reviews-risk", st == 303 and "Agency use falling" in sl(db, "risk", "history", "R1").stdout, st)


def calendar_feed(port, admin, viewer):
    st, _, page = viewer.get("/calendar?as_of=2017-02-30")
    check("calendar-bad-date", st == 400 and "real date" in page, st)
    st, _, page = viewer.get("/calendar?as_of=2026-11-01")
    check("calendar-as-of", st == 200 and "2026-11-01" in page and "papers" in page.lower(), st)
    st, _, page = viewer.post("/calendar/tokens", {"csrf": hidden(page, "csrf")})
    m = re.search(r"calendar\.ics\?token=([0-9a-f]{64})", page)
    check("calendar-token-created", st == 200 and m is not None, st)
    if not m:
        return
    anon = Client(port)
    st, h, ics = anon.get(f"/calendar.ics?token={m.group(1)}")
    check("ics-good-token", st == 200 and h.get("content-type") == "text/calendar; charset=utf-8"
          and ics.startswith("BEGIN:VCALENDAR") and "Improvement Board" in ics, (st, h.get("content-type")))
    st, _, body = anon.get("/calendar.ics?token=" + "0" * 64)
    check("ics-unknown-token", st in (403, 404) and body == "", st)
    st, _, body = anon.get("/calendar.ics")
    check("ics-no-token", st in (403, 404) and body == "", st)
    tid = re.search(r"/calendar/tokens/(\d+)/revoke", page).group(1)
    _, _, apage = admin.get("/calendar")
    st, _, _ = admin.post(f"/calendar/tokens/{tid}/revoke", {"csrf": hidden(apage, "csrf")})
    check("revoke-others-token-refused", st == 404, st)
    st, _, _ = viewer.post(f"/calendar/tokens/{tid}/revoke", {"csrf": "wrong"})
    check("revoke-csrf-refused", st == 403, st)
    st, _, _ = viewer.post(f"/calendar/tokens/{tid}/revoke", {"csrf": hidden(page, "csrf")})
    check("token-revoked", st == 303, st)
    st, _, body = anon.get(f"/calendar.ics?token={m.group(1)}")
    check("ics-revoked-token", st in (403, 404) and body == "", (st, body[:80]))
    _, _, page = viewer.get("/calendar")
    check("calendar-lists-revoked", "revoked" in page)


def disabled_feed(port, jn, db):
    _, _, page = jn.get("/calendar")
    _, _, page = jn.post("/calendar/tokens", {"csrf": hidden(page, "csrf")})
    m = re.search(r"calendar\.ics\?token=([0-9a-f]{64})", page)
    st, _, _ = Client(port).get(f"/calendar.ics?token={m.group(1) if m else ''}")
    check("ics-token-before-disabled", m and st == 200, st)
    db_sql(db, "UPDATE users SET disabled = 1 WHERE login = 'jn'")
    st, _, body = Client(port).get(f"/calendar.ics?token={m.group(1) if m else ''}")
    check("ics-disabled-account", st == 403 and body == "", st)


def reports(admin, viewer, board):
    q = "/reports/output?kind=highlight&plan=1&board=Improvement+Board&meeting=&as_of=2026-12-01"
    st, h, page = viewer.get(q + "&format=print")
    check("print-view", st == 200 and "Highlight report" in page and "govuk-service-navigation" not in page
          and "<script" not in page and "@page" in page and "sha256-" in h.get("content-security-policy", ""), st)
    st, _, _ = viewer.get(q + "&format=md")
    check("viewer-download-refused", st == 403, st)
    st, h, md = board.get(q + "&format=md")
    check("board-downloads-md", st == 200 and "attachment" in h.get("content-disposition", "") and "Highlight" in md, st)
    st, h, _ = admin.get(q + "&format=xlsx")
    check("admin-downloads-xlsx", st == 200 and h.get("content-disposition", "").endswith('.xlsx"')
          and "spreadsheetml" in h.get("content-type", ""), st)
    st, _, page = viewer.get(q.replace("2026-12-01", "2017-02-30") + "&format=print")
    check("report-bad-date", st == 400 and "Enter a real date" in page and 'value="2017-02-30"' in page, st)
    st, _, page = viewer.get(q.replace("highlight", "nonsense") + "&format=print")
    check("report-unknown-kind", st == 400 and "Choose a report" in page, st)


if __name__ == "__main__":
    sys.exit(main())
