#!/usr/bin/env python3
"""HTTP tests of the action page's forms that must never lose work (issue 13):
a note-only update keeps the status, sign-off and manual RAG; the status list
holds only the moves allowed from where the action stands; a manual RAG holds
until cleared or its review day, with the computed RAG beside it; a refused
form comes back with what was typed and the error beside the field; editing
fields, adding and withdrawing actions, with history and optimistic locking.
usage: test_edit.py SIGHTLINE_BINARY. Ends with "N passed, N failed"."""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import test_http as h  # noqa: E402  (the Client, sign-in and check helpers)
import http.client  # noqa: E402,F401

SL, ROOT = h.SL, h.ROOT
check = h.check


def sl(db, *args):
    return subprocess.run([SL, "--db", db, *args], capture_output=True, text=True)


def action(db, ref, as_of=None):
    args = ["actions", "--json", "--plan", "1"] + (["--as-of", as_of] if as_of else [])
    return next((a for a in json.loads(sl(db, *args).stdout) if a["ref"] == ref), None)


def show(db, ref):
    return json.loads(sl(db, "show", ref, "--plan", "1", "--json").stdout)


def status_options(page):
    m = re.search(r'<select[^>]*name="status"[^>]*>(.*?)</select>', page, re.S)
    return re.findall(r'<option value="([^"]*)"', m.group(1)) if m else None


def form(page, action_suffix):
    """The hidden csrf and version of the form posting to action_suffix."""
    m = re.search(r'<form[^>]*action="[^"]*%s"[^>]*>(.*?)</form>' % re.escape(action_suffix), page, re.S)
    body = m.group(1) if m else ""
    return {"csrf": h.hidden(body, "csrf"), "version": h.hidden(body, "version")}


def updates(port, db):
    admin, _, _ = h.sign_in(port, "admin", "correct-horse-42")
    aid = h.action_id(admin, "2.2")
    base = lambda: form(admin.get(f"/actions/{aid}")[2], "/update")  # noqa: E731
    # Complete, signed off, then a note alone: the sign-off and the RAG stay.
    st, _, _ = admin.post(f"/actions/{aid}/update", dict(base(), status="complete", note="Team in post"))
    check("web-complete", st == 303, st)
    sl(db, "update", "2.2", "--plan", "1", "--status", "signed-off")
    before = action(db, "2.2")
    _, _, page = admin.get(f"/actions/{aid}")
    check("signed-off-offers-keep-only", status_options(page) == [""], status_options(page))
    st, _, _ = admin.post(f"/actions/{aid}/update", dict(form(page, "/update"), note="A note after sign-off"))
    after = action(db, "2.2")
    check("note-only-keeps-sign-off", st == 303 and after["status"] == "signed-off" and after["rag"] == before["rag"]
          == "blue", (st, after["status"], after["rag"]))
    check("note-only-stored", show(db, "2.2")["history"][-1]["note"] == "A note after sign-off")
    st, _, _ = admin.post(f"/actions/{aid}/update", dict(base(), evidence="https://example.org/minutes"))
    check("evidence-only-keeps-sign-off", st == 303 and action(db, "2.2")["status"] == "signed-off", st)
    st, _, page = admin.post(f"/actions/{aid}/update", dict(base(), status="in-progress", note="Reopen"))
    check("signed-off-not-reopened", st == 400 and action(db, "2.2")["status"] == "signed-off"
          and "Choose a status from the list" in page and "Reopen</textarea>" in page, st)

    # The list holds the moves allowed from where the action stands.
    other = h.action_id(admin, "1.1")
    _, _, page = admin.get(f"/actions/{other}")
    opts = status_options(page)
    check("open-status-options", opts and opts[0] == "" and "complete" in opts and "signed-off" not in opts
          and "withdrawn" not in opts and "carried-forward" not in opts and action(db, "1.1")["status"] not in opts,
          opts)

    # A manual RAG holds across updates until cleared, the computed RAG beside it.
    f = form(page, "/update")
    st, _, page = admin.post(f"/actions/{other}/update", dict(f, rag="red", reason="", note="Typed note kept",
                                                              review="2017-02-30"))
    check("rag-needs-reason", st == 400 and "Say why the computed RAG is overridden" in page
          and "Enter a real date" in page and "Typed note kept</textarea>" in page and 'value="2017-02-30"' in page
          and "govuk-error-summary" in page and action(db, "1.1")["rag_manual"] is None, st)
    st, _, _ = admin.post(f"/actions/{other}/update", dict(f, rag="green", reason="Panel booked", review="2099-01-31"))
    a = action(db, "1.1")
    check("manual-set", st == 303 and a["rag"] == "green" and a["rag_manual_until"] == "2099-01-31", a)
    _, _, page = admin.get(f"/actions/{other}")
    check("page-shows-review-and-computed", "holds until its review on 31 Jan 2099" in page and "Computed:" in page
          and "Keep the manual green" in page)
    st, _, _ = admin.post(f"/actions/{other}/update", dict(form(page, "/update"), status="on-track", note="Moving"))
    a = action(db, "1.1")
    check("manual-held-through-update", st == 303 and a["status"] == "on-track" and a["rag_manual"] == "green", a)
    _, _, page = admin.get(f"/actions/{other}")
    st, _, _ = admin.post(f"/actions/{other}/update", dict(form(page, "/update"), rag="clear"))
    check("manual-cleared", st == 303 and action(db, "1.1")["rag_manual"] is None, st)
    _, _, page = admin.get(f"/actions/{other}")
    st, _, page = admin.post(f"/actions/{other}/update", dict(form(page, "/update")))
    check("empty-update-refused", st == 400 and "Write a progress note" in page, st)


def edit_fields(page):
    """Every named input, textarea and select of the edit form, with its value."""
    m = re.search(r'<form[^>]*action="/actions/\d+/edit"[^>]*>(.*?)</form>', page, re.S)
    body = m.group(1) if m else ""
    fields = dict(re.findall(r'<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"', body))
    fields.update(re.findall(r'<textarea[^>]*name="([^"]+)"[^>]*>([^<]*)</textarea>', body, re.S))
    for name, options in re.findall(r'<select[^>]*name="([^"]+)"[^>]*>(.*?)</select>', body, re.S):
        sel = re.search(r'<option value="([^"]*)" selected', options)
        fields[name] = sel.group(1) if sel else ""
    return {k: h_unescape(v) for k, v in fields.items()}


def h_unescape(v):
    import html
    return html.unescape(v)


def edits(port, db):
    prog, _, _ = h.sign_in(port, "prog", "correct-horse-42")
    bp, _, _ = h.sign_in(port, "bp", "correct-horse-42")
    viewer, _, _ = h.sign_in(port, "viewer", "correct-horse-42")
    aid = h.action_id(prog, "1.2")
    _, _, page = prog.get(f"/actions/{aid}")
    check("edit-link-for-programme", f'href="/actions/{aid}/edit"' in page)
    _, _, page = bp.get(f"/actions/{aid}")
    check("no-edit-link-for-lead", f"/actions/{aid}/edit" not in page)
    st, _, _ = bp.get(f"/actions/{aid}/edit")
    check("lead-edit-page-refused", st == 403, st)
    st, _, page = prog.get(f"/actions/{aid}/edit")
    f = edit_fields(page)
    check("edit-form", st == 200 and f.get("due") == "31 Jan 18" and f.get("theme") == "1" and "title" in f
          and f.get("csrf") and f.get("version"), (st, f))
    before = sl(db, "show", "1.2", "--plan", "1").stdout
    st, _, _ = viewer.post(f"/actions/{aid}/edit", dict(f, title="Viewer edit"))
    check("viewer-edit-refused", st == 403 and sl(db, "show", "1.2", "--plan", "1").stdout == before, st)
    st, _, _ = prog.post(f"/actions/{aid}/edit", {k: v for k, v in f.items() if k != "csrf"})
    check("edit-csrf-refused", st == 403 and sl(db, "show", "1.2", "--plan", "1").stdout == before, st)
    # Bad input: the typed values come back with the error beside the field; nothing saved.
    st, _, page = prog.post(f"/actions/{aid}/edit", dict(f, due="31/09/18", title="", sro="Typed SRO kept"))
    check("edit-bad-input", st == 400 and "Enter a real date" in page and "Enter the action&#39;s title" in page
          and 'value="31/09/18"' in page and 'value="Typed SRO kept"' in page and 'id="due-error"' in page
          and sl(db, "show", "1.2", "--plan", "1").stdout == before, st)
    # A good edit: each change in the history with who, when, before and after.
    st, h_, _ = prog.post(f"/actions/{aid}/edit", dict(f, due="31/03/18 30/06/18", leads="BP; JN", theme="2"))
    a = show(db, "1.2")["action"]
    check("edit-saved", st == 303 and a["due"] == "2018-06-30" and a["leads"] == ["BP", "JN"]
          and a["theme"] == "Structural", (st, a.get("due"), a.get("leads")))
    hist = json.loads(sl(db, "history", "1.2", "--plan", "1", "--json").stdout)
    edits_ = {e["field"]: (e["actor"], e["before"], e["after"]) for e in hist if e["operation"] == "edit"}
    check("edit-history", edits_ == {"due": ("prog", "31 Jan 18", "31/03/18 30/06/18"), "leads": ("prog", "BP", "BP; JN"),
                                     "theme": ("prog", "1", "2")}, edits_)
    _, _, page = prog.get(f"/actions/{aid}")
    check("edit-shown-in-audit-trail", "Edit due" in page and "31 Jan 18 → 31/03/18 30/06/18" in page
          and "31 Mar 2018" in page)
    # A stale edit: 409, what is saved now beside what was typed, the form keeps what was typed.
    before = sl(db, "show", "1.2", "--plan", "1").stdout
    st, _, page = prog.post(f"/actions/{aid}/edit", dict(f, measure="Typed on the old version"))
    check("edit-stale", st == 409 and "Someone else changed this action first" in page and "Saved now" in page
          and "31/03/18 30/06/18" in page and "Typed on the old version</textarea>" in page
          and sl(db, "show", "1.2", "--plan", "1").stdout == before, st)
    stale_form = edit_fields(page)
    st, _, _ = prog.post(f"/actions/{aid}/edit", stale_form)
    check("edit-after-stale", st == 303 and "Typed on the old version" in sl(db, "show", "1.2", "--plan", "1").stdout, st)
    # Add an action; a taken ref is refused beside the field.
    st, _, page = prog.get("/plans/1/actions/new")
    csrf = h.hidden(page, "csrf")
    check("add-page", st == 200 and 'name="ref"' in page, st)
    st, _, page = prog.post("/plans/1/actions/new", {"csrf": csrf, "ref": "1.2", "title": "Clash"})
    check("add-duplicate-refused", st == 400 and "already has an action with this ref" in page
          and 'value="Clash"' in page, st)
    st, hd, _ = prog.post("/plans/1/actions/new", {"csrf": csrf, "ref": "6.1", "title": "Audit of case files",
                                                   "due": "Dec 17", "sro": "BP", "theme": "3"})
    new = action(db, "6.1")
    check("add-saved", st == 303 and hd.get("location", "").startswith("/actions/") and new
          and new["status"] == "not-started" and new["due"] == "2017-12-31", (st, new))
    nid = int(hd["location"].rsplit("/", 1)[1]) if st == 303 else 0
    st, _, _ = bp.get("/plans/1/actions/new")
    check("lead-add-refused", st == 403, st)
    # Withdraw with a reason; nothing deleted.
    _, _, page = prog.get(f"/actions/{nid}/edit")
    m = re.search(r'<form[^>]*action="/actions/\d+/withdraw"[^>]*>(.*?)</form>', page, re.S)
    wf = {"csrf": h.hidden(m.group(1), "csrf"), "version": h.hidden(m.group(1), "version")} if m else {}
    st, _, page = prog.post(f"/actions/{nid}/withdraw", dict(wf, reason=""))
    check("withdraw-needs-reason", st == 400 and "Say why the action is withdrawn" in page, st)
    st, _, _ = prog.post(f"/actions/{nid}/withdraw", dict(wf, reason="Covered by 3.2"))
    w = action(db, "6.1")
    check("withdrawn", st == 303 and w and w["status"] == "withdrawn" and w["rag"] == "grey", (st, w))
    check("withdraw-reason-kept", show(db, "6.1")["history"][-1]["note"] == "Withdrawn: Covered by 3.2")


def rough_edges(port, db):
    """Issue 13 item 10: CSV with a byte-order mark, every RAG column, the skip
    link's target focusable, recommendation refs linked both ways."""
    viewer, _, _ = h.sign_in(port, "viewer", "correct-horse-42")
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
    conn.request("GET", "/plans/1/actions.csv", headers={"Cookie": viewer.cookie})
    raw = conn.getresponse().read()
    conn.close()
    check("csv-bom", raw.startswith(b"\xef\xbb\xbfplan,"), raw[:20])
    _, _, page = viewer.get("/")
    heads = re.findall(r'<th scope="col"[^>]*>([^<]+)</th>', page)
    check("plans-every-rag-column", all(w in heads for w in ["Red", "Amber", "Green", "Blue", "Grey"]), heads)
    check("skip-link-target", 'href="#main-content"' in page and 'id="main-content" tabindex="-1"' in page)
    r = sl(db, "import", os.path.join(ROOT, "examples", "documents", "barking-dagenham-ofsted-action-plan-2014.txt"))
    pid = re.search(r"version", r.stdout) and json.loads(sl(db, "plans", "--json").stdout)[-1]["id"]
    _, _, page = viewer.get(f"/plans/{pid}/recommendations")
    links = re.findall(r'<a class="govuk-link" href="/actions/(\d+)">([^<]+)</a>', page)
    check("recommendation-actions-linked", 'id="rec-1"' in page and len(links) >= 13, (pid, links[:3]))
    if links:
        _, _, page = viewer.get(f"/actions/{links[0][0]}")
        check("action-links-its-recommendation", f'href="/plans/{pid}/recommendations#rec-' in page)

def reimport_keeps_comments(port, db, work):
    """A comment made in the browser survives a re-import: the new version's action shows it."""
    admin, _, _ = h.sign_in(port, "admin", "correct-horse-42")
    aid = h.action_id(admin, "3.7")
    _, _, page = admin.get(f"/actions/{aid}")
    st, _, _ = admin.post(f"/actions/{aid}/comment", {"csrf": h.hidden(page, "csrf"), "comment": "Board asked why"})
    src = open(os.path.join(ROOT, "examples", "croydon-transitional-2017.csv"), encoding="utf-8").read()
    changed = os.path.join(work, "v2.csv")
    with open(changed, "w", encoding="utf-8") as f:
        f.write(src.replace("Oct 17,SM", "Nov 17,SM", 1))
    r = sl(db, "import", changed, "--authority", "Croydon")
    check("reimport-prints-kept", r.returncode == 0 and "kept from version 1" in r.stdout and "1 comments" in r.stdout,
          r.stdout[-300:] + r.stderr)
    plans = json.loads(sl(db, "plans", "--json").stdout)
    new_id = max(p["id"] for p in plans if p["title"].startswith("Croydon transitional"))
    _, _, page = admin.get(f"/plans/{new_id}/actions")
    m = re.search(r'href="/actions/(\d+)">3\.7<', page)
    _, _, page = admin.get(f"/actions/{m.group(1)}" if m else "/none")
    check("reimport-keeps-comment", st == 303 and m and "Board asked why" in page and int(m.group(1)) != aid, st)


def main():
    work = tempfile.mkdtemp(prefix="sightline-edit.")
    db = os.path.join(work, "w.db")
    sl(db, "init")
    sl(db, "import", os.path.join(ROOT, "examples", "croydon-transitional-2017.csv"), "--authority", "Croydon")
    for login, role, person in [("admin", "admin", ""), ("bp", "lead", "BP"), ("viewer", "viewer", ""),
                                ("prog", "programme", "")]:
        r = subprocess.run([SL, "--db", db, "user", "add", login, "--role", role, "--person", person,
                            "--password-stdin"], input="correct-horse-42\n", capture_output=True, text=True)
        check(f"user-add-{login}", r.returncode == 0, r.stderr)
    try:
        with h.serving(db) as port:
            if port:
                updates(port, db)
                edits(port, db)
                rough_edges(port, db)
                reimport_keeps_comments(port, db, work)
    finally:
        shutil.rmtree(work)
    print(f"{h.passed} passed, {h.failed} failed")
    return 0 if h.failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
