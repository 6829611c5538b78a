/* workforce.c — workforce rates and case-audit grades (see workforce.h). */
#include "domain/workforce.h"

#include <string.h>

sl_workforce_snapshot sl_workforce_snapshot_empty(void)
{
    sl_workforce_snapshot s;
    memset(&s, 0, sizeof s);
    s.as_of = SL_NO_DAY;
    s.stated_vacancy_rate = -1;
    s.stated_agency_rate = -1;
    return s;
}

/* Sets *pct to part / whole as a percentage; returns 0, or -1 when whole is not positive. */
static int percentage(double part, double whole, double *pct)
{
    if (!(whole > 0))
        return -1;
    *pct = 100.0 * part / whole;
    return 0;
}

int sl_workforce_vacancy_rate(const sl_workforce_snapshot *s, double *pct)
{
    return percentage(s->vacant_fte, s->budgeted_fte, pct);
}

int sl_workforce_agency_rate(const sl_workforce_snapshot *s, double *pct)
{
    return percentage(s->agency_fte, s->employed_fte + s->agency_fte, pct);
}

int sl_workforce_manager_agency_rate(const sl_workforce_snapshot *s, double *pct)
{
    return percentage(s->managers_locum, s->managers_locum + s->managers_salaried, pct);
}

int sl_rate_disagrees(double stated_pct, double computed_pct)
{
    double gap = stated_pct - computed_pct;
    /* A hair of slack so that a gap of exactly 0.5 written in decimals is not flagged. */
    return gap > SL_RATE_DISAGREEMENT_POINTS + 1e-9 || gap < -(SL_RATE_DISAGREEMENT_POINTS + 1e-9);
}

/* Adds a finding to out when a stated rate (>= 0) disagrees with the computed one. */
static void compare_rate(const char *rate, double stated, int computed_ok, double computed, sl_rate_finding out[2],
                         int *n)
{
    if (stated < 0 || !computed_ok || !sl_rate_disagrees(stated, computed))
        return;
    out[*n].rate = rate;
    out[*n].stated = stated;
    out[*n].computed = computed;
    (*n)++;
}

int sl_workforce_check(const sl_workforce_snapshot *s, sl_rate_finding out[2])
{
    int n = 0;
    double vacancy = 0, agency = 0;
    int vacancy_ok = sl_workforce_vacancy_rate(s, &vacancy) == 0;
    int agency_ok = sl_workforce_agency_rate(s, &agency) == 0;
    compare_rate("vacancy rate", s->stated_vacancy_rate, vacancy_ok, vacancy, out, &n);
    compare_rate("agency rate", s->stated_agency_rate, agency_ok, agency, out, &n);
    return n;
}

int sl_case_audit_good_or_better(const sl_case_audit *audit, double *pct)
{
    if (audit->outstanding < 0 || audit->good < 0 || audit->requires_improvement < 0 || audit->inadequate < 0)
        return -1;
    double graded = (double)audit->outstanding + audit->good + audit->requires_improvement + audit->inadequate;
    return percentage((double)audit->outstanding + audit->good, graded, pct);
}
