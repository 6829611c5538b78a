/* docx_text.c — word/document.xml into paragraphs and tables (see docx_text.h). */
#include <zip.h>

#include "import/format/docx_text.h"

#include <stdlib.h>
#include <string.h>

#include "import/format/xml_part.h"
#include "import/format/zip_part.h"
#include "util/mem.h"

/* Fields nested deeper than this are all dropped. */
#define MAX_FIELDS 16

/* A complex field (w:fldChar begin … separate … end) or a w:fldSimple. */
typedef struct {
    sl_buf instr;               /* its field code */
    int result;                 /* past "separate": its result is shown */
    int drop;                   /* its result is dropped */
} field;

typedef struct {
    sl_doc *doc;
    sl_docx_styles *styles;
    int skip;                   /* depth inside an element whose text is left out */
    int in_ppr, in_trpr, in_t, in_instr;
    int tables;                 /* tables open */
    unsigned long long row_deleted;   /* bit k: the open row of the table k deep is a tracked deletion */
    /* the paragraph being read */
    sl_buf text;
    sl_buf carry;               /* a paragraph whose mark was deleted, joining the next */
    char *style;
    int num_id, ilvl, outline, mark_deleted;
    field fields[MAX_FIELDS];
    int n_fields, lost_fields;  /* open fields; fields past MAX_FIELDS still open */
    int simple_drop[MAX_FIELDS];   /* open w:fldSimple: 1 when its result is dropped */
    int n_simple;
} docx_reader;

/* Returns the bit of row_deleted for the innermost open table. */
static unsigned long long row_bit(const docx_reader *r)
{
    return 1ull << (r->tables < 64 ? r->tables : 63);
}

/* Returns 1 when a field's code names a field whose result is no content:
 * page numbers, contents and indexes, the date and time, the file's name. */
static int dropped_field(const char *instr)
{
    static const char *const names[] = {"TOC", "PAGEREF", "PAGE", "NUMPAGES", "SECTIONPAGES",
                                        "SECTION", "DATE", "TIME", "PRINTDATE", "SAVEDATE",
                                        "CREATEDATE", "FILENAME", "INDEX", "NOTEREF", "TC"};
    while (*instr == ' ')
        instr++;
    size_t n = strcspn(instr, " \\");
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strlen(names[i]) == n && strncmp(instr, names[i], n) == 0)
            return 1;
    return 0;
}

/* Returns 1 when text is being left out: inside a deletion, a field's code
 * or a dropped field's result. */
static int hidden(const docx_reader *r)
{
    if (r->skip || r->lost_fields)
        return 1;
    for (int i = 0; i < r->n_fields; i++)
        if (!r->fields[i].result || r->fields[i].drop)
            return 1;
    for (int i = 0; i < r->n_simple; i++)
        if (r->simple_drop[i])
            return 1;
    return 0;
}

/* Returns 1 for the elements whose whole content is left out: deletions
 * (tracked changes accepted), text moved away, text boxes and drawings
 * (their text is not the body's), and a run's alternative content. */
static int skipped_element(const char *name)
{
    static const char *const names[] = {"del", "moveFrom", "txbxContent", "drawing", "pict",
                                        "object", "Fallback", "delText", "delInstrText"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(name, names[i]) == 0)
            return 1;
    return 0;
}

/* Handles w:fldChar: a field begins, shows its result, or ends. */
static void field_char(docx_reader *r, const char *type)
{
    if (!type)
        return;
    if (strcmp(type, "begin") == 0) {
        if (r->n_fields == MAX_FIELDS) {
            r->lost_fields++;
            return;
        }
        field *f = &r->fields[r->n_fields++];
        f->instr = (sl_buf)SL_BUF_INIT;
        f->result = f->drop = 0;
    } else if (strcmp(type, "separate") == 0 && !r->lost_fields && r->n_fields) {
        field *f = &r->fields[r->n_fields - 1];
        f->result = 1;
        f->drop = dropped_field(sl_buf_str(&f->instr));
    } else if (strcmp(type, "end") == 0) {
        if (r->lost_fields)
            r->lost_fields--;
        else if (r->n_fields)
            sl_buf_free(&r->fields[--r->n_fields].instr);
    }
}

/* Starts a paragraph. */
static void paragraph_start(docx_reader *r)
{
    sl_buf_reset(&r->text);
    if (r->carry.len)
        sl_buf_add(&r->text, r->carry.data, r->carry.len);
    sl_buf_reset(&r->carry);
    free(r->style);
    r->style = NULL;
    r->num_id = -1;
    r->ilvl = -1;
    r->outline = -1;
    r->mark_deleted = 0;
}

/* Ends a paragraph: its heading level and list label, then into the document. */
static void paragraph_end(docx_reader *r)
{
    if (r->mark_deleted) {
        /* The paragraph mark was deleted: this text runs on into the next paragraph. */
        sl_buf_add(&r->carry, r->text.data ? r->text.data : "", r->text.len);
        return;
    }
    int heading = r->outline >= 0 && r->outline < 9 ? r->outline + 1 : 0;
    int num_id = r->num_id, ilvl = r->ilvl;
    if (r->styles && !heading)
        heading = sl_docx_style_heading(r->styles, r->style);
    if (r->styles && num_id < 0) {
        int style_ilvl;
        sl_docx_style_numbering(r->styles, r->style, &num_id, &style_ilvl);
        if (ilvl < 0)
            ilvl = style_ilvl;
    }
    sl_buf label = SL_BUF_INIT;
    if (r->styles && num_id > 0)
        sl_docx_number(r->styles, num_id, ilvl < 0 ? 0 : ilvl, &label);
    sl_doc_paragraph(r->doc, r->text.data ? r->text.data : "", r->text.len, heading, sl_buf_str(&label));
    sl_buf_free(&label);
}

/* Reads a child of a paragraph's properties (w:pPr). */
static void paragraph_property(docx_reader *r, const char *name, const char **atts)
{
    const char *val = sl_xml_attr(atts, "val");
    char *end;
    long n = val ? strtol(val, &end, 10) : -1;
    int number = val && end != val && n >= 0 && n < 1000000 ? (int)n : -1;
    if (strcmp(name, "pStyle") == 0 && val) {
        free(r->style);
        r->style = sl_strdup(val);
    } else if (strcmp(name, "numId") == 0) {
        r->num_id = number < 0 ? 0 : number;
    } else if (strcmp(name, "ilvl") == 0) {
        r->ilvl = number;
    } else if (strcmp(name, "outlineLvl") == 0) {
        r->outline = number;
    } else if (strcmp(name, "del") == 0) {
        r->mark_deleted = 1;    /* pPr/rPr/del: the paragraph mark is a tracked deletion */
    }
}

/* Reads the start of a table element (row, cell and their properties). */
static void table_start(docx_reader *r, const char *name, const char **atts)
{
    const char *val = sl_xml_attr(atts, "val");
    if (strcmp(name, "tbl") == 0) {
        sl_doc_table_open(r->doc);
        r->tables++;
    } else if (strcmp(name, "tr") == 0) {
        sl_doc_row_open(r->doc);
        r->row_deleted &= ~row_bit(r);
    } else if (strcmp(name, "tc") == 0) {
        sl_doc_cell_open(r->doc);
    } else if (strcmp(name, "gridSpan") == 0 && val) {
        sl_doc_cell_span(r->doc, (int)strtol(val, NULL, 10));
    } else if (strcmp(name, "vMerge") == 0) {
        sl_doc_cell_merge(r->doc, val && strcmp(val, "restart") == 0 ? SL_DOC_MERGE_START
                                                                     : SL_DOC_MERGE_CONTINUE);
    } else if (strcmp(name, "gridBefore") == 0 && val && r->in_trpr) {
        sl_doc_cell_open(r->doc);
        sl_doc_cell_span(r->doc, (int)strtol(val, NULL, 10));
    }
}

/* Reads what a run holds besides text: tabs, breaks, symbols, fields. */
static void run_content(docx_reader *r, const char *name, const char **atts)
{
    if (strcmp(name, "fldChar") == 0) {
        field_char(r, sl_xml_attr(atts, "fldCharType"));
    } else if (strcmp(name, "instrText") == 0) {
        r->in_instr = 1;
    } else if (hidden(r)) {
        return;
    } else if (strcmp(name, "t") == 0) {
        r->in_t = 1;
    } else if (strcmp(name, "tab") == 0 && !r->in_ppr) {
        sl_buf_putc(&r->text, '\t');
    } else if (strcmp(name, "br") == 0 || strcmp(name, "cr") == 0) {
        const char *type = sl_xml_attr(atts, "type");
        sl_buf_putc(&r->text, type && strcmp(type, "page") == 0 ? ' ' : '\n');
    } else if (strcmp(name, "noBreakHyphen") == 0) {
        sl_buf_putc(&r->text, '-');
    } else if (strcmp(name, "sym") == 0) {
        const char *c = sl_xml_attr(atts, "char");
        if (c && (strcmp(c, "F0B7") == 0 || strcmp(c, "F0A7") == 0 || strcmp(c, "F06C") == 0))
            sl_buf_puts(&r->text, "\xE2\x80\xA2");
    }
}

/* Start of an element of word/document.xml. */
static void docx_start(sl_xml_part *x, const char *name, const char **atts)
{
    docx_reader *r = x->state;
    if (r->skip || skipped_element(name)) {
        /* a deleted table row (trPr/del) or paragraph mark (pPr/rPr/del) is
         * no content to skip: it marks what it sits in */
        if (!r->skip && strcmp(name, "del") == 0 && (r->in_trpr || r->in_ppr)) {
            if (r->in_trpr)
                r->row_deleted |= row_bit(r);
            else
                r->mark_deleted = 1;
        }
        r->skip++;
        return;
    }
    if (strcmp(name, "p") == 0) {
        paragraph_start(r);
    } else if (strcmp(name, "pPr") == 0) {
        r->in_ppr = 1;
    } else if (strcmp(name, "trPr") == 0) {
        r->in_trpr = 1;
    } else if (r->in_ppr) {
        paragraph_property(r, name, atts);
    } else if (strcmp(name, "fldSimple") == 0) {
        if (r->n_simple < MAX_FIELDS) {
            const char *instr = sl_xml_attr(atts, "instr");
            r->simple_drop[r->n_simple] = instr && dropped_field(instr);
        }
        r->n_simple++;
    } else {
        table_start(r, name, atts);
        run_content(r, name, atts);
    }
}

/* End of an element of word/document.xml. */
static void docx_end(sl_xml_part *x, const char *name)
{
    docx_reader *r = x->state;
    if (r->skip) {
        r->skip--;
        return;
    }
    if (strcmp(name, "p") == 0)
        paragraph_end(r);
    else if (strcmp(name, "pPr") == 0)
        r->in_ppr = 0;
    else if (strcmp(name, "trPr") == 0)
        r->in_trpr = 0;
    else if (strcmp(name, "t") == 0)
        r->in_t = 0;
    else if (strcmp(name, "instrText") == 0)
        r->in_instr = 0;
    else if (strcmp(name, "fldSimple") == 0 && r->n_simple > 0)
        r->n_simple--;
    else if (strcmp(name, "tr") == 0 && (r->row_deleted & row_bit(r)))
        sl_doc_row_drop(r->doc);
    else if (strcmp(name, "tbl") == 0 && r->tables > 0) {
        sl_doc_table_close(r->doc);
        r->tables--;
    }
}

/* Text in word/document.xml: a w:t's text, or a field's code. */
static void docx_text(sl_xml_part *x, const char *s, int len)
{
    docx_reader *r = x->state;
    if (r->skip)
        return;
    if (r->in_instr && r->n_fields && !r->lost_fields && !r->fields[r->n_fields - 1].result)
        sl_buf_add(&r->fields[r->n_fields - 1].instr, s, (size_t)len);
    else if (r->in_t && !hidden(r))
        sl_buf_add(&r->text, s, (size_t)len);
}

int sl_docx_parse(const char *xml, size_t len, sl_docx_styles *styles, const char *file, sl_doc *doc,
                  sl_error *err)
{
    docx_reader r = {.doc = doc, .styles = styles, .num_id = -1, .ilvl = -1, .outline = -1,
                     .text = SL_BUF_INIT, .carry = SL_BUF_INIT};
    sl_xml_part x = {.file = file, .entry = "word/document.xml", .err = err, .start = docx_start,
                     .end = docx_end, .text = docx_text, .state = &r};
    int rc = sl_xml_parse(&x, xml, len);
    sl_doc_close_all(doc);
    for (int i = 0; i < r.n_fields; i++)
        sl_buf_free(&r.fields[i].instr);
    sl_buf_free(&r.text);
    sl_buf_free(&r.carry);
    free(r.style);
    return rc;
}

char *sl_docx_text(const char *data, size_t len, const char *file, size_t *out_len, sl_error *err)
{
    zip_t *zip = sl_zip_open(data, len, file, "Word document", err);
    if (!zip)
        return NULL;
    sl_docx_styles styles;
    char *xml = NULL;
    size_t xml_len = 0;
    sl_doc doc;
    sl_doc_init(&doc);
    int rc = sl_docx_styles_read(zip, file, &styles, err);
    if (rc == 0 && (rc = sl_zip_read_part(zip, "word/document.xml", file, &xml, &xml_len, err)) == 0)
        rc = sl_fail_at(err, file, 0, "a zip archive, but not a Word document: it has no word/document.xml");
    if (rc > 0)
        rc = sl_docx_parse(xml, xml_len, &styles, file, &doc, err);
    sl_buf out = SL_BUF_INIT;
    if (rc == 0)
        sl_doc_render(&doc, &out);
    sl_doc_free(&doc);
    sl_docx_styles_free(&styles);
    free(xml);
    sl_zip_close(zip);
    if (rc < 0) {
        sl_buf_free(&out);
        return NULL;
    }
    *out_len = out.len;
    sl_buf_putc(&out, '\0');
    return sl_buf_take(&out);
}
