/* test_measures.c — measures: periods, numbers and units, trajectory RAG and
 * direction of travel, the contract's four measures, the `measures load`
 * reader, prose baselines/milestones/targets (every one in the Barking &
 * Dagenham sample), workforce rates, and the SVG charts (parsed back for
 * well-formedness and point coordinates). Every case is a row in a table. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "domain/measure.h"
#include "domain/period.h"
#include "domain/trajectory.h"
#include "domain/workforce.h"
#include "import/kind/measure/measure_text.h"
#include "import/kind/measure/measure_values.h"
#include "report/chart_svg.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* Returns the day of an ISO date written in a test table (must be valid). */
static sl_day iso(const char *text)
{
    sl_day day = SL_NO_DAY;
    int ok = sl_day_parse_iso(text, &day) == 0;
    CHECK(ok, "test table date %s does not parse", text);
    return day;
}

/* Returns 1 when a and b differ by less than 1e-6. */
static int near(double a, double b)
{
    return a - b < 1e-6 && b - a < 1e-6;
}

/* ------------------------------------------------------------------------ */
/* Periods                                                                   */
/* ------------------------------------------------------------------------ */

/* Every period form of period.h → its first and last day and canonical text; refusals. */
static void test_period_parse(void)
{
    static const struct {
        const char *text;
        sl_period_kind kind;    /* SL_PERIOD_NONE: refused */
        const char *first, *last, *canonical;
    } cases[] = {
        {"2017-09", SL_PERIOD_MONTH, "2017-09-01", "2017-09-30", "2017-09"},
        {" 2015-02 ", SL_PERIOD_MONTH, "2015-02-01", "2015-02-28", "2015-02"},
        {"2016-02", SL_PERIOD_MONTH, "2016-02-01", "2016-02-29", "2016-02"},
        /* YYYY-Qn is a calendar quarter (ISO/SDMX) … */
        {"2017-Q1", SL_PERIOD_QUARTER, "2017-01-01", "2017-03-31", "2017-Q1"},
        {"2017-Q2", SL_PERIOD_QUARTER, "2017-04-01", "2017-06-30", "2017-Q2"},
        {"2017-q4", SL_PERIOD_QUARTER, "2017-10-01", "2017-12-31", "2017-Q4"},
        /* … and the financial forms number quarters from April (DOMAIN.md). */
        {"2017/18-Q1", SL_PERIOD_QUARTER, "2017-04-01", "2017-06-30", "2017-Q2"},
        {"2017/18-Q4", SL_PERIOD_QUARTER, "2018-01-01", "2018-03-31", "2018-Q1"},
        {"Q2 2014/15", SL_PERIOD_QUARTER, "2014-07-01", "2014-09-30", "2014-Q3"},
        {"2017/18", SL_PERIOD_FINANCIAL_YEAR, "2017-04-01", "2018-03-31", "2017/18"},
        {"2017/2018", SL_PERIOD_FINANCIAL_YEAR, "2017-04-01", "2018-03-31", "2017/18"},
        {"2099/00", SL_PERIOD_FINANCIAL_YEAR, "2099-04-01", "2100-03-31", "2099/00"},
        {"2017-09-30", SL_PERIOD_DAY, "2017-09-30", "2017-09-30", "2017-09-30"},
        {"2016-02-29", SL_PERIOD_DAY, "2016-02-29", "2016-02-29", "2016-02-29"},
        {"2017", SL_PERIOD_NONE, NULL, NULL, NULL},
        {"2017-13", SL_PERIOD_NONE, NULL, NULL, NULL},
        {"2017-00", SL_PERIOD_NONE, NULL, NULL, NULL},
        {"2017-9", SL_PERIOD_NONE, NULL, NULL, NULL},
        {"2017-02-29", SL_PERIOD_NONE, NULL, NULL, NULL},
        {"2017-Q5", SL_PERIOD_NONE, NULL, NULL, NULL},
        {"2017/19", SL_PERIOD_NONE, NULL, NULL, NULL},
        {"2017/18-Q0", SL_PERIOD_NONE, NULL, NULL, NULL},
        {"Sept 2017", SL_PERIOD_NONE, NULL, NULL, NULL},
        {"", SL_PERIOD_NONE, NULL, NULL, NULL},
        {"2017-09x", SL_PERIOD_NONE, NULL, NULL, NULL},
        {"0999-01", SL_PERIOD_NONE, NULL, NULL, NULL},
    };
    for (size_t i = 0; i < COUNT(cases); i++) {
        sl_period p;
        char why[160];
        int rc = sl_period_parse(cases[i].text, strlen(cases[i].text), &p, why, sizeof why);
        if (cases[i].kind == SL_PERIOD_NONE) {
            CHECK(rc < 0 && why[0], "period '%s' should be refused", cases[i].text);
            continue;
        }
        char text[SL_PERIOD_TEXT];
        sl_period_format(&p, text);
        CHECK(rc == 0 && p.kind == cases[i].kind && p.first == iso(cases[i].first) && p.last == iso(cases[i].last) &&
                  strcmp(text, cases[i].canonical) == 0,
              "period '%s': rc %d kind %d, formatted '%s' (%s)", cases[i].text, rc, p.kind, text, why);
    }
    sl_period p;
    char why[160];
    sl_period_parse("2017", 4, &p, why, sizeof why);
    CHECK(strstr(why, "ambiguous") != NULL, "a bare year explains itself: %s", why);
}

/* Which periods fit which frequency, the last period ended before a day, shifts and slots. */
static void test_period_frequency(void)
{
    static const struct {
        const char *period;
        sl_frequency freq;
        int actual_fits, comparator_fits;
    } fits[] = {
        {"2015-08", SL_FREQ_MONTHLY, 1, 1},        {"2015-Q2", SL_FREQ_MONTHLY, 0, 1},
        {"2015/16", SL_FREQ_MONTHLY, 0, 1},        {"2015-08-31", SL_FREQ_MONTHLY, 1, 1},
        {"2015-Q2", SL_FREQ_QUARTERLY, 1, 1},      {"2015-08", SL_FREQ_QUARTERLY, 0, 0},
        {"2015/16", SL_FREQ_QUARTERLY, 0, 1},      {"2015/16", SL_FREQ_ANNUAL, 1, 1},
        {"2015-Q2", SL_FREQ_ANNUAL, 0, 0},         {"2016-03-31", SL_FREQ_ANNUAL, 1, 1},
        {"2015-08", SL_FREQ_UNSET, 1, 1},
    };
    for (size_t i = 0; i < COUNT(fits); i++) {
        sl_period p;
        sl_period_parse(fits[i].period, strlen(fits[i].period), &p, NULL, 0);
        CHECK(sl_period_fits(&p, fits[i].freq, 0) == fits[i].actual_fits &&
                  sl_period_fits(&p, fits[i].freq, 1) == fits[i].comparator_fits,
              "fit of %s to %s", fits[i].period, sl_frequency_name(fits[i].freq));
    }

    static const struct {
        const char *as_of;
        sl_frequency freq;
        const char *want;   /* canonical text of the most recent period ended before as_of */
    } ended[] = {
        {"2015-09-10", SL_FREQ_MONTHLY, "2015-08"},   {"2015-09-01", SL_FREQ_MONTHLY, "2015-08"},
        {"2015-08-31", SL_FREQ_MONTHLY, "2015-07"},   {"2015-01-15", SL_FREQ_MONTHLY, "2014-12"},
        {"2015-09-10", SL_FREQ_QUARTERLY, "2015-Q2"}, {"2015-10-01", SL_FREQ_QUARTERLY, "2015-Q3"},
        {"2015-02-01", SL_FREQ_QUARTERLY, "2014-Q4"}, {"2015-09-10", SL_FREQ_ANNUAL, "2014/15"},
        {"2015-04-01", SL_FREQ_ANNUAL, "2014/15"},    {"2015-03-31", SL_FREQ_ANNUAL, "2013/14"},
    };
    for (size_t i = 0; i < COUNT(ended); i++) {
        char text[SL_PERIOD_TEXT];
        sl_period p = sl_period_last_ended_before(iso(ended[i].as_of), ended[i].freq);
        sl_period_format(&p, text);
        CHECK(strcmp(text, ended[i].want) == 0 && p.last < iso(ended[i].as_of), "last ended before %s (%s): %s",
              ended[i].as_of, sl_frequency_name(ended[i].freq), text);
    }

    sl_period aug = sl_period_containing(iso("2015-08-17"), SL_FREQ_MONTHLY);
    sl_period year_ago = sl_period_shift(&aug, SL_FREQ_MONTHLY, -12);
    sl_period day, slot;
    sl_period_parse("2015-08-31", 10, &day, NULL, 0);
    slot = sl_period_slot(&day, SL_FREQ_MONTHLY);
    CHECK(year_ago.first == iso("2014-08-01") && year_ago.last == iso("2014-08-31"), "a year before 2015-08");
    CHECK(sl_period_equal(&slot, &aug), "a day stands for the month holding it");
    sl_frequency f;
    CHECK(sl_frequency_parse("Quarterly", &f) == 0 && f == SL_FREQ_QUARTERLY && sl_frequency_parse("weekly", &f) < 0,
          "frequency words");
}

/* ------------------------------------------------------------------------ */
/* Numbers, units, definitions, catalogue                                    */
/* ------------------------------------------------------------------------ */

/* Locale-free numbers, unit ranges (a percentage of 140 is refused), unit and polarity words. */
static void test_numbers_and_units(void)
{
    static const struct {
        const char *text;
        int ok;
        double value;
    } numbers[] = {
        {"84", 1, 84},       {" 86.5 ", 1, 86.5}, {"-3", 1, -3},    {"+2", 1, 2},      {"0.1", 1, 0.1},
        {"007", 1, 7},       {".5", 1, 0.5},      {"5.", 1, 5},     {"abc", 0, 0},     {"", 0, 0},
        {"1e3", 0, 0},       {"1,000", 0, 0},     {"8 4", 0, 0},    {"-", 0, 0},       {"1.2.3", 0, 0},
        {"123456789012345", 1, 123456789012345.0}, {"1234567890123456", 0, 0},
    };
    for (size_t i = 0; i < COUNT(numbers); i++) {
        double v = -999;
        int rc = sl_measure_parse_number(numbers[i].text, strlen(numbers[i].text), &v);
        CHECK((rc == 0) == numbers[i].ok && (!numbers[i].ok || v == numbers[i].value), "number '%s': rc %d value %g",
              numbers[i].text, rc, v);
    }
    static const struct {
        double value;
        int decimals;
        const char *want;
    } formats[] = {
        {86, 1, "86"}, {84.0196, 2, "84.02"}, {-3.5, 1, "-3.5"}, {0.04, 1, "0"}, {-0.04, 1, "0"},
        {332.9, 1, "332.9"}, {1e20, 2, "100000000000000000000"}, {2.5, 0, "3"},
    };
    for (size_t i = 0; i < COUNT(formats); i++) {
        char got[32];
        sl_measure_format_number(formats[i].value, formats[i].decimals, got);
        CHECK(strcmp(got, formats[i].want) == 0, "format %g: '%s', want '%s'", formats[i].value, got, formats[i].want);
    }
    static const struct {
        sl_unit unit;
        double value;
        int ok;
        const char *shown;
    } units[] = {
        {SL_UNIT_PERCENT, 100, 1, "100%"},         {SL_UNIT_PERCENT, 140, 0, NULL},
        {SL_UNIT_PERCENT, -1, 0, NULL},            {SL_UNIT_PERCENT, 0, 1, "0%"},
        {SL_UNIT_COUNT, 7, 1, "7"},                {SL_UNIT_COUNT, -1, 0, NULL},
        {SL_UNIT_RATE_10K, 332.9, 1, "332.9 per 10,000"}, {SL_UNIT_DAYS, 33, 1, "33 days"},
        {SL_UNIT_DAYS, -2, 0, NULL},               {SL_UNIT_POUNDS, -500, 1, "-\xC2\xA3" "500"},
        {SL_UNIT_FTE, 12.5, 1, "12.5 FTE"},        {SL_UNIT_FTE, -0.5, 0, NULL},
    };
    for (size_t i = 0; i < COUNT(units); i++) {
        char why[128] = "", shown[SL_VALUE_TEXT];
        int rc = sl_unit_check_value(units[i].unit, units[i].value, why, sizeof why);
        CHECK((rc == 0) == units[i].ok && (units[i].ok || why[0]), "%s %g: rc %d", sl_unit_name(units[i].unit),
              units[i].value, rc);
        if (units[i].shown) {
            sl_unit_format_value(units[i].unit, units[i].value, shown);
            CHECK(strcmp(shown, units[i].shown) == 0, "shown '%s', want '%s'", shown, units[i].shown);
        }
    }
    static const struct {
        const char *word;
        sl_unit unit;
    } unit_words[] = {{"percent", SL_UNIT_PERCENT}, {"%", SL_UNIT_PERCENT},  {"Count", SL_UNIT_COUNT},
                      {"rate", SL_UNIT_RATE_10K},   {"days", SL_UNIT_DAYS},  {"pounds", SL_UNIT_POUNDS},
                      {"FTE", SL_UNIT_FTE},         {"litres", SL_UNIT_UNSET}};
    for (size_t i = 0; i < COUNT(unit_words); i++) {
        sl_unit u = SL_UNIT_UNSET;
        int rc = sl_unit_parse(unit_words[i].word, &u);
        CHECK(unit_words[i].unit == SL_UNIT_UNSET ? rc < 0 : rc == 0 && u == unit_words[i].unit, "unit word %s",
              unit_words[i].word);
    }
    sl_polarity pol;
    CHECK(sl_polarity_parse("Lower", &pol) == 0 && pol == SL_POLARITY_LOWER && sl_polarity_parse("sideways", &pol) < 0,
          "polarity words");
}

/* Fills def as the contract's `measure add` does: monthly, with a baseline
 * and milestones or a target. The caller frees it. */
static void contract_def(sl_measure_def *def, const char *code, sl_polarity polarity)
{
    sl_measure_def_init(def);
    snprintf(def->code, sizeof def->code, "%s", code);
    sl_measure_def_set_text(&def->name, code, strlen(code));
    def->unit = SL_UNIT_PERCENT;
    def->polarity = polarity;
    def->frequency = SL_FREQ_MONTHLY;
    if (polarity == SL_POLARITY_LOWER) {
        sl_measure_point_parse("30@2014-10-01", &def->baseline, NULL, 0);
        sl_measure_point_parse("22@2015-03-31", &def->target, NULL, 0);
        def->tolerance = 2;
    } else {
        sl_measure_point milestone;
        sl_measure_point_parse("75@2014-10-01", &def->baseline, NULL, 0);
        sl_measure_point_parse("80@2015-04-30", &milestone, NULL, 0);
        sl_measure_def_add_milestone(def, milestone.value, milestone.day);
        sl_measure_point_parse("85@2015-09", &milestone, NULL, 0);
        sl_measure_def_add_milestone(def, milestone.value, milestone.day);
        def->tolerance = 3;
    }
}

/* VALUE@DATE points, the definition check, relative targets and the standard indicator catalogue. */
static void test_definitions(void)
{
    sl_measure_def def;
    sl_error err = {0};
    contract_def(&def, "MGREEN", SL_POLARITY_HIGHER);
    CHECK(def.baseline.value == 75 && def.baseline.day == iso("2014-10-01") && def.n_milestones == 2 &&
              def.milestones[1].day == iso("2015-09-30"),
          "VALUE@DATE points (a month means its last day)");
    CHECK(sl_measure_def_check(&def, &err) == 0, "contract definition is valid: %s", err.message);

    static const struct {
        const char *what;
        const char *code;
        double baseline, tolerance;
        const char *milestone_day;
    } bad[] = {
        {"bad code", "M GREEN", 75, 3, "2015-04-30"},
        {"baseline 140%", "M1", 140, 3, "2015-04-30"},
        {"negative tolerance", "M1", 75, -1, "2015-04-30"},
        {"milestone before baseline", "M1", 75, 3, "2014-01-31"},
    };
    for (size_t i = 0; i < COUNT(bad); i++) {
        sl_measure_def copy;
        sl_error e = {0};
        sl_measure_def_copy(&copy, &def);
        snprintf(copy.code, sizeof copy.code, "%s", bad[i].code);
        copy.baseline.value = bad[i].baseline;
        copy.tolerance = bad[i].tolerance;
        copy.milestones[0].day = iso(bad[i].milestone_day);
        CHECK(sl_measure_def_check(&copy, &e) < 0 && e.set, "definition with %s is refused", bad[i].what);
        sl_measure_def_free(&copy);
    }
    sl_measure_point p;
    char why[128];
    CHECK(sl_measure_point_parse("abc@2015-01-01", &p, why, sizeof why) < 0 && why[0], "bad point value");
    CHECK(sl_measure_point_parse("80@2015-13-01", &p, why, sizeof why) < 0, "bad point date");
    CHECK(sl_measure_point_parse("80", &p, why, sizeof why) == 0 && p.set && p.day == SL_NO_DAY, "undated point");

    double target = 0;
    def.target.set = 1;
    def.target.value = -20;
    def.target_relative = 1;
    CHECK(sl_measure_target_value(&def, &target) == 0 && near(target, 60), "relative target -20%% of 75 = %g",
          target);
    sl_measure_def_free(&def);

    size_t n;
    const sl_indicator *all = sl_indicators(&n);
    CHECK(n == 22, "22 standard indicators, got %zu", n);
    for (size_t i = 0; i < n; i++) {
        sl_measure_value v;
        sl_measure_def from_catalogue;
        sl_error e = {0};
        sl_indicator_to_def(&all[i], &from_catalogue);
        CHECK(sl_measure_def_check(&from_catalogue, &e) == 0, "catalogue %s: %s", all[i].code, e.message);
        CHECK(!all[i].has_england || (sl_indicator_england_value(&all[i], &v) == 0 &&
                                      sl_unit_check_value(all[i].unit, v.value, NULL, 0) == 0 &&
                                      strcmp(v.series, "england") == 0),
              "catalogue %s England figure and period", all[i].code);
        sl_measure_def_free(&from_catalogue);
    }
    const sl_indicator *cin = sl_indicator_find("cin_rate");
    CHECK(cin && cin->polarity == SL_POLARITY_CONTEXT && cin->unit == SL_UNIT_RATE_10K && near(cin->england, 332.9),
          "CIN_RATE entry");
    CHECK(sl_indicator_find("ICPC_15WD") && !sl_indicator_find("ICPC_15WD")->has_england, "ICPC_15WD has no figure");
}

/* ------------------------------------------------------------------------ */
/* Trajectory, RAG, direction                                                 */
/* ------------------------------------------------------------------------ */

/* Returns a value of series for a period written as text. */
static sl_measure_value value_of(const char *code, const char *period, double value, const char *series)
{
    sl_measure_value v;
    memset(&v, 0, sizeof v);
    snprintf(v.code, sizeof v.code, "%s", code);
    snprintf(v.series, sizeof v.series, "%s", series);
    sl_period_parse(period, strlen(period), &v.period, NULL, 0);
    v.value = value;
    return v;
}

/* Interpolated expected values, the RAG rule across polarity and tolerance edges, and trends. */
static void test_trajectory(void)
{
    sl_measure_def higher, lower;
    contract_def(&higher, "H", SL_POLARITY_HIGHER);
    contract_def(&lower, "L", SL_POLARITY_LOWER);
    static const struct {
        int lower;
        const char *day;
        double want;
    } expected[] = {
        {0, "2014-01-01", 75},  /* flat before the baseline */
        {0, "2014-10-01", 75},  {0, "2015-04-30", 80}, {0, "2015-09-30", 85},
        {0, "2016-06-30", 85},  /* held after the last point */
        {0, "2015-08-31", 80 + 5.0 * 123 / 153},
        {0, "2015-01-15", 75 + 5.0 * 106 / 211},
        {1, "2014-10-01", 30},  {1, "2015-03-31", 22}, {1, "2015-08-31", 22},
        {1, "2014-12-30", 30 - 8.0 * 90 / 181},
    };
    for (size_t i = 0; i < COUNT(expected); i++) {
        double got = -1;
        int rc = sl_trajectory_expected(expected[i].lower ? &lower : &higher, iso(expected[i].day), &got);
        CHECK(rc == 0 && near(got, expected[i].want), "expected at %s: %g, want %g", expected[i].day, got,
              expected[i].want);
    }
    sl_measure_def empty;
    double got;
    sl_measure_def_init(&empty);
    CHECK(sl_trajectory_expected(&empty, iso("2015-01-01"), &got) < 0, "no points, no trajectory");
    empty.target.set = 1;
    empty.target.value = 90;
    CHECK(sl_trajectory_expected(&empty, iso("2015-01-01"), &got) == 0 && got == 90, "an undated target is flat");

    static const struct {
        sl_polarity polarity;
        double actual, expected, tolerance;
        sl_rag want;
    } rags[] = {
        {SL_POLARITY_HIGHER, 86, 84, 3, SL_RAG_GREEN},   {SL_POLARITY_HIGHER, 84, 84, 3, SL_RAG_GREEN},
        {SL_POLARITY_HIGHER, 83.9, 84, 3, SL_RAG_AMBER}, {SL_POLARITY_HIGHER, 81, 84, 3, SL_RAG_AMBER},
        {SL_POLARITY_HIGHER, 80.9, 84, 3, SL_RAG_RED},   {SL_POLARITY_HIGHER, 83.9, 84, 0, SL_RAG_RED},
        {SL_POLARITY_HIGHER, 0.3, 0.1 + 0.2, 0, SL_RAG_GREEN},
        {SL_POLARITY_LOWER, 21, 22, 2, SL_RAG_GREEN},    {SL_POLARITY_LOWER, 22, 22, 2, SL_RAG_GREEN},
        {SL_POLARITY_LOWER, 24, 22, 2, SL_RAG_AMBER},    {SL_POLARITY_LOWER, 24.1, 22, 2, SL_RAG_RED},
        {SL_POLARITY_LOWER, 22.5, 22, 0, SL_RAG_RED},
        {SL_POLARITY_CONTEXT, 500, 22, 2, SL_RAG_NONE},  {SL_POLARITY_UNSET, 500, 22, 2, SL_RAG_NONE},
    };
    for (size_t i = 0; i < COUNT(rags); i++) {
        sl_rag rag = sl_trajectory_rag(rags[i].polarity, rags[i].actual, rags[i].expected, rags[i].tolerance);
        CHECK(rag == rags[i].want, "rag %s actual %g expected %g tol %g: %s", sl_polarity_name(rags[i].polarity),
              rags[i].actual, rags[i].expected, rags[i].tolerance, sl_rag_name(rag));
    }
    static const struct {
        sl_polarity polarity;
        double earlier, later;
        sl_trend want;
    } trends[] = {
        {SL_POLARITY_HIGHER, 84, 86, SL_TREND_IMPROVING}, {SL_POLARITY_HIGHER, 86, 84, SL_TREND_WORSENING},
        {SL_POLARITY_LOWER, 24, 21, SL_TREND_IMPROVING},  {SL_POLARITY_LOWER, 21, 24, SL_TREND_WORSENING},
        {SL_POLARITY_HIGHER, 84, 84, SL_TREND_FLAT},      {SL_POLARITY_CONTEXT, 300, 330, SL_TREND_UP},
        {SL_POLARITY_CONTEXT, 330, 300, SL_TREND_DOWN},   {SL_POLARITY_CONTEXT, 330, 330, SL_TREND_FLAT},
    };
    for (size_t i = 0; i < COUNT(trends); i++)
        CHECK(sl_trend_between(trends[i].polarity, trends[i].earlier, trends[i].later) == trends[i].want,
              "trend %s %g → %g", sl_polarity_name(trends[i].polarity), trends[i].earlier, trends[i].later);
    sl_measure_def_free(&higher);
    sl_measure_def_free(&lower);
}

/* The contract's four measures as of 2015-09-10, exactly as its check reads them. */
static void test_contract_measures(void)
{
    static const struct {
        const char *code;
        sl_polarity polarity;
        sl_rag want;
        double latest;
    } contract[] = {
        {"MGREEN", SL_POLARITY_HIGHER, SL_RAG_GREEN, 86},
        {"MAMBER", SL_POLARITY_HIGHER, SL_RAG_AMBER, 82},
        {"MRED", SL_POLARITY_HIGHER, SL_RAG_RED, 78},
        {"MLOW", SL_POLARITY_LOWER, SL_RAG_GREEN, 21},
    };
    const sl_measure_value values[] = {
        value_of("MGREEN", "2015-07", 84, "actual"), value_of("MGREEN", "2015-08", 86, "actual"),
        value_of("MAMBER", "2015-08", 82, "actual"), value_of("MRED", "2015-08", 78, "actual"),
        value_of("MLOW", "2015-08", 21, "actual"),   value_of("MGREEN", "2015-08", 80, "england"),
    };
    for (size_t i = 0; i < COUNT(contract); i++) {
        sl_measure_def def;
        sl_measure_status st;
        contract_def(&def, contract[i].code, contract[i].polarity);
        sl_measure_assess(&def, values, COUNT(values), iso("2015-09-10"), &st);
        char period[SL_PERIOD_TEXT];
        sl_period_format(&st.period, period);
        CHECK(st.rag == contract[i].want && st.has_latest && st.latest == contract[i].latest &&
                  strcmp(period, "2015-08") == 0,
              "%s: %s (%s), latest %g", contract[i].code, sl_rag_name(st.rag), st.reason, st.latest);
        if (i == 0)
            CHECK(st.vs_previous == SL_TREND_IMPROVING && st.has_previous && st.previous == 84 &&
                      strncmp(sl_trend_name(st.vs_previous), "improv", 6) == 0 && !st.has_year_ago &&
                      st.vs_year_ago == SL_TREND_NONE,
                  "MGREEN improving against 2015-07");
        sl_measure_def_free(&def);
    }
    const sl_measure_value *england = sl_measure_latest(values, COUNT(values), "MGREEN", "england", iso("2015-09-10"));
    CHECK(england && england->value == 80, "MGREEN england comparator 80");
}

/* No data, context polarity, stale data and year-ago direction. */
static void test_assess_edges(void)
{
    sl_measure_def def;
    sl_measure_status st;
    contract_def(&def, "M", SL_POLARITY_HIGHER);
    const sl_measure_value stale[] = {value_of("M", "2014-09", 70, "actual"), value_of("M", "2015-07", 84, "actual"),
                                      value_of("M", "2015-08", 90, "england"),
                                      value_of("OTHER", "2015-08", 99, "actual")};
    sl_measure_assess(&def, stale, COUNT(stale), iso("2015-09-10"), &st);
    CHECK(st.rag == SL_RAG_NONE && strstr(st.reason, "no data for 2015-08") && st.has_latest && st.latest == 84,
          "no actual for the last period: no RAG (%s)", st.reason);
    CHECK(st.has_year_ago == 0 && st.has_previous == 0, "no neighbours of 2015-07");

    const sl_measure_value year[] = {value_of("M", "2014-08", 70, "actual"), value_of("M", "2015-07", 90, "actual"),
                                     value_of("M", "2015-08", 88, "actual"), value_of("M", "2015-09", 95, "actual")};
    sl_measure_assess(&def, year, COUNT(year), iso("2015-09-10"), &st);
    CHECK(st.rag == SL_RAG_GREEN && st.latest == 88 && st.vs_previous == SL_TREND_WORSENING &&
              st.vs_year_ago == SL_TREND_IMPROVING && st.year_ago == 70,
          "2015-09 is not over yet; 88 is worse than 90 but better than 70 a year ago");

    sl_measure_assess(&def, year, 0, iso("2015-09-10"), &st);
    CHECK(st.rag == SL_RAG_NONE && !st.has_latest && st.vs_previous == SL_TREND_NONE, "no values at all");

    def.polarity = SL_POLARITY_CONTEXT;
    sl_measure_assess(&def, year, COUNT(year), iso("2015-09-10"), &st);
    CHECK(st.rag == SL_RAG_NONE && strstr(st.reason, "context") && st.vs_previous == SL_TREND_DOWN,
          "context measure: not rated, direction down (%s)", st.reason);

    def.polarity = SL_POLARITY_LOWER;
    def.frequency = SL_FREQ_QUARTERLY;
    def.n_milestones = 0;
    def.baseline.set = 0;
    def.target.set = 1;
    def.target.value = 20;
    def.target.day = iso("2015-03-31");
    def.tolerance = 1;
    const sl_measure_value quarters[] = {value_of("M", "2015-Q1", 25, "actual"), value_of("M", "2015-Q2", 20.5, "actual"),
                                         value_of("M", "2014-Q2", 30, "actual")};
    sl_measure_assess(&def, quarters, COUNT(quarters), iso("2015-09-10"), &st);
    CHECK(st.rag == SL_RAG_AMBER && st.vs_previous == SL_TREND_IMPROVING && st.vs_year_ago == SL_TREND_IMPROVING,
          "quarterly lower-is-better: 20.5 against 20 with tolerance 1 is amber (%s)", st.reason);
    sl_measure_def_free(&def);
}

/* ------------------------------------------------------------------------ */
/* measures load                                                             */
/* ------------------------------------------------------------------------ */

/* The `measures load` reader: a good file, the default series, and each bad row kind with its line. */
static void test_load(void)
{
    sl_measure_def defs[3];
    contract_def(&defs[0], "MGREEN", SL_POLARITY_HIGHER);
    contract_def(&defs[1], "MRED", SL_POLARITY_HIGHER);
    contract_def(&defs[2], "CASES", SL_POLARITY_LOWER);
    defs[2].unit = SL_UNIT_COUNT;
    defs[2].frequency = SL_FREQ_QUARTERLY;
    sl_measure_def_list list = {defs, COUNT(defs)};

    static const char good[] = "code,period,value,series\n"
                               "MGREEN,2015-07,84,actual\n"
                               "MGREEN,2015-08,86,\n"
                               "\n"
                               "MGREEN,2015-08,80,England\n"
                               "MGREEN,2014/15,79,england\n"
                               "MRED,2015-08-31,78,Barking and Dagenham\n"
                               "CASES,2015/16-Q1,\" 17 \",actual\n";
    sl_measure_value *rows = NULL;
    size_t n = 0;
    sl_error err = {0};
    int rc = sl_measure_values_read(good, strlen(good), "v.csv", sl_measure_lookup_in_defs, &list, &rows, &n, &err);
    CHECK(rc == 0 && n == 6, "good file: rc %d, %zu rows (%s)", rc, n, err.message);
    if (rc == 0 && n == 6) {
        CHECK(strcmp(rows[1].series, "actual") == 0 && strcmp(rows[2].series, "england") == 0 &&
                  strcmp(rows[4].series, "Barking and Dagenham") == 0 && rows[5].value == 17 &&
                  rows[5].period.first == iso("2015-04-01"),
              "series default and canonical names; quarter; spaces round a value");
    }
    free(rows);

    static const char header_only[] = "\xEF\xBB\xBF" "Code , Period,VALUE\n";
    rc = sl_measure_values_read(header_only, strlen(header_only), "v.csv", sl_measure_lookup_in_defs, &list, &rows,
                                &n, &err);
    CHECK(rc == 0 && n == 0 && rows == NULL, "a header alone (with BOM, any case) loads nothing");

    static const char no_series[] = "period,value,code\r\n2015-08,86,MGREEN\r\n";
    rc = sl_measure_values_read(no_series, strlen(no_series), "v.csv", sl_measure_lookup_in_defs, &list, &rows, &n,
                                &err);
    CHECK(rc == 0 && n == 1 && strcmp(rows[0].series, "actual") == 0 && rows[0].value == 86,
          "series column absent: actual");
    free(rows);

    static const struct {
        const char *what;
        const char *csv;
        long line;
        const char *message;
    } bad[] = {
        {"unknown code", "code,period,value\nMGREEN,2015-08,86\nNOPE,2015-08,1\n", 3, "unknown measure code"},
        {"not a number", "code,period,value\nMGREEN,2015-08,eighty\n", 2, "not a number"},
        {"percentage of 140", "code,period,value,series\nMGREEN,2015-09,88,actual\nMRED,2015-09,140,actual\n", 3,
         "above 100"},
        {"negative count", "code,period,value\nCASES,2015-Q2,-1\n", 2, "below 0"},
        {"financial year for a monthly actual", "code,period,value\nMGREEN,2015/16,80\n", 2, "does not fit monthly"},
        {"month for a quarterly comparator", "code,period,value,series\nCASES,2015-08,8,england\n", 2,
         "does not fit quarterly"},
        {"bad period", "code,period,value\nMGREEN,2015-13,80\n", 2, "period '2015-13'"},
        {"duplicate", "code,period,value\nMGREEN,2015-08,80\nMRED,2015-08,80\nMGREEN,2015-08,81\n", 4,
         "already given on line 2"},
        {"duplicate slot (day in a month)", "code,period,value\nMGREEN,2015-08,80\nMGREEN,2015-08-31,81\n", 3,
         "duplicate"},
        {"too few fields", "code,period,value\nMGREEN,2015-08\n", 2, "fields"},
        {"unknown column", "code,period,value,note\nMGREEN,2015-08,1,x\n", 1, "unknown column 'note'"},
        {"missing column", "code,value\nMGREEN,1\n", 1, "missing column"},
        {"empty file", "", 1, "empty file"},
        {"broken quotes", "code,period,value\nMGREEN,2015-08,\"80\n", 2, "never closed"},
        {"bad code", "code,period,value\nM GREEN,2015-08,80\n", 2, "not a measure code"},
        {"control bytes in series", "code,period,value,series\nMGREEN,2015-08,80,a\x01" "b\n", 2, "series"},
    };
    for (size_t i = 0; i < COUNT(bad); i++) {
        sl_error e = {0};
        rows = (sl_measure_value *)&e;          /* must come back NULL */
        n = 99;
        rc = sl_measure_values_read(bad[i].csv, strlen(bad[i].csv), "bad.csv", sl_measure_lookup_in_defs, &list,
                                    &rows, &n, &e);
        CHECK(rc < 0 && rows == NULL && n == 0 && e.line == bad[i].line && strcmp(e.file, "bad.csv") == 0 &&
                  strstr(e.message, bad[i].message),
              "load refuses %s: rc %d line %ld (want %ld): %s", bad[i].what, rc, e.line, bad[i].line, e.message);
    }
    for (size_t i = 0; i < COUNT(defs); i++)
        sl_measure_def_free(&defs[i]);
}

/* ------------------------------------------------------------------------ */
/* Prose                                                                     */
/* ------------------------------------------------------------------------ */

/* Appends a point as "75", "7@2014-04-30" or "-" to out. */
static void describe_point(char *out, size_t size, const sl_measure_point *p, int relative)
{
    char value[32], day[11];
    if (!p->set) {
        strncat(out, "-", size - strlen(out) - 1);
        return;
    }
    sl_measure_format_number(p->value, 2, value);
    strncat(out, value, size - strlen(out) - 1);
    if (relative)
        strncat(out, "%rel", size - strlen(out) - 1);
    if (p->day != SL_NO_DAY) {
        sl_day_format(p->day, day);
        strncat(out, "@", size - strlen(out) - 1);
        strncat(out, day, size - strlen(out) - 1);
    }
}

/* Writes the suggestions as "name|unit|polarity|baseline|milestones|target"
 * joined by " ;; " into out. */
static void describe_suggestions(const sl_measure_suggestion *list, size_t n, char *out, size_t size)
{
    out[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        const sl_measure_def *d = &list[i].def;
        char part[512];
        snprintf(part, sizeof part, "%s%s|%s|%s|", i ? " ;; " : "", d->name ? d->name : "",
                 sl_unit_name(d->unit), sl_polarity_name(d->polarity));
        strncat(out, part, size - strlen(out) - 1);
        describe_point(out, size, &d->baseline, 0);
        strncat(out, "|", size - strlen(out) - 1);
        for (int k = 0; k < d->n_milestones; k++) {
            if (k)
                strncat(out, " ", size - strlen(out) - 1);
            describe_point(out, size, &d->milestones[k], 0);
        }
        if (d->n_milestones == 0)
            strncat(out, "-", size - strlen(out) - 1);
        strncat(out, "|", size - strlen(out) - 1);
        describe_point(out, size, &d->target, d->target_relative);
    }
}

/* Prose → suggestions: the brief's four forms, every Baseline/Milestone of Barking & Dagenham, more. */
static void test_prose(void)
{
    static const struct {
        const char *text;
        int context_year;
        const char *want;
    } cases[] = {
        /* The four forms of the brief. */
        {"Baseline \xE2\x80\x93 75% of assessments completed within 45 days. Milestone 80% by April 2015, 85% by Sept 2015",
         2014, "assessments completed within 45 days|percent|higher|75|80@2015-04-30 85@2015-09-30|-"},
        {"Baseline - 7 in April 2014 Milestone 9 by Sept 2014 12 by April 2015", 2014,
         "|count|higher|7@2014-04-30|9@2014-09-30 12@2015-04-30|-"},
        {"target is 20% reduction in PP numbers by March 2015", 2014, "PP numbers|count|lower|-|-|-20%rel@2015-03-31"},
        {"Caseloads \xE2\x80\xA6 maximum of 15 by 31st Aug", 2017, "Caseloads|count|lower|-|-|15@2017-08-31"},
        /* Barking & Dagenham, Performance/Outcome column, every Baseline and Milestone (lines 15, 61, 75, 83, 85). */
        {"Significant reduction in Police Protection (target is 20% reduction in PP numbers by March 2015). "
         "Emergency Protection Orders (EPO) more readily accessible with legal advice.",
         2014, "PP numbers|count|lower|-|-|-20%rel@2015-03-31"},
        {"Baseline - 75% of assessments completed within 45 days. Milestone 80% by April 2015 85% by Sept 2015 "
         "Improved written plans with outcomes identified. All IRO's/CP Chairs to monitor statutory visits to "
         "children and receive reports from ICS.",
         2014, "assessments completed within 45 days|percent|higher|75|80@2015-04-30 85@2015-09-30|-"},
        {"age groups. Baseline - 7 in April 2014 Milestone 9 by Sept 2014 12 by April 2015", 2014,
         "|count|higher|7@2014-04-30|9@2014-09-30 12@2015-04-30|-"},
        {"Baseline - % of care leavers aged 18 plus 100% Milestone Maintain 100% Baseline - % of LAC aged 16-17 with "
         "an up to date pathway plan 75% Milestone 100% by April 2015",
         2014,
         "care leavers aged 18 plus|percent||100|-|100 ;; "
         "LAC aged 16-17 with an up to date pathway plan|percent|higher|75|100@2015-04-30|-"},
        {"Baseline - % of care leavers known to L2L service NEET 34% Milestone - 30% by Sept 2014", 2014,
         "care leavers known to L2L service NEET|percent|lower|34|30@2014-09-30|-"},
        /* … and the baselines that are still to be set give nothing (lines 32, 33, 48, 82). */
        {"Baseline - the baseline will be confirmed by case file audits from October 2014. Case audits show "
         "standard of strategy discussions are less variable, focused on all children, clearly recorded with outcomes.",
         2014, ""},
        {"On track. Quarterly audit of CP strategy discussions has commenced with report to be completed by end of "
         "October 2014. Baseline to be produced and milestones and targets to be set.",
         2014, ""},
        {"All assessments completed with clear evidence of case analysis and the child's voice, wishes and feelings "
         "being evident and integrated throughout the assessments process. The new baseline will be confirmed by case file",
         2014, ""},
        {"Quality of care leavers planning towards adulthood improves. All care leavers have an up to date Pathway "
         "Plan and case file audit of pathway plans report increase in those rated good or better. Baseline to be "
         "established November 2014.",
         2014, ""},
        /* Targets elsewhere in the samples. */
        {"The target is to reach at least 12 members by April 2015.", 2014, "members|count|higher|-|-|12@2015-04-30"},
        {"Our target is a 20% reduction in use of police powers by March 2015. Based on current numbers, we cannot "
         "have more than 5-6 PPs each month.",
         2014, "use of police powers|count|lower|-|-|-20%rel@2015-03-31"},
        {"AYSE caseloads to be reduced to maximum of 15 by 31 st Aug", 2017, "AYSE caseloads|count|lower|-|-|15@2017-08-31"},
        {"Audit shows reduction in inadequate new plans to 0% by end of November 2014. 50% good by December 2014", 2014,
         "inadequate new plans|percent|lower|-|-|0@2014-11-30"},
        {"details and concerns identified by April 2015. % of re-referrals remains below 15% and lower than "
         "benchmarks (25%) by April 2015.", 2014, "re-referrals|percent|lower|-|-|15@2015-04-30"},
        /* Variations. */
        {"caseloads to a maximum of 15 by 31st Aug", 0, "caseloads|count|lower|-|-|15"},
        {"Agency social workers kept under 20% by March 2016", 2015, "Agency social workers|percent|lower|-|-|20@2016-03-31"},
        {"Placement stability stays above 70% by Dec 2015", 2015, "Placement stability|percent|higher|-|-|70@2015-12-31"},
        {"Caseloads remain below 20. Reviewed by March 2016", 2015, ""},
        {"Staff morale remains high by April 2015", 2015, ""},
        {"BASELINE: 30 days. Milestones: 25 days by Dec 2015 and 20 days by March 2016", 2015,
         "|days|lower|30|25@2015-12-31 20@2016-03-31|-"},
        {"Milestone 60% by June 2015", 2015, "|percent||-|60@2015-06-30|-"},
        {"Target - % attendance and sharing report Attendance performance tracker for LSCB reports attendance "
         "increasing to 50% and sharing reports (when no attendance) to 100% by April 2015.",
         2014, ""},
        {"Baseline: 75% of enfants plac\xC3\xA9s", 2014, "enfants plac\xC3\xA9s|percent||75|-|-"},
        {"Baseline \xE2\x80\x94 \xC2\xA3" "46,000 a month", 2014, "|pounds||46000|-|-"},
        {"", 2014, ""},
        {"Baseline", 2014, ""},
        {"Milestone 80% by", 2014, "|percent||-|-|80"},
    };
    for (size_t i = 0; i < COUNT(cases); i++) {
        sl_measure_suggestion *list = NULL;
        size_t n = sl_measure_text_suggest(cases[i].text, strlen(cases[i].text), cases[i].context_year, &list);
        char got[2048];
        describe_suggestions(list, n, got, sizeof got);
        CHECK(strcmp(got, cases[i].want) == 0, "prose case %zu:\n  got  '%s'\n  want '%s'", i, got, cases[i].want);
        for (size_t k = 0; k < n; k++)
            CHECK(list[k].def.suggested_from && list[k].end > list[k].start && list[k].end <= strlen(cases[i].text) &&
                      strncmp(list[k].def.suggested_from, cases[i].text + list[k].start,
                              list[k].end - list[k].start) == 0,
                  "prose case %zu keeps its text", i);
        sl_measure_suggestions_free(list, n);
    }
    /* The whole phrase of a baseline and its milestones is kept. */
    static const char cell[] = "Intro. Baseline - 7 in April 2014 Milestone 9 by Sept 2014 12 by April 2015 then more";
    sl_measure_suggestion *list = NULL;
    size_t n = sl_measure_text_suggest(cell, strlen(cell), 2014, &list);
    CHECK(n == 1 && strcmp(list[0].def.suggested_from, "Baseline - 7 in April 2014 Milestone 9 by Sept 2014 12 by April 2015") == 0,
          "phrase kept: '%s'", n ? list[0].def.suggested_from : "");
    sl_measure_suggestions_free(list, n);

    /* A long description is cut at a word, and never inside a character. */
    char longer[400] = "Baseline - 75% of ";
    for (int i = 0; i < 40; i++)
        strcat(longer, "\xC3\xA9t\xC3\xA9 ");
    n = sl_measure_text_suggest(longer, strlen(longer), 2014, &list);
    size_t bad;
    CHECK(n == 1 && list[0].def.name && strlen(list[0].def.name) <= SL_MEASURE_TEXT_NAME_MAX &&
              sl_utf8_valid(list[0].def.name, strlen(list[0].def.name), &bad) &&
              list[0].def.name[strlen(list[0].def.name) - 1] != ' ',
          "long name cut cleanly");
    sl_measure_suggestions_free(list, n);
    strcpy(longer, "Baseline - 75% of x");     /* one word of x and 100 é: the cut falls inside an é */
    for (int i = 0; i < 100; i++)
        strcat(longer, "\xC3\xA9");
    n = sl_measure_text_suggest(longer, strlen(longer), 2014, &list);
    CHECK(n == 1 && list[0].def.name && strlen(list[0].def.name) == SL_MEASURE_TEXT_NAME_MAX - 1 &&
              sl_utf8_valid(list[0].def.name, strlen(list[0].def.name), &bad),
          "one long word cut between characters");
    sl_measure_suggestions_free(list, n);
    static const char bad_bytes[] = "Baseline 5% of a\xFF\x01z";
    n = sl_measure_text_suggest(bad_bytes, strlen(bad_bytes), 2014, &list);
    CHECK(n == 1 && list[0].def.name && strcmp(list[0].def.name, "a? z") == 0, "bad bytes in a name: '%s'",
          n && list[0].def.name ? list[0].def.name : "");
    sl_measure_suggestions_free(list, n);
}

/* ------------------------------------------------------------------------ */
/* Workforce                                                                 */
/* ------------------------------------------------------------------------ */

/* Vacancy and agency rates, the 0.5-point disagreement flag and % good or better. */
static void test_workforce(void)
{
    static const struct {
        double budgeted, employed, vacant, agency, stated_vacancy, stated_agency;
        double vacancy, agency_rate;
        int findings;
    } cases[] = {
        {100, 80, 20, 15, 20, 15.8, 20, 100.0 * 15 / 95, 0},
        {100, 80, 20, 15, 20.5, 15.8, 20, 100.0 * 15 / 95, 0},   /* exactly 0.5 points apart: agrees */
        {100, 80, 20, 15, 21, 15.8, 20, 100.0 * 15 / 95, 1},     /* 1 point apart: flagged */
        {50, 40, 10, 10, 25, 25, 20, 20, 2},
        {40, 30, 10, 0, 25, 10, 25, 0, 1},
        {40, 30, 10, 0, -1, -1, 25, 0, 0},                       /* nothing stated */
    };
    for (size_t i = 0; i < COUNT(cases); i++) {
        sl_workforce_snapshot s = sl_workforce_snapshot_empty();
        s.budgeted_fte = cases[i].budgeted;
        s.employed_fte = cases[i].employed;
        s.vacant_fte = cases[i].vacant;
        s.agency_fte = cases[i].agency;
        s.stated_vacancy_rate = cases[i].stated_vacancy;
        s.stated_agency_rate = cases[i].stated_agency;
        double vacancy = -1, agency = -1;
        sl_rate_finding found[2];
        CHECK(sl_workforce_vacancy_rate(&s, &vacancy) == 0 && near(vacancy, cases[i].vacancy) &&
                  sl_workforce_agency_rate(&s, &agency) == 0 && near(agency, cases[i].agency_rate),
              "workforce %zu rates %g %g", i, vacancy, agency);
        int n = sl_workforce_check(&s, found);
        CHECK(n == cases[i].findings, "workforce %zu: %d findings, want %d", i, n, cases[i].findings);
    }
    sl_workforce_snapshot none = sl_workforce_snapshot_empty();
    double pct = -1;
    CHECK(sl_workforce_vacancy_rate(&none, &pct) < 0 && sl_workforce_agency_rate(&none, &pct) < 0 &&
              sl_workforce_manager_agency_rate(&none, &pct) < 0,
          "no posts: no rates");
    none.managers_locum = 3;
    none.managers_salaried = 9;
    CHECK(sl_workforce_manager_agency_rate(&none, &pct) == 0 && near(pct, 25), "managers 3 locum of 12");
    CHECK(sl_rate_disagrees(17.8, 17.2) && !sl_rate_disagrees(17.8, 17.4), "0.5 point rule");

    static const struct {
        int outstanding, good, ri, inadequate;
        int ok;
        double want;
    } audits[] = {
        {1, 9, 6, 4, 1, 50}, {0, 0, 3, 1, 1, 0}, {2, 2, 0, 0, 1, 100}, {0, 0, 0, 0, 0, 0}, {-1, 3, 0, 0, 0, 0},
    };
    for (size_t i = 0; i < COUNT(audits); i++) {
        sl_case_audit a = {{SL_PERIOD_NONE, 0, 0}, audits[i].outstanding, audits[i].good, audits[i].ri,
                           audits[i].inadequate};
        int rc = sl_case_audit_good_or_better(&a, &pct);
        CHECK((rc == 0) == audits[i].ok && (!audits[i].ok || near(pct, audits[i].want)), "audit %zu: %g", i, pct);
    }
}

/* ------------------------------------------------------------------------ */
/* Charts                                                                    */
/* ------------------------------------------------------------------------ */

/* Checks that xml is one well-formed element: tags nest and close, names
 * and attributes are well formed, attribute values quoted, every '&' starts
 * a known entity, no '<' in text or values, no control bytes, valid UTF-8.
 * Returns NULL, or what is wrong. */
static const char *xml_problem(const char *xml)
{
    static char problem[160];
    char stack[64][40];
    int depth = 0, roots = 0;
    size_t bad;
    if (!sl_utf8_valid(xml, strlen(xml), &bad))
        return "invalid UTF-8";
    for (const char *p = xml; *p;) {
        if ((unsigned char)*p < 0x20 && *p != '\n' && *p != '\t' && *p != '\r')
            return "control byte";
        if (*p == '&') {
            static const char *const entities[] = {"&amp;", "&lt;", "&gt;", "&quot;", "&#39;", NULL};
            size_t k = 0;
            while (entities[k] && strncmp(p, entities[k], strlen(entities[k])) != 0)
                k++;
            if (!entities[k])
                return "bare '&'";
            p += strlen(entities[k]);
            continue;
        }
        if (*p != '<') {
            if (*p == '>')
                return "bare '>' in text";
            if (depth == 0 && *p != '\n' && *p != ' ')
                return "text outside the root";
            p++;
            continue;
        }
        int closing = p[1] == '/';
        const char *name = p + 1 + closing;
        size_t len = strspn(name, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-:_");
        if (len == 0 || len >= sizeof stack[0])
            return "bad tag name";
        p = name + len;
        if (closing) {
            if (depth == 0 || strlen(stack[depth - 1]) != len || strncmp(stack[depth - 1], name, len) != 0) {
                snprintf(problem, sizeof problem, "</%.*s> does not close <%s>", (int)len, name,
                         depth ? stack[depth - 1] : "");
                return problem;
            }
            depth--;
            if (*p != '>')
                return "junk in a closing tag";
            p++;
            continue;
        }
        for (;;) {                              /* attributes */
            p += strspn(p, " \n\t");
            if (*p == '>' || (p[0] == '/' && p[1] == '>'))
                break;
            size_t attr = strspn(p, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-:_");
            if (attr == 0 || p[attr] != '=' || p[attr + 1] != '"')
                return "bad attribute";
            p += attr + 2;
            for (; *p != '"'; p++) {
                if (!*p || *p == '<')
                    return "bad attribute value";
                if (*p == '&' && strncmp(p, "&amp;", 5) && strncmp(p, "&lt;", 4) && strncmp(p, "&gt;", 4) &&
                    strncmp(p, "&quot;", 6) && strncmp(p, "&#39;", 5))
                    return "bare '&' in an attribute";
            }
            p++;
        }
        if (*p == '/') {
            p += 2;
            if (depth == 0)
                roots++;
            continue;
        }
        if (depth == 64)
            return "too deep";
        if (depth == 0)
            roots++;
        memcpy(stack[depth], name, len);
        stack[depth++][len] = '\0';
        p++;
    }
    if (depth != 0)
        return "unclosed element";
    return roots == 1 ? NULL : "not exactly one root element";
}

/* Reads the number after `attr="` inside the tag at tag; returns it or -1e9. */
static double attr_number(const char *tag, const char *end, const char *attr)
{
    char key[32];
    snprintf(key, sizeof key, " %s=\"", attr);
    const char *at = strstr(tag, key);
    if (!at || at > end)
        return -1e9;
    return strtod(at + strlen(key), NULL);
}

/* A point of the actual series as drawn. */
typedef struct {
    double cx, cy, value;
    char period[16];
} drawn_point;

/* Reads the actual circles of a chart into out; returns how many. */
static int drawn_points(const char *svg, drawn_point *out, int max)
{
    int n = 0;
    for (const char *p = strstr(svg, "<circle class=\"actual"); p && n < max;
         p = strstr(p + 1, "<circle class=\"actual")) {
        const char *end = strchr(p, '>');
        const char *period = strstr(p, "data-period=\"");
        out[n].cx = attr_number(p, end, "cx");
        out[n].cy = attr_number(p, end, "cy");
        out[n].value = attr_number(p, end, "data-value");
        snprintf(out[n].period, sizeof out[n].period, "%.7s", period ? period + 13 : "");
        n++;
    }
    return n;
}

/* Line chart, sparkline and scorecard: well-formed XML, escaped text, points where the data says. */
static void test_charts(void)
{
    sl_measure_def def;
    contract_def(&def, "MGREEN", SL_POLARITY_HIGHER);
    static const char awkward_name[] = "Assessments <45 days> & \"quotes\" 'too' \x01\xFF";
    sl_measure_def_set_text(&def.name, awkward_name, strlen(awkward_name));
    const sl_measure_value values[] = {
        value_of("MGREEN", "2015-05", 79, "actual"),  value_of("MGREEN", "2015-08", 86, "actual"),
        value_of("MGREEN", "2015-07", 84, "actual"),  value_of("MGREEN", "2015-06", 81.5, "actual"),
        value_of("MGREEN", "2015-08", 80, "england"), value_of("MGREEN", "2015-07", 79, "england"),
        value_of("MGREEN", "2014/15", 78, "statistical-neighbours"),
        value_of("MGREEN", "2015-12", 99, "actual"),  /* after as_of: not drawn */
    };
    sl_chart_measure m = {&def, values, COUNT(values)};
    sl_buf svg = SL_BUF_INIT;
    sl_chart_measure_svg(&svg, &m, iso("2015-09-10"));
    const char *text = sl_buf_str(&svg);
    const char *problem = xml_problem(text);
    CHECK(!problem, "measure chart is well-formed XML: %s", problem ? problem : "");
    CHECK(strstr(text, "role=\"img\"") && strstr(text, "aria-labelledby=\"sl-MGREEN-title sl-MGREEN-desc\"") &&
              strstr(text, "<title id=\"sl-MGREEN-title\">") && strstr(text, "<desc id=\"sl-MGREEN-desc\">Latest 86%"),
          "accessible name and description");
    CHECK(strstr(text, "Assessments &lt;45 days&gt; &amp; &quot;quotes&quot; &#39;too&#39; ??") != NULL,
          "name escaped, control and invalid bytes replaced");
    CHECK(strstr(text, "class=\"trajectory-band\"") && strstr(text, "class=\"comparator\"") &&
              strstr(text, "data-series=\"england\"") && strstr(text, "stroke-dasharray=\"6 4\"") &&
              strstr(text, "data-series=\"statistical-neighbours\"") && strstr(text, "\">2015-08</text>"),
          "band, dashed comparators, ISO month labels");
    CHECK(strstr(text, "class=\"actual latest\"") && strstr(strstr(text, "class=\"actual latest\""), "fill=\"#00703c\""),
          "latest point coloured green");
    CHECK(strstr(text, "class=\"target\"") == NULL, "no dated target, no diamond");

    drawn_point pts[8];
    int n = drawn_points(text, pts, 8);
    static const struct {
        const char *period;
        double value;
        const char *last_day;
    } want[] = {{"2015-05", 79, "2015-05-31"}, {"2015-06", 81.5, "2015-06-30"}, {"2015-07", 84, "2015-07-31"},
                {"2015-08", 86, "2015-08-31"}};
    CHECK(n == 4, "four actual points drawn, got %d", n);
    if (n == 4) {
        double x_per_day = (pts[3].cx - pts[0].cx) / (double)(iso(want[3].last_day) - iso(want[0].last_day));
        double y_per_unit = (pts[0].cy - pts[3].cy) / (want[3].value - want[0].value);
        CHECK(x_per_day > 0 && y_per_unit > 0, "x grows with time, y falls as values rise");
        for (int i = 0; i < 4; i++) {
            double x = pts[0].cx + x_per_day * (double)(iso(want[i].last_day) - iso(want[0].last_day));
            double y = pts[0].cy - y_per_unit * (want[i].value - want[0].value);
            CHECK(strcmp(pts[i].period, want[i].period) == 0 && pts[i].value == want[i].value &&
                      pts[i].cx - x < 0.15 && x - pts[i].cx < 0.15 && pts[i].cy - y < 0.15 && y - pts[i].cy < 0.15,
                  "point %d (%s %g) at %g,%g; want %g,%g", i, pts[i].period, pts[i].value, pts[i].cx, pts[i].cy, x, y);
            CHECK(pts[i].cx >= 64 && pts[i].cx <= 616 && pts[i].cy >= 44 && pts[i].cy <= 250,
                  "point %d inside the plot", i);
        }
    }

    /* A lower-is-better measure with a dated target, and a measure with no values. */
    sl_measure_def low, blank;
    contract_def(&low, "MLOW", SL_POLARITY_LOWER);
    sl_measure_def_init(&blank);
    sl_buf_reset(&svg);
    sl_chart_measure lm = {&low, values, COUNT(values)};
    sl_chart_measure_svg(&svg, &lm, iso("2015-09-10"));
    problem = xml_problem(sl_buf_str(&svg));
    CHECK(!problem && strstr(sl_buf_str(&svg), "class=\"target\""), "target diamond drawn: %s", problem ? problem : "");
    sl_buf_reset(&svg);
    sl_chart_measure bm = {&blank, NULL, 0};
    sl_chart_measure_svg(&svg, &bm, iso("2015-09-10"));
    problem = xml_problem(sl_buf_str(&svg));
    CHECK(!problem && strstr(sl_buf_str(&svg), "No figures yet"), "empty chart: %s", problem ? problem : "");

    sl_buf_reset(&svg);
    sl_chart_sparkline_svg(&svg, &m, iso("2015-09-10"));
    problem = xml_problem(sl_buf_str(&svg));
    CHECK(!problem && strstr(sl_buf_str(&svg), "aria-label=\"MGREEN: latest 86% (green)\""), "sparkline: %s",
          problem ? problem : sl_buf_str(&svg));

    sl_chart_measure card[3] = {m, lm, bm};
    sl_buf_reset(&svg);
    sl_chart_scorecard_svg(&svg, card, 3, iso("2015-09-10"), "Board <pack>");
    problem = xml_problem(sl_buf_str(&svg));
    CHECK(!problem && strstr(sl_buf_str(&svg), "3 measures as of 10 Sep 2015: 1 green, 0 amber, 0 red, 2 not rated") &&
              strstr(sl_buf_str(&svg), "Board &lt;pack&gt;"),
          "scorecard: %s", problem ? problem : "");
    sl_buf_reset(&svg);
    sl_chart_scorecard_svg(&svg, NULL, 0, iso("2015-09-10"), NULL);
    CHECK(!xml_problem(sl_buf_str(&svg)), "empty scorecard");

    /* The checker itself catches what it must. */
    static const char *const broken[] = {"<svg><g></svg>", "<svg a=\"1\">x & y</svg>", "<svg a=1/>", "<a/><b/>",
                                         "<svg>\x01</svg>", "<svg a=\"<\"/>"};
    for (size_t i = 0; i < COUNT(broken); i++)
        CHECK(xml_problem(broken[i]) != NULL, "checker refuses %s", broken[i]);

    sl_buf_free(&svg);
    sl_measure_def_free(&def);
    sl_measure_def_free(&low);
}

/* Runs every measures test. */
void test_measures(void)
{
    test_period_parse();
    test_period_frequency();
    test_numbers_and_units();
    test_definitions();
    test_trajectory();
    test_contract_measures();
    test_assess_edges();
    test_load();
    test_prose();
    test_workforce();
    test_charts();
}
