#!/usr/bin/env python3
"""HTTP tests of search (issue 13 item 7): /search?q= finds plans, actions,
progress updates, recommendations, measures and people, grouped by kind in
that order, each a link with its matched words marked; titles and the query
are escaped (a <script> title, a query that closes the attribute); query
syntax is only words; an empty or all-punctuation query says what to type;
a kind's results page by page; signed out, nothing (the sign-in page).
Every signed-in role may read every plan (routes.c: no per-plan scoping),
so a viewer and a lead get the same results.
usage: test_search.py SIGHTLINE_BINARY (tests/cli/pg_sl.sh on PostgreSQL).
Ends with "N passed, N failed"."""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import test_http as h  # noqa: E402  (the Client, sign-in and check helpers)

SL, ROOT = h.SL, h.ROOT
check = h.check


def sl(db, *args, stdin=None):
    return subprocess.run([SL, "--db", db, *args], capture_output=True, text=True, input=stdin)


def search(client, q, extra=""):
    return client.get("/search?q=" + urllib.parse.quote(q) + extra)


def groups(page):
    """The kinds of the result groups, in page order."""
    return re.findall(r'<h2 class="govuk-heading-m" id="([a-z]+)">', page)


def results(port, db):
    viewer, _, _ = h.sign_in(port, "viewer", "correct-horse-42")
    lead, _, _ = h.sign_in(port, "bp", "correct-horse-42")
    st, _, page = viewer.get("/")
    check("header-box", st == 200 and 'id="sl-header-q"' in page and 'action="/search"' in page, st)
    st, _, page = search(viewer, "strategic partner")
    check("action-found", st == 200 and groups(page) == ["action"] and "<mark>Strategic</mark>" in page
          and re.search(r'href="/actions/\d+"', page) and 'value="strategic partner"' in page, (st, groups(page)))
    check("title-has-query", "<title>Search: strategic partner" in page)
    # Grouped, in the order of kinds: actions before recommendations.
    st, _, page = search(viewer, "unplanned")
    check("grouped", st == 200 and groups(page)[:1] == ["action"] and "recommendation" in groups(page)
          and re.search(r'href="/plans/\d+/recommendations#rec-1"', page), groups(page))
    sl(db, "update", "1.4", "--plan", "1", "--note", "Wombatish visit <b>bold</b>", "--as-of", "2017-09-06")
    st, _, page = search(viewer, "wombatish")
    check("update-found", st == 200 and groups(page) == ["update"] and "<mark>Wombatish</mark> visit &lt;b&gt;bold"
          in page and "#history" in page, groups(page))
    st, _, page = search(viewer, "JH")
    check("person-found", st == 200 and "person" in groups(page) and 'href="/people"' in page, groups(page))
    # The same for every signed-in role.
    _, _, lead_page = search(lead, "unplanned")
    _, _, viewer_page = search(viewer, "unplanned")
    strip = lambda p: re.sub(r'<header.*?</section>', '', p, flags=re.S)  # noqa: E731 (menus differ by user)
    check("same-for-every-role", strip(lead_page) == strip(viewer_page))


def escaping(port, db):
    viewer, _, _ = h.sign_in(port, "viewer", "correct-horse-42")
    r = sl(db, "add-action", "--plan", "1", "--ref", "9.9", "--title", "<script>alert(1)</script> Xylophonic & co")
    check("script-title-added", r.returncode == 0, r.stderr)
    st, _, page = search(viewer, "xylophonic")
    check("title-escaped", st == 200 and "&lt;script&gt;alert(1)&lt;/script&gt; <mark>Xylophonic</mark> &amp; co"
          in page and "<script>alert" not in page, page[-800:])
    st, _, page = search(viewer, "script")
    # PostgreSQL's parser takes <script> for a tag and does not index it.
    check("mark-inside-escaped", st == 200 and "<script>" not in page and (
        "&lt;<mark>script</mark>&gt;" in page or (SL.endswith("pg_sl.sh") and 'id="no-results"' in page)))
    st, _, page = search(viewer, '"><script>x</script>')
    check("query-escaped", st == 200 and 'value="&quot;&gt;&lt;script&gt;x&lt;/script&gt;"' in page
          and "<script>x" not in page, st)


def odd_queries(port):
    viewer, _, _ = h.sign_in(port, "viewer", "correct-horse-42")
    st, _, page = viewer.get("/search")
    check("no-query", st == 200 and 'id="search-q"' in page and "no-words" not in page and not groups(page), st)
    st, _, page = search(viewer, '?!*()"')
    check("punctuation-says", st == 200 and 'id="no-words"' in page and "has no words to search for" in page, st)
    for q in ['NEAR(a b', 'title:partner', 'partner OR', 'a"b', '-x', '{a}:b', "o'brien", "\u00e9\u2019s"]:
        st, _, page = search(viewer, q)
        check(f"syntax-{q}", st == 200 and "could not be run" not in page, st)
    for raw in ["%FF%C0abc", "%00partner", "partner%0D%0ASet-Cookie:x=1", "a" * 4000, "%E2%80%99%E2%80%93"]:
        st, hd, page = viewer.get("/search?q=" + raw)
        check(f"hostile-{raw[:12]}", st == 200 and "could not be run" not in page and "x=1" not in hd.get("set-cookie", ""),
              st)
    st, _, page = search(viewer, "xyzzyplugh")
    check("no-results", st == 200 and 'id="no-results"' in page and not groups(page), st)
    st, _, page = search(viewer, "the")
    m = re.search(r'All (\d+) Actions', page)
    check("capped-with-count", st == 200 and m and page.count('<li><a class="govuk-link') <= 5 * 6, st)
    total = int(m.group(1)) if m else 0
    st, _, page = search(viewer, "the", "&kind=action&page=2")
    check("kind-page-2", st == 200 and groups(page) == ["action"] and f"Page 2 of {(total + 19) // 20}" in page
          and 'start="21"' in page and "Previous page" in page, st)
    st, _, page = search(viewer, "the", "&kind=action&page=x")
    check("bad-page-is-first", st == 200 and 'start="1"' in page, st)
    anon = h.Client(port)
    st, hd, page = search(anon, "partner")
    check("signed-out-gets-nothing", st == 303 and hd.get("location", "").startswith("/sign-in")
          and "Strategic" not in page, st)
    st, _, page = anon.get("/sign-in")
    check("no-box-signed-out", 'id="sl-header-q"' not in page)


def main():
    work = tempfile.mkdtemp(prefix="sightline-search.")
    db = os.path.join(work, "s.db")
    sl(db, "init")
    sl(db, "import", os.path.join(ROOT, "examples", "croydon-transitional-2017.csv"), "--authority", "Croydon")
    sl(db, "import", os.path.join(ROOT, "examples", "documents", "barking-dagenham-ofsted-action-plan-2014.txt"))
    for login, role, person in [("viewer", "viewer", ""), ("bp", "lead", "BP")]:
        r = sl(db, "user", "add", login, "--role", role, "--person", person, "--password-stdin",
               stdin="correct-horse-42\n")
        check(f"user-add-{login}", r.returncode == 0, r.stderr)
    try:
        with h.serving(db) as port:
            if port:
                results(port, db)
                escaping(port, db)
                odd_queries(port)
    finally:
        shutil.rmtree(work)
    print(f"{h.passed} passed, {h.failed} failed")
    return 0 if h.failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
