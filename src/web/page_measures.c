/* page_measures.c — the measures a board asks about first ("how do we know
 * it is working?"): a table with each one's latest value, trajectory RAG,
 * direction and a sparkline, and the scorecard of every measure. Charts are
 * drawn by sightline as inline SVG. */
#include <stdlib.h>

#include "report/chart_svg.h"
#include "report/measure_report.h"
#include "util/mem.h"
#include "web/measure_data.h"
#include "web/web.h"

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
    sl_buf_printf(b, "<tr class=\"govuk-table__row\"><td class=\"govuk-table__cell\">"
                     "<a class=\"govuk-link\" href=\"/measure?code=%U\">%h</a></td>"
                     "<td class=\"govuk-table__cell\">%h</td><td class=\"govuk-table__cell\">%h</td>"
                     "<td class=\"govuk-table__cell\">%h</td><td class=\"govuk-table__cell\">",
                  d->code, d->code, d->name, latest, expected);
    const char *word = sl_measure_rag_word(d, &st);
    if (st.rag && st.has_actual)
        sl_rag_tag(b, st.rag);
    else
        sl_buf_printf(b, "%h", *word ? word : "context");
    sl_buf_printf(b, "</td><td class=\"govuk-table__cell\">%h</td><td class=\"govuk-table__cell\">",
                  st.vs_previous ? sl_trend_name(st.vs_previous) : "–");
    sl_chart_measure chart = {d, values, n};
    sl_chart_sparkline_svg(b, &chart, req->today);
    sl_buf_puts(b, "</td></tr>");
}

void sl_page_measures(sl_request *req)
{
    sl_web_measures m;
    if (sl_web_measures_load(req, &m) < 0)
        return;
    sl_buf *b = &req->body;
    sl_page_start(req, "Measures");
    sl_buf_puts(b, "<h1 class=\"govuk-heading-l\">Measures</h1>");
    if (m.n == 0) {
        sl_buf_puts(b, "<p class=\"govuk-body\">No measures yet. Define one with <code>sightline measure add</code> "
                       "or take them from a plan with <code>sightline measures suggest</code>.</p>");
        sl_page_end(req);
        sl_web_measures_free(&m);
        return;
    }
    sl_buf_printf(b, "<table class=\"govuk-table\"><caption class=\"govuk-table__caption govuk-table__caption--m\">"
                   "Each measure against its trajectory, as of %h</caption><thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">"
                   "<th scope=\"col\" class=\"govuk-table__header\">Code</th><th scope=\"col\" class=\"govuk-table__header\">Measure</th>"
                   "<th scope=\"col\" class=\"govuk-table__header\">Latest</th><th scope=\"col\" class=\"govuk-table__header\">Expected</th>"
                   "<th scope=\"col\" class=\"govuk-table__header\">RAG</th><th scope=\"col\" class=\"govuk-table__header\">Trend</th>"
                   "<th scope=\"col\" class=\"govuk-table__header\">Recent</th></tr></thead><tbody class=\"govuk-table__body\">", sl_req_day(req, req->today));
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
    sl_web_measures_free(&m);
}
