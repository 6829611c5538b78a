/* page_audit.c — the audit log: the latest changes, newest first, each with
 * who made it, when, and what it was before and after. */
#include <string.h>

#include "web/web.h"

/* Audit callback: one row of the log. */
static int on_audit(void *ctx, const sl_audit_entry *e)
{
    sl_request *req = ctx;
    sl_buf *b = &req->body;
    if (sl_stamp_london_day(e->at) > req->today)
        return 0;       /* after the day the page shows */
    sl_buf_printf(b, "<tr class=\"govuk-table__row\"><td class=\"govuk-table__cell\">%h</td>"
                     "<td class=\"govuk-table__cell\">%h</td><td class=\"govuk-table__cell\">%h ",
                  sl_req_time(req, e->at), e->actor, sl_req_words(req, e->operation));
    if (strcmp(e->entity, "action") == 0)
        sl_buf_printf(b, "<a class=\"govuk-link\" href=\"/actions/%lld\">action %lld</a>", (long long)e->entity_id,
                      (long long)e->entity_id);
    else
        sl_buf_printf(b, "%h %lld", strcmp(e->entity, "plan") == 0 ? "plan" : "user", (long long)e->entity_id);
    sl_buf_printf(b, " %h</td><td class=\"govuk-table__cell sl-pre\">", e->field);
    if (e->before)
        sl_buf_printf(b, "%h → ", sl_req_value(req, e->before));
    sl_buf_printf(b, "%h</td></tr>", sl_req_value(req, e->after));
    return 0;
}

void sl_page_audit(sl_request *req)
{
    sl_buf *b = &req->body;
    sl_page_start(req, "Audit log");
    /* Admins see every account's changes; everyone else only their own (in the store's query). */
    int all = req->role >= SL_ROLE_ADMIN;
    sl_buf_printf(b, "<h1 class=\"govuk-heading-l\">Audit log</h1><table class=\"govuk-table\">"
                   "<caption class=\"govuk-table__caption govuk-table__caption--m\">%R</caption>"
                   "<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">"
                   "<th scope=\"col\" class=\"govuk-table__header\">When</th>"
                   "<th scope=\"col\" class=\"govuk-table__header\">Who</th>"
                   "<th scope=\"col\" class=\"govuk-table__header\">What</th>"
                   "<th scope=\"col\" class=\"govuk-table__header\">Change</th></tr></thead><tbody class=\"govuk-table__body\">",
                  all ? "The latest 200 changes, newest first" : "Your latest 200 changes, newest first");
    sl_error err = {0};
    sl_store_each_recent_audit(req->store, all ? NULL : req->session.user.login, 200, on_audit, req, &err);
    sl_buf_puts(b, "</tbody></table>");
    sl_page_end(req);
}
