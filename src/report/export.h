/* export.h — a plan written back out in a re-importable form: the canonical
 * CSV of SPEC.md §6 or an xlsx workbook of the same cells (import of either
 * gives the same plan back), or JSON. */
#ifndef SL_REPORT_EXPORT_H
#define SL_REPORT_EXPORT_H
#include "domain/plan.h"
#include "util/buf.h"
#include "util/error.h"

/* The table every re-importable export writes: a header row, then one row
 * per action of every plan, each a row of text cells. The columns are the
 * canonical ones, then start_as_written and due_as_written when some date is
 * not a real date (such a date is written there, word for word, so the file
 * imports back to the same plan rather than being refused), then the plans'
 * custom fields. The CSV and the xlsx exports both write this table. */

/* Receives one row of the table: n_cells texts, borrowed for the call only. */
typedef void (*sl_export_row_fn)(void *ctx, const char *const *cells, size_t n_cells);

/* Calls emit with the header row, then with each action's row, plan by plan. */
void sl_export_rows(const sl_plan *plans, size_t n_plans, sl_export_row_fn emit, void *ctx);
/* Appends the plans as canonical CSV (SPEC.md §6): header and rows, CRLF line ends. */
void sl_export_csv(sl_buf *out, const sl_plan *plans, size_t n_plans);
/* Writes the plans as an xlsx workbook at path (created or replaced): one
 * worksheet "Actions" holding the same cells as the CSV export, every cell a
 * string. Returns 0, or -1 with err set (the file may then be partly written). */
int sl_export_xlsx(const char *path, const sl_plan *plans, size_t n_plans, sl_error *err);
/* Returns s ready for an xlsx cell: a literal "_xHHHH_" in the text has its
 * underscore written "_x005F_", as Excel does, so it reads back as written.
 * The result is s itself or points into scratch (valid until the next call). */
const char *sl_xlsx_cell_text(const char *s, sl_buf *scratch);
/* Returns the display width of the widest line of s (for column widths). */
double sl_xlsx_text_width(const char *s);
/* Appends a plan as one JSON object: plan fields, themes, recommendations,
 * people and actions. */
void sl_export_json(sl_buf *out, const sl_plan *plan);

#endif
