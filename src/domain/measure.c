/* measure.c — units, polarity, numbers, measure definitions, series and the
 * standard indicator catalogue (see measure.h). */
#include "domain/measure.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/mem.h"

/* A word and the enum value it stands for, for the small parse tables. */
typedef struct {
    const char *word;
    int value;
} word_value;

/* Looks text up in a table (case-insensitive); returns 0 and sets *out, or -1. */
static int lookup_word(const word_value *table, size_t n, const char *text, int *out)
{
    for (size_t i = 0; text && i < n; i++) {
        if (strcasecmp(text, table[i].word) == 0) {
            *out = table[i].value;
            return 0;
        }
    }
    return -1;
}

/* ------------------------------------------------------------------------ */
/* Units                                                                     */
/* ------------------------------------------------------------------------ */

int sl_unit_parse(const char *text, sl_unit *out)
{
    static const word_value words[] = {
        {"percent", SL_UNIT_PERCENT},         {"%", SL_UNIT_PERCENT},
        {"pct", SL_UNIT_PERCENT},             {"percentage", SL_UNIT_PERCENT},
        {"count", SL_UNIT_COUNT},             {"number", SL_UNIT_COUNT},
        {"rate", SL_UNIT_RATE_10K},           {"rate-per-10000", SL_UNIT_RATE_10K},
        {"per-10000", SL_UNIT_RATE_10K},      {"per 10,000", SL_UNIT_RATE_10K},
        {"per10000", SL_UNIT_RATE_10K},       {"per-10k", SL_UNIT_RATE_10K},
        {"days", SL_UNIT_DAYS},               {"day", SL_UNIT_DAYS},
        {"pounds", SL_UNIT_POUNDS},           {"\xC2\xA3", SL_UNIT_POUNDS},
        {"gbp", SL_UNIT_POUNDS},              {"fte", SL_UNIT_FTE},
    };
    int value;
    if (lookup_word(words, sizeof words / sizeof words[0], text, &value) < 0)
        return -1;
    *out = (sl_unit)value;
    return 0;
}

const char *sl_unit_name(sl_unit unit)
{
    switch (unit) {
    case SL_UNIT_PERCENT: return "percent";
    case SL_UNIT_COUNT: return "count";
    case SL_UNIT_RATE_10K: return "rate-per-10000";
    case SL_UNIT_DAYS: return "days";
    case SL_UNIT_POUNDS: return "pounds";
    case SL_UNIT_FTE: return "fte";
    case SL_UNIT_UNSET: break;
    }
    return "";
}

/* Returns 1 when value is neither NaN nor infinite (no libm needed). */
static int is_finite(double value)
{
    return value == value && value - value == 0.0;
}

int sl_unit_check_value(sl_unit unit, double value, char *why, size_t why_len)
{
    char shown[32];
    const char *problem = NULL;
    sl_measure_format_number(value, 6, shown);
    if (!is_finite(value))
        problem = "is not a finite number";
    else if (unit == SL_UNIT_PERCENT && value > 100)
        problem = "is above 100, the most a percentage can be";
    else if (value < 0 && unit != SL_UNIT_POUNDS && unit != SL_UNIT_UNSET)
        problem = "is below 0";
    if (!problem)
        return 0;
    if (why && why_len)
        snprintf(why, why_len, "%s %s (unit %s)", shown, problem, sl_unit_name(unit));
    return -1;
}

void sl_unit_format_value(sl_unit unit, double value, char out[SL_VALUE_TEXT])
{
    char number[32];
    switch (unit) {
    case SL_UNIT_PERCENT:
        sl_measure_format_number(value, 1, number);
        snprintf(out, SL_VALUE_TEXT, "%s%%", number);
        break;
    case SL_UNIT_RATE_10K:
        sl_measure_format_number(value, 1, number);
        snprintf(out, SL_VALUE_TEXT, "%s per 10,000", number);
        break;
    case SL_UNIT_DAYS:
        sl_measure_format_number(value, 1, number);
        snprintf(out, SL_VALUE_TEXT, "%s %s", number, value == 1 ? "day" : "days");
        break;
    case SL_UNIT_POUNDS:
        sl_measure_format_number(value < 0 ? -value : value, 2, number);
        snprintf(out, SL_VALUE_TEXT, "%s\xC2\xA3%s", value < 0 ? "-" : "", number);
        break;
    case SL_UNIT_FTE:
        sl_measure_format_number(value, 2, number);
        snprintf(out, SL_VALUE_TEXT, "%s FTE", number);
        break;
    case SL_UNIT_COUNT:
    case SL_UNIT_UNSET:
        sl_measure_format_number(value, 2, out);
        break;
    }
}

/* ------------------------------------------------------------------------ */
/* Polarity                                                                  */
/* ------------------------------------------------------------------------ */

int sl_polarity_parse(const char *text, sl_polarity *out)
{
    static const word_value words[] = {
        {"higher", SL_POLARITY_HIGHER},  {"up", SL_POLARITY_HIGHER},    {"higher-is-better", SL_POLARITY_HIGHER},
        {"lower", SL_POLARITY_LOWER},    {"down", SL_POLARITY_LOWER},   {"lower-is-better", SL_POLARITY_LOWER},
        {"context", SL_POLARITY_CONTEXT}, {"neutral", SL_POLARITY_CONTEXT},
    };
    int value;
    if (lookup_word(words, sizeof words / sizeof words[0], text, &value) < 0)
        return -1;
    *out = (sl_polarity)value;
    return 0;
}

const char *sl_polarity_name(sl_polarity polarity)
{
    switch (polarity) {
    case SL_POLARITY_HIGHER: return "higher";
    case SL_POLARITY_LOWER: return "lower";
    case SL_POLARITY_CONTEXT: return "context";
    case SL_POLARITY_UNSET: break;
    }
    return "";
}

/* ------------------------------------------------------------------------ */
/* Numbers                                                                   */
/* ------------------------------------------------------------------------ */

#define MAX_SIGNIFICANT 15
#define MAX_FRACTION 22     /* 10^22 is the largest power of ten a double holds exactly */

/* Returns 10 to the power n (0 <= n <= 22), exactly. */
static double power_of_ten(int n)
{
    double p = 1.0;
    while (n-- > 0)
        p *= 10.0;
    return p;
}

int sl_measure_parse_number(const char *text, size_t len, double *out)
{
    size_t i = 0;
    while (i < len && text[i] == ' ')
        i++;
    while (len > i && text[len - 1] == ' ')
        len--;
    int negative = 0;
    if (i < len && (text[i] == '-' || text[i] == '+'))
        negative = text[i++] == '-';
    uint64_t mantissa = 0;
    int significant = 0, fraction = 0, digits = 0, seen_point = 0;
    for (; i < len; i++) {
        char c = text[i];
        if (c == '.' && !seen_point) {
            seen_point = 1;
            continue;
        }
        if (c < '0' || c > '9')
            return -1;
        digits++;
        if (seen_point)
            fraction++;
        if (mantissa == 0 && c == '0')
            continue;                       /* a leading zero is not significant */
        if (++significant > MAX_SIGNIFICANT)
            return -1;
        mantissa = mantissa * 10 + (uint64_t)(c - '0');
    }
    if (digits == 0 || fraction > MAX_FRACTION)
        return -1;
    /* mantissa < 10^15 < 2^53 and the divisor is exact, so the quotient is correctly rounded. */
    double value = (double)mantissa / power_of_ten(fraction);
    *out = negative ? -value : value;
    return 0;
}

void sl_measure_format_number(double value, int max_decimals, char out[32])
{
    if (!is_finite(value)) {
        snprintf(out, 32, "%s", value != value ? "NaN" : value > 0 ? "Infinity" : "-Infinity");
        return;
    }
    if (max_decimals < 0)
        max_decimals = 0;
    if (max_decimals > 6)
        max_decimals = 6;
    double scaled = value * power_of_ten(max_decimals);
    double magnitude = scaled < 0 ? -scaled : scaled;
    if (magnitude >= 9e15) {
        snprintf(out, 32, "%.0f", value);   /* no decimal point, so no locale effect */
        return;
    }
    uint64_t units = (uint64_t)(magnitude + 0.5);
    uint64_t divisor = (uint64_t)power_of_ten(max_decimals);
    uint64_t whole = units / divisor, part = units % divisor;
    int decimals = max_decimals;
    while (decimals > 0 && part % 10 == 0) {
        part /= 10;
        decimals--;
    }
    const char *sign = scaled < 0 && units != 0 ? "-" : "";
    if (decimals == 0)
        snprintf(out, 32, "%s%llu", sign, (unsigned long long)whole);
    else
        snprintf(out, 32, "%s%llu.%0*llu", sign, (unsigned long long)whole, decimals, (unsigned long long)part);
}

/* ------------------------------------------------------------------------ */
/* Definitions                                                               */
/* ------------------------------------------------------------------------ */

/* Returns an unset point. */
static sl_measure_point no_point(void)
{
    sl_measure_point p = {0, 0.0, SL_NO_DAY};
    return p;
}

void sl_measure_def_init(sl_measure_def *def)
{
    memset(def, 0, sizeof *def);
    def->baseline = def->target = no_point();
    for (int i = 0; i < SL_MEASURE_MAX_MILESTONES; i++)
        def->milestones[i] = no_point();
}

void sl_measure_def_free(sl_measure_def *def)
{
    free(def->name);
    free(def->owner);
    free(def->source);
    free(def->suggested_from);
    sl_measure_def_init(def);
}

void sl_measure_def_set_text(char **field, const char *text, size_t len)
{
    free(*field);
    *field = text ? sl_strndup(text, len) : NULL;
}

void sl_measure_def_copy(sl_measure_def *dst, const sl_measure_def *src)
{
    *dst = *src;
    dst->name = sl_strdup(src->name);
    dst->owner = sl_strdup(src->owner);
    dst->source = sl_strdup(src->source);
    dst->suggested_from = sl_strdup(src->suggested_from);
}

int sl_measure_def_add_milestone(sl_measure_def *def, double value, sl_day day)
{
    if (def->n_milestones >= SL_MEASURE_MAX_MILESTONES)
        return -1;
    sl_measure_point *p = &def->milestones[def->n_milestones++];
    p->set = 1;
    p->value = value;
    p->day = day;
    return 0;
}

int sl_measure_code_valid(const char *code)
{
    size_t n = 0;
    for (; code && code[n]; n++) {
        char c = code[n];
        int ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
                 c == '-' || c == '.';
        if (!ok)
            return 0;
    }
    return n >= 1 && n < SL_MEASURE_CODE_MAX;
}

/* Checks one point's value against the unit; returns 0 or -1 with err set. */
static int check_point(const sl_measure_def *def, const sl_measure_point *p, const char *what, sl_error *err)
{
    char why[128];
    if (!p->set || sl_unit_check_value(def->unit, p->value, why, sizeof why) == 0)
        return 0;
    return sl_fail(err, "%s: %s: %s", def->code, what, why);
}

/* Checks that the dated points run forward in time: baseline, milestones, target. */
static int check_order(const sl_measure_def *def, sl_error *err)
{
    sl_day previous = def->baseline.set ? def->baseline.day : SL_NO_DAY;
    for (int i = 0; i < def->n_milestones; i++) {
        sl_day day = def->milestones[i].day;
        if (day == SL_NO_DAY)
            continue;
        if (previous != SL_NO_DAY && day <= previous)
            return sl_fail(err, "%s: milestone %d is not after the point before it (give them in date order)",
                           def->code, i + 1);
        previous = day;
    }
    if (def->target.set && def->target.day != SL_NO_DAY && previous != SL_NO_DAY && def->target.day < previous)
        return sl_fail(err, "%s: the target falls before a milestone or the baseline", def->code);
    return 0;
}

int sl_measure_def_check(const sl_measure_def *def, sl_error *err)
{
    if (!sl_measure_code_valid(def->code))
        return sl_fail(err, "measure code '%s' must be 1-31 letters, digits, '_', '-' or '.'", def->code);
    if (def->unit == SL_UNIT_UNSET)
        return sl_fail(err, "%s: no unit (percent, count, rate, days, pounds or fte)", def->code);
    if (def->polarity == SL_POLARITY_UNSET)
        return sl_fail(err, "%s: no polarity (higher, lower or context)", def->code);
    if (def->frequency == SL_FREQ_UNSET)
        return sl_fail(err, "%s: no frequency (monthly, quarterly or annual)", def->code);
    if (!is_finite(def->tolerance) || def->tolerance < 0)
        return sl_fail(err, "%s: the tolerance must be 0 or more", def->code);
    if (check_point(def, &def->baseline, "baseline", err) < 0)
        return -1;
    for (int i = 0; i < def->n_milestones; i++)
        if (check_point(def, &def->milestones[i], "milestone", err) < 0)
            return -1;
    if (def->target_relative) {
        if (def->target.set && (!is_finite(def->target.value) || def->target.value <= -100))
            return sl_fail(err, "%s: a relative target must be a change above -100%%", def->code);
    } else if (check_point(def, &def->target, "target", err) < 0) {
        return -1;
    }
    return check_order(def, err);
}

int sl_measure_target_value(const sl_measure_def *def, double *out)
{
    if (!def->target.set)
        return -1;
    if (!def->target_relative) {
        *out = def->target.value;
        return 0;
    }
    if (!def->baseline.set)
        return -1;
    *out = def->baseline.value * (1.0 + def->target.value / 100.0);
    return 0;
}

int sl_measure_point_parse(const char *text, sl_measure_point *out, char *why, size_t why_len)
{
    *out = no_point();
    if (why && why_len)
        why[0] = '\0';
    const char *at = strchr(text, '@');
    size_t value_len = at ? (size_t)(at - text) : strlen(text);
    if (value_len > 0 && text[value_len - 1] == '%')
        value_len--;                        /* "75%@2014-10-01" reads as 75 */
    if (sl_measure_parse_number(text, value_len, &out->value) < 0) {
        if (why && why_len)
            snprintf(why, why_len, "'%s' does not start with a number (write VALUE@YYYY-MM-DD)", text);
        return -1;
    }
    if (at) {
        sl_period when;
        if (sl_period_parse(at + 1, strlen(at + 1), &when, why, why_len) < 0)
            return -1;
        out->day = when.last;
    }
    out->set = 1;
    return 0;
}

/* ------------------------------------------------------------------------ */
/* Series                                                                    */
/* ------------------------------------------------------------------------ */

int sl_series_parse(const char *text, size_t len, char out[SL_SERIES_MAX])
{
    static const struct {
        const char *word;
        const char *canonical;
    } standard[] = {
        {"actual", "actual"},          {"england", "england"},
        {"national", "england"},       {"region", "region"},
        {"regional", "region"},        {"statistical-neighbours", "statistical-neighbours"},
        {"statistical neighbours", "statistical-neighbours"}, {"stat-neighbours", "statistical-neighbours"},
        {"sn", "statistical-neighbours"},
    };
    while (len > 0 && (*text == ' ' || *text == '\t')) {
        text++;
        len--;
    }
    while (len > 0 && (text[len - 1] == ' ' || text[len - 1] == '\t'))
        len--;
    if (len == 0) {
        snprintf(out, SL_SERIES_MAX, "%s", SL_SERIES_ACTUAL);
        return 0;
    }
    if (len >= SL_SERIES_MAX)
        return -1;
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)text[i] < 0x20 || text[i] == 0x7f)
            return -1;
    for (size_t i = 0; i < sizeof standard / sizeof standard[0]; i++) {
        if (strlen(standard[i].word) == len && strncasecmp(text, standard[i].word, len) == 0) {
            snprintf(out, SL_SERIES_MAX, "%s", standard[i].canonical);
            return 0;
        }
    }
    memcpy(out, text, len);
    out[len] = '\0';
    return 0;
}

int sl_series_is_actual(const char *series)
{
    return strcmp(series, SL_SERIES_ACTUAL) == 0;
}

/* ------------------------------------------------------------------------ */
/* The standard indicators of DOMAIN.md                                       */
/* ------------------------------------------------------------------------ */

/* Population rates are per 10,000 children under 18. The England figure's
 * period: a financial year for annual returns, a day for "at 31 March"
 * counts and for the workforce census (30 September). */
static const sl_indicator catalogue[] = {
    {"REREF_12M", "re-referrals within 12 months", SL_UNIT_PERCENT, SL_POLARITY_LOWER, SL_FREQ_MONTHLY, 1, 22, 0, "2023/24"},
    {"ASMT_45WD", "assessments completed within 45 working days", SL_UNIT_PERCENT, SL_POLARITY_HIGHER, SL_FREQ_MONTHLY, 1, 86, 1, "2024/25"},
    {"ASMT_MED", "median assessment length", SL_UNIT_DAYS, SL_POLARITY_LOWER, SL_FREQ_MONTHLY, 1, 33, 0, "2024/25"},
    {"CIN_RATE", "children in need at 31 March", SL_UNIT_RATE_10K, SL_POLARITY_CONTEXT, SL_FREQ_MONTHLY, 1, 332.9, 0, "2024-03-31"},
    {"S47_RATE", "section 47 enquiries", SL_UNIT_RATE_10K, SL_POLARITY_CONTEXT, SL_FREQ_MONTHLY, 1, 167.2, 0, "2019/20"},
    {"ICPC_RATE", "initial child protection conferences", SL_UNIT_RATE_10K, SL_POLARITY_CONTEXT, SL_FREQ_MONTHLY, 1, 64.4, 0, "2019/20"},
    {"ICPC_15WD", "initial conferences within 15 working days of the strategy discussion", SL_UNIT_PERCENT, SL_POLARITY_HIGHER, SL_FREQ_MONTHLY, 0, 0, 0, NULL},
    {"CPP_RATE", "children on a child protection plan at 31 March", SL_UNIT_RATE_10K, SL_POLARITY_CONTEXT, SL_FREQ_MONTHLY, 1, 42.8, 0, "2020-03-31"},
    {"CPP_REPEAT", "plans that are a second or later plan", SL_UNIT_PERCENT, SL_POLARITY_LOWER, SL_FREQ_MONTHLY, 1, 16.6, 0, "2014/15"},
    {"CPP_2YR", "plans ending after two years or more", SL_UNIT_PERCENT, SL_POLARITY_LOWER, SL_FREQ_MONTHLY, 1, 4.4, 0, "2024/25"},
    {"CPP_REV", "child protection reviews held on time", SL_UNIT_PERCENT, SL_POLARITY_HIGHER, SL_FREQ_MONTHLY, 1, 94, 0, "2014/15"},
    {"CLA_RATE", "children looked after at 31 March", SL_UNIT_RATE_10K, SL_POLARITY_CONTEXT, SL_FREQ_MONTHLY, 1, 70, 0, "2024-03-31"},
    {"CLA_3PL2Y", "three or more placements over two years", SL_UNIT_PERCENT, SL_POLARITY_LOWER, SL_FREQ_MONTHLY, 1, 23, 0, "2024-03-31"},
    {"CLA_LTS", "long-term placement stability (under 16, in care 2.5+ years, same placement 2+ years)", SL_UNIT_PERCENT, SL_POLARITY_HIGHER, SL_FREQ_MONTHLY, 1, 68, 0, "2024-03-31"},
    {"CL_TOUCH", "care leavers 19-21 in touch", SL_UNIT_PERCENT, SL_POLARITY_HIGHER, SL_FREQ_MONTHLY, 1, 91, 0, "2020/21"},
    {"CL_EET", "care leavers 19-21 in education, employment or training", SL_UNIT_PERCENT, SL_POLARITY_HIGHER, SL_FREQ_MONTHLY, 1, 50, 1, "2020/21"},
    {"CL_ACC", "care leavers 19-21 in suitable accommodation", SL_UNIT_PERCENT, SL_POLARITY_HIGHER, SL_FREQ_MONTHLY, 1, 85, 0, "2018/19"},
    {"SW_TURN", "social worker turnover", SL_UNIT_PERCENT, SL_POLARITY_LOWER, SL_FREQ_QUARTERLY, 1, 15.9, 0, "2023-09-30"},
    {"SW_AGENCY", "agency social worker rate", SL_UNIT_PERCENT, SL_POLARITY_LOWER, SL_FREQ_MONTHLY, 1, 17.8, 0, "2023-09-30"},
    {"SW_VAC", "social worker vacancy rate", SL_UNIT_PERCENT, SL_POLARITY_LOWER, SL_FREQ_MONTHLY, 1, 18.9, 0, "2023-09-30"},
    {"SW_CASE", "cases per case-holding social worker", SL_UNIT_COUNT, SL_POLARITY_LOWER, SL_FREQ_MONTHLY, 1, 16, 1, "2023-09-30"},
    {"SW_ABS", "sickness absence rate", SL_UNIT_PERCENT, SL_POLARITY_LOWER, SL_FREQ_QUARTERLY, 1, 2.9, 0, "2020-09-30"},
};

const sl_indicator *sl_indicators(size_t *count)
{
    *count = sizeof catalogue / sizeof catalogue[0];
    return catalogue;
}

const sl_indicator *sl_indicator_find(const char *code)
{
    for (size_t i = 0; code && i < sizeof catalogue / sizeof catalogue[0]; i++)
        if (strcasecmp(code, catalogue[i].code) == 0)
            return &catalogue[i];
    return NULL;
}

void sl_indicator_to_def(const sl_indicator *indicator, sl_measure_def *def)
{
    static const char source[] = "DOMAIN.md standard indicator";
    sl_measure_def_init(def);
    snprintf(def->code, sizeof def->code, "%s", indicator->code);
    sl_measure_def_set_text(&def->name, indicator->name, strlen(indicator->name));
    sl_measure_def_set_text(&def->source, source, sizeof source - 1);
    def->unit = indicator->unit;
    def->polarity = indicator->polarity;
    def->frequency = indicator->frequency;
}

int sl_indicator_england_value(const sl_indicator *indicator, sl_measure_value *out)
{
    memset(out, 0, sizeof *out);
    if (!indicator->has_england ||
        sl_period_parse(indicator->england_period, strlen(indicator->england_period), &out->period, NULL, 0) < 0)
        return -1;
    snprintf(out->code, sizeof out->code, "%s", indicator->code);
    snprintf(out->series, sizeof out->series, "%s", "england");
    out->value = indicator->england;
    return 0;
}
