/* export.h — a plan written back out in a re-importable form: the canonical
 * CSV of SPEC.md §6 (import of it gives the same plan back) or JSON. */
#ifndef SL_REPORT_EXPORT_H
#define SL_REPORT_EXPORT_H
#include "domain/plan.h"
#include "util/buf.h"

/* Appends the header row of the canonical CSV, with extra custom columns. */
void sl_export_csv_header(sl_buf *out, const char *const *custom, size_t n_custom);
/* Appends every action of a plan as canonical CSV rows (no header); custom
 * names the extra columns in header order. */
void sl_export_csv_rows(sl_buf *out, const sl_plan *plan, const char *const *custom,
                        size_t n_custom);
/* Appends a plan as one JSON object: plan fields, themes, recommendations,
 * people and actions. */
void sl_export_json(sl_buf *out, const sl_plan *plan);

#endif
