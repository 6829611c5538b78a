/* workforce.h — workforce snapshots and case-audit grades (SPEC.md §2,
 * DOMAIN.md "Workforce arithmetic"), the figures improvement boards ask for
 * every month:
 *   vacancy rate = vacant FTE / budgeted FTE
 *   agency rate  = agency FTE / (employed FTE + agency FTE)
 *   managers' agency rate = locum managers / (locum + salaried managers)
 *   % good or better = (outstanding + good) / all graded cases
 * Rates are percentages (0-100). A rate a report states is checked against
 * the one its own figures give: more than 0.5 percentage points apart is
 * flagged. Pure functions. */
#ifndef SL_DOMAIN_WORKFORCE_H
#define SL_DOMAIN_WORKFORCE_H
#include <stddef.h>

#include "domain/date.h"
#include "domain/period.h"

#define SL_RATE_DISAGREEMENT_POINTS 0.5

/* One service area's workforce on a day. A stated rate is < 0 when the
 * report gives none. */
typedef struct {
    char service_area[64];          /* "Assessment and Intervention" */
    sl_day as_of;
    double budgeted_fte;
    double employed_fte;
    double vacant_fte;
    double agency_fte;
    double managers_locum;          /* team managers and above, headcount or FTE */
    double managers_salaried;
    double stated_vacancy_rate;     /* as written in the report, or -1 */
    double stated_agency_rate;      /* as written in the report, or -1 */
} sl_workforce_snapshot;

/* Returns an empty snapshot: every figure 0, no stated rates, no day. */
sl_workforce_snapshot sl_workforce_snapshot_empty(void);
/* Sets *pct to the vacancy rate; returns 0, or -1 when nothing is budgeted. */
int sl_workforce_vacancy_rate(const sl_workforce_snapshot *s, double *pct);
/* Sets *pct to the agency rate; returns 0, or -1 when nobody is employed or agency. */
int sl_workforce_agency_rate(const sl_workforce_snapshot *s, double *pct);
/* Sets *pct to the share of managers who are locums; returns 0, or -1 when there are none. */
int sl_workforce_manager_agency_rate(const sl_workforce_snapshot *s, double *pct);
/* Returns 1 when a stated rate and a computed one differ by more than
 * SL_RATE_DISAGREEMENT_POINTS percentage points, else 0. */
int sl_rate_disagrees(double stated_pct, double computed_pct);

/* A stated rate that its own figures do not bear out. */
typedef struct {
    const char *rate;               /* "vacancy rate" or "agency rate"; static storage */
    double stated;
    double computed;
} sl_rate_finding;

/* Checks the snapshot's stated rates against its figures; writes up to two
 * findings into out and returns how many (0 when they agree or none is stated). */
int sl_workforce_check(const sl_workforce_snapshot *s, sl_rate_finding out[2]);

/* Case-file audit grades for a period. */
typedef struct {
    sl_period period;
    int outstanding;
    int good;
    int requires_improvement;
    int inadequate;
} sl_case_audit;

/* Sets *pct to the percentage of audited cases graded good or outstanding;
 * returns 0, or -1 when no case was graded or a count is negative. */
int sl_case_audit_good_or_better(const sl_case_audit *audit, double *pct);

#endif
