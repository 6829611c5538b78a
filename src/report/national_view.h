/* national_view.h — everything the national picture and the map need,
 * gathered from the store and the reference data: the authorities, every
 * stored inspection, the national rows, and for each authority with a plan
 * in sightline its plan's RAG summary. Shared by `national`, `map` and the
 * web page. */
#ifndef SL_REPORT_NATIONAL_VIEW_H
#define SL_REPORT_NATIONAL_VIEW_H
#include "domain/authority.h"
#include "domain/inspection.h"
#include "report/map_svg.h"
#include "report/national.h"
#include "store/store.h"

typedef struct {
    sl_authority_table authorities;
    sl_inspection_list inspections;
    sl_national national;
    char **summaries;           /* per national row, owned; NULL where no plan */
} sl_national_view;

/* Reads the authority reference table (la-lookup.csv) from data_dir into
 * *out (caller frees with sl_authority_table_free). Returns 0 or -1. */
int sl_reference_authorities(const char *data_dir, sl_authority_table *out, sl_error *err);

/* Builds the view as of a day; data_dir holds la-lookup.csv. Returns 0, or -1
 * with err set (then *out is empty). Free with sl_national_view_free. */
int sl_national_view_load(sl_store *store, const char *data_dir, sl_day as_of,
                          sl_national_view *out, sl_error *err);
/* Frees the view. */
void sl_national_view_free(sl_national_view *view);
/* A map grade function over a view: ctx is the view; the judgement is the
 * latest inspection's overall (or leaders when overall is not given). */
sl_grade sl_national_view_grade_overall(void *ctx, const sl_authority *authority);
/* The same for the impact of leaders. */
sl_grade sl_national_view_grade_leaders(void *ctx, const sl_authority *authority);
/* Loads the district boundaries (data_dir/lad-2023-boundaries.geojson). Returns 0 or -1. */
int sl_national_map_load(const char *data_dir, sl_map *out, sl_error *err);

#endif
