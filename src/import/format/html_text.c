/* html_text.c — an HTML page into paragraphs and tables (see html_text.h). */
#include "import/format/html_text.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "import/format/text_html.h"
#include "util/mem.h"

#define MAX_COLS 256            /* rowspans are followed this far across a table */
#define MAX_LISTS 16

/* A table open in the page: the rowspans its rows carry down. */
typedef struct {
    int col;                    /* the grid column of the next cell in the row */
    int rows_left[MAX_COLS];
    int span[MAX_COLS];
} open_table;

typedef struct {
    sl_doc *doc;
    sl_buf text;                /* the raw text of the paragraph being read */
    int heading;                /* of the paragraph being read */
    sl_buf label;               /* the list label of the paragraph being read, empty for none */
    int lists[MAX_LISTS];       /* each open list: -1 bulleted, else the last number given */
    int n_lists;
    open_table *tables;
    int n_tables;
} html_reader;

int sl_is_html(const char *data, size_t len)
{
    static const char *const opens[] = {"<!doctype html", "<html", "<head", "<body", "<?xml"};
    size_t at = len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    while (at < len && isspace((unsigned char)data[at]))
        at++;
    for (size_t i = 0; i < sizeof opens / sizeof opens[0]; i++) {
        size_t n = strlen(opens[i]);
        if (len - at >= n && strncasecmp(data + at, opens[i], n) == 0) {
            if (i < 4)
                return 1;
            /* an XML declaration: a page only when <html follows soon */
            for (size_t k = at; k + 5 <= len && k < at + 512; k++)
                if (strncasecmp(data + k, "<html", 5) == 0)
                    return 1;
        }
    }
    return 0;
}

/* Ends the paragraph being read: its text, cleaned, into the document. */
static void flush(html_reader *r)
{
    char *clean = sl_text_clean_inline(r->text.data ? r->text.data : "", r->text.len);
    if (*clean) {
        sl_doc_paragraph(r->doc, clean, strlen(clean), r->heading, sl_buf_str(&r->label));
        sl_buf_reset(&r->label);    /* a list item's label waits for its first text */
    }
    free(clean);
    sl_buf_reset(&r->text);
    r->heading = 0;
}

/* Returns an attribute's number in a tag's text ("colspan=\"3\""), 1 when absent. */
static int tag_number(const char *tag, size_t n, const char *name)
{
    size_t k = strlen(name);
    for (size_t i = 0; i + k < n; i++) {
        if (strncasecmp(tag + i, name, k) != 0 || (i > 0 && isalnum((unsigned char)tag[i - 1])))
            continue;
        size_t j = i + k;
        while (j < n && (tag[j] == ' ' || tag[j] == '=' || tag[j] == '"' || tag[j] == '\''))
            j++;
        long v = j < n && isdigit((unsigned char)tag[j]) ? strtol(tag + j, NULL, 10) : 1;
        return v < 1 ? 1 : v > 1000 ? 1000 : (int)v;
    }
    return 1;
}

/* Fills the grid columns rowspans above still cover, from the current column. */
static void covered_cells(html_reader *r)
{
    open_table *t = &r->tables[r->n_tables - 1];
    while (t->col < MAX_COLS && t->rows_left[t->col] > 0) {
        int c = t->col;
        t->rows_left[c]--;
        sl_doc_cell_open(r->doc);
        sl_doc_cell_merge(r->doc, SL_DOC_MERGE_CONTINUE);
        sl_doc_cell_span(r->doc, t->span[c]);
        t->col += t->span[c];
    }
}

/* Opens a cell at the next free column of the grid. */
static void cell_open(html_reader *r, const char *tag, size_t n)
{
    if (!r->n_tables)
        return;
    covered_cells(r);
    open_table *t = &r->tables[r->n_tables - 1];
    int span = tag_number(tag, n, "colspan"), rows = tag_number(tag, n, "rowspan");
    int c = t->col < MAX_COLS ? t->col : MAX_COLS - 1;
    sl_doc_cell_open(r->doc);
    sl_doc_cell_span(r->doc, span);
    if (rows > 1) {
        sl_doc_cell_merge(r->doc, SL_DOC_MERGE_START);
        t->rows_left[c] = rows - 1;
        t->span[c] = span > 64 ? 64 : span;
    }
    t->col += span > 64 ? 64 : span;
}

/* Applies a table tag: table, tr, td or th, opening or closing. */
static void table_tag(html_reader *r, const char *name, int closing, const char *tag, size_t n)
{
    if (strcmp(name, "table") == 0 && !closing) {
        sl_doc_table_open(r->doc);
        r->tables = sl_realloc(r->tables, (size_t)(r->n_tables + 1) * sizeof *r->tables);
        memset(&r->tables[r->n_tables++], 0, sizeof *r->tables);
    } else if (strcmp(name, "table") == 0 && r->n_tables) {
        sl_doc_table_close(r->doc);
        r->n_tables--;
    } else if (strcmp(name, "tr") == 0 && r->n_tables) {
        covered_cells(r);       /* a row's end: what rowspans cover at its end */
        if (!closing) {
            sl_doc_row_open(r->doc);
            r->tables[r->n_tables - 1].col = 0;
        }
    } else if (!closing) {
        cell_open(r, tag, n);
    }
}

/* Applies a list tag: ul, ol (from its start number) or li. */
static void list_tag(html_reader *r, const char *name, int closing, const char *tag, size_t n)
{
    if (strcmp(name, "li") == 0) {
        if (closing || r->n_lists == 0)
            return;
        int *l = &r->lists[r->n_lists - 1];
        sl_buf_reset(&r->label);
        if (*l < 0)
            sl_buf_puts(&r->label, "\xE2\x80\xA2");
        else
            sl_buf_cprintf(&r->label, "%d.", ++*l);
    } else if (closing) {
        r->n_lists -= r->n_lists > 0;
    } else if (r->n_lists < MAX_LISTS) {
        r->lists[r->n_lists++] = strcmp(name, "ol") == 0 ? tag_number(tag, n, "start") - 1 : -1;
    }
}

/* Applies what a tag means (name lower-cased): blocks end the paragraph. */
static void apply_tag(html_reader *r, const char *name, int closing, const char *tag, size_t n)
{
    static const char *const blocks[] = {"p", "div", "br", "section", "article", "blockquote", "pre",
                                         "header", "footer", "main", "nav", "hr", "dt", "dd", "caption"};
    int heading = name[0] == 'h' && name[1] >= '1' && name[1] <= '6' && !name[2] ? name[1] - '0' : 0;
    int table = !strcmp(name, "table") || !strcmp(name, "tr") || !strcmp(name, "td") || !strcmp(name, "th");
    int list = !strcmp(name, "ul") || !strcmp(name, "ol") || !strcmp(name, "li");
    int block = heading || table || list;
    for (size_t i = 0; !block && i < sizeof blocks / sizeof blocks[0]; i++)
        block = strcmp(name, blocks[i]) == 0;
    if (!block)
        return;
    flush(r);
    if (heading && !closing)
        r->heading = heading;
    if (table)
        table_tag(r, name, closing, tag, n);
    else if (list)
        list_tag(r, name, closing, tag, n);
}

/* Returns the length of the element whose content is skipped (script,
 * style, head…) starting at s, through its end tag; 0 when s opens none. */
static size_t skipped_element(const char *s, size_t n, const char *name)
{
    static const char *const skipped[] = {"script", "style", "head", "noscript", "template", "svg", "title"};
    for (size_t i = 0; i < sizeof skipped / sizeof skipped[0]; i++) {
        if (strcmp(name, skipped[i]) != 0)
            continue;
        size_t k = strlen(name);
        for (size_t j = 0; j + k + 2 < n; j++)
            if (s[j] == '<' && s[j + 1] == '/' && strncasecmp(s + j + 2, name, k) == 0) {
                const char *gt = memchr(s + j, '>', n - j);
                return gt ? (size_t)(gt - s) + 1 : n;
            }
        return n;
    }
    return 0;
}

/* Reads the tag at s (s[0] == '<'); returns its length (0: no tag, the
 * '<' is text) and applies it. */
static size_t read_tag(html_reader *r, const char *s, size_t n)
{
    if (n >= 4 && memcmp(s, "<!--", 4) == 0) {
        for (size_t i = 4; i + 3 <= n; i++)
            if (memcmp(s + i, "-->", 3) == 0)
                return i + 3;
        return n;
    }
    size_t i = 1;
    int closing = i < n && s[i] == '/';
    i += (size_t)closing;
    if (i >= n || !(isalpha((unsigned char)s[i]) || s[i] == '!' || s[i] == '?'))
        return 0;
    char name[12];
    size_t k = 0;
    for (; i < n && (isalnum((unsigned char)s[i]) || s[i] == '!' || s[i] == '?'); i++)
        if (k < sizeof name - 1)
            name[k++] = (char)tolower((unsigned char)s[i]);
    name[k] = '\0';
    const char *gt = memchr(s + i, '>', n - i);
    size_t len = gt ? (size_t)(gt - s) + 1 : n;
    size_t skip = closing ? 0 : skipped_element(s, n, name);
    if (skip)
        return skip;
    apply_tag(r, name, closing, s, len);
    return len;
}

void sl_html_parse(const char *data, size_t len, sl_doc *doc)
{
    html_reader r = {.doc = doc, .text = SL_BUF_INIT, .label = SL_BUF_INIT};
    for (size_t i = 0; i < len;) {
        size_t used = data[i] == '<' ? read_tag(&r, data + i, len - i) : 0;
        if (used == 0) {
            size_t end = i + 1;
            while (end < len && data[end] != '<')
                end++;
            sl_buf_add(&r.text, data + i, end - i);
            used = end - i;
        }
        i += used;
    }
    flush(&r);
    sl_doc_close_all(doc);
    free(r.tables);
    sl_buf_free(&r.text);
    sl_buf_free(&r.label);
}

char *sl_html_text(const char *data, size_t len, size_t *out_len)
{
    sl_doc doc;
    sl_doc_init(&doc);
    sl_html_parse(data, len, &doc);
    sl_buf out = SL_BUF_INIT;
    sl_doc_render(&doc, &out);
    sl_doc_free(&doc);
    *out_len = out.len;
    return sl_buf_take(&out);
}
