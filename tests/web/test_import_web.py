#!/usr/bin/env python3
"""HTTP tests of importing a plan in the browser (issue 13 item 2): the
upload shows a preview (counts, field-by-field changes against the current
version, what is carried forward, findings) and writes nothing; confirm
imports exactly that in one transaction; cancel writes nothing; a bad file
is a clear message beside the field with the database unchanged; the form
is the programme team's. usage: test_import_web.py SIGHTLINE_BINARY.
Ends with "N passed, N failed"."""
import html
import json
import os
import re
import shutil
import socket
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import test_http as h  # noqa: E402
from test_evidence import multipart  # noqa: E402

SL, ROOT = h.SL, h.ROOT
check = h.check
CSV = os.path.join(ROOT, "examples", "croydon-transitional-2017.csv")


def post_file(client, fields, name, data):
    body, ctype = multipart(fields, "file", name, data)
    return client.request("POST", "/import", raw_body=body, headers={"Content-Type": ctype})


def plans(db):
    return json.loads(h.sl(db, "plans", "--json", "--all").stdout or "[]") if False else \
        json.loads(h.sl(db, "plans", "--json").stdout or "[]")


def audit_count(db):
    return len(h.sl(db, "history").stdout.splitlines())


def token(page, action):
    m = re.search(r'action="%s".*?name="token" value="([0-9a-f]{64})"' % re.escape(action), page, re.S)
    return m.group(1) if m else None


def seen(page):
    m = re.search(r'name="seen" value="([^"]*)"', page)
    return m.group(1) if m else None


def run(port, db, work):
    prog, _, _ = h.sign_in(port, "prog", "correct-horse-42")
    st, _, page = prog.get("/import")
    csrf = h.hidden(page, "csrf")
    check("import-form", st == 200 and 'enctype="multipart/form-data"' in page and 'href="/import"' in page, st)
    viewer, _, _ = h.sign_in(port, "viewer", "correct-horse-42")
    st, _, _ = viewer.get("/import")
    check("viewer-refused", st == 403, st)
    data = open(CSV, "rb").read()
    before, audits = plans(db), audit_count(db)

    # A new plan: preview, nothing written; cancel writes nothing.
    st, _, page = post_file(prog, {"csrf": csrf, "authority": "Croydon"}, "croydon.csv", data)
    check("preview-new", st == 200 and "A new plan" in page and re.search(r"Croydon: \d+ actions", page)
          and "Nothing has been stored yet" in page, (st, page[:500]))
    check("preview-writes-nothing", plans(db) == before and audit_count(db) == audits)
    tok = token(page, "/import/cancel")
    st, hd, _ = prog.post("/import/cancel", {"csrf": csrf, "token": tok})
    check("cancel", st == 303 and plans(db) == before and audit_count(db) == audits, st)
    st, _, _ = prog.post("/import/confirm", {"csrf": csrf, "token": tok})
    check("cancelled-cannot-confirm", st == 409 and plans(db) == before, st)

    # Preview again and confirm: the plan is stored.
    st, _, page = post_file(prog, {"csrf": csrf, "authority": "Croydon"}, "croydon.csv", data)
    tok = token(page, "/import/confirm")
    st, hd, _ = prog.post("/import/confirm", {"csrf": csrf, "token": tok, "seen": seen(page)})
    after = plans(db)
    check("confirm-writes", st == 303 and hd.get("location", "").startswith("/plans/") and len(after) == len(before) + 1,
          (st, hd, len(after)))
    st, _, _ = prog.post("/import/confirm", {"csrf": csrf, "token": tok, "seen": seen(page)})
    check("confirm-once", st == 409 and len(plans(db)) == len(after), st)
    other, _, _ = h.sign_in(port, "prog", "correct-horse-42")
    st, _, page = post_file(prog, {"csrf": csrf, "authority": "Croydon"}, "croydon.csv", data)
    tok2 = token(page, "/import/confirm")
    check("unchanged-preview", "Unchanged: version 1 is this file already" in page, page[:400])
    _, _, opage = other.get("/import")
    st, _, _ = other.post("/import/confirm", {"csrf": h.hidden(opage, "csrf"), "token": tok2, "seen": seen(page)})
    check("token-bound-to-session", st == 409, st)

    # A re-import: updates recorded since are listed as carried forward, changes field by field.
    pid = max(p["id"] for p in plans(db))
    h.sl(db, "update", "2.2", "--plan", str(pid), "--status", "complete", "--note", "Team in post")
    h.sl(db, "update", "3.7", "--plan", str(pid), "--note", "Panel booked")
    changed = data.decode("utf-8").replace("Oct 17,SM", "Nov 17,SM", 1).encode("utf-8")
    n_plans, audits = len(plans(db)), audit_count(db)
    st, _, page = post_file(prog, {"csrf": csrf, "authority": "Croydon"}, "croydon.csv", changed)
    text = html.unescape(re.sub(r"<[^>]+>", " ", page[page.find("<main"):]))
    text = re.sub(r"\s+", " ", text)
    check("reimport-preview-version", "A new version (2) of this plan: 0 actions added, 0 removed" in text,
          text[:800])
    check("reimport-preview-field", re.search(r'~ 1\.1 due: "Oct 17" -> "Nov 17"', text), text[:3000])
    check("reimport-preview-carried", re.search(r"2 progress updates", text), text[-1500:])
    check("reimport-preview-writes-nothing", len(plans(db)) == n_plans and audit_count(db) == audits)
    tok = token(page, "/import/confirm")
    st, hd, _ = prog.post("/import/confirm", {"csrf": csrf, "token": tok, "seen": seen(page)})
    new = max(p["id"] for p in plans(db))
    show = json.loads(h.sl(db, "show", "2.2", "--plan", str(new), "--json").stdout)
    check("reimport-confirmed-keeps-updates", st == 303 and new != pid and
          any(u["note"] == "Team in post" for u in show["history"]), (st, show.get("history")))

    # A plan changed between the preview and the confirmation: refused, nothing written.
    third = changed.decode("utf-8").replace("Oct 17,", "Dec 17,", 1).encode("utf-8")
    st, _, page = post_file(prog, {"csrf": csrf, "authority": "Croydon"}, "croydon.csv", third)
    path = os.path.join(work, "v3.csv")
    with open(path, "wb") as f:
        f.write(third.replace(b"Dec 17,", b"Jan 18,", 1))
    h.sl(db, "import", path, "--authority", "Croydon")
    n_plans, audits = len(plans(db)), audit_count(db)
    st, _, body = prog.post("/import/confirm", {"csrf": csrf, "token": token(page, "/import/confirm"),
                                                "seen": seen(page)})
    check("stale-preview-refused", st == 409 and "changed since your preview" in body and len(plans(db)) == n_plans
          and audit_count(db) == audits, st)

    # Bad files: a clear message beside the field, nothing written.
    n_plans, audits = len(plans(db)), audit_count(db)
    for name, blob, words, status in [("empty.csv", b"", "could not be read", 400),
                                      ("scan.pdf", b"%PDF-1.4\nnot really\n", "could not be read", 400),
                                      ("../x.csv", data, "control character, '/'", 400),
                                      ("big.csv", b"x" * (33 * 1024 * 1024), "larger than 32 MB", 413)]:
        st, _, page = post_file(prog, {"csrf": csrf}, name, blob)
        beside = re.search(r'id="file-error" class="govuk-error-message">(.*?)</p>', page, re.S)
        check(f"bad-{name}", st == status and beside and words in html.unescape(beside.group(1)),
              (st, beside and beside.group(1)))
    st, _, page = post_file(prog, {"csrf": csrf}, "", b"")
    check("no-file", st == 400 and "Choose a file to import" in page, st)
    check("bad-files-write-nothing", len(plans(db)) == n_plans and audit_count(db) == audits)
    st, _, _ = post_file(prog, {"authority": "x"}, "croydon.csv", data)
    check("csrf-refused", st == 403, st)


def not_held(port, db, work):
    """The server runs one page thread (--threads 1): a page asked for while
    a large upload is being read is answered before the import's answer, so
    the reading does not hold the page threads."""
    import random
    import threading
    prog, _, _ = h.sign_in(port, "prog", "correct-horse-42")
    _, _, page = prog.get("/import")
    rnd = random.Random(1)
    words = ["alpha", "beta", "plan", "action", "review", "board", "team", "\t"]
    data = "".join(" ".join(rnd.choice(words) for _ in range(8)) + "\n" for _ in range(200000)).encode()
    body, ctype = multipart({"csrf": h.hidden(page, "csrf")}, "file", "notes.txt", data)
    sock = socket.create_connection(("127.0.0.1", port), timeout=180)
    sock.sendall(f"POST /import HTTP/1.1\r\nHost: x\r\nCookie: {prog.cookie}\r\nContent-Type: {ctype}\r\n"
                 f"Content-Length: {len(body)}\r\n\r\n".encode() + body)
    done = {}

    def answer():
        done["import"] = sock.recv(200)
        done["import_at"] = time.time()
    t = threading.Thread(target=answer)
    t.start()
    time.sleep(0.05)
    st, _, _ = prog.get("/sign-in")
    page_at = time.time()
    t.join(180)
    sock.close()
    check("page-not-held-by-import", st in (200, 303) and b" 400 " in done.get("import", b"")
          and page_at < done.get("import_at", 0), (st, done.get("import", b"")[:40], page_at, done.get("import_at")))


def main():
    work = tempfile.mkdtemp(prefix="sightline-import-web.")
    db = os.path.join(work, "w.db")
    h.sl(db, "init")
    for login, role in [("prog", "programme"), ("viewer", "viewer")]:
        r = h.sl(db, "user", "add", login, "--role", role, "--password-stdin", stdin="correct-horse-42\n")
        check(f"user-add-{login}", r.returncode == 0, r.stderr)
    try:
        with h.serving(db, "--threads", "1") as port:
            if port:
                run(port, db, work)
                not_held(port, db, work)
    finally:
        shutil.rmtree(work)
    print(f"{h.passed} passed, {h.failed} failed")
    return 0 if h.failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
