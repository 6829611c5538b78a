/* export_xlsx.c — the canonical export as an xlsx workbook (libxlsxwriter):
 * one worksheet "Actions" with the rows of sl_export_rows, every cell a
 * string so that dates stay as the plan wrote them ("Sept 17"); a bold,
 * frozen header row with a filter, and columns as wide as their text. */
#include "report/export.h"

#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

#include "report/xlsxwriter_api.h"

#include "util/mem.h"

#define MIN_WIDTH 6
#define MAX_WIDTH 60

/* What the row callback needs, and the first failure it met. */
typedef struct {
    lxw_worksheet *sheet;
    lxw_format *bold;
    lxw_row_t row;              /* the next row to write (0-based) */
    size_t n_columns;
    double *widths;             /* widest text seen in each column */
    sl_buf scratch;
    lxw_error failed;
    const char *path;
    sl_error *err;
} writer;

/* Returns 1 when s starts with an escape Excel reads as one character:
 * "_x" four hex digits "_" (as in "_x000D_"). */
static int looks_escaped(const char *s)
{
    if (s[0] != '_' || s[1] != 'x')
        return 0;
    for (int i = 2; i < 6; i++)
        if (!s[i] || !strchr("0123456789abcdefABCDEF", s[i]))
            return 0;
    return s[6] == '_';
}

const char *sl_xlsx_cell_text(const char *s, sl_buf *scratch)
{
    const char *p = s;
    while ((p = strstr(p, "_x")) != NULL && !looks_escaped(p))
        p++;
    if (!p)
        return s;
    sl_buf_reset(scratch);
    for (p = s; *p; p++) {
        if (looks_escaped(p))
            sl_buf_puts(scratch, "_x005F");
        sl_buf_putc(scratch, *p);
    }
    return sl_buf_str(scratch);
}

double sl_xlsx_text_width(const char *s)
{
    double widest = 0;
    while (*s) {
        size_t n = strcspn(s, "\r\n");
        char *line = sl_strndup(s, n);
        double w = (double)sl_utf8_width(line);
        free(line);
        if (w > widest)
            widest = w;
        s += n;
        s += strspn(s, "\r\n");
    }
    return widest;
}

/* Writes one row of the table (an sl_export_row_fn over a writer). */
static void write_row(void *ctx, const char *const *cells, size_t n_cells)
{
    writer *w = ctx;
    if (w->failed)
        return;
    if (w->row >= LXW_ROW_MAX || n_cells > LXW_COL_MAX) {
        w->failed = LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE;
        sl_fail_at(w->err, w->path, 0, "the plans need %s than a worksheet holds",
                   n_cells > LXW_COL_MAX ? "more columns" : "more rows");
        return;
    }
    if (!w->widths) {
        w->n_columns = n_cells;
        w->widths = sl_calloc((n_cells + 1) * sizeof *w->widths);
    }
    for (size_t c = 0; c < n_cells && c < w->n_columns; c++) {
        if (!*cells[c])
            continue;
        lxw_error e = worksheet_write_string(w->sheet, w->row, (lxw_col_t)c,
                                             sl_xlsx_cell_text(cells[c], &w->scratch),
                                             w->row == 0 ? w->bold : NULL);
        if (e) {
            w->failed = e;
            sl_fail_at(w->err, w->path, 0, "row %lu, column %zu: %s%s", (unsigned long)w->row + 1,
                       c + 1, lxw_strerror(e),
                       e == LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED
                           ? " (a spreadsheet cell holds 32,767 characters: export as CSV)"
                           : "");
            return;
        }
        double width = sl_xlsx_text_width(cells[c]);
        if (width > w->widths[c])
            w->widths[c] = width;
    }
    w->row++;
}

int sl_export_xlsx(const char *path, const sl_plan *plans, size_t n_plans, sl_error *err)
{
    if (sl_xlsxwriter_load(err) < 0)
        return -1;
    lxw_workbook *book = workbook_new(path);
    if (!book)
        return sl_fail_at(err, path, 0, "cannot start a workbook");
    writer w = {.path = path, .err = err};
    w.sheet = workbook_add_worksheet(book, "Actions");
    w.bold = workbook_add_format(book);
    format_set_bold(w.bold);
    sl_export_rows(plans, n_plans, write_row, &w);
    if (!w.failed) {
        for (size_t c = 0; c < w.n_columns; c++) {
            double width = w.widths[c] + 2;
            width = width < MIN_WIDTH ? MIN_WIDTH : width > MAX_WIDTH ? MAX_WIDTH : width;
            worksheet_set_column(w.sheet, (lxw_col_t)c, (lxw_col_t)c, width, NULL);
        }
        worksheet_freeze_panes(w.sheet, 1, 0);
        if (w.n_columns)
            worksheet_autofilter(w.sheet, 0, 0, w.row ? w.row - 1 : 0, (lxw_col_t)(w.n_columns - 1));
    }
    /* Closing writes the file, and frees the workbook even after a failure. */
    lxw_error closed = workbook_close(book);
    free(w.widths);
    sl_buf_free(&w.scratch);
    if (w.failed)
        return -1;
    if (closed)
        return sl_fail_at(err, path, 0, "cannot write the workbook: %s", lxw_strerror(closed));
    return 0;
}
