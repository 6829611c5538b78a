/* action_state.c — an action as the signed-in user sees it (action_page.h):
 * its state as of today and what the user may do to it, shared by the action
 * page and its forms' handlers. */
#include <stdio.h>
#include <string.h>

#include "report/action_list.h"
#include "web/action_page.h"
#include "web/web.h"

/* Rated-action callback: keeps the row's state. */
static int on_row(void *ctx, const sl_action_row *r, const sl_rag_result *rag)
{
    sl_action_state *s = ctx;
    s->found = 1;
    s->plan_id = r->plan_id;
    s->version = r->version;
    s->status = r->status;
    s->manual = rag->manual_lapsed ? SL_RAG_NONE : r->manual_rag;
    s->manual_until = r->manual_until;
    s->rag = *rag;
    snprintf(s->sro, sizeof s->sro, "%s", r->sro);
    snprintf(s->leads, sizeof s->leads, "%s", r->leads);
    snprintf(s->ref, sizeof s->ref, "%s", r->ref);
    snprintf(s->rag_reason, sizeof s->rag_reason, "%s", r->rag_reason);
    snprintf(s->note, sizeof s->note, "%s", r->note);
    snprintf(s->status_text, sizeof s->status_text, "%s", r->status_text);
    return 1;
}

int sl_action_state_load(sl_request *req, int64_t action_id, sl_action_state *out)
{
    memset(out, 0, sizeof *out);
    out->id = action_id;
    sl_action_filter f = {.action_id = action_id, .as_of = req->today, .due_within = -1};
    sl_error err = {0};
    if (sl_each_rated_action(req->store, &f, on_row, out, &err) < 0) {
        sl_error_page(req, 500, "Something went wrong", err.message);
        return -1;
    }
    if (!out->found) {
        sl_error_page(req, 404, "Action not found", "There is no action with that number.");
        return 0;
    }
    const char *person = req->session.user.person;
    out->is_sro = sl_names_person(out->sro, person);
    out->owns = out->is_sro || sl_names_person(out->leads, person);
    sl_relation rel = {.owns = out->owns, .is_sro = out->is_sro};
    out->may_update = sl_may(req->role, SL_DO_UPDATE, &rel);
    out->may_sign_off = out->status == SL_STATUS_COMPLETE && sl_may(req->role, SL_DO_SIGN_OFF, &rel);
    out->may_comment = sl_may(req->role, SL_DO_COMMENT, &rel);
    return 1;
}
