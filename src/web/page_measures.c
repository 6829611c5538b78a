/* page_measures.c — the measures a board asks about first ("how do we know
 * it is working?"): a table with each one's latest value, where the
 * trajectory says it should be, RAG, trend, which way is good, the England
 * and statistical neighbours figures beside it (better or worse than ours)
 * and a sparkline; then the scorecard of every measure. The page fits a
 * 1024-pixel screen: the table in a compact style, the scorecard scaled to
 * the column (web/app.css). Charts are drawn by sightline as inline SVG. */
#include <stdlib.h>
#include <string.h>

#include "report/chart_svg.h"
#include "report/measure_report.h"
#include "util/mem.h"
#include "web/measure_data.h"
#include "web/pagination.h"
#include "web/web.h"

#define TH "<th scope=\"col\" class=\"govuk-table__header\">"
#define TD "<td class=\"govuk-table__cell\">"

/* Returns how ours stands against theirs for a measure of polarity:
 * "ours better", "ours worse", "level", or "" (context: no judgement). */
static const char *against(sl_polarity polarity, double ours, double theirs)
{
    if (polarity != SL_POLARITY_HIGHER && polarity != SL_POLARITY_LOWER)
        return "";
    if (ours == theirs)
        return "level";
    return (ours > theirs) == (polarity == SL_POLARITY_HIGHER) ? "ours better" : "ours worse";
}

/* Appends a comparator cell: series' latest figure and how ours stands against it. */
static void comparator_cell(sl_request *req, const sl_measure_def *d, const sl_measure_value *values, size_t n,
                            const sl_measure_status *st, const char *series)
{
    sl_buf *b = &req->body;
    double theirs;
    if (!sl_measure_comparator(d, values, n, series, req->today, &theirs)) {
        sl_buf_puts(b, TD "–</td>");
        return;
    }
    char text[SL_VALUE_TEXT];
    sl_unit_format_value(d->unit, theirs, text);
    sl_buf_printf(b, TD "%h", text);
    const char *word = st->has_latest ? against(d->polarity, st->latest, theirs) : "";
    if (*word)
        sl_buf_printf(b, "<br><span class=\"sl-small\">%h</span>", word);
    sl_buf_puts(b, "</td>");
}

/* Appends "Higher" or "Lower" (is better) with its arrow, or "Context". */
static void good_cell(sl_buf *b, sl_polarity polarity)
{
    if (polarity == SL_POLARITY_HIGHER)
        sl_buf_puts(b, TD "<span aria-hidden=\"true\">↑ </span>Higher</td>");
    else if (polarity == SL_POLARITY_LOWER)
        sl_buf_puts(b, TD "<span aria-hidden=\"true\">↓ </span>Lower</td>");
    else
        sl_buf_puts(b, TD "Context</td>");
}

/* Writes one row of the measures table. */
static void measure_row(sl_request *req, const sl_measure_def *d, const sl_measure_value *values, size_t n)
{
    sl_buf *b = &req->body;
    sl_measure_status st;
    sl_measure_assess(d, values, n, req->today, &st);
    char latest[SL_VALUE_TEXT] = "–", expected[SL_VALUE_TEXT] = "–", when[SL_FIGURE_WORDS] = "";
    if (st.has_latest) {
        sl_unit_format_value(d->unit, st.latest, latest);
        sl_figure_period_words(&st.latest_period, when);
    }
    if (st.has_expected)
        sl_unit_format_value(d->unit, st.expected, expected);
    sl_buf_printf(b, "<tr class=\"govuk-table__row\">" TD "<a class=\"govuk-link\" href=\"/measure?code=%U\">%h</a>"
                     "<br><span class=\"sl-small\">%h</span></td>" TD "%h<br><span class=\"sl-small\">%h</span></td>"
                     TD "%h</td>" TD,
                  d->code, d->name && *d->name ? d->name : d->code, d->code, latest, when, expected);
    const char *word = sl_measure_rag_word(d, &st);
    if (st.rag && st.has_actual)
        sl_rag_tag(b, st.rag);
    else
        sl_buf_printf(b, "%h", *word ? word : "context");
    sl_buf_printf(b, "</td>" TD "%h</td>", st.vs_previous ? sl_trend_name(st.vs_previous) : "–");
    good_cell(b, d->polarity);
    comparator_cell(req, d, values, n, &st, "england");
    comparator_cell(req, d, values, n, &st, "statistical-neighbours");
    sl_buf_puts(b, TD);
    sl_chart_measure chart = {d, values, n};
    sl_chart_sparkline_svg(b, &chart, req->today);
    sl_buf_puts(b, "</td></tr>");
}

void sl_page_measures(sl_request *req)
{
    sl_web_measures m;
    if (sl_web_measures_load(req, &m) < 0)
        return;
    sl_pager pager;
    if (sl_pager_read(req, &pager) < 0 || sl_pager_total(req, &pager, (size_t)m.n) < 0) {
        sl_web_measures_free(&m);
        return;
    }
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
    sl_pager_summary(b, &pager, "measures");
    sl_buf_printf(b, "<div class=\"sl-table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"Measures table\">"
                   "<table class=\"govuk-table sl-measures\"><caption class=\"govuk-table__caption govuk-table__caption--m\">"
                   "Each measure against its trajectory, as of %h, with England and its statistical neighbours</caption>"
                   "<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">" TH "Measure</th>" TH "Latest</th>"
                   TH "Expected</th>" TH "RAG</th>" TH "Trend</th>" TH "Good is</th>" TH "England</th>"
                   TH "Statistical neighbours</th>" TH "Recent</th></tr></thead><tbody class=\"govuk-table__body\">",
                  sl_req_day(req, req->today));
    sl_chart_measure *charts = sl_calloc((size_t)m.n * sizeof *charts + 1);
    for (int i = 0; i < m.n; i++) {
        size_t count;
        const sl_measure_value *own = sl_values_of(m.values, (size_t)m.n_values, m.defs[i].code, &count);
        if ((size_t)i >= sl_pager_first(&pager) && (size_t)i < sl_pager_end(&pager))
            measure_row(req, &m.defs[i], own, count);
        charts[i] = (sl_chart_measure){&m.defs[i], own, count};
    }
    sl_buf_puts(b, "</tbody></table></div>");
    sl_pager_nav(req, b, &pager);
    sl_buf_puts(b, "<h2 class=\"govuk-heading-m\">Scorecard</h2><div class=\"sl-scorecard\">");
    sl_chart_scorecard_svg(b, charts, (size_t)m.n, req->today, "Scorecard of every measure");
    sl_buf_puts(b, "</div>");
    free(charts);
    sl_page_end(req);
    sl_web_measures_free(&m);
}
