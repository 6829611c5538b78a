/* page_national.c — the national picture in the browser: England's map
 * coloured by each authority's latest judgement, and every authority's
 * judgements, direction, plan deadline and (where sightline holds its plan)
 * its plan's RAG summary. */
#include <string.h>

#include "report/national_view.h"
#include "web/web.h"

void sl_page_national(sl_request *req)
{
    sl_national_view view;
    sl_error err = {0};
    if (sl_national_view_load(req->store, req->data_dir, req->today, &view, &err) < 0) {
        sl_error_page(req, 500, "Something went wrong", err.message);
        return;
    }
    sl_buf *b = &req->body;
    sl_page_start(req, "National picture");
    sl_buf_puts(b, "<h1 class=\"govuk-heading-l\">Children's services in England</h1>");
    sl_map map;
    if (sl_national_map_load(req->data_dir, &map, &err) == 0) {
        sl_map_svg(b, &map, &view.authorities, sl_national_view_grade_overall, &view,
                   "Latest overall judgement of each children's services authority");
        sl_map_free(&map);
    } else {
        sl_buf_printf(b, "<p class=\"govuk-body\">The map is not available: %h</p>", err.message);
    }
    sl_buf_puts(b, "<table class=\"govuk-table\"><caption class=\"govuk-table__caption govuk-table__caption--m\">"
                   "Every authority's latest judgements</caption><thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">"
                   "<th scope=\"col\" class=\"govuk-table__header\">Authority</th><th scope=\"col\" class=\"govuk-table__header\">Region</th>"
                   "<th scope=\"col\" class=\"govuk-table__header\">Latest</th><th scope=\"col\" class=\"govuk-table__header\">Direction</th>"
                   "<th scope=\"col\" class=\"govuk-table__header\">Months since</th><th scope=\"col\" class=\"govuk-table__header\">Plan due</th>"
                   "<th scope=\"col\" class=\"govuk-table__header\">Plan in sightline</th></tr></thead><tbody class=\"govuk-table__body\">");
    for (size_t i = 0; i < view.national.n; i++) {
        const sl_national_row *r = &view.national.rows[i];
        char months[16] = "–", due[SL_DAY_TEXT_SIZE] = "–";
        if (r->months_since >= 0)
            snprintf(months, sizeof months, "%d", r->months_since);
        if (r->plan_deadline != SL_NO_DAY)
            sl_day_uk(r->plan_deadline, due);
        sl_buf_printf(b, "<tr class=\"govuk-table__row\"><td class=\"govuk-table__cell\">%h</td>"
                         "<td class=\"govuk-table__cell\">%h</td><td class=\"govuk-table__cell\">%h</td>"
                         "<td class=\"govuk-table__cell\">%h</td><td class=\"govuk-table__cell\">%h</td>"
                         "<td class=\"govuk-table__cell\">%h</td><td class=\"govuk-table__cell\">%h</td></tr>",
                      r->authority->name, r->authority->region,
                      sl_req_words(req, r->headline ? sl_grade_name(r->headline) : "not inspected"),
                      sl_req_words(req, sl_direction_name(r->direction)),
                      months, due, r->plan_summary);
    }
    sl_buf_puts(b, "</tbody></table>");
    sl_page_end(req);
    sl_national_view_free(&view);
}
