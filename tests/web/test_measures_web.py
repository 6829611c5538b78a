#!/usr/bin/env python3
"""HTTP tests of a measure's figures in the browser (issue 13, item 8): a lead
enters a month's figure from the measure page (CSRF checked); a bad figure,
a period that has not begun, a missing source and a figure already recorded
come back (400, 409) with the message beside the field and every field as
typed, the database unchanged; viewers and board members are refused (403)
and see no form; a correction keeps the old value in the history on the
page; a correction made on a version no longer current is refused (409) with
a clear message and what was typed kept; the scorecard shows comparators and
which way is good. Runs on PostgreSQL too (SL = tests/cli/pg_sl.sh).
usage: test_measures_web.py SIGHTLINE_BINARY. Ends with "N passed, N failed"."""
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

SL = h.SL
check = h.check
os.environ["SIGHTLINE_NOW"] = "2024-06-15T10:00:00Z"   # figures up to June 2024 have begun
PASSWORD = "correct-horse-42"


def sl(db, *args, stdin=None):
    return subprocess.run([SL, "--db", db, *args], input=stdin, capture_output=True, text=True)


def latest(db, code):
    d = json.loads(sl(db, "measure", "show", code, "--json", "--as-of", "2024-06-15").stdout)
    return d["latest"]["value"] if d.get("latest") else None


def stored(db):
    """What a refusal must leave alone: every value and version, and the history."""
    return sl(db, "measure", "show", "ASMT", "--as-of", "2024-06-15").stdout + sl(db, "measure", "history",
                                                                                   "ASMT").stdout


def field_error(page, name):
    m = re.search(r'<p id="%s-error" class="govuk-error-message">(.*?)</p>' % re.escape(name), page, re.S)
    return html.unescape(re.sub(r"<[^>]+>", "", m.group(1))) if m else ""


def value_of(page, name):
    m = re.search(r'<input[^>]*name="%s"[^>]*value="([^"]*)"' % re.escape(name), page)
    if m:
        return html.unescape(m.group(1))
    m = re.search(r'<textarea[^>]*name="%s"[^>]*>([^<]*)</textarea>' % re.escape(name), page)
    return html.unescape(m.group(1)) if m else None


def form_of(page, action):
    m = re.search(r'<form[^>]*action="%s"[^>]*>(.*?)</form>' % re.escape(action), page, re.S)
    body = m.group(1) if m else ""
    return {k: html.unescape(v) for k, v in re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', body)}


def entering(port, db):
    bp, _, _ = h.sign_in(port, "bp", PASSWORD)
    st, _, page = bp.get("/measure?code=ASMT")
    check("lead-sees-form", st == 200 and 'action="/measure/figures"' in page, st)
    base = form_of(page, "/measure/figures")
    check("form-has-csrf-and-code", base.get("csrf") and base.get("code") == "ASMT", base)
    before = stored(db)
    bad = [("bad-number", dict(period="2024-05", value="61,5"), "value", "decimals with a point", 400),
           ("not-a-number", dict(period="2024-05", value="lots"), "value", "Enter a number", 400),
           ("over-100", dict(period="2024-05", value="140%"), "value", "above 100", 400),
           ("n-a", dict(period="2024-05", value="N/A"), "value", "Enter the figure", 400),
           ("future", dict(period="2024-07", value="61"), "period", "has not begun", 400),
           ("bad-month", dict(period="2024-13", value="61"), "period", "Enter the period as a month", 400),
           ("no-source", dict(period="2024-05", value="61", source=""), "source", "Say where the figure", 400),
           ("long-note", dict(period="2024-05", value="61", note="n" * 2001), "note", "at most 2000", 400),
           ("already", dict(period="2024-04", value="61"), "period", "already recorded", 409)]
    for name, fields, field, words, want in bad:
        sent = dict(base, period="", value="", source="Liquidlogic extract", note="Two teams late")
        sent.update(fields)
        st, _, page = bp.post("/measure/figures", sent)
        kept = all(value_of(page, k) == sent[k] for k in ("period", "value", "source", "note"))
        check(f"refused-{name}", st == want and words in field_error(page, field) and kept
              and "govuk-error-summary" in page, (st, field_error(page, field), [value_of(page, k) for k in
                                                                                 ("period", "value", "source")]))
    check("refusals-change-nothing", stored(db) == before)
    st, _, page = bp.post("/measure/figures", dict(base, csrf="0" * 64, period="2024-05", value="61", source="x"))
    check("csrf-checked", st == 403 and stored(db) == before, st)
    st, hd, _ = bp.post("/measure/figures", dict(base, period="May 2024", value="61.5%", source="Liquidlogic extract",
                                                 note="Two teams late"))
    check("entered", st == 303 and "/measure?code=ASMT&done=entered&period=2024-05" in hd.get("location", "")
          and latest(db, "ASMT") == 61.5, (st, hd.get("location")))
    _, _, page = bp.get("/measure?code=ASMT&done=entered&period=2024-05")
    check("entered-banner-and-history", "The figure for May 2024 was entered" in page and "61.5%" in page
          and "Liquidlogic extract" in page and "Two teams late" in page, page[-400:])
    return bp


def refusals(port, db):
    before = stored(db)
    for login in ("viewer", "board"):
        c, _, _ = h.sign_in(port, login, PASSWORD)
        st, _, page = c.get("/measure?code=ASMT")
        check(f"{login}-reads-no-form", st == 200 and 'action="/measure/figures"' not in page
              and "/measure/correct" not in page, st)
        csrf = h.hidden(page, "csrf")
        st, _, _ = c.post("/measure/figures", dict(csrf=csrf, code="ASMT", period="2024-03", value="50", source="x"))
        check(f"{login}-enter-403", st == 403, st)
        st, _, _ = c.get("/measure/correct?code=ASMT&period=2024-05")
        check(f"{login}-correct-page-403", st == 403, st)
        st, _, _ = c.post("/measure/correct", dict(csrf=csrf, code="ASMT", period="2024-05", version="1",
                                                   value="50", source="x", reason="y"))
        check(f"{login}-correct-403", st == 403, st)
    anon = h.Client(port)
    st, hd, _ = anon.post("/measure/figures", dict(code="ASMT", period="2024-03", value="50", source="x"))
    check("anonymous-to-sign-in", st == 303 and hd.get("location", "").startswith("/sign-in"), st)
    check("refused-roles-change-nothing", stored(db) == before)


def correcting(port, db, bp):
    st, _, page = bp.get("/measure?code=ASMT")
    check("correct-link", 'href="/measure/correct?code=ASMT&amp;period=2024-05"' in page, st)
    st, _, page = bp.get("/measure/correct?code=ASMT&period=2024-05")
    form = form_of(page, "/measure/correct")
    check("correct-form", st == 200 and form.get("version") == "1" and value_of(page, "value") == "61.5", form)
    before = stored(db)
    st, _, page = bp.post("/measure/correct", dict(form, value="63", source="Extract rerun", reason="", note=""))
    check("correct-needs-reason", st == 400 and "Say why the figure is corrected" in field_error(page, "reason")
          and value_of(page, "value") == "63" and value_of(page, "source") == "Extract rerun"
          and form_of(page, "/measure/correct").get("version") == "1" and stored(db) == before, st)
    st, _, _ = bp.post("/measure/correct", dict(form, value="63", source="Extract rerun", reason="Late recording"))
    check("corrected", st == 303 and latest(db, "ASMT") == 63, st)
    # The same form again (made on version 1): refused, what was typed kept, nothing changed.
    before = stored(db)
    st, _, page = bp.post("/measure/correct", dict(form, value="64", source="Second look", reason="Rounding",
                                                   note="checked twice"))
    check("stale-refused", st == 409 and "Someone changed this figure while you were correcting it" in page
          and value_of(page, "value") == "64" and value_of(page, "reason") == "Rounding"
          and value_of(page, "note") == "checked twice" and "Recorded now: <strong>63%</strong>" in page
          and form_of(page, "/measure/correct").get("version") == "2" and stored(db) == before, st)
    st, _, _ = bp.post("/measure/correct", dict(form, version="", value="64", source="x", reason="r"))
    check("no-version-is-stale", st == 409 and latest(db, "ASMT") == 63, st)
    _, _, page = bp.get("/measure?code=ASMT")
    hist = page[page.find('id="history"'):]
    row = re.search(r"<tr[^>]*>(?:(?!</tr>).)*corrected(?:(?!</tr>).)*</tr>", hist, re.S)
    text = html.unescape(re.sub(r"<[^>]+>", " ", row.group(0))) if row else ""
    check("history-shows-old-value", row and "63%" in text and "61.5%" in text and "bp" in text
          and "Late recording" in text and "Extract rerun" in text and "15 Jun 2024, 11:00 BST" in text, text)
    st, _, _ = bp.get("/measure/correct?code=ASMT&period=2024-02")
    check("correct-nothing-404", st == 404, st)
    st, _, _ = bp.get("/measure/correct?code=NOPE&period=2024-05")
    check("correct-unknown-404", st == 404, st)
    st, _, page = bp.get("/measure/correct?code=ASMT&period=2024-05")
    st, _, _ = bp.post("/measure/correct", dict(form_of(page, "/measure/correct"), period="2024-02", value="1",
                                                source="x", reason="r"))
    check("correct-missing-period-404", st == 404 and latest(db, "ASMT") == 63, st)


def scorecard(bp):
    st, _, page = bp.get("/measures")
    heads = re.findall(r'<th scope="col" class="govuk-table__header">([^<]+)</th>', page)
    check("scorecard-columns", st == 200 and all(w in heads for w in ("Good is", "England", "Statistical neighbours")),
          heads)
    row = re.search(r'<tr class="govuk-table__row"><td class="govuk-table__cell"><a class="govuk-link" '
                    r'href="/measure\?code=ASMT">.*?</tr>', page, re.S)
    text = html.unescape(re.sub(r"<[^>]+>", " ", row.group(0))) if row else ""
    check("scorecard-asmt-row", "Higher" in text and "58%" in text and "66%" in text and "ours better" in text
          and "ours worse" in text, text)


def main():
    work = tempfile.mkdtemp(prefix="sightline-measures-web.")
    db = os.path.join(work, "m.db")
    sl(db, "init")
    sl(db, "measure", "add", "ASMT", "--name", "Assessments in 45 days", "--unit", "percent", "--polarity", "higher",
       "--baseline", "55@2023-10-01", "--target", "70@2025-03-31")
    values = os.path.join(work, "v.csv")
    with open(values, "w", encoding="utf-8") as f:
        f.write("code,period,value,series\nASMT,2024-03,59,actual\nASMT,2024-04,60,actual\n"
                "ASMT,2023/24,58,england\nASMT,2023/24,66,statistical-neighbours\n")
    r = sl(db, "measures", "load", values)
    check("values-loaded", r.returncode == 0, r.stderr)
    for login, role in [("bp", "lead"), ("board", "board"), ("viewer", "viewer")]:
        r = sl(db, "user", "add", login, "--role", role, "--password-stdin", stdin=PASSWORD + "\n")
        check(f"user-add-{login}", r.returncode == 0, r.stderr)
    try:
        with h.serving(db) as port:
            if port:
                bp = entering(port, db)
                refusals(port, db)
                correcting(port, db, bp)
                scorecard(bp)
    finally:
        shutil.rmtree(work)
    print(f"{h.passed} passed, {h.failed} failed")
    return 0 if h.failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
