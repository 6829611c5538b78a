#!/usr/bin/env python3
"""Concurrency: 16 client processes update the same 10 actions for SECONDS
(default 30). Every update is applied (303) or refused as stale (409);
history and audit log count exactly the applied ones; no lost update, no
duplicate, no deadlock (every client finishes), no error 500.
usage: test_concurrency.py SIGHTLINE_BINARY"""
import multiprocessing
import os
import random
import shutil
import sqlite3
import sys
import tempfile
import time

from common import Client, Server, Tally, form_fields, prepare

CLIENTS = 16


def client_loop(port, action_ids, seconds, result_path):
    """Posts updates until time runs out; writes applied notes, counts of 409s and other statuses."""
    client = Client(port)
    applied, stale, other = [], 0, {}
    if not client.sign_in("writer"):
        other["sign-in"] = 1
    deadline = time.time() + seconds
    seq = 0
    while time.time() < deadline:
        aid = random.choice(action_ids)
        try:
            status, page = client.request("GET", f"/actions/{aid}")
            csrf, version = form_fields(page)
            seq += 1
            note = f"concurrent {os.getpid()}-{seq}"
            status, _ = client.request("POST", f"/actions/{aid}/update", {"csrf": csrf, "version": version, "note": note})
        except OSError as e:
            other[str(e)[:40]] = other.get(str(e)[:40], 0) + 1
            continue
        if status == 303:
            applied.append(note)
        elif status == 409:
            stale += 1
        else:
            other[str(status)] = other.get(str(status), 0) + 1
    with open(result_path, "w") as f:
        f.write(f"{stale}\n{other!r}\n")
        f.write("\n".join(applied))


def main():
    binary = os.path.abspath(sys.argv[1])
    seconds = float(os.environ.get("SECONDS_PER_RUN", "30"))
    work = tempfile.mkdtemp(prefix="sightline-concurrency.")
    t = Tally()
    try:
        db = os.path.join(work, "c.db")
        prepare(binary, db)
        con = sqlite3.connect(db)
        action_ids = [r[0] for r in con.execute("SELECT id FROM actions ORDER BY id LIMIT 10")]
        audit_before = con.execute("SELECT count(*) FROM audit_log").fetchone()[0]
        con.close()
        server = Server(binary, db)
        t.check("server-starts", server.start())
        results = [os.path.join(work, f"r{i}") for i in range(CLIENTS)]
        procs = [multiprocessing.Process(target=client_loop, args=(server.port, action_ids, seconds, results[i]))
                 for i in range(CLIENTS)]
        for p in procs:
            p.start()
        for p in procs:
            p.join(timeout=seconds + 60)
        t.check("no-deadlock", all(not p.is_alive() for p in procs), "a client never finished")
        for p in procs:
            if p.is_alive():
                p.kill()
        t.check("server-exits", server.stop() == 0)
        applied, stale, other = [], 0, {}
        for path in results:
            lines = open(path).read().split("\n")
            stale += int(lines[0])
            for k, v in eval(lines[1]).items():
                other[k] = other.get(k, 0) + v
            applied += [x for x in lines[2:] if x]
        con = sqlite3.connect(db)
        stored = [r[0] for r in con.execute("SELECT note FROM progress_updates WHERE note LIKE 'concurrent %'")]
        audits = con.execute("SELECT count(*) FROM audit_log WHERE field = 'note' AND after LIKE 'concurrent %'").fetchone()[0]
        status_audits = con.execute("SELECT count(*) FROM audit_log").fetchone()[0] - audit_before
        versions = con.execute("SELECT sum(version - 1) FROM actions WHERE id IN (%s)" % ",".join(map(str, action_ids))).fetchone()[0]
        con.close()
        t.check("only-applied-or-stale", not other, f"other outcomes: {other}")
        t.check("history-counts-applied", sorted(stored) == sorted(applied),
                f"{len(stored)} stored, {len(applied)} applied")
        # A note-only update keeps the status: its one audit entry is the note.
        t.check("audit-counts-applied", audits == len(applied) and status_audits == len(applied),
                f"{audits} note entries, {status_audits} entries in all, {len(applied)} applied")
        t.check("versions-count-applied", versions == len(applied), f"{versions} version steps")
        t.check("work-was-done", len(applied) > 100 and stale > 0, f"{len(applied)} applied, {stale} stale")
        print(f"concurrency: {CLIENTS} clients, {seconds:.0f}s, {len(applied)} applied, {stale} refused as stale",
              file=sys.stderr)
    finally:
        shutil.rmtree(work)
    return t.finish()


if __name__ == "__main__":
    sys.exit(main())
