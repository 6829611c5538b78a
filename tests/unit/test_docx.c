/* test_docx.c — Word, OpenDocument and HTML into lines and cells: gridSpan
 * and vMerge applied to every row they span, nested tables, tracked
 * changes accepted, fields and footnotes left out, heading levels and list
 * numbering from styles.xml and numbering.xml, and the same for .odt. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "import/format/doc_text.h"
#include "import/format/docx_styles.h"
#include "import/format/docx_text.h"
#include "import/format/html_text.h"
#include "import/format/odt_text.h"

#define W_OPEN "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
#define W_CLOSE "</w:body></w:document>"
#define P(t) "<w:p><w:r><w:t>" t "</w:t></w:r></w:p>"
#define TC(t) "<w:tc>" P(t) "</w:tc>"

/* Returns the text of document.xml body XML (styles and numbering may be
 * NULL); the caller frees it. */
static char *docx_lines(const char *body, const char *styles, const char *numbering)
{
    sl_docx_styles st;
    sl_error err = {0};
    sl_doc doc;
    sl_doc_init(&doc);
    sl_buf xml = SL_BUF_INIT, out = SL_BUF_INIT;
    sl_buf_cprintf(&xml, "%s%s%s", W_OPEN, body, W_CLOSE);
    int rc = sl_docx_styles_parse(styles, styles ? strlen(styles) : 0, numbering,
                                  numbering ? strlen(numbering) : 0, "t.docx", &st, &err);
    if (rc == 0)
        rc = sl_docx_parse(xml.data, xml.len, &st, "t.docx", &doc, &err);
    CHECK(rc == 0, "docx parse failed: %s", err.message);
    sl_doc_render(&doc, &out);
    sl_doc_free(&doc);
    sl_docx_styles_free(&st);
    sl_buf_free(&xml);
    return sl_buf_take(&out);
}

/* Checks that got holds want, and frees got. */
static void expect(char *got, const char *want, const char *what)
{
    CHECK(strstr(got, want) != NULL, "%s: want '%s' in:\n%s", what, want, got);
    free(got);
}

/* A cell spanning columns keeps the next cells in their columns; a cell
 * merged down gives its text on every row it spans. */
static void test_merges(void)
{
    expect(docx_lines("<w:tbl><w:tr>" TC("REF") TC("ACTION") TC("LEAD") TC("DUE") "</w:tr>"
                      "<w:tr><w:tc><w:tcPr><w:gridSpan w:val=\"4\"/></w:tcPr>" P("SUB-HEADING") "</w:tc></w:tr>"
                      "<w:tr>" TC("1.1") "<w:tc><w:tcPr><w:gridSpan w:val=\"2\"/></w:tcPr>" P("Two columns")
                      "</w:tc>" TC("Oct 17") "</w:tr></w:tbl>",
                      NULL, NULL),
           "REF\tACTION\tLEAD\tDUE\nSUB-HEADING\t\t\t\n1.1\tTwo columns\t\tOct 17\n", "gridSpan");
    expect(docx_lines("<w:tbl><w:tr>" TC("REF") TC("LEAD") TC("DUE") "</w:tr>"
                      "<w:tr>" TC("1.1") "<w:tc><w:tcPr><w:vMerge w:val=\"restart\"/></w:tcPr>" P("JN") "</w:tc>"
                      TC("Jul 17") "</w:tr>"
                      "<w:tr>" TC("1.2") "<w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>" TC("Aug 17") "</w:tr>"
                      "<w:tr>" TC("1.3") "<w:tc><w:tcPr><w:vMerge w:val=\"continue\"/></w:tcPr><w:p/></w:tc>"
                      TC("Sep 17") "</w:tr>"
                      "<w:tr>" TC("1.4") TC("BP") TC("Oct 17") "</w:tr></w:tbl>",
                      NULL, NULL),
           "1.1\tJN\tJul 17\n1.2\tJN\tAug 17\n1.3\tJN\tSep 17\n1.4\tBP\tOct 17\n", "vMerge");
    /* a theme column merged down beside rows that span */
    expect(docx_lines("<w:tbl><w:tr><w:tc><w:tcPr><w:vMerge w:val=\"restart\"/></w:tcPr>" P("Theme A")
                      "</w:tc>" TC("1.1") "</w:tr><w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>"
                      TC("1.2") "</w:tr></w:tbl>",
                      NULL, NULL),
           "Theme A\t1.1\nTheme A\t1.2\n", "vMerge in the first column");
}

/* A cell's paragraphs are kept as lines; a nested table becomes a line per
 * row; a table of one cell is a frame round its content. */
static void test_cells_and_nesting(void)
{
    expect(docx_lines("<w:tbl><w:tr>" TC("1.1") "<w:tc>" P("First") P("Second") "</w:tc></w:tr></w:tbl>",
                      NULL, NULL),
           "1.1\t<p>First</p><p>Second</p>\n", "a cell's paragraphs");
    expect(docx_lines("<w:tbl><w:tr>" TC("1.1") "<w:tc>" P("Milestones")
                      "<w:tbl><w:tr>" TC("Q1") TC("Done") "</w:tr><w:tr>" TC("Q2") TC("Due") "</w:tr></w:tbl>"
                      "</w:tc></w:tr></w:tbl>",
                      NULL, NULL),
           "1.1\t<p>Milestones</p><p>Q1 | Done</p><p>Q2 | Due</p>\n", "a nested table");
    expect(docx_lines("<w:tbl><w:tr><w:tc><w:tbl><w:tr>" TC("REF") TC("ACTION") "</w:tr><w:tr>" TC("1.1")
                      TC("Recruit") "</w:tr></w:tbl><w:p/></w:tc></w:tr></w:tbl>",
                      NULL, NULL),
           "REF\tACTION\n1.1\tRecruit\n", "a framed table");
}

/* Tracked changes accepted: insertions kept, deletions and deleted rows
 * dropped, a deleted paragraph mark joins two paragraphs; field codes and
 * page fields and footnote references left out. */
static void test_tracked_and_fields(void)
{
    char *got = docx_lines("<w:p><w:r><w:t xml:space=\"preserve\">Keep </w:t></w:r>"
                           "<w:ins w:id=\"1\"><w:r><w:t>inserted</w:t></w:r></w:ins>"
                           "<w:del w:id=\"2\"><w:r><w:delText> deleted</w:delText></w:r></w:del>"
                           "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>"
                           "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>12</w:t></w:r>"
                           "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
                           "<w:r><w:footnoteReference w:id=\"3\"/></w:r>"
                           "<w:fldSimple w:instr=\" NUMPAGES \"><w:r><w:t>40</w:t></w:r></w:fldSimple>"
                           "<w:fldSimple w:instr=\" HYPERLINK x \"><w:r><w:t> link</w:t></w:r></w:fldSimple></w:p>"
                           "<w:p><w:pPr><w:rPr><w:del w:id=\"4\"/></w:rPr></w:pPr><w:r><w:t xml:space=\"preserve\">"
                           "Joined </w:t></w:r></w:p>" P("paragraph")
                           "<w:tbl><w:tr>" TC("1.1") "</w:tr><w:tr><w:trPr><w:del w:id=\"5\"/></w:trPr>" TC("1.2")
                           "</w:tr><w:tr>" TC("1.3") "</w:tr></w:tbl>",
                           NULL, NULL);
    CHECK(strstr(got, "Keep inserted link\n") != NULL, "insertion and hyperlink kept, the rest dropped:\n%s", got);
    CHECK(!strstr(got, "deleted") && !strstr(got, "12") && !strstr(got, "40") && !strstr(got, "PAGE"),
          "deleted text and fields left out:\n%s", got);
    CHECK(strstr(got, "Joined paragraph\n") != NULL, "a deleted paragraph mark joins:\n%s", got);
    CHECK(strstr(got, "1.1\n1.3\n") != NULL && !strstr(got, "1.2"), "a deleted row dropped:\n%s", got);
    free(got);
    got = docx_lines("<w:p><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText>TOC \\o</w:instrText>"
                     "</w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>Recommendations 4</w:t>"
                     "</w:r></w:p>" P("Contents entry") "<w:p><w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>"
                     P("Recommendations"),
                     NULL, NULL);
    CHECK(!strstr(got, "Recommendations 4") && !strstr(got, "Contents entry") && strstr(got, "Recommendations\n"),
          "a table of contents left out, across paragraphs:\n%s", got);
    free(got);
}

/* Heading levels from styles (through basedOn), list labels from numbering. */
static void test_styles_and_numbering(void)
{
    const char *styles =
        "<w:styles xmlns:w=\"x\"><w:style w:type=\"paragraph\" w:styleId=\"H1\"><w:name w:val=\"heading 1\"/>"
        "<w:pPr><w:numPr><w:numId w:val=\"1\"/></w:numPr></w:pPr></w:style>"
        "<w:style w:type=\"paragraph\" w:styleId=\"Mine\"><w:name w:val=\"My heading\"/><w:basedOn w:val=\"H2\"/>"
        "</w:style><w:style w:type=\"paragraph\" w:styleId=\"H2\"><w:name w:val=\"Custom\"/>"
        "<w:pPr><w:outlineLvl w:val=\"1\"/></w:pPr></w:style></w:styles>";
    const char *numbering =
        "<w:numbering xmlns:w=\"x\"><w:abstractNum w:abstractNumId=\"0\">"
        "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%1.\"/></w:lvl>"
        "<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%1.%2\"/></w:lvl>"
        "</w:abstractNum><w:abstractNum w:abstractNumId=\"1\"><w:lvl w:ilvl=\"0\"><w:numFmt w:val=\"bullet\"/>"
        "<w:lvlText w:val=\"o\"/></w:lvl></w:abstractNum><w:abstractNum w:abstractNumId=\"2\"><w:lvl w:ilvl=\"0\">"
        "<w:start w:val=\"1\"/><w:numFmt w:val=\"lowerLetter\"/><w:lvlText w:val=\"(%1)\"/></w:lvl></w:abstractNum>"
        "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num><w:num w:numId=\"2\"><w:abstractNumId w:val=\"1\"/>"
        "</w:num><w:num w:numId=\"3\"><w:abstractNumId w:val=\"2\"/></w:num><w:num w:numId=\"4\">"
        "<w:abstractNumId w:val=\"0\"/><w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"7\"/></w:lvlOverride>"
        "</w:num></w:numbering>";
#define PS(style, t) "<w:p><w:pPr><w:pStyle w:val=\"" style "\"/></w:pPr><w:r><w:t>" t "</w:t></w:r></w:p>"
#define PN(num, lvl, t)                                                                                         \
    "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"" lvl "\"/><w:numId w:val=\"" num "\"/></w:numPr></w:pPr><w:r><w:t>" t \
    "</w:t></w:r></w:p>"
    char *got = docx_lines(PS("H1", "STRATEGIC") PN("1", "1", "Sub") PN("1", "1", "Sub two") PS("H1", "STRUCTURAL")
                               PN("1", "1", "Again") PN("2", "0", "Bullet") PN("3", "0", "Lettered")
                               PN("3", "0", "Lettered two") PN("4", "0", "Restarted"),
                           styles, numbering);
    CHECK(strstr(got, "1. STRATEGIC\n1.1 Sub\n1.2 Sub two\n2. STRUCTURAL\n2.1 Again\n\xE2\x80\xA2 Bullet\n"
                      "(a) Lettered\n(b) Lettered two\n7. Restarted\n") != NULL,
          "labels:\n%s", got);
    free(got);
    sl_docx_styles st;
    sl_error err = {0};
    CHECK(sl_docx_styles_parse(styles, strlen(styles), NULL, 0, "t.docx", &st, &err) == 0, "styles");
    CHECK(sl_docx_style_heading(&st, "H1") == 1, "heading 1 by name");
    CHECK(sl_docx_style_heading(&st, "Mine") == 2, "heading 2 through basedOn and outlineLvl");
    CHECK(sl_docx_style_heading(&st, "Nope") == 0, "no such style");
    sl_docx_styles_free(&st);
    /* the heading level is kept in the model */
    sl_doc doc;
    sl_doc_init(&doc);
    CHECK(sl_docx_styles_parse(styles, strlen(styles), NULL, 0, "t.docx", &st, &err) == 0, "styles");
    const char *xml = W_OPEN PS("Mine", "Areas") W_CLOSE;
    CHECK(sl_docx_parse(xml, strlen(xml), &st, "t.docx", &doc, &err) == 0, "parse");
    CHECK(doc.body.n == 1 && doc.body.items[0].heading == 2, "heading level 2 kept");
    sl_doc_free(&doc);
    sl_docx_styles_free(&st);
}

/* Broken XML and a DTD are refused with the file and part named. */
static void test_refusals(void)
{
    sl_doc doc;
    sl_doc_init(&doc);
    sl_error err = {0};
    const char *bad = W_OPEN "<w:p>";
    CHECK(sl_docx_parse(bad, strlen(bad), NULL, "t.docx", &doc, &err) < 0 && strstr(err.message, "word/document.xml"),
          "not well-formed: %s", err.message);
    sl_doc_free(&doc);
    sl_doc_init(&doc);
    memset(&err, 0, sizeof err);
    const char *dtd = "<!DOCTYPE x [<!ENTITY a \"aaaa\">]><x>&a;</x>";
    CHECK(sl_docx_parse(dtd, strlen(dtd), NULL, "t.docx", &doc, &err) < 0 && strstr(err.message, "DTD"),
          "a DTD: %s", err.message);
    sl_doc_free(&doc);
}

/* OpenDocument: headings, lists, spans, covered cells, notes left out. */
static void test_odt(void)
{
    const char *content =
        "<office:document-content xmlns:office=\"o\" xmlns:text=\"t\" xmlns:table=\"b\" xmlns:style=\"s\">"
        "<office:automatic-styles><text:list-style style:name=\"L1\"><text:list-level-style-number text:level=\"1\""
        " style:num-format=\"1\" style:num-suffix=\".\"/><text:list-level-style-number text:level=\"2\""
        " style:num-format=\"a\" style:num-suffix=\")\"/></text:list-style></office:automatic-styles>"
        "<office:body><office:text><text:tracked-changes><text:changed-region><text:deletion><text:p>Gone</text:p>"
        "</text:deletion></text:changed-region></text:tracked-changes>"
        "<text:h text:outline-level=\"2\">Plan   <text:s text:c=\"2\"/>title</text:h>"
        "<text:p>Text<text:note><text:note-body><text:p>Footnote</text:p></text:note-body></text:note> here"
        "<text:tab/>tabbed</text:p>"
        "<text:list text:style-name=\"L1\"><text:list-item><text:p>One</text:p><text:list><text:list-item>"
        "<text:p>Sub</text:p></text:list-item></text:list></text:list-item><text:list-item><text:p>Two</text:p>"
        "</text:list-item></text:list>"
        "<table:table><table:table-row><table:table-cell><text:p>REF</text:p></table:table-cell><table:table-cell>"
        "<text:p>LEAD</text:p></table:table-cell><table:table-cell><text:p>DUE</text:p></table:table-cell>"
        "</table:table-row><table:table-row><table:table-cell table:number-columns-spanned=\"3\"><text:p>HEADING"
        "</text:p></table:table-cell><table:covered-table-cell/><table:covered-table-cell/></table:table-row>"
        "<table:table-row><table:table-cell><text:p>1.1</text:p></table:table-cell><table:table-cell"
        " table:number-rows-spanned=\"2\"><text:p>JN</text:p></table:table-cell><table:table-cell><text:p>Jul 17"
        "</text:p></table:table-cell></table:table-row><table:table-row><table:table-cell><text:p>1.2</text:p>"
        "</table:table-cell><table:covered-table-cell/><table:table-cell><text:p>Aug 17</text:p>"
        "</table:table-cell></table:table-row></table:table></office:text></office:body></office:document-content>";
    sl_doc doc;
    sl_doc_init(&doc);
    sl_error err = {0};
    CHECK(sl_odt_parse(content, strlen(content), NULL, 0, "t.odt", &doc, &err) == 0, "odt: %s", err.message);
    sl_buf out = SL_BUF_INIT;
    sl_doc_render(&doc, &out);
    const char *got = sl_buf_str(&out);
    CHECK(strstr(got, "Plan   title\nText here\ttabbed\n1. One\na) Sub\n2. Two\n") != NULL, "odt text:\n%s", got);
    CHECK(strstr(got, "REF\tLEAD\tDUE\nHEADING\t\t\n1.1\tJN\tJul 17\n1.2\tJN\tAug 17\n") != NULL, "odt table:\n%s", got);
    CHECK(!strstr(got, "Gone") && !strstr(got, "Footnote"), "tracked deletions and notes left out:\n%s", got);
    CHECK(doc.body.n > 0 && doc.body.items[0].heading == 2, "odt heading level");
    sl_buf_free(&out);
    sl_doc_free(&doc);
}

/* HTML: detected by content, scripts and the head left out, entities
 * decoded, lists numbered from their start, colspan and rowspan on the grid. */
static void test_html(void)
{
    const char *page =
        "\n  <!DOCTYPE html><html><head><title>Not this</title><script>var t = '<table>';</script></head>"
        "<body><h2>Plan &amp; board</h2><!-- <p>comment</p> --><ol start=\"3\"><li>Third<li>Fourth</ol>"
        "<table><tr><th>REF<th>LEAD<th>DUE</tr><tr><td colspan=3>HEADING</td></tr>"
        "<tr><td>1.1<td rowspan=\"2\">JN<td>Jul 17</tr><tr><td>1.2<td>Aug 17</tr>"
        "<tr><td>1.3</td><td>BP<br>AB</td><td>Sep 17</td></tr></table></body></html>";
    CHECK(sl_is_html(page, strlen(page)), "a page");
    CHECK(!sl_is_html("REF\tACTION\n1.1\t<p>a</p>\n", 21), "a plan with HTML in its cells is no page");
    size_t len;
    char *got = sl_html_text(page, strlen(page), &len);
    CHECK(strstr(got, "Plan & board\n3. Third\n4. Fourth\n") != NULL, "html text:\n%s", got);
    CHECK(strstr(got, "REF\tLEAD\tDUE\nHEADING\t\t\n1.1\tJN\tJul 17\n1.2\tJN\tAug 17\n"
                      "1.3\t<p>BP</p><p>AB</p>\tSep 17\n") != NULL,
          "html table:\n%s", got);
    CHECK(!strstr(got, "Not this") && !strstr(got, "var t") && !strstr(got, "comment"), "left out:\n%s", got);
    CHECK(strlen(got) == len, "length");
    free(got);
}

void test_docx(void)
{
    test_merges();
    test_cells_and_nesting();
    test_tracked_and_fields();
    test_styles_and_numbering();
    test_refusals();
    test_odt();
    test_html();
}
