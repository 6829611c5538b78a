#!/usr/bin/env python3
"""Writes documents sightline cannot read, for tests/cli/test_bad_input.sh.

usage: bad_documents.py OUTDIR
Writes each case into OUTDIR and prints one line per case, "FILE|MESSAGE":
MESSAGE is a part of the refusal that says why. Only the standard library:
the PDFs and archives are built by hand.
"""
import io
import os
import sys
import zipfile

PLAN = "Our plan\n\nREF\tACTION\tSTART DATE\tEND DATE\tSRO (Lead)\n1.1\tRecruit\tJul 17\tOct 17\tAB\n"


def pdf(page_content, trailer_extra=b"", extra_objects=()):
    """The bytes of a one-page PDF whose page draws page_content."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
               b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
               b"<< /Length %d >>\nstream\n" % len(page_content) + page_content + b"\nendstream",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Courier >>"] + list(extra_objects)
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, trailer_extra, xref)
    return bytes(out)


def text_stream(text):
    lines = b"".join(b"(" + line.encode("latin-1") + b") Tj T* " for line in text.split("\n"))
    return b"BT /F1 10 Tf 12 TL 36 806 Td " + lines + b"ET"


def archive(parts):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return buf.getvalue()


def docx(document_xml):
    return archive({"[Content_Types].xml": "<Types/>", "word/document.xml": document_xml})


def main():
    out = sys.argv[1]
    good_pdf = pdf(text_stream(PLAN.replace("\t", "   ")))
    good_docx = docx('<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                     '<w:body>' + "".join('<w:p><w:r><w:t>Line %d of a plan</w:t></w:r></w:p>' % i
                                          for i in range(200)) + '</w:body></w:document>')
    # an encryption dictionary whose passwords fit no key: no reader can decrypt it
    encrypt = (b"<< /Filter /Standard /V 1 /R 2 /O <" + b"41" * 32 + b"> /U <" + b"42" * 32 +
               b"> /P -3904 >>")
    cases = {
        "truncated.pdf": (good_pdf[:len(good_pdf) // 2], "the PDF is cut short"),
        "scanned.pdf": (pdf(b"0 0 1 rg 36 36 500 700 re f"), "no text layer"),
        "encrypted.pdf": (pdf(text_stream("Secret plan"), b"/Encrypt 6 0 R /ID [<01020304><01020304>] ",
                              [encrypt]), "the PDF is encrypted"),
        "empty.pdf": (b"", "the file is empty (0 bytes)"),
        "empty.docx": (b"", "the file is empty (0 bytes)"),
        "not-word.docx": (archive({"notes.txt": "hello", "photo.png": b"\x89PNG"}),
                          "not an xlsx workbook, Word document (.docx) or OpenDocument text (.odt)"),
        "truncated.docx": (good_docx[:len(good_docx) // 2], "damaged or cut short"),
        "corrupt.docx": (good_docx[:40] + bytes(b ^ 0x55 for b in good_docx[40:400]) + good_docx[400:],
                         "damaged"),
        "bad-xml.docx": (docx("<w:document><w:body><w:p>"), "word/document.xml is not well-formed XML"),
        "pictures.docx": (docx('<w:document xmlns:w="x"><w:body><w:p><w:r><w:drawing/></w:r></w:p>'
                               '</w:body></w:document>'), "the Word document holds no text"),
        "legacy.doc": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504, "old binary format"),
        "no-text.odt": (archive({"mimetype": "application/vnd.oasis.opendocument.text"}),
                        "not an xlsx workbook, Word document (.docx) or OpenDocument text (.odt)"),
    }
    for name, (data, message) in cases.items():
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)
        print("%s|%s" % (name, message))


if __name__ == "__main__":
    main()
