/* page_audit.c — the audit log: the changes, newest first, 100 to a page,
 * each with who made it, when, and what it was before and after. */
#include <string.h>

#include "web/pagination.h"
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
    /* Admins see every account's changes; everyone else only their own (in the store's query). */
    int all = req->role >= SL_ROLE_ADMIN;
    const char *actor = all ? NULL : req->session.user.login;
    sl_pager pager;
    int64_t total = 0;
    sl_error err = {0};
    if (sl_pager_read(req, &pager) < 0)
        return;
    if (sl_store_audit_count(req->store, actor, &total, &err) < 0) {
        sl_error_page(req, 500, "Something went wrong", err.message);
        return;
    }
    if (sl_pager_total(req, &pager, (size_t)total) < 0)
        return;
    sl_page_start(req, "Audit log");
    sl_buf_puts(b, "<h1 class=\"govuk-heading-l\">Audit log</h1>");
    sl_pager_summary(b, &pager, all ? "changes, newest first" : "of your changes, newest first");
    sl_buf_printf(b, "<table class=\"govuk-table\">"
                   "<caption class=\"govuk-table__caption govuk-table__caption--m\">%R</caption>"
                   "<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">"
                   "<th scope=\"col\" class=\"govuk-table__header\">When</th>"
                   "<th scope=\"col\" class=\"govuk-table__header\">Who</th>"
                   "<th scope=\"col\" class=\"govuk-table__header\">What</th>"
                   "<th scope=\"col\" class=\"govuk-table__header\">Change</th></tr></thead><tbody class=\"govuk-table__body\">",
                  all ? "Every account's changes, newest first" : "Your changes, newest first");
    if (sl_store_each_recent_audit(req->store, actor, (int64_t)sl_pager_first(&pager), (int)pager.per_page, on_audit,
                                   req, &err) < 0) {
        sl_error_page(req, 500, "Something went wrong", err.message);
        return;
    }
    sl_buf_puts(b, "</tbody></table>");
    sl_pager_nav(req, b, &pager);
    sl_page_end(req);
}
