/* page_recommendations.c — recommendation coverage: each recommendation of a
 * plan, the actions answering it and a rolled-up status and RAG; those that
 * nothing answers are highlighted (counted over all of them); 100 to a page. */
#include <string.h>

#include "report/coverage.h"
#include "web/pagination.h"
#include "web/web.h"

void sl_page_recommendations(sl_request *req)
{
    sl_web_plan plan;
    if (sl_find_plan(req, req->ids[0], &plan) != 1)
        return;
    sl_coverage c;
    sl_error err = {0};
    if (sl_coverage_build(req->store, plan.id, req->today, &c, &err) < 0) {
        sl_error_page(req, 500, "Something went wrong", err.message);
        return;
    }
    sl_pager pager;
    if (sl_pager_read(req, &pager) < 0 || sl_pager_total(req, &pager, c.n) < 0) {
        sl_coverage_free(&c);
        return;
    }
    sl_buf *b = &req->body;
    sl_page_start(req, "Recommendations");
    sl_breadcrumbs(req, &plan, "Recommendations");
    sl_buf_puts(b, "<h1 class=\"govuk-heading-l\">Recommendations and the actions answering them</h1>");
    int uncovered = 0;
    for (size_t i = 0; i < c.n; i++)
        uncovered += c.rows[i].n_actions == 0;
    if (uncovered)
        sl_buf_printf(b, "<div class=\"govuk-warning-text\"><span class=\"govuk-warning-text__icon\" aria-hidden=\"true\">!</span>"
                         "<strong class=\"govuk-warning-text__text\"><span class=\"govuk-visually-hidden\">Warning</span>"
                         "%d recommendation%h ha%h no action answering %h.</strong></div>",
                      uncovered, uncovered == 1 ? "" : "s", uncovered == 1 ? "s" : "ve", uncovered == 1 ? "it" : "them");
    if (c.n)
        sl_pager_summary(b, &pager, "recommendations");
    sl_buf_puts(b, "<table class=\"govuk-table\"><thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">"
                   "<th scope=\"col\" class=\"govuk-table__header\">Recommendation</th>"
                   "<th scope=\"col\" class=\"govuk-table__header\">Actions</th>"
                   "<th scope=\"col\" class=\"govuk-table__header\">Status</th>"
                   "<th scope=\"col\" class=\"govuk-table__header\">RAG</th></tr></thead><tbody class=\"govuk-table__body\">");
    for (size_t i = sl_pager_first(&pager); i < sl_pager_end(&pager); i++) {
        const sl_coverage_row *r = &c.rows[i];
        char status[48];
        sl_buf_printf(b, "<tr class=\"govuk-table__row%a\" id=\"rec-%d\"><td class=\"govuk-table__cell\"><strong>%d</strong> %h"
                         "</td><td class=\"govuk-table__cell\">",
                      r->n_actions ? "" : " sl-uncovered", r->number, r->number, r->text);
        for (size_t k = 0; k < r->n_actions; k++)
            sl_buf_printf(b, "%h<a class=\"govuk-link\" href=\"/actions/%lld\">%h</a>", k ? ", " : "",
                          (long long)r->actions[k].id, r->actions[k].ref);
        if (!r->n_actions)
            sl_buf_puts(b, "<strong>No action answers this</strong>");
        sl_buf_printf(b, "</td><td class=\"govuk-table__cell\">%h</td><td class=\"govuk-table__cell\">",
                      sl_coverage_status(r, status, sizeof status));
        sl_rag_tag(b, r->rag);
        sl_buf_puts(b, "</td></tr>");
    }
    sl_buf_puts(b, "</tbody></table>");
    sl_pager_nav(req, b, &pager);
    if (c.n == 0)
        sl_buf_puts(b, "<p class=\"govuk-body\">This plan names no recommendations.</p>");
    sl_page_end(req);
    sl_coverage_free(&c);
}
