/* action_state.c — an action as the signed-in user sees it (action_page.h):
 * its state as of today and what the user may do to it, shared by the action
 * page and its forms' handlers. */
#include <string.h>

#include "report/action_list.h"
#include "web/action_page.h"
#include "web/web.h"

typedef struct {
    sl_request *req;
    sl_action_state *s;
} state_load;

/* Rated-action callback: keeps the row's state, its text copied whole into the request's arena. */
static int on_row(void *ctx, const sl_action_row *r, const sl_rag_result *rag)
{
    state_load *load = ctx;
    sl_action_state *s = load->s;
    sl_request *req = load->req;
    s->found = 1;
    sl_req_narrow_role(req, r->authority);
    s->plan_id = r->plan_id;
    s->version = r->version;
    s->status = r->status;
    s->manual = rag->manual_lapsed ? SL_RAG_NONE : r->manual_rag;
    s->manual_until = r->manual_until;
    s->rag = *rag;
    s->sro = sl_req_strdup(req, r->sro);
    s->leads = sl_req_strdup(req, r->leads);
    s->ref = sl_req_strdup(req, r->ref);
    s->rag_reason = sl_req_strdup(req, r->rag_reason);
    s->note = sl_req_strdup(req, r->note);
    s->status_text = sl_req_strdup(req, r->status_text);
    return 1;
}

int sl_action_state_load(sl_request *req, int64_t action_id, sl_action_state *out)
{
    memset(out, 0, sizeof *out);
    out->id = action_id;
    sl_action_filter f = {.action_id = action_id, .as_of = req->today, .due_within = -1};
    sl_error err = {0};
    state_load load = {req, out};
    if (sl_each_rated_action(req->store, &f, on_row, &load, &err) < 0) {
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
