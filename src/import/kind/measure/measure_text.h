/* measure_text.h — baselines, milestones and targets as plans write them in
 * prose, turned into suggested measure definitions for a person to review
 * (`measures suggest`). Each suggestion keeps the phrase it was read from.
 *
 * Recognised (keywords in any case; "-", "–", "—" or ":" after them optional):
 *   Baseline – 75% of assessments completed within 45 days.     value, then "of" name
 *   Baseline - % of care leavers aged 18 plus 100%                name, then value
 *   Baseline - 7 in April 2014                                    value "in"/"at" date
 *   Milestone 80% by April 2015, 85% by Sept 2015                 one or more dated values
 *   Milestone 9 by Sept 2014 12 by April 2015
 *   Milestone Maintain 100%                                       an undated milestone is
 *                                                                 read as the target
 *   target is 20% reduction in PP numbers by March 2015           relative target (-20%)
 *   The target is to reach at least 12 members by April 2015      absolute target
 *   caseloads to be reduced to maximum of 15 by 31 st Aug         change "to" a value by a date
 *   reduction in inadequate new plans to 0% by end of November 2014
 * A Milestone belongs to the Baseline before it; a new Baseline starts a new
 * suggestion. A baseline or milestone without a number ("the baseline will be
 * confirmed by case file audits") gives no suggestion. Dates without a year
 * take context_year (0: such a date is left undated). Month dates mean the
 * month's last day. Polarity comes from the words (reduce, maximum → lower;
 * increase, at least → higher) or else from baseline against the later
 * values; equal values leave it unset. The unit is percent after "%", days,
 * FTE, pounds after "£", count otherwise; the code is left empty.
 * Any bytes are safe: nothing is read past len. */
#ifndef SL_IMPORT_MEASURE_TEXT_H
#define SL_IMPORT_MEASURE_TEXT_H
#include <stddef.h>

#include "domain/measure.h"

#define SL_MEASURE_TEXT_MAX_SUGGESTIONS 32  /* more in one cell are ignored */
#define SL_MEASURE_TEXT_NAME_MAX 120        /* longer names are cut at a word */

typedef struct {
    sl_measure_def def;     /* code ""; suggested_from holds the phrase; owned */
    size_t start;           /* the phrase's byte range in the cell */
    size_t end;
} sl_measure_suggestion;

/* Reads one cell (len bytes, need not be NUL-terminated) and returns how
 * many suggestions it holds; *out is a new array of them (NULL when none)
 * that the caller frees with sl_measure_suggestions_free. */
size_t sl_measure_text_suggest(const char *text, size_t len, int context_year, sl_measure_suggestion **out);
/* Frees n suggestions and the array holding them. */
void sl_measure_suggestions_free(sl_measure_suggestion *list, size_t n);

#endif
