#!/usr/bin/env python3
"""Pagination of the list pages (issue 14, item 4), over HTTP, on a plan of
453 actions: 100 to a page with "Showing 101 to 200 of 453 actions", the
last page holding 53, the GOV.UK pagination links pointing at the right
pages and keeping the page's filters, a page past the last a 404 and a page
number that is not a number a 400; the same on My actions, the audit log
(paged in the store), people, recommendations and the risk log; the CSV
download still has every action.
usage: test_pagination.py SIGHTLINE-BINARY (tests/cli/pg_sl.sh with
SL_PG_URL, SL_REAL and SL_PG_MARKS set runs it on PostgreSQL)."""
import csv
import html
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
N = 453
HEADER = ["plan", "theme_ref", "theme", "ref", "title", "start", "due", "sro", "leads", "status", "recommendations"]


def write_plan(path):
    """A plan of N actions in 5 themes, every one led by BP; every third overdue-ish (due 2017)."""
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(HEADER)
        for i in range(N):
            theme = i % 5 + 1
            w.writerow(["Paging plan", str(theme), f"Theme {theme}", f"{theme}.{i + 1}", f"Action number {i + 1}",
                        "Jan 17", "Dec 17" if i % 3 == 0 else "Dec 30", "SM", "BP", "In progress", str(i % 150 + 1)])


def start(db, port):
    server = subprocess.Popen([h.SL, "--db", db, "serve", "--listen", f"127.0.0.1:{port}", "--threads", "2",
                               "--static", os.path.join(h.ROOT, "build", "static")],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    for _ in range(300):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.05)
    return server


def action_rows(page):
    return len(re.findall(r'<tr class="govuk-table__row"><td class="govuk-table__cell"><a class="govuk-link" '
                          r'href="/actions/\d+">', page))


def showing(page):
    """(first, last, total) of "Showing X to Y of Z", or None."""
    m = re.search(r"Showing <strong>(\d+)</strong> to <strong>(\d+)</strong> of <strong>(\d+)</strong>", page)
    return tuple(int(x) for x in m.groups()) if m else None


def nav(page):
    """The pagination component: {'prev': href, 'next': href, 'pages': {n: href}, 'current': n}."""
    m = re.search(r'<nav class="govuk-pagination" aria-label="Pagination">(.*?)</nav>', page, re.S)
    if not m:
        return None
    block = m.group(1)
    out = {"pages": {}, "current": None, "prev": None, "next": None}
    for href, rel in re.findall(r'href="([^"]+)" rel="(prev|next)"', block):
        out[rel] = html.unescape(href)
    for href, n, cur in re.findall(r'href="([^"]+)" aria-label="Page (\d+)"( aria-current="page")?', block):
        out["pages"][int(n)] = html.unescape(href)
        if cur:
            out["current"] = int(n)
    out["ellipses"] = block.count("govuk-pagination__item--ellipses")
    return out


def actions_list(admin):
    base = "/plans/1/actions"
    st, _, p1 = admin.get(base)
    h.check("page1-200", st == 200, st)
    h.check("page1-100-rows", action_rows(p1) == 100, action_rows(p1))
    h.check("page1-showing", showing(p1) == (1, 100, N), showing(p1))
    n1 = nav(p1)
    h.check("page1-nav", n1 is not None and n1["current"] == 1 and n1["prev"] is None and
            n1["next"] == base + "?page=2" and n1["pages"].get(5) == base + "?page=5", n1)
    st, _, p2 = admin.get(base + "?page=2")
    h.check("page2-showing", st == 200 and showing(p2) == (101, 200, N) and action_rows(p2) == 100, showing(p2))
    n2 = nav(p2)
    h.check("page2-prev-next", n2 and n2["prev"] == base + "?page=1" and n2["next"] == base + "?page=3", n2)
    ids1 = set(re.findall(r'href="/actions/(\d+)"', p1))
    ids2 = set(re.findall(r'href="/actions/(\d+)"', p2))
    h.check("pages-disjoint", ids1 and ids2 and not ids1 & ids2)
    st, _, p5 = admin.get(base + "?page=5")
    h.check("page5-53-rows", st == 200 and action_rows(p5) == 53 and showing(p5) == (401, 453, N),
            (st, action_rows(p5), showing(p5)))
    n5 = nav(p5)
    h.check("page5-no-next", n5 and n5["next"] is None and n5["prev"] == base + "?page=4" and n5["current"] == 5, n5)
    all_ids = set()
    for n in range(1, 6):
        _, _, pg = admin.get(f"{base}?page={n}")
        all_ids |= set(re.findall(r'href="/actions/(\d+)"', pg))
    h.check("every-action-on-some-page", len(all_ids) == N, len(all_ids))
    _, _, p3 = admin.get(base + "?page=3")
    n3 = nav(p3)
    h.check("page3-window", n3 and sorted(n3["pages"]) == [1, 2, 3, 4, 5] and n3["current"] == 3, n3)
    for bad, want in (("?page=6", 404), ("?page=999999", 404), ("?page=0", 400), ("?page=x", 400),
                      ("?page=-1", 400), ("?page=2abc", 400)):
        st, _, page = admin.get(base + bad)
        h.check(f"out-of-range{bad}", st == want, st)
    st, _, page = admin.get(base + "?page=6")
    h.check("404-says-pages", "it has 5 pages" in page, page[-400:])
    # Filters stay on the links; a filtered list of 151 has 2 pages.
    st, _, f1 = admin.get(base + "?theme=1&sort=due")
    nf = nav(f1)
    h.check("filtered-total", showing(f1) == (1, 91, 91), showing(f1))
    st, _, f2 = admin.get(base + "?lead=BP&sort=due")
    nf = nav(f2)
    h.check("filter-kept-on-links", nf and nf["next"] and "lead=BP" in nf["next"] and "sort=due" in nf["next"] and
            "page=2" in nf["next"], nf)
    _, _, f2b = admin.get(nf["next"] if nf and nf["next"] else base)
    h.check("filtered-page2", showing(f2b) == (101, 200, N), showing(f2b))
    st, head, csv_text = admin.get("/plans/1/actions.csv")
    h.check("csv-has-every-action", st == 200 and csv_text.count("\r\n") == N + 1, csv_text.count("\r\n"))
    rows = list(csv.reader(csv_text.lstrip("\ufeff").splitlines()))
    h.check("csv-rows-whole", rows[0][0] == "plan" and len(rows) == N + 1 and all(len(r) == 13 for r in rows) and
            rows[-1][4].startswith("Action number"), rows[-1] if rows else None)
    h.check("csv-streamed", head.get("transfer-encoding") == "chunked" and "content-length" not in head and
            head.get("content-disposition", "").startswith("attachment"), head)
    st, head, body = admin.request("HEAD", "/plans/1/actions.csv")
    h.check("csv-head", st == 200 and body == "" and head.get("content-type", "").startswith("text/csv"), (st, head))
    st, _, filtered = admin.get("/plans/1/actions.csv?theme=1")
    h.check("csv-filtered", st == 200 and filtered.count("\r\n") == 92, filtered.count("\r\n"))


def other_lists(admin, bp):
    st, _, page = bp.get("/my-actions")
    h.check("my-actions-paged", st == 200 and showing(page) == (1, 100, N) and action_rows(page) == 100,
            (st, showing(page)))
    st, _, page = bp.get("/my-actions?page=5")
    h.check("my-actions-last", st == 200 and action_rows(page) == 53, action_rows(page))
    st, _, page = admin.get("/plans/1/recommendations")
    h.check("recommendations-paged", st == 200 and showing(page) == (1, 100, 150) and nav(page), showing(page))
    st, _, page = admin.get("/plans/1/recommendations?page=2")
    h.check("recommendations-page2", st == 200 and showing(page) == (101, 150, 150) and
            page.count('id="rec-') == 50, showing(page))
    st, _, page = admin.get("/plans/1/recommendations?page=3")
    h.check("recommendations-past-end", st == 404, st)
    st, _, page = admin.get("/audit")
    total = showing(page)[2] if showing(page) else 0
    h.check("audit-paged", st == 200 and total > 100 and page.count('<td class="govuk-table__cell sl-pre">') == 100,
            (st, showing(page)))
    last = (total + 99) // 100
    st, _, page = admin.get(f"/audit?page={last}")
    h.check("audit-last-page", st == 200 and page.count('<td class="govuk-table__cell sl-pre">') == total - 100 * (last - 1),
            showing(page))
    st, _, page = bp.get("/audit")
    h.check("audit-own-only-total", st == 200 and showing(page) is None and "No of your changes" in page,
            page[page.find("<h1"):page.find("<h1") + 300])
    st, _, page = admin.get("/people")
    h.check("people-summary", st == 200 and showing(page) is not None and nav(page) is None, showing(page))
    st, _, page = admin.get("/people?page=2")
    h.check("people-past-end", st == 404, st)
    st, _, page = admin.get("/risks")
    h.check("risks-empty", st == 200 and "No risks." in page, st)
    st, _, page = admin.get("/inspections?page=1")
    h.check("inspections-page1", st == 200, st)


def main():
    work = tempfile.mkdtemp(prefix="sightline-paging.")
    db = os.path.join(work, "p.db")
    plan = os.path.join(work, "plan.csv")
    write_plan(plan)
    h.sl(db, "init")
    r = h.sl(db, "import", plan, "--authority", "Croydon")
    h.check("import-453", r.returncode == 0, r.stderr[-300:])
    h.sl(db, "user", "add", "admin", "--role", "admin", "--password-stdin", stdin=PASSWORD + "\n")
    h.sl(db, "user", "add", "bp", "--role", "lead", "--person", "BP", "--password-stdin", stdin=PASSWORD + "\n")
    # 250 more audit entries by admin, so that the audit log runs to several pages.
    h.db_sql(db, "INSERT INTO audit_log (at, actor, operation, entity, entity_id, field, before, after) "
                 "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 250) "
                 "SELECT '2026-01-01T00:00:00Z', 'admin', 'note', 'plan', 1, '', NULL, 'filler ' || i FROM n")
    port = h.free_port()
    server = start(db, port)
    try:
        admin, st, _ = h.sign_in(port, "admin", PASSWORD)
        bp, st2, _ = h.sign_in(port, "bp", PASSWORD)
        h.check("signed-in", st == 303 and st2 == 303, (st, st2))
        actions_list(admin)
        other_lists(admin, bp)
    finally:
        server.terminate()
        try:
            server.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.communicate()
    shutil.rmtree(work, ignore_errors=True)
    print(f"{h.passed} passed, {h.failed} failed")
    return 0 if h.failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
