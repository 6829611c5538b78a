/* report_doc.c — building and freeing the report model; worksheet names
 * and RAG words and colours shared by the renderers (see report_doc.h). */
#include "report/report_doc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/mem.h"

void sl_report_init(sl_report *r, const char *title, const char *board, sl_day as_of)
{
    memset(r, 0, sizeof *r);
    r->title = sl_strdup(title ? title : "");
    r->board = sl_strdup(board ? board : "");
    r->as_of = as_of;
}

/* Frees one block's strings and cells. */
static void block_free(sl_report_block *b)
{
    free(b->label);
    free(b->text);
    for (size_t c = 0; c < b->table.n_cols; c++)
        free(b->table.headers[c]);
    free(b->table.headers);
    for (size_t i = 0; i < b->table.n_rows * b->table.n_cols; i++)
        free(b->table.cells[i].text);
    free(b->table.cells);
    for (size_t i = 0; i < b->n_items; i++)
        free(b->items[i]);
    free(b->items);
}

void sl_report_free(sl_report *r)
{
    for (size_t i = 0; i < r->n_sections; i++) {
        sl_report_section *s = &r->sections[i];
        for (size_t k = 0; k < s->n_blocks; k++)
            block_free(&s->blocks[k]);
        free(s->blocks);
        free(s->heading);
        free(s->sheet);
    }
    free(r->sections);
    free(r->title);
    free(r->board);
    memset(r, 0, sizeof *r);
}

sl_report_section *sl_report_add_section(sl_report *r, const char *heading, const char *sheet)
{
    r->sections = sl_realloc(r->sections, (r->n_sections + 1) * sizeof *r->sections);
    sl_report_section *s = &r->sections[r->n_sections++];
    memset(s, 0, sizeof *s);
    s->heading = sl_strdup(heading ? heading : "");
    s->sheet = sheet ? sl_strdup(sheet) : NULL;
    return s;
}

void sl_report_take_sections(sl_report *into, sl_report *from)
{
    into->sections = sl_realloc(into->sections, (into->n_sections + from->n_sections + 1) *
                                                    sizeof *into->sections);
    for (size_t i = 0; i < from->n_sections; i++)
        into->sections[into->n_sections++] = from->sections[i];
    free(from->sections);
    from->sections = NULL;
    from->n_sections = 0;
}

/* Appends an empty block of a kind to a section; returns it. */
static sl_report_block *add_block(sl_report_section *s, sl_block_kind kind)
{
    s->blocks = sl_realloc(s->blocks, (s->n_blocks + 1) * sizeof *s->blocks);
    sl_report_block *b = &s->blocks[s->n_blocks++];
    memset(b, 0, sizeof *b);
    b->kind = kind;
    return b;
}

void sl_report_add_paragraph(sl_report_section *s, const char *label, const char *text)
{
    sl_report_block *b = add_block(s, SL_BLOCK_PARAGRAPH);
    b->label = label ? sl_strdup(label) : NULL;
    b->text = sl_strdup(text ? text : "");
}

void sl_report_add_bullet(sl_report_section *s, const char *text)
{
    sl_report_block *b = s->n_blocks ? &s->blocks[s->n_blocks - 1] : NULL;
    if (!b || b->kind != SL_BLOCK_BULLETS)
        b = add_block(s, SL_BLOCK_BULLETS);
    b->items = sl_realloc(b->items, (b->n_items + 1) * sizeof *b->items);
    b->items[b->n_items++] = sl_strdup(text ? text : "");
}

sl_report_table *sl_report_add_table(sl_report_section *s, size_t n_cols,
                                     const char *const *headers)
{
    sl_report_block *b = add_block(s, SL_BLOCK_TABLE);
    b->table.n_cols = n_cols;
    b->table.headers = sl_calloc((n_cols + 1) * sizeof *b->table.headers);
    for (size_t c = 0; c < n_cols; c++)
        b->table.headers[c] = sl_strdup(headers[c] ? headers[c] : "");
    return &b->table;
}

sl_report_table *sl_report_add_figure(sl_report_section *s, const char *markup, size_t n_cols,
                                      const char *const *headers)
{
    sl_report_table *t = sl_report_add_table(s, n_cols, headers);
    sl_report_block *b = &s->blocks[s->n_blocks - 1];
    b->kind = SL_BLOCK_FIGURE;
    b->text = sl_strdup(markup ? markup : "");
    return t;
}

size_t sl_report_add_row(sl_report_table *t, const char *const *texts)
{
    size_t row = t->n_rows++;
    t->cells = sl_realloc(t->cells, t->n_rows * t->n_cols * sizeof *t->cells);
    for (size_t c = 0; c < t->n_cols; c++)
        t->cells[row * t->n_cols + c] = (sl_report_cell){sl_strdup(texts[c] ? texts[c] : ""),
                                                         SL_RAG_NONE, ""};
    return row;
}

void sl_report_set_rag(sl_report_table *t, size_t row, size_t col, sl_rag rag)
{
    if (row < t->n_rows && col < t->n_cols)
        t->cells[row * t->n_cols + col].rag = rag;
}

void sl_report_set_fill(sl_report_table *t, size_t row, size_t col, const char *rgb)
{
    if (row >= t->n_rows || col >= t->n_cols || !rgb || strlen(rgb) != 6 ||
        strspn(rgb, "0123456789abcdefABCDEF") != 6)
        return;
    memcpy(t->cells[row * t->n_cols + col].fill, rgb, 7);
}

int sl_report_fill_dark(const char *rgb)
{
    long v = strtol(rgb, NULL, 16);
    long r = (v >> 16) & 0xff, g = (v >> 8) & 0xff, b = v & 0xff;
    return r * 299 + g * 587 + b * 114 < 150000;       /* perceived brightness below ~150 of 255 */
}

const sl_report_cell *sl_report_cell_at(const sl_report_table *t, size_t row, size_t col)
{
    return &t->cells[row * t->n_cols + col];
}

const char *sl_report_cell_text(const sl_report_cell *cell)
{
    return *cell->text || cell->rag == SL_RAG_NONE ? cell->text : sl_report_rag_word(cell->rag);
}

const char *sl_report_rag_fill(sl_rag rag)
{
    switch (rag) {
    case SL_RAG_RED: return "B10E1E";
    case SL_RAG_AMBER: return "FFBF47";
    case SL_RAG_GREEN: return "00703C";
    case SL_RAG_BLUE: return "1D4E89";
    case SL_RAG_GREY: return "D9DBDD";
    default: return "";
    }
}

const char *sl_report_rag_word(sl_rag rag)
{
    switch (rag) {
    case SL_RAG_RED: return "Red";
    case SL_RAG_AMBER: return "Amber";
    case SL_RAG_GREEN: return "Green";
    case SL_RAG_BLUE: return "Blue";
    case SL_RAG_GREY: return "Grey";
    default: return "";
    }
}

/* Appends s to out with the characters a worksheet name may not hold
 * replaced by spaces, at most max characters (whole UTF-8 characters). */
static void clean_name(sl_buf *out, const char *s, size_t max)
{
    size_t chars = 0;
    while (*s && chars < max) {
        size_t n = 1;
        while ((s[n] & 0xC0) == 0x80)
            n++;
        if (n == 1 && (strchr("[]:*?/\\", *s) || (unsigned char)*s < 0x20))
            sl_buf_putc(out, ' ');
        else
            sl_buf_add(out, s, n);
        s += n;
        chars++;
    }
}

/* Trims spaces and apostrophes from both ends of the buffer's text. */
static void trim_name(sl_buf *b)
{
    size_t start = 0;
    while (start < b->len && (b->data[start] == ' ' || b->data[start] == '\''))
        start++;
    while (b->len > start && (b->data[b->len - 1] == ' ' || b->data[b->len - 1] == '\''))
        b->len--;
    if (b->data)
        b->data[b->len] = '\0';
    if (start) {
        memmove(b->data, b->data + start, b->len - start + 1);
        b->len -= start;
    }
}

/* Returns 1 when name is one of taken, ignoring ASCII case. */
static int is_taken(const char *name, const char *const *taken, size_t n_taken)
{
    for (size_t i = 0; i < n_taken; i++)
        if (strcasecmp(name, taken[i]) == 0)
            return 1;
    return 0;
}

char *sl_report_sheet_name(const char *wanted, const char *const *taken, size_t n_taken)
{
    sl_buf name = SL_BUF_INIT;
    for (int n = 1;; n++) {
        char suffix[16] = "";
        if (n > 1)
            snprintf(suffix, sizeof suffix, " (%d)", n);
        sl_buf_reset(&name);
        clean_name(&name, wanted ? wanted : "", 31 - strlen(suffix));
        trim_name(&name);
        if (name.len == 0 || strcasecmp(sl_buf_str(&name), "History") == 0)
            sl_buf_puts(&name, name.len ? " sheet" : "Sheet");
        sl_buf_puts(&name, suffix);
        if (!is_taken(sl_buf_str(&name), taken, n_taken))
            return sl_buf_take(&name);
    }
}
