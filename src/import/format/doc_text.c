/* doc_text.c — paragraphs and tables into lines and cells (see doc_text.h). */
#include "import/format/doc_text.h"

#include <stdlib.h>
#include <string.h>

#include "util/mem.h"

/* A cell may span at most this many grid columns, and a row reach this far:
 * more is no document, and would only cost memory. */
#define MAX_SPAN 64
#define MAX_GRID 1024

void sl_doc_init(sl_doc *d)
{
    memset(d, 0, sizeof *d);
}

/* Returns a new block at the end of the list. */
static sl_doc_block *add_block(sl_doc_blocks *b)
{
    if (b->n == b->cap) {
        b->cap = b->cap ? b->cap * 2 : 8;
        b->items = sl_realloc(b->items, b->cap * sizeof *b->items);
    }
    sl_doc_block *blk = &b->items[b->n++];
    memset(blk, 0, sizeof *blk);
    return blk;
}

/* Returns the last cell of the innermost open table, or NULL when no table
 * is open or it has no cell yet. */
static sl_doc_cell *open_cell(sl_doc *d)
{
    if (d->depth == 0)
        return NULL;
    sl_doc_table *t = d->open[d->depth - 1];
    if (t->n == 0 || t->rows[t->n - 1].n == 0)
        return NULL;
    sl_doc_row *row = &t->rows[t->n - 1];
    return &row->cells[row->n - 1];
}

/* Returns the blocks new content goes into: the open cell's, else the body's. */
static sl_doc_blocks *container(sl_doc *d)
{
    sl_doc_cell *c = open_cell(d);
    return c ? &c->content : &d->body;
}

void sl_doc_paragraph(sl_doc *d, const char *text, size_t len, int heading, const char *label)
{
    sl_doc_block *b = add_block(container(d));
    b->text = sl_strndup(text, len);
    b->label = label && *label ? sl_strdup(label) : NULL;
    b->heading = heading;
}

void sl_doc_table_open(sl_doc *d)
{
    if (d->ignored || d->depth == SL_DOC_MAX_DEPTH) {
        d->ignored++;
        return;
    }
    sl_doc_block *b = add_block(container(d));
    b->table = sl_calloc(sizeof *b->table);
    d->open[d->depth++] = b->table;
}

void sl_doc_row_open(sl_doc *d)
{
    if (d->ignored || d->depth == 0)
        return;
    sl_doc_table *t = d->open[d->depth - 1];
    t->rows = sl_realloc(t->rows, (t->n + 1) * sizeof *t->rows);
    memset(&t->rows[t->n++], 0, sizeof *t->rows);
}

void sl_doc_cell_open(sl_doc *d)
{
    if (d->ignored || d->depth == 0)
        return;
    sl_doc_table *t = d->open[d->depth - 1];
    if (t->n == 0)
        sl_doc_row_open(d);
    sl_doc_row *row = &t->rows[t->n - 1];
    row->cells = sl_realloc(row->cells, (row->n + 1) * sizeof *row->cells);
    sl_doc_cell *c = &row->cells[row->n++];
    memset(c, 0, sizeof *c);
    c->span = 1;
}

void sl_doc_cell_span(sl_doc *d, int span)
{
    sl_doc_cell *c = d->ignored ? NULL : open_cell(d);
    if (c)
        c->span = span < 1 ? 1 : span > MAX_SPAN ? MAX_SPAN : span;
}

void sl_doc_cell_merge(sl_doc *d, sl_doc_merge merge)
{
    sl_doc_cell *c = d->ignored ? NULL : open_cell(d);
    if (c)
        c->merge = merge;
}

static void free_blocks(sl_doc_blocks *b);

void sl_doc_row_drop(sl_doc *d)
{
    if (d->ignored || d->depth == 0 || d->open[d->depth - 1]->n == 0)
        return;
    sl_doc_table *t = d->open[d->depth - 1];
    sl_doc_row *row = &t->rows[--t->n];
    for (size_t i = 0; i < row->n; i++)
        free_blocks(&row->cells[i].content);
    free(row->cells);
}

void sl_doc_table_close(sl_doc *d)
{
    if (d->ignored)
        d->ignored--;
    else if (d->depth > 0)
        d->depth--;
}

void sl_doc_close_all(sl_doc *d)
{
    d->ignored = 0;
    d->depth = 0;
}

/* ------------------------------------------------------------------------ */
/* Rendering                                                                 */
/* ------------------------------------------------------------------------ */

static void render_blocks(const sl_doc_blocks *b, sl_buf *out);
static void cell_text(const sl_doc_cell *c, const char *sep, sl_buf *out);

/* Returns 1 when the table is one cell: a frame round its content. */
static int is_frame(const sl_doc_table *t)
{
    return t->n == 1 && t->rows[0].n == 1;
}

/* Appends text as one line of a cell: tabs and line ends become spaces. */
static void add_inline(sl_buf *out, const char *s)
{
    for (; *s; s++)
        sl_buf_putc(out, *s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s);
}

/* Returns 1 when s holds more than white space. */
static int filled(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
            return 1;
    return 0;
}

/* Appends line (n bytes) to a cell's text, after sep when the text has one already. */
static void add_cell_line(sl_buf *out, const char *line, size_t n, const char *sep)
{
    if (!filled(line, n))
        return;
    if (out->len)
        sl_buf_puts(out, sep);
    char *copy = sl_strndup(line, n);
    add_inline(out, copy);
    free(copy);
}

/* What laying a table on its grid gives for each row. */
typedef void (*row_sink)(void *ctx, char **cols, size_t n);

/* Lays each row of t on the table's grid (spans and vertical merges
 * applied: see doc_text.h) with each cell's text joined by sep, and hands
 * each row's column texts to sink. */
static void lay_rows(const sl_doc_table *t, const char *sep, row_sink sink, void *ctx)
{
    char **above = sl_calloc(MAX_GRID * sizeof *above), **cols = sl_calloc(MAX_GRID * sizeof *cols);
    for (size_t r = 0; r < t->n; r++) {
        size_t col = 0;
        for (size_t i = 0; i < t->rows[r].n && col < MAX_GRID; i++) {
            const sl_doc_cell *c = &t->rows[r].cells[i];
            sl_buf text = SL_BUF_INIT;
            if (c->merge == SL_DOC_MERGE_CONTINUE)
                sl_buf_puts(&text, above[col] ? above[col] : "");
            else
                cell_text(c, sep, &text);
            if (c->merge != SL_DOC_MERGE_CONTINUE && strcmp(sep, " ") != 0 && strstr(sl_buf_str(&text), sep)) {
                /* several lines: each a paragraph, as HTML in a converted cell */
                sl_buf wrapped = SL_BUF_INIT;
                sl_buf_puts(&wrapped, "<p>");
                sl_buf_add(&wrapped, text.data, text.len);
                sl_buf_puts(&wrapped, "</p>");
                sl_buf_free(&text);
                text = wrapped;
            }
            free(above[col]);
            above[col] = c->merge == SL_DOC_MERGE_NONE ? NULL : sl_strdup(sl_buf_str(&text));
            cols[col++] = sl_buf_take(&text);
            for (int k = 1; k < c->span && col < MAX_GRID; k++)
                cols[col++] = sl_strdup("");
        }
        sink(ctx, cols, col);
        for (size_t k = 0; k < col; k++) {
            free(cols[k]);
            cols[k] = NULL;
        }
    }
    for (size_t k = 0; k < MAX_GRID; k++)
        free(above[k]);
    free(above);
    free(cols);
}

/* A row of a table in a cell: its filled cells joined by " | " as one line. */
static void nested_row(void *ctx, char **cols, size_t n)
{
    sl_buf line = SL_BUF_INIT;
    for (size_t i = 0; i < n; i++)
        if (filled(cols[i], strlen(cols[i])))
            sl_buf_printf(&line, "%s%s", line.len ? " | " : "", cols[i]);
    void **args = ctx;
    add_cell_line(args[0], line.data ? line.data : "", line.len, args[1]);
    sl_buf_free(&line);
}

/* Appends a cell's blocks (paragraphs with their labels, nested tables a
 * line per row) as lines joined by sep. */
static void cell_blocks(const sl_doc_blocks *b, const char *sep, sl_buf *out)
{
    for (size_t i = 0; i < b->n; i++) {
        const sl_doc_block *blk = &b->items[i];
        if (blk->table && is_frame(blk->table)) {
            cell_blocks(&blk->table->rows[0].cells[0].content, sep, out);
        } else if (blk->table) {
            void *args[2] = {out, (void *)sep};
            lay_rows(blk->table, " ", nested_row, args);
        } else {
            const char *s = blk->text;
            for (int first = 1; first || *s; first = 0) {
                size_t n = strcspn(s, "\n");
                char *line = sl_strndup(s, n);
                sl_buf one = SL_BUF_INIT;
                if (first && blk->label && filled(line, n))
                    sl_buf_printf(&one, "%s ", blk->label);
                sl_buf_puts(&one, line);
                add_cell_line(out, sl_buf_str(&one), one.len, sep);
                sl_buf_free(&one);
                free(line);
                s += n + (s[n] == '\n');
            }
        }
    }
}

/* Appends a cell's text, its lines joined by sep. */
static void cell_text(const sl_doc_cell *c, const char *sep, sl_buf *out)
{
    cell_blocks(&c->content, sep, out);
}

/* A row of a table in the body: its cells tab-separated on one line. */
static void body_row(void *ctx, char **cols, size_t n)
{
    sl_buf *out = ctx;
    for (size_t i = 0; i < n; i++)
        sl_buf_printf(out, "%s%s", i ? "\t" : "", cols[i]);
    sl_buf_putc(out, '\n');
}

/* Appends a paragraph of the body: its label, then its text. */
static void body_paragraph(const sl_doc_block *b, sl_buf *out)
{
    if (b->label && filled(b->text, strlen(b->text)))
        sl_buf_printf(out, "%s ", b->label);
    for (const char *s = b->text; *s; s++)
        if (*s != '\r')
            sl_buf_putc(out, *s);
    sl_buf_putc(out, '\n');
}

/* Appends blocks of the body (or of a frame in it). */
static void render_blocks(const sl_doc_blocks *b, sl_buf *out)
{
    for (size_t i = 0; i < b->n; i++) {
        const sl_doc_block *blk = &b->items[i];
        if (blk->table && is_frame(blk->table)) {
            render_blocks(&blk->table->rows[0].cells[0].content, out);
        } else if (blk->table) {
            sl_buf_putc(out, '\n');
            lay_rows(blk->table, "</p><p>", body_row, out);
            sl_buf_putc(out, '\n');
        } else {
            body_paragraph(blk, out);
        }
    }
}

void sl_doc_render(const sl_doc *d, sl_buf *out)
{
    render_blocks(&d->body, out);
}

/* Frees a table and everything in it. */
static void free_table(sl_doc_table *t)
{
    for (size_t r = 0; r < t->n; r++) {
        for (size_t i = 0; i < t->rows[r].n; i++)
            free_blocks(&t->rows[r].cells[i].content);
        free(t->rows[r].cells);
    }
    free(t->rows);
    free(t);
}

/* Frees the blocks of a list. */
static void free_blocks(sl_doc_blocks *b)
{
    for (size_t i = 0; i < b->n; i++) {
        free(b->items[i].text);
        free(b->items[i].label);
        if (b->items[i].table)
            free_table(b->items[i].table);
    }
    free(b->items);
    memset(b, 0, sizeof *b);
}

void sl_doc_free(sl_doc *d)
{
    free_blocks(&d->body);
    sl_doc_init(d);
}
