#!/usr/bin/env python3
"""HTTP tests of every page as of a day (issue 13 item 6): a plan with updates
on several days; the dashboard as of an earlier day shows that day's RAG
counts (the command line's `plans --as-of` figures) and no later update; the
links and GET forms of a past page carry the day and its write forms are
switched off; the page cache keeps today's and a past day's pages apart; a
date that is not one (or lies ahead) is refused with a clear message, never
read as today; a form sent from a past page changes nothing. Then a crawl of
every GET route of the page table, today and as of a past day: no ISO date and
no code (in-progress, focused-visit…) in the visible text of any page.
The server's clock is fixed (SIGHTLINE_NOW) so "today" is a known day.
usage: test_as_of.py SIGHTLINE_BINARY. Ends with "N passed, N failed"."""
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import test_http as h  # noqa: E402  (the Client, sign-in and check helpers)

SL, ROOT = h.SL, h.ROOT
check = h.check
NOW = "2017-10-15T09:00:00Z"
TODAY, PAST = "2017-10-15", "2017-09-05"
ENV = dict(os.environ, SIGHTLINE_NOW=NOW)
ISO = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
CODES = ["in-progress", "in_progress", "not-started", "on-track", "at-risk", "off-track", "signed-off",
         "carried-forward", "focused-visit", "monitoring-visit", "task-group", "very-high",
         "requires-improvement"]


def sl(db, *args, stdin=None):
    return subprocess.run([SL, "--db", db, *args], input=stdin, capture_output=True, text=True, env=ENV)


def setup(db, work):
    """A plan with updates on 20 September and 1 October 2017, an inspection,
    a measure with monthly figures, a board with meetings, a risk and users."""
    steps = [("init",),
             ("import", os.path.join(ROOT, "examples", "croydon-transitional-2017.csv"), "--authority", "Croydon"),
             ("import", os.path.join(ROOT, "examples", "inspections", "80471_halton_12-july-2024.txt")),
             ("update", "2.2", "--plan", "1", "--status", "complete", "--note", "Team in post", "--as-of", "2017-09-20"),
             ("update", "1.1", "--plan", "1", "--status", "at-risk", "--rag", "red", "--reason", "Panel moved",
              "--note", "A later note", "--as-of", "2017-10-01"),
             ("measure", "add", "ASMT", "--name", "Assessments in 45 days", "--unit", "percent", "--polarity",
              "higher", "--baseline", "75@2017-04-30", "--target", "90@2018-03-31"),
             ("board", "add", "Improvement Board", "--kind", "task-group", "--meets", "monthly", "--chair", "Jane Chair"),
             ("meeting", "add", "--board", "Improvement Board", "--date", "2017-09-05", "--time", "10:00"),
             ("meeting", "add", "--board", "Improvement Board", "--date", "2017-11-07"),
             ("risk", "add", "--title", "Agency staff costs", "--likelihood", "4", "--impact", "5", "--owner", "BP",
              "--review", "2017-12-31")]
    for args in steps:
        r = sl(db, *args)
        check(f"setup {' '.join(args[:2])}", r.returncode == 0, r.stderr)
    values = os.path.join(work, "v.csv")
    with open(values, "w") as f:
        f.write("code,period,value,series\nASMT,2017-07,80,actual\nASMT,2017-08,83,actual\nASMT,2017-09,86,actual\n")
    check("setup measures", sl(db, "measures", "load", values).returncode == 0)
    for login, role, person in [("admin", "admin", ""), ("bp", "lead", "BP")]:
        r = sl(db, "user", "add", login, "--role", role, "--person", person, "--password-stdin",
               stdin="correct-horse-42\n")
        check(f"user-add-{login}", r.returncode == 0, r.stderr)


def visible(page):
    """The text a person reads: tags stripped (attributes ignored), entities decoded."""
    page = re.sub(r"(?is)<(style|script)\b.*?</\1>", " ", page)
    return html.unescape(re.sub(r"<[^>]*>", " ", page))


def rag_counts(page):
    m = re.search(r"Red (\d+), Amber (\d+), Green (\d+), Blue (\d+), Grey (\d+)", page)
    return tuple(int(x) for x in m.groups()) if m else None


def cli_counts(db, as_of):
    plan = json.loads(sl(db, "plans", "--json", "--as-of", as_of).stdout)[0]["rag"]
    return tuple(plan[k] for k in ["red", "amber", "green", "blue", "grey"])


def internal_links(page):
    return [u for u in re.findall(r'href="(/[^"]*)"', page)
            if not re.match(r"/(static|assets|sign-in|sign-out|calendar\.ics)", u)]


def dashboard(admin, db):
    st, _, today = admin.get("/plans/1")
    st2, _, past = admin.get(f"/plans/1?as_of={PAST}")
    check("dashboard-today", st == 200 and rag_counts(today) == cli_counts(db, TODAY), (st, rag_counts(today)))
    check("dashboard-past-counts", st2 == 200 and rag_counts(past) == cli_counts(db, PAST)
          and rag_counts(past) != rag_counts(today), (st2, rag_counts(past), cli_counts(db, PAST)))
    check("past-banner", "You are viewing the plan as it stood on 5 September 2017" in visible(past))
    check("today-no-banner", "You are viewing the plan as it stood" not in visible(today))
    check("control-label", "Show the plan as it stood on" in today and 'name="as_of"' in today
          and 'type="date"' in today)
    back = re.search(r'href="([^"]*)">Show the plan as it stands today', past)
    check("banner-links-to-today", back and back.group(1) == f"/plans/1?as_of={TODAY}", back and back.group(1))
    links = internal_links(past)
    missing = [u for u in links if f"as_of={PAST}" not in u and "Show the plan as it stands today" not in u
               and u != f"/plans/1?as_of={TODAY}"]
    check("past-links-carry-as-of", links and not missing, missing[:5])
    check("today-links-bare", internal_links(today) and not any("as_of=" in u for u in internal_links(today)),
          [u for u in internal_links(today) if "as_of=" in u][:3])
    _, _, actions = admin.get(f"/plans/1/actions?as_of={PAST}")
    forms = re.findall(r'<form method="get"[^>]*>(.*?)</form>', actions, re.S)
    check("get-forms-carry-as-of", forms and all(f'name="as_of" value="{PAST}"' in f or 'name="as_of"' in f
                                                  for f in forms), len(forms))


def updates_as_of(admin):
    aid = h.action_id(admin, "1.1")
    _, _, today = admin.get(f"/actions/{aid}")
    _, _, past = admin.get(f"/actions/{aid}?as_of={PAST}")
    check("later-update-today", "A later note" in today)
    check("later-update-not-in-past", "A later note" not in past and "Panel moved" not in past)
    done = h.action_id(admin, "2.2")
    _, _, past = admin.get(f"/actions/{done}?as_of={PAST}")
    _, _, today = admin.get(f"/actions/{done}")
    check("status-as-of", "Team in post" not in past and "Team in post" in today)
    posts = re.findall(r'(<form method="post" action="([^"]*)"[^>]*>)(<fieldset[^>]*>)?', past)
    check("past-write-forms-off", posts and all(f[2] and "disabled" in f[2] for f in posts if f[1] != "/sign-out")
          and any(f[1] != "/sign-out" for f in posts), posts[:3])
    check("today-write-forms-on", "sl-past-form" not in today and 'action="/actions/%d/update"' % done in today)
    return done


def governance_as_of(admin, db):
    """The risk log as it stood: R1, added on 1 September and reviewed down on
    10 September, shows its first score on 5 September; R2, added on
    15 October, is not in the log on 5 September."""
    for now, args in [("2017-09-01T09:00:00Z", ["risk", "add", "--title", "Court delays", "--likelihood", "4",
                                                "--impact", "5", "--owner", "JN"]),
                      ("2017-09-10T09:00:00Z", ["risk", "update", "R2", "--likelihood", "2", "--impact", "2"])]:
        r = subprocess.run([SL, "--db", db, *args], capture_output=True, text=True, env=dict(ENV, SIGHTLINE_NOW=now))
        check(f"risk {args[1]}", r.returncode == 0, r.stderr)
    st, _, today = admin.get("/risks")
    _, _, past = admin.get(f"/risks?as_of={PAST}")
    check("risks-today", st == 200 and "Agency staff costs" in today and "2 × 2 = 4" in today)
    check("risk-not-yet-in-past", "Agency staff costs" not in past and "Court delays" in past)
    check("risk-score-as-of", "4 × 5 = 20" in past and "2 × 2 = 4" not in past)


def refused_post(admin, db, done):
    _, _, page = admin.get(f"/actions/{done}")
    csrf, version = h.hidden(page, "csrf"), h.hidden(page, "version")
    before = sl(db, "show", "2.2", "--plan", "1", "--json").stdout
    st, _, page = admin.post(f"/actions/{done}/update?as_of={PAST}", {"csrf": csrf, "version": version,
                                                                     "note": "Sent from the past"})
    after = sl(db, "show", "2.2", "--plan", "1", "--json").stdout
    check("past-post-refused", st == 409 and "cannot change the past" in page and before == after, st)


def cache(admin, db):
    pages = {}
    for key in ["today", "past", "today2", "past2"]:
        q = "" if key.startswith("today") else f"?as_of={PAST}"
        pages[key] = admin.get("/plans/1" + q)[2]
    check("cache-today-not-past", rag_counts(pages["today2"]) == cli_counts(db, TODAY)
          and "You are viewing the plan" not in pages["today2"], rag_counts(pages["today2"]))
    check("cache-past-not-today", rag_counts(pages["past2"]) == cli_counts(db, PAST)
          and "as it stood on 5 September 2017" in pages["past2"], rag_counts(pages["past2"]))
    # A past page served from the cache is the page made for it: its links carry the day once.
    strip = lambda page: re.sub(r'name="csrf" value="[^"]*"', "", page)  # noqa: E731
    check("cache-past-served-as-made", strip(pages["past"]) == strip(pages["past2"]))
    links = internal_links(pages["past2"])
    check("cache-past-links-carry-the-day-once", links and all(u.count("as_of=") <= 1 for u in links)
          and sum(1 for u in links if f"as_of={PAST}" in u) >= len(links) - 2, [u for u in links if u.count("as_of=") != 1][:3])
    # Another past day: its own page, not the first past day's.
    other = admin.get("/plans/1?as_of=2017-09-25")[2]
    check("cache-other-day", rag_counts(other) == cli_counts(db, "2017-09-25")
          and "as it stood on 25 September 2017" in other, rag_counts(other))


def refusals(admin):
    for value, words in [("2017-02-30", "Enter a real date"), ("31/09/21", "Enter a real date"),
                         ("yesterday", "Enter a date as a day, month and year"),
                         ("2017-12-01", "today's date or an earlier one"), ("<script>x</script>", "Enter a")]:
        for path in ["/plans/1", "/", "/plans/1/actions"]:
            st, _, page = admin.get(f"{path}?as_of={h.urllib.parse.quote(value)}")
            check(f"refused {value} {path}", st == 400 and words in visible(page) and "govuk-error-summary" in page
                  and "<script>x" not in page and "You are viewing the plan" not in visible(page), (st, visible(page)[:200]))
    st, _, page = admin.get("/plans/1?as_of=5%2F9%2F2017")
    check("uk-written-day-accepted", st == 200 and "as it stood on 5 September 2017" in visible(page), st)
    st, _, page = admin.get("/calendar?as_of=2017-12-01")
    check("calendar-looks-ahead", st == 200 and "You are looking ahead to 1 December 2017" in visible(page), st)


def crawl_paths(admin, aid):
    """Every GET route of the page table with its {id}s filled."""
    table = open(os.path.join(ROOT, "src", "web", "routes.c")).read()
    paths = re.findall(r'\{"GET", "([^"]+)", SL_ROLE_\w+, \w+', table)
    out = []
    for p in paths:
        # Machine formats, and the board papers' print view (src/report: its days
        # are still ISO, matched by the golden files; not yet converted).
        if p.endswith((".csv", ".ics")) or p in ("/sign-in", "/reports/output", "/evidence/{id}"):
            continue
        p = p.replace("/actions/{id}", f"/actions/{aid}").replace("{id}", "1")
        if p == "/measure":
            p = "/measure?code=ASMT"
        if p == "/measure/correct":     # a correction form needs a figure: the first the measure's page links to
            _, _, page = admin.get("/measure?code=ASMT")
            link = re.search(r'href="(/measure/correct\?[^"]+)"', page)
            if not link:
                continue
            p = html.unescape(link.group(1))
        out.append(p)
    return out


def crawl(admin, aid):
    paths = crawl_paths(admin, aid)
    check("crawl-has-routes", len(paths) >= 20, len(paths))
    for p in paths:
        for day in [None, PAST]:
            url = p if not day else p + ("&" if "?" in p else "?") + f"as_of={day}"
            st, _, page = admin.get(url)
            text = visible(page)
            isos = ISO.findall(text)
            codes = [c for c in CODES if re.search(r"(?<![\w-])%s(?![\w-])" % re.escape(c), text)]
            check(f"crawl {url} answers", st == 200, st)
            check(f"crawl {url} no ISO date", not isos, isos[:5])
            check(f"crawl {url} no codes", not codes, codes)


def main():
    # The whole run, the server included (h.serving inherits it), on the fixed clock.
    os.environ["SIGHTLINE_NOW"] = NOW
    work = tempfile.mkdtemp(prefix="sightline-asof.")
    db = os.path.join(work, "w.db")
    try:
        setup(db, work)
        with h.serving(db) as port:
            if port:
                admin, st, _ = h.sign_in(port, "admin", "correct-horse-42")
                check("sign-in", st == 303, st)
                dashboard(admin, db)
                done = updates_as_of(admin)
                refused_post(admin, db, done)
                governance_as_of(admin, db)
                cache(admin, db)
                refusals(admin)
                crawl(admin, done)
    finally:
        shutil.rmtree(work)
    print(f"{h.passed} passed, {h.failed} failed")
    return 0 if h.failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
