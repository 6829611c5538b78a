/* action_forms.c — the forms of the action page and what they post to:
 * sign-off or return by the SRO and board comments; every update (these and
 * action_update.c's) is refused on a stale version, so nothing is overwritten. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/limits.h"
#include "web/action_page.h"
#include "web/web.h"

void sl_action_forms(sl_request *req, const sl_action_state *s, const sl_update_posted *posted)
{
    char id[24], version[24];
    snprintf(id, sizeof id, "%lld", (long long)s->id);
    snprintf(version, sizeof version, "%d", s->version);
    if (s->may_update)
        sl_action_update_form(req, s, posted);
    if (s->may_sign_off) {
        sl_template_slot slots[] = {{"id", id}, {"csrf", req->session.csrf}, {"version", version}};
        sl_web_template(req, &req->body, "action_sign_off_form", SL_SLOTS(slots));
    }
    if (s->may_comment) {
        sl_template_slot slots[] = {{"id", id}, {"csrf", req->session.csrf}};
        sl_web_template(req, &req->body, "action_comment_form", SL_SLOTS(slots));
    }
}

/* Reads the version a form was made against; 0 when missing or malformed. */
static int form_version(sl_request *req)
{
    const char *v = sl_form_get(&req->form, "version");
    char *end;
    long n = v ? strtol(v, &end, 10) : 0;
    return v && *end == '\0' && n > 0 && n < 1000000000 ? (int)n : 0;
}

/* Tells the user their form was made on an old version and shows what changed meanwhile. */
static void stale_page(sl_request *req, const sl_action_state *s, int made_against);

int sl_action_apply(sl_request *req, const sl_action_state *s, sl_update *u)
{
    sl_error err = {0};
    u->action_id = s->id;
    u->day = req->today;
    u->expected_version = form_version(req);
    if (!u->expected_version) {
        sl_error_page(req, 400, "Bad request", "The form did not say which version of the action it was made on.");
        return -1;
    }
    if (u->expected_version != s->version) {
        stale_page(req, s, u->expected_version);
        return -1;
    }
    if (sl_store_begin(req->store, &err) < 0 ||
        sl_store_add_update(req->store, u, req->session.user.login, &err) < 0 ||
        sl_store_commit(req->store, &err) < 0) {
        sl_store_rollback(req->store);
        if (err.code == SL_ERR_STALE)
            stale_page(req, s, u->expected_version);
        else
            sl_error_page(req, 500, "The update was not saved", err.message);
        return -1;
    }
    sl_redirect(req, "/actions/%lld", (long long)s->id);
    return 0;
}

void sl_page_action_sign_off(sl_request *req)
{
    sl_action_state s;
    if (sl_action_state_load(req, req->ids[0], &s) != 1)
        return;
    if (!s.may_sign_off) {
        sl_error_page(req, 403, "You cannot sign this off",
                      "Only the action's SRO signs it off, once it is complete.");
        return;
    }
    sl_update u = {.status = SL_STATUS_SIGNED_OFF, .status_text = "signed off", .note = "Signed off by the SRO",
                   .keep_rag = 1};
    sl_action_apply(req, &s, &u);
}

void sl_page_action_return(sl_request *req)
{
    sl_action_state s;
    if (sl_action_state_load(req, req->ids[0], &s) != 1)
        return;
    const char *reason = sl_form_get(&req->form, "reason");
    if (!s.may_sign_off) {
        sl_error_page(req, 403, "You cannot return this action",
                      "Only the action's SRO returns it, once it is complete.");
        return;
    }
    if (!reason || !*reason) {
        sl_error_page(req, 400, "Say why it is returned", "A returned action needs a reason for its lead.");
        return;
    }
    sl_error limit = {0};
    if (sl_limit_check("the reason", reason, SL_LIMIT_REASON, &limit) < 0) {
        sl_error_page(req, 413, "Too long to save", limit.message);
        return;
    }
    const char *note = sl_req_printf(req, "Returned by the SRO: %s", reason);
    sl_update u = {.status = SL_STATUS_IN_PROGRESS, .status_text = "returned", .note = note, .keep_rag = 1};
    sl_action_apply(req, &s, &u);
}

void sl_page_action_comment(sl_request *req)
{
    sl_action_state s;
    if (sl_action_state_load(req, req->ids[0], &s) != 1)
        return;
    const char *text = sl_form_get(&req->form, "comment");
    if (!text || !*text || strlen(text) > 4000) {
        sl_error_page(req, 400, "Write a comment", "A comment needs some text (at most 4,000 characters).");
        return;
    }
    sl_error err = {0};
    if (sl_store_begin(req->store, &err) < 0 ||
        sl_store_comment_add(req->store, s.id, text, req->session.user.login, &err) < 0 ||
        sl_store_commit(req->store, &err) < 0) {
        sl_store_rollback(req->store);
        sl_error_page(req, 500, "The comment was not saved", err.message);
        return;
    }
    sl_redirect(req, "/actions/%lld", (long long)s.id);
}

typedef struct {
    sl_buf *out;
    int since;
    int n;
} changes;

/* Update callback: lists updates made on or after a version. */
static int on_change(void *ctx, const sl_update *u)
{
    changes *c = ctx;
    if (u->action_version < c->since)
        return 0;
    char day[SL_DAY_TEXT_SIZE];
    sl_day_uk(u->day, day);
    char when[SL_TIME_TEXT_SIZE], status[48];
    sl_time_text(u->recorded_at, when);
    sl_code_words(sl_status_name(u->status), status, sizeof status);
    sl_buf_printf(c->out, "<li>%h — %h set the status to %h", when, u->actor, status);
    if (u->note && *u->note)
        sl_buf_printf(c->out, ": %h", u->note);
    sl_buf_puts(c->out, "</li>");
    c->n++;
    return 0;
}

static void stale_page(sl_request *req, const sl_action_state *s, int made_against)
{
    sl_buf_reset(&req->body);
    req->status = 409;
    sl_page_start(req, "Someone else updated this action");
    sl_buf *b = &req->body;
    sl_buf_printf(b, "<h1 class=\"govuk-heading-l\">Someone else updated this action first</h1>"
                     "<p class=\"govuk-body\">Your form was made on version %d of action %h; it is now at version %d. "
                     "Nothing was overwritten and your update was not saved. "
                     "This is what changed meanwhile:</p><ul class=\"govuk-list govuk-list--bullet\">",
                  made_against, s->ref, s->version);
    changes c = {b, made_against, 0};
    sl_error err = {0};
    sl_store_each_update(req->store, s->id, 0, on_change, &c, &err);
    if (c.n == 0)
        sl_buf_puts(b, "<li>Links or fields of the action were changed.</li>");
    sl_buf_printf(b, "</ul><p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/actions/%lld#update\">"
                     "Go back to the action and add your update again</a></p>", (long long)s->id);
    sl_page_end(req);
}
