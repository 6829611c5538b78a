#!/usr/bin/env python3
"""Sessions a user can see and end (issue 14, D11), over HTTP, with two
servers on one database so that an ended session is shown to be refused by
every process at once:
  - /sessions lists the user's own sessions (address, browser, the current
    one marked) and not another account's; an admin also sees everyone's;
  - ending another of my sessions: that cookie is refused on its next
    request, on the other server too; ending my own current one signs me out;
  - a viewer cannot end another account's session (404, and it still works);
    an admin can; "end all your other sessions" keeps the current one;
  - every end is in the audit log; the CLI lists and ends sessions
    (`user sessions`, `user end-sessions`);
  - `serve --session-idle 1`: a session unused for over a minute is refused
    (its last use moved back in the database); `--session-max 1`: one signed in
    over an hour ago is refused however active.
usage: test_sessions.py SIGHTLINE-BINARY (tests/cli/pg_sl.sh with SL_PG_URL,
SL_REAL and SL_PG_MARKS set runs it on PostgreSQL)."""
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time

sys.argv = sys.argv[:2]
import test_http as h  # noqa: E402  (the HTTP client and helpers, sharing SL)

PASSWORD = "correct-horse-42"


def start(db, port, *extra):
    server = subprocess.Popen([h.SL, "--db", db, "serve", "--listen", f"127.0.0.1:{port}", "--threads", "2",
                               "--static", os.path.join(h.ROOT, "build", "static"), *extra],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    for _ in range(300):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return server
        except OSError:
            time.sleep(0.05)
    return server


def stop(server):
    server.terminate()
    try:
        server.communicate(timeout=10)
    except subprocess.TimeoutExpired:
        server.kill()
        server.communicate()


def sign_in(port, login, agent):
    """Signs login in with a User-Agent; returns the client."""
    c = h.Client(port)
    _, _, page = c.request("GET", "/sign-in", headers={"User-Agent": agent})
    st, _, _ = c.request("POST", "/sign-in", fields={"csrf": h.hidden(page, "csrf"), "login": login,
                                                      "password": PASSWORD}, headers={"User-Agent": agent})
    h.check(f"sign-in-{login}", st == 303, st)
    return c


def refs(page):
    """The session references of the End buttons on a page, in order."""
    return re.findall(r'name="session" value="([0-9a-f]+)"', page)


def current_ref(page):
    """The reference of the row marked "This session"."""
    m = re.search(r'This session</strong> <form[^>]*><input type="hidden" name="csrf" value="[^"]*">'
                  r'<input type="hidden" name="session" value="([0-9a-f]+)"', page)
    return m.group(1) if m else None


def end(client, ref):
    _, _, page = client.get("/sessions")
    return client.post("/sessions/end", {"csrf": h.hidden(page, "csrf"), "session": ref})[0]


def audit_ends(db):
    r = h.sl(db, "history", "--json")
    try:
        rows = json.loads(r.stdout)
    except ValueError:
        return []
    return [e for e in rows if e.get("operation") == "end" and e.get("entity") == "session"]


def own_sessions(db, ports):
    """Listing, ending one of mine (refused at once by both servers), viewer/admin rights."""
    one, two = ports
    phone = sign_in(one, "jo", "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Safari/604.1")
    laptop = sign_in(two, "jo", "Mozilla/5.0 (X11; Linux x86_64; rv:120.0) Gecko/20100101 Firefox/120.0")
    other = sign_in(one, "sam", "curl/8.0")
    st, _, page = laptop.get("/sessions")
    h.check("sessions-page", st == 200 and "Your sessions" in page, st)
    mine = refs(page)
    h.check("lists-my-two-sessions", len(mine) == 2, mine)
    h.check("browser-summaries", "Firefox on Linux" in page and "Safari on iPhone" in page, page[-1500:])
    h.check("address-shown", "127.0.0.1" in page)
    h.check("current-marked", current_ref(page) in mine and page.count("This session") == 1, current_ref(page))
    h.check("others-not-listed-to-viewer", "curl" not in page and "Every account" not in page)
    phone_ref = [r for r in mine if r != current_ref(page)][0]
    h.check("phone-works-before", phone.get("/")[0] == 200)
    h.check("end-my-other-session", end(laptop, phone_ref) == 303)
    h.check("ended-cookie-refused-on-one", phone.get("/")[0] == 303)
    phone.port = two
    h.check("ended-cookie-refused-on-two", phone.get("/")[0] == 303)
    h.check("laptop-still-signed-in", laptop.get("/")[0] == 200)
    # A viewer cannot end another account's session: 404, and it goes on working.
    _, _, page = other.get("/sessions")
    sam_ref = current_ref(page)
    h.check("viewer-cannot-end-others", end(laptop, sam_ref) == 404)
    h.check("others-session-untouched", other.get("/")[0] == 200)
    h.check("bogus-ref-404", end(laptop, "0123456789abcdef") == 404)
    return laptop, other, sam_ref


def admin_sessions(db, ports, laptop, other, sam_ref):
    """An admin sees and ends anyone's session; end-others; signing out by ending my own."""
    admin = sign_in(ports[0], "admin", "Mozilla/5.0 (Windows NT 10.0) Chrome/120.0 Safari/537.36")
    st, _, page = admin.get("/sessions")
    h.check("admin-sees-everyone", st == 200 and "Every account" in page and sam_ref in page and ">jo<" in page,
            st)
    h.check("admin-ends-others-session", end(admin, sam_ref) == 303)
    h.check("admin-ended-session-refused", other.get("/")[0] == 303)
    spare = sign_in(ports[1], "jo", "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) Safari/605.1.15")
    _, _, page = laptop.get("/sessions")
    st, _, _ = laptop.post("/sessions/end-others", {"csrf": h.hidden(page, "csrf")})
    h.check("end-others", st == 303 and spare.get("/")[0] == 303 and laptop.get("/")[0] == 200, st)
    _, _, page = laptop.get("/sessions")
    h.check("end-others-leaves-one", len(refs(page)) == 1, refs(page))
    st, head, _ = laptop.post("/sessions/end", {"csrf": h.hidden(page, "csrf"), "session": current_ref(page)})
    h.check("end-current-signs-out", st == 303 and head.get("location") == "/sign-in" and laptop.cookie is None,
            (st, head.get("location")))
    ends = audit_ends(db)
    h.check("ends-audited", len(ends) >= 4 and any(e.get("actor") == "admin" for e in ends), ends[-5:])


def cli_sessions(db, port):
    """`user sessions` lists, `user end-sessions` ends (one, or all), at once for the server."""
    a = sign_in(port, "sam", "Mozilla/5.0 (X11; Linux x86_64) Firefox/121.0")
    b = sign_in(port, "sam", "Mozilla/5.0 (X11; Linux x86_64) Firefox/121.0")
    r = h.sl(db, "user", "sessions", "sam", "--json")
    rows = json.loads(r.stdout) if r.returncode == 0 else []
    h.check("cli-lists", r.returncode == 0 and len(rows) == 2 and "Firefox/121.0" in rows[0]["user_agent"],
            (r.returncode, r.stdout[:300], r.stderr))
    r = h.sl(db, "user", "end-sessions", "sam", "--session", rows[0]["session"] if rows else "x")
    h.check("cli-ends-one", r.returncode == 0 and "1 session of sam ended" in r.stdout, (r.stdout, r.stderr))
    alive = [c.get("/")[0] for c in (a, b)]
    h.check("cli-one-ended", sorted(alive) == [200, 303], alive)
    r = h.sl(db, "user", "end-sessions", "sam")
    h.check("cli-ends-all", r.returncode == 0 and "1 session of sam ended" in r.stdout, (r.stdout, r.stderr))
    h.check("cli-all-ended", a.get("/")[0] == 303 and b.get("/")[0] == 303)
    r = h.sl(db, "user", "end-sessions", "sam", "--session", "ffffffffffffffff")
    h.check("cli-unknown-session", r.returncode == 1 and "no session" in r.stderr, (r.returncode, r.stderr))
    r = h.sl(db, "user", "sessions", "nobody")
    h.check("cli-unknown-user", r.returncode == 1 and "no user" in r.stderr, (r.returncode, r.stderr))


def lifetimes(db):
    """--session-idle and --session-max, with the session's times moved back in the database."""
    port = h.free_port()
    server = start(db, port, "--session-idle", "1", "--session-max", "1")
    try:
        c = sign_in(port, "sam", "curl/8.0")
        st, _, page = c.get("/sessions")
        h.check("lifetimes-shown", "1 minutes unused, or 1 hours" in page, page[:200])
        h.check("fresh-session-works", st == 200, st)
        h.db_sql(db, "UPDATE sessions SET last_seen = last_seen - 30")
        h.check("idle-under-a-minute-works", c.get("/")[0] == 200)
        h.db_sql(db, "UPDATE sessions SET last_seen = last_seen - 90")
        h.check("idle-expired-refused", c.get("/")[0] == 303)
        c = sign_in(port, "sam", "curl/8.0")
        h.db_sql(db, "UPDATE sessions SET created_at = created_at - 3700")
        h.check("max-age-refused-though-active", c.get("/")[0] == 303)
    finally:
        stop(server)
    r = subprocess.run([h.SL, "--db", db, "serve", "--session-idle", "0"], capture_output=True, text=True)
    h.check("session-idle-range", r.returncode == 2 and "--session-idle" in r.stderr, r.stderr)
    r = subprocess.run([h.SL, "--db", db, "serve", "--session-max", "721"], capture_output=True, text=True)
    h.check("session-max-range", r.returncode == 2 and "--session-max" in r.stderr, r.stderr)


def main():
    work = tempfile.mkdtemp(prefix="sightline-sessions.")
    db = os.path.join(work, "s.db")
    h.sl(db, "init")
    for login, role in (("admin", "admin"), ("jo", "viewer"), ("sam", "viewer")):
        h.sl(db, "user", "add", login, "--role", role, "--password-stdin", stdin=PASSWORD + "\n")
    ports = [h.free_port(), h.free_port()]
    servers = [start(db, p) for p in ports]
    try:
        laptop, other, sam_ref = own_sessions(db, ports)
        admin_sessions(db, ports, laptop, other, sam_ref)
        cli_sessions(db, ports[0])
    finally:
        for s in servers:
            stop(s)
    lifetimes(db)
    shutil.rmtree(work, ignore_errors=True)
    print(f"{h.passed} passed, {h.failed} failed")
    return 0 if h.failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
