/* action_history.c — the lower half of the action page: its dated
 * progress history, board comments, carry-forward links and audit trail. */
#include <string.h>

#include "web/action_page.h"

/* How many updates, comments and changes the page shows at most (the latest). */
#define SHOWN 100
#include "web/web.h"

typedef struct {
    sl_buf *b;
    int n;
    int64_t self;
    sl_day as_of;               /* what was recorded after this day is not shown */
    sl_request *req;
} listing;

/* Writes a link to evidence when it is a web address, else the text. */
static void evidence(sl_buf *b, const char *url)
{
    if (strncmp(url, "https://", 8) == 0 || strncmp(url, "http://", 7) == 0) {
        sl_buf_printf(b, "<a class=\"govuk-link\" rel=\"noreferrer noopener\" href=\"%a\">%h</a>", url, url);
    } else {
        sl_buf_printf(b, "%h", url);
    }
}

/* Update callback: one dated history row. */
static int on_update(void *ctx, const sl_update *u)
{
    listing *l = ctx;
    if (u->day > l->as_of)
        return 0;       /* after the day the page shows */
    char day[SL_DAY_TEXT_SIZE], status[48];
    sl_day_uk(u->day, day);
    sl_code_words(sl_status_name(u->status), status, sizeof status);
    sl_buf_printf(l->b, "<tr class=\"govuk-table__row\"><td class=\"govuk-table__cell\">%h</td><td class=\"govuk-table__cell\">%h",
                  day, status);
    if (u->rag) {
        sl_buf_puts(l->b, " ");
        sl_rag_tag(l->b, u->rag);
        sl_buf_printf(l->b, " %h", u->rag_reason);
    }
    sl_buf_printf(l->b, "</td><td class=\"govuk-table__cell sl-pre\">%h", u->note);
    if (u->evidence && *u->evidence) {
        sl_buf_puts(l->b, "<br>Evidence: ");
        evidence(l->b, u->evidence);
    }
    sl_buf_printf(l->b, "</td><td class=\"govuk-table__cell\">%h</td></tr>", u->actor);
    l->n++;
    return 0;
}

/* Comment callback: one comment. */
static int on_comment(void *ctx, const sl_comment *c)
{
    listing *l = ctx;
    if (sl_stamp_london_day(c->at) > l->as_of)
        return 0;
    char when[SL_TIME_TEXT_SIZE];
    sl_time_text(c->at, when);
    sl_buf_printf(l->b, "<div class=\"govuk-inset-text\"><p class=\"govuk-body-s\">%h, %h</p>"
                        "<p class=\"govuk-body sl-pre\">%h</p></div>",
                  c->actor, when, c->text);
    l->n++;
    return 0;
}

/* Link callback: one carry-forward link. */
static int on_link(void *ctx, const sl_link_row *k)
{
    listing *l = ctx;
    int outgoing = k->from_action_id == l->self;
    sl_buf_printf(l->b, "<li>Carried forward %h <a class=\"govuk-link\" href=\"/actions/%lld\">%h, action %h</a></li>",
                  outgoing ? "into" : "from", (long long)(outgoing ? k->to_action_id : k->from_action_id),
                  outgoing ? k->to_plan : k->from_plan, outgoing ? k->to_ref : k->from_ref);
    l->n++;
    return 0;
}

/* Audit callback: one audit row. */
static int on_audit(void *ctx, const sl_audit_entry *e)
{
    listing *l = ctx;
    if (sl_stamp_london_day(e->at) > l->as_of)
        return 0;
    sl_buf_printf(l->b, "<tr class=\"govuk-table__row\"><td class=\"govuk-table__cell\">%h</td>"
                        "<td class=\"govuk-table__cell\">%h</td><td class=\"govuk-table__cell\">%h %h</td>"
                        "<td class=\"govuk-table__cell sl-pre\">",
                  sl_req_time(l->req, e->at), e->actor, sl_req_words(l->req, e->operation), e->field);
    if (e->before)
        sl_buf_printf(l->b, "%h → ", sl_req_value(l->req, e->before));
    sl_buf_printf(l->b, "%h</td></tr>", sl_req_value(l->req, e->after));
    l->n++;
    return 0;
}

void sl_action_history(sl_request *req, const sl_action_state *s)
{
    sl_buf *b = &req->body;
    sl_error err = {0};
    listing l = {b, 0, s->id, req->today, req};
    sl_buf_puts(b, "<h2 class=\"govuk-heading-m\" id=\"history\">History</h2>"
                   "<table class=\"govuk-table\"><caption class=\"govuk-visually-hidden\">Dated progress updates, oldest first</caption>"
                   "<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">"
                   "<th scope=\"col\" class=\"govuk-table__header\">As of</th>"
                   "<th scope=\"col\" class=\"govuk-table__header\">Status</th>"
                   "<th scope=\"col\" class=\"govuk-table__header\">Progress</th>"
                   "<th scope=\"col\" class=\"govuk-table__header\">By</th></tr></thead><tbody class=\"govuk-table__body\">");
    sl_store_each_update(req->store, s->id, SHOWN, on_update, &l, &err);
    sl_buf_puts(b, "</tbody></table>");
    if (l.n == 0)
        sl_buf_puts(b, "<p class=\"govuk-body\">No progress updates since the plan was imported.</p>");
    else if (l.n == SHOWN)
        sl_buf_printf(b, "<p class=\"govuk-body-s\">The latest %d updates; <code>sightline show</code> lists them all.</p>", SHOWN);
    l.n = 0;
    sl_buf_puts(b, "<h2 class=\"govuk-heading-m\">Comments</h2>");
    sl_store_each_comment(req->store, s->id, SHOWN, on_comment, &l, &err);
    if (l.n == 0)
        sl_buf_puts(b, "<p class=\"govuk-body\">No comments.</p>");
    else if (l.n == SHOWN)
        sl_buf_printf(b, "<p class=\"govuk-body-s\">The latest %d comments.</p>", SHOWN);
    l.n = 0;
    size_t mark = b->len;
    sl_buf_puts(b, "<h2 class=\"govuk-heading-m\">Linked actions</h2><ul class=\"govuk-list\">");
    sl_store_each_link(req->store, s->id, on_link, &l, &err);
    if (l.n == 0) {
        b->len = mark;
        b->data[mark] = '\0';
    } else {
        sl_buf_puts(b, "</ul>");
    }
    l.n = 0;
    sl_buf_puts(b, "<h2 class=\"govuk-heading-m\">Audit trail</h2>"
                   "<table class=\"govuk-table\"><caption class=\"govuk-visually-hidden\">Every change to this action</caption>"
                   "<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">"
                   "<th scope=\"col\" class=\"govuk-table__header\">When</th>"
                   "<th scope=\"col\" class=\"govuk-table__header\">Who</th>"
                   "<th scope=\"col\" class=\"govuk-table__header\">What</th>"
                   "<th scope=\"col\" class=\"govuk-table__header\">Change</th></tr></thead><tbody class=\"govuk-table__body\">");
    sl_store_each_audit(req->store, "action", s->id, SHOWN, on_audit, &l, &err);
    sl_buf_puts(b, "</tbody></table>");
    if (l.n == SHOWN)
        sl_buf_printf(b, "<p class=\"govuk-body-s\">The latest %d changes; <code>sightline history</code> lists them all.</p>", SHOWN);
}
