/* national.h — `sightline national`: the national picture of children's
 * services inspections as of a day, one row per authority of the reference
 * table (authority.h):
 *   its latest judged inspection and the one before it (focused and
 *     monitoring visits give no judgements and are not counted as such);
 *   its headline grade — overall effectiveness, or the impact of leaders
 *     when overall is missing (reports after the 2025-26 reform) — and the
 *     direction since the previous inspection;
 *   whole months since the latest inspection;
 *   its statistical neighbours' headline grades, counted per grade;
 *   for an authority whose headline grade is requires improvement or
 *     inadequate, the post-inspection action plan deadline (DOMAIN.md
 *     "Inspections"): 70 working days after the report's publication, or 20
 *     after a focused visit published since, and the days left from as_of;
 *   a hook for the caller's summary of the authority's plan (RAG counts).
 * Output as JSON (stable keys) or as a text table for an 80-column terminal.
 * Pure report code: no I/O, no database. */
#ifndef SL_REPORT_NATIONAL_H
#define SL_REPORT_NATIONAL_H
#include <stddef.h>

#include "domain/authority.h"
#include "domain/date.h"
#include "domain/inspection.h"
#include "util/buf.h"

#define SL_PLAN_WORKING_DAYS 70          /* after a full inspection's report */
#define SL_FOCUSED_PLAN_WORKING_DAYS 20  /* after a focused visit's letter */

typedef enum {
    SL_DIRECTION_NONE = 0,          /* no judged inspection */
    SL_DIRECTION_FIRST,             /* the first judged inspection on record */
    SL_DIRECTION_IMPROVED,
    SL_DIRECTION_DECLINED,
    SL_DIRECTION_SAME,
    SL_DIRECTION_NOT_COMPARABLE     /* the two share no headline judgement */
} sl_direction;

/* One authority's row. Pointers point into the caller's table and
 * inspections, which must outlive the report. */
typedef struct {
    const sl_authority *authority;
    const sl_inspection *latest;        /* latest judged inspection, NULL when none */
    const sl_inspection *previous;      /* the judged inspection before it, NULL when none */
    const sl_inspection *plan_trigger;  /* the report that set plan_deadline, NULL when none */
    sl_grade headline;                  /* latest's headline grade */
    sl_direction direction;
    int months_since;                   /* whole months from latest's last day to as_of, -1 when none */
    int neighbours[SL_GRADE_INADEQUATE + 1]; /* statistical neighbours per headline grade,
                                                indexed by sl_grade (SL_GRADE_NONE: not inspected) */
    sl_day plan_deadline;               /* SL_NO_DAY when no plan is due */
    int days_left;                      /* plan_deadline - as_of in days (negative once
                                           passed); 0 when no deadline */
    const char *plan_summary;           /* the caller's summary of the authority's plan
                                           ("12 actions: 2 red, 3 amber…"), printed when
                                           set; NULL from sl_national_build; not owned */
} sl_national_row;

typedef struct {
    sl_national_row *rows;      /* one per authority, in the table's order; owned */
    size_t n;
    sl_day as_of;
    size_t unmatched;           /* inspections whose authority is not in the table */
} sl_national;

/* Builds the national picture as of a day from the authorities table and n
 * inspections (any order; an inspection counts once its report is published
 * by as_of, or, with no publication day, once it has ended). Inspections are
 * joined to authorities by URN, then by code or name. The caller frees *out
 * with sl_national_free. */
void sl_national_build(const sl_authority_table *authorities, const sl_inspection *inspections,
                       size_t n, sl_day as_of, sl_national *out);

/* Frees the rows, leaving the report empty. */
void sl_national_free(sl_national *national);

/* Returns an inspection's headline grade: overall effectiveness, or the
 * impact of leaders when overall is not given; SL_GRADE_NONE for NULL. */
sl_grade sl_national_headline(const sl_inspection *inspection);

/* Returns the direction from previous to latest (either may be NULL):
 * overall effectiveness compared when both have it, else impact of leaders. */
sl_direction sl_national_direction(const sl_inspection *latest, const sl_inspection *previous);

/* Returns the stable name of a direction ("improved", "declined", "same",
 * "first", "not-comparable", "none"); static storage. */
const char *sl_direction_name(sl_direction direction);

/* Returns the whole calendar months from one day to a later one (0 when to
 * is not later). A month is complete on the same day of the next month, or
 * on its last day when that is earlier: 2024-01-31 to 2024-02-28 is 0, to
 * 2024-02-29 is 1. */
int sl_months_between(sl_day from, sl_day to);

/* Appends the report as a JSON array, one object per row, to out. */
void sl_national_json(sl_buf *out, const sl_national *national);

/* Appends the report as a text table at most 80 columns wide, grouped by
 * region, with each set plan_summary on the line under its authority. */
void sl_national_text(sl_buf *out, const sl_national *national);

#endif
