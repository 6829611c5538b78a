/* trajectory.h — where a measure should be and how it is doing (SPEC.md §2-3).
 *
 * The trajectory runs through the dated points of a definition — baseline,
 * milestones, target (a relative target applied to the baseline) — in day
 * order, linearly interpolated between them. Before the first point it is
 * flat at the first point's value; after the last point it holds the last
 * value (a target, once reached, is to be kept). A definition with no dated
 * point but a target value has a flat trajectory at the target.
 *
 * Trajectory RAG as of a day D, for the most recent period of the measure's
 * frequency that ended before D (for a monthly measure on 2015-09-10 that is
 * 2015-08), comparing the actual for that period with the trajectory at the
 * period's last day:
 *   green  on or past the trajectory in the good direction;
 *   amber  short of it by no more than the tolerance;
 *   red    short of it by more than the tolerance;
 *   none   no actual for that period ("no data"), no trajectory, polarity
 *          unset, or a "context" measure, which is never rated.
 * Direction of travel compares the latest actual (the one for the most recent
 * period with data that ended before D) with the actual one period earlier
 * and the actual a year earlier: improving / worsening / flat by polarity, or
 * up / down / flat for a context measure.
 * Pure functions over arrays of values; nothing is allocated. */
#ifndef SL_DOMAIN_TRAJECTORY_H
#define SL_DOMAIN_TRAJECTORY_H
#include <stddef.h>

#include "domain/measure.h"
#include "domain/period.h"
#include "domain/rag.h"

typedef enum {
    SL_TREND_NONE = 0,      /* nothing to compare with */
    SL_TREND_IMPROVING,
    SL_TREND_WORSENING,
    SL_TREND_FLAT,
    SL_TREND_UP,            /* context measures: a direction, not a judgement */
    SL_TREND_DOWN
} sl_trend;

/* Returns "improving", "worsening", "flat", "up", "down" or ""; static storage. */
const char *sl_trend_name(sl_trend trend);

#define SL_TRAJECTORY_MAX_POINTS (SL_MEASURE_MAX_MILESTONES + 2)

/* Sets *out to the trajectory's value at day; returns 0, or -1 when the
 * definition has no trajectory (no dated point and no target). */
int sl_trajectory_expected(const sl_measure_def *def, sl_day day, double *out);
/* Writes the trajectory's corner points (day order, at most
 * SL_TRAJECTORY_MAX_POINTS) into days/values; returns how many (0 when none).
 * A flat target-only trajectory gives one point with day SL_NO_DAY. */
int sl_trajectory_points(const sl_measure_def *def, sl_day days[], double values[]);
/* Rates an actual against an expected value: how far it is ahead in the
 * good direction decides green, amber (short by <= tolerance) or red.
 * Returns SL_RAG_NONE for context or unset polarity. */
sl_rag sl_trajectory_rag(sl_polarity polarity, double actual, double expected, double tolerance);
/* Returns the direction from earlier to later under polarity. */
sl_trend sl_trend_between(sl_polarity polarity, double earlier, double later);

/* How a measure stands as of a day. */
typedef struct {
    sl_rag rag;                 /* SL_RAG_GREEN / AMBER / RED, or SL_RAG_NONE */
    char reason[256];           /* in words: "84.02 expected, 86 actual", "no data for 2015-08" */
    sl_period period;           /* the most recent period that ended before as_of */
    int has_actual;             /* an actual exists for that period */
    double actual;
    int has_expected;
    double expected;            /* the trajectory at period.last */
    double ahead;               /* actual - expected in the good direction (negative: short) */
    int has_latest;             /* any actual whose period ended before as_of */
    double latest;
    sl_period latest_period;
    int has_previous;           /* the actual one period before the latest */
    double previous;
    int has_year_ago;           /* the actual a year before the latest */
    double year_ago;
    sl_trend vs_previous;
    sl_trend vs_year_ago;
} sl_measure_status;

/* Assesses a measure as of a day from its values (any order; values of other
 * codes and of comparator series are skipped). A value belongs to the period
 * of the measure's frequency holding its last day. Fills *out. */
void sl_measure_assess(const sl_measure_def *def, const sl_measure_value *values, size_t n_values,
                       sl_day as_of, sl_measure_status *out);
/* Returns the value of series for code whose period ended most recently
 * before as_of (the latest period end wins; ties go to the later in the
 * array), or NULL. The pointer is into values. */
const sl_measure_value *sl_measure_latest(const sl_measure_value *values, size_t n_values, const char *code,
                                          const char *series, sl_day as_of);

#endif
