#!/usr/bin/env python3
"""Crash safety: client processes post updates and log each one the server
acknowledged; the server is killed with SIGKILL at random moments (KILLS
times, default 20) and restarted. Afterwards the database passes its
integrity check and holds every acknowledged update exactly once. Then an
import of 40,000 actions is killed half-way several times: the plan is
either wholly there or absent.
usage: test_crash.py SIGHTLINE_BINARY"""
import multiprocessing
import os
import random
import shutil
import sqlite3
import sys
import tempfile
import time

from common import Client, Server, Tally, form_fields, prepare, sl

CLIENTS = 4


def client_loop(port, action_ids, log_path, stop):
    """Posts updates with unique notes until told to stop; logs each acknowledged one."""
    me = os.getpid()
    seq = 0
    client = None
    with open(log_path, "a") as log:
        while not stop.is_set():
            try:
                if client is None:
                    client = Client(port)
                    if not client.sign_in("writer"):
                        client = None
                        time.sleep(0.05)
                        continue
                aid = random.choice(action_ids)
                status, page = client.request("GET", f"/actions/{aid}")
                csrf, version = form_fields(page)
                if status != 200 or not csrf:
                    client = None
                    continue
                seq += 1
                note = f"crash-test {me}-{seq}"
                status, _ = client.request("POST", f"/actions/{aid}/update",
                                           {"csrf": csrf, "version": version, "note": note})
                if status == 303:
                    log.write(note + "\n")
                    log.flush()
                    os.fsync(log.fileno())
            except OSError:
                time.sleep(0.02)


def count_lines(paths):
    """How many acknowledged notes the client logs hold so far."""
    total = 0
    for path in paths:
        if os.path.exists(path):
            with open(path) as f:
                total += sum(1 for line in f if line.strip())
    return total


def kill_test(binary, work, t, kills):
    db = os.path.join(work, "crash.db")
    prepare(binary, db)
    con = sqlite3.connect(db)
    action_ids = [r[0] for r in con.execute("SELECT id FROM actions ORDER BY id LIMIT 10")]
    con.close()
    server = Server(binary, db)
    t.check("server-starts", server.start())
    stop = multiprocessing.Event()
    logs = [os.path.join(work, f"acks-{i}.log") for i in range(CLIENTS)]
    procs = [multiprocessing.Process(target=client_loop, args=(server.port, action_ids, logs[i], stop))
             for i in range(CLIENTS)]
    for p in procs:
        p.start()
    killed = 0
    for _ in range(kills):
        time.sleep(random.uniform(0.3, 0.9))
        server.kill()
        killed += 1
        check = sl(binary, db, "check")
        t.check(f"integrity-after-kill-{killed}", check.returncode == 0, check.stderr)
        t.check(f"restart-{killed}", server.start())
    # On a loaded machine the kills can come faster than clients sign in
    # again; keep the last server running until enough updates were
    # acknowledged for the check below to mean something (or 60 s pass).
    deadline = time.time() + 60
    time.sleep(0.5)
    while count_lines(logs) <= 50 and time.time() < deadline:
        time.sleep(0.2)
    stop.set()
    for p in procs:
        p.join(timeout=30)
    server.stop()
    acked = []
    for path in logs:
        if os.path.exists(path):
            acked += [line.strip() for line in open(path) if line.strip()]
    con = sqlite3.connect(db)
    counts = dict(con.execute("SELECT note, count(*) FROM progress_updates WHERE note LIKE 'crash-test %' GROUP BY note"))
    audits = con.execute("SELECT count(*) FROM audit_log WHERE field = 'note' AND after LIKE 'crash-test %'").fetchone()[0]
    con.close()
    missing = [n for n in acked if counts.get(n, 0) != 1]
    t.check("acknowledged-updates-survive", len(acked) > 50 and not missing,
            f"{len(acked)} acknowledged, {len(missing)} missing or duplicated: {missing[:5]}")
    t.check("no-duplicates", all(c == 1 for c in counts.values()), "an update stored twice")
    t.check("audit-matches-history", audits == sum(counts.values()), f"{audits} audit entries, {sum(counts.values())} updates")
    print(f"crash: {killed} kills survived, {len(acked)} acknowledged updates checked, "
          f"{sum(counts.values())} stored", file=sys.stderr)
    return killed, len(acked)


def import_kill_test(binary, work, t, rounds=6):
    db = os.path.join(work, "import.db")
    sl(binary, db, "init")
    big = os.path.join(work, "big.csv")
    with open(big, "w") as f:
        f.write("plan,theme_ref,theme,ref,title,description,start,due,sro,leads,resources,measure,impact,status,rag,progress,recommendations\n")
        for i in range(40000):
            th = i // 1000 + 1
            f.write(f"Crash plan,{th},Theme {th},{th}.{i % 1000 + 1},Action {i},Description {i},Jul 17,31 Oct 17,AB,AB;CD,N/A,Measure {i},Impact {i},In progress,,Progress {i},{th}\n")
    import subprocess
    for r in range(rounds):
        p = subprocess.Popen([binary, "--db", db, "import", big], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(random.uniform(0.05, 0.6))
        p.kill()
        p.wait()
        check = sl(binary, db, "check")
        t.check(f"import-kill-{r}-integrity", check.returncode == 0, check.stderr)
        out = sl(binary, db, "plans", "--json")
        import json
        plans = json.loads(out.stdout or "[]")
        n = sum(p["actions"] for p in plans)
        t.check(f"import-kill-{r}-all-or-nothing", n in (0, 40000), f"{n} actions")


def main():
    binary = os.path.abspath(sys.argv[1])
    kills = int(os.environ.get("KILLS", "20"))
    work = tempfile.mkdtemp(prefix="sightline-crash.")
    t = Tally()
    try:
        kill_test(binary, work, t, kills)
        import_kill_test(binary, work, t)
    finally:
        shutil.rmtree(work)
    return t.finish()


if __name__ == "__main__":
    sys.exit(main())
