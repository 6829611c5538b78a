/* export.h — a plan written back out in a re-importable form: the canonical
 * CSV of SPEC.md §6 (import of it gives the same plan back) or JSON. */
#ifndef SL_REPORT_EXPORT_H
#define SL_REPORT_EXPORT_H
#include "domain/plan.h"
#include "util/buf.h"

/* The columns of a CSV export: the canonical ones, then start_as_written and
 * due_as_written when some date is not a real date (such a date is written
 * there, word for word, so the CSV imports back to the same plan rather than
 * being refused), then the plans' custom fields. */
typedef struct {
    const char **custom;        /* names of the custom columns, borrowed from the plans */
    size_t n_custom;
    int as_written;
} sl_csv_columns;

/* Works out the columns for exporting these plans; free with sl_csv_columns_free. */
void sl_csv_columns_for(sl_csv_columns *cols, const sl_plan *plans, size_t n_plans);
void sl_csv_columns_free(sl_csv_columns *cols);
/* Appends the header row. */
void sl_export_csv_header(sl_buf *out, const sl_csv_columns *cols);
/* Appends every action of a plan as CSV rows (no header). */
void sl_export_csv_rows(sl_buf *out, const sl_plan *plan, const sl_csv_columns *cols);
/* Appends a plan as one JSON object: plan fields, themes, recommendations,
 * people and actions. */
void sl_export_json(sl_buf *out, const sl_plan *plan);

#endif
