/* report_xlsx.c — a report as an xlsx workbook (see report_doc.h), through
 * the lazily opened libxlsxwriter. One worksheet per section, named from the
 * section (sanitised, unique). A section's first table starts the sheet: its
 * bold heading row is frozen and carries the filter (a worksheet holds one
 * filter); commentary, lists and any further tables follow below it. RAG
 * cells hold their word and are filled with their colour. */
#include "report/report_doc.h"

#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

#include "report/export.h"
#include "report/xlsxwriter_api.h"
#include "util/mem.h"

#define MIN_WIDTH 6
#define MAX_WIDTH 60
#define N_RAGS (SL_RAG_GREY + 1)
#define MAX_COLS 64             /* report tables are narrow; wider ones are cut */
#define MAX_FILLS 16            /* fill colours of our own per workbook (risk bands: 4) */

/* The workbook being written, its formats and the first failure. */
typedef struct {
    lxw_workbook *book;
    lxw_format *bold, *wrap, *rag[N_RAGS];
    char fill_rgb[MAX_FILLS][7];   /* the cell fills met so far and their formats */
    lxw_format *fill[MAX_FILLS];
    size_t n_fills;
    lxw_worksheet *sheet;
    lxw_row_t row;              /* the next row of the sheet */
    double widths[MAX_COLS];
    sl_buf scratch;
    lxw_error failed;
    const char *path;
    sl_error *err;
} book_writer;

/* Makes the heading, wrapping and RAG formats. */
static void make_formats(book_writer *w)
{
    w->bold = workbook_add_format(w->book);
    format_set_bold(w->bold);
    format_set_text_wrap(w->bold);
    w->wrap = workbook_add_format(w->book);
    format_set_text_wrap(w->wrap);
    for (int rag = SL_RAG_RED; rag < N_RAGS; rag++) {
        w->rag[rag] = workbook_add_format(w->book);
        format_set_bold(w->rag[rag]);
        format_set_bg_color(w->rag[rag], (lxw_color_t)strtol(sl_report_rag_fill((sl_rag)rag), NULL, 16));
        if (rag == SL_RAG_RED || rag == SL_RAG_GREEN || rag == SL_RAG_BLUE)
            format_set_font_color(w->rag[rag], LXW_COLOR_WHITE);
    }
}

/* Returns the format of a cell: its RAG's, its fill's (made the first time
 * a colour is met, up to MAX_FILLS of them), else wrapping text. */
static lxw_format *cell_format(book_writer *w, const sl_report_cell *cell)
{
    if (cell->rag)
        return w->rag[cell->rag];
    if (!cell->fill[0])
        return w->wrap;
    for (size_t i = 0; i < w->n_fills; i++)
        if (strcmp(w->fill_rgb[i], cell->fill) == 0)
            return w->fill[i];
    if (w->n_fills == MAX_FILLS)
        return w->wrap;
    lxw_format *f = workbook_add_format(w->book);
    format_set_text_wrap(f);
    format_set_bg_color(f, (lxw_color_t)strtol(cell->fill, NULL, 16));
    if (sl_report_fill_dark(cell->fill))
        format_set_font_color(f, LXW_COLOR_WHITE);
    memcpy(w->fill_rgb[w->n_fills], cell->fill, 7);
    w->fill[w->n_fills] = f;
    return w->fill[w->n_fills++];
}

/* Writes one string cell with a format, noting its width; records the first failure. */
static void put(book_writer *w, size_t col, const char *text, lxw_format *format)
{
    if (w->failed || col >= MAX_COLS)
        return;
    if (w->row >= LXW_ROW_MAX) {
        w->failed = LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE;
        sl_fail_at(w->err, w->path, 0, "the report needs more rows than a worksheet holds");
        return;
    }
    lxw_error e = worksheet_write_string(w->sheet, w->row, (lxw_col_t)col,
                                         sl_xlsx_cell_text(text, &w->scratch), format);
    if (e) {
        w->failed = e;
        sl_fail_at(w->err, w->path, 0, "row %lu, column %zu: %s", (unsigned long)w->row + 1,
                   col + 1, lxw_strerror(e));
        return;
    }
    double width = sl_xlsx_text_width(text);
    if (width > w->widths[col])
        w->widths[col] = width;
}

/* Writes a table at the current row; returns the row of its heading. */
static lxw_row_t put_table(book_writer *w, const sl_report_table *t)
{
    lxw_row_t first = w->row;
    for (size_t c = 0; c < t->n_cols; c++)
        put(w, c, t->headers[c], w->bold);
    w->row++;
    for (size_t row = 0; row < t->n_rows; row++, w->row++) {
        for (size_t c = 0; c < t->n_cols; c++) {
            const sl_report_cell *cell = sl_report_cell_at(t, row, c);
            put(w, c, sl_report_cell_text(cell), cell_format(w, cell));
        }
    }
    return first;
}

/* Writes a paragraph or a list at the current row, in the first column. */
static void put_text_block(book_writer *w, const sl_report_block *b)
{
    if (b->kind == SL_BLOCK_BULLETS) {
        for (size_t i = 0; i < b->n_items; i++, w->row++) {
            sl_buf item = SL_BUF_INIT;
            sl_buf_printf(&item, "• %s", b->items[i]);
            put(w, 0, sl_buf_str(&item), w->wrap);
            sl_buf_free(&item);
        }
        return;
    }
    if (b->label && *b->label) {
        sl_buf text = SL_BUF_INIT;
        sl_buf_printf(&text, "%s: %s", b->label, b->text);
        put(w, 0, sl_buf_str(&text), w->wrap);
        sl_buf_free(&text);
    } else {
        put(w, 0, b->text, w->wrap);
    }
    w->row++;
}

/* Returns the index of the section's first table block, or n_blocks. */
static size_t first_table(const sl_report_section *s)
{
    size_t k = 0;
    while (k < s->n_blocks && s->blocks[k].kind != SL_BLOCK_TABLE &&
           s->blocks[k].kind != SL_BLOCK_FIGURE)
        k++;
    return k;
}

/* Writes one section as a worksheet's contents. */
static void put_section(book_writer *w, const sl_report_section *s)
{
    size_t lead = first_table(s);
    if (lead < s->n_blocks) {
        const sl_report_table *t = &s->blocks[lead].table;
        put_table(w, t);
        worksheet_freeze_panes(w->sheet, 1, 0);
        if (t->n_cols && !w->failed)
            worksheet_autofilter(w->sheet, 0, 0, (lxw_row_t)t->n_rows,
                                 (lxw_col_t)((t->n_cols < MAX_COLS ? t->n_cols : MAX_COLS) - 1));
    } else {
        put(w, 0, s->heading, w->bold);
        w->row++;
        worksheet_freeze_panes(w->sheet, 1, 0);
    }
    for (size_t k = 0; k < s->n_blocks; k++) {
        if (k == lead)
            continue;
        w->row++;                       /* a blank row between blocks */
        if (s->blocks[k].kind == SL_BLOCK_TABLE || s->blocks[k].kind == SL_BLOCK_FIGURE)
            put_table(w, &s->blocks[k].table);
        else
            put_text_block(w, &s->blocks[k]);
    }
}

/* Sets every used column as wide as its text (within limits). */
static void set_widths(book_writer *w)
{
    for (size_t c = 0; c < MAX_COLS; c++) {
        if (w->widths[c] == 0)
            continue;
        double width = w->widths[c] + 2;
        width = width < MIN_WIDTH ? MIN_WIDTH : width > MAX_WIDTH ? MAX_WIDTH : width;
        worksheet_set_column(w->sheet, (lxw_col_t)c, (lxw_col_t)c, width, NULL);
    }
}

/* Adds the worksheets, one per section, under unique clean names. */
static void put_sections(book_writer *w, const sl_report *r)
{
    char **names = sl_calloc((r->n_sections + 1) * sizeof *names);
    for (size_t i = 0; i < r->n_sections && !w->failed; i++) {
        const sl_report_section *s = &r->sections[i];
        names[i] = sl_report_sheet_name(s->sheet ? s->sheet : s->heading,
                                        (const char *const *)names, i);
        w->sheet = workbook_add_worksheet(w->book, names[i]);
        if (!w->sheet) {
            w->failed = LXW_ERROR_SHEETNAME_ALREADY_USED;
            sl_fail_at(w->err, w->path, 0, "cannot add the worksheet '%s'", names[i]);
            break;
        }
        w->row = 0;
        memset(w->widths, 0, sizeof w->widths);
        put_section(w, s);
        set_widths(w);
    }
    for (size_t i = 0; i < r->n_sections; i++)
        free(names[i]);
    free(names);
}

int sl_report_xlsx(const char *path, const sl_report *r, sl_error *err)
{
    if (sl_xlsxwriter_load(err) < 0)
        return -1;
    book_writer w = {.path = path, .err = err};
    w.book = workbook_new(path);
    if (!w.book)
        return sl_fail_at(err, path, 0, "cannot start a workbook");
    make_formats(&w);
    if (r->n_sections == 0) {
        sl_report_section empty = {.heading = r->title};
        w.sheet = workbook_add_worksheet(w.book, "Report");
        put_section(&w, &empty);
    }
    put_sections(&w, r);
    /* Closing writes the file, and frees the workbook even after a failure. */
    lxw_error closed = workbook_close(w.book);
    sl_buf_free(&w.scratch);
    if (w.failed)
        return -1;
    if (closed)
        return sl_fail_at(err, path, 0, "cannot write the workbook: %s", lxw_strerror(closed));
    return 0;
}
