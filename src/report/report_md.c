/* report_md.c — a report as Markdown (see report_doc.h): headings, tables
 * and bullet lists. Text is escaped so that it reads as written: Markdown's
 * punctuation is backslash-escaped, pipes cannot end a cell, and < > & are
 * entities, so no text becomes markup or raw HTML. */
#include "report/report_doc.h"

#include <stdio.h>
#include <string.h>

/* Appends text escaped for Markdown; in_cell turns line breaks into <br>
 * (a table row is one line), otherwise they stay. */
static void md_text(sl_buf *out, const char *s, int in_cell)
{
    int line_start = 1;
    for (; *s; s++) {
        char c = *s;
        if (c == '<')
            sl_buf_puts(out, "&lt;");
        else if (c == '>')
            sl_buf_puts(out, "&gt;");
        else if (c == '&')
            sl_buf_puts(out, "&amp;");
        else if (c == '\r')
            continue;
        else if (c == '\n')
            sl_buf_puts(out, in_cell ? "<br>" : "  \n");
        else if (strchr("\\`*_[]|", c) || (line_start && strchr("#+-=", c))) {
            sl_buf_putc(out, '\\');
            sl_buf_putc(out, c);
        } else {
            sl_buf_putc(out, c);
        }
        line_start = c == '\n' || (line_start && c == ' ');
    }
}

/* Appends a table: a heading row, the delimiter row, then the rows. */
static void md_table(sl_buf *out, const sl_report_table *t)
{
    sl_buf_putc(out, '|');
    for (size_t c = 0; c < t->n_cols; c++) {
        sl_buf_putc(out, ' ');
        md_text(out, t->headers[c], 1);
        sl_buf_puts(out, " |");
    }
    sl_buf_puts(out, "\n|");
    for (size_t c = 0; c < t->n_cols; c++)
        sl_buf_puts(out, " --- |");
    sl_buf_putc(out, '\n');
    for (size_t row = 0; row < t->n_rows; row++) {
        sl_buf_putc(out, '|');
        for (size_t c = 0; c < t->n_cols; c++) {
            const sl_report_cell *cell = sl_report_cell_at(t, row, c);
            sl_buf_putc(out, ' ');
            if (cell->rag != SL_RAG_NONE)
                sl_buf_puts(out, "**");
            md_text(out, sl_report_cell_text(cell), 1);
            if (cell->rag != SL_RAG_NONE)
                sl_buf_puts(out, "**");
            sl_buf_puts(out, " |");
        }
        sl_buf_putc(out, '\n');
    }
    sl_buf_putc(out, '\n');
}

/* Appends one block of a section. */
static void md_block(sl_buf *out, const sl_report_block *b)
{
    if (b->kind == SL_BLOCK_TABLE || b->kind == SL_BLOCK_FIGURE) {
        md_table(out, &b->table);
        return;
    }
    if (b->kind == SL_BLOCK_BULLETS) {
        for (size_t i = 0; i < b->n_items; i++) {
            sl_buf_puts(out, "- ");
            md_text(out, b->items[i], 1);
            sl_buf_putc(out, '\n');
        }
        sl_buf_putc(out, '\n');
        return;
    }
    if (b->label && *b->label) {
        sl_buf_puts(out, "**");
        md_text(out, b->label, 1);
        sl_buf_puts(out, ":** ");
    }
    md_text(out, b->text, 0);
    sl_buf_puts(out, "\n\n");
}

void sl_report_md(sl_buf *out, const sl_report *r)
{
    char day[11];
    sl_day_format(r->as_of, day);
    sl_buf_puts(out, "# ");
    md_text(out, r->title, 1);
    sl_buf_puts(out, "\n\n");
    if (*r->board) {
        md_text(out, r->board, 1);
        sl_buf_puts(out, " · ");
    }
    sl_buf_printf(out, "As at %s\n\n", r->as_of == SL_NO_DAY ? "no date" : day);
    for (size_t i = 0; i < r->n_sections; i++) {
        const sl_report_section *s = &r->sections[i];
        sl_buf_puts(out, "## ");
        md_text(out, s->heading, 1);
        sl_buf_puts(out, "\n\n");
        for (size_t k = 0; k < s->n_blocks; k++)
            md_block(out, &s->blocks[k]);
    }
}
