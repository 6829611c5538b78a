/* page_calendar.c — what is due and overdue (/calendar, as of a day, from
 * report/governance_calendar_view.h) and the user's calendar subscription:
 * a secret link /calendar.ics?token=… that answers without a session (the
 * token is the credential; only its hash is stored), created and revoked
 * from the page. A revoked or unknown token gets 403 and no content. */
#include <stdlib.h>
#include <string.h>

#include "report/governance_calendar_view.h"
#include "util/file.h"
#include "web/auth.h"
#include "web/governance_web.h"

#define TH "<th scope=\"col\" class=\"govuk-table__header\">"
#define TD "<td class=\"govuk-table__cell\">"
#define HORIZON_DAYS 90

/* Appends the entries not done up to HORIZON_DAYS after as_of, overdue first by date. */
static void entries_table(sl_buf *b, const sl_gcal *cal, sl_day as_of)
{
    sl_buf_puts(b, "<table class=\"govuk-table\"><caption class=\"govuk-table__caption govuk-table__caption--m\">"
                   "Due and overdue</caption><thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">"
                   TH "Date</th>" TH "State</th>" TH "What</th>" TH "Board</th></tr></thead>"
                   "<tbody class=\"govuk-table__body\">");
    int shown = 0;
    for (size_t i = 0; i < cal->n; i++) {
        const sl_gcal_entry *e = &cal->entries[i];
        const char *state = sl_gcal_state(e, as_of);
        if (e->done || strcmp(state, "held") == 0 || e->date > as_of + HORIZON_DAYS)
            continue;
        char day[SL_DAY_TEXT_SIZE];
        sl_day_uk(e->date, day);
        int late = strcmp(state, "overdue") == 0;
        sl_buf_printf(b, "<tr class=\"govuk-table__row\">" TD "%h</td>" TD "<strong class=\"govuk-tag%R\">%h</strong>"
                         "</td>" TD "%h</td>" TD "%h</td></tr>", day, late ? " govuk-tag--red" : " govuk-tag--blue",
                      state, e->title, e->board ? e->board : "");
        shown++;
    }
    if (!shown)
        sl_buf_puts(b, "<tr class=\"govuk-table__row\"><td class=\"govuk-table__cell\" colspan=\"4\">Nothing due.</td></tr>");
    sl_buf_puts(b, "</tbody></table>");
}

/* Appends the user's subscription links (created, revoked) with revoke buttons and the create form. */
static void subscriptions(sl_request *req)
{
    sl_buf *b = &req->body;
    sl_error err = {0};
    sl_calendar_token *list = NULL;
    int n = sl_store_calendar_tokens(req->store, req->session.user.login, &list, &err);
    sl_buf_puts(b, "<h2 class=\"govuk-heading-m\" id=\"subscribe\">Subscribe in your calendar</h2>"
                   "<p class=\"govuk-body\">A subscription link is a secret address your calendar program reads "
                   "without signing in. It is shown once, when you create it; revoke it if it is shared by mistake.</p>");
    for (int i = 0; i < n; i++) {
        sl_buf_printf(b, "<p class=\"govuk-body\">Link %lld, created %h: ", (long long)list[i].id, list[i].created_at);
        if (*list[i].revoked_at) {
            sl_buf_printf(b, "revoked %h.</p>", list[i].revoked_at);
            continue;
        }
        sl_buf_puts(b, "in use.</p>");
        char action[64];
        snprintf(action, sizeof action, "/calendar/tokens/%lld/revoke", (long long)list[i].id);
        sl_gov_form_start(req, action);
        sl_buf_printf(b, "<button type=\"submit\" class=\"govuk-button govuk-button--warning\">Revoke link %lld"
                         "</button></form>", (long long)list[i].id);
    }
    sl_calendar_tokens_free(list, n > 0 ? n : 0);
    sl_gov_form_start(req, "/calendar/tokens");
    sl_buf_puts(b, "<button type=\"submit\" class=\"govuk-button govuk-button--secondary\">Create a subscription link"
                   "</button></form>");
}

/* Writes the calendar page as of as_of; new_token (may be NULL) is shown once. */
static void calendar_page(sl_request *req, sl_day as_of, const char *new_token)
{
    sl_gcal cal = {0};
    sl_error err = {0};
    if (sl_gcal_build(req->store, NULL, as_of, &cal, &err) < 0) {
        sl_gcal_free(&cal);
        sl_error_page(req, 500, "The calendar could not be built", err.message);
        return;
    }
    sl_buf *b = &req->body;
    char day[SL_DAY_TEXT_SIZE];
    sl_day_uk(as_of, day);
    sl_page_start(req, "Calendar");
    /* The day is chosen with the header's as-of control (web/as_of.c). */
    sl_buf_printf(b, "<h1 class=\"govuk-heading-l\">Calendar</h1><p class=\"govuk-body\">What is due and overdue "
                     "as of <strong>%h</strong>, and what falls due in the next %d days.</p>", day, HORIZON_DAYS);
    if (new_token) {
        const char *host = sl_header(req, "Host");
        sl_buf_printf(b, "<div class=\"govuk-panel govuk-panel--confirmation\"><h2 class=\"govuk-panel__title\">"
                         "Your subscription link</h2><div class=\"govuk-panel__body sl-break\">http://%h/calendar.ics?token=%h"
                         "</div></div><p class=\"govuk-body\">Copy it now: it is not shown again.</p>",
                      host ? host : "localhost", new_token);
    }
    entries_table(b, &cal, as_of);
    subscriptions(req);
    sl_gcal_free(&cal);
    sl_page_end(req);
}

void sl_page_calendar(sl_request *req)
{
    const char *text = sl_query(req, "as_of"), *why = NULL;
    sl_day as_of;
    if (sl_gov_day(text, 1, &as_of, &why) < 0) {
        sl_error_page(req, 400, "That is not a real date", why);
        return;
    }
    calendar_page(req, as_of == SL_NO_DAY ? req->today : as_of, NULL);
}

/* Answers 403 with no content. */
static void refuse_feed(sl_request *req)
{
    sl_buf_reset(&req->body);
    req->status = 403;
    req->content_type = "text/plain; charset=utf-8";
}

void sl_page_calendar_ics(sl_request *req)
{
    const char *token = sl_query(req, "token");
    if (!token || strlen(token) != 64) {
        refuse_feed(req);
        return;
    }
    char hash[65];
    sl_sha256_hex(token, strlen(token), hash);
    sl_error err = {0};
    int64_t user_id = 0;
    /* The feed shows what the token's account sees. */
    if (sl_store_calendar_token_check(req->store, hash, &user_id, &err) < 0 ||
        sl_store_set_scope(req->store, user_id, &err) < 0) {
        refuse_feed(req);
        return;
    }
    sl_gcal cal = {0};
    if (sl_gcal_build(req->store, NULL, req->today, &cal, &err) < 0) {
        sl_gcal_free(&cal);
        refuse_feed(req);
        req->status = 500;
        return;
    }
    sl_gcal_ics(&req->body, &cal);
    sl_gcal_free(&cal);
    req->content_type = "text/calendar; charset=utf-8";
}

/* Stores the hash of a new token (sl_gov_write_fn); ctx is the hash. */
static int write_token(sl_request *req, void *ctx, sl_error *err)
{
    int64_t id = 0;
    return sl_store_calendar_token_add(req->store, req->session.user.login, ctx, req->session.user.login, &id, err);
}

/* POST /calendar/tokens: stores a new token's hash and answers with the
 * calendar page showing the link once (not a redirect: the secret is never
 * stored, so no later page could show it). */
void sl_page_calendar_token_add(sl_request *req)
{
    char token[65], hash[65];
    sl_random_hex(token, 32);
    sl_sha256_hex(token, strlen(token), hash);
    sl_error err = {0};
    if (sl_gov_transaction(req, write_token, hash, &err) < 0)
        sl_gov_refused(req, "The link was not created", &err);
    else
        calendar_page(req, req->today, token);
}

/* Revokes token *ctx (sl_gov_write_fn). */
static int write_revoke(sl_request *req, void *ctx, sl_error *err)
{
    return sl_store_calendar_token_revoke(req->store, *(int64_t *)ctx, req->session.user.login, err);
}

void sl_page_calendar_token_revoke(sl_request *req)
{
    sl_error err = {0};
    sl_calendar_token *list = NULL;
    int64_t id = req->ids[0];
    int n = sl_store_calendar_tokens(req->store, req->session.user.login, &list, &err), mine = 0;
    for (int i = 0; i < n; i++)
        mine |= list[i].id == id && !*list[i].revoked_at;
    sl_calendar_tokens_free(list, n > 0 ? n : 0);
    if (!mine)
        sl_error_page(req, 404, "No such link", "You have no subscription link in use with that number.");
    else if (sl_gov_transaction(req, write_revoke, &id, &err) < 0)
        sl_gov_refused(req, "The link was not revoked", &err);
    else
        sl_redirect(req, "/calendar#subscribe");
}
