/* measure_values.c — the `measures load` CSV reader (see measure_values.h).
 * Rows go into one growing array; an open-addressing hash table over
 * (code, series, period slot) finds duplicates in constant time. */
#include "import/kind/measure/measure_values.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/csv.h"
#include "util/mem.h"

int sl_measure_lookup_in_defs(void *ctx, const char *code, sl_measure_shape *shape)
{
    const sl_measure_def_list *list = ctx;
    for (size_t i = 0; i < list->n; i++) {
        if (strcmp(list->defs[i].code, code) == 0) {
            shape->unit = list->defs[i].unit;
            shape->frequency = list->defs[i].frequency;
            return 1;
        }
    }
    return 0;
}

/* Where each column is in a row; -1 when absent. */
typedef struct {
    int code;
    int period;
    int value;
    int series;
    size_t n_columns;
} column_map;

/* What the reader keeps beside each row for the duplicate check. */
typedef struct {
    sl_period slot;
    long line;
} row_meta;

typedef struct {
    const char *file;
    sl_measure_lookup_fn lookup;
    void *ctx;
    char cached_code[SL_MEASURE_CODE_MAX];  /* the last code looked up, "" at first */
    int cached_known;
    sl_measure_shape cached_shape;
    sl_measure_value *rows;
    row_meta *meta;
    size_t n_rows;
    size_t cap_rows;
    uint32_t *table;                        /* row index + 1, 0 for an empty slot */
    size_t table_size;                      /* a power of two */
} reader;

/* Returns field text without the spaces around it, as a start and length. */
static const char *trimmed(const char *text, size_t *len)
{
    while (*text == ' ' || *text == '\t')
        text++;
    size_t n = strlen(text);
    while (n > 0 && (text[n - 1] == ' ' || text[n - 1] == '\t'))
        n--;
    *len = n;
    return text;
}

/* Reads the header record into map; returns 0 or -1 with err set. */
static int read_header(sl_csv *csv, column_map *map, sl_error *err)
{
    static const char expected[] = "expected a header row naming code, period, value and optionally series";
    int rc = sl_csv_next(csv, err);
    if (rc < 0)
        return -1;
    if (rc == 0)
        return sl_fail_at(err, csv->file, 1, "empty file: %s", expected);
    map->code = map->period = map->value = map->series = -1;
    map->n_columns = csv->n_fields;
    for (size_t i = 0; i < csv->n_fields; i++) {
        size_t len;
        const char *name = trimmed(csv->fields[i], &len);
        int *column = len == 4 && strncasecmp(name, "code", 4) == 0     ? &map->code
                    : len == 6 && strncasecmp(name, "period", 6) == 0   ? &map->period
                    : len == 5 && strncasecmp(name, "value", 5) == 0    ? &map->value
                    : len == 6 && strncasecmp(name, "series", 6) == 0   ? &map->series
                                                                        : NULL;
        if (!column)
            return sl_fail_at(err, csv->file, csv->record_line, "unknown column '%.*s': %s", (int)(len > 64 ? 64 : len),
                              name, expected);
        if (*column >= 0)
            return sl_fail_at(err, csv->file, csv->record_line, "column '%.*s' appears twice", (int)len, name);
        *column = (int)i;
    }
    if (map->code < 0 || map->period < 0 || map->value < 0)
        return sl_fail_at(err, csv->file, csv->record_line, "missing column: %s", expected);
    return 0;
}

/* Returns 1 when every field of the current record is empty or spaces. */
static int record_is_blank(const sl_csv *csv)
{
    for (size_t i = 0; i < csv->n_fields; i++) {
        size_t len;
        trimmed(csv->fields[i], &len);
        if (len > 0)
            return 0;
    }
    return 1;
}

/* Looks a code up, asking the callback only when the code differs from the
 * previous row's; returns 1 and sets *shape when known. */
static int lookup_code(reader *r, const char *code, sl_measure_shape *shape)
{
    if (strcmp(code, r->cached_code) != 0 || r->cached_code[0] == '\0') {
        memcpy(r->cached_code, code, strlen(code) + 1);
        r->cached_known = r->lookup(r->ctx, code, &r->cached_shape) == 1;
    }
    *shape = r->cached_shape;
    return r->cached_known;
}

/* Returns the hash of a row's duplicate key: code, series and slot (FNV-1a). */
static uint64_t key_hash(const sl_measure_value *v, const sl_period *slot)
{
    uint64_t h = 1469598103934665603ULL;
    for (const char *p = v->code; *p; p++)
        h = (h ^ (unsigned char)*p) * 1099511628211ULL;
    h = (h ^ 0xff) * 1099511628211ULL;
    for (const char *p = v->series; *p; p++)
        h = (h ^ (unsigned char)*p) * 1099511628211ULL;
    h = (h ^ (uint32_t)slot->first) * 1099511628211ULL;
    h = (h ^ (uint32_t)slot->last) * 1099511628211ULL;
    return h ^ (h >> 29);
}

/* Returns 1 when rows a and b have the same duplicate key. */
static int same_key(const reader *r, size_t a, size_t b)
{
    return sl_period_equal(&r->meta[a].slot, &r->meta[b].slot) && strcmp(r->rows[a].code, r->rows[b].code) == 0 &&
           strcmp(r->rows[a].series, r->rows[b].series) == 0;
}

/* Puts row index `row` into the table; returns the index of an earlier row
 * with the same key (which stays, and row is not added), or -1. */
static long table_insert(reader *r, size_t row)
{
    size_t mask = r->table_size - 1;
    size_t at = (size_t)key_hash(&r->rows[row], &r->meta[row].slot) & mask;
    while (r->table[at]) {
        size_t other = r->table[at] - 1;
        if (same_key(r, other, row))
            return (long)other;
        at = (at + 1) & mask;
    }
    r->table[at] = (uint32_t)(row + 1);
    return -1;
}

/* Doubles the hash table and puts every row back. */
static void table_grow(reader *r)
{
    free(r->table);
    r->table_size = r->table_size ? r->table_size * 2 : 1024;
    r->table = sl_calloc(r->table_size * sizeof *r->table);
    for (size_t i = 0; i < r->n_rows; i++)
        table_insert(r, i);
}

/* Makes room for one more row (and keeps the table at most half full). */
static void reserve_row(reader *r)
{
    if (r->n_rows == r->cap_rows) {
        r->cap_rows = r->cap_rows ? r->cap_rows * 2 : 256;
        r->rows = sl_realloc(r->rows, r->cap_rows * sizeof *r->rows);
        r->meta = sl_realloc(r->meta, r->cap_rows * sizeof *r->meta);
    }
    if ((r->n_rows + 1) * 2 > r->table_size)
        table_grow(r);
}

/* Checks the current record and fills row; returns 0 or -1 with err set. */
static int read_row(reader *r, const sl_csv *csv, const column_map *map, sl_measure_value *row, row_meta *meta,
                    sl_error *err)
{
    const char *file = r->file;
    long line = csv->record_line;
    size_t len;
    const char *code = trimmed(csv->fields[map->code], &len);
    if (len == 0 || len >= SL_MEASURE_CODE_MAX)
        return sl_fail_at(err, file, line, "missing or overlong measure code");
    memcpy(row->code, code, len);
    row->code[len] = '\0';
    if (!sl_measure_code_valid(row->code))
        return sl_fail_at(err, file, line, "'%s' is not a measure code (letters, digits, '_', '-', '.')", row->code);
    sl_measure_shape shape;
    if (!lookup_code(r, row->code, &shape))
        return sl_fail_at(err, file, line, "unknown measure code '%s' (add it with `measure add` first)", row->code);

    const char *series = map->series >= 0 ? csv->fields[map->series] : "";
    if (sl_series_parse(series, strlen(series), row->series) < 0)
        return sl_fail_at(err, file, line, "series '%.48s' is too long or holds control characters", series);

    char why[160];
    const char *period = trimmed(csv->fields[map->period], &len);
    if (sl_period_parse(period, len, &row->period, why, sizeof why) < 0)
        return sl_fail_at(err, file, line, "period '%.*s': %s", (int)(len > 32 ? 32 : len), period, why);
    sl_frequency freq = shape.frequency == SL_FREQ_UNSET ? SL_FREQ_MONTHLY : shape.frequency;
    if (!sl_period_fits(&row->period, freq, !sl_series_is_actual(row->series)))
        return sl_fail_at(err, file, line, "period '%.*s' does not fit %s measure %s", (int)len, period,
                          sl_frequency_name(freq), row->code);
    meta->slot = sl_period_slot(&row->period, freq);
    meta->line = line;

    const char *value = csv->fields[map->value];
    if (sl_measure_parse_number(value, strlen(value), &row->value) < 0)
        return sl_fail_at(err, file, line, "value '%.32s' is not a number", value);
    if (sl_unit_check_value(shape.unit, row->value, why, sizeof why) < 0)
        return sl_fail_at(err, file, line, "value %s for %s", why, row->code);
    return 0;
}

/* Reads every data record into r; returns 0 or -1 with err set. */
static int read_rows(reader *r, sl_csv *csv, const column_map *map, sl_error *err)
{
    int rc;
    while ((rc = sl_csv_next(csv, err)) > 0) {
        if (record_is_blank(csv))
            continue;
        if (csv->n_fields != map->n_columns)
            return sl_fail_at(err, r->file, csv->record_line, "row has %zu fields but the header has %zu",
                              csv->n_fields, map->n_columns);
        if (r->n_rows >= UINT32_MAX - 1)
            return sl_fail_at(err, r->file, csv->record_line, "too many rows in one file");
        reserve_row(r);
        size_t row = r->n_rows;
        if (read_row(r, csv, map, &r->rows[row], &r->meta[row], err) < 0)
            return -1;
        long earlier = table_insert(r, row);
        if (earlier >= 0) {
            char period[SL_PERIOD_TEXT];
            sl_period_format(&r->meta[row].slot, period);
            return sl_fail_at(err, r->file, csv->record_line, "duplicate: %s %s %s is already given on line %ld",
                              r->rows[row].code, period, r->rows[row].series, r->meta[earlier].line);
        }
        r->n_rows++;
    }
    return rc;
}

int sl_measure_values_read(const char *data, size_t len, const char *file, sl_measure_lookup_fn lookup, void *ctx,
                           sl_measure_value **out, size_t *n_out, sl_error *err)
{
    reader r;
    memset(&r, 0, sizeof r);
    r.file = file;
    r.lookup = lookup;
    r.ctx = ctx;
    *out = NULL;
    *n_out = 0;

    sl_csv csv;
    column_map map;
    sl_csv_open(&csv, data, len, file);
    int rc = read_header(&csv, &map, err);
    if (rc == 0)
        rc = read_rows(&r, &csv, &map, err);
    sl_csv_close(&csv);
    free(r.meta);
    free(r.table);
    if (rc < 0) {
        free(r.rows);
        return -1;
    }
    *out = r.rows;
    *n_out = r.n_rows;
    return 0;
}
