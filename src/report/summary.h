/* summary.h — every authority side by side (`sightline summary`): per
 * current plan, its actions by RAG, overdue and stale ones, its measures off
 * trajectory and its latest Ofsted judgement, as of a day. Built in one pass
 * over the rated actions (one listing query, not one per action or plan),
 * one over the measures and one over the inspections; then filtered by
 * region, sorted and paged. */
#ifndef SL_REPORT_SUMMARY_H
#define SL_REPORT_SUMMARY_H
#include <stddef.h>

#include "domain/authority.h"
#include "store/store.h"
#include "util/buf.h"

/* One council's line. Strings are owned by the summary. */
typedef struct {
    int64_t plan_id;
    char *plan;                 /* the plan's title */
    char *authority;            /* as the plan names it */
    char *code;                 /* ONS code from the reference table, "" when unmatched */
    char *region;               /* region name from the reference table, "" when unmatched */
    int actions;
    int rag[6];                 /* by sl_rag: red, amber, green, blue, grey */
    int overdue;
    int stale;                  /* no update within the plan's update cycle */
    int measures;               /* RAG-rated measures linked to the plan's actions */
    int measures_off;           /* of those, red or amber against their trajectory */
    char *ofsted;               /* latest overall grade ("good"), "" when none */
    sl_day ofsted_day;          /* its inspection's first day, SL_NO_DAY when none */
} sl_summary_row;

typedef struct {
    sl_summary_row *rows;
    size_t n;
} sl_summary;

/* The columns a summary sorts by (summary --sort), "authority" first. */
extern const char *const sl_summary_columns[];

/* Builds the summary of every current plan as of a day into *out (caller
 * frees with sl_summary_free); authorities is the reference table that gives
 * regions and codes. Returns 0 or -1. */
int sl_summary_build(sl_store *store, const sl_authority_table *authorities, sl_day as_of,
                     sl_summary *out, sl_error *err);
/* Keeps only the rows of region (a region name or ONS region code, any case). */
void sl_summary_filter_region(sl_summary *s, const sl_authority_table *authorities,
                              const char *region);
/* Sorts by a column of sl_summary_columns (numbers largest first, text A–Z;
 * ties by authority); returns 0, or -1 when column is not one. */
int sl_summary_sort(sl_summary *s, const char *column);
/* Appends rows [first, first + count) as JSON: an object with total, page,
 * per_page, as_of and rows (each with the keys of sl_summary_row). */
void sl_summary_json(sl_buf *out, const sl_summary *s, size_t first, size_t count, int page,
                     int per_page, sl_day as_of);
/* Appends rows [first, first + count) as an aligned table with a total line. */
void sl_summary_text(sl_buf *out, const sl_summary *s, size_t first, size_t count, int page,
                     int per_page);
/* Frees every row and empties the summary. */
void sl_summary_free(sl_summary *s);

#endif
