#!/usr/bin/env python3
"""text_to_pdf.py TEXT PDF — writes a plain PDF of a text file, one line of
Courier per line of text, so tests can feed sightline a real PDF (read back
through pdftotext) without a PDF library. The square bullets of Ofsted's
reports become the Windows-1252 bullet, as some PDF fonts carry them; other
characters outside Windows-1252 become '?'."""
import sys

LINES_PER_PAGE = 72
FONT_SIZE = 8
LEADING = 10.5


def escape(line):
    raw = line.replace("\u25fc", "\u2022").encode("cp1252", errors="replace")
    out = bytearray()
    for b in raw:
        if b in b"\\()":
            out += b"\\"
        out.append(b)
    return bytes(out)


def page_stream(lines):
    body = bytearray(b"BT /F1 %d Tf %.1f TL 36 806 Td\n" % (FONT_SIZE, LEADING))
    for line in lines:
        body += b"(" + escape(line.rstrip("\n")) + b") Tj T*\n"
    body += b"ET\n"
    return bytes(body)


def main():
    text = open(sys.argv[1], encoding="utf-8").read().split("\n")
    pages = [text[i:i + LINES_PER_PAGE] for i in range(0, len(text), LINES_PER_PAGE)] or [[]]
    objects = []  # bodies of objects 1..n
    n_pages = len(pages)
    # 1 catalog, 2 pages, 3 font, then per page: page object, content stream.
    kids = " ".join("%d 0 R" % (4 + 2 * i) for i in range(n_pages))
    # Courier's glyphs are 0.6 em wide: make the page wide enough for the longest line.
    width = max(595, int(72 + 0.6 * FONT_SIZE * max(len(line) for line in text)) + 1)
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids.encode(), n_pages))
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >>")
    for i, lines in enumerate(pages):
        stream = page_stream(lines)
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d 842] "
                       b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % (width, 5 + 2 * i))
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"endstream")
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    open(sys.argv[2], "wb").write(out)


if __name__ == "__main__":
    main()
