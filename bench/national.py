#!/usr/bin/env python3
"""The national benchmark (issue 16) on one database: bench/national.sh runs
it once per backend and prints the table.

usage: national.py SIGHTLINE MEASURE DB RESULTS.json
  DB is a SQLite file or a postgresql:// URL (an empty database).
Environment: NATIONAL_AUTHORITIES (153), NATIONAL_YEARS (5), NATIONAL_SEED (1),
NATIONAL_WEB_SECONDS (10); NATIONAL_REUSE=1 measures a database gen already
wrote with those numbers (no generation).

Each command runs in a fresh process through bench/measure.c (wall time and
the process's own peak RSS); a case's figure is the median of its runs. The
web figures come from `serve` (2 threads) and wrk at 32 connections: with two
server processes on the same database, two wrk runs of 16 connections each,
one per server, at the same time, summed.
"""
import datetime
import json
import os
import re
import socket
import statistics
import subprocess
import sys
import time

if sys.argv[1] == "--wrk":
    SL = MEASURE = DB = OUT = None
else:
    SL, MEASURE, DB, OUT = sys.argv[1:5]
N = int(os.environ.get("NATIONAL_AUTHORITIES", "153"))
YEARS = int(os.environ.get("NATIONAL_YEARS", "5"))
SEED = os.environ.get("NATIONAL_SEED", "1")
WEB_SECONDS = int(os.environ.get("NATIONAL_WEB_SECONDS", "10"))
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
START = datetime.date(2021, 4, 1)
END = START + datetime.timedelta(days=365 * YEARS - 1)
AS_OF = END.isoformat()
# The board pack looks ahead from five weeks before the end: its next meeting is there.
PACK_AS_OF = (END - datetime.timedelta(days=35)).isoformat()
ENV = dict(os.environ, SIGHTLINE_NOW="2021-04-01T08:00:00Z")
results = {}


def run(args, runs=1):
    """Runs sightline ARGS `runs` times; returns (median seconds, max peak KiB,
    median CPU seconds)."""
    times, peaks, cpus = [], [], []
    for _ in range(runs):
        r = subprocess.run([MEASURE, SL, "--db", DB, *args], capture_output=True, text=True, env=ENV)
        if r.returncode != 0:
            sys.exit(f"national bench: sightline {' '.join(args)} failed: {r.stderr}")
        fields = r.stdout.split()
        times.append(float(fields[0]))
        peaks.append(int(fields[1]))
        cpus.append(float(fields[2]) if len(fields) > 2 else 0.0)
    return statistics.median(times), max(peaks), statistics.median(cpus)


def output(args):
    """Returns sightline ARGS's standard output."""
    return subprocess.run([SL, "--db", DB, *args], capture_output=True, text=True, env=ENV,
                          check=True).stdout


def record(key, seconds, kib=None, cpu=None):
    """Keeps a case's figure, its peak memory and its CPU time."""
    results[key] = seconds
    if cpu:
        results[key + "_cpu"] = cpu
    if kib is not None:
        results["peak_kib"] = max(results.get("peak_kib", 0), kib)
        results[key + "_kib"] = kib


def db_size():
    """Returns the database's size in bytes (a file and its WAL, or pg_database_size)."""
    if DB.startswith("postgres"):
        q = subprocess.run(["psql", "-qtAX", DB, "-c", "SELECT pg_database_size(current_database())"],
                           capture_output=True, text=True, check=True)
        return int(q.stdout.strip())
    return sum(os.path.getsize(p) for p in (DB, DB + "-wal") if os.path.exists(p))


def count_updates():
    """Returns how many progress updates the database holds."""
    sql = "SELECT count(*) FROM progress_updates"
    argv = ["psql", "-qtAX", DB, "-c", sql] if DB.startswith("postgres") else ["sqlite3", DB, sql]
    return int(subprocess.run(argv, capture_output=True, text=True, check=True).stdout.strip())


def cli_cases():
    """Generation, size and the command-line cases."""
    results["load_before"] = os.getloadavg()[0]
    if os.environ.get("NATIONAL_REUSE") != "1":
        record("gen", *run(["gen", "--authorities", str(N), "--years", str(YEARS), "--seed", SEED]))
    results["size"] = db_size()
    plans = json.loads(output(["plans", "--json", "--as-of", AS_OF]))
    results["updates"] = count_updates()
    council = plans[len(plans) // 2]
    results["council"] = council["authority"]
    pid = str(council["id"])
    record("summary", *run(["summary", "--json", "--as-of", AS_OF], runs=3))
    record("dashboard_cli", *run(["actions", "--plan", pid, "--json", "--as-of", AS_OF], runs=5))
    board = f"{council['authority']} Improvement Board"
    record("board_pack", *run(["report", "board", "--plan", pid, "--board", board, "--as-of",
                               PACK_AS_OF, "--days", "60", "--format", "html"], runs=3))
    record("overdue", *run(["actions", "--overdue", "--json", "--as-of", AS_OF], runs=3))
    return [p["id"] for p in plans]


def free_port():
    """Returns a loopback port nobody listens on now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server():
    """Starts `serve` on a free port; returns (process, base URL) once it answers."""
    port = free_port()
    p = subprocess.Popen([SL, "--db", DB, "serve", "--listen", f"127.0.0.1:{port}", "--threads", "2",
                          "--static", os.path.join(ROOT, "build", "static")],
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV)
    base = f"http://127.0.0.1:{port}"
    for _ in range(200):
        if subprocess.run(["curl", "-sf", "-o", "/dev/null", base + "/sign-in"]).returncode == 0:
            return p, base
        time.sleep(0.05)
    p.kill()
    sys.exit("national bench: serve did not start")


def sign_in(base):
    """Signs the bench user in; returns the session cookie."""
    page = subprocess.run(["curl", "-s", base + "/sign-in"], capture_output=True, text=True).stdout
    token = re.search(r'name="csrf" value="([^"]*)"', page).group(1)
    head = subprocess.run(["curl", "-s", "-D", "-", "-o", "/dev/null", "--data-urlencode", f"csrf={token}",
                           "--data-urlencode", "login=bench", "--data-urlencode",
                           "password=bench-password-1", base + "/sign-in"],
                          capture_output=True, text=True).stdout
    return re.search(r"Set-Cookie: ([^;]*)", head, re.I).group(1)


def fetch_seconds(url, cookie):
    """Fetches url once; returns its time to the last byte in seconds."""
    r = subprocess.run(["curl", "-s", "-o", "/dev/null", "-w", "%{http_code} %{time_total}", "-H",
                        f"Cookie: {cookie}", url], capture_output=True, text=True)
    code, t = r.stdout.split()
    if code != "200":
        sys.exit(f"national bench: {url} answered {code}")
    return float(t)


def wrk(url, cookie, connections):
    """Runs wrk on url; returns requests/s (0 when any answer was not 2xx)."""
    r = subprocess.run(["wrk", "-t2" if connections > 16 else "-t1", f"-c{connections}",
                        f"-d{WEB_SECONDS}s", "-H", f"Cookie: {cookie}", url],
                       capture_output=True, text=True)
    if "Non-2xx" in r.stdout:
        print(f"national bench: wrk saw errors on {url}:\n{r.stdout}", file=sys.stderr)
    m = re.search(r"Requests/sec:\s*([\d.]+)", r.stdout)
    return float(m.group(1)) if m else 0.0


def peak_rss(p):
    """Returns a running process's peak resident memory in KiB."""
    with open(f"/proc/{p.pid}/status") as f:
        return int(re.search(r"VmHWM:\s*(\d+)", f.read()).group(1))


def web_cases(plan_ids):
    """Dashboard latency uncached, then requests/s with one and two servers."""
    # (Already there when NATIONAL_REUSE measures a database again.)
    subprocess.run([SL, "--db", DB, "user", "add", "bench", "--role", "viewer", "--password-stdin"],
                   input="bench-password-1\n", text=True, capture_output=True, env=ENV)
    one, base = start_server()
    two = None
    try:
        cookie = sign_in(base)
        # Each worker thread opens its connection on its first request: not timed.
        for _ in range(4):
            fetch_seconds(base + "/", cookie)
        # The first request for each dashboard: nothing cached yet.
        picks = plan_ids[:: max(1, len(plan_ids) // 7)][:7]
        results["dashboard_web"] = statistics.median(fetch_seconds(f"{base}/plans/{i}", cookie) for i in picks)
        url = f"/plans/{plan_ids[len(plan_ids) // 2]}"
        fetch_seconds(base + url, cookie)
        results["rps_one"] = wrk(base + url, cookie, 32)
        two, base2 = start_server()
        fetch_seconds(base2 + url, cookie)
        w = [subprocess.Popen([sys.executable, __file__, "--wrk", b + url, cookie], stdout=subprocess.PIPE,
                              text=True) for b in (base, base2)]
        results["rps_two"] = sum(float(p.communicate()[0]) for p in w)
        results["serve_kib"] = max(peak_rss(one), peak_rss(two))
        results["peak_kib"] = max(results.get("peak_kib", 0), results["serve_kib"])
    finally:
        for p in (one, two):
            if p:
                p.terminate()
                p.wait()


def main():
    if sys.argv[1] == "--wrk":
        print(wrk(sys.argv[2], sys.argv[3], 16))
        return
    results["backend"] = "postgresql" if DB.startswith("postgres") else "sqlite"
    results["authorities"], results["years"] = N, YEARS
    plan_ids = cli_cases()
    web_cases(plan_ids)
    results["load_after"] = os.getloadavg()[0]
    with open(OUT, "w") as f:
        json.dump(results, f)


if __name__ == "__main__":
    main()
