/* rec_tracker.c — the recommendation tracker an inspector asks for: each
 * recommendation rolled up, then each with the actions answering it, their
 * status, RAG as of the day and latest evidence (see report_kinds.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/report_data.h"
#include "report/report_kinds.h"
#include "util/mem.h"

/* Returns 1 when the ';'-joined list of numbers holds number. */
static int answers(const char *list, int number)
{
    const char *p = list;
    while (*p) {
        char *end;
        long n = strtol(p, &end, 10);
        if (end == p)
            return 0;
        if (n == number)
            return 1;
        p = *end ? end + 1 : end;
    }
    return 0;
}

/* Writes an action's latest evidence as of the day into b: the latest
 * update's note and evidence, or the plan's narrative. Returns 0 or -1. */
static int latest_evidence(sl_store *store, const sl_report_action *a, sl_day as_of, sl_buf *b,
                           sl_error *err)
{
    sl_report_update u;
    sl_buf_reset(b);
    if (sl_report_latest_update(store, a->id, as_of, &u, err) < 0)
        return -1;
    if (u.found) {
        char iso[11];
        sl_report_iso(u.day, iso);
        sl_buf_printf(b, "%s: %s", iso, *u.note ? u.note : sl_status_name(u.status));
        if (*u.evidence)
            sl_buf_printf(b, "\nEvidence: %s", u.evidence);
    } else {
        sl_buf_puts(b, a->note);
    }
    sl_report_update_free(&u);
    return 0;
}

/* Adds the rows of one recommendation: one per action answering it. */
static int recommendation_rows(sl_store *store, const sl_report_params *params, sl_report_table *t,
                               const sl_report_plan *p, const sl_coverage_row *r, sl_error *err)
{
    char number[16];
    snprintf(number, sizeof number, "%d", r->number);
    sl_buf evidence = SL_BUF_INIT;
    int rows = 0, rc = 0;
    for (size_t k = 0; rc == 0 && k < p->n_actions; k++) {
        const sl_report_action *a = &p->actions[k];
        if (!answers(a->recommendations, r->number))
            continue;
        rc = latest_evidence(store, a, params->as_of, &evidence, err);
        const char *cells[] = {number, a->ref, a->title, sl_status_name(a->status), "",
                               sl_buf_str(&evidence)};
        sl_report_set_rag(t, sl_report_add_row(t, cells), 4, a->rag.rag);
        rows++;
    }
    if (rc == 0 && rows == 0) {
        const char *cells[] = {number, "", "No action answers this recommendation", "", "", ""};
        sl_report_add_row(t, cells);
    }
    sl_buf_free(&evidence);
    return rc;
}

/* Adds the detailed section: every recommendation's actions. */
static int section_actions(sl_store *store, const sl_report_params *params, sl_report *out,
                           const sl_report_plan *plans, size_t n_plans, const sl_coverage *c,
                           sl_error *err)
{
    static const char *const columns[] = {"No.", "Ref", "Action", "Status", "RAG",
                                          "Latest evidence"};
    sl_report_section *s = sl_report_add_section(out, "Actions by recommendation", "Actions");
    if (c->n == 0) {
        sl_report_add_paragraph(s, NULL, "The plan records no recommendations.");
        return 0;
    }
    sl_report_table *t = sl_report_add_table(s, 6, columns);
    for (size_t i = 0; i < c->n; i++) {
        const sl_report_plan *p = NULL;
        for (size_t k = 0; k < n_plans && !p; k++)
            if (plans[k].id == c->rows[i].plan_id)
                p = &plans[k];
        if (p && recommendation_rows(store, params, t, p, &c->rows[i], err) < 0)
            return -1;
    }
    return 0;
}

int sl_report_recommendations(sl_store *store, const sl_report_params *params, sl_report *out,
                              sl_error *err)
{
    sl_report_init(out, "Recommendation tracker", params->board, params->as_of);
    sl_report_plan *plans = NULL;
    size_t n_plans = 0;
    sl_coverage c = {0};
    int rc = sl_report_load_plans(store, params->plan_id, params->as_of, &plans, &n_plans, err);
    if (rc == 0)
        rc = sl_coverage_build(store, params->plan_id, params->as_of, &c, err);
    if (rc == 0 && n_plans == 1) {
        free(out->title);
        sl_buf title = SL_BUF_INIT;
        sl_buf_printf(&title, "Recommendation tracker: %s", plans[0].title);
        out->title = sl_buf_take(&title);
    }
    if (rc == 0) {
        sl_report_section *s = sl_report_add_section(out, "Recommendations", "Recommendations");
        sl_report_coverage_table(s, &c, n_plans > 1);
        rc = section_actions(store, params, out, plans, n_plans, &c, err);
    }
    sl_coverage_free(&c);
    sl_report_plans_free(plans, n_plans);
    return rc;
}
