/* page_measure.c — one measure: what it is and which way is good, its
 * chart (actuals, trajectory band, target, comparators), its figures with a
 * link to correct each, its comparators, the history of every figure
 * entered, corrected, loaded or missing, and, for those who may enter
 * figures, the form to enter one (posting to measure_forms.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/chart_svg.h"
#include "report/measure_report.h"
#include "web/measure_data.h"
#include "web/measure_page.h"

#define TH "<th scope=\"col\" class=\"govuk-table__header\">"
#define TD "<td class=\"govuk-table__cell\">"
#define ROW "<tr class=\"govuk-table__row\">"

/* Returns the index of code among m's definitions, or -1. */
static int find_measure(const sl_web_measures *m, const char *code)
{
    for (int i = 0; code && i < m->n; i++)
        if (strcmp(m->defs[i].code, code) == 0)
            return i;
    return -1;
}

/* Returns "Higher is better" and the like for a polarity. */
static const char *good_words(sl_polarity polarity)
{
    return polarity == SL_POLARITY_HIGHER  ? "Higher is better"
           : polarity == SL_POLARITY_LOWER ? "Lower is better"
                                           : "Neither: context only, not rated";
}

/* Appends the success banner after a figure was entered or corrected. */
static void done_banner(sl_request *req)
{
    const char *done = sl_query(req, "done"), *text = sl_query(req, "period");
    sl_period period;
    if (!done || !text || (strcmp(done, "entered") != 0 && strcmp(done, "corrected") != 0) ||
        sl_period_parse(text, strlen(text), &period, NULL, 0) < 0)
        return;
    char words[SL_FIGURE_WORDS];
    sl_figure_period_words(&period, words);
    sl_buf_printf(&req->body,
                  "<div class=\"govuk-notification-banner govuk-notification-banner--success\" role=\"alert\" "
                  "aria-labelledby=\"done-title\"><div class=\"govuk-notification-banner__header\">"
                  "<h2 class=\"govuk-notification-banner__title\" id=\"done-title\">Success</h2></div>"
                  "<div class=\"govuk-notification-banner__content\"><p class=\"govuk-notification-banner__heading\">"
                  "The figure for %h was %h.</p></div></div>",
                  words, done);
}

/* Appends one row of the summary list. */
static void summary_row(sl_buf *b, const char *key, const char *value)
{
    sl_buf_printf(b, "<div class=\"govuk-summary-list__row\"><dt class=\"govuk-summary-list__key\">%h</dt>"
                     "<dd class=\"govuk-summary-list__value\">%h</dd></div>", key, value);
}

/* Appends what the measure is: unit, which way is good, latest, expected and comparators. */
static void key_facts(sl_request *req, const sl_measure_def *d, const sl_measure_value *own, size_t count)
{
    sl_buf *b = &req->body;
    sl_measure_status st;
    sl_measure_assess(d, own, count, req->today, &st);
    char text[SL_VALUE_TEXT] = "None yet";
    sl_buf_puts(b, "<dl class=\"govuk-summary-list\">");
    summary_row(b, "Good is", good_words(d->polarity));
    summary_row(b, "Unit and frequency", sl_req_printf(req, "%s, %s", sl_unit_name(d->unit),
                                                       sl_frequency_name(d->frequency ? d->frequency : SL_FREQ_MONTHLY)));
    if (st.has_latest)
        sl_unit_format_value(d->unit, st.latest, text);
    summary_row(b, "Latest figure", text);
    snprintf(text, sizeof text, "Not set");
    if (st.has_expected)
        sl_unit_format_value(d->unit, st.expected, text);
    summary_row(b, "Expected on the trajectory", text);
    static const char *const series[] = {"england", "statistical-neighbours", "region"};
    static const char *const labels[] = {"England", "Statistical neighbours", "Region"};
    for (size_t i = 0; i < 3; i++) {
        double v;
        snprintf(text, sizeof text, "Not loaded");
        if (sl_measure_comparator(d, own, count, series[i], req->today, &v))
            sl_unit_format_value(d->unit, v, text);
        summary_row(b, labels[i], text);
    }
    if (d->source)
        summary_row(b, "Where the figures come from", d->source);
    sl_buf_puts(b, "</dl>");
}

/* Appends the table of the council's own figures, each with a link to correct it when the user may. */
static void figures_table(sl_request *req, const sl_measure_def *d, const sl_measure_value *own, size_t count)
{
    sl_buf *b = &req->body;
    int may = sl_may(req->role, SL_DO_ENTER_FIGURES, NULL), rows = 0;
    sl_buf_printf(b, "<table class=\"govuk-table\" id=\"figures\"><caption class=\"govuk-table__caption "
                     "govuk-table__caption--m\">Figures</caption><thead class=\"govuk-table__head\">" ROW
                     TH "Period</th>" TH "Figure</th>%R</tr></thead><tbody class=\"govuk-table__body\">",
                  may ? TH "<span class=\"govuk-visually-hidden\">Change</span></th>" : "");
    for (size_t i = count; i-- > 0;) {
        if (!sl_series_is_actual(own[i].series))
            continue;
        char words[SL_FIGURE_WORDS], period[SL_PERIOD_TEXT], value[SL_VALUE_TEXT];
        sl_figure_period_words(&own[i].period, words);
        sl_period_format(&own[i].period, period);
        sl_unit_format_value(d->unit, own[i].value, value);
        sl_buf_printf(b, ROW TD "%h</td>" TD "%h</td>", words, value);
        if (may)
            sl_buf_printf(b, TD "<a class=\"govuk-link\" href=\"/measure/correct?code=%U&amp;period=%U\">Correct"
                             "<span class=\"govuk-visually-hidden\"> the figure for %h</span></a></td>",
                          d->code, period, words);
        sl_buf_puts(b, "</tr>");
        rows++;
    }
    if (!rows)
        sl_buf_printf(b, ROW "<td class=\"govuk-table__cell\" colspan=\"%d\">No figures yet.</td></tr>", may ? 3 : 2);
    sl_buf_puts(b, "</tbody></table>");
}

/* Appends the table of comparator values (every series but the council's own). */
static void comparators_table(sl_request *req, const sl_measure_def *d, const sl_measure_value *own, size_t count)
{
    sl_buf *b = &req->body;
    int rows = 0;
    for (size_t i = count; i-- > 0;) {
        if (sl_series_is_actual(own[i].series))
            continue;
        if (!rows++)
            sl_buf_puts(b, "<table class=\"govuk-table\"><caption class=\"govuk-table__caption govuk-table__caption--m\">"
                           "Comparators</caption><thead class=\"govuk-table__head\">" ROW TH "Period</th>" TH
                           "Compared with</th>" TH "Figure</th></tr></thead><tbody class=\"govuk-table__body\">");
        char words[SL_FIGURE_WORDS], value[SL_VALUE_TEXT];
        sl_figure_period_words(&own[i].period, words);
        sl_unit_format_value(d->unit, own[i].value, value);
        sl_buf_printf(b, ROW TD "%h</td>" TD "%h</td>" TD "%h</td></tr>", words, own[i].series, value);
    }
    if (rows)
        sl_buf_puts(b, "</tbody></table>");
}

/* Appends the history of the measure's figures, newest first. */
static void history_table(sl_request *req, const sl_measure_def *d)
{
    sl_buf *b = &req->body;
    sl_error err = {0};
    sl_figure_record *r = NULL;
    int n = sl_store_measure_figures(req->store, d->code, &r, &err);
    sl_buf_puts(b, "<h2 class=\"govuk-heading-m\" id=\"history\">Changes to figures</h2>");
    if (n <= 0) {
        sl_buf_printf(b, "<p class=\"govuk-body\">%h</p>", n < 0 ? err.message : "No figure has been entered, "
                                                                                 "corrected or found missing yet.");
        return;
    }
    sl_buf_puts(b, "<div class=\"sl-table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"Changes to figures\">"
                   "<table class=\"govuk-table\"><thead class=\"govuk-table__head\">" ROW TH "When</th>" TH "Period</th>"
                   TH "Change</th>" TH "Figure</th>" TH "Before</th>" TH "By</th>" TH "Source, reason and note</th>"
                   "</tr></thead><tbody class=\"govuk-table__body\">");
    for (int i = 0; i < n; i++) {
        char when[SL_FIGURE_WORDS], period[SL_FIGURE_WORDS], value[SL_VALUE_TEXT] = "Missing",
             before[SL_VALUE_TEXT] = "–";
        sl_figure_when_words(r[i].recorded_at, when);
        sl_figure_period_words(&r[i].period, period);
        if (r[i].has_value)
            sl_unit_format_value(d->unit, r[i].value, value);
        if (r[i].has_previous)
            sl_unit_format_value(d->unit, r[i].previous, before);
        sl_buf_printf(b, ROW TD "%h</td>" TD "%h%R%h</td>" TD "%h</td>" TD "%h</td>" TD "%h</td>" TD "%h</td>"
                         "<td class=\"govuk-table__cell sl-pre\">%h",
                      when, period, sl_series_is_actual(r[i].series) ? "" : ", ",
                      sl_series_is_actual(r[i].series) ? "" : r[i].series, sl_figure_change_name(r[i].change), value,
                      before, r[i].actor, r[i].source);
        if (*r[i].reason)
            sl_buf_printf(b, "<br>Reason: %h", r[i].reason);
        if (*r[i].note)
            sl_buf_printf(b, "<br>Note: %h", r[i].note);
        sl_buf_puts(b, "</td></tr>");
    }
    sl_buf_puts(b, "</tbody></table></div>");
    sl_figure_records_free(r, (size_t)n);
}

/* Fills fields (4: period, value, source, note) of the entry form from posted (NULL: empty). */
static void entry_fields(const sl_measure_def *d, const sl_measure_posted *p, sl_gov_field f[4])
{
    const sl_figure_checked *c = p ? p->checked : NULL;
    const char *period_label = d->frequency == SL_FREQ_QUARTERLY ? "Quarter (for example 2024/25-Q1)"
                               : d->frequency == SL_FREQ_ANNUAL  ? "Financial year (for example 2024/25)"
                                                                 : "Month (for example 2024-05 or May 2024)";
    f[0] = (sl_gov_field){"period", period_label, p ? p->typed.period : "",
                          p && p->period_problem ? p->period_problem
                          : c && c->period_error.set ? c->period_error.message : NULL};
    f[1] = (sl_gov_field){"value", "Figure (for example 61.5 or 62%)", p ? p->typed.value : "",
                          c && c->value_error.set ? c->value_error.message : NULL};
    f[2] = (sl_gov_field){"source", "Source (for example Liquidlogic extract)", p ? p->typed.source : "",
                          c && c->source_error.set ? c->source_error.message : NULL};
    f[3] = (sl_gov_field){"note", "Note (optional)", p ? p->typed.note : "",
                          c && c->note_error.set ? c->note_error.message : NULL};
}

/* Appends the form to enter a figure. */
static void entry_form(sl_request *req, const sl_measure_def *d, const sl_gov_field f[4])
{
    sl_buf *b = &req->body;
    sl_buf_puts(b, "<h2 class=\"govuk-heading-m\" id=\"enter\">Enter a figure</h2>");
    sl_gov_form_start(req, "/measure/figures");
    sl_buf_printf(b, "<input type=\"hidden\" name=\"code\" value=\"%a\">", d->code);
    sl_gov_input(b, &f[0], "text");
    sl_gov_input(b, &f[1], "text");
    sl_gov_input(b, &f[2], "text");
    sl_gov_textarea(b, &f[3]);
    sl_buf_puts(b, "<button type=\"submit\" class=\"govuk-button\">Enter figure</button></form>");
}

void sl_measure_render(sl_request *req, const char *code, const sl_measure_posted *posted)
{
    sl_web_measures m;
    if (sl_web_measures_load(req, &m) < 0)
        return;
    int found = find_measure(&m, code);
    if (found < 0) {
        sl_error_page(req, 404, "Measure not found", "There is no measure with that code.");
        sl_web_measures_free(&m);
        return;
    }
    const sl_measure_def *d = &m.defs[found];
    size_t count;
    const sl_measure_value *own = sl_values_of(m.values, (size_t)m.n_values, d->code, &count);
    sl_buf *b = &req->body;
    sl_gov_field fields[4];
    entry_fields(d, posted, fields);
    sl_page_start(req, d->name && *d->name ? d->name : d->code);
    sl_buf_puts(b, "<a href=\"/measures\" class=\"govuk-back-link\">All measures</a>");
    sl_gov_error_summary(b, fields, 4);
    done_banner(req);
    sl_buf_printf(b, "<span class=\"govuk-caption-l\">%h</span><h1 class=\"govuk-heading-l\">%h</h1>", d->code,
                  d->name && *d->name ? d->name : d->code);
    key_facts(req, d, own, count);
    sl_chart_measure chart = {d, own, count};
    sl_chart_measure_svg(b, &chart, req->today);
    figures_table(req, d, own, count);
    if (sl_may(req->role, SL_DO_ENTER_FIGURES, NULL))
        entry_form(req, d, fields);
    comparators_table(req, d, own, count);
    history_table(req, d);
    if (d->suggested_from)
        sl_buf_printf(b, "<p class=\"govuk-body\">Read from the plan: %h</p>", d->suggested_from);
    sl_page_end(req);
    sl_web_measures_free(&m);
}

void sl_page_measure(sl_request *req)
{
    sl_measure_render(req, sl_query(req, "code"), NULL);
}
