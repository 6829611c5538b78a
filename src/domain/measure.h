/* measure.h — measures (KPIs, SPEC.md §2): units and their valid ranges,
 * polarity, the definition of a measure (baseline, milestones, target,
 * tolerance), one value of a measure for a period in a series, and the
 * built-in catalogue of the standard indicators of DOMAIN.md with their
 * England figures. Frequencies and periods are in domain/period.h.
 * Pure domain code: no I/O, no database. Numbers are read and written here
 * without the C locale's help, so a locale never changes "86.5". */
#ifndef SL_DOMAIN_MEASURE_H
#define SL_DOMAIN_MEASURE_H
#include <stddef.h>

#include "domain/date.h"
#include "domain/period.h"
#include "util/error.h"

/* ---- units ---------------------------------------------------------------- */

typedef enum {
    SL_UNIT_UNSET = 0,
    SL_UNIT_PERCENT,        /* 0–100 */
    SL_UNIT_COUNT,          /* >= 0 */
    SL_UNIT_RATE_10K,       /* per 10,000 children under 18, >= 0 */
    SL_UNIT_DAYS,           /* >= 0 */
    SL_UNIT_POUNDS,         /* any amount (an overspend may be negative) */
    SL_UNIT_FTE             /* full-time equivalent posts, >= 0 */
} sl_unit;

#define SL_VALUE_TEXT 48    /* room for any value formatted with its unit */

/* Parses a unit word: percent/%/pct, count/number, rate/per-10000/"per 10,000",
 * days/day, pounds/£/gbp, fte (any case); returns 0 and sets *out, or -1. */
int sl_unit_parse(const char *text, sl_unit *out);
/* Returns "percent", "count", "rate-per-10000", "days", "pounds", "fte" or ""; static storage. */
const char *sl_unit_name(sl_unit unit);
/* Returns 0 when value lies in the unit's valid range, else -1 with a reason
 * in why ("140 is above 100, the most a percentage can be"); why may be NULL. */
int sl_unit_check_value(sl_unit unit, double value, char *why, size_t why_len);
/* Writes value with its unit for people into out: "86%", "332.9 per 10,000",
 * "33 days", "£46000", "12.5 FTE", "7" (at most two decimals, no locale). */
void sl_unit_format_value(sl_unit unit, double value, char out[SL_VALUE_TEXT]);

/* ---- polarity --------------------------------------------------------------- */

typedef enum {
    SL_POLARITY_UNSET = 0,
    SL_POLARITY_HIGHER,     /* higher is better */
    SL_POLARITY_LOWER,      /* lower is better */
    SL_POLARITY_CONTEXT     /* neither direction is simply better: never RAG-rated */
} sl_polarity;

/* Parses higher/up/higher-is-better, lower/down/lower-is-better, context/neutral
 * (any case); returns 0 and sets *out, or -1. */
int sl_polarity_parse(const char *text, sl_polarity *out);
/* Returns "higher", "lower", "context" or ""; static storage. */
const char *sl_polarity_name(sl_polarity polarity);

/* ---- numbers ------------------------------------------------------------------ */

/* Parses len bytes as a decimal number: optional sign, digits, optional
 * fraction, surrounding spaces allowed; no exponent, at most 15 significant
 * digits (so the result is exact to the last digit). Returns 0 and sets *out,
 * or -1. Locale-independent and allocation-free. */
int sl_measure_parse_number(const char *text, size_t len, double *out);
/* Writes value with at most max_decimals (0-6) decimals, trailing zeros
 * dropped, '.' as the decimal point and no locale: "86", "84.02", "-3.5". */
void sl_measure_format_number(double value, int max_decimals, char out[32]);

/* ---- definitions ---------------------------------------------------------------- */

/* A value at a day: a baseline, a milestone or a target. */
typedef struct {
    int set;                /* 1 when the value is known */
    double value;
    sl_day day;             /* SL_NO_DAY when no date was given */
} sl_measure_point;

#define SL_MEASURE_CODE_MAX 32      /* bytes including the NUL */
#define SL_MEASURE_MAX_MILESTONES 16

/* A measure. The strings are owned by the definition (sl_measure_def_free). */
typedef struct {
    char code[SL_MEASURE_CODE_MAX];   /* "ASMT_45WD": letters, digits, _ - . ; "" when not yet named */
    char *name;                       /* "assessments completed within 45 working days"; NULL when none */
    sl_unit unit;
    sl_polarity polarity;
    sl_frequency frequency;
    sl_measure_point baseline;
    int n_milestones;                 /* in the order given; dated ones ascend by day */
    sl_measure_point milestones[SL_MEASURE_MAX_MILESTONES];
    sl_measure_point target;
    int target_relative;              /* target.value is a % change from the baseline: -20 = a 20% reduction */
    double tolerance;                 /* how far short of the trajectory is still amber, in the unit (>= 0) */
    char *owner;                      /* who answers for it; NULL when none */
    char *source;                     /* where the figures come from; NULL when none */
    char *suggested_from;             /* the plan text it was read from; NULL when entered by hand */
} sl_measure_def;

/* Empties a definition: no strings, every point unset with SL_NO_DAY. */
void sl_measure_def_init(sl_measure_def *def);
/* Frees the definition's strings and empties it again. */
void sl_measure_def_free(sl_measure_def *def);
/* Replaces one of the definition's owned strings (name, owner, source,
 * suggested_from) with a copy of len bytes of text (NULL text clears it). */
void sl_measure_def_set_text(char **field, const char *text, size_t len);
/* Copies src into dst (dst is overwritten, not freed first); dst owns its own strings. */
void sl_measure_def_copy(sl_measure_def *dst, const sl_measure_def *src);
/* Appends a milestone; returns 0, or -1 when SL_MEASURE_MAX_MILESTONES are already set. */
int sl_measure_def_add_milestone(sl_measure_def *def, double value, sl_day day);
/* Checks a definition before it is stored: a valid code, unit, polarity and
 * frequency set, every value in the unit's range, dated milestones ascending
 * and after the baseline, the target after them, tolerance >= 0. Returns 0,
 * or -1 with err set. */
int sl_measure_def_check(const sl_measure_def *def, sl_error *err);
/* Returns 1 when code is 1-31 bytes of letters, digits, '_', '-' or '.'. */
int sl_measure_code_valid(const char *code);
/* Sets *out to the target as a value in the unit: a relative target is
 * applied to the baseline. Returns 0, or -1 when there is no usable target. */
int sl_measure_target_value(const sl_measure_def *def, double *out);
/* Parses "VALUE@WHEN" (when a day 2015-04-30 or any period, which means its
 * last day: 80@2015-04) or a bare "VALUE" (undated); returns 0 and sets *out,
 * or -1 with a reason in why (may be NULL). */
int sl_measure_point_parse(const char *text, sl_measure_point *out, char *why, size_t why_len);

/* ---- values ------------------------------------------------------------------------- */

#define SL_SERIES_MAX 48            /* bytes including the NUL */
#define SL_SERIES_ACTUAL "actual"

/* One figure of a measure for a period. Series: "actual" (the council's own),
 * "england", "region", "statistical-neighbours", or a named authority. */
typedef struct {
    char code[SL_MEASURE_CODE_MAX];
    char series[SL_SERIES_MAX];
    sl_period period;
    double value;
    int version;                /* stored: 1 for a first figure, one more at each change; 0 when not read from a store */
    int missing;                /* read from a load file that gave no number ("N/A"): value unused, nothing stored */
} sl_measure_value;

/* Reads a series name of len bytes into out: the four standard series in any
 * case (also "national" for england, "sn"/"stat-neighbours" for
 * statistical-neighbours) become their canonical word; anything else is an
 * authority's name kept as written (trimmed). Empty text gives "actual".
 * Returns 0, or -1 when the name is too long or holds control characters. */
int sl_series_parse(const char *text, size_t len, char out[SL_SERIES_MAX]);
/* Returns 1 for the council's own series ("actual"), 0 for a comparator. */
int sl_series_is_actual(const char *series);

/* ---- the standard indicators (DOMAIN.md) ----------------------------------------- */

typedef struct {
    const char *code;           /* "REREF_12M" */
    const char *name;           /* "re-referrals within 12 months" */
    sl_unit unit;
    sl_polarity polarity;
    sl_frequency frequency;     /* how councils usually report it locally */
    int has_england;            /* 0 when DOMAIN.md gives no England figure */
    double england;             /* the England figure */
    int england_approximate;    /* 1 where DOMAIN.md writes "≈" */
    const char *england_period; /* what the figure is for, in period.h syntax: "2023/24", "2024-03-31" */
} sl_indicator;

/* Returns the catalogue (static storage) and sets *count. */
const sl_indicator *sl_indicators(size_t *count);
/* Returns the catalogue entry for code (exact, case-insensitive), or NULL. */
const sl_indicator *sl_indicator_find(const char *code);
/* Fills def (initialised here) from a catalogue entry: code, name, unit,
 * polarity, frequency and source "DOMAIN.md standard indicator"; the caller
 * frees it with sl_measure_def_free. */
void sl_indicator_to_def(const sl_indicator *indicator, sl_measure_def *def);
/* Fills *out with the England comparator value of an entry (series
 * "england"); returns 0, or -1 when the entry has no England figure. */
int sl_indicator_england_value(const sl_indicator *indicator, sl_measure_value *out);

#endif
