/* test_report.c — the report model and its renderers: escaping in HTML and
 * Markdown, RAG cells carrying word and colour, the print rules of the HTML,
 * worksheet names, and a workbook written from the model. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "report/report_doc.h"

#define HOSTILE "<script>&\"|"

/* Builds a small report whose texts try to break every format. */
static void build(sl_report *r)
{
    sl_report_init(r, "Title " HOSTILE, "Board <b>", sl_day_from_ymd(2017, 9, 5));
    sl_report_section *s = sl_report_add_section(r, "Section | one", "Sheet: [one]");
    sl_report_add_paragraph(s, "Label *x*", "Line one\nline two " HOSTILE);
    static const char *const headers[] = {"Ref", "RAG", "Note"};
    sl_report_table *t = sl_report_add_table(s, 3, headers);
    const char *row[] = {"1.1", "", "a|b <i>_c_</i>"};
    size_t at = sl_report_add_row(t, row);
    sl_report_set_rag(t, at, 1, SL_RAG_RED);
    sl_report_add_bullet(s, "first " HOSTILE);
    sl_report_add_bullet(s, "second");
    sl_report_add_section(r, "Section | one", NULL);
}

/* Returns 1 when hay contains needle. */
static int has(const char *hay, const char *needle)
{
    return strstr(hay, needle) != NULL;
}

/* The HTML: escaped text, a complete document, print rules, RAG word and colour. */
static void test_html(const sl_report *r)
{
    sl_buf b = SL_BUF_INIT;
    sl_report_html(&b, r);
    const char *h = sl_buf_str(&b);
    CHECK(!has(h, "<script"), "html: a raw <script> got through");
    CHECK(has(h, "Title &lt;script&gt;&amp;&quot;|"), "html: title not escaped");
    CHECK(has(h, "Board &lt;b&gt;"), "html: board not escaped");
    CHECK(has(h, "a|b &lt;i&gt;_c_&lt;/i&gt;"), "html: cell not escaped");
    CHECK(strncmp(h, "<!DOCTYPE html>\n<html lang=\"en-GB\">", 35) == 0, "html: doctype/lang");
    CHECK(has(h, "<meta charset=\"utf-8\">") && has(h, "<title>"), "html: charset or title");
    CHECK(has(h, "@page") && has(h, "counter(pages)") && has(h, "size: A4"), "html: @page rules");
    CHECK(has(h, "thead { display: table-header-group; }"), "html: repeated headings");
    CHECK(has(h, "tr { break-inside: avoid;"), "html: rows kept whole");
    CHECK(has(h, "<td class=\"rag rag-red\">Red</td>"), "html: RAG cell without word and colour");
    CHECK(has(h, "<li>first &lt;script&gt;"), "html: bullets");
    CHECK(has(h, "As at 5 September 2017"), "html: running header day");
    CHECK(!has(h, "http://") && !has(h, "https://") && !has(h, "<link"), "html: external resource");
    sl_buf_free(&b);
}

/* The Markdown: punctuation and pipes escaped, no raw HTML, RAG word shown. */
static void test_md(const sl_report *r)
{
    sl_buf b = SL_BUF_INIT;
    sl_report_md(&b, r);
    const char *m = sl_buf_str(&b);
    CHECK(!has(m, "<script"), "md: a raw <script> got through");
    CHECK(has(m, "# Title &lt;script&gt;&amp;\"\\|\n"), "md: title not escaped: %s", m);
    CHECK(has(m, "## Section \\| one"), "md: heading pipe not escaped");
    CHECK(has(m, "| a\\|b &lt;i&gt;\\_c\\_&lt;/i&gt; |"), "md: cell not escaped: %s", m);
    CHECK(has(m, "| **Red** |"), "md: RAG word missing");
    CHECK(has(m, "**Label \\*x\\*:** Line one  \nline two"), "md: paragraph: %s", m);
    CHECK(has(m, "- first &lt;script&gt;&amp;\"\\|\n- second\n"), "md: bullets");
    CHECK(has(m, "| --- | --- | --- |"), "md: delimiter row");
    sl_buf_free(&b);
}

/* Checks one worksheet name. */
static void expect_sheet(const char *wanted, const char *const *taken, size_t n, const char *want)
{
    char *got = sl_report_sheet_name(wanted, taken, n);
    CHECK(strcmp(got, want) == 0, "sheet name of '%s' = '%s', want '%s'", wanted, got, want);
    free(got);
}

/* Worksheet names: cleaned, at most 31 characters, unique, never empty. */
static void test_sheet_names(void)
{
    static const char *const taken[] = {"Summary", "summary (2)", "Worries"};
    expect_sheet("Summary", NULL, 0, "Summary");
    expect_sheet("What's: [a]/b*?\\c", NULL, 0, "What's   a  b   c");
    expect_sheet("'quoted'", NULL, 0, "quoted");
    expect_sheet("", NULL, 0, "Sheet");
    expect_sheet("[]:", NULL, 0, "Sheet");
    expect_sheet("history", NULL, 0, "history sheet");
    expect_sheet("SUMMARY", taken, 3, "SUMMARY (3)");
    expect_sheet("worries", taken, 3, "worries (2)");
    expect_sheet("A very long heading that goes on and on", NULL, 0,
                 "A very long heading that goes o");
    const char *long_taken[] = {"A very long heading that goes o"};
    expect_sheet("A very long heading that goes on and on", long_taken, 1,
                 "A very long heading that go (2)");
    sl_buf accents = SL_BUF_INIT;
    for (int i = 0; i < 40; i++)
        sl_buf_puts(&accents, "é");
    char *got = sl_report_sheet_name(sl_buf_str(&accents), NULL, 0);
    size_t bad;
    CHECK(sl_utf8_width(got) == 31 && sl_utf8_valid(got, strlen(got), &bad),
          "sheet name cut inside a character: %zu characters", sl_utf8_width(got));
    free(got);
    sl_buf_free(&accents);
}

/* A workbook from the model: written, and two sections of one name kept apart. */
static void test_xlsx_file(const sl_report *r)
{
    char path[] = "/tmp/sightline-report-XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0, "cannot make a temporary file");
    if (fd < 0)
        return;
    close(fd);
    sl_error err = {0};
    int rc = sl_report_xlsx(path, r, &err);
    struct stat st;
    CHECK(rc == 0 && stat(path, &st) == 0 && st.st_size > 1000, "xlsx not written: %s",
          err.message);
    remove(path);
}

/* Figures and fills: HTML embeds a figure's markup and fills a cell with
 * its colour (white text on a dark one); Markdown shows the fallback table;
 * a colour that is not six hex digits is refused. */
static void test_figure_and_fill(void)
{
    sl_report r;
    sl_report_init(&r, "Figures", NULL, sl_day_from_ymd(2017, 9, 5));
    sl_report_section *s = sl_report_add_section(&r, "Heat map", NULL);
    static const char *const headers[] = {"Band", "Count"};
    sl_report_table *t = sl_report_add_figure(s, "<svg role=\"img\"><title>map</title></svg>", 2,
                                              headers);
    const char *row[] = {"very-high", "1"};
    sl_report_add_row(t, row);
    sl_report_set_fill(t, 0, 0, "D4351C");
    sl_report_set_fill(t, 0, 1, "red\"><script>");
    CHECK(strcmp(t->cells[0].fill, "D4351C") == 0 && t->cells[1].fill[0] == '\0',
          "fill kept only when six hex digits");
    CHECK(sl_report_fill_dark("D4351C") && !sl_report_fill_dark("FFF7BF"), "dark fills");
    sl_report_table *plain = sl_report_add_table(s, 2, headers);
    const char *row2[] = {"medium", "2"};
    sl_report_add_row(plain, row2);
    sl_report_set_fill(plain, 0, 0, "D4351C");
    sl_buf b = SL_BUF_INIT;
    sl_report_html(&b, &r);
    CHECK(has(sl_buf_str(&b), "<figure><svg role=\"img\"><title>map</title></svg></figure>"),
          "html: the figure embedded");
    CHECK(!has(sl_buf_str(&b), "very-high") && has(sl_buf_str(&b), "background-color: #D4351C;"
                                                                   " color: #ffffff;"),
          "html: the figure's table not shown; a fill with white text");
    CHECK(has(sl_buf_str(&b), "figure svg {"), "html: figure rules");
    sl_buf_reset(&b);
    sl_report_md(&b, &r);
    CHECK(!has(sl_buf_str(&b), "<svg") && has(sl_buf_str(&b), "| very-high | 1 |"),
          "md: the fallback table instead of the figure");
    sl_buf_free(&b);
    sl_report_free(&r);
}

void test_report(void)
{
    test_figure_and_fill();
    sl_report r;
    build(&r);
    CHECK(r.n_sections == 2 && r.sections[0].n_blocks == 3, "model: %zu sections", r.n_sections);
    CHECK(strcmp(sl_report_cell_text(sl_report_cell_at(&r.sections[0].blocks[1].table, 0, 1)),
                 "Red") == 0, "an empty RAG cell shows its word");
    test_html(&r);
    test_md(&r);
    test_sheet_names();
    test_xlsx_file(&r);
    sl_report pack, other;
    sl_report_init(&pack, "Pack", NULL, r.as_of);
    build(&other);
    sl_report_take_sections(&pack, &other);
    CHECK(pack.n_sections == 2 && other.n_sections == 0 &&
              strcmp(pack.sections[1].heading, "Section | one") == 0,
          "sections moved into a pack: %zu", pack.n_sections);
    sl_report_free(&other);
    sl_report_free(&pack);
    CHECK(strcmp(sl_report_rag_fill(SL_RAG_AMBER), "FFBF47") == 0, "amber fill");
    sl_report_free(&r);
    CHECK(r.n_sections == 0 && r.title == NULL, "freed report is empty");
}
