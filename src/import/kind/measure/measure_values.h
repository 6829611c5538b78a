/* measure_values.h — the reader behind `measures load FILE.csv`.
 *
 * The file is RFC 4180 CSV with a header naming the columns, in any order:
 *   code, period, value   required
 *   series                optional; absent or empty means "actual"
 * Any other column is refused (a misspelt "series" would otherwise load
 * comparators as actuals). Blank rows are skipped. Every row is checked: a
 * known measure code, a period in period.h syntax that fits the measure's
 * frequency (the actual series exactly, comparators also a longer period), a
 * number within the measure's unit (a percentage of 140 is refused), and no
 * second row for the same code, period slot and series. The first bad row
 * is reported as file:line through sl_error and nothing is returned: all
 * rows or none. */
#ifndef SL_IMPORT_MEASURE_VALUES_H
#define SL_IMPORT_MEASURE_VALUES_H
#include <stddef.h>

#include "domain/measure.h"
#include "util/error.h"

/* What the reader needs to know about a measure to check its rows. */
typedef struct {
    sl_unit unit;
    sl_frequency frequency;
} sl_measure_shape;

/* Looks up a code; returns 1 and fills *shape when the measure is known, else 0.
 * The reader calls it once per run of rows with the same code. */
typedef int (*sl_measure_lookup_fn)(void *ctx, const char *code, sl_measure_shape *shape);

/* A ready-made lookup over definitions held in memory: pass an
 * sl_measure_def_list as ctx to sl_measure_lookup_in_defs. */
typedef struct {
    const sl_measure_def *defs;
    size_t n;
} sl_measure_def_list;

/* Looks code up in an sl_measure_def_list (ctx) by exact match; returns 1 and fills *shape, or 0. */
int sl_measure_lookup_in_defs(void *ctx, const char *code, sl_measure_shape *shape);

/* Reads len bytes of CSV (file names it in errors). Returns 0 with *out a
 * new array of *n_out values in file order (the caller frees it with free()),
 * or -1 with err set at the first bad row's file:line and *out NULL. */
int sl_measure_values_read(const char *data, size_t len, const char *file, sl_measure_lookup_fn lookup, void *ctx,
                           sl_measure_value **out, size_t *n_out, sl_error *err);

#endif
