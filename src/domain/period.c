/* period.c — periods of measure values and the frequencies they fit (see period.h). */
#include "domain/period.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#define MIN_YEAR 1000   /* years outside these bounds are refused as typing slips */
#define MAX_YEAR 9998

/* ------------------------------------------------------------------------ */
/* Frequencies                                                               */
/* ------------------------------------------------------------------------ */

int sl_frequency_parse(const char *text, sl_frequency *out)
{
    static const struct {
        const char *word;
        sl_frequency freq;
    } words[] = {
        {"monthly", SL_FREQ_MONTHLY}, {"month", SL_FREQ_MONTHLY},   {"quarterly", SL_FREQ_QUARTERLY},
        {"quarter", SL_FREQ_QUARTERLY}, {"annual", SL_FREQ_ANNUAL}, {"annually", SL_FREQ_ANNUAL},
        {"yearly", SL_FREQ_ANNUAL},     {"year", SL_FREQ_ANNUAL},
    };
    for (size_t i = 0; text && i < sizeof words / sizeof words[0]; i++) {
        if (strcasecmp(text, words[i].word) == 0) {
            *out = words[i].freq;
            return 0;
        }
    }
    return -1;
}

const char *sl_frequency_name(sl_frequency freq)
{
    switch (freq) {
    case SL_FREQ_MONTHLY: return "monthly";
    case SL_FREQ_QUARTERLY: return "quarterly";
    case SL_FREQ_ANNUAL: return "annual";
    case SL_FREQ_UNSET: break;
    }
    return "";
}

int sl_frequency_per_year(sl_frequency freq)
{
    return freq == SL_FREQ_ANNUAL ? 1 : freq == SL_FREQ_QUARTERLY ? 4 : 12;
}

/* Returns the number of months in one period of freq (unset counts as monthly). */
static int months_per_period(sl_frequency freq)
{
    return 12 / sl_frequency_per_year(freq);
}

/* ------------------------------------------------------------------------ */
/* Building periods                                                          */
/* ------------------------------------------------------------------------ */

/* Returns the period of `months` months starting on the first of year-month;
 * month may run past 12 or below 1 (it is carried into the year). */
static sl_period months_from(sl_period_kind kind, int year, int month, int months)
{
    int index = year * 12 + (month - 1);          /* months since year 0 */
    int end = index + months - 1;
    sl_period p;
    p.kind = kind;
    p.first = sl_day_from_ymd(index / 12, index % 12 + 1, 1);
    p.last = sl_day_from_ymd(end / 12, end % 12 + 1, sl_days_in_month(end / 12, end % 12 + 1));
    return p;
}

/* Returns the kind of period one period of freq is. */
static sl_period_kind kind_of(sl_frequency freq)
{
    return freq == SL_FREQ_ANNUAL ? SL_PERIOD_FINANCIAL_YEAR
         : freq == SL_FREQ_QUARTERLY ? SL_PERIOD_QUARTER
                                     : SL_PERIOD_MONTH;
}

sl_period sl_period_containing(sl_day day, sl_frequency freq)
{
    int year, month;
    sl_day_to_ymd(day, &year, &month, NULL);
    int span = months_per_period(freq);
    /* Annual periods start in April; quarters and months on the calendar blocks. */
    int start_month = freq == SL_FREQ_ANNUAL ? 4 : 1;
    int offset = ((month - start_month) % span + span) % span;
    return months_from(kind_of(freq), year, month - offset, span);
}

sl_period sl_period_shift(const sl_period *slot, sl_frequency freq, int steps)
{
    int year, month;
    sl_day_to_ymd(slot->first, &year, &month, NULL);
    int span = months_per_period(freq);
    return months_from(kind_of(freq), year, month + steps * span, span);
}

sl_period sl_period_last_ended_before(sl_day as_of, sl_frequency freq)
{
    sl_period holding = sl_period_containing(as_of, freq);
    return sl_period_shift(&holding, freq, -1);
}

/* Returns the rank of a period kind by length (a day is shortest): the
 * enum lists kinds shortest first. */
static int kind_rank(sl_period_kind kind)
{
    return (int)kind;
}

int sl_period_fits(const sl_period *period, sl_frequency freq, int allow_longer)
{
    sl_period_kind own = kind_of(freq);
    if (period->kind == SL_PERIOD_NONE)
        return 0;
    if (period->kind == own || period->kind == SL_PERIOD_DAY)
        return 1;
    return allow_longer && kind_rank(period->kind) > kind_rank(own);
}

sl_period sl_period_slot(const sl_period *period, sl_frequency freq)
{
    if (kind_rank(period->kind) > kind_rank(kind_of(freq)))
        return *period;
    return sl_period_containing(period->last, freq);
}

int sl_period_equal(const sl_period *a, const sl_period *b)
{
    return a->first == b->first && a->last == b->last;
}

/* ------------------------------------------------------------------------ */
/* Parsing and formatting                                                    */
/* ------------------------------------------------------------------------ */

/* A cursor over the text being parsed. */
typedef struct {
    const char *text;
    size_t len;
    size_t pos;
} scanner;

/* Reads exactly `digits` decimal digits; returns the number or -1. */
static int read_digits(scanner *s, int digits)
{
    int value = 0;
    for (int i = 0; i < digits; i++) {
        if (s->pos >= s->len || s->text[s->pos] < '0' || s->text[s->pos] > '9')
            return -1;
        value = value * 10 + (s->text[s->pos++] - '0');
    }
    return value;
}

/* Consumes character c (case-insensitive for letters); returns 1 when it was there. */
static int accept(scanner *s, char c)
{
    if (s->pos < s->len && (s->text[s->pos] | 0x20) == (c | 0x20)) {
        s->pos++;
        return 1;
    }
    return 0;
}

/* Returns 1 when the digit run at the cursor has exactly n digits. */
static int digit_run_is(const scanner *s, size_t n)
{
    size_t i = s->pos;
    while (i < s->len && s->text[i] >= '0' && s->text[i] <= '9')
        i++;
    return i - s->pos == n;
}

/* Writes a reason into why when there is room; returns -1. */
static int refuse(char *why, size_t why_len, const char *reason)
{
    if (why && why_len)
        snprintf(why, why_len, "%s", reason);
    return -1;
}

/* Reads the second half of a financial year after "YYYY/": two or four digits
 * that must be the following year; returns 0 or -1. */
static int read_year_end(scanner *s, int start_year)
{
    int end;
    if (digit_run_is(s, 4))
        end = read_digits(s, 4);
    else if (digit_run_is(s, 2))
        end = (start_year / 100) * 100 + read_digits(s, 2) + (start_year % 100 == 99 ? 100 : 0);
    else
        return -1;
    return end == start_year + 1 ? 0 : -1;
}

/* Fills *out with quarter q (1-4) of calendar year y, or of financial year
 * y/y+1 when financial; returns 0, or -1 for a quarter outside 1-4. */
static int quarter_period(int year, int quarter, int financial, sl_period *out)
{
    if (quarter < 1 || quarter > 4)
        return -1;
    int month = financial ? 4 + 3 * (quarter - 1) : 1 + 3 * (quarter - 1);
    *out = months_from(SL_PERIOD_QUARTER, year, month, 3);
    return 0;
}

/* Parses "Qn YYYY/YY" (the cursor is on the Q); returns 0 or -1. */
static int parse_leading_quarter(scanner *s, sl_period *out)
{
    if (!accept(s, 'q'))
        return -1;
    int quarter = read_digits(s, 1);
    while (accept(s, ' '))
        ;
    int year = read_digits(s, 4);
    if (quarter < 0 || year < MIN_YEAR || year > MAX_YEAR || !accept(s, '/') || read_year_end(s, year) < 0)
        return -1;
    return s->pos == s->len ? quarter_period(year, quarter, 1, out) : -1;
}

/* Parses every form that opens with a four-digit year; returns 0 or -1. */
static int parse_year_first(scanner *s, sl_period *out)
{
    int year = read_digits(s, 4);
    if (year < MIN_YEAR || year > MAX_YEAR)
        return -1;
    if (accept(s, '/')) {
        if (read_year_end(s, year) < 0)
            return -1;
        if (s->pos == s->len) {
            *out = months_from(SL_PERIOD_FINANCIAL_YEAR, year, 4, 12);
            return 0;
        }
        if (!accept(s, '-') || !accept(s, 'q'))
            return -1;
        int quarter = read_digits(s, 1);
        return s->pos == s->len ? quarter_period(year, quarter, 1, out) : -1;
    }
    if (!accept(s, '-'))
        return -1;
    if (accept(s, 'q')) {
        int quarter = read_digits(s, 1);
        return s->pos == s->len ? quarter_period(year, quarter, 0, out) : -1;
    }
    int month = read_digits(s, 2);
    if (month < 1 || month > 12)
        return -1;
    if (s->pos == s->len) {
        *out = months_from(SL_PERIOD_MONTH, year, month, 1);
        return 0;
    }
    int mday = accept(s, '-') ? read_digits(s, 2) : -1;
    if (s->pos != s->len || !sl_ymd_valid(year, month, mday))
        return -1;
    out->kind = SL_PERIOD_DAY;
    out->first = out->last = sl_day_from_ymd(year, month, mday);
    return 0;
}

int sl_period_parse(const char *text, size_t len, sl_period *out, char *why, size_t why_len)
{
    memset(out, 0, sizeof *out);
    out->first = out->last = SL_NO_DAY;
    if (why && why_len)
        why[0] = '\0';
    while (len > 0 && (text[0] == ' ' || text[0] == '\t')) {
        text++;
        len--;
    }
    while (len > 0 && (text[len - 1] == ' ' || text[len - 1] == '\t'))
        len--;
    if (len == 0)
        return refuse(why, why_len, "empty period");
    scanner s = {text, len, 0};
    sl_period parsed;
    int rc = (text[0] | 0x20) == 'q' ? parse_leading_quarter(&s, &parsed) : parse_year_first(&s, &parsed);
    if (rc == 0) {
        *out = parsed;
        return 0;
    }
    if (len == 4 && digit_run_is(&(scanner){text, len, 0}, 4))
        return refuse(why, why_len,
                      "a bare year is ambiguous: write 2017/18 for a financial year or 2017-12-31 for a day");
    return refuse(why, why_len,
                  "not a period: write a month 2017-09, a quarter 2017-Q2 or 2017/18-Q1, "
                  "a financial year 2017/18 or a day 2017-09-30");
}

/* Appends value (0-9999) as exactly width digits (zero-padded) at *at. */
static void put_digits(char **at, int value, int width)
{
    for (int i = width - 1; i >= 0; i--) {
        (*at)[i] = (char)('0' + value % 10);
        value /= 10;
    }
    *at += width;
}

void sl_period_format(const sl_period *period, char out[SL_PERIOD_TEXT])
{
    int year, month, mday;
    char *at = out;
    if (period->kind != SL_PERIOD_NONE) {
        sl_day_to_ymd(period->first, &year, &month, &mday);
        year = year < 0 ? 0 : year % 10000;
        put_digits(&at, year, 4);
        switch (period->kind) {
        case SL_PERIOD_DAY:
            *at++ = '-';
            put_digits(&at, month, 2);
            *at++ = '-';
            put_digits(&at, mday, 2);
            break;
        case SL_PERIOD_MONTH:
            *at++ = '-';
            put_digits(&at, month, 2);
            break;
        case SL_PERIOD_QUARTER:
            *at++ = '-';
            *at++ = 'Q';
            put_digits(&at, (month - 1) / 3 + 1, 1);
            break;
        case SL_PERIOD_FINANCIAL_YEAR:
            *at++ = '/';
            put_digits(&at, (year + 1) % 100, 2);
            break;
        case SL_PERIOD_NONE: break;
        }
    }
    *at = '\0';
}
