#!/usr/bin/env python3
"""Two `serve` processes on one database behave as one application: a
session opened through one is known to the other, a form's CSRF token from
one is accepted by the other, an update made through one is shown at once
by the other's cached dashboard and action list (the page cache keys on the
database's generation, read per request), a stale version is refused
whichever server it reaches, and sign-in throttling earned on one holds
on the other.

usage: test_two_servers.py SIGHTLINE-BINARY (tests/cli/pg_sl.sh with
SL_PG_URL, SL_REAL and SL_PG_MARKS set runs it on PostgreSQL)."""
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


def start(db, port):
    server = subprocess.Popen([h.SL, "--db", db, "serve", "--listen", f"127.0.0.1:{port}",
                               "--static", os.path.join(h.ROOT, "build", "static")],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    for _ in range(200):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return server
        except OSError:
            time.sleep(0.05)
    return server


def rag_counts(page):
    return re.findall(r"(\d+) (?:red|amber|green|blue)", page)


def throttle_shared(ports):
    """Failed sign-ins through one server hold back the same login and
    address on the other: six failures on one (waiting out its back-off of
    1 and 2 seconds) leave a 4-second wait, which server two, after a
    quarter-second of sharing, must also impose."""
    failures, codes = 0, []
    deadline = time.monotonic() + 30
    while failures < 6 and time.monotonic() < deadline:
        _, st, hd = h.sign_in(ports[0], "nobody", "not-the-password-1")
        codes.append(st)
        if st == 401:
            failures += 1
        elif st == 429:
            time.sleep(float(hd.get("retry-after", "1")))
    h.check("six-failures-on-one", failures == 6, codes)
    time.sleep(0.8)
    _, st, hd = h.sign_in(ports[1], "nobody", "not-the-password-1")
    h.check("throttled-on-two-too", st == 429 and int(hd.get("retry-after", "0")) >= 1, (st, hd.get("retry-after")))


def main():
    work = tempfile.mkdtemp(prefix="sightline-two-")
    db = os.path.join(work, "two.db")
    h.sl(db, "init")
    h.sl(db, "import", os.path.join(h.ROOT, "examples", "croydon-transitional-2017.csv"), "--authority", "Croydon")
    h.sl(db, "user", "add", "admin", "--role", "admin", "--password-stdin", stdin="correct-horse-42\n")
    ports = [h.free_port(), h.free_port()]
    servers = [start(db, p) for p in ports]
    try:
        one, st, _ = h.sign_in(ports[0], "admin", "correct-horse-42")
        h.check("sign-in-on-one", st == 303, st)
        two = h.Client(ports[1])
        two.cookie = one.cookie
        st, _, _ = two.get("/")
        h.check("session-known-to-two", st == 200, st)

        # Warm both caches, then update through server one with a form from server two.
        _, _, dash_before = two.get("/plans/1")
        _, _, list_before = two.get("/plans/1/actions")
        aid = h.action_id(two, "2.2")
        st, _, page = two.get(f"/actions/{aid}")
        csrf, version = h.hidden(page, "csrf"), h.hidden(page, "version")
        st, _, _ = one.post(f"/actions/{aid}/update", {"csrf": csrf, "version": version,
                                                      "status": "complete", "note": "done via one"})
        h.check("csrf-from-two-accepted-by-one", st == 303, st)
        st, _, page = two.get(f"/actions/{aid}")
        h.check("two-shows-update", st == 200 and "done via one" in page, st)
        _, _, list_after = two.get("/plans/1/actions")
        h.check("two-list-not-stale", list_after != list_before)
        _, _, dash_after = two.get("/plans/1")
        h.check("two-dashboard-not-stale", dash_after != dash_before, rag_counts(dash_after))
        # The same old version sent to the other server is refused as stale.
        st, _, _ = two.post(f"/actions/{aid}/update", {"csrf": csrf, "version": version,
                                                      "status": "on-track", "note": "second-writer-note"})
        h.check("stale-refused-by-two", st == 409, st)
        st, _, page = one.get(f"/actions/{aid}")
        h.check("stale-not-applied", st == 200 and "second-writer-note" not in page, st)
        # Signing out through two ends the session on one.
        _, _, page = two.get("/")
        two.post("/sign-out", {"csrf": h.hidden(page, "csrf")})
        st, _, _ = one.get("/")
        h.check("sign-out-on-two-ends-one", st == 303, st)
        throttle_shared(ports)
    finally:
        for s in servers:
            s.terminate()
            try:
                s.communicate(timeout=10)
            except subprocess.TimeoutExpired:
                s.kill()
                s.communicate()
        shutil.rmtree(work)
    print(f"{h.passed} passed, {h.failed} failed")
    return 0 if h.failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
