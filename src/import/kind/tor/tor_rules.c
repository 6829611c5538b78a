/* tor_rules.c — the rule phrases of a board's terms of reference (see tor_rules.h). */
#include "import/kind/tor/tor_rules.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "util/mem.h"

void sl_tor_words_init(sl_tor_words *out, const char *text, size_t len)
{
    out->buf = sl_calloc(len + 1);
    out->w = NULL;
    out->n = 0;
    size_t cap = 0, at = 0;
    for (size_t i = 0; i < len;) {
        while (i < len && !isalnum((unsigned char)text[i]))
            i++;
        if (i >= len)
            break;
        if (out->n == cap) {
            cap = cap ? cap * 2 : 16;
            out->w = sl_realloc(out->w, cap * sizeof *out->w);
        }
        out->w[out->n++] = out->buf + at;
        while (i < len && isalnum((unsigned char)text[i]))
            out->buf[at++] = (char)tolower((unsigned char)text[i++]);
        out->buf[at++] = '\0';
    }
}

void sl_tor_words_free(sl_tor_words *words)
{
    free(words->buf);
    free(words->w);
    memset(words, 0, sizeof *words);
}

int sl_tor_word_is(const sl_tor_words *words, size_t i, const char *s)
{
    return i < words->n && strcmp(words->w[i], s) == 0;
}

/* Returns 1 when word i is one of the NULL-terminated list. */
static int word_in(const sl_tor_words *words, size_t i, const char *const *list)
{
    for (size_t k = 0; list[k]; k++)
        if (sl_tor_word_is(words, i, list[k]))
            return 1;
    return 0;
}

size_t sl_tor_find_word(const sl_tor_words *words, const char *const *list)
{
    for (size_t i = 0; i < words->n; i++)
        if (word_in(words, i, list))
            return i;
    return words->n;
}

static const char *const cardinals[] = {"zero", "one", "two", "three", "four", "five", "six",
                                        "seven", "eight", "nine", "ten", "eleven", "twelve",
                                        "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
                                        "eighteen", "nineteen", "twenty", NULL};
static const char *const ordinals[] = {"zeroth", "first", "second", "third", "fourth", "fifth",
                                       "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
                                       "twelfth", NULL};

int sl_tor_cardinal(const char *word)
{
    size_t n = strlen(word);
    if (n > 0 && n <= 3 && strspn(word, "0123456789") == n)
        return (int)strtol(word, NULL, 10);
    for (int i = 1; cardinals[i]; i++)
        if (strcmp(word, cardinals[i]) == 0)
            return i;
    return 0;
}

int sl_tor_ordinal(const char *word)
{
    size_t digits = strspn(word, "0123456789");
    if (digits > 0 && digits <= 3 &&
        (!strcmp(word + digits, "st") || !strcmp(word + digits, "nd") ||
         !strcmp(word + digits, "rd") || !strcmp(word + digits, "th")))
        return (int)strtol(word, NULL, 10);
    for (int i = 1; ordinals[i]; i++)
        if (strcmp(word, ordinals[i]) == 0)
            return i;
    return 0;
}

/* ---- periods of working days ---- */

typedef enum { SPAN_NONE = 0, SPAN_WORKING_DAYS, SPAN_CALENDAR_DAYS, SPAN_WEEKS } span_unit;

/* Reads a period at word i: "[a|one|N] [clear|working|full|business|calendar]*
 * (day|days|week|weeks|fortnight)". Returns the working days it means, and
 * sets *next to the word after it; 0 when there is none at i. */
static int period_at(const sl_tor_words *w, size_t i, size_t *next)
{
    int n = 0;
    if (sl_tor_word_is(w, i, "a") || sl_tor_word_is(w, i, "an"))
        n = 1;
    else if (i < w->n)
        n = sl_tor_cardinal(w->w[i]);
    if (sl_tor_word_is(w, i, "a") && sl_tor_word_is(w, i + 1, "fortnight")) {
        *next = i + 2;
        return 10;
    }
    if (n <= 0)
        return 0;
    span_unit unit = SPAN_CALENDAR_DAYS;
    size_t k = i + 1;
    static const char *const qualifiers[] = {"clear", "working", "full", "business", "calendar", NULL};
    for (; k < w->n && word_in(w, k, qualifiers); k++)
        if (!sl_tor_word_is(w, k, "calendar"))
            unit = SPAN_WORKING_DAYS;
    static const char *const days[] = {"day", "days", NULL}, *const weeks[] = {"week", "weeks", NULL};
    if (word_in(w, k, weeks))
        unit = SPAN_WEEKS;
    else if (!word_in(w, k, days))
        return 0;
    *next = k + 1;
    if (unit == SPAN_WEEKS)
        return 5 * n;
    return unit == SPAN_WORKING_DAYS ? n : (n * 5 + 3) / 7;
}

static const char *const before_words[] = {"before", "prior", "advance", "ahead", "preceding", NULL};

/* Returns the first period followed within three words by "before", "prior
 * to", "in advance of" or "ahead of"; 0 when the sentence has none. */
static int period_before(const sl_tor_words *w)
{
    for (size_t i = 0; i < w->n; i++) {
        size_t next;
        int days = period_at(w, i, &next);
        if (days <= 0)
            continue;
        for (size_t k = next; k < w->n && k < next + 3; k++)
            if (word_in(w, k, before_words))
                return days;
    }
    return 0;
}

static const char *const substitute_words[] = {"substitute", "substitutes", "substitution", "deputy",
                                               "deputies", "nominee", "nominees", "replacement", NULL};

int sl_tor_rule_papers(const sl_tor_words *words, int in_section)
{
    static const char *const papers[] = {"papers", "paper", "agenda", "agendas", "reports",
                                         "documents", "documentation", "pack", "packs", NULL};
    if ((!in_section && sl_tor_find_word(words, papers) == words->n) ||
        sl_tor_find_word(words, substitute_words) < words->n)
        return 0;
    return period_before(words);
}

int sl_tor_rule_substitute_notice(const sl_tor_words *words, int in_section)
{
    if (!in_section && sl_tor_find_word(words, substitute_words) == words->n)
        return 0;
    return period_before(words);
}

/* Returns 1 when word i is "minutes" or "notes" meaning a record (not "90 minutes"). */
static int record_word(const sl_tor_words *w, size_t i)
{
    if (!sl_tor_word_is(w, i, "minutes") && !sl_tor_word_is(w, i, "notes") &&
        !sl_tor_word_is(w, i, "minute"))
        return 0;
    return i == 0 || sl_tor_cardinal(w->w[i - 1]) == 0;
}

int sl_tor_rule_minutes(const sl_tor_words *words, int in_section)
{
    int record = in_section;
    for (size_t i = 0; i < words->n && !record; i++)
        record = record_word(words, i);
    if (!record)
        return 0;
    static const char *const after[] = {"after", "following", "of", NULL};
    for (size_t i = 0; i < words->n; i++) {
        size_t next;
        int days;
        if (sl_tor_word_is(words, i, "within") && (days = period_at(words, i + 1, &next)) > 0)
            return days;
        if ((days = period_at(words, i, &next)) > 0 && word_in(words, next, after) &&
            !word_in(words, next, before_words))
            return days;
    }
    return 0;
}

/* Reads "every|each|after every [N|ordinal|other] [word] meeting(s)" at
 * word i; returns N (1 for "each meeting"), or 0. */
static int every_meeting_at(const sl_tor_words *w, size_t i)
{
    static const char *const meetings[] = {"meeting", "meetings", NULL};
    if (sl_tor_word_is(w, i, "alternate") && word_in(w, i + 1, meetings))
        return 2;
    if (!sl_tor_word_is(w, i, "every") && !sl_tor_word_is(w, i, "each"))
        return 0;
    int n = 1;
    size_t k = i + 1;
    if (sl_tor_word_is(w, k, "other")) {
        n = 2;
        k++;
    } else if (k < w->n && (sl_tor_ordinal(w->w[k]) > 0 || sl_tor_cardinal(w->w[k]) > 0)) {
        n = sl_tor_ordinal(w->w[k]) > 0 ? sl_tor_ordinal(w->w[k]) : sl_tor_cardinal(w->w[k]);
        k++;
    }
    if (word_in(w, k, meetings))
        return n;
    if (k + 1 < w->n && word_in(w, k + 1, meetings))
        return n;
    return 0;
}

int sl_tor_rule_chair_report(const sl_tor_words *words)
{
    static const char *const chair[] = {"chair", "chairs", "chairperson", "chairman", "chairwoman", NULL};
    static const char *const report[] = {"report", "reports", "reporting", "letter", "write", "writes", NULL};
    if (sl_tor_find_word(words, chair) == words->n || sl_tor_find_word(words, report) == words->n)
        return 0;
    for (size_t i = 0; i < words->n; i++) {
        int n = every_meeting_at(words, i);
        if (n > 0)
            return n;
    }
    return 0;
}

/* ---- how often: meetings and reviews ---- */

/* Reads an adverb of frequency at word i ("monthly", "bi monthly", "six
 * weekly", "quarterly", "annually", "twice yearly") into *every and *unit
 * (0 weeks, 1 months); returns the words it used, or 0. */
static size_t adverb_at(const sl_tor_words *w, size_t i, int *every, int *unit)
{
    static const struct { const char *word; int every, unit; } adverbs[] = {
        {"weekly", 1, 0},     {"fortnightly", 2, 0}, {"monthly", 1, 1},   {"bimonthly", 2, 1},
        {"quarterly", 3, 1},  {"termly", 4, 1},      {"biannually", 6, 1}, {"annually", 12, 1},
        {"yearly", 12, 1},    {"annual", 12, 1},     {"biennially", 24, 1}, {"biennial", 24, 1},
    };
    for (size_t k = 0; k < sizeof adverbs / sizeof *adverbs; k++) {
        if (!sl_tor_word_is(w, i, adverbs[k].word))
            continue;
        *every = adverbs[k].every;
        *unit = adverbs[k].unit;
        int n = i > 0 ? sl_tor_cardinal(w->w[i - 1]) : 0;
        if (i > 0 && sl_tor_word_is(w, i - 1, "bi") && adverbs[k].every == 1)
            n = 2;
        if ((i > 0 && (sl_tor_word_is(w, i - 1, "twice") || sl_tor_word_is(w, i - 1, "half"))) &&
            adverbs[k].every == 12)
            *every = 6;
        else if (n > 0 && adverbs[k].every == 1)
            *every = n;
        return 1;
    }
    return 0;
}

/* Reads "every|each [N|ordinal|other] (week|month|quarter|year|fortnight|term)"
 * at word i; returns 1 and sets *every and *unit (0 weeks, 1 months). */
static int every_at(const sl_tor_words *w, size_t i, int *every, int *unit)
{
    if (!sl_tor_word_is(w, i, "every") && !sl_tor_word_is(w, i, "each"))
        return 0;
    int n = 1;
    size_t k = i + 1;
    if (sl_tor_word_is(w, k, "other")) {
        n = 2;
        k++;
    } else if (k < w->n && (sl_tor_cardinal(w->w[k]) > 0 || sl_tor_ordinal(w->w[k]) > 0)) {
        n = sl_tor_cardinal(w->w[k]) > 0 ? sl_tor_cardinal(w->w[k]) : sl_tor_ordinal(w->w[k]);
        k++;
        if (sl_tor_word_is(w, k, "to") || sl_tor_word_is(w, k, "or"))
            k++;
        if (k < w->n && sl_tor_cardinal(w->w[k]) > 0)
            k++;    /* "every 6-8 weeks", "every six to eight weeks": the lower bound */
    }
    static const struct { const char *word; int factor, unit; } units[] = {
        {"week", 1, 0},    {"weeks", 1, 0},    {"fortnight", 2, 0}, {"month", 1, 1},
        {"months", 1, 1},  {"quarter", 3, 1},  {"quarters", 3, 1},  {"year", 12, 1},
        {"years", 12, 1},  {"term", 4, 1},     {"terms", 4, 1},
    };
    for (size_t u = 0; u < sizeof units / sizeof *units; u++) {
        if (sl_tor_word_is(w, k, units[u].word)) {
            *every = n * units[u].factor;
            *unit = units[u].unit;
            return 1;
        }
    }
    return 0;
}

/* Reads "N times a|per|each year|month" or "twice|once a year|month" at
 * word i; returns 1 and sets *every and *unit. */
static int times_at(const sl_tor_words *w, size_t i, int *every, int *unit)
{
    int n = 0;
    size_t k = i + 1;
    if (sl_tor_word_is(w, i, "twice"))
        n = 2;
    else if (sl_tor_word_is(w, i, "once"))
        n = 1;
    else if (i < w->n && (n = sl_tor_cardinal(w->w[i])) > 0 && sl_tor_word_is(w, k, "times"))
        k++;
    else
        return 0;
    static const char *const per[] = {"a", "per", "each", "every", "an", NULL};
    if (n <= 0 || !word_in(w, k, per))
        return 0;
    if (sl_tor_word_is(w, k + 1, "month")) {
        *every = n == 1 ? 1 : 4 / n > 0 ? 4 / n : 1;
        *unit = n == 1 ? 1 : 0;
        return 1;
    }
    if (!sl_tor_word_is(w, k + 1, "year") && !sl_tor_word_is(w, k + 1, "annum"))
        return 0;
    if (12 % n == 0) {
        *every = 12 / n;
        *unit = 1;
    } else {
        *every = 52 / n > 0 ? 52 / n : 1;
        *unit = 0;
    }
    return 1;
}

/* Reads the first statement of how often in the words (an adverb, "every
 * N units", "N times a year"); returns 1 and sets *every and *unit. */
static int how_often(const sl_tor_words *w, int *every, int *unit)
{
    for (size_t i = 0; i < w->n; i++)
        if (every_at(w, i, every, unit) || times_at(w, i, every, unit) || adverb_at(w, i, every, unit))
            return 1;
    return 0;
}

/* Reads "(first|second|…|last) (monday|…|sunday) of" into the schedule's
 * weekday and week of the month; returns 1 when found. */
static int weekday_rule(const sl_tor_words *w, sl_schedule *out)
{
    static const char *const days[] = {"monday", "tuesday", "wednesday", "thursday",
                                       "friday", "saturday", "sunday", NULL};
    for (size_t i = 0; i + 2 < w->n; i++) {
        int week = sl_tor_word_is(w, i, "last") ? -1 : sl_tor_ordinal(w->w[i]);
        if (week == 0 || week > 4 || !sl_tor_word_is(w, i + 2, "of"))
            continue;
        for (int d = 0; days[d]; d++) {
            if (sl_tor_word_is(w, i + 1, days[d])) {
                out->weekday = d + 1;
                out->week_of_month = week;
                return 1;
            }
        }
    }
    return 0;
}

int sl_tor_rule_meets(const sl_tor_words *words, int in_section, sl_schedule *out)
{
    static const char *const meet[] = {"meet", "meets", "meeting", "meetings", "met", "held",
                                       "convene", "convenes", "sit", "sits", NULL};
    static const char *const review[] = {"review", "reviewed", "reviewing", NULL};
    if ((!in_section && sl_tor_find_word(words, meet) == words->n) || sl_tor_find_word(words, review) < words->n)
        return 0;
    sl_schedule s = {0};
    int every = 0, unit = 1;
    int weekday = weekday_rule(words, &s);
    if (!how_often(words, &every, &unit)) {
        if (!weekday)
            return 0;
        every = 1;
        unit = 1;
    }
    s.every = every;
    s.unit = unit ? SL_EVERY_MONTH : SL_EVERY_WEEK;
    if (s.unit == SL_EVERY_WEEK)
        s.weekday = s.week_of_month = 0;
    *out = s;
    return 1;
}

/* Reads "after|within|in N months|years" or "every N months|years" from word i;
 * returns months, or 0. */
static int months_at(const sl_tor_words *w, size_t i)
{
    int n = i < w->n ? sl_tor_cardinal(w->w[i]) : 0;
    if (sl_tor_word_is(w, i, "a") || sl_tor_word_is(w, i, "one"))
        n = 1;
    if (n <= 0)
        return 0;
    if (sl_tor_word_is(w, i + 1, "month") || sl_tor_word_is(w, i + 1, "months"))
        return n;
    if (sl_tor_word_is(w, i + 1, "year") || sl_tor_word_is(w, i + 1, "years"))
        return 12 * n;
    return 0;
}

int sl_tor_rule_review(const sl_tor_words *words, int in_section)
{
    static const char *const review[] = {"review", "reviewed", "reviewing", "reviews", NULL};
    static const char *const terms[] = {"terms", "reference", "tor", "tors", "document", NULL};
    if (!in_section && (sl_tor_find_word(words, review) == words->n || sl_tor_find_word(words, terms) == words->n))
        return 0;
    for (size_t i = 0; i < words->n; i++) {
        int every, unit, months;
        if (sl_tor_word_is(words, i, "municipal") && sl_tor_word_is(words, i + 1, "year"))
            return 12;
        if ((months = months_at(words, i)) > 0)
            return months;
        if ((every_at(words, i, &every, &unit) || times_at(words, i, &every, &unit) ||
             adverb_at(words, i, &every, &unit)) && unit == 1)
            return every;
    }
    return 0;
}
