/* export_xlsx.c — plans as a workbook a council keeps using (libxlsxwriter):
 * "All actions" (what `import` reads back to the same plans), a sheet per
 * theme with the same columns, and a "Read me". Dates are Excel dates with
 * the plan's words beside them; the RAG as of the export day is written in
 * words and filled with its colour. See export.h. */
#include "report/export.h"

#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

#include "report/xlsxwriter_api.h"

#include "util/mem.h"

#define MIN_WIDTH 6
#define MAX_WIDTH 60
#define DATE_WIDTH 12
#define SHEET_NAME_MAX 31

/* What a column of an action sheet holds. */
typedef enum {
    K_CELL,             /* a cell of the canonical export (canon) */
    K_START, K_START_WORDS, K_DUE, K_DUE_WORDS,
    K_RAG_NOW, K_LATEST, K_LATEST_DAY,
    K_CUSTOM            /* the custom field custom */
} kind;

typedef struct {
    const char *name;
    kind kind;
    size_t canon;       /* K_CELL: index into the canonical cells */
} column;

/* The canonical cells' positions the writer treats specially. */
enum { CANON_START = 6, CANON_DUE = 7, CANON_RAG = 14, CANON_PROGRESS = 15 };

/* The workbook being written, and the first failure met. */
typedef struct {
    lxw_workbook *book;
    lxw_format *bold, *date, *rag[SL_RAG_GREY + 1];
    const sl_plan *plans;
    size_t n_plans;
    const sl_export_context *ctx;
    column *cols;
    size_t n_cols;
    const char **custom;        /* custom field names, borrowed from the plans */
    size_t n_custom;
    sl_buf scratch, leads, recs;
    lxw_error failed;
    const char *path;
    sl_error *err;
} writer;

/* One worksheet of actions being written. */
typedef struct {
    lxw_worksheet *ws;
    lxw_row_t row;
    double *widths;
} sheet;

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

/* Records a libxlsxwriter failure (the first only); returns -1. */
static int failed(writer *w, lxw_error e, const char *what)
{
    if (!w->failed) {
        w->failed = e;
        sl_fail_at(w->err, w->path, 0, "%s: %s%s", what, lxw_strerror(e),
                   e == LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED
                       ? " (a spreadsheet cell holds 32,767 characters: export as CSV)"
                       : "");
    }
    return -1;
}

/* Adds a column to the writer's list. */
static void add_column(writer *w, const char *name, kind k, size_t canon)
{
    w->cols = sl_realloc(w->cols, (w->n_cols + 1) * sizeof *w->cols);
    w->cols[w->n_cols++] = (column){name, k, canon};
}

/* Lays out the action sheets' columns: the canonical ones with each date
 * followed by its words, the derived RAG and latest update after rag, then
 * the plans' custom fields. */
static void lay_out(writer *w)
{
    for (size_t c = 0; c < sl_export_n_columns; c++) {
        if (c == CANON_START) {
            add_column(w, "start", K_START, c);
            add_column(w, "start_as_written", K_START_WORDS, c);
        } else if (c == CANON_DUE) {
            add_column(w, "due", K_DUE, c);
            add_column(w, "due_as_written", K_DUE_WORDS, c);
        } else {
            add_column(w, sl_export_columns[c], K_CELL, c);
        }
        if (c == CANON_RAG) {
            add_column(w, "rag_on_export", K_RAG_NOW, c);
            add_column(w, "latest_update", K_LATEST, c);
            add_column(w, "latest_update_date", K_LATEST_DAY, c);
        }
    }
    for (size_t i = 0; i < w->n_plans; i++)
        for (size_t a = 0; a < w->plans[i].n_actions; a++) {
            const sl_action *action = &w->plans[i].actions[a];
            for (size_t f = 0; f < action->n_custom; f++) {
                size_t k = 0;
                while (k < w->n_custom && strcmp(w->custom[k], action->custom[f].name) != 0)
                    k++;
                if (k < w->n_custom)
                    continue;
                w->custom = sl_realloc(w->custom, (k + 1) * sizeof *w->custom);
                w->custom[w->n_custom++] = action->custom[f].name;
                add_column(w, action->custom[f].name, K_CUSTOM, k);
            }
        }
}

/* Returns the Excel serial number (1900 system) of a day. */
static double serial_of(sl_day day)
{
    return (double)(day - sl_day_from_ymd(1899, 12, 30));
}

/* Writes text into a cell (nothing for ""), widening its column. */
static int put_text(writer *w, sheet *s, size_t c, const char *text, lxw_format *f)
{
    if (!text || !*text)
        return 0;
    lxw_error e = worksheet_write_string(s->ws, s->row, (lxw_col_t)c,
                                         sl_xlsx_cell_text(text, &w->scratch), f);
    if (e)
        return failed(w, e, "writing a cell");
    double width = sl_xlsx_text_width(text);
    if (width > s->widths[c])
        s->widths[c] = width;
    return 0;
}

/* Writes a day as an Excel date (nothing for SL_NO_DAY). */
static int put_day(writer *w, sheet *s, size_t c, sl_day day)
{
    if (day == SL_NO_DAY)
        return 0;
    lxw_error e = worksheet_write_number(s->ws, s->row, (lxw_col_t)c, serial_of(day), w->date);
    if (e)
        return failed(w, e, "writing a date");
    if (s->widths[c] < DATE_WIDTH)
        s->widths[c] = DATE_WIDTH;
    return 0;
}

/* Returns the day a written date stands for: start its earliest, due its latest. */
static sl_day day_of(const sl_written_date *d, int due)
{
    if (d->parse != SL_DATE_OK)
        return SL_NO_DAY;
    return due ? d->value.latest : d->value.earliest;
}

/* Returns the RAG written in words for a reader ("Red"), "" for none. */
static const char *rag_words(sl_rag rag)
{
    static const char *const words[] = {"", "Red", "Amber", "Green", "Blue (complete)", "Grey"};
    return rag <= SL_RAG_GREY ? words[rag] : "";
}

/* Writes one action's row. */
static int write_action(writer *w, sheet *s, size_t plan, size_t index)
{
    const sl_plan *p = &w->plans[plan];
    const sl_action *a = &p->actions[index];
    const sl_export_state *st = w->ctx && w->ctx->states && w->ctx->states[plan]
                                    ? &w->ctx->states[plan][index] : NULL;
    const char *cells[32];
    size_t n_cells;
    sl_export_action_cells(cells, &n_cells, p, a, &w->leads, &w->recs);
    int rc = 0;
    for (size_t c = 0; rc == 0 && c < w->n_cols; c++) {
        const column *col = &w->cols[c];
        switch (col->kind) {
        case K_CELL: rc = put_text(w, s, c, cells[col->canon], NULL); break;
        case K_START: rc = put_day(w, s, c, day_of(&a->start, 0)); break;
        case K_DUE: rc = put_day(w, s, c, day_of(&a->due, 1)); break;
        case K_START_WORDS: rc = put_text(w, s, c, a->start.text, NULL); break;
        case K_DUE_WORDS: rc = put_text(w, s, c, a->due.text, NULL); break;
        case K_RAG_NOW:
            if (st)
                rc = put_text(w, s, c, rag_words(st->rag), w->rag[st->rag <= SL_RAG_GREY ? st->rag : 0]);
            break;
        case K_LATEST: rc = st ? put_text(w, s, c, st->latest_note, NULL) : 0; break;
        case K_LATEST_DAY: rc = st ? put_day(w, s, c, st->latest_day) : 0; break;
        case K_CUSTOM:
            for (size_t f = 0; f < a->n_custom; f++)
                if (strcmp(a->custom[f].name, w->custom[col->canon]) == 0)
                    rc = put_text(w, s, c, a->custom[f].value, NULL);
            break;
        }
    }
    s->row++;
    return rc;
}

/* Starts a sheet of actions: its header row. */
static int begin_sheet(writer *w, sheet *s, const char *name)
{
    s->ws = workbook_add_worksheet(w->book, name);
    s->row = 0;
    s->widths = sl_calloc((w->n_cols + 1) * sizeof *s->widths);
    if (!s->ws)
        return failed(w, LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE, "adding a sheet");
    for (size_t c = 0; c < w->n_cols; c++)
        if (put_text(w, s, c, w->cols[c].name, w->bold) < 0)
            return -1;
    s->row = 1;
    return 0;
}

/* Ends a sheet: fitted widths, frozen header, a filter over its rows. */
static void end_sheet(writer *w, sheet *s)
{
    for (size_t c = 0; s->ws && c < w->n_cols; c++) {
        double width = s->widths[c] + 2;
        width = width < MIN_WIDTH ? MIN_WIDTH : width > MAX_WIDTH ? MAX_WIDTH : width;
        worksheet_set_column(s->ws, (lxw_col_t)c, (lxw_col_t)c, width, NULL);
    }
    if (s->ws) {
        worksheet_freeze_panes(s->ws, 1, 0);
        worksheet_autofilter(s->ws, 0, 0, s->row - 1, (lxw_col_t)(w->n_cols - 1));
    }
    free(s->widths);
    s->widths = NULL;
}

/* Writes a sheet of the actions of one theme (theme < 0: every action). */
static int actions_sheet(writer *w, const char *name, size_t plan, int theme)
{
    sheet s = {0};
    int rc = begin_sheet(w, &s, name);
    for (size_t i = 0; rc == 0 && i < w->n_plans; i++)
        for (size_t a = 0; rc == 0 && a < w->plans[i].n_actions; a++) {
            if (theme >= 0 && (i != plan || w->plans[i].actions[a].theme != theme))
                continue;
            if (s.row >= LXW_ROW_MAX)
                rc = sl_fail_at(w->err, w->path, 0, "the plans need more rows than a worksheet holds");
            else
                rc = write_action(w, &s, i, a);
        }
    end_sheet(w, &s);
    return rc;
}

/* Appends raw to out without the characters a sheet name may not hold
 * (: \ / ? * [ ] ') and cut to limit characters. */
static void clip_name(const char *raw, size_t limit, sl_buf *out)
{
    size_t chars = 0;
    for (const char *p = raw; *p; p++) {
        if (strchr(":\\/?*[]'", *p))
            continue;
        if (((unsigned char)*p & 0xC0) != 0x80 && chars++ == limit)
            break;
        sl_buf_putc(out, *p);
    }
}

/* Writes into name a sheet name for a theme that Excel allows and no other
 * sheet has: its ref and title, at most 31 characters, numbered on a clash. */
static void theme_sheet_name(const sl_theme *t, char *const *taken, size_t n_taken, sl_buf *name)
{
    sl_buf raw = SL_BUF_INIT;
    sl_buf_printf(&raw, "%s%s%s", t->ref, *t->ref ? " " : "", *t->title ? t->title : "Theme");
    for (size_t attempt = 1;; attempt++) {
        sl_buf_reset(name);
        clip_name(sl_buf_str(&raw), SHEET_NAME_MAX - (attempt > 1 ? 6 : 0), name);
        if (attempt > 1)
            sl_buf_printf(name, " (%zu)", attempt);
        const char *n = sl_buf_str(name);
        int clash = strcmp(n, "All actions") == 0 || strcmp(n, "Read me") == 0 || !*n;
        for (size_t i = 0; !clash && i < n_taken; i++)
            clash = strcmp(taken[i], n) == 0;
        if (!clash)
            break;
    }
    sl_buf_free(&raw);
}

/* Writes one sheet per theme that has actions. */
static int theme_sheets(writer *w)
{
    char **taken = NULL;
    size_t n_taken = 0;
    int rc = 0;
    sl_buf name = SL_BUF_INIT;
    for (size_t i = 0; rc == 0 && i < w->n_plans; i++)
        for (size_t t = 0; rc == 0 && t < w->plans[i].n_themes; t++) {
            int used = 0;
            for (size_t a = 0; !used && a < w->plans[i].n_actions; a++)
                used = w->plans[i].actions[a].theme == (int)t;
            if (!used)
                continue;
            theme_sheet_name(&w->plans[i].themes[t], taken, n_taken, &name);
            taken = sl_realloc(taken, (n_taken + 1) * sizeof *taken);
            taken[n_taken++] = sl_strdup(sl_buf_str(&name));
            rc = actions_sheet(w, sl_buf_str(&name), i, (int)t);
        }
    for (size_t i = 0; i < n_taken; i++)
        free(taken[i]);
    free(taken);
    sl_buf_free(&name);
    return rc;
}

/* Writes line as the next row of the Read me sheet and empties it; returns 0 or -1. */
static int put_line(writer *w, lxw_worksheet *ws, lxw_row_t *row, sl_buf *line)
{
    lxw_error e = worksheet_write_string(ws, (*row)++, 0, sl_xlsx_cell_text(sl_buf_str(line), &w->scratch),
                                         NULL);
    sl_buf_reset(line);
    return e ? failed(w, e, "writing the Read me sheet") : 0;
}

/* The Read me's fixed lines: how the workbook is laid out and read back. */
static const char *const read_me_lines[] = {
    "All actions: every action. Each other sheet but this one: the actions of one theme.",
    "start and due are dates; start_as_written and due_as_written keep the plan's own words.",
    "rag is a RAG set by hand (blank when the rules decide); latest_update and latest_update_date"
    " are the latest progress update.",
    "To read it back: sightline import FILE reads the All actions sheet and gives the same plan;"
    " rag_on_export, latest_update and latest_update_date are not read back.",
    "Change a date by changing the date cell: when it no longer agrees with the words beside it,"
    " the date wins.",
};

/* Writes the "Read me" sheet: what the workbook was made from and when, and
 * how to read and re-import it. */
static int read_me(writer *w)
{
    lxw_worksheet *ws = workbook_add_worksheet(w->book, "Read me");
    if (!ws)
        return failed(w, LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE, "adding the Read me sheet");
    sl_buf line = SL_BUF_INIT;
    char day[11] = "";
    if (w->ctx && w->ctx->as_of != SL_NO_DAY)
        sl_day_format(w->ctx->as_of, day);
    lxw_row_t row = 0;
    sl_buf_printf(&line, "Made by sightline from %s, at %s.",
                  w->ctx && w->ctx->made_from ? w->ctx->made_from : "plans",
                  w->ctx && w->ctx->made_at ? w->ctx->made_at : "");
    int rc = put_line(w, ws, &row, &line);
    sl_buf_printf(&line, "rag_on_export is each action's RAG as of %s, in words and in its colour.", day);
    rc |= put_line(w, ws, &row, &line);
    for (size_t i = 0; i < w->n_plans; i++) {
        const sl_plan *p = &w->plans[i];
        sl_buf_printf(&line, "Plan: %s%s%s (%zu actions, read from %s).", p->title,
                      *p->authority ? ", " : "", p->authority, p->n_actions,
                      *p->source_file ? p->source_file : "no file");
        rc |= put_line(w, ws, &row, &line);
    }
    for (size_t i = 0; i < sizeof read_me_lines / sizeof read_me_lines[0]; i++) {
        sl_buf_puts(&line, read_me_lines[i]);
        rc |= put_line(w, ws, &row, &line);
    }
    worksheet_set_column(ws, 0, 0, 100, NULL);
    sl_buf_free(&line);
    return rc ? -1 : 0;
}

/* Makes the formats: bold header, a date, and a fill per RAG (with a font
 * that reads on it). */
static void make_formats(writer *w)
{
    static const struct {
        lxw_color_t fill, font;
    } colours[SL_RAG_GREY + 1] = {
        {0, 0}, {0xC00000, 0xFFFFFF}, {0xFFC000, 0x000000}, {0x00B050, 0x000000},
        {0x0070C0, 0xFFFFFF}, {0xBFBFBF, 0x000000},
    };
    w->bold = workbook_add_format(w->book);
    format_set_bold(w->bold);
    w->date = workbook_add_format(w->book);
    format_set_num_format(w->date, "d mmm yyyy");
    for (int r = SL_RAG_RED; r <= SL_RAG_GREY; r++) {
        w->rag[r] = workbook_add_format(w->book);
        format_set_bg_color(w->rag[r], colours[r].fill);
        format_set_font_color(w->rag[r], colours[r].font);
    }
}

int sl_export_xlsx(const char *path, const sl_plan *plans, size_t n_plans,
                   const sl_export_context *ctx, sl_error *err)
{
    if (sl_xlsxwriter_load(err) < 0)
        return -1;
    lxw_workbook *book = workbook_new(path);
    if (!book)
        return sl_fail_at(err, path, 0, "cannot start a workbook");
    writer w = {.book = book, .plans = plans, .n_plans = n_plans, .ctx = ctx, .path = path, .err = err};
    make_formats(&w);
    lay_out(&w);
    int rc = w.n_cols > LXW_COL_MAX
                 ? sl_fail_at(err, path, 0, "the plans need more columns than a worksheet holds")
                 : actions_sheet(&w, "All actions", 0, -1);
    if (rc == 0)
        rc = theme_sheets(&w);
    if (rc == 0)
        rc = read_me(&w);
    /* Closing writes the file, and frees the workbook even after a failure. */
    lxw_error closed = workbook_close(book);
    free(w.cols);
    free(w.custom);
    sl_buf_free(&w.scratch);
    sl_buf_free(&w.leads);
    sl_buf_free(&w.recs);
    if (rc < 0 || w.failed)
        return -1;
    if (closed)
        return sl_fail_at(err, path, 0, "cannot write the workbook: %s", lxw_strerror(closed));
    return 0;
}
