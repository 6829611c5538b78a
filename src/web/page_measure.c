/* page_measure.c — one measure: its chart (actuals, trajectory band,
 * target, comparators) and every value loaded for it. */
#include <string.h>

#include "report/chart_svg.h"
#include "report/measure_report.h"
#include "web/measure_data.h"
#include "web/web.h"

void sl_page_measure(sl_request *req)
{
    const char *code = sl_query(req, "code");
    sl_web_measures m;
    if (sl_web_measures_load(req, &m) < 0)
        return;
    int found = -1;
    for (int i = 0; code && i < m.n; i++)
        if (strcmp(m.defs[i].code, code) == 0)
            found = i;
    if (found < 0) {
        sl_error_page(req, 404, "Measure not found", "There is no measure with that code.");
        sl_web_measures_free(&m);
        return;
    }
    const sl_measure_def *d = &m.defs[found];
    size_t count;
    const sl_measure_value *own = sl_values_of(m.values, (size_t)m.n_values, d->code, &count);
    sl_buf *b = &req->body;
    sl_page_start(req, d->name && *d->name ? d->name : d->code);
    sl_buf_printf(b, "<span class=\"govuk-caption-l\">%h</span><h1 class=\"govuk-heading-l\">%h</h1>", d->code,
                  d->name && *d->name ? d->name : d->code);
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
        sl_buf_printf(b, "<tr class=\"govuk-table__row\"><td class=\"govuk-table__cell\">%h</td>"
                         "<td class=\"govuk-table__cell\">%h</td><td class=\"govuk-table__cell\">%h</td></tr>",
                      period, own[i].series, value);
    }
    sl_buf_puts(b, "</tbody></table>");
    if (d->suggested_from) {
        sl_buf_printf(b, "<p class=\"govuk-body\">Read from the plan: %h</p>", d->suggested_from);
    }
    sl_page_end(req);
    sl_web_measures_free(&m);
}
