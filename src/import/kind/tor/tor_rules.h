/* tor_rules.h — the rules a board's terms of reference state, read one
 * sentence at a time: how often it meets, how many working days before a
 * meeting papers and substitute notices are due, how soon after it the
 * minutes are, after how many meetings the chair reports, how often the
 * terms are reviewed. Numbers are read as digits or words ("six", "ten",
 * "second", "third").
 *
 * A sentence is first turned into sl_tor_words: lower-case ASCII words,
 * punctuation, hyphens and non-ASCII characters (’ – •) taken as spaces, so
 * "bi-monthly" reads as "bi monthly" and "children’s" as "children s".
 * Each reader returns 0 when the sentence does not state its rule. Pure
 * code: no I/O, no allocation except in sl_tor_words_init.
 *
 * Interpretations (the documents leave them open):
 *   "N working days", "N clear days", "N clear working days", "N business
 *   days": N working days ("clear days" exclude weekends and bank holidays,
 *   as for council meetings under the Local Government Act 1972 s100B);
 *   "N days" (calendar): N × 5 / 7 working days, rounded (7 days → 5);
 *   "a week" → 5, "N weeks" → 5 × N, "a fortnight" → 10.
 *   Meeting frequency: "monthly" 1 month; "bi-monthly" every 2 months;
 *   "fortnightly" 2 weeks; "quarterly" 3 months; "termly" 4 months;
 *   "twice a year" 6 months; "annually" 12 months; "N times a year" every
 *   12 / N months when N divides 12, else every 52 / N weeks (rounded down):
 *   eight times a year → 6 weeks, ten → 5 weeks.
 *   "every 6-8 weeks" (a range): its lower bound, every 6 weeks.
 *   Review: "annually", "each municipal year" 12; "biennially" 24. */
#ifndef SL_IMPORT_TOR_RULES_H
#define SL_IMPORT_TOR_RULES_H
#include <stddef.h>

#include "domain/board.h"

/* A sentence as lower-case words. buf and w are owned (sl_tor_words_free). */
typedef struct {
    char *buf;
    char **w;
    size_t n;
} sl_tor_words;

/* Splits len bytes of text into lower-case ASCII words (see above). */
void sl_tor_words_init(sl_tor_words *out, const char *text, size_t len);
/* Frees the words. */
void sl_tor_words_free(sl_tor_words *words);
/* Returns 1 when word i exists and equals s. */
int sl_tor_word_is(const sl_tor_words *words, size_t i, const char *s);
/* Returns the index of the first word equal to one of the NULL-terminated
 * list, or words->n when none is. */
size_t sl_tor_find_word(const sl_tor_words *words, const char *const *list);

/* Returns the value of a cardinal number word ("6", "six", "twelve"), or 0. */
int sl_tor_cardinal(const char *word);
/* Returns the value of an ordinal word ("second", "3rd"), or 0. */
int sl_tor_ordinal(const char *word);

/* Reads how often the board meets ("meets every six weeks", "monthly", "on
 * the first Tuesday of each month", "at least four times a year") into
 * *out; returns 1 when the sentence says, else 0. The sentence must speak
 * of meeting (meet, meets, meetings, held, convene) unless in_section: it
 * stands under a "Meetings" or "Frequency" heading. */
int sl_tor_rule_meets(const sl_tor_words *words, int in_section, sl_schedule *out);
/* Returns the working days before a meeting that papers (agenda, reports)
 * are circulated, or 0. The sentence must name papers unless in_section
 * (it stands under a "Papers" heading). */
int sl_tor_rule_papers(const sl_tor_words *words, int in_section);
/* Returns the working days before a meeting by which a member says that a
 * substitute (deputy) will attend, or 0. The sentence must name substitutes
 * unless in_section. */
int sl_tor_rule_substitute_notice(const sl_tor_words *words, int in_section);
/* Returns the working days after a meeting within which the draft minutes
 * are circulated, or 0. The sentence must name minutes unless in_section. */
int sl_tor_rule_minutes(const sl_tor_words *words, int in_section);
/* Returns N when the chair reports (in writing) after every Nth meeting
 * ("after each meeting" 1, "every second meeting" 2), or 0. */
int sl_tor_rule_chair_report(const sl_tor_words *words);
/* Returns every how many months the terms of reference are reviewed, or 0.
 * The sentence must name the terms (or this document) unless in_section:
 * the sentence stands under a "Review" heading. */
int sl_tor_rule_review(const sl_tor_words *words, int in_section);

#endif
