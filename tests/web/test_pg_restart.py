#!/usr/bin/env python3
"""The PostgreSQL server stopped and started again under `serve`: while it is
down every request is answered 503 (never a 500, never a page made from
nothing), once it is back the same server answers again without a restart
(each worker's connection is made again), and an update acknowledged before
the stop is still there. Runs on a throwaway cluster of its own
(scripts/pg-throwaway.sh), so the suites sharing the main one are not
disturbed.

usage: test_pg_restart.py SIGHTLINE-BINARY"""
import os
import shutil
import subprocess
import sys
import tempfile
import time

sys.argv = sys.argv[:2]
import test_http as h  # noqa: E402  (the HTTP client and helpers, sharing SL)

SCRIPT = os.path.join(h.ROOT, "scripts", "pg-throwaway.sh")


def throwaway(*args):
    return subprocess.run([SCRIPT, *args], capture_output=True, text=True)


def statuses(client, n):
    return [client.get("/plans/1")[0] for _ in range(n)]


def exercise(url, work):
    h.sl(url, "init")
    h.sl(url, "import", os.path.join(h.ROOT, "examples", "croydon-transitional-2017.csv"), "--authority", "Croydon")
    h.sl(url, "user", "add", "admin", "--role", "admin", "--password-stdin", stdin="correct-horse-42\n")
    port = h.free_port()
    server = subprocess.Popen([h.SL, "--db", url, "serve", "--listen", f"127.0.0.1:{port}", "--threads", "8",
                               "--static", os.path.join(h.ROOT, "build", "static")],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        for _ in range(200):
            if subprocess.run(["curl", "-s", "-o", "/dev/null", f"http://127.0.0.1:{port}/sign-in"]).returncode == 0:
                break
            time.sleep(0.05)
        admin, st, _ = h.sign_in(port, "admin", "correct-horse-42")
        h.check("signed-in", st == 303, st)
        aid = h.action_id(admin, "2.2")
        _, _, page = admin.get(f"/actions/{aid}")
        st, _, _ = admin.post(f"/actions/{aid}/update", {"csrf": h.hidden(page, "csrf"), "version": h.hidden(page, "version"),
                                                        "status": "complete", "note": "acknowledged before the stop"})
        h.check("update-acknowledged", st == 303, st)

        statuses(admin, 40)     # every page thread has its connection, used before the stop
        h.check("paused", throwaway("pause", url).returncode == 0)
        # Signed-in pages need the database; a signed-out "/" needs none, and
        # is asked several times so that a page thread whose connection has
        # sat idle since the stop answers too: 503 all the same.
        down = statuses(admin, 4) + [h.Client(port).get("/")[0] for _ in range(6)]
        h.check("503-while-down", down == [503] * 10, down)

        h.check("resumed", throwaway("resume", url).returncode == 0)
        up = statuses(admin, 3)
        h.check("answers-again", up == [200, 200, 200], up)
        _, _, page = admin.get(f"/actions/{aid}")
        h.check("acknowledged-kept", "acknowledged before the stop" in page)
        _, _, page = admin.get(f"/actions/{aid}")
        st, _, _ = admin.post(f"/actions/{aid}/update", {"csrf": h.hidden(page, "csrf"), "version": h.hidden(page, "version"),
                                                        "status": "complete", "note": "after the restart"})
        h.check("writes-again", st == 303 and "after the restart" in h.sl(url, "show", "2.2").stdout, st)
    finally:
        server.terminate()
        try:
            _, err = server.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            _, err = server.communicate()
        h.check("server-exits-cleanly", server.returncode == 0, err.decode()[-600:])


def main():
    started = throwaway("start")
    if started.returncode != 0:
        print(started.stderr)
        print("0 passed, 1 failed")
        return 1
    base = started.stdout.strip()
    work = tempfile.mkdtemp(prefix="sightline-restart-")
    try:
        exercise(base, work)
    finally:
        throwaway("stop", base)
        shutil.rmtree(work)
    print(f"{h.passed} passed, {h.failed} failed")
    return 0 if h.failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
