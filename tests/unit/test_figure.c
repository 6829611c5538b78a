/* test_figure.c — a measure's figure as typed (domain/figure.h), table by
 * table: what a value text means for each unit (numbers, percentages,
 * decimals, thousands, pounds; the words that mean no figure; what is
 * refused), which periods a figure may be for (month forms, frequencies,
 * never one that has not begun), the whole entry's checks with each field's
 * message kept apart and the limits of domain/limits.h, and the words a
 * page shows for a period and a time. */
#include <math.h>
#include <string.h>

#include "check.h"
#include "domain/figure.h"
#include "domain/limits.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static sl_day day(int y, int m, int d)
{
    return sl_day_from_ymd(y, m, d);
}

static void values(void)
{
    static const struct {
        const char *text;
        sl_unit unit;
        sl_figure_kind kind;
        double value;           /* when a number */
        const char *why;        /* a part of the reason, when refused */
    } table[] = {
        {"61.5", SL_UNIT_PERCENT, SL_FIGURE_NUMBER, 61.5, NULL},
        {"62%", SL_UNIT_PERCENT, SL_FIGURE_NUMBER, 62, NULL},
        {" 62 % ", SL_UNIT_PERCENT, SL_FIGURE_NUMBER, 62, NULL},
        {"0", SL_UNIT_PERCENT, SL_FIGURE_NUMBER, 0, NULL},
        {"100%", SL_UNIT_PERCENT, SL_FIGURE_NUMBER, 100, NULL},
        {"100.5%", SL_UNIT_PERCENT, SL_FIGURE_OUT_OF_RANGE, 0, "above 100"},
        {"140", SL_UNIT_PERCENT, SL_FIGURE_OUT_OF_RANGE, 0, "above 100"},
        {"1,234", SL_UNIT_COUNT, SL_FIGURE_NUMBER, 1234, NULL},
        {"1,234,567.5", SL_UNIT_POUNDS, SL_FIGURE_NUMBER, 1234567.5, NULL},
        {"\xc2\xa3" "46,000", SL_UNIT_POUNDS, SL_FIGURE_NUMBER, 46000, NULL},
        {"-\xc2\xa3" "5", SL_UNIT_POUNDS, SL_FIGURE_BAD, 0, "Enter a number"},
        {"-1,200", SL_UNIT_POUNDS, SL_FIGURE_NUMBER, -1200, NULL},
        {"332.9", SL_UNIT_RATE_10K, SL_FIGURE_NUMBER, 332.9, NULL},
        {"12.5", SL_UNIT_FTE, SL_FIGURE_NUMBER, 12.5, NULL},
        {".5", SL_UNIT_DAYS, SL_FIGURE_NUMBER, 0.5, NULL},
        {"-3", SL_UNIT_COUNT, SL_FIGURE_OUT_OF_RANGE, 0, "below 0"},
        {"61,5", SL_UNIT_PERCENT, SL_FIGURE_BAD, 0, "decimals with a point"},
        {"1,23", SL_UNIT_COUNT, SL_FIGURE_BAD, 0, "Enter a number"},
        {"12,3456", SL_UNIT_COUNT, SL_FIGURE_BAD, 0, "Enter a number"},
        {"1234,567", SL_UNIT_COUNT, SL_FIGURE_BAD, 0, "Enter a number"},
        {",123", SL_UNIT_COUNT, SL_FIGURE_BAD, 0, "Enter a number"},
        {"1,234.5,6", SL_UNIT_COUNT, SL_FIGURE_BAD, 0, "Enter a number"},
        {"62%", SL_UNIT_COUNT, SL_FIGURE_BAD, 0, "not a percentage"},
        {"\xc2\xa3" "5", SL_UNIT_PERCENT, SL_FIGURE_BAD, 0, "not in pounds"},
        {"lots", SL_UNIT_COUNT, SL_FIGURE_BAD, 0, "Enter a number"},
        {"1e3", SL_UNIT_COUNT, SL_FIGURE_BAD, 0, "Enter a number"},
        {"12 13", SL_UNIT_COUNT, SL_FIGURE_BAD, 0, "Enter a number"},
        {"%", SL_UNIT_PERCENT, SL_FIGURE_BAD, 0, "Enter a number"},
        {"", SL_UNIT_PERCENT, SL_FIGURE_MISSING, 0, NULL},
        {"   ", SL_UNIT_PERCENT, SL_FIGURE_MISSING, 0, NULL},
        {"N/A", SL_UNIT_PERCENT, SL_FIGURE_MISSING, 0, NULL},
        {"n/a", SL_UNIT_COUNT, SL_FIGURE_MISSING, 0, NULL},
        {"tbc", SL_UNIT_COUNT, SL_FIGURE_MISSING, 0, NULL},
        {"TBC", SL_UNIT_COUNT, SL_FIGURE_MISSING, 0, NULL},
        {"-", SL_UNIT_COUNT, SL_FIGURE_MISSING, 0, NULL},
        {"\xe2\x80\x93", SL_UNIT_COUNT, SL_FIGURE_MISSING, 0, NULL},
        {"..", SL_UNIT_COUNT, SL_FIGURE_MISSING, 0, NULL},
        {"Not available", SL_UNIT_COUNT, SL_FIGURE_MISSING, 0, NULL},
        {"x", SL_UNIT_COUNT, SL_FIGURE_MISSING, 0, NULL},
    };
    for (size_t i = 0; i < COUNT(table); i++) {
        double v = -999;
        char why[200] = "";
        sl_figure_kind kind = sl_figure_read(table[i].text, strlen(table[i].text), table[i].unit, &v, why, sizeof why);
        CHECK(kind == table[i].kind, "'%s' as %s: kind %d, want %d (%s)", table[i].text, sl_unit_name(table[i].unit),
              kind, table[i].kind, why);
        if (kind == SL_FIGURE_NUMBER && table[i].kind == SL_FIGURE_NUMBER)
            CHECK(fabs(v - table[i].value) < 1e-9, "'%s' reads %g, want %g", table[i].text, v, table[i].value);
        if (table[i].why)
            CHECK(strstr(why, table[i].why) != NULL, "'%s' says '%s', want '%s'", table[i].text, why, table[i].why);
    }
    double v;
    CHECK(sl_figure_read("61.5 trailing", 4, SL_UNIT_PERCENT, &v, NULL, 0) == SL_FIGURE_NUMBER && v == 61.5,
          "reads only len bytes, why may be NULL");
    CHECK(sl_figure_read(NULL, 5, SL_UNIT_PERCENT, &v, NULL, 0) == SL_FIGURE_MISSING, "NULL text is no figure");
}

static void periods(void)
{
    static const struct {
        const char *text;
        sl_frequency freq;
        int ok;
        int y, m;               /* first month, when ok */
        sl_period_kind kind;
        const char *why;
    } table[] = {
        {"2024-05", SL_FREQ_MONTHLY, 1, 2024, 5, SL_PERIOD_MONTH, NULL},
        {"May 2024", SL_FREQ_MONTHLY, 1, 2024, 5, SL_PERIOD_MONTH, NULL},
        {"may 2024", SL_FREQ_MONTHLY, 1, 2024, 5, SL_PERIOD_MONTH, NULL},
        {"Sept 2023", SL_FREQ_MONTHLY, 1, 2023, 9, SL_PERIOD_MONTH, NULL},
        {"September 2023", SL_FREQ_MONTHLY, 1, 2023, 9, SL_PERIOD_MONTH, NULL},
        {"05/2024", SL_FREQ_MONTHLY, 1, 2024, 5, SL_PERIOD_MONTH, NULL},
        {"5/2024", SL_FREQ_MONTHLY, 1, 2024, 5, SL_PERIOD_MONTH, NULL},
        {" 2024-06 ", SL_FREQ_MONTHLY, 1, 2024, 6, SL_PERIOD_MONTH, NULL},
        {"2024-05", SL_FREQ_UNSET, 1, 2024, 5, SL_PERIOD_MONTH, NULL},
        {"2024-07", SL_FREQ_MONTHLY, 0, 0, 0, 0, "has not begun"},
        {"July 2024", SL_FREQ_MONTHLY, 0, 0, 0, 0, "has not begun"},
        {"2024-13", SL_FREQ_MONTHLY, 0, 0, 0, 0, "like 2024-05"},
        {"13/2024", SL_FREQ_MONTHLY, 0, 0, 0, 0, "like 2024-05"},
        {"Ma 2024", SL_FREQ_MONTHLY, 0, 0, 0, 0, "like 2024-05"},
        {"May 24", SL_FREQ_MONTHLY, 0, 0, 0, 0, "like 2024-05"},
        {"2024", SL_FREQ_MONTHLY, 0, 0, 0, 0, "like 2024-05"},
        {"", SL_FREQ_MONTHLY, 0, 0, 0, 0, "Enter the period"},
        {"2024-05-31", SL_FREQ_MONTHLY, 0, 0, 0, 0, "monthly measure"},
        {"2023/24", SL_FREQ_MONTHLY, 0, 0, 0, 0, "monthly measure"},
        {"2023/24", SL_FREQ_ANNUAL, 1, 2023, 4, SL_PERIOD_FINANCIAL_YEAR, NULL},
        {"2024/25", SL_FREQ_ANNUAL, 1, 2024, 4, SL_PERIOD_FINANCIAL_YEAR, NULL},
        {"2025/26", SL_FREQ_ANNUAL, 0, 0, 0, 0, "has not begun"},
        {"2024/25-Q1", SL_FREQ_QUARTERLY, 1, 2024, 4, SL_PERIOD_QUARTER, NULL},
        {"2024/25-Q2", SL_FREQ_QUARTERLY, 0, 0, 0, 0, "has not begun"},
        {"2024-05", SL_FREQ_QUARTERLY, 0, 0, 0, 0, "like 2024/25-Q1"},
    };
    sl_day today = day(2024, 6, 15);
    for (size_t i = 0; i < COUNT(table); i++) {
        sl_period p;
        char why[200] = "";
        int rc = sl_figure_period_read(table[i].text, strlen(table[i].text), table[i].freq, today, &p, why, sizeof why);
        CHECK((rc == 0) == table[i].ok, "'%s' (%s): rc %d (%s)", table[i].text, sl_frequency_name(table[i].freq), rc,
              why);
        if (rc == 0 && table[i].ok)
            CHECK(p.first == day(table[i].y, table[i].m, 1) && p.kind == table[i].kind, "'%s' starts %d-%02d",
                  table[i].text, table[i].y, table[i].m);
        if (table[i].why)
            CHECK(strstr(why, table[i].why) != NULL, "'%s' says '%s', want '%s'", table[i].text, why, table[i].why);
    }
}

/* A string of n copies of c (n < 4096). */
static const char *repeat(char c, size_t n)
{
    static char text[4096];
    memset(text, c, n);
    text[n] = '\0';
    return text;
}

static void checks(void)
{
    sl_measure_def def;
    sl_measure_def_init(&def);
    def.unit = SL_UNIT_PERCENT;
    def.frequency = SL_FREQ_MONTHLY;
    sl_day today = day(2024, 6, 15);
    sl_figure_checked c;
    sl_figure_form good = {"2024-05", "61.5", "Liquidlogic extract", NULL, NULL, 0};
    CHECK(sl_figure_check(&good, &def, today, &c) == 0 && c.value == 61.5 && c.period.first == day(2024, 5, 1) &&
              sl_figure_first_error(&c) == NULL,
          "a good entry passes");
    sl_figure_form bad = {"2024-07", "N/A", "", NULL, "a reason", 0};
    CHECK(sl_figure_check(&bad, &def, today, &c) == 3 && c.period_error.set && c.value_error.set &&
              c.source_error.set && !c.note_error.set && !c.reason_error.set &&
              sl_figure_first_error(&c) == &c.period_error,
          "each bad field has its own message");
    CHECK(strstr(c.value_error.message, "Enter the figure") && strstr(c.source_error.message, "Liquidlogic"),
          "a missing figure is refused by hand: %s / %s", c.value_error.message, c.source_error.message);
    sl_figure_form correcting = {"2024-05", "63", "Extract", NULL, "", 1};
    CHECK(sl_figure_check(&correcting, &def, today, &c) == 1 && c.reason_error.set &&
              strstr(c.reason_error.message, "Say why"),
          "a correction needs its reason");
    struct {
        sl_figure_form form;
        size_t max;
        const char *field;
    } limits[] = {
        {{"2024-05", "61", NULL, NULL, NULL, 0}, SL_LIMIT_FIGURE_SOURCE, "The source"},
        {{"2024-05", "61", "x", NULL, NULL, 0}, SL_LIMIT_FIGURE_NOTE, "The note"},
        {{"2024-05", "61", "x", NULL, NULL, 1}, SL_LIMIT_REASON, "The reason"},
        {{NULL, "61", "x", NULL, NULL, 0}, SL_LIMIT_FIGURE_PERIOD, "The period"},
        {{"2024-05", NULL, "x", NULL, NULL, 0}, SL_LIMIT_FIGURE_VALUE, "The figure"},
    };
    for (size_t i = 0; i < COUNT(limits); i++) {
        for (int over = 0; over <= 1; over++) {
            sl_figure_form f = limits[i].form;
            const char *text = repeat('1', limits[i].max + (size_t)over);
            const char **slot = i == 0 ? &f.source : i == 1 ? &f.note : i == 2 ? &f.reason : i == 3 ? &f.period : &f.value;
            *slot = text;
            sl_figure_check(&f, &def, today, &c);
            const sl_error *e = i == 0 ? &c.source_error : i == 1 ? &c.note_error : i == 2 ? &c.reason_error
                                : i == 3 ? &c.period_error : &c.value_error;
            int limited = e->set && e->code == SL_ERR_LIMIT && strstr(e->message, limits[i].field);
            CHECK(limited == over, "%s at %zu characters%s: %s", limits[i].field, limits[i].max + (size_t)over,
                  over ? " is refused" : " is within the limit", e->message);
        }
    }
    sl_measure_def_free(&def);
}

static void words(void)
{
    char out[SL_FIGURE_WORDS];
    sl_period p = {SL_PERIOD_MONTH, day(2024, 5, 1), day(2024, 5, 31)};
    sl_figure_period_words(&p, out);
    CHECK(strcmp(out, "May 2024") == 0, "month in words: %s", out);
    p = (sl_period){SL_PERIOD_QUARTER, day(2025, 1, 1), day(2025, 3, 31)};
    sl_figure_period_words(&p, out);
    CHECK(strcmp(out, "2024/25 Q4") == 0, "quarter in words: %s", out);
    p = (sl_period){SL_PERIOD_FINANCIAL_YEAR, day(2023, 4, 1), day(2024, 3, 31)};
    sl_figure_period_words(&p, out);
    CHECK(strcmp(out, "2023/24") == 0, "financial year: %s", out);
    static const struct {
        const char *ts, *want;
    } times[] = {
        {"2024-06-15T10:00:00Z", "15 Jun 2024, 11:00 BST"},
        {"2024-12-02T15:09:32Z", "2 Dec 2024, 15:09 GMT"},
        {"2024-06-30T23:30:00Z", "1 Jul 2024, 00:30 BST"},
        {"2024-03-31T00:59:00Z", "31 Mar 2024, 00:59 GMT"},
        {"2024-03-31T01:00:00Z", "31 Mar 2024, 02:00 BST"},
        {"not a time", "not a time"},
        {"2024-02-30T10:00:00Z", "2024-02-30T10:00:00Z"},
    };
    for (size_t i = 0; i < COUNT(times); i++) {
        sl_figure_when_words(times[i].ts, out);
        CHECK(strcmp(out, times[i].want) == 0, "%s in words: %s, want %s", times[i].ts, out, times[i].want);
    }
    sl_figure_change change;
    for (int k = SL_CHANGE_ENTERED; k <= SL_CHANGE_MISSING; k++)
        CHECK(sl_figure_change_parse(sl_figure_change_name((sl_figure_change)k), &change) == 0 && (int)change == k,
              "change %d round trip", k);
    CHECK(sl_figure_change_parse("deleted", &change) < 0, "no change word 'deleted'");
}

void test_figure(void)
{
    values();
    periods();
    checks();
    words();
}
