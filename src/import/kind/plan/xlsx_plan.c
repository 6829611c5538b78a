/* xlsx_plan.c — an xlsx workbook into plans: the first visible worksheet's
 * rows become records for sl_import_records, so every check and message of
 * the CSV import applies, at the sheet's row numbers, and the header row is
 * found the same way (below a title and blank rows). Numbers become text as
 * a spreadsheet shows them; a number in a date format, or a date serial in
 * a start or due column, becomes YYYY-MM-DD. A merged cell's value shows
 * in every row it spans; each cell's fill colour is given as the RAG it
 * shows; hidden sheets become findings of the plan. */
#include <ctype.h>
#include <math.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "import/kind/plan/plan_read.h"
#include "import/format/xlsx_sheet.h"
#include "util/mem.h"

/* Serial days a plain number in a start or due column may be taken for:
 * 1954-10-04 to 2119-01-10. */
#define SERIAL_MIN 20000
#define SERIAL_MAX 80000

/* The sheet as a record source (an sl_record_source). */
typedef struct {
    const sl_xlsx_sheet *sheet;
    size_t next;                /* the first cell of the next row to give */
    size_t width;               /* the header row's columns (0 before it is read) */
    long header_row;            /* the header row's row */
    uint8_t *date_column;       /* per header column: 1 for start and due */
    uint8_t *derived;           /* per header column: 1 for a derived export column (not digested) */
    uint8_t *colours;           /* per field of the record given: the RAG its fill shows */
    char **fields;              /* the record given: texts borrowed from the sheet or numbers */
    char (*numbers)[32];        /* numbers and dates written as text, per column */
    size_t cap;
    crypto_hash_sha256_state digest;
} sheet_source;

/* Returns 1 when a cell's text is empty or only spaces. */
static int blank_text(const char *s)
{
    while (isspace((unsigned char)*s))
        s++;
    return !*s;
}

/* Returns the text a cell gives the plan reader: its own text, or a number
 * or date written into out. */
static char *cell_value(const sl_xlsx_sheet *sheet, const sl_xlsx_cell *cell, int date_column,
                        char out[32])
{
    char *text = sl_xlsx_text(sheet, cell);
    if (cell->kind == SL_XLSX_ISO_DATE) {
        /* "2017-07-31T00:00:00" → "2017-07-31" */
        const char *t = strchr(text, 'T');
        if (t && t - text == 10) {
            memcpy(out, text, 10);
            out[10] = '\0';
            return out;
        }
        return text;
    }
    if (cell->kind != SL_XLSX_NUMBER && cell->kind != SL_XLSX_DATE)
        return text;
    double value = strtod(text, NULL);
    int as_date = cell->kind == SL_XLSX_DATE ||
                  (date_column && value >= SERIAL_MIN && value < SERIAL_MAX);
    if (!(as_date && sl_xlsx_serial_date(value, sheet->date1904, out) == 0))
        sl_xlsx_number(value, out);
    return out;
}

/* Makes room for a record of n fields. */
static void reserve(sheet_source *s, size_t n)
{
    if (n <= s->cap)
        return;
    s->fields = sl_realloc(s->fields, n * sizeof *s->fields);
    s->numbers = sl_realloc(s->numbers, n * sizeof *s->numbers);
    s->colours = sl_realloc(s->colours, n);
    s->cap = n;
}

/* Adds a record to the digest: its line, then each field ended by a unit separator. */
static void digest_record(sheet_source *s, const sl_record *rec)
{
    char line[24];
    int n = snprintf(line, sizeof line, "%ld\x1e", rec->line);
    crypto_hash_sha256_update(&s->digest, (const unsigned char *)line, (unsigned long long)n);
    for (size_t i = 0; i < rec->n_fields; i++) {
        const char *field = s->derived && i < s->width && s->derived[i] && rec->line != s->header_row
                                ? "" : rec->fields[i];
        crypto_hash_sha256_update(&s->digest, (const unsigned char *)field, strlen(field) + 1);
    }
}

/* Returns the RAG a fill colour shows (SL_XLSX_FILLED | 0xRRGGBB): by its
 * hue, when it is coloured enough to be read as one (white, greys and black
 * are none); yellow and orange are amber. */
static sl_rag rag_of_fill(uint32_t fill)
{
    if (!(fill & SL_XLSX_FILLED))
        return SL_RAG_NONE;
    double r = ((fill >> 16) & 0xFF) / 255.0, g = ((fill >> 8) & 0xFF) / 255.0, b = (fill & 0xFF) / 255.0;
    double max = fmax(r, fmax(g, b)), min = fmin(r, fmin(g, b)), d = max - min;
    if (max < 0.2 || d / max < 0.15)
        return SL_RAG_NONE;
    double hue = max == r ? fmod((g - b) / d + 6, 6) : max == g ? (b - r) / d + 2 : (r - g) / d + 4;
    hue *= 60;
    if (hue < 20 || hue >= 330)
        return SL_RAG_RED;
    if (hue < 70)
        return SL_RAG_AMBER;
    if (hue < 170)
        return SL_RAG_GREEN;
    if (hue < 260)
        return SL_RAG_BLUE;
    return SL_RAG_NONE;
}

/* Returns the top-left cell of a vertical merged range that covers (row,
 * col) below its first row, or NULL. */
static const sl_xlsx_cell *merged_from(const sl_xlsx_sheet *sheet, int32_t row, size_t col)
{
    for (size_t i = 0; i < sheet->n_merges; i++) {
        const sl_xlsx_merge *m = &sheet->merges[i];
        if (m->col1 == col && m->row1 < row && row <= m->row2)
            return sl_xlsx_cell_at(sheet, m->row1, m->col1);
    }
    return NULL;
}

/* Returns the columns up to the last that shows something in the row
 * (cells first..end, and merged ranges from the rows above). */
static size_t row_used(const sl_xlsx_sheet *sheet, int32_t row, size_t first, size_t end)
{
    size_t used = 0;
    for (size_t i = first; i < end; i++)
        if (!blank_text(sl_xlsx_text(sheet, &sheet->cells[i])))
            used = (size_t)sheet->cells[i].col + 1;
    for (size_t i = 0; i < sheet->n_merges; i++) {
        const sl_xlsx_merge *m = &sheet->merges[i];
        const sl_xlsx_cell *top = m->row1 < row && row <= m->row2 && m->col1 >= used
                                      ? sl_xlsx_cell_at(sheet, m->row1, m->col1) : NULL;
        if (top && !blank_text(sl_xlsx_text(sheet, top)))
            used = (size_t)m->col1 + 1;
    }
    return used;
}

/* Fills field col from a cell (NULL: leaves it), and its colour unless the
 * cell is merged from a row above (a theme's band, not a rating). */
static void put_cell(sheet_source *s, size_t col, const sl_xlsx_cell *cell, int merged)
{
    if (!cell)
        return;
    int date = s->width && col < s->width && s->date_column[col];
    s->fields[col] = cell_value(s->sheet, cell, date, s->numbers[col]);
    if (!merged)
        s->colours[col] = (uint8_t)rag_of_fill(cell->fill);
}

/* Gives the next row that shows something as a record: the header row's
 * columns wide, or wider when a cell lies beyond them (which the plan
 * reader then refuses, naming the row). Until the header row is found,
 * each row is tried as one (sl_import_is_header). */
static int sheet_next(void *source, sl_record *rec, sl_error *err)
{
    static char empty[1];
    sheet_source *s = source;
    const sl_xlsx_sheet *sheet = s->sheet;
    (void)err;
    while (s->next < sheet->n_cells) {
        size_t first = s->next, end = first;
        int32_t row = sheet->cells[first].row;
        while (end < sheet->n_cells && sheet->cells[end].row == row)
            end++;
        s->next = end;
        size_t used = row_used(sheet, row, first, end);
        if (!used)
            continue;
        size_t n = used > s->width ? used : s->width;
        reserve(s, n);
        memset(s->colours, 0, n);
        for (size_t i = 0; i < n; i++)
            s->fields[i] = empty;
        for (size_t i = first; i < end; i++)
            if (sheet->cells[i].col < n)
                put_cell(s, sheet->cells[i].col, &sheet->cells[i], 0);
        for (size_t col = 0; col < n; col++)
            if (blank_text(s->fields[col]))
                put_cell(s, col, merged_from(sheet, row, col), 1);
        *rec = (sl_record){s->fields, n, row, s->colours};
        if (!s->width) {
            uint8_t *dates = sl_calloc(n);
            if (sl_import_is_header(rec, dates)) {
                s->width = n;
                s->date_column = dates;
                s->header_row = row;
                s->derived = sl_calloc(n);
                for (size_t i = 0; i < n; i++) {
                    const char *name = s->fields[i] + strspn(s->fields[i], " ");
                    s->derived[i] = (uint8_t)sl_import_derived_column(name);
                }
            } else {
                free(dates);
            }
        }
        digest_record(s, rec);
        return 1;
    }
    return 0;
}

/* Adds a finding to each plan for each hidden sheet the workbook has. */
static void report_hidden(const sl_xlsx_sheet *sheet, sl_plan_set *out)
{
    for (size_t k = 0; k < out->n_plans; k++)
        for (size_t i = 0; i < sheet->n_hidden; i++)
            sl_findings_add(&out->plans[k].findings, SL_LINT_WARNING, "hidden-sheet", "", 0,
                            "sheet '%s' is hidden and was not read (the plan is sheet '%s')",
                            sheet->hidden[i], sheet->name);
}

int sl_import_xlsx(const char *data, size_t len, const char *file, const sl_import_options *opts,
                   sl_plan_set *out, sl_error *err)
{
    memset(out, 0, sizeof *out);
    sl_xlsx_sheet sheet;
    if (sl_xlsx_read(data, len, file, &sheet, err) < 0)
        return -1;
    int rc = 0;
    size_t i = 0;
    while (i < sheet.n_cells && blank_text(sl_xlsx_text(&sheet, &sheet.cells[i])))
        i++;
    if (i == sheet.n_cells)
        rc = sl_fail_at(err, file, 1, "the sheet '%s' is empty: there is no header row and no plan",
                        sheet.name);
    sheet_source s = {.sheet = &sheet};
    crypto_hash_sha256_init(&s.digest);
    if (rc == 0)
        rc = sl_import_records(sheet_next, &s, file, opts, out, err);
    if (rc == 0) {
        unsigned char digest[crypto_hash_sha256_BYTES];
        crypto_hash_sha256_final(&s.digest, digest);
        char hex[65];
        sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
        for (size_t k = 0; k < out->n_plans; k++)
            memcpy(out->plans[k].source_sha256, hex, sizeof hex);
        report_hidden(&sheet, out);
    }
    free(s.fields);
    free(s.numbers);
    free(s.date_column);
    free(s.derived);
    free(s.colours);
    sl_xlsx_free(&sheet);
    return rc;
}
