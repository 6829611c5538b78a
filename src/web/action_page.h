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
    sl_rag manual;      /* the manual RAG in force (SL_RAG_NONE when none or lapsed) */
    sl_day manual_until; /* its review day, SL_NO_DAY when none */
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

/* What an update form posted (NULL: nothing) and the error beside each
 * field it refused (NULL: none); shown again with a 400 when refused. */
typedef struct {
    const char *status, *note, *evidence, *rag, *reason, *review;
    const char *status_error, *note_error, *evidence_error, *rag_error, *reason_error, *review_error;
    const char *file_error;         /* the evidence file refused: too large, or not what it may be */
} sl_update_posted;

/* Loads an action's state for the signed-in user: 1 found, 0 (a 404 page is
 * written) or -1 (an error page is written). */
int sl_action_state_load(sl_request *req, int64_t action_id, sl_action_state *out);
/* Writes the forms the user may use on this action; posted (NULL: none)
 * fills the update form again with what was typed and its errors. */
void sl_action_forms(sl_request *req, const sl_action_state *s, const sl_update_posted *posted);
/* Writes the progress update form (action_update.c): the statuses allowed
 * from the action's own (domain/status.c), the manual RAG kept, set or
 * cleared, its review day; posted as sl_action_forms says. */
void sl_action_update_form(sl_request *req, const sl_action_state *s, const sl_update_posted *posted);
/* Writes the whole action page (page_action.c), with posted as above. */
void sl_action_page_render(sl_request *req, const sl_action_state *s, const sl_update_posted *posted);
/* Applies one update in a transaction, made against the form's version: a
 * redirect to the action, or the 409 page of a stale version, or an error
 * page. Returns 0 or -1. */
int sl_action_apply(sl_request *req, const sl_action_state *s, sl_update *u, const sl_evidence *file);

/* Evidence files (page_evidence.c). Reads the update form's file: 0 when
 * none was chosen; 1 with *out filled (its bytes and name the request's)
 * when it may be evidence; else the HTTP status to refuse it with (413 too
 * large, 415 not a kind evidence may be, or a bad name) and *error the
 * sentence to show beside the field. */
int sl_evidence_posted(sl_request *req, int64_t action_id, sl_evidence *out, const char **error);
/* Writes the action page's list of its evidence files, with who and when. */
void sl_action_evidence_list(sl_request *req, const sl_action_state *s);
/* GET /evidence/{id}: the file as an attachment, to those who may read its action. */
void sl_page_evidence(sl_request *req);

/* The edit pages (action_edit.c): GET and POST /actions/{id}/edit, POST
 * /actions/{id}/withdraw, GET and POST /plans/{id}/actions/new. */
void sl_page_action_edit(sl_request *req);
void sl_page_action_edit_post(sl_request *req);
void sl_page_action_withdraw(sl_request *req);
void sl_page_action_new(sl_request *req);
void sl_page_action_new_post(sl_request *req);
/* Writes the dated history, comments, links and audit trail. */
void sl_action_history(sl_request *req, const sl_action_state *s);

#endif
