/* page_savings.c — savings delivery (/savings for every current plan,
 * /plans/{id}/savings for one): each savings project by financial year, with target, forecast, delivered and
 * variance (£000s) and the RAG in words and colour (sl_savings_rag). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "web/governance_web.h"

#define TH "<th scope=\"col\" class=\"govuk-table__header\">"
#define THN "<th scope=\"col\" class=\"govuk-table__header govuk-table__header--numeric\">"
#define TD "<td class=\"govuk-table__cell\">"
#define TDN "<td class=\"govuk-table__cell govuk-table__cell--numeric\">"

/* Writes an amount in £000s with one decimal, or "—" when not recorded, into out. */
static void amount(double v, char out[32])
{
    if (v < 0)
        snprintf(out, 32, "—");
    else
        snprintf(out, 32, "%.1f", v);
}

/* Appends one project-year row. */
static void savings_row(sl_buf *b, const sl_savings_row *s)
{
    char target[32], forecast[32], delivered[32], variance[32], year[16];
    double var = 0;
    sl_rag rag = sl_savings_rag(s->target, s->forecast, s->delivered, &var);
    amount(s->target, target);
    amount(s->forecast, forecast);
    amount(s->delivered, delivered);
    if (rag == SL_RAG_GREY)
        snprintf(variance, sizeof variance, "—");
    else
        snprintf(variance, sizeof variance, "%+.1f", var);
    snprintf(year, sizeof year, "%d/%02d", s->fy_start_year, (s->fy_start_year + 1) % 100);
    sl_buf_printf(b, "<tr class=\"govuk-table__row\">" TD "%h</td>" TD "%h</td>" TD "%h</td>" TDN "%h</td>" TDN "%h</td>"
                     TDN "%h</td>" TDN "%h</td>" TD, s->ref ? s->ref : "", s->title ? s->title : "", year, target,
                  forecast, delivered, variance);
    sl_rag_tag(b, rag);
    sl_buf_puts(b, "</td></tr>");
}

void sl_page_savings(sl_request *req)
{
    sl_web_plan plan = {0};
    int one = req->ids[0] > 0 && strncmp(req->path, "/plans/", 7) == 0;
    if (one && sl_find_plan(req, req->ids[0], &plan) != 1)
        return;
    sl_error err = {0};
    sl_savings_row *rows = NULL;
    int n = sl_store_savings(req->store, one ? plan.id : 0, &rows, &err);
    if (n < 0) {
        sl_error_page(req, 500, "The savings could not be read", err.message);
        return;
    }
    sl_buf *b = &req->body;
    sl_page_start(req, "Savings");
    if (one)
        sl_breadcrumbs(req, &plan, "Savings");
    sl_buf_printf(b, "<h1 class=\"govuk-heading-l\">Savings%R%h</h1>", one ? ": " : "", one ? plan.title : "");
    sl_buf_puts(b, "<p class=\"govuk-body\">By project and financial year, "
                   "in £000s. The RAG compares what was delivered (or, until then, the forecast) with the target: "
                   "green at 100% or more, amber from 90%, red below.</p>"
                   "<div class=\"sl-table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"Savings table\"><table class=\"govuk-table\"><caption class=\"govuk-table__caption "
                   "govuk-table__caption--m\">Savings by project and year</caption><thead class=\"govuk-table__head\">"
                   "<tr class=\"govuk-table__row\">" TH "Project</th>" TH "Title</th>" TH "Year</th>" THN "Target</th>"
                   THN "Forecast</th>" THN "Delivered</th>" THN "Variance</th>" TH "RAG</th></tr></thead>"
                   "<tbody class=\"govuk-table__body\">");
    for (int i = 0; i < n; i++)
        savings_row(b, &rows[i]);
    if (!n)
        sl_buf_puts(b, "<tr class=\"govuk-table__row\"><td class=\"govuk-table__cell\" colspan=\"8\">No savings projects "
                       "in the current plans.</td></tr>");
    sl_buf_puts(b, "</tbody></table></div>");
    sl_savings_rows_free(rows, n);
    sl_page_end(req);
}
