/* measure_report.h — measures as a board reads them: each with its latest
 * value, where the trajectory says it should be, its RAG, its direction of
 * travel and its comparators, as JSON or an aligned table. */
#ifndef SL_REPORT_MEASURE_REPORT_H
#define SL_REPORT_MEASURE_REPORT_H
#include <stddef.h>

#include "domain/measure.h"
#include "domain/trajectory.h"
#include "util/buf.h"

/* Appends one measure as a JSON object: code, name, unit, polarity,
 * frequency, latest {period, value}, expected, rag ("green", "amber", "red",
 * "no data", or null for a context measure), direction, direction_year,
 * comparators {series: value}, reason, baseline, target, tolerance. */
void sl_measure_json(sl_buf *out, const sl_measure_def *def, const sl_measure_value *values,
                     size_t n_values, sl_day as_of);
/* Appends the heading of the measures table. */
void sl_measure_table_heading(sl_buf *out);
/* Appends one measure as a row of the table (80 columns). */
void sl_measure_table_row(sl_buf *out, const sl_measure_def *def, const sl_measure_value *values,
                          size_t n_values, sl_day as_of);
/* Returns the first of the values with this code and sets *count to how
 * many follow it; values must be grouped by code (as the store returns them).
 * NULL and 0 when there are none. */
const sl_measure_value *sl_values_of(const sl_measure_value *values, size_t n, const char *code,
                                     size_t *count);
/* Sets *out to the latest value, as of as_of, of comparator series
 * ("england", "statistical-neighbours", "region") of def among its values;
 * for "england" the catalogue's figure (domain/measure.h) stands in when
 * none was loaded. Returns 1 when there is one, else 0. */
int sl_measure_comparator(const sl_measure_def *def, const sl_measure_value *values, size_t n,
                          const char *series, sl_day as_of, double *out);
/* Returns the measure's RAG in words ("no data" when the latest period has
 * no actual, "" for a context measure); static storage. */
const char *sl_measure_rag_word(const sl_measure_def *def, const sl_measure_status *status);

#endif
