#!/usr/bin/env python3
"""Writes Excel trackers shaped as councils keep them, for tests/cli/test_trackers.sh.

usage: make_tracker.py OUTDIR
Only the standard library: each workbook is a zip archive of SpreadsheetML
written by hand, so every feature is exactly what the test says it is.

  tracker.xlsx       a hidden first sheet ("Lookups"); the tracker sheet with a
                     merged title and a blank row above its header row
                     ("Area for improvement / Ref / Action / Lead / Start /
                     Due date / Status"), merged theme cells spanning rows, due
                     dates as date-styled serials, a plain serial, text; no RAG
                     column: the status cells filled red, amber (rgb), green
                     (theme colour) and red (indexed colour); a header filled
                     blue (decoration); formulas with cached values (a ref
                     built with &, a start date from DATE()); a formula with
                     no cached value
  tracker-1904.xlsx  the same cells in the 1904 date system (serials 1462 less)
  all-hidden.xlsx    every sheet hidden
  not-workbook.xlsx  a zip archive holding a Word document's parts
  layout-N.xlsx      the plan layouts of LAYOUTS, one sheet each (and as
                     layout-N.csv and layout-N.txt, a tab-separated text table)
"""
import datetime
import os
import sys
import zipfile

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"

# cellXfs: 0 plain, 1 date, 2 red fill, 3 amber fill, 4 green (theme) fill,
# 5 red (indexed) fill, 6 bold blue header, 7 light grey fill (no RAG)
STYLES = """<?xml version="1.0" encoding="UTF-8"?>
<styleSheet xmlns="%s">
<numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>
<fonts count="2"><font><sz val="11"/></font><font><b/><sz val="11"/></font></fonts>
<fills count="8">
<fill><patternFill patternType="none"/></fill>
<fill><patternFill patternType="gray125"/></fill>
<fill><patternFill patternType="solid"><fgColor rgb="FFFF0000"/><bgColor indexed="64"/></patternFill></fill>
<fill><patternFill patternType="solid"><fgColor rgb="FFFFC000"/></patternFill></fill>
<fill><patternFill patternType="solid"><fgColor theme="9" tint="0"/></patternFill></fill>
<fill><patternFill patternType="solid"><fgColor indexed="10"/></patternFill></fill>
<fill><patternFill patternType="solid"><fgColor rgb="FF4472C4"/></patternFill></fill>
<fill><patternFill patternType="solid"><fgColor rgb="FFD9D9D9"/></patternFill></fill>
</fills>
<borders count="1"><border/></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="8">
<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>
<xf numFmtId="164" fontId="0" fillId="0" borderId="0" applyNumberFormat="1"/>
<xf numFmtId="0" fontId="0" fillId="2" borderId="0" applyFill="1"/>
<xf numFmtId="0" fontId="0" fillId="3" borderId="0" applyFill="1"/>
<xf numFmtId="0" fontId="0" fillId="4" borderId="0" applyFill="1"/>
<xf numFmtId="0" fontId="0" fillId="5" borderId="0" applyFill="1"/>
<xf numFmtId="0" fontId="1" fillId="6" borderId="0" applyFill="1"/>
<xf numFmtId="0" fontId="0" fillId="7" borderId="0" applyFill="1"/>
</cellXfs>
</styleSheet>""" % MAIN

EPOCH_1900 = datetime.date(1899, 12, 30)
EPOCH_1904 = datetime.date(1904, 1, 1)


def serial(day, date1904):
    """The Excel serial of a day in the workbook's date system."""
    return (day - (EPOCH_1904 if date1904 else EPOCH_1900)).days


def text(ref, value, style=0):
    """An inline-string cell."""
    value = value.replace("&", "&amp;").replace("<", "&lt;")
    return '<c r="%s" s="%d" t="inlineStr"><is><t>%s</t></is></c>' % (ref, style, value)


def number(ref, value, style=0):
    """A number cell."""
    return '<c r="%s" s="%d"><v>%s</v></c>' % (ref, style, value)


def tracker_sheet(date1904):
    """The tracker sheet's XML."""
    d = lambda y, m, dd: serial(datetime.date(y, m, dd), date1904)
    rows = [
        (1, [text("A1", "Children's Services Improvement Tracker")]),
        (3, [text("A3", "Area for improvement", 6), text("B3", "Ref", 6), text("C3", "Action", 6),
             text("D3", "Lead", 6), text("E3", "Start", 6), text("F3", "Due date", 6),
             text("G3", "Status", 6)]),
        (4, [text("A4", "Quality of practice"), text("B4", "1.1"), text("C4", "Audit case files"),
             text("D4", "HoS"), number("E4", d(2024, 1, 8), 1), number("F4", d(2024, 3, 31), 1),
             text("G4", "In progress", 2)]),
        (5, [text("B5", "1.2"), text("C5", "Supervision every month"), text("D5", "PSW"),
             number("F5", d(2024, 6, 30)), text("G5", "In progress", 3)]),
        (6, [text("B6", "1.3"), text("C6", "Practice week"), text("D6", "PSW"),
             text("F6", "Sept 24"), text("G6", "Complete", 4)]),
        (7, [text("A7", "Leadership"),
             '<c r="B7" t="str"><f>"2."&amp;"1"</f><v>2.1</v></c>', text("C7", "Board self-assessment"),
             text("D7", "DCS"), '<c r="E7" s="1"><f>DATE(2024,2,1)</f><v>%d</v></c>' % d(2024, 2, 1),
             number("F7", d(2024, 12, 31), 1), text("G7", "Not started", 5)]),
        (8, [text("B8", "2.2"), text("C8", "Scrutiny training"), text("D8", "DCS"),
             '<c r="F8" s="1"><f>EDATE(F7,3)</f></c>',
             text("G8", "Planned", 7)]),
    ]
    data = "".join('<row r="%d">%s</row>' % (n, "".join(cells)) for n, cells in rows)
    merges = '<mergeCells count="3"><mergeCell ref="A1:G1"/><mergeCell ref="A4:A6"/>' \
             '<mergeCell ref="A7:A8"/></mergeCells>'
    return ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="%s"><sheetData>%s</sheetData>%s'
            '</worksheet>' % (MAIN, data, merges))


def workbook(path, sheets, date1904=False):
    """Writes a workbook of (name, state, xml) sheets."""
    entries = "".join('<sheet name="%s" sheetId="%d"%s r:id="rId%d"/>'
                      % (name, i + 1, ' state="%s"' % state if state else "", i + 1)
                      for i, (name, state, _) in enumerate(sheets))
    book = ('<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="%s" xmlns:r="%s">'
            '<workbookPr%s/><sheets>%s</sheets></workbook>'
            % (MAIN, RELS, ' date1904="1"' if date1904 else "", entries))
    rels = "".join('<Relationship Id="rId%d" Type="%s/worksheet" Target="worksheets/sheet%d.xml"/>'
                   % (i + 1, RELS, i + 1) for i in range(len(sheets)))
    rels += '<Relationship Id="rId%d" Type="%s/styles" Target="styles.xml"/>' % (len(sheets) + 1, RELS)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/workbook.xml", book)
        z.writestr("xl/_rels/workbook.xml.rels",
                   '<?xml version="1.0"?><Relationships xmlns="%s">%s</Relationships>' % (PKG, rels))
        z.writestr("xl/styles.xml", STYLES)
        for i, (_, _, xml) in enumerate(sheets):
            z.writestr("xl/worksheets/sheet%d.xml" % (i + 1), xml)


# Plan layouts councils use, as rows of text (shared with test_trackers.sh's
# CSV and text versions of the same tables).
LAYOUTS = [
    [["No.", "What?", "Who?", "When?", "Current status"],
     ["1", "Recruit social workers", "DCS", "March 2024", "On track"],
     ["2", "Audit cases", "HoS", "June 2024", "Complete"]],
    [["Action", "By whom", "By when", "RAG"],
     ["Recruit social workers", "DCS", "March 2024", "Amber"],
     ["Audit cases", "HoS", "June 2024", "Green"]],
    [["Area for improvement", "Actions", "Lead", "Timescale", "Evidence of impact"],
     ["Quality of practice", "Recruit social workers", "DCS", "March 2024", "Fewer vacancies"],
     ["", "Audit cases", "HoS", "June 2024", "Better files"]],
]


def layout_sheet(rows):
    """A sheet of inline strings, one row per list."""
    data = "".join('<row r="%d">%s</row>' % (r + 1, "".join(
        text("%s%d" % (chr(65 + c), r + 1), v) for c, v in enumerate(row) if v))
        for r, row in enumerate(rows))
    return ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="%s"><sheetData>%s</sheetData>'
            '</worksheet>' % (MAIN, data))


def main():
    out = sys.argv[1]
    lookups = ('<?xml version="1.0"?><worksheet xmlns="%s"><sheetData><row r="1">%s%s%s</row>'
               '</sheetData></worksheet>' % (MAIN, text("A1", "Ref"), text("B1", "Action"), text("C1", "Lead")))
    for name, date1904 in (("tracker.xlsx", False), ("tracker-1904.xlsx", True)):
        workbook(os.path.join(out, name), [("Lookups", "hidden", lookups),
                                           ("Tracker", None, tracker_sheet(date1904))], date1904)
    workbook(os.path.join(out, "all-hidden.xlsx"), [("Tracker", "veryHidden", tracker_sheet(False))])
    for n, rows in enumerate(LAYOUTS, 1):
        workbook(os.path.join(out, "layout-%d.xlsx" % n), [("Plan", None, layout_sheet(rows))])
        with open(os.path.join(out, "layout-%d.csv" % n), "w") as f:
            f.write("".join(",".join(row) + "\r\n" for row in rows))
        with open(os.path.join(out, "layout-%d.txt" % n), "w") as f:
            f.write("Improvement plan\n\n" + "".join("\t".join(row) + "\n" for row in rows))
    with zipfile.ZipFile(os.path.join(out, "not-workbook.xlsx"), "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<document><body><p>Improvement plan</p></body></document>")


if __name__ == "__main__":
    main()
