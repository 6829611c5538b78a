#!/usr/bin/env python3
"""HTTP tests of evidence files (issue 13 item 5): a file attached to a
progress update from the action page's form (multipart/form-data), listed
with who and when, downloaded as an attachment with a safe type and name;
refused beside the field when its content is not what evidence may be or not
what its name says, when it is over the limit or badly named; CSRF and sign-in
as for every form; `update --attach`, `evidence list/get`, backup, restore
and copy carry the files. usage: test_evidence.py SIGHTLINE_BINARY.
Ends with "N passed, N failed"."""
import http.client
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import test_http as h  # noqa: E402  (the Client, sign-in and check helpers)

SL, ROOT = h.SL, h.ROOT
check = h.check
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 40


def ooxml(part):
    """A minimal Office Open XML package holding [Content_Types].xml and part."""
    b = io.BytesIO()
    with zipfile.ZipFile(b, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr(part, "<x/>")
    return b.getvalue()


def odf(kind):
    b = io.BytesIO()
    with zipfile.ZipFile(b, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument." + kind)
        z.writestr("content.xml", "<x/>")
    return b.getvalue()


def multipart(fields, file_field=None, filename=None, data=b""):
    """A multipart/form-data body and its content type."""
    boundary = "----sl" + uuid.uuid4().hex
    out = io.BytesIO()
    for k, v in fields.items():
        out.write(f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n'.encode())
        out.write(str(v).encode() + b"\r\n")
    if file_field:
        out.write(f'--{boundary}\r\nContent-Disposition: form-data; name="{file_field}"; '.encode())
        out.write(b'filename="' + filename.encode() + b'"\r\nContent-Type: application/octet-stream\r\n\r\n')
        out.write(data + b"\r\n")
    out.write(f"--{boundary}--\r\n".encode())
    return out.getvalue(), "multipart/form-data; boundary=" + boundary


def upload(client, aid, fields, filename=None, data=b""):
    body, ctype = multipart(fields, "file" if filename is not None else None, filename, data)
    return client.request("POST", f"/actions/{aid}/update", raw_body=body, headers={"Content-Type": ctype})


def raw_get(port, path, cookie=None):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
    conn.request("GET", path, headers={"Cookie": cookie} if cookie else {})
    r = conn.getresponse()
    body = r.read()
    conn.close()
    return r.status, {k.lower(): v for k, v in r.getheaders()}, body


def form_fields(page):
    m = re.search(r'<form[^>]*action="/actions/\d+/update"[^>]*>(.*?)</form>', page, re.S)
    body = m.group(1) if m else ""
    return {"csrf": h.hidden(body, "csrf"), "version": h.hidden(body, "version")}


def listed(db, ref=None):
    args = ["evidence", "list", "--json"] + ([ref, "--plan", "1"] if ref else [])
    r = h.sl(db, *args)
    return json.loads(r.stdout) if r.returncode == 0 else None


def version(db, ref):
    return next(a for a in json.loads(h.sl(db, "actions", "--json", "--plan", "1").stdout) if a["ref"] == ref)


def web_uploads(port, db):
    admin, _, _ = h.sign_in(port, "admin", "correct-horse-42")
    aid = h.action_id(admin, "2.2")
    _, _, page = admin.get(f"/actions/{aid}")
    check("form-is-multipart", 'enctype="multipart/form-data"' in page and 'type="file"' in page
          and "None attached yet." in page)
    f = form_fields(page)
    st, hd, _ = upload(admin, aid, dict(f, note="Board minutes attached"), "Board minutes.pdf", PDF)
    files = listed(db, "2.2")
    check("upload-stored", st == 303 and files and len(files) == 1 and files[0]["file_name"] == "Board minutes.pdf"
          and files[0]["actor"] == "admin" and files[0]["content_type"] == "application/pdf"
          and files[0]["size"] == len(PDF), (st, files))
    _, _, page = admin.get(f"/actions/{aid}")
    m = re.search(r'href="/evidence/(\d+)" download>Board minutes\.pdf</a>', page)
    check("listed-with-who", m and "Evidence files" in page and ">admin<" in page, page[-2000:])
    fid = int(m.group(1)) if m else 0
    st, hd, body = raw_get(port, f"/evidence/{fid}", admin.cookie)
    check("download-bytes", st == 200 and body == PDF, st)
    check("download-headers", hd.get("content-type") == "application/pdf"
          and hd.get("x-content-type-options") == "nosniff"
          and hd.get("content-disposition") == "attachment; filename=\"Board_minutes.pdf\"; "
          "filename*=UTF-8''Board%20minutes.pdf", hd)

    # A file only (no note) is an update; kinds by content, named as they are.
    for name, data, ctype in [("Plan.docx", ooxml("word/document.xml"), "wordprocessingml"),
                              ("Figures.xlsx", ooxml("xl/workbook.xml"), "spreadsheetml"),
                              ("Notes.odt", odf("text"), "opendocument.text"),
                              ("Photo.JPG", b"\xff\xd8\xff\xe0" + b"\0" * 20, "image/jpeg"),
                              ("Café – résumé.png", PNG, "image/png")]:
        _, _, page = admin.get(f"/actions/{aid}")
        st, _, _ = upload(admin, aid, form_fields(page), name, data)
        last = (listed(db, "2.2") or [{}])[-1]
        check(f"accepted-{name}", st == 303 and last.get("file_name") == name and ctype in last.get("content_type", ""),
              (st, last))
    st, hd, _ = raw_get(port, f"/evidence/{(listed(db, '2.2') or [{}])[-1].get('id')}", admin.cookie)
    check("unicode-name-encoded", hd.get("content-disposition") == "attachment; filename=\"Caf____r_sum_.png\"; "
          "filename*=UTF-8''Caf%C3%A9%20%E2%80%93%20r%C3%A9sum%C3%A9.png", hd.get("content-disposition"))

    # Refused beside the field, with what was typed kept, and nothing stored.
    before, v_before = len(listed(db)), version(db, "2.2")
    cases = [("content-not-name", "Report.pdf", PNG, 415, "is a PNG image by its content, but its name ends .pdf"),
             ("not-evidence", "Page.pdf", b"<html><script>alert(1)</script></html>", 415,
              "is not a PDF, Word (.docx), Excel (.xlsx), OpenDocument, PNG or JPEG file"),
             ("zip-not-office", "Archive.docx", ooxml("other/thing.xml"), 415, "is not a PDF"),
             ("xlsx-named-docx", "Sheet.docx", ooxml("xl/workbook.xml"), 415, "is an Excel workbook by its content"),
             ("empty-file", "Empty.pdf", b"", 415, "is empty"),
             ("dot-dot-slash", "../../etc/Report.pdf", PDF, 415, "holds a control character, '/' or '\\'"),
             ("control-char", "Rep\x01ort.pdf", PDF, 415, "holds a control character")]
    for name, filename, data, status, words in cases:
        _, _, page = admin.get(f"/actions/{aid}")
        st, _, page = upload(admin, aid, dict(form_fields(page), note="Typed note stays"), filename, data)
        beside = re.search(r'id="file-error" class="govuk-error-message">(.*?)</p>', page, re.S)
        check(f"refused-{name}", st == status and beside and words in h_unescape(beside.group(1))
              and "Typed note stays</textarea>" in page and 'href="#file"' in page, (st, beside and beside.group(1)))
    big = PDF + b"\0" * (20 * 1024 * 1024)
    _, _, page = admin.get(f"/actions/{aid}")
    t0 = time.time()
    st, _, page = upload(admin, aid, dict(form_fields(page), note="Big one"), "Big.pdf", big)
    check("oversize-refused", st == 413 and "The file is larger than 20 MB" in page, (st, page[:300]))
    check("oversize-quick", time.time() - t0 < 10, time.time() - t0)
    check("refusals-store-nothing", len(listed(db)) == before and version(db, "2.2")["version"] == v_before["version"],
          (len(listed(db)), before))

    # CSRF, sign-in and roles as for every form; viewers read files, leads may not update others' actions.
    st, _, _ = upload(admin, aid, {"note": "no token", "version": "1"}, "x.pdf", PDF)
    check("csrf-refused", st == 403, st)
    st, hd, _ = raw_get(port, f"/evidence/{fid}")
    check("anonymous-download-refused", st == 303 and hd.get("location", "").startswith("/sign-in"), (st, hd))
    anon = h.Client(port)
    st, _, _ = upload(anon, aid, {"note": "x"}, "x.pdf", PDF)
    check("anonymous-upload-refused", st == 303, st)
    viewer, _, _ = h.sign_in(port, "viewer", "correct-horse-42")
    st, _, body = raw_get(port, f"/evidence/{fid}", viewer.cookie)
    check("viewer-downloads", st == 200 and body == PDF, st)
    st, _, _ = upload(viewer, aid, {"csrf": "x", "note": "x"}, "x.pdf", PDF)
    check("viewer-upload-refused", st == 403, st)
    st, _, _ = raw_get(port, "/evidence/999999", admin.cookie)
    check("missing-file-404", st == 404, st)
    bp, _, _ = h.sign_in(port, "bp", "correct-horse-42")
    other = h.action_id(admin, "1.1")
    _, _, page = admin.get(f"/actions/{other}")
    st, _, _ = upload(bp, other, dict(form_fields(page), note="not mine"), "x.pdf", PDF)
    check("lead-not-owner-refused", st == 403 and len(listed(db)) == before, st)
    # Urlencoded updates still work.
    _, _, page = admin.get(f"/actions/{aid}")
    st, _, _ = admin.post(f"/actions/{aid}/update", dict(form_fields(page), note="Plain form"))
    check("urlencoded-still-works", st == 303, st)
    return fid


def h_unescape(v):
    import html
    return html.unescape(v)


def cli_and_copies(db, work):
    pdf = os.path.join(work, "Terms of reference.pdf")
    with open(pdf, "wb") as f:
        f.write(PDF)
    r = h.sl(db, "update", "1.1", "--plan", "1", "--attach", pdf)
    check("cli-attach", r.returncode == 0 and "evidence file" in r.stdout, r.stderr)
    files = listed(db, "1.1")
    check("cli-listed", files and files[-1]["file_name"] == "Terms of reference.pdf" and files[-1]["actor"] == "cli",
          files)
    bad = os.path.join(work, "fake.pdf")
    with open(bad, "wb") as f:
        f.write(b"MZ\x90\0 not a pdf")
    n = len(listed(db))
    r = h.sl(db, "update", "1.1", "--plan", "1", "--attach", bad, "--note", "x")
    check("cli-refuses-type", r.returncode == 1 and "fake.pdf is not a PDF" in r.stderr and len(listed(db)) == n,
          r.stderr)
    out = os.path.join(work, "got.pdf")
    r = h.sl(db, "evidence", "get", str(files[-1]["id"]), "--output", out)
    check("cli-get", r.returncode == 0 and open(out, "rb").read() == PDF, r.stderr)
    every = listed(db)
    if os.environ.get("SL_PG_URL"):
        return
    copy_db = os.path.join(work, "copy.db")
    r = subprocess.run([SL, "copy", "--from", db, "--to", copy_db], capture_output=True, text=True)
    check("copy-verified", r.returncode == 0 and "checksum verified" in r.stdout, r.stdout + r.stderr)
    check("copy-has-files", listed(copy_db) == every, (listed(copy_db), every))
    backup = os.path.join(work, "backup.db")
    r = h.sl(db, "backup", backup)
    check("backup-has-files", r.returncode == 0 and listed(backup) == every, r.stderr)
    restored = os.path.join(work, "restored.db")
    h.sl(restored, "init")
    r = h.sl(restored, "restore", backup)
    ok = all(subprocess.run([SL, "--db", restored, "evidence", "get", str(e["id"])], capture_output=True).returncode
             == 0 for e in every)
    check("restore-has-files", r.returncode == 0 and listed(restored) == every and ok, r.stderr)


def reimport_keeps_files(db, work):
    """A re-import carries each file with its update to the new version's action."""
    every = listed(db)
    src = open(os.path.join(ROOT, "examples", "croydon-transitional-2017.csv"), encoding="utf-8").read()
    changed = os.path.join(work, "v2.csv")
    with open(changed, "w", encoding="utf-8") as f:
        f.write(src.replace("Oct 17,SM", "Nov 17,SM", 1))
    r = h.sl(db, "import", changed, "--authority", "Croydon")
    new_id = max(p["id"] for p in json.loads(h.sl(db, "plans", "--json").stdout))
    carried = [e for e in listed(db) if e["id"] > every[-1]["id"]]
    shown = h.sl(db, "evidence", "list", "2.2", "--plan", str(new_id), "--json")
    files = json.loads(shown.stdout) if shown.returncode == 0 else []
    check("reimport-carries-files", r.returncode == 0 and len(carried) == len(every)
          and sorted(e["sha256"] for e in carried) == sorted(e["sha256"] for e in every)
          and len(files) == len([e for e in every if e["action_id"] == every[0]["action_id"]]), (r.stderr, files))


def main():
    work = tempfile.mkdtemp(prefix="sightline-evidence.")
    db = os.path.join(work, "w.db")
    h.sl(db, "init")
    h.sl(db, "import", os.path.join(ROOT, "examples", "croydon-transitional-2017.csv"), "--authority", "Croydon")
    for login, role, person in [("admin", "admin", ""), ("bp", "lead", "BP"), ("viewer", "viewer", "")]:
        r = h.sl(db, "user", "add", login, "--role", role, "--person", person, "--password-stdin",
                 stdin="correct-horse-42\n")
        check(f"user-add-{login}", r.returncode == 0, r.stderr)
    try:
        with h.serving(db) as port:
            if port:
                web_uploads(port, db)
                cli_and_copies(db, work)
                reimport_keeps_files(db, work)
    finally:
        shutil.rmtree(work)
    print(f"{h.passed} passed, {h.failed} failed")
    return 0 if h.failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
