#!/usr/bin/env python3
"""Overload regression tests of issue 14, each check named after its defect:
  D4  1,000 slow connections (slowloris, from 20 addresses) while a normal
      client's every page is answered; one address holds at most its
      cap; a request that trickles its headers is cut at the deadline
  D5  a flood of 200 sign-ins a second while a signed-in client's every
      page is answered (the password checks wait on their own queue)
  D6  password spraying from one address is slowed down (429 with
      Retry-After), failures from elsewhere never lock the real user out,
      and every refused sign-in is in the audit log
Traffic goes only to 127.0.0.0/8 on this machine; every loop is bounded in
count and time (a few seconds each).
The page latencies under both attacks are timings, so their targets (p99
under 100 ms and under 50 ms) are checked only by `make bench`, which runs
this file with --bench and prints them as table rows; `make check` asserts
that every page was answered, which holds on a loaded machine too.
usage: test_overload.py [--bench] SIGHTLINE_BINARY
Ends with "N passed, N failed"."""
import http.client
import multiprocessing
import os
import re
import resource
import select
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import ROOT, Client, Tally, free_port, prepare, sl  # noqa: E402


def start(binary, db, port, *extra):
    proc = subprocess.Popen([binary, "--db", db, "serve", "--listen", f"127.0.0.1:{port}", "--threads", "4",
                             "--static", os.path.join(ROOT, "build", "static"), *extra],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(400):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return proc
        except OSError:
            time.sleep(0.025)
    return proc


def stop(proc):
    proc.terminate()
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def p99(samples):
    s = sorted(samples)
    return s[min(len(s) - 1, int(len(s) * 0.99))] if s else float("inf")


def timed_pages(client, path, n, pause=0.0):
    """Latencies (seconds) of n GETs of path; a failed request counts as 10 s."""
    out = []
    for _ in range(n):
        start = time.monotonic()
        try:
            st, _ = client.request("GET", path, timeout=10)
            out.append(time.monotonic() - start if st == 200 else 10.0)
        except OSError:
            out.append(10.0)
        if pause:
            time.sleep(pause)
    return out


BENCH = False
BENCH_ROWS = []


def latency_check(t, name, lat, target):
    """Every page answered (a failure is timed as 10 s) is the check of
    `make check`; with --bench the p99 target is checked too and the row
    kept for the table."""
    t.check(name, max(lat) < 10.0, f"{sum(1 for x in lat if x >= 10.0)} of {len(lat)} unanswered")
    if BENCH:
        ok = p99(lat) < target
        BENCH_ROWS.append((name, p99(lat), target, ok))
        t.check(name + "-p99-target", ok, f"p99 {p99(lat) * 1000:.1f} ms")


def print_bench_rows():
    """The bench table rows: case, p99, target, whether it is met."""
    print(f"{'overload case':<52} {'p99':>9}  {'target':<10} ok")
    for name, got, target, ok in BENCH_ROWS:
        print(f"{name:<52} {got * 1000:>7.1f}ms  < {target * 1000:.0f} ms{'':<3} {'yes' if ok else 'NO'}")


def slow_socket(port, source):
    s = socket.socket()
    s.bind((source, 0))
    s.settimeout(2)
    s.connect(("127.0.0.1", port))
    s.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n")
    return s


def count_closed(socks, wait):
    """How many of socks the server closed within wait seconds."""
    closed, end = set(), time.monotonic() + wait
    p = select.poll()
    by_fd = {s.fileno(): s for s in socks}
    for fd in by_fd:
        p.register(fd, select.POLLIN | select.POLLHUP | select.POLLERR)
    while len(closed) < len(socks):
        left = end - time.monotonic()
        if left <= 0:
            break
        for fd, _ in p.poll(left * 1000):
            try:
                gone = by_fd[fd].recv(1024) == b""
            except OSError:
                gone = True
            if gone:
                closed.add(fd)
                p.unregister(fd)
    return len(closed)


def d4(t, binary, db):
    port = free_port()
    proc = start(binary, db, port, "--header-seconds", "3", "--per-address", "64")
    try:
        d4_checks(t, port)
    finally:
        stop(proc)


def d4_checks(t, port):
    viewer = Client(port)
    viewer.sign_in("viewer")
    slow = []
    try:
        for i in range(1000):
            slow.append(slow_socket(port, f"127.0.1.{i % 20 + 1}"))
    except OSError as e:
        t.check("D4-open-1000-slow", False, f"{len(slow)} opened: {e}")
    lat = timed_pages(viewer, "/plans/1", 150)
    latency_check(t, "D4-pages-answered-with-1000-slow-connections", lat, 0.100)
    print(f"D4: 1000 slow connections held; page p99 {p99(lat) * 1000:.1f} ms over {len(lat)} requests", file=sys.stderr)
    capped = [slow_socket(port, "127.0.2.1") for _ in range(100)]
    refused = count_closed(capped, 0.5)
    t.check("D4-per-address-cap", refused >= 36, f"{refused} of 100 refused from one address (cap 64)")
    time.sleep(3.5)
    cut = count_closed(slow, 1.0)
    t.check("D4-header-deadline-cuts-slow-requests", cut >= 990, f"{cut} of 1000 cut after the 3 s deadline")
    for s in slow + capped:
        s.close()
    st, _ = viewer.request("GET", "/plans/1")
    t.check("D4-serves-after", st == 200, st)


def sign_in_body(port):
    c = Client(port)
    _, page = c.request("GET", "/sign-in")
    token = re.search(r'name="csrf" value="([^"]+)"', page).group(1)
    return token


def post_sign_in(port, token, login, password, source):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=90, source_address=(source, 0))
    body = urllib.parse.urlencode({"csrf": token, "login": login, "password": password})
    try:
        conn.request("POST", "/sign-in", body=body, headers={"Content-Type": "application/x-www-form-urlencoded"})
        r = conn.getresponse()
        r.read()
        return r.status, r.getheader("Retry-After")
    finally:
        conn.close()


def attempt(port, token, login, password, source):
    """post_sign_in, waiting out a full sign-in queue (503) for up to 120 s."""
    end = time.monotonic() + 120
    while True:
        st, retry = post_sign_in(port, token, login, password, source)
        if st != 503 or time.monotonic() > end:
            return st, retry
        time.sleep(int(retry or 1))


def flood(port, token, rate, seconds, sources, count=None):
    """Sends rate sign-ins a second for seconds, not waiting for the answers (in a
    process of its own, so that it does not slow the measuring client); puts
    how many were sent in count."""
    sent, socks = 0, []
    body = urllib.parse.urlencode({"csrf": token, "login": "viewer", "password": "wrong-password-123"}).encode()
    request = (b"POST /sign-in HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
               b"Connection: close\r\nContent-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body)
    start = time.monotonic()
    while time.monotonic() - start < seconds:
        due = start + sent / rate
        if time.monotonic() < due:
            time.sleep(due - time.monotonic())
        try:
            s = socket.socket()
            s.bind((sources[sent % len(sources)], 0))
            s.settimeout(1)
            s.connect(("127.0.0.1", port))
            s.sendall(request)
            socks.append(s)
        except OSError:
            pass
        sent += 1
    time.sleep(0.2)
    for s in socks:
        s.close()
    if count is not None:
        count.value = sent


def d5_d6(t, binary, db):
    port = free_port()
    proc = start(binary, db, port)
    try:
        d5_d6_checks(t, port)
    finally:
        stop(proc)
    con = sqlite3.connect(db)
    refusals = con.execute("SELECT count(*) FROM audit_log WHERE operation = 'refuse' AND entity = 'sign-in'").fetchone()[0]
    busy = con.execute("SELECT count(*) FROM audit_log WHERE operation = 'refuse' AND after LIKE '%queue is full%'").fetchone()[0]
    con.close()
    t.check("D6-every-refusal-audited", refusals >= 4, refusals)
    t.check("D5-queue-full-refusals-audited", busy > 0, busy)


def d5_d6_checks(t, port):
    viewer = Client(port)
    t.check("D6-setup-real-user-signs-in", viewer.sign_in("viewer"))
    token = sign_in_body(port)
    sources = [f"127.0.4.{i}" for i in range(1, 51)]
    sent = multiprocessing.Value("i", 0)
    proc_flood = multiprocessing.Process(target=flood, args=(port, token, 200, 3.0, sources, sent))
    proc_flood.start()
    time.sleep(0.3)
    lat = timed_pages(viewer, "/plans/1", 100, pause=0.02)
    # D6: the real user, from the address they signed in from, gets in during the flood.
    st, _ = post_sign_in(port, token, "viewer", "correct-horse-42", "127.0.0.1")
    proc_flood.join(timeout=30)
    print(f"D5: {sent.value} sign-ins in 3 s; page p99 {p99(lat) * 1000:.1f} ms over {len(lat)} requests",
          file=sys.stderr)
    latency_check(t, "D5-pages-answered-during-sign-in-flood", lat, 0.050)
    t.check("D5-flood-rate", sent.value >= 500, sent.value)
    t.check("D6-real-user-signs-in-during-a-flood-on-their-login", st == 303, st)
    time.sleep(2)   # the flood's queued checks drain (64 at most); attempt() waits out the rest
    # Failures on one login from one address slow that address down, not the user's own.
    codes = [attempt(port, token, "board", "not-the-password-1", "127.0.3.2")[0] for _ in range(6)]
    t.check("D6-backoff-for-the-failing-address", codes[:3] == [401] * 3 and 429 in codes, codes)
    st, _ = attempt(port, token, "board", "correct-horse-42", "127.0.3.9")
    t.check("D6-no-lockout-of-the-account", st == 303, st)
    # Password spraying: many logins from one address.
    got = [attempt(port, token, f"user{i}", "spray-password-1", "127.0.3.1") for i in range(14)]
    codes = [c for c, _ in got]
    t.check("D6-spraying-across-accounts-throttled", codes[:10] == [401] * 10 and codes[-1] == 429, codes)
    t.check("D6-retry-after", any(c == 429 and ra and int(ra) > 0 for c, ra in got), got[-3:])


def main():
    global BENCH
    args = sys.argv[1:]
    if args and args[0] == "--bench":
        BENCH = True
        args = args[1:]
    binary = os.path.abspath(args[0])
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, 8192), hard))
    work = tempfile.mkdtemp(prefix="sightline-overload.")
    t = Tally()
    db = os.path.join(work, "o.db")
    prepare(binary, db, users=(("viewer", "viewer"), ("board", "board")))
    try:
        d4(t, binary, db)
        d5_d6(t, binary, db)
    finally:
        shutil.rmtree(work)
    if BENCH:
        print_bench_rows()
    return t.finish()


if __name__ == "__main__":
    sys.exit(main())
