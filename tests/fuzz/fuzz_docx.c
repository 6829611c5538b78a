/* fuzz_docx.c — libFuzzer target for the Word (.docx), OpenDocument (.odt)
 * and HTML readers and the lines and cells they give the plan reader: any
 * bytes must give text or an error naming the file, never a crash, a hang
 * or a leak.
 *
 * An input that starts like a zip archive is read as a .docx and as an .odt
 * (seeds: documents tests/tools/text_to_docx.py made of a sample plan). Any
 * other input is XML, separated by NUL bytes: word/document.xml, then
 * styles.xml and numbering.xml; the first part is also read as an .odt's
 * content.xml with the second as its styles.xml, and the whole input as an
 * HTML page. The text each gives goes through the plan reader. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "import/format/doc_text.h"
#include "import/format/docx_styles.h"
#include "import/format/docx_text.h"
#include "import/format/html_text.h"
#include "import/import.h"
#include "import/format/odt_text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Reads text through the plan reader; an error must be set on failure. */
static void read_plan(const char *text, size_t len)
{
    sl_import_options opts = {0};
    sl_plan_set set;
    sl_error err = {0};
    if (sl_import_text(text, len, "fuzz.docx", &opts, &set, &err) == 0)
        sl_plan_set_free(&set);
    else if (!err.set)
        abort();
}

/* Checks what a reader gave: text, or an error naming the file. */
static void check(char *text, size_t len, const sl_error *err)
{
    if (!text) {
        if (!err->set || strcmp(err->file, "fuzz.docx") != 0)
            abort();
        return;
    }
    if (strlen(text) != len)
        abort();            /* the text holds no NUL */
    read_plan(text, len);
    free(text);
}

/* Renders a document, checks it and reads it as a plan; frees it. */
static void finish(sl_doc *doc, int rc, const sl_error *err)
{
    sl_buf out = SL_BUF_INIT;
    if (rc == 0)
        sl_doc_render(doc, &out);
    else if (!err->set)
        abort();
    sl_doc_free(doc);
    size_t len = out.len;
    char *text = rc == 0 ? sl_buf_take(&out) : NULL;
    sl_buf_free(&out);
    if (text)
        check(text, len, err);
}

/* Returns the next NUL-separated part of [*p, end) and its length. */
static const char *next_part(const char **p, const char *end, size_t *n)
{
    if (*p > end)
        return NULL;
    const char *start = *p, *nul = memchr(start, '\0', (size_t)(end - start));
    *n = nul ? (size_t)(nul - start) : (size_t)(end - start);
    *p = start + *n + 1;
    return start;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *bytes = (const char *)data, *p = bytes, *end = bytes + size;
    sl_error err = {0};
    size_t len = 0;
    if (sl_is_zip(bytes, size)) {
        char *text = sl_docx_text(bytes, size, "fuzz.docx", &len, &err);
        check(text, len, &err);
        memset(&err, 0, sizeof err);
        text = sl_odt_text(bytes, size, "fuzz.docx", &len, &err);
        check(text, len, &err);
        return 0;
    }
    size_t n_doc = 0, n_styles = 0, n_numbering = 0;
    const char *doc_xml = next_part(&p, end, &n_doc);
    const char *styles = next_part(&p, end, &n_styles);
    const char *numbering = next_part(&p, end, &n_numbering);
    sl_docx_styles st;
    sl_doc doc;
    sl_doc_init(&doc);
    int rc = sl_docx_styles_parse(styles, n_styles, numbering, n_numbering, "fuzz.docx", &st, &err);
    if (rc == 0)
        rc = sl_docx_parse(doc_xml, n_doc, &st, "fuzz.docx", &doc, &err);
    sl_docx_styles_free(&st);
    finish(&doc, rc, &err);
    memset(&err, 0, sizeof err);
    sl_doc_init(&doc);
    rc = sl_odt_parse(doc_xml, n_doc, styles, n_styles, "fuzz.docx", &doc, &err);
    finish(&doc, rc, &err);
    char *html = sl_html_text(bytes, size, &len);
    read_plan(html, len);
    free(html);
    return 0;
}
