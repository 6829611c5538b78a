/* risk_forms.c — POST /risks (add a risk: those who run the board) and POST
 * /risks/{id}/review (its owner, programme, admin): likelihood and impact
 * must each be a whole number from 1 to 5, dates real days; a refused form
 * is shown again (400) with the message beside the field and what was typed;
 * a good one is written in one transaction and answered with a redirect. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "web/risk_page.h"

#define MAX_TEXT 4000

/* Parses a 1–5 score: 0 and *out set, or -1. */
static int score(const char *text, int *out)
{
    char *end;
    long v = strtol(text, &end, 10);
    if (!*text || *end || v < 1 || v > 5)
        return -1;
    *out = (int)v;
    return 0;
}

/* Adds a field (name, label, value sent) with error (NULL: none) to p; returns the value. */
static const char *field(sl_request *req, sl_risk_posted *p, const char *name, const char *label, const char *error)
{
    const char *v = sl_gov_get(req, name);
    snprintf(p->names[p->n], sizeof p->names[p->n], "%s", name);
    p->fields[p->n] = (sl_gov_field){p->names[p->n], label, v, error};
    p->n++;
    return v;
}

/* Returns an error for text longer than MAX_TEXT, else NULL (empty when required gives `empty`). */
static const char *text_error(sl_request *req, const char *name, const char *empty)
{
    const char *v = sl_gov_get(req, name);
    if (!*v && empty)
        return empty;
    return strlen(v) > MAX_TEXT ? "Keep it under 4,000 characters" : NULL;
}

#define SCORE_ERROR "Enter a whole number from 1 to 5"

/* Checks the add form into p and r (strings borrowed from the form). */
static void check_add(sl_request *req, sl_risk_posted *p, sl_risk *r)
{
    const char *why = NULL;
    r->title = (char *)field(req, p, "title", "Title", text_error(req, "title", "Enter the risk's title"));
    r->owner = (char *)field(req, p, "owner", "Owner", text_error(req, "owner", "Say who owns the risk"));
    int bad = score(sl_gov_get(req, "likelihood"), &r->likelihood) < 0;
    field(req, p, "likelihood", "Likelihood (1 to 5)", bad ? "Likelihood: " SCORE_ERROR : NULL);
    bad = score(sl_gov_get(req, "impact"), &r->impact) < 0;
    field(req, p, "impact", "Impact (1 to 5)", bad ? "Impact: " SCORE_ERROR : NULL);
    r->cause = (char *)field(req, p, "cause", "Cause (optional)", text_error(req, "cause", NULL));
    r->effect = (char *)field(req, p, "effect", "Effect (optional)", text_error(req, "effect", NULL));
    sl_gov_day(sl_gov_get(req, "review"), 1, &r->review, &why);
    field(req, p, "review", "Review by (YYYY-MM-DD, optional)", why);
}

/* Writes the new risk (sl_gov_write_fn). */
static int write_add(sl_request *req, void *ctx, sl_error *err)
{
    return sl_store_risk_add(req->store, ctx, req->session.user.login, NULL, err);
}

void sl_page_risk_add(sl_request *req)
{
    if (!sl_may(req->role, SL_DO_RUN_BOARD, NULL)) {
        sl_error_page(req, 403, "You cannot add risks", "The improvement programme team keeps the risk log.");
        return;
    }
    sl_risk_posted p = {0, {{0}}, {{0}}, 0};
    sl_risk r = sl_risk_empty();
    check_add(req, &p, &r);
    r.mitigations = "";
    sl_error err = {0};
    if (sl_gov_has_error(p.fields, p.n)) {
        req->status = 400;
        sl_risks_render(req, &p);
    } else if (sl_gov_transaction(req, write_add, &r, &err) < 0) {
        sl_gov_refused(req, "The risk was not added", &err);
    } else {
        sl_redirect(req, "/risks");
    }
}

/* Finds risk id: 1 and *out (caller frees with sl_risk_free), 0 none, -1 error. */
static int find_risk(sl_request *req, int64_t id, sl_risk *out, sl_error *err)
{
    sl_risk *risks = NULL;
    int n = sl_store_risks(req->store, &risks, err), found = 0;
    for (int i = 0; i < n; i++)
        if (risks[i].id == id && !found) {
            *out = risks[i];
            risks[i] = sl_risk_empty();
            found = 1;
        }
    sl_risks_free(risks, n > 0 ? (size_t)n : 0);
    return n < 0 ? -1 : found;
}

typedef struct {
    const char *ref;
    sl_risk_review review;
} review_post;

/* Checks a review form of risk id into p and w. */
static void check_review(sl_request *req, int64_t id, sl_risk_posted *p, review_post *w)
{
    const char *keys[] = {"likelihood", "impact", "note", "review"}, *why = NULL;
    char names[4][32];
    for (int i = 0; i < 4; i++)
        snprintf(names[i], sizeof names[i], "r%lld-%s", (long long)id, keys[i]);
    int bad = score(sl_gov_get(req, names[0]), &w->review.likelihood) < 0;
    field(req, p, names[0], "Likelihood (1 to 5)", bad ? "Likelihood: " SCORE_ERROR : NULL);
    bad = score(sl_gov_get(req, names[1]), &w->review.impact) < 0;
    field(req, p, names[1], "Impact (1 to 5)", bad ? "Impact: " SCORE_ERROR : NULL);
    w->review.note = field(req, p, names[2], "Review note", text_error(req, names[2], NULL));
    sl_gov_day(sl_gov_get(req, names[3]), 1, &w->review.next_review, &why);
    field(req, p, names[3], "Next review (YYYY-MM-DD, optional)", why);
}

/* Writes the review (sl_gov_write_fn). */
static int write_review(sl_request *req, void *ctx, sl_error *err)
{
    review_post *w = ctx;
    return sl_store_risk_review(req->store, w->ref, &w->review, req->session.user.login, err);
}

void sl_page_risk_review(sl_request *req)
{
    sl_error err = {0};
    sl_risk r;
    int rc = find_risk(req, req->ids[0], &r, &err);
    if (rc != 1) {
        sl_error_page(req, rc < 0 ? 500 : 404, rc < 0 ? "The risk log could not be read" : "Page not found",
                      rc < 0 ? err.message : "There is no risk with that number.");
        return;
    }
    sl_req_narrow_role(req, r.authority);
    sl_risk_posted p = {r.id, {{0}}, {{0}}, 0};
    review_post w = {r.ref, {0, 0, SL_RISK_TREND_NEW, NULL, SL_NO_DAY}};
    if (!sl_risk_may_review(req, &r)) {
        sl_error_page(req, 403, "You cannot review this risk",
                      "A risk's owner reviews it, or the improvement programme team.");
    } else {
        check_review(req, r.id, &p, &w);
        if (sl_gov_has_error(p.fields, p.n)) {
            req->status = 400;
            sl_risks_render(req, &p);
        } else if (sl_gov_transaction(req, write_review, &w, &err) < 0) {
            sl_gov_refused(req, "The review was not saved", &err);
        } else {
            sl_redirect(req, "/risks#risk-%lld", (long long)r.id);
        }
    }
    sl_risk_free(&r);
}
