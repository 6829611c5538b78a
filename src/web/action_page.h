/* action_page.h — shared by the action page and its POST handlers: the
 * action's state as the signed-in user sees it, and what they may do. */
#ifndef SL_WEB_ACTION_PAGE_H
#define SL_WEB_ACTION_PAGE_H
#include "domain/rag.h"
#include "web/web.h"

typedef struct {
    int found;
    int64_t id;
    int64_t plan_id;
    int version;
    sl_status status;
    sl_rag manual;
    sl_rag_result rag;
    /* Whole copies of any length, in the request's arena (never cut before
     * the ownership check, a store or a display). */
    const char *ref;
    const char *sro;
    const char *leads;
    const char *rag_reason;
    const char *note;
    const char *status_text;
    int is_sro;         /* the signed-in person is the action's SRO */
    int owns;           /* … its SRO or one of its leads */
    int may_update;
    int may_sign_off;
    int may_comment;
} sl_action_state;

/* Loads an action's state for the signed-in user: 1 found, 0 (a 404 page is
 * written) or -1 (an error page is written). */
int sl_action_state_load(sl_request *req, int64_t action_id, sl_action_state *out);
/* Writes the forms the user may use on this action. */
void sl_action_forms(sl_request *req, const sl_action_state *s);
/* Writes the dated history, comments, links and audit trail. */
void sl_action_history(sl_request *req, const sl_action_state *s);

#endif
