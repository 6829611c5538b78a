/* trajectory.c — expected values, trajectory RAG and direction of travel (see trajectory.h). */
#include "domain/trajectory.h"

#include <stdio.h>
#include <string.h>

const char *sl_trend_name(sl_trend trend)
{
    switch (trend) {
    case SL_TREND_IMPROVING: return "improving";
    case SL_TREND_WORSENING: return "worsening";
    case SL_TREND_FLAT: return "flat";
    case SL_TREND_UP: return "up";
    case SL_TREND_DOWN: return "down";
    case SL_TREND_NONE: break;
    }
    return "";
}

/* Returns the slack allowed for rounding when comparing with reference:
 * differences this small count as equal. */
static double rounding_slack(double reference)
{
    double magnitude = reference < 0 ? -reference : reference;
    return 1e-9 * (magnitude > 1 ? magnitude : 1);
}

/* Adds a dated point, keeping days ascending (a later point on the same day
 * goes after the earlier ones). */
static void insert_point(sl_day days[], double values[], int *n, sl_day day, double value)
{
    int i = *n;
    while (i > 0 && days[i - 1] > day) {
        days[i] = days[i - 1];
        values[i] = values[i - 1];
        i--;
    }
    days[i] = day;
    values[i] = value;
    (*n)++;
}

int sl_trajectory_points(const sl_measure_def *def, sl_day days[], double values[])
{
    int n = 0;
    double target;
    int has_target = sl_measure_target_value(def, &target) == 0;
    if (def->baseline.set && def->baseline.day != SL_NO_DAY)
        insert_point(days, values, &n, def->baseline.day, def->baseline.value);
    for (int i = 0; i < def->n_milestones && i < SL_MEASURE_MAX_MILESTONES; i++)
        if (def->milestones[i].set && def->milestones[i].day != SL_NO_DAY)
            insert_point(days, values, &n, def->milestones[i].day, def->milestones[i].value);
    if (has_target && def->target.day != SL_NO_DAY)
        insert_point(days, values, &n, def->target.day, target);
    if (n == 0 && has_target) {
        days[0] = SL_NO_DAY;
        values[0] = target;
        n = 1;
    }
    return n;
}

int sl_trajectory_expected(const sl_measure_def *def, sl_day day, double *out)
{
    sl_day days[SL_TRAJECTORY_MAX_POINTS];
    double values[SL_TRAJECTORY_MAX_POINTS];
    int n = sl_trajectory_points(def, days, values);
    if (n == 0)
        return -1;
    if (n == 1 || day <= days[0]) {
        *out = values[0];
        return 0;
    }
    for (int i = 0; i + 1 < n; i++) {
        if (day > days[i + 1])
            continue;
        double span = (double)days[i + 1] - (double)days[i];
        double along = span > 0 ? ((double)day - (double)days[i]) / span : 1.0;
        *out = values[i] + (values[i + 1] - values[i]) * along;
        return 0;
    }
    *out = values[n - 1];
    return 0;
}

/* Returns how far actual is ahead of expected in the good direction. */
static double ahead_of(sl_polarity polarity, double actual, double expected)
{
    return polarity == SL_POLARITY_LOWER ? expected - actual : actual - expected;
}

sl_rag sl_trajectory_rag(sl_polarity polarity, double actual, double expected, double tolerance)
{
    if (polarity != SL_POLARITY_HIGHER && polarity != SL_POLARITY_LOWER)
        return SL_RAG_NONE;
    double ahead = ahead_of(polarity, actual, expected);
    double slack = rounding_slack(expected);
    if (ahead >= -slack)
        return SL_RAG_GREEN;
    if (ahead >= -(tolerance + slack))
        return SL_RAG_AMBER;
    return SL_RAG_RED;
}

sl_trend sl_trend_between(sl_polarity polarity, double earlier, double later)
{
    double change = later - earlier;
    if (change <= rounding_slack(earlier) && change >= -rounding_slack(earlier))
        return SL_TREND_FLAT;
    switch (polarity) {
    case SL_POLARITY_HIGHER: return change > 0 ? SL_TREND_IMPROVING : SL_TREND_WORSENING;
    case SL_POLARITY_LOWER: return change < 0 ? SL_TREND_IMPROVING : SL_TREND_WORSENING;
    case SL_POLARITY_CONTEXT:
    case SL_POLARITY_UNSET: break;
    }
    return change > 0 ? SL_TREND_UP : SL_TREND_DOWN;
}

/* Returns 1 when v is an actual of code whose period ended before as_of. */
static int is_usable_actual(const sl_measure_value *v, const char *code, sl_day as_of)
{
    return v->period.last < as_of && strcmp(v->code, code) == 0 && sl_series_is_actual(v->series);
}

/* Finds the actual of code for a slot; returns 1 and sets *out, or 0. */
static int actual_for_slot(const sl_measure_value *values, size_t n, const char *code, sl_frequency freq,
                           const sl_period *slot, sl_day as_of, double *out)
{
    int found = 0;
    for (size_t i = 0; i < n; i++) {
        if (!is_usable_actual(&values[i], code, as_of))
            continue;
        sl_period own = sl_period_slot(&values[i].period, freq);
        if (sl_period_equal(&own, slot)) {
            *out = values[i].value;
            found = 1;
        }
    }
    return found;
}

/* Fills the latest actual and the direction of travel against the period
 * before it and the same period a year earlier. */
static void assess_direction(const sl_measure_def *def, const sl_measure_value *values, size_t n, sl_frequency freq,
                             sl_day as_of, sl_measure_status *out)
{
    const sl_measure_value *latest = sl_measure_latest(values, n, def->code, SL_SERIES_ACTUAL, as_of);
    if (!latest)
        return;
    out->has_latest = 1;
    out->latest = latest->value;
    out->latest_period = sl_period_slot(&latest->period, freq);
    sl_period before = sl_period_shift(&out->latest_period, freq, -1);
    sl_period year_before = sl_period_shift(&out->latest_period, freq, -sl_frequency_per_year(freq));
    out->has_previous = actual_for_slot(values, n, def->code, freq, &before, as_of, &out->previous);
    out->has_year_ago = actual_for_slot(values, n, def->code, freq, &year_before, as_of, &out->year_ago);
    if (out->has_previous)
        out->vs_previous = sl_trend_between(def->polarity, out->previous, out->latest);
    if (out->has_year_ago)
        out->vs_year_ago = sl_trend_between(def->polarity, out->year_ago, out->latest);
}

/* Writes the rating and its reason once the period's actual and the trajectory are known. */
static void assess_rag(const sl_measure_def *def, sl_measure_status *out)
{
    char period[SL_PERIOD_TEXT], actual[SL_VALUE_TEXT], expected[SL_VALUE_TEXT], tolerance[32];
    sl_period_format(&out->period, period);
    if (def->polarity == SL_POLARITY_CONTEXT) {
        snprintf(out->reason, sizeof out->reason, "context measure: not rated");
        return;
    }
    if (def->polarity == SL_POLARITY_UNSET) {
        snprintf(out->reason, sizeof out->reason, "no polarity set: not rated");
        return;
    }
    if (!out->has_actual) {
        snprintf(out->reason, sizeof out->reason, "no data for %s", period);
        return;
    }
    if (!out->has_expected) {
        snprintf(out->reason, sizeof out->reason, "no baseline, milestone or target to rate against");
        return;
    }
    out->ahead = ahead_of(def->polarity, out->actual, out->expected);
    out->rag = sl_trajectory_rag(def->polarity, out->actual, out->expected, def->tolerance);
    sl_unit_format_value(def->unit, out->actual, actual);
    sl_unit_format_value(def->unit, out->expected, expected);
    sl_measure_format_number(def->tolerance, 2, tolerance);
    snprintf(out->reason, sizeof out->reason, "%s: %s actual against %s expected (%s, tolerance %s)", period, actual,
             expected, out->rag == SL_RAG_GREEN ? "on or ahead of trajectory" : "short of trajectory", tolerance);
}

void sl_measure_assess(const sl_measure_def *def, const sl_measure_value *values, size_t n_values, sl_day as_of,
                       sl_measure_status *out)
{
    sl_frequency freq = def->frequency == SL_FREQ_UNSET ? SL_FREQ_MONTHLY : def->frequency;
    memset(out, 0, sizeof *out);
    out->period = sl_period_last_ended_before(as_of, freq);
    out->latest_period.first = out->latest_period.last = SL_NO_DAY;
    out->has_actual = actual_for_slot(values, n_values, def->code, freq, &out->period, as_of, &out->actual);
    out->has_expected = sl_trajectory_expected(def, out->period.last, &out->expected) == 0;
    assess_rag(def, out);
    assess_direction(def, values, n_values, freq, as_of, out);
}

const sl_measure_value *sl_measure_latest(const sl_measure_value *values, size_t n_values, const char *code,
                                          const char *series, sl_day as_of)
{
    const sl_measure_value *latest = NULL;
    for (size_t i = 0; i < n_values; i++) {
        const sl_measure_value *v = &values[i];
        if (v->period.last >= as_of || strcmp(v->code, code) != 0 || strcmp(v->series, series) != 0)
            continue;
        if (!latest || v->period.last >= latest->period.last)
            latest = v;
    }
    return latest;
}
