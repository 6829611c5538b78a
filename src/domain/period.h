/* period.h — the periods a measure's values are for, as written in load files,
 * and the reporting frequencies they must fit (SPEC.md §2, DOMAIN.md
 * "Calendar conventions"). Pure functions; nothing is allocated.
 *
 * Forms read by sl_period_parse (surrounding spaces allowed):
 *   "2017-09"      a month: 1–30 September 2017
 *   "2017-Q2"      a quarter of the CALENDAR year 2017, as ISO 8601 and SDMX
 *                  data tools write it: Q1 Jan–Mar, Q2 Apr–Jun, Q3 Jul–Sep,
 *                  Q4 Oct–Dec. So 2017-Q2 = 1 April – 30 June 2017.
 *   "2017/18-Q1"   a quarter of the FINANCIAL year, as councils write it
 *   "Q1 2017/18"   (DOMAIN.md: Q1 Apr–Jun … Q4 Jan–Mar). 2017/18-Q1 is also
 *                  1 April – 30 June 2017; both kinds of quarter fall on the
 *                  same three-month blocks, only the numbering differs.
 *   "2017/18"      a financial year: 1 April 2017 – 31 March 2018
 *                  ("2017/2018" also accepted; the years must follow on)
 *   "2017-09-30"   a day: a snapshot "as at" that day (CIN at 31 March)
 * A bare year ("2017") is refused: it could mean a calendar or a financial year.
 *
 * Frequencies: a monthly measure takes months, a quarterly one quarters and an
 * annual one financial years. A day fits every frequency and stands for the
 * period of that frequency holding it (31 March 2024 is financial year 2023/24
 * for an annual measure). Comparator series may also be given for a longer
 * period than the measure's frequency (an annual England figure beside monthly
 * actuals); the actual series may not. */
#ifndef SL_DOMAIN_PERIOD_H
#define SL_DOMAIN_PERIOD_H
#include <stddef.h>

#include "domain/date.h"

typedef enum {
    SL_FREQ_UNSET = 0,      /* not decided: read as monthly where one is needed */
    SL_FREQ_MONTHLY,
    SL_FREQ_QUARTERLY,
    SL_FREQ_ANNUAL          /* financial years, April–March */
} sl_frequency;

/* Kinds of period, shortest first (period.c compares kinds by this order). */
typedef enum {
    SL_PERIOD_NONE = 0,
    SL_PERIOD_DAY,
    SL_PERIOD_MONTH,
    SL_PERIOD_QUARTER,
    SL_PERIOD_FINANCIAL_YEAR
} sl_period_kind;

/* A period: its kind and its first and last day (inclusive). */
typedef struct {
    sl_period_kind kind;
    sl_day first;
    sl_day last;
} sl_period;

#define SL_PERIOD_TEXT 16   /* room for any formatted period and its NUL */

/* Parses a frequency word (monthly, quarterly, annual / annually / yearly;
 * any case); returns 0 and sets *out, or -1. */
int sl_frequency_parse(const char *text, sl_frequency *out);
/* Returns "monthly", "quarterly", "annual" or "" (unset); static storage. */
const char *sl_frequency_name(sl_frequency freq);
/* Returns how many periods of freq make a year: 12, 4 or 1 (unset counts as monthly). */
int sl_frequency_per_year(sl_frequency freq);

/* Parses len bytes of text (need not be NUL-terminated) in one of the forms
 * above; returns 0 and sets *out, or -1 with a one-line reason in why
 * (why_len bytes, may be NULL). Never reads past len, never allocates. */
int sl_period_parse(const char *text, size_t len, sl_period *out, char *why, size_t why_len);
/* Writes the canonical text of a period into out: "2017-09", "2017-Q2"
 * (calendar quarter), "2017/18", "2017-09-30"; "" for SL_PERIOD_NONE. */
void sl_period_format(const sl_period *period, char out[SL_PERIOD_TEXT]);

/* Returns the period of frequency freq holding day (unset counts as monthly). */
sl_period sl_period_containing(sl_day day, sl_frequency freq);
/* Returns 1 when period may hold a value of a measure of frequency freq:
 * the frequency's own kind or a day; with allow_longer (comparator series)
 * also any longer kind. Returns 0 otherwise. */
int sl_period_fits(const sl_period *period, sl_frequency freq, int allow_longer);
/* Returns the reporting slot a value for period stands for: the period of
 * frequency freq holding its last day when the period is no longer than the
 * frequency, else the period itself. Two values of one series in one slot
 * are duplicates. */
sl_period sl_period_slot(const sl_period *period, sl_frequency freq);
/* Returns the period of frequency freq steps periods after slot (negative
 * steps go back: -1 the previous period, -sl_frequency_per_year a year ago). */
sl_period sl_period_shift(const sl_period *slot, sl_frequency freq, int steps);
/* Returns the most recent period of frequency freq that ended before as_of
 * (its last day < as_of): the period before the one holding as_of. */
sl_period sl_period_last_ended_before(sl_day as_of, sl_frequency freq);
/* Returns 1 when a and b have the same first and last day. */
int sl_period_equal(const sl_period *a, const sl_period *b);

#endif
