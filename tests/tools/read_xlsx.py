#!/usr/bin/env python3
"""A second, independent xlsx reader for the tests: only the standard library
(zipfile, xml.etree). Prints the workbook as JSON:

  {"date1904": false,
   "sheets": [{"name", "state", "frozen" ("A2" or null), "autofilter" ("A1:W7"
               or null), "widths" {"A": 12.5, ...},
               "cells": {"A1": {"type": "s"|"n"|"b"|"str"|"e"|"inlineStr",
                                "value": text or number, "format": number format
                                code or null, "fill": "RRGGBB" or null,
                                "font": "RRGGBB" or null, "bold": bool}}}]}

usage: read_xlsx.py FILE.xlsx
"""
import json
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
      "p": "http://schemas.openxmlformats.org/package/2006/relationships"}
R_ID = "{%s}id" % NS["r"]
BUILTIN_FORMATS = {0: "General", 1: "0", 2: "0.00", 14: "mm-dd-yy", 15: "d-mmm-yy", 16: "d-mmm",
                   17: "mmm-yy", 22: "m/d/yy h:mm", 49: "@"}


def rgb(colour):
    """The RRGGBB of a <fgColor>/<color> element, or None."""
    if colour is None or colour.get("rgb") is None:
        return None
    return colour.get("rgb")[-6:].upper()


def read_styles(z):
    """Per cell style (cellXfs index): its number format, fill and font."""
    if "xl/styles.xml" not in z.namelist():
        return []
    root = ET.fromstring(z.read("xl/styles.xml"))
    formats = dict(BUILTIN_FORMATS)
    for f in root.findall("m:numFmts/m:numFmt", NS):
        formats[int(f.get("numFmtId"))] = f.get("formatCode")
    fills = []
    for fill in root.findall("m:fills/m:fill", NS):
        pattern = fill.find("m:patternFill", NS)
        solid = pattern is not None and pattern.get("patternType") == "solid"
        fills.append(rgb(pattern.find("m:fgColor", NS)) if solid else None)
    fonts = [(rgb(f.find("m:color", NS)), f.find("m:b", NS) is not None)
             for f in root.findall("m:fonts/m:font", NS)]
    styles = []
    for xf in root.findall("m:cellXfs/m:xf", NS):
        fmt = int(xf.get("numFmtId", "0"))
        fill = int(xf.get("fillId", "0"))
        font = int(xf.get("fontId", "0"))
        styles.append({"format": formats.get(fmt),
                       "fill": fills[fill] if fill < len(fills) else None,
                       "font": fonts[font][0] if font < len(fonts) else None,
                       "bold": fonts[font][1] if font < len(fonts) else False})
    return styles


def read_sheet(z, path, strings, styles):
    """One worksheet's pane, filter, widths and cells."""
    root = ET.fromstring(z.read(path))
    pane = root.find("m:sheetViews/m:sheetView/m:pane", NS)
    frozen = pane.get("topLeftCell") if pane is not None and pane.get("state") == "frozen" else None
    fil = root.find("m:autoFilter", NS)
    widths = {}
    for col in root.findall("m:cols/m:col", NS):
        for n in range(int(col.get("min")), int(col.get("max")) + 1):
            name = ""
            while n:
                n, rest = divmod(n - 1, 26)
                name = chr(65 + rest) + name
            widths[name] = float(col.get("width"))
    cells = {}
    for c in root.iter("{%s}c" % NS["m"]):
        kind = c.get("t", "n")
        v = c.find("m:v", NS)
        style = styles[int(c.get("s", "0"))] if int(c.get("s", "0")) < len(styles) else {}
        if kind == "s":
            value = strings[int(v.text)]
        elif kind == "inlineStr":
            value = "".join(t.text or "" for t in c.iter("{%s}t" % NS["m"]))
        elif v is None:
            value = None
        elif kind == "n":
            value = float(v.text)
        else:
            value = v.text
        cells[c.get("r")] = {"type": kind, "value": value, "format": style.get("format"),
                             "fill": style.get("fill"), "font": style.get("font"),
                             "bold": style.get("bold", False)}
    return {"frozen": frozen, "autofilter": fil.get("ref") if fil is not None else None,
            "widths": widths, "cells": cells}


def main():
    z = zipfile.ZipFile(sys.argv[1])
    book = ET.fromstring(z.read("xl/workbook.xml"))
    rels = {r.get("Id"): r.get("Target") for r in
            ET.fromstring(z.read("xl/_rels/workbook.xml.rels")).findall("p:Relationship", NS)}
    strings = []
    if "xl/sharedStrings.xml" in z.namelist():
        for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", NS):
            strings.append("".join(t.text or "" for t in si.iter("{%s}t" % NS["m"])))
    styles = read_styles(z)
    pr = book.find("m:workbookPr", NS)
    out = {"date1904": pr is not None and pr.get("date1904") in ("1", "true"), "sheets": []}
    for sheet in book.findall("m:sheets/m:sheet", NS):
        target = re.sub(r"^/?(xl/)?", "xl/", rels[sheet.get(R_ID)])
        entry = read_sheet(z, target, strings, styles)
        entry.update(name=sheet.get("name"), state=sheet.get("state", "visible"))
        out["sheets"].append(entry)
    json.dump(out, sys.stdout, indent=1, sort_keys=True)


if __name__ == "__main__":
    main()
