/* figure.c — reading and checking a measure's figure (see figure.h). */
#include "domain/figure.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "domain/limits.h"
#include "domain/reminder.h"

/* Writes a sentence into why when there is room for one. */
static void say(char *why, size_t why_len, const char *text)
{
    if (why && why_len)
        snprintf(why, why_len, "%s", text);
}

/* Narrows [*start, *len) past ASCII spaces and tabs at both ends. */
static void trim(const char **start, size_t *len)
{
    while (*len && (**start == ' ' || **start == '\t')) {
        (*start)++;
        (*len)--;
    }
    while (*len && ((*start)[*len - 1] == ' ' || (*start)[*len - 1] == '\t'))
        (*len)--;
}

/* Returns 1 when the len bytes of text say there is no figure. */
static int says_missing(const char *text, size_t len)
{
    static const char *const words[] = {
        "n/a", "na", "n.a.", "n.a", "tbc", "tba", "tbd", "-", "--", "\xe2\x80\x93", "\xe2\x80\x94", "..", "x", "*",
        "?", "not available", "unavailable", "unknown", "no data", "missing", "none", "not known",
    };
    if (len == 0)
        return 1;
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (strlen(words[i]) == len && strncasecmp(text, words[i], len) == 0)
            return 1;
    return 0;
}

/* Copies the digits of a number written with thousands commas into plain
 * (cap bytes) without them; returns 0, or -1 when a comma is out of place
 * (a decimal comma "61,5" among them). */
static int drop_commas(const char *text, size_t len, char *plain, size_t cap, size_t *plain_len)
{
    size_t n = 0, since_comma = 0, group_start = 0;
    int seen_comma = 0, seen_point = 0;
    for (size_t i = 0; i < len; i++) {
        char c = text[i];
        if (c == ',') {
            if (seen_point || i == group_start || (seen_comma && since_comma != 3) || (!seen_comma && since_comma > 3))
                return -1;
            seen_comma = 1;
            since_comma = 0;
            continue;
        }
        if (c == '.')
            seen_point = 1;
        else if (!seen_point && c >= '0' && c <= '9')
            since_comma++;
        else if (!seen_point && (c == '-' || c == '+'))
            group_start = i + 1;
        if (n + 1 >= cap)
            return -1;
        plain[n++] = c;
    }
    if (seen_comma && since_comma != 3)
        return -1;
    plain[n] = '\0';
    *plain_len = n;
    return 0;
}

/* Takes a leading "£" or trailing "%" off [*text, *len) and says which
 * (1 when found). */
static void strip_marks(const char **text, size_t *len, int *pounds, int *percent)
{
    *pounds = *len >= 2 && (unsigned char)(*text)[0] == 0xC2 && (unsigned char)(*text)[1] == 0xA3;
    if (*pounds) {
        *text += 2;
        *len -= 2;
    }
    *percent = *len >= 1 && (*text)[*len - 1] == '%';
    if (*percent)
        (*len)--;
    trim(text, len);
}

sl_figure_kind sl_figure_read(const char *text, size_t len, sl_unit unit, double *out, char *why, size_t why_len)
{
    const char *t = text ? text : "";
    len = text ? len : 0;
    trim(&t, &len);
    if (says_missing(t, len))
        return SL_FIGURE_MISSING;
    int pounds, percent;
    strip_marks(&t, &len, &pounds, &percent);
    if (percent && unit != SL_UNIT_PERCENT) {
        say(why, why_len, "A percentage was given, but this measure is not a percentage: enter the number alone");
        return SL_FIGURE_BAD;
    }
    if (pounds && unit != SL_UNIT_POUNDS) {
        say(why, why_len, "An amount in pounds was given, but this measure is not in pounds: enter the number alone");
        return SL_FIGURE_BAD;
    }
    char plain[48];
    size_t plain_len = 0;
    double value;
    if (drop_commas(t, len, plain, sizeof plain, &plain_len) < 0 ||
        sl_measure_parse_number(plain, plain_len, &value) < 0) {
        say(why, why_len, "Enter a number, like 61.5 or 62% (decimals with a point, thousands with commas)");
        return SL_FIGURE_BAD;
    }
    if (sl_unit_check_value(unit, value, NULL, 0) < 0) {
        if (why && why_len) {
            int lead = snprintf(why, why_len, "The figure ");
            if (lead > 0 && (size_t)lead < why_len)
                sl_unit_check_value(unit, value, why + lead, why_len - (size_t)lead);
        }
        return SL_FIGURE_OUT_OF_RANGE;
    }
    *out = value;
    return SL_FIGURE_NUMBER;
}

/* Reads a month written as "May 2024", "Sept 2024" or "05/2024" into
 * *out; returns 0, or -1 when text is not one of those forms. */
static int read_month(const char *text, size_t len, sl_period *out)
{
    static const char *const names[12] = {"january", "february", "march",     "april",   "may",      "june",
                                          "july",    "august",   "september", "october", "november", "december"};
    int month = 0, year = 0;
    size_t i = 0;
    if (len > 0 && text[0] >= '0' && text[0] <= '9') {
        while (i < len && i < 2 && text[i] >= '0' && text[i] <= '9')
            month = month * 10 + (text[i++] - '0');
        if (i >= len || text[i++] != '/')
            return -1;
    } else {
        size_t word = 0;
        while (word < len && text[word] != ' ')
            word++;
        for (int m = 0; m < 12 && !month; m++)
            if (word >= 3 && word <= strlen(names[m]) && strncasecmp(text, names[m], word) == 0)
                month = m + 1;
        i = word;
        while (i < len && text[i] == ' ')
            i++;
    }
    size_t digits = 0;
    for (; i < len && text[i] >= '0' && text[i] <= '9' && digits < 4; i++, digits++)
        year = year * 10 + (text[i] - '0');
    if (i != len || digits != 4 || month < 1 || month > 12 || year < 1900)
        return -1;
    out->kind = SL_PERIOD_MONTH;
    out->first = sl_day_from_ymd(year, month, 1);
    out->last = sl_day_from_ymd(year, month, sl_days_in_month(year, month));
    return 0;
}

/* Returns an example of a period of freq, for messages. */
static const char *example(sl_frequency freq)
{
    return freq == SL_FREQ_QUARTERLY ? "a quarter, like 2024/25-Q1"
           : freq == SL_FREQ_ANNUAL  ? "a financial year, like 2024/25"
                                     : "a month, like 2024-05 or May 2024";
}

int sl_figure_period_read(const char *text, size_t len, sl_frequency freq, sl_day today, sl_period *out, char *why,
                          size_t why_len)
{
    const char *t = text ? text : "";
    len = text ? len : 0;
    trim(&t, &len);
    if (len == 0 || (read_month(t, len, out) < 0 && sl_period_parse(t, len, out, NULL, 0) < 0)) {
        if (why && why_len)
            snprintf(why, why_len, "Enter the period as %s", example(freq));
        return -1;
    }
    if (out->kind == SL_PERIOD_DAY || !sl_period_fits(out, freq ? freq : SL_FREQ_MONTHLY, 0)) {
        if (why && why_len)
            snprintf(why, why_len, "This is a %s measure: enter the period as %s",
                     sl_frequency_name(freq ? freq : SL_FREQ_MONTHLY), example(freq));
        return -1;
    }
    if (out->first > today) {
        say(why, why_len, "The period has not begun yet: figures are entered for periods that have begun");
        return -1;
    }
    return 0;
}

static const char *const month_abbrev[12] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                             "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

void sl_figure_period_words(const sl_period *period, char out[SL_FIGURE_WORDS])
{
    static const char *const months[12] = {"January", "February", "March",     "April",   "May",      "June",
                                           "July",    "August",   "September", "October", "November", "December"};
    int year, month, mday;
    sl_day_to_ymd(period->first, &year, &month, &mday);
    if (period->kind == SL_PERIOD_MONTH) {
        snprintf(out, SL_FIGURE_WORDS, "%s %d", months[month - 1], year);
    } else if (period->kind == SL_PERIOD_QUARTER) {
        int fy = month >= 4 ? year : year - 1;
        snprintf(out, SL_FIGURE_WORDS, "%d/%02d Q%d", fy, (fy + 1) % 100, ((month - 4 + 12) % 12) / 3 + 1);
    } else {
        char text[SL_PERIOD_TEXT];
        sl_period_format(period, text);
        snprintf(out, SL_FIGURE_WORDS, "%s", text);
    }
}

void sl_figure_when_words(const char *ts, char out[SL_FIGURE_WORDS])
{
    int y, mo, d, h, mi, s, used = 0;
    sl_day utc_day;
    if (!ts || sscanf(ts, "%4d-%2d-%2dT%2d:%2d:%2dZ%n", &y, &mo, &d, &h, &mi, &s, &used) != 6 || ts[used] ||
        !sl_ymd_valid(y, mo, d) || h > 23 || mi > 59 || s > 60) {
        snprintf(out, SL_FIGURE_WORDS, "%s", ts ? ts : "");
        return;
    }
    utc_day = sl_day_from_ymd(y, mo, d);
    int64_t seconds = ((int64_t)(utc_day - sl_day_from_ymd(1970, 1, 1)) * 1440 + h * 60 + mi) * 60 + s;
    sl_day day;
    int minute;
    sl_london_time(seconds, &day, &minute);
    int offset = (int)(day - utc_day) * 1440 + minute - (h * 60 + mi);
    sl_day_to_ymd(day, &y, &mo, &d);
    snprintf(out, SL_FIGURE_WORDS, "%d %s %d, %02d:%02d %s", d, month_abbrev[mo - 1], y, minute / 60, minute % 60,
             offset == 60 ? "BST" : "GMT");
}

/* Checks one text field against its limit (and presence when required) into e. */
static void check_text(const char *text, const char *label, size_t max, const char *empty, sl_error *e)
{
    if (empty && (!text || !*text)) {
        sl_fail_code(e, SL_ERR_INVALID, "%s", empty);
        return;
    }
    sl_limit_check(label, text, max, e);
}

/* Marks an error whose message was written in place as bad input. */
static void invalid(sl_error *e)
{
    e->set = 1;
    e->code = SL_ERR_INVALID;
}

int sl_figure_check(const sl_figure_form *form, const sl_measure_def *def, sl_day today, sl_figure_checked *out)
{
    memset(out, 0, sizeof *out);
    const char *period = form->period ? form->period : "", *value = form->value ? form->value : "";
    sl_error *pe = &out->period_error, *ve = &out->value_error;
    if (sl_limit_check("The period", period, SL_LIMIT_FIGURE_PERIOD, pe) == 0 &&
        sl_figure_period_read(period, strlen(period), def->frequency, today, &out->period, pe->message,
                              sizeof pe->message) < 0)
        invalid(pe);
    if (sl_limit_check("The figure", value, SL_LIMIT_FIGURE_VALUE, ve) == 0) {
        sl_figure_kind kind = sl_figure_read(value, strlen(value), def->unit, &out->value, ve->message,
                                             sizeof ve->message);
        if (kind == SL_FIGURE_MISSING)
            sl_fail_code(ve, SL_ERR_INVALID, "Enter the figure, like 61.5 or 62%%");
        else if (kind != SL_FIGURE_NUMBER)
            invalid(ve);
    }
    check_text(form->source, "The source", SL_LIMIT_FIGURE_SOURCE,
               "Say where the figure comes from, like Liquidlogic extract", &out->source_error);
    check_text(form->note, "The note", SL_LIMIT_FIGURE_NOTE, NULL, &out->note_error);
    check_text(form->reason, "The reason", SL_LIMIT_REASON,
               form->correcting ? "Say why the figure is corrected" : NULL, &out->reason_error);
    return out->period_error.set + out->value_error.set + out->source_error.set + out->note_error.set +
           out->reason_error.set;
}

const sl_error *sl_figure_first_error(const sl_figure_checked *c)
{
    const sl_error *all[] = {&c->period_error, &c->value_error, &c->source_error, &c->note_error, &c->reason_error};
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
        if (all[i]->set)
            return all[i];
    return NULL;
}

static const char *const change_names[] = {"entered", "corrected", "loaded", "missing"};

const char *sl_figure_change_name(sl_figure_change change)
{
    return (unsigned)change < sizeof change_names / sizeof change_names[0] ? change_names[change] : "";
}

int sl_figure_change_parse(const char *word, sl_figure_change *out)
{
    for (size_t i = 0; word && i < sizeof change_names / sizeof change_names[0]; i++)
        if (strcmp(word, change_names[i]) == 0) {
            *out = (sl_figure_change)i;
            return 0;
        }
    return -1;
}

void sl_figure_records_free(sl_figure_record *records, size_t n)
{
    for (size_t i = 0; records && i < n; i++) {
        free(records[i].source);
        free(records[i].note);
        free(records[i].reason);
        free(records[i].actor);
        free(records[i].recorded_at);
    }
    free(records);
}
