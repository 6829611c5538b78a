/* measure_report.c — measures as JSON and as a table (see measure_report.h). */
#include "report/measure_report.h"

#include <string.h>

#include "domain/rag.h"

const sl_measure_value *sl_values_of(const sl_measure_value *values, size_t n, const char *code,
                                     size_t *count)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {                   /* first value whose code is not before this one */
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(values[mid].code, code) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t end = lo;
    while (end < n && strcmp(values[end].code, code) == 0)
        end++;
    *count = end - lo;
    return end > lo ? &values[lo] : NULL;
}

const char *sl_measure_rag_word(const sl_measure_def *def, const sl_measure_status *st)
{
    if (def->polarity == SL_POLARITY_CONTEXT || def->polarity == SL_POLARITY_UNSET)
        return "";
    if (!st->has_actual)
        return "no data";
    return st->rag ? sl_rag_name(st->rag) : "no data";
}

/* Appends a number, or null. */
static void json_number(sl_buf *out, int has, double value)
{
    char text[32];
    if (!has) {
        sl_buf_puts(out, "null");
        return;
    }
    sl_measure_format_number(value, 4, text);
    sl_buf_puts(out, text);
}

/* Appends a point as {"value":…, "day":…}, or null. */
static void json_point(sl_buf *out, const sl_measure_point *p)
{
    if (!p->set) {
        sl_buf_puts(out, "null");
        return;
    }
    sl_buf_puts(out, "{\"value\":");
    json_number(out, 1, p->value);
    sl_buf_puts(out, ",\"day\":");
    if (p->day == SL_NO_DAY) {
        sl_buf_puts(out, "null");
    } else {
        char day[11];
        sl_day_format(p->day, day);
        sl_buf_json_str(out, day);
    }
    sl_buf_putc(out, '}');
}

/* Appends the latest value of every comparator series, and the catalogue's
 * England figure when no England series was loaded. */
static void json_comparators(sl_buf *out, const sl_measure_def *def, const sl_measure_value *values,
                             size_t n, sl_day as_of)
{
    sl_buf_putc(out, '{');
    int first = 1, has_england = 0;
    for (size_t i = 0; i < n; i++) {
        const sl_measure_value *v = &values[i];
        if (strcmp(v->code, def->code) != 0 || sl_series_is_actual(v->series))
            continue;
        int seen = 0;
        for (size_t k = 0; k < i && !seen; k++)
            seen = strcmp(values[k].code, def->code) == 0 && strcmp(values[k].series, v->series) == 0;
        if (seen)
            continue;
        const sl_measure_value *latest = sl_measure_latest(values, n, def->code, v->series, as_of);
        if (!latest)
            continue;
        sl_buf_puts(out, first ? "" : ",");
        sl_buf_json_str(out, v->series);
        sl_buf_putc(out, ':');
        json_number(out, 1, latest->value);
        has_england |= strcmp(v->series, "england") == 0;
        first = 0;
    }
    const sl_indicator *ind = sl_indicator_find(def->code);
    if (!has_england && ind && ind->has_england) {
        sl_buf_puts(out, first ? "\"england\":" : ",\"england\":");
        json_number(out, 1, ind->england);
    }
    sl_buf_putc(out, '}');
}

int sl_measure_comparator(const sl_measure_def *def, const sl_measure_value *values, size_t n,
                          const char *series, sl_day as_of, double *out)
{
    const sl_measure_value *latest = sl_measure_latest(values, n, def->code, series, as_of);
    if (latest) {
        *out = latest->value;
        return 1;
    }
    const sl_indicator *ind = strcmp(series, "england") == 0 ? sl_indicator_find(def->code) : NULL;
    if (ind && ind->has_england) {
        *out = ind->england;
        return 1;
    }
    return 0;
}

void sl_measure_json(sl_buf *out, const sl_measure_def *def, const sl_measure_value *values,
                     size_t n, sl_day as_of)
{
    sl_measure_status st;
    sl_measure_assess(def, values, n, as_of, &st);
    char period[SL_PERIOD_TEXT];
    sl_buf_puts(out, "{\"code\":");
    sl_buf_json_str(out, def->code);
    sl_buf_puts(out, ",\"name\":");
    sl_buf_json_str(out, def->name ? def->name : "");
    sl_buf_puts(out, ",\"unit\":");
    sl_buf_json_str(out, sl_unit_name(def->unit));
    sl_buf_puts(out, ",\"polarity\":");
    sl_buf_json_str(out, sl_polarity_name(def->polarity));
    sl_buf_puts(out, ",\"frequency\":");
    sl_buf_json_str(out, sl_frequency_name(def->frequency));
    sl_buf_puts(out, ",\"latest\":");
    if (st.has_latest) {
        sl_period_format(&st.latest_period, period);
        sl_buf_puts(out, "{\"period\":");
        sl_buf_json_str(out, period);
        sl_buf_puts(out, ",\"value\":");
        json_number(out, 1, st.latest);
        sl_buf_putc(out, '}');
    } else {
        sl_buf_puts(out, "null");
    }
    sl_buf_puts(out, ",\"period\":");
    sl_period_format(&st.period, period);
    sl_buf_json_str(out, st.period.kind ? period : NULL);
    sl_buf_puts(out, ",\"expected\":");
    json_number(out, st.has_expected, st.expected);
    const char *rag = sl_measure_rag_word(def, &st);
    sl_buf_puts(out, ",\"rag\":");
    sl_buf_json_str(out, *rag ? rag : NULL);
    sl_buf_puts(out, ",\"direction\":");
    sl_buf_json_str(out, st.vs_previous ? sl_trend_name(st.vs_previous) : NULL);
    sl_buf_puts(out, ",\"direction_year\":");
    sl_buf_json_str(out, st.vs_year_ago ? sl_trend_name(st.vs_year_ago) : NULL);
    sl_buf_puts(out, ",\"comparators\":");
    json_comparators(out, def, values, n, as_of);
    sl_buf_puts(out, ",\"reason\":");
    sl_buf_json_str(out, st.reason);
    sl_buf_puts(out, ",\"baseline\":");
    json_point(out, &def->baseline);
    sl_buf_puts(out, ",\"target\":");
    json_point(out, &def->target);
    sl_buf_puts(out, ",\"tolerance\":");
    json_number(out, 1, def->tolerance);
    sl_buf_puts(out, ",\"suggested_from\":");
    sl_buf_json_str(out, def->suggested_from);
    sl_buf_putc(out, '}');
}

void sl_measure_table_heading(sl_buf *out)
{
    sl_buf_puts(out, "CODE         RAG      LATEST      PERIOD    EXPECTED    TREND      NAME\n");
}

void sl_measure_table_row(sl_buf *out, const sl_measure_def *def, const sl_measure_value *values,
                          size_t n, sl_day as_of)
{
    sl_measure_status st;
    sl_measure_assess(def, values, n, as_of, &st);
    char latest[SL_VALUE_TEXT] = "-", expected[SL_VALUE_TEXT] = "-", period[SL_PERIOD_TEXT] = "-";
    if (st.has_latest) {
        sl_unit_format_value(def->unit, st.latest, latest);
        sl_period_format(&st.latest_period, period);
    }
    if (st.has_expected)
        sl_unit_format_value(def->unit, st.expected, expected);
    const char *rag = sl_measure_rag_word(def, &st);
    sl_buf_cell(out, def->code, 12);
    sl_buf_putc(out, ' ');
    sl_buf_cell(out, *rag ? rag : "context", 8);
    sl_buf_putc(out, ' ');
    sl_buf_cell(out, latest, 11);
    sl_buf_putc(out, ' ');
    sl_buf_cell(out, period, 9);
    sl_buf_putc(out, ' ');
    sl_buf_cell(out, expected, 11);
    sl_buf_putc(out, ' ');
    sl_buf_cell(out, st.vs_previous ? sl_trend_name(st.vs_previous) : "-", 10);
    sl_buf_putc(out, ' ');
    sl_buf_cell(out, def->name ? def->name : "", 13);
    while (out->len && out->data[out->len - 1] == ' ')
        out->data[--out->len] = '\0';
    sl_buf_putc(out, '\n');
}
