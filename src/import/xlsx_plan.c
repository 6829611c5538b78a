/* xlsx_plan.c — an xlsx workbook laid out as the canonical CSV into plans:
 * the first worksheet's rows become records for sl_import_records, so every
 * check and message of the CSV import applies, at the sheet's row numbers.
 * Numbers become text as a spreadsheet shows them; a number in a date
 * format, or a date serial in a start or due column, becomes YYYY-MM-DD. */
#include <ctype.h>
#include <math.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "import/import.h"
#include "import/xlsx_sheet.h"
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
    uint8_t *date_column;       /* per header column: 1 for start and due */
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
    s->cap = n;
}

/* Adds a record to the digest: its line, then each field ended by a unit separator. */
static void digest_record(sheet_source *s, const sl_record *rec)
{
    char line[24];
    int n = snprintf(line, sizeof line, "%ld\x1e", rec->line);
    crypto_hash_sha256_update(&s->digest, (const unsigned char *)line, (unsigned long long)n);
    for (size_t i = 0; i < rec->n_fields; i++)
        crypto_hash_sha256_update(&s->digest, (const unsigned char *)rec->fields[i],
                                  strlen(rec->fields[i]) + 1);
}

/* Gives the next row that holds something as a record: the header row's
 * columns wide, or wider when a cell lies beyond them (which the plan
 * reader then refuses, naming the row). */
static int sheet_next(void *source, sl_record *rec, sl_error *err)
{
    static char empty[1];
    sheet_source *s = source;
    const sl_xlsx_sheet *sheet = s->sheet;
    (void)err;
    while (s->next < sheet->n_cells) {
        size_t first = s->next, end = first;
        int32_t row = sheet->cells[first].row;
        size_t used = 0;            /* columns up to the last cell holding something */
        while (end < sheet->n_cells && sheet->cells[end].row == row) {
            if (!blank_text(sl_xlsx_text(sheet, &sheet->cells[end])))
                used = (size_t)sheet->cells[end].col + 1;
            end++;
        }
        s->next = end;
        if (!used)
            continue;
        size_t n = used > s->width ? used : s->width;
        reserve(s, n);
        for (size_t i = 0; i < n; i++)
            s->fields[i] = empty;
        for (size_t i = first; i < end; i++) {
            size_t col = sheet->cells[i].col;
            if (col < n)
                s->fields[col] = cell_value(sheet, &sheet->cells[i],
                                            col < s->width && s->date_column[col], s->numbers[col]);
        }
        if (!s->width) {
            /* The header row: its columns, and which of them hold dates. */
            s->width = n;
            s->date_column = sl_calloc(n);
            for (size_t i = 0; i < n; i++) {
                char *name = s->fields[i];
                while (isspace((unsigned char)*name))
                    name++;
                size_t k = strlen(name);
                while (k > 0 && isspace((unsigned char)name[k - 1]))
                    k--;
                s->date_column[i] = (k == 3 && strncasecmp(name, "due", 3) == 0) ||
                                    (k == 5 && strncasecmp(name, "start", 5) == 0);
            }
        }
        *rec = (sl_record){s->fields, n, row};
        digest_record(s, rec);
        return 1;
    }
    return 0;
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
    }
    free(s.fields);
    free(s.numbers);
    free(s.date_column);
    sl_xlsx_free(&sheet);
    return rc;
}
