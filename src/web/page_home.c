/* page_home.c — the home page: every current plan with its authority and
 * its actions by RAG, linking to each plan's dashboard. */
#include "report/action_list.h"
#include "web/web.h"

typedef struct {
    sl_request *req;
    int n;
} home;

typedef struct {
    int by_rag[6];
    int overdue;
    int total;
} tally;

/* Rated-action callback: counts one action. */
static int count(void *ctx, const sl_action_row *row, const sl_rag_result *rag)
{
    (void)row;
    tally *t = ctx;
    t->by_rag[rag->rag]++;
    t->overdue += rag->overdue;
    t->total++;
    return 0;
}

/* Store callback: one plan's row of the table. */
static int on_plan(void *ctx, const sl_plan_info *info)
{
    home *h = ctx;
    sl_buf *b = &h->req->body;
    tally t = {0};
    sl_action_filter f = {.plan_id = info->id, .as_of = h->req->today, .due_within = -1};
    sl_error err = {0};
    if (sl_each_rated_action(h->req->store, &f, count, &t, &err) < 0)
        return -1;
    sl_buf_printf(b, "<tr class=\"govuk-table__row\"><td class=\"govuk-table__cell\"><a class=\"govuk-link\" href=\"/plans/%lld\">%h</a>"
                     "</td><td class=\"govuk-table__cell\">%h"
                     "</td><td class=\"govuk-table__cell govuk-table__cell--numeric\">%d</td>"
                     "<td class=\"govuk-table__cell govuk-table__cell--numeric\">%d</td>"
                     "<td class=\"govuk-table__cell govuk-table__cell--numeric\">%d</td>"
                     "<td class=\"govuk-table__cell govuk-table__cell--numeric\">%d</td>"
                     "<td class=\"govuk-table__cell govuk-table__cell--numeric\">%d</td>"
                     "<td class=\"govuk-table__cell govuk-table__cell--numeric\">%d</td>"
                     "<td class=\"govuk-table__cell govuk-table__cell--numeric\">%d</td></tr>",
                  (long long)info->id, info->title, info->authority, t.total, t.overdue, t.by_rag[SL_RAG_RED], t.by_rag[SL_RAG_AMBER],
                  t.by_rag[SL_RAG_GREEN], t.by_rag[SL_RAG_BLUE], t.by_rag[SL_RAG_GREY]);
    h->n++;
    return 0;
}

void sl_page_home(sl_request *req)
{
    sl_buf *b = &req->body;
    sl_page_start(req, "Plans");
    sl_buf_printf(b, "<h1 class=\"govuk-heading-l\">Improvement plans</h1>"
                   "<table class=\"govuk-table\"><caption class=\"govuk-table__caption govuk-table__caption--m\">Current plans, rated as of %h</caption>"
                   "<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">"
                   "<th scope=\"col\" class=\"govuk-table__header\">Plan</th>"
                   "<th scope=\"col\" class=\"govuk-table__header\">Authority</th>"
                   "<th scope=\"col\" class=\"govuk-table__header govuk-table__header--numeric\">Actions</th>"
                   "<th scope=\"col\" class=\"govuk-table__header govuk-table__header--numeric\">Overdue</th>"
                   "<th scope=\"col\" class=\"govuk-table__header govuk-table__header--numeric\">Red</th>"
                   "<th scope=\"col\" class=\"govuk-table__header govuk-table__header--numeric\">Amber</th>"
                   "<th scope=\"col\" class=\"govuk-table__header govuk-table__header--numeric\">Green</th>"
                   "<th scope=\"col\" class=\"govuk-table__header govuk-table__header--numeric\">Blue</th>"
                   "<th scope=\"col\" class=\"govuk-table__header govuk-table__header--numeric\">Grey</th>"
                   "</tr></thead><tbody class=\"govuk-table__body\">",
                  sl_req_day(req, req->today));
    home h = {req, 0};
    sl_error err = {0};
    if (sl_store_each_plan(req->store, 0, on_plan, &h, &err) < 0) {
        sl_error_page(req, 500, "Something went wrong", err.message);
        return;
    }
    sl_buf_puts(b, "</tbody></table>");
    if (h.n == 0)
        sl_buf_puts(b, "<p class=\"govuk-body\">No plans yet. Import one with <code>sightline import FILE</code>.</p>");
    sl_page_end(req);
}
