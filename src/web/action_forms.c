/* action_forms.c — the forms of the action page and what they post to:
 * progress updates (refused on a stale version, so nothing is overwritten),
 * sign-off or return by the SRO, and board comments. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/limits.h"
#include "web/action_page.h"
#include "web/web.h"

/* Appends the options of a select of canonical statuses, the current one selected. */
static void status_options(sl_buf *b, sl_status current)
{
    for (int st = 0; st < SL_STATUS_COUNT; st++) {
        if (st == SL_STATUS_SIGNED_OFF || st == SL_STATUS_CARRIED_FORWARD)
            continue;
        sl_buf_printf(b, "<option value=\"%a\"%R>%h</option>", sl_status_name((sl_status)st),
                      st == (int)current ? " selected" : "", sl_status_name((sl_status)st));
    }
}

void sl_action_forms(sl_request *req, const sl_action_state *s)
{
    char id[24], version[24];
    snprintf(id, sizeof id, "%lld", (long long)s->id);
    snprintf(version, sizeof version, "%d", s->version);
    if (s->may_update) {
        sl_buf options = SL_BUF_INIT;
        status_options(&options, s->status);
        sl_template_slot slots[] = {{"id", id}, {"csrf", req->session.csrf}, {"version", version},
                                    {"status_options", sl_buf_str(&options)}};
        sl_web_template(req, &req->body, "action_update_form", SL_SLOTS(slots));
        sl_buf_free(&options);
    }
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

/* Applies one update in a transaction; on a stale version writes the 409 page. Returns 0 or -1. */
static int apply(sl_request *req, const sl_action_state *s, sl_update *u)
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

/* Returns 1 when an evidence link is a web address (never javascript: or data:). */
static int web_address(const char *url)
{
    return strncmp(url, "https://", 8) == 0 || strncmp(url, "http://", 7) == 0;
}

void sl_page_action_update(sl_request *req)
{
    sl_action_state s;
    if (sl_action_state_load(req, req->ids[0], &s) != 1)
        return;
    if (!s.may_update) {
        sl_error_page(req, 403, "You cannot update this action",
                      "Leads may update the actions they own; ask the improvement team.");
        return;
    }
    sl_update u = {.status = s.status, .status_text = s.status_text};
    const char *status = sl_form_get(&req->form, "status");
    const char *note = sl_form_get(&req->form, "note");
    const char *evidence = sl_form_get(&req->form, "evidence");
    const char *rag = sl_form_get(&req->form, "rag");
    const char *reason = sl_form_get(&req->form, "reason");
    if (status && *status) {
        if (sl_status_parse(status, &u.status) < 0 || u.status == SL_STATUS_SIGNED_OFF ||
            u.status == SL_STATUS_CARRIED_FORWARD) {
            sl_error_page(req, 400, "That status cannot be set here",
                          "Choose a status from the list; sign-off is done by the SRO.");
            return;
        }
        u.status_text = status;
    }
    if (rag && *rag) {
        /* Only the ratings the form offers: blue and grey are computed, never set by hand. */
        if (sl_rag_parse(rag, &u.rag) < 0 || (u.rag != SL_RAG_RED && u.rag != SL_RAG_AMBER && u.rag != SL_RAG_GREEN)) {
            sl_error_page(req, 400, "That RAG cannot be set here", "Choose red, amber or green from the list.");
            return;
        }
        if (!reason || !*reason) {
            sl_error_page(req, 400, "A manual RAG needs a reason", "Say why the computed RAG is overridden.");
            return;
        }
        u.rag_reason = reason;
    }
    if (evidence && *evidence && !web_address(evidence)) {
        sl_error_page(req, 400, "Evidence must be a web address", "Give a link starting https://.");
        return;
    }
    sl_error limit = {0};
    if (sl_limit_update(u.status_text, note, reason, evidence, &limit) < 0) {
        sl_error_page(req, 413, "Too long to save", limit.message);
        return;
    }
    u.note = note;
    u.evidence = evidence;
    apply(req, &s, &u);
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
    sl_update u = {.status = SL_STATUS_SIGNED_OFF, .status_text = "signed off", .note = "Signed off by the SRO"};
    apply(req, &s, &u);
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
    sl_update u = {.status = SL_STATUS_IN_PROGRESS, .status_text = "returned", .note = note};
    apply(req, &s, &u);
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
    char day[11];
    sl_day_format(u->day, day);
    sl_buf_printf(c->out, "<li>%h — %h set the status to %h", u->recorded_at, u->actor, sl_status_name(u->status));
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
