#!/usr/bin/env python3
"""Writes broken and hostile xlsx workbooks for tests/cli/test_bad_input.sh.

usage: bad_xlsx.py OUTDIR
Writes each case into OUTDIR and prints one line per case, "NAME|WHERE":
WHERE is what the refusal must name, "NAME.xlsx" or "NAME.xlsx:ROW".
Only the standard library: the workbooks are zip archives built by hand.
"""
import io
import sys
import zipfile

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
WORKBOOK = ('<?xml version="1.0"?><workbook xmlns="%s" xmlns:r="%s"><sheets>%%s</sheets></workbook>'
            % (MAIN, RELS))
SHEET_ENTRY = '<sheet name="Actions" sheetId="1" r:id="rId1"/>'
WORKBOOK_RELS = ('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
                 'package/2006/relationships"><Relationship Id="rId1" Type="%s/worksheet" '
                 'Target="worksheets/sheet1.xml"/></Relationships>' % RELS)
SHEET = '<?xml version="1.0"?><worksheet xmlns="%s"><sheetData>%%s</sheetData></worksheet>' % MAIN
HEADER = ["ref", "title", "start", "due", "status"]


def row(number, *cells):
    """One <row> of inline-string cells (None leaves a cell out)."""
    out = "".join('<c r="%s%d" t="inlineStr"><is><t>%s</t></is></c>' % (chr(65 + i), number, c)
                  for i, c in enumerate(cells) if c is not None)
    return '<row r="%d">%s</row>' % (number, out)


def archive(parts, stored=False):
    """The bytes of a zip archive holding the named parts."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED) as z:
        for name, text in parts.items():
            z.writestr(name, text)
    return buf.getvalue()


def workbook(sheet_xml, extra=None, stored=False):
    """A one-sheet workbook whose sheet is sheet_xml."""
    parts = {"xl/workbook.xml": WORKBOOK % SHEET_ENTRY, "xl/_rels/workbook.xml.rels": WORKBOOK_RELS,
             "xl/worksheets/sheet1.xml": sheet_xml}
    parts.update(extra or {})
    return archive(parts, stored)


def main():
    out = sys.argv[1]
    good_rows = row(1, *HEADER) + row(2, "1.1", "Recruit", "Jul 17", "Oct 17", "In progress")
    good = workbook(SHEET % good_rows)
    cases = {}
    cases["xlsx-truncated"] = (good[: len(good) // 2], "")
    # A stored sheet with one byte changed: its CRC no longer matches.
    stored = bytearray(workbook(SHEET % good_rows, stored=True))
    at = bytes(stored).index(b"Recruit")
    stored[at] = ord("X")
    cases["xlsx-bad-crc"] = (bytes(stored), "")
    cases["xlsx-not-workbook"] = (archive({"word/document.xml": "<document/>"}), "")
    cases["xlsx-no-sheet"] = (archive({"xl/workbook.xml": WORKBOOK % ""}), "")
    cases["xlsx-empty-sheet"] = (workbook(SHEET % ""), ":1")
    cases["xlsx-no-header"] = (workbook(SHEET % row(1, "1.1", "Recruit", "Jul 17", "Oct 17")), ":1")
    cases["xlsx-impossible-date"] = (workbook(SHEET % (
        good_rows + row(7, "1.2", "Train", "Jul 17", "31/09/21", "In progress"))), ":7")
    cases["xlsx-bad-status"] = (workbook(SHEET % (
        good_rows + row(4, "1.2", "Train", "Jul 17", "Oct 17", "Banana"))), ":4")
    cases["xlsx-bad-xml"] = (workbook((SHEET % good_rows)[:-30]), "")
    cases["xlsx-bad-shared-string"] = (workbook(SHEET % (
        row(1, *HEADER) + '<row r="2"><c r="A2" t="s"><v>99</v></c></row>')), ":2")
    cases["xlsx-bad-ref"] = (workbook(SHEET % (row(1, *HEADER) + '<row r="2"><c r="ZZZZ2"><v>1</v></c></row>')), ":2")
    # A DTD with nested entities (the "billion laughs").
    laughs = ('<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa">'
              + "".join('<!ENTITY %s "%s">' % (chr(98 + i), ("&%s;" % chr(97 + i)) * 10) for i in range(8))
              + ']><worksheet xmlns="%s"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&i;</t>'
              '</is></c></row></sheetData></worksheet>' % MAIN)
    cases["xlsx-entity-bomb"] = (workbook(laughs), "")
    # A sheet that would unpack to 65 MiB (64 KiB packed).
    cases["xlsx-huge-entry"] = (workbook(SHEET % (" " * (65 << 20))), "")
    # One shared string of 1 MiB used by 100 cells: 100 MiB of text from a small file.
    strings = ('<?xml version="1.0"?><sst xmlns="%s"><si><t>%s</t></si></sst>' % (MAIN, "x" * (1 << 20)))
    cells = "".join('<row r="%d"><c r="A%d" t="s"><v>0</v></c></row>' % (i, i) for i in range(1, 101))
    cases["xlsx-amplified"] = (workbook(SHEET % cells, {"xl/sharedStrings.xml": strings}), "")
    for name, (data, where) in cases.items():
        with open("%s/%s.xlsx" % (out, name), "wb") as f:
            f.write(data)
        print("%s.xlsx|%s.xlsx%s" % (name, name, where))


if __name__ == "__main__":
    main()
