/* page_measures.c — the measures a board asks about first ("how do we know
 * it is working?"): the scorecard of every measure, a table with each one's
 * latest value, trajectory RAG, direction and a sparkline, and one page per
 * measure with its full chart and values. Charts are drawn by sightline as
 * inline SVG. */
#include <stdlib.h>
#include <string.h>

#include "report/chart_svg.h"
#include "report/measure_report.h"
#include "util/mem.h"
#include "web/web.h"

typedef struct {
    sl_measure_def *defs;
    int n;
    sl_measure_value *values;
    int n_values;
} loaded;

/* Loads every measure and value; writes an error page and returns -1 on failure. */
static int load(sl_request *req, loaded *m)
{
    sl_error err = {0};
    memset(m, 0, sizeof *m);
    m->n = sl_store_measures(req->store, &m->defs, NULL, &err);
    if (m->n >= 0)
        m->n_values = sl_store_measure_values(req->store, NULL, &m->values, &err);
    if (m->n < 0 || m->n_values < 0) {
        sl_error_page(req, 500, "Something went wrong", err.message);
        return -1;
    }
    return 0;
}

/* Frees what load() read. */
static void unload(loaded *m)
{
    for (int i = 0; i < m->n; i++)
        sl_measure_def_free(&m->defs[i]);
    free(m->defs);
    free(m->values);
}

/* Writes one row of the measures table. */
static void measure_row(sl_request *req, const sl_measure_def *d, const sl_measure_value *values,
                        size_t n)
{
    sl_buf *b = &req->body;
    sl_measure_status st;
    sl_measure_assess(d, values, n, req->today, &st);
    char latest[SL_VALUE_TEXT] = "–", expected[SL_VALUE_TEXT] = "–";
    if (st.has_latest)
        sl_unit_format_value(d->unit, st.latest, latest);
    if (st.has_expected)
        sl_unit_format_value(d->unit, st.expected, expected);
    sl_buf_puts(b, "<tr class=\"govuk-table__row\"><td class=\"govuk-table__cell\"><a class=\"govuk-link\" href=\"/measure?code=");
    sl_buf_url(b, d->code);
    sl_buf_puts(b, "\">");
    sl_buf_html(b, d->code);
    sl_buf_puts(b, "</a></td><td class=\"govuk-table__cell\">");
    sl_buf_html(b, d->name ? d->name : "");
    sl_buf_puts(b, "</td><td class=\"govuk-table__cell\">");
    sl_buf_html(b, latest);
    sl_buf_puts(b, "</td><td class=\"govuk-table__cell\">");
    sl_buf_html(b, expected);
    sl_buf_puts(b, "</td><td class=\"govuk-table__cell\">");
    const char *word = sl_measure_rag_word(d, &st);
    if (st.rag && st.has_actual)
        sl_rag_tag(b, st.rag);
    else
        sl_buf_html(b, *word ? word : "context");
    sl_buf_puts(b, "</td><td class=\"govuk-table__cell\">");
    sl_buf_html(b, st.vs_previous ? sl_trend_name(st.vs_previous) : "–");
    sl_buf_puts(b, "</td><td class=\"govuk-table__cell\">");
    sl_chart_measure chart = {d, values, n};
    sl_chart_sparkline_svg(b, &chart, req->today);
    sl_buf_puts(b, "</td></tr>");
}

void sl_page_measures(sl_request *req)
{
    loaded m;
    if (load(req, &m) < 0)
        return;
    sl_buf *b = &req->body;
    sl_page_start(req, "Measures");
    sl_buf_puts(b, "<h1 class=\"govuk-heading-l\">Measures</h1>");
    if (m.n == 0) {
        sl_buf_puts(b, "<p class=\"govuk-body\">No measures yet. Define one with <code>sightline measure add</code> "
                       "or take them from a plan with <code>sightline measures suggest</code>.</p>");
        sl_page_end(req);
        unload(&m);
        return;
    }
    sl_buf_puts(b, "<table class=\"govuk-table\"><caption class=\"govuk-table__caption govuk-table__caption--m\">"
                   "Each measure against its trajectory, today</caption><thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">"
                   "<th scope=\"col\" class=\"govuk-table__header\">Code</th><th scope=\"col\" class=\"govuk-table__header\">Measure</th>"
                   "<th scope=\"col\" class=\"govuk-table__header\">Latest</th><th scope=\"col\" class=\"govuk-table__header\">Expected</th>"
                   "<th scope=\"col\" class=\"govuk-table__header\">RAG</th><th scope=\"col\" class=\"govuk-table__header\">Trend</th>"
                   "<th scope=\"col\" class=\"govuk-table__header\">Recent</th></tr></thead><tbody class=\"govuk-table__body\">");
    sl_chart_measure *charts = sl_calloc((size_t)m.n * sizeof *charts + 1);
    for (int i = 0; i < m.n; i++) {
        size_t count;
        const sl_measure_value *own = sl_values_of(m.values, (size_t)m.n_values, m.defs[i].code, &count);
        measure_row(req, &m.defs[i], own, count);
        charts[i] = (sl_chart_measure){&m.defs[i], own, count};
    }
    sl_buf_puts(b, "</tbody></table><h2 class=\"govuk-heading-m\">Scorecard</h2>");
    sl_chart_scorecard_svg(b, charts, (size_t)m.n, req->today, "Scorecard of every measure");
    free(charts);
    sl_page_end(req);
    unload(&m);
}

void sl_page_measure(sl_request *req)
{
    const char *code = sl_query(req, "code");
    loaded m;
    if (load(req, &m) < 0)
        return;
    int found = -1;
    for (int i = 0; code && i < m.n; i++)
        if (strcmp(m.defs[i].code, code) == 0)
            found = i;
    if (found < 0) {
        sl_error_page(req, 404, "Measure not found", "There is no measure with that code.");
        unload(&m);
        return;
    }
    const sl_measure_def *d = &m.defs[found];
    size_t count;
    const sl_measure_value *own = sl_values_of(m.values, (size_t)m.n_values, d->code, &count);
    sl_buf *b = &req->body;
    sl_page_start(req, d->name && *d->name ? d->name : d->code);
    sl_buf_puts(b, "<span class=\"govuk-caption-l\">");
    sl_buf_html(b, d->code);
    sl_buf_puts(b, "</span><h1 class=\"govuk-heading-l\">");
    sl_buf_html(b, d->name && *d->name ? d->name : d->code);
    sl_buf_puts(b, "</h1>");
    sl_chart_measure chart = {d, own, count};
    sl_chart_measure_svg(b, &chart, req->today);
    sl_buf_puts(b, "<table class=\"govuk-table\"><caption class=\"govuk-table__caption govuk-table__caption--m\">Values</caption>"
                   "<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\"><th scope=\"col\" class=\"govuk-table__header\">Period</th>"
                   "<th scope=\"col\" class=\"govuk-table__header\">Series</th><th scope=\"col\" class=\"govuk-table__header\">Value</th></tr></thead>"
                   "<tbody class=\"govuk-table__body\">");
    for (size_t i = 0; i < count; i++) {
        char period[SL_PERIOD_TEXT], value[SL_VALUE_TEXT];
        sl_period_format(&own[i].period, period);
        sl_unit_format_value(d->unit, own[i].value, value);
        sl_buf_puts(b, "<tr class=\"govuk-table__row\"><td class=\"govuk-table__cell\">");
        sl_buf_html(b, period);
        sl_buf_puts(b, "</td><td class=\"govuk-table__cell\">");
        sl_buf_html(b, own[i].series);
        sl_buf_puts(b, "</td><td class=\"govuk-table__cell\">");
        sl_buf_html(b, value);
        sl_buf_puts(b, "</td></tr>");
    }
    sl_buf_puts(b, "</tbody></table>");
    if (d->suggested_from) {
        sl_buf_puts(b, "<p class=\"govuk-body\">Read from the plan: ");
        sl_buf_html(b, d->suggested_from);
        sl_buf_puts(b, "</p>");
    }
    sl_page_end(req);
    unload(&m);
}
