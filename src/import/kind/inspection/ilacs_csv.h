/* ilacs_csv.h — the CSV of the community ofsted-ilacs-scrape-tool
 * (ofsted_csc_ilacs_history.csv): one row per published children's services
 * inspection report, with columns urn, local_authority, inspection_link,
 * pdf_filename, publication_date, inspection_framework, inspector_name,
 * inspection_start_date, inspection_end_date and five *_grade columns
 * (order free, other columns ignored). The tool writes dates as DD/MM/YYYY
 * (publication_date as DD/MM/YY); ISO YYYY-MM-DD is read too. Its grade
 * placeholders (inspection_pre_dates_judgement, data_unreadable,
 * not_reported_post_reform) and empty cells become SL_GRADE_NONE. */
#ifndef SL_IMPORT_ILACS_CSV_H
#define SL_IMPORT_ILACS_CSV_H
#include <stddef.h>

#include "domain/inspection.h"
#include "util/error.h"

/* Returns 1 when the first line of len bytes is the scrape tool's header
 * (it names urn, inspection_start_date and overall_effectiveness_grade). */
int sl_ilacs_csv_detect(const char *data, size_t len);

/* Reads every row of the CSV (len bytes, need not be NUL-terminated) into
 * out, one inspection per row, in file order; file names the input in errors
 * and becomes each inspection's source_file. Rows carry no recommendations.
 * Returns 0, or -1 with err naming file and line at the first bad row (a wrong
 * number of fields, a missing or non-numeric URN, no authority, a date that
 * is not a real day, an end before the start, a grade that is neither a grade
 * nor a placeholder); then out is left empty, so a caller stores all rows or
 * none. On success the caller frees out with sl_inspection_list_free. */
int sl_ilacs_csv_read(const char *data, size_t len, const char *file, sl_inspection_list *out,
                      sl_error *err);

#endif
