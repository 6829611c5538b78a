#!/usr/bin/env python3
"""text_to_docx.py TEXT OUT.docx|OUT.odt|OUT.html — writes a Word document
(or an OpenDocument text, or an HTML page, by OUT's extension) of a plan
document's text as a council's author would have made it, with the standard
library only:

* tab-separated rows become tables (one per run of rows), a row with text in
  its first cell only becomes one cell spanning the table (gridSpan /
  number-columns-spanned), and a cell equal to the one above it is merged
  with it vertically (vMerge / number-rows-spanned / rowspan);
* a cell's HTML paragraphs and list items (<p>, <br>, <li>) become the
  cell's own paragraphs and bullet items;
* "- item" lines become a bulleted list; "1. TITLE" lines in sequence become
  numbered headings (Heading 1 with list numbering), other short lines in
  capitals Heading 2;
* --nest wraps every table in a one-cell frame table (a nested table);
* --tracked adds tracked changes that must be read as accepted: an inserted
  word kept, a deleted sentence, a deleted row and a page-number field dropped.

sightline must read the result as the same plan as the text (tests compare
`export --format csv`)."""
import html
import re
import sys
import zipfile
from xml.sax.saxutils import escape

BULLET = re.compile(r"^[-*] (.*)$")
NUMBERED = re.compile(r"^(\d+)\. (\S.*)$")


def cell_paragraphs(cell):
    """A cell's text as (kind, text) paragraphs: 'p' or 'li'."""
    if "<" not in cell:
        return [("p", cell)] if cell.strip() else []
    out = []
    for piece in re.split(r"(<li>|</li>|<p>|</p>|<br\s*/?>|<ul>|</ul>|<ol>|</ol>)", cell):
        if piece == "<li>":
            out.append(("li", ""))
        elif piece is None or re.fullmatch(r"<[^>]*>", piece):
            out.append(("p", ""))
        else:
            text = html.unescape(piece)
            if out and out[-1][1] == "" and text.strip():
                out[-1] = (out[-1][0], text.strip())
            elif text.strip():
                out.append(("p", text.strip()))
    return [p for p in out if p[1]]


def blocks_of(text):
    """The document as blocks: ('p', style, text) and ('table', rows)."""
    blocks, table, heading_no = [], [], 0
    for line in text.split("\n"):
        if "\t" in line:
            table.append(line.split("\t"))
            continue
        if table:
            blocks.append(("table", table))
            table = []
        m, b = NUMBERED.match(line), BULLET.match(line)
        if m and int(m.group(1)) == heading_no + 1 and len(line) < 80 and m.group(2).isupper():
            heading_no += 1
            blocks.append(("p", "numbered", m.group(2)))
        elif b:
            blocks.append(("p", "bullet", b.group(1)))
        elif 3 < len(line) < 80 and line.isupper() and not line.strip().startswith(("REF", "NO.")):
            blocks.append(("p", "Heading2", line))
        else:
            blocks.append(("p", None, line))
    if table:
        blocks.append(("table", table))
    return blocks


def grid(rows):
    """Each row as cells (text, span, merge) on a grid as wide as the widest row."""
    width = max(len(r) for r in rows)
    out = []
    for i, r in enumerate(rows):
        r = r + [""] * (width - len(r))
        if r[0].strip() and not any(c.strip() for c in r[1:]) and width > 1:
            out.append([(r[0], width, None)])
            continue
        cells = []
        for k, c in enumerate(r):
            merge = None
            above = rows[i - 1] if i else None
            if above is not None and len(out[-1]) == width and k < len(above) and c.strip() \
                    and "<" not in c and above[k] == c:
                merge = "continue"
                prev = out[-1][k]
                out[-1][k] = (prev[0], 1, prev[2] or "restart")
            cells.append((c, 1, merge))
        out.append(cells)
    return out


# --------------------------------------------------------------------------- Word

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def w_run(text):
    return '<w:r><w:t xml:space="preserve">%s</w:t></w:r>' % escape(text)


def w_para(text, style=None, num=None, extra=""):
    ppr = ""
    if style or num:
        ppr = "<w:pPr>%s%s</w:pPr>" % ('<w:pStyle w:val="%s"/>' % style if style else "",
                                       '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="%d"/></w:numPr>' % num
                                       if num else "")
    return "<w:p>%s%s%s</w:p>" % (ppr, w_run(text) if text else "", extra)


def w_cell(text, span, merge):
    pr = ""
    if span > 1 or merge:
        pr = "<w:tcPr>%s%s</w:tcPr>" % ('<w:gridSpan w:val="%d"/>' % span if span > 1 else "",
                                        '<w:vMerge w:val="restart"/>' if merge == "restart"
                                        else "<w:vMerge/>" if merge else "")
    paras = [] if merge == "continue" else cell_paragraphs(text)
    body = "".join(w_para(t, num=2 if k == "li" else None) for k, t in paras) or "<w:p/>"
    return "<w:tc>%s%s</w:tc>" % (pr, body)


def w_table(rows, tracked):
    g = grid(rows)
    width = max(len(r) for r in rows)
    body = "".join("<w:tr>%s</w:tr>" % "".join(w_cell(*c) for c in r) for r in g)
    if tracked:
        body += ('<w:tr><w:trPr><w:del w:id="90" w:author="a" w:date="2017-01-01T00:00:00Z"/></w:trPr>'
                 + "".join("<w:tc><w:p><w:del w:id=\"91\" w:author=\"a\"><w:r><w:delText>9.%d gone"
                           "</w:delText></w:r></w:del></w:p></w:tc>" % k for k in range(width)) + "</w:tr>")
    grid_cols = "<w:tblGrid>%s</w:tblGrid>" % ('<w:gridCol w:w="1000"/>' * width)
    return "<w:tbl>%s%s</w:tbl>" % (grid_cols, body)


def w_tracked(text):
    """A paragraph with an inserted word, a deleted sentence and a page field."""
    return ('<w:p><w:ins w:id="1" w:author="a"><w:r><w:t xml:space="preserve">%s</w:t></w:r></w:ins>'
            '<w:del w:id="2" w:author="a"><w:r><w:delText> This sentence was deleted.</w:delText></w:r></w:del>'
            '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>7</w:t></w:r>'
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
            '<w:r><w:footnoteReference w:id="1"/></w:r></w:p>') % escape(text)


def docx_body(blocks, nest, tracked):
    parts, tracked_done = [], not tracked
    for b in blocks:
        if b[0] == "table":
            t = w_table(b[1], tracked)
            parts.append("<w:tbl><w:tr><w:tc>%s<w:p/></w:tc></w:tr></w:tbl>" % t if nest else t)
        elif b[1] == "numbered":
            parts.append(w_para(b[2], "Heading1", 1))
        elif b[1] == "bullet":
            parts.append(w_para(b[2], None, 2))
        elif not tracked_done and b[2]:
            parts.append(w_tracked(b[2]))
            tracked_done = True
        else:
            parts.append(w_para(b[2], b[1]))
    return "".join(parts)


STYLES = ('<w:styles %s><w:style w:type="paragraph" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
          '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/>'
          '<w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>'
          '<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/>'
          '<w:basedOn w:val="Normal"/></w:style></w:styles>') % W
NUMBERING = ('<w:numbering %s><w:abstractNum w:abstractNumId="10"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
             '<w:numFmt w:val="decimal"/><w:lvlText w:val="%%1."/></w:lvl></w:abstractNum>'
             '<w:abstractNum w:abstractNumId="20"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/>'
             '<w:lvlText w:val="\uf0b7"/></w:lvl></w:abstractNum>'
             '<w:num w:numId="1"><w:abstractNumId w:val="10"/></w:num>'
             '<w:num w:numId="2"><w:abstractNumId w:val="20"/></w:num></w:numbering>') % W


def write_docx(blocks, out, nest, tracked):
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml",
                   '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   '<Default Extension="xml" ContentType="application/xml"/></Types>')
        z.writestr("word/document.xml", '<w:document %s><w:body>%s</w:body></w:document>'
                   % (W, docx_body(blocks, nest, tracked)))
        z.writestr("word/styles.xml", STYLES)
        z.writestr("word/numbering.xml", NUMBERING)


# --------------------------------------------------------------------------- OpenDocument

NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
      'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"')


def o_para(text):
    return "<text:p>%s</text:p>" % escape(text)


def o_cell(text, span, merge, rowspan):
    if merge == "continue":
        return "<table:covered-table-cell/>"
    attrs = ' table:number-columns-spanned="%d"' % span if span > 1 else ""
    attrs += ' table:number-rows-spanned="%d"' % rowspan if rowspan > 1 else ""
    paras = cell_paragraphs(text)
    body = "".join('<text:list text:style-name="B"><text:list-item>%s</text:list-item></text:list>' % o_para(t)
                   if k == "li" else o_para(t) for k, t in paras)
    covered = "<table:covered-table-cell/>" * (span - 1)
    return "<table:table-cell%s>%s</table:table-cell>%s" % (attrs, body, covered)


def o_table(rows):
    g = grid(rows)
    out = []
    for i, r in enumerate(g):
        cells = []
        for k, (text, span, merge) in enumerate(r):
            rowspan = 1
            if merge == "restart":
                while i + rowspan < len(g) and len(g[i + rowspan]) > k and g[i + rowspan][k][2] == "continue":
                    rowspan += 1
            cells.append(o_cell(text, span, merge, rowspan))
        out.append("<table:table-row>%s</table:table-row>" % "".join(cells))
    return "<table:table>%s</table:table>" % "".join(out)


def write_odt(blocks, out):
    parts, numbered = [], 0
    for b in blocks:
        if b[0] == "table":
            parts.append(o_table(b[1]))
        elif b[1] == "numbered":
            parts.append('<text:list text:style-name="N"%s><text:list-item><text:h text:outline-level="1">%s'
                         '</text:h></text:list-item></text:list>'
                         % (' text:continue-numbering="true"' if numbered else "", escape(b[2])))
            numbered += 1
        elif b[1] == "bullet":
            parts.append('<text:list text:style-name="B"><text:list-item>%s</text:list-item></text:list>'
                         % o_para(b[2]))
        elif b[1] == "Heading2":
            parts.append('<text:h text:outline-level="2">%s</text:h>' % escape(b[2]))
        else:
            parts.append(o_para(b[2]))
    styles = ('<office:automatic-styles><text:list-style style:name="N"><text:list-level-style-number '
              'text:level="1" style:num-format="1" style:num-suffix="."/></text:list-style>'
              '<text:list-style style:name="B"><text:list-level-style-bullet text:level="1" '
              'text:bullet-char="\u2022"/></text:list-style></office:automatic-styles>')
    content = ('<office:document-content %s>%s<office:body><office:text>'
               '<text:tracked-changes><text:changed-region text:id="c1"><text:deletion>'
               '<text:p>Deleted text that is not there.</text:p></text:deletion></text:changed-region>'
               '</text:tracked-changes>%s</office:text></office:body></office:document-content>'
               % (NS, styles, "".join(parts)))
    with zipfile.ZipFile(out, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        z.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
        z.writestr("META-INF/manifest.xml", '<manifest:manifest xmlns:manifest='
                   '"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>', zipfile.ZIP_DEFLATED)


# --------------------------------------------------------------------------- HTML

def h_cell(text, span, rowspan):
    attrs = ' colspan="%d"' % span if span > 1 else ""
    attrs += ' rowspan="%d"' % rowspan if rowspan > 1 else ""
    paras = cell_paragraphs(text)
    body = "".join("<ul><li>%s</li></ul>" % escape(t) if k == "li" else "<p>%s</p>" % escape(t)
                   for k, t in paras) if len(paras) > 1 else escape(paras[0][1]) if paras else ""
    return "<td%s>%s</td>" % (attrs, body)


def write_html(blocks, out):
    parts = ["<!DOCTYPE html>\n<html><head><title>Plan</title><style>td { border: 1px solid }</style>"
             "<script>var x = '<table>';</script></head><body>"]
    numbered = 0
    for b in blocks:
        if b[0] == "table":
            g = grid(b[1])
            rows = []
            for i, r in enumerate(g):
                cells = []
                for k, (text, span, merge) in enumerate(r):
                    if merge == "continue":
                        continue
                    rowspan = 1
                    if merge == "restart":
                        while i + rowspan < len(g) and len(g[i + rowspan]) > k and g[i + rowspan][k][2] == "continue":
                            rowspan += 1
                    cells.append(h_cell(text, span, rowspan))
                rows.append("<tr>%s</tr>" % "".join(cells))
            parts.append("<table>%s</table>" % "\n".join(rows))
        elif b[1] == "numbered":
            numbered += 1
            parts.append('<ol start="%d"><li><h1>%s</h1></li></ol>' % (numbered, escape(b[2])))
        elif b[1] == "bullet":
            parts.append("<ul><li>%s</li></ul>" % escape(b[2]))
        elif b[1] == "Heading2":
            parts.append("<h2>%s</h2>" % escape(b[2]))
        elif b[2].strip():
            parts.append("<p>%s</p>" % escape(b[2]))
    parts.append("<!-- saved from a council's website --></body></html>\n")
    with open(out, "w", encoding="utf-8") as f:
        f.write("\n".join(parts))


def main(argv):
    args = [a for a in argv[1:] if not a.startswith("--")]
    # control characters (a PDF's page breaks, \f) have no place in XML
    text = re.sub(r"[\x00-\x08\x0b-\x1f]", "", open(args[0], encoding="utf-8").read())
    blocks = blocks_of(text)
    if args[1].endswith(".odt"):
        write_odt(blocks, args[1])
    elif args[1].endswith(".html"):
        write_html(blocks, args[1])
    else:
        write_docx(blocks, args[1], "--nest" in argv, "--tracked" in argv)


if __name__ == "__main__":
    main(sys.argv)
