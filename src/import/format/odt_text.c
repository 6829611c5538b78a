/* odt_text.c — content.xml of an OpenDocument text into paragraphs and
 * tables (see odt_text.h). List styles come from styles.xml and the
 * automatic styles of content.xml, read before the body in one pass. */
#include <zip.h>

#include "import/format/odt_text.h"

#include <stdlib.h>
#include <string.h>

#include "import/format/xml_part.h"
#include "import/format/zip_part.h"
#include "util/mem.h"

#define LEVELS 10               /* list and outline levels 1–10 */
#define MAX_COLS 256            /* merges are followed this far across a table */
#define MAX_REPEAT 64           /* an empty cell repeated more times is cut here */

/* One level of a list style: how its items are labelled. */
typedef struct {
    int bullet;                 /* 1: a bullet */
    char format;                /* '1', 'a', 'A', 'i', 'I'; 0 for no number */
    char *prefix, *suffix;      /* owned, NULL when none */
    int display;                /* levels shown ("1.2."), at least 1 */
    int start;
} level_style;

typedef struct {
    char *name;                 /* owned; "" for the outline style */
    level_style levels[LEVELS];
    int count[LEVELS];          /* counters of the last list of this style */
} list_style;

/* A list open in the body: its style and the item it is in. */
typedef struct {
    int style;                  /* index into styles, -1 for none */
    int level;                  /* 0-based */
} open_list;

/* A table open in the body: what its merges carry into the next rows. */
typedef struct {
    int col;                    /* the grid column of the next cell in the row */
    int skip;                   /* covered cells still to pass over in this row */
    int rows_left[MAX_COLS];    /* rows a vertical merge still covers, by column */
    int span[MAX_COLS];         /* columns that merge spans */
} open_table;

typedef struct {
    sl_doc *doc;
    list_style *styles;
    size_t n_styles;
    list_style *cur_style;      /* the list style being read */
    int in_body, skip;
    open_list lists[LEVELS];
    int depth;                  /* lists open; past LEVELS they count but are not kept */
    int label_due;              /* the next paragraph opens a list item */
    open_table *tables;
    int n_tables;
    int in_para;                /* 1 inside text:p, 2 inside text:h */
    int heading;
    sl_buf text;
} odt_reader;

/* Returns a number attribute, fallback when absent or not a number. */
static int int_attr(const char **atts, const char *name, int fallback)
{
    const char *v = sl_xml_attr(atts, name);
    char *end;
    long n = v ? strtol(v, &end, 10) : 0;
    return v && end != v && n >= 0 && n < 100000 ? (int)n : fallback;
}

/* Returns the list style of that name, adding it when add is set; NULL when none. */
static list_style *style_named(odt_reader *r, const char *name, int add)
{
    for (size_t i = 0; name && i < r->n_styles; i++)
        if (strcmp(r->styles[i].name, name) == 0)
            return &r->styles[i];
    if (!add || !name || r->n_styles >= 4096)
        return NULL;
    r->styles = sl_realloc(r->styles, (r->n_styles + 1) * sizeof *r->styles);
    list_style *s = &r->styles[r->n_styles++];
    memset(s, 0, sizeof *s);
    s->name = sl_strdup(name);
    return s;
}

/* Reads a level of the list (or outline) style being read. */
static void level_start(odt_reader *r, const char *name, const char **atts)
{
    int lvl = int_attr(atts, "level", 0);
    if (!r->cur_style || lvl < 1 || lvl > LEVELS)
        return;
    level_style *l = &r->cur_style->levels[lvl - 1];
    const char *format = sl_xml_attr(atts, "num-format");
    free(l->prefix);
    free(l->suffix);
    l->bullet = strcmp(name, "list-level-style-bullet") == 0;
    l->format = !l->bullet && format && strchr("1aAiI", format[0]) && format[0] ? format[0] : 0;
    l->prefix = sl_xml_attr(atts, "num-prefix") ? sl_strdup(sl_xml_attr(atts, "num-prefix")) : NULL;
    l->suffix = sl_xml_attr(atts, "num-suffix") ? sl_strdup(sl_xml_attr(atts, "num-suffix")) : NULL;
    l->display = int_attr(atts, "display-levels", 1);
    l->start = int_attr(atts, "start-value", 1);
}

/* Appends n (1 and more) in a list format: 1, a, A, i, I. */
static void add_number(sl_buf *out, int n, char format)
{
    static const char *const roman[] = {"m", "cm", "d", "cd", "c", "xc", "l", "xl", "x", "ix", "v", "iv", "i"};
    static const int values[] = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
    if (format == 'a' || format == 'A') {
        for (int i = 0; i < (n - 1) / 26 + 1 && i < 8; i++)
            sl_buf_putc(out, (char)(format + (n - 1) % 26));
    } else if ((format == 'i' || format == 'I') && n < 4000) {
        for (size_t i = 0; i < sizeof values / sizeof values[0]; i++)
            for (; n >= values[i]; n -= values[i])
                for (const char *c = roman[i]; *c; c++)
                    sl_buf_putc(out, format == 'I' ? (char)(*c - 'a' + 'A') : *c);
    } else {
        sl_buf_cprintf(out, "%d", n);
    }
}

/* Counts the next item at level lvl (0-based) of style s and appends its label. */
static void next_label(list_style *s, int lvl, int start_value, sl_buf *out)
{
    level_style *l = &s->levels[lvl];
    s->count[lvl] = start_value > 0 ? start_value : s->count[lvl] ? s->count[lvl] + 1 : l->start ? l->start : 1;
    for (int i = lvl + 1; i < LEVELS; i++)
        s->count[i] = 0;
    if (l->bullet) {
        sl_buf_puts(out, "\xE2\x80\xA2");
        return;
    }
    if (!l->format)
        return;
    sl_buf_puts(out, l->prefix ? l->prefix : "");
    int from = lvl - (l->display > 1 ? l->display - 1 : 0);
    for (int i = from < 0 ? 0 : from; i <= lvl; i++) {
        if (i > from && i > 0)
            sl_buf_putc(out, '.');
        add_number(out, s->count[i] ? s->count[i] : 1, i == lvl ? l->format : '1');
    }
    sl_buf_puts(out, l->suffix ? l->suffix : "");
}

/* Returns 1 for the elements whose content is not the body's text. */
static int skipped_element(const char *name)
{
    static const char *const names[] = {
        "tracked-changes", "note", "annotation", "page-number", "page-count", "date", "time",
        "file-name", "table-of-content", "alphabetical-index", "illustration-index", "table-index",
        "object-index", "user-index", "bibliography", "frame", "chapter", "sequence-decls",
        "variable-decls", "user-field-decls", "forms"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(name, names[i]) == 0)
            return 1;
    return 0;
}

/* Opens a list: its style is its own or the enclosing list's. */
static void list_open(odt_reader *r, const char **atts)
{
    if (r->depth >= LEVELS) {
        r->depth++;
        return;
    }
    list_style *s = style_named(r, sl_xml_attr(atts, "style-name"), 0);
    int style = s ? (int)(s - r->styles) : r->depth ? r->lists[r->depth - 1].style : -1;
    const char *cont = sl_xml_attr(atts, "continue-numbering");
    if (r->depth == 0 && style >= 0 && !(cont && strcmp(cont, "true") == 0) && !sl_xml_attr(atts, "continue-list"))
        memset(r->styles[style].count, 0, sizeof r->styles[style].count);
    r->lists[r->depth] = (open_list){style, r->depth};
    r->depth++;
}

/* Opens a table cell, or passes a covered one, keeping merges on the grid. */
static void cell_open(odt_reader *r, const char *name, const char **atts)
{
    open_table *t = &r->tables[r->n_tables - 1];
    int col = t->col < MAX_COLS ? t->col : MAX_COLS - 1;
    t->col++;
    if (strcmp(name, "covered-table-cell") == 0) {
        if (t->skip > 0) {
            t->skip--;
        } else {
            sl_doc_cell_open(r->doc);
            if (t->rows_left[col] > 0) {
                t->rows_left[col]--;
                sl_doc_cell_merge(r->doc, SL_DOC_MERGE_CONTINUE);
                sl_doc_cell_span(r->doc, t->span[col]);
                t->skip = t->span[col] - 1;
            }
        }
        r->skip = 1;            /* what a covered cell holds is not shown */
        return;
    }
    int span = int_attr(atts, "number-columns-spanned", 1), rows = int_attr(atts, "number-rows-spanned", 1);
    int repeat = int_attr(atts, "number-columns-repeated", 1);
    for (int i = 1; i < repeat && i < MAX_REPEAT; i++) {
        sl_doc_cell_open(r->doc);   /* the repeats: a repeated cell is an empty one */
        t->col++;
    }
    sl_doc_cell_open(r->doc);
    sl_doc_cell_span(r->doc, span);
    t->skip = span > 1 ? span - 1 : 0;
    t->rows_left[col] = rows > 1 ? rows - 1 : 0;
    t->span[col] = span > 0 ? span : 1;
    if (rows > 1)
        sl_doc_cell_merge(r->doc, SL_DOC_MERGE_START);
}

/* Starts a paragraph or heading. */
static void paragraph_open(odt_reader *r, const char *name, const char **atts)
{
    r->in_para = strcmp(name, "h") == 0 ? 2 : 1;
    r->heading = r->in_para == 2 ? int_attr(atts, "outline-level", 1) : 0;
    if (r->heading > 9)
        r->heading = 9;
    sl_buf_reset(&r->text);
}

/* Ends a paragraph: its list label, then into the document. */
static void paragraph_close(odt_reader *r)
{
    sl_buf label = SL_BUF_INIT;
    if (r->label_due && r->depth > 0 && r->depth <= LEVELS) {
        open_list *l = &r->lists[r->depth - 1];
        if (l->style >= 0)
            next_label(&r->styles[l->style], l->level, 0, &label);
    }
    r->label_due = 0;
    size_t n = r->text.len;
    while (n > 0 && r->text.data[n - 1] == ' ')
        n--;
    sl_doc_paragraph(r->doc, r->text.data ? r->text.data : "", n, r->heading, sl_buf_str(&label));
    sl_buf_free(&label);
    r->in_para = 0;
}

/* Start of an element in office:body. */
static void body_start(odt_reader *r, const char *name, const char **atts)
{
    if (strcmp(name, "p") == 0 || strcmp(name, "h") == 0) {
        paragraph_open(r, name, atts);
    } else if (strcmp(name, "list") == 0) {
        list_open(r, atts);
    } else if (strcmp(name, "list-item") == 0) {
        r->label_due = 1;
    } else if (strcmp(name, "list-header") == 0) {
        r->label_due = 0;
    } else if (strcmp(name, "table") == 0) {
        sl_doc_table_open(r->doc);
        r->tables = sl_realloc(r->tables, (size_t)(r->n_tables + 1) * sizeof *r->tables);
        memset(&r->tables[r->n_tables++], 0, sizeof *r->tables);
    } else if (strcmp(name, "table-row") == 0 && r->n_tables) {
        sl_doc_row_open(r->doc);
        r->tables[r->n_tables - 1].col = 0;
        r->tables[r->n_tables - 1].skip = 0;
    } else if ((strcmp(name, "table-cell") == 0 || strcmp(name, "covered-table-cell") == 0) && r->n_tables) {
        cell_open(r, name, atts);
    } else if (r->in_para && strcmp(name, "s") == 0) {
        for (int i = 0, c = int_attr(atts, "c", 1); i < c && i < 1000; i++)
            sl_buf_putc(&r->text, ' ');
    } else if (r->in_para && strcmp(name, "tab") == 0) {
        sl_buf_putc(&r->text, '\t');
    } else if (r->in_para && strcmp(name, "line-break") == 0) {
        sl_buf_putc(&r->text, '\n');
    }
}

/* Start of an element of content.xml or styles.xml. */
static void odt_start(sl_xml_part *x, const char *name, const char **atts)
{
    odt_reader *r = x->state;
    if (r->skip || (r->in_body && skipped_element(name))) {
        r->skip++;
    } else if (strcmp(name, "list-style") == 0) {
        r->cur_style = style_named(r, sl_xml_attr(atts, "name"), 1);
    } else if (strcmp(name, "list-level-style-number") == 0 || strcmp(name, "list-level-style-bullet") == 0) {
        level_start(r, name, atts);
    } else if (strcmp(name, "text") == 0 && !r->in_body) {
        r->in_body = 1;         /* office:text, the body of a text document */
    } else if (r->in_body) {
        body_start(r, name, atts);
    }
}

/* End of an element of content.xml or styles.xml. */
static void odt_end(sl_xml_part *x, const char *name)
{
    odt_reader *r = x->state;
    if (r->skip) {
        r->skip--;
    } else if (strcmp(name, "list-style") == 0) {
        r->cur_style = NULL;
    } else if (!r->in_body) {
        return;
    } else if ((strcmp(name, "p") == 0 || strcmp(name, "h") == 0) && r->in_para) {
        paragraph_close(r);
    } else if (strcmp(name, "list") == 0 && r->depth > 0) {
        r->depth--;
    } else if (strcmp(name, "table") == 0 && r->n_tables > 0) {
        sl_doc_table_close(r->doc);
        r->n_tables--;
    } else if (strcmp(name, "text") == 0 && r->in_para == 0) {
        r->in_body = 0;
    }
}

/* Text: white space runs fold to one space, as OpenDocument says. */
static void odt_text_data(sl_xml_part *x, const char *s, int len)
{
    odt_reader *r = x->state;
    if (r->skip || !r->in_para)
        return;
    for (int i = 0; i < len; i++) {
        int space = s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r';
        if (!space)
            sl_buf_putc(&r->text, s[i]);
        else if (r->text.len && r->text.data[r->text.len - 1] != ' ')
            sl_buf_putc(&r->text, ' ');
    }
}

int sl_odt_parse(const char *content, size_t content_len, const char *styles, size_t styles_len,
                 const char *file, sl_doc *doc, sl_error *err)
{
    odt_reader r = {.doc = doc, .text = SL_BUF_INIT};
    sl_xml_part xs = {.file = file, .entry = "styles.xml", .err = err, .start = odt_start, .end = odt_end,
                      .text = odt_text_data, .state = &r};
    int rc = styles ? sl_xml_parse(&xs, styles, styles_len) : 0;
    r.in_body = r.skip = 0;
    sl_xml_part xc = {.file = file, .entry = "content.xml", .err = err, .start = odt_start, .end = odt_end,
                      .text = odt_text_data, .state = &r};
    if (rc == 0)
        rc = sl_xml_parse(&xc, content, content_len);
    sl_doc_close_all(doc);
    for (size_t i = 0; i < r.n_styles; i++) {
        for (int k = 0; k < LEVELS; k++) {
            free(r.styles[i].levels[k].prefix);
            free(r.styles[i].levels[k].suffix);
        }
        free(r.styles[i].name);
    }
    free(r.styles);
    free(r.tables);
    sl_buf_free(&r.text);
    return rc;
}

char *sl_odt_text(const char *data, size_t len, const char *file, size_t *out_len, sl_error *err)
{
    zip_t *zip = sl_zip_open(data, len, file, "OpenDocument text", err);
    if (!zip)
        return NULL;
    char *content = NULL, *styles = NULL;
    size_t content_len = 0, styles_len = 0;
    sl_doc doc;
    sl_doc_init(&doc);
    int rc = sl_zip_read_part(zip, "styles.xml", file, &styles, &styles_len, err);
    if (rc >= 0 && (rc = sl_zip_read_part(zip, "content.xml", file, &content, &content_len, err)) == 0)
        rc = sl_fail_at(err, file, 0, "a zip archive, but not an OpenDocument text: it has no content.xml");
    if (rc > 0)
        rc = sl_odt_parse(content, content_len, styles, styles_len, file, &doc, err);
    sl_buf out = SL_BUF_INIT;
    if (rc == 0)
        sl_doc_render(&doc, &out);
    sl_doc_free(&doc);
    free(content);
    free(styles);
    sl_zip_close(zip);
    if (rc < 0) {
        sl_buf_free(&out);
        return NULL;
    }
    *out_len = out.len;
    return sl_buf_take(&out);
}
