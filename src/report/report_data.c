/* report_data.c — gathering plans, rated actions and latest updates for the
 * report kinds (see report_data.h). */
#include "report/report_data.h"

#include <stdlib.h>
#include <string.h>

#include "report/action_list.h"
#include "util/buf.h"
#include "util/mem.h"

/* What the plan walk collects: the plans wanted. */
typedef struct {
    int64_t want;               /* 0: every current plan */
    sl_report_plan *plans;
    size_t n;
} plan_walk;

/* Store callback: keeps a current plan when it is one the report covers. */
static int on_plan(void *ctx, const sl_plan_info *info)
{
    plan_walk *w = ctx;
    if (w->want && info->id != w->want)
        return 0;
    w->plans = sl_realloc(w->plans, (w->n + 1) * sizeof *w->plans);
    sl_report_plan *p = &w->plans[w->n++];
    memset(p, 0, sizeof *p);
    p->id = info->id;
    p->title = sl_strdup(info->title);
    return 0;
}

/* Rated-action callback: copies the action into its plan's list. */
static int on_action(void *ctx, const sl_action_row *row, const sl_rag_result *rag)
{
    sl_report_plan *p = ctx;
    p->actions = sl_realloc(p->actions, (p->n_actions + 1) * sizeof *p->actions);
    sl_report_action *a = &p->actions[p->n_actions++];
    *a = (sl_report_action){
        .id = row->id,
        .ref = sl_strdup(row->ref),
        .title = sl_strdup(row->title),
        .theme_ref = sl_strdup(row->theme_ref),
        .theme = sl_strdup(row->theme),
        .sro = sl_strdup(row->sro),
        .status_text = sl_strdup(row->status_text),
        .note = sl_strdup(row->note ? row->note : ""),
        .recommendations = sl_strdup(row->recommendations ? row->recommendations : ""),
        .due = row->due,
        .last_update = row->last_update,
        .status = row->status,
        .rag = *rag,
        .rules = row->rules,
    };
    return 0;
}

int sl_report_load_plans(sl_store *store, int64_t plan_id, sl_day as_of, sl_report_plan **plans,
                         size_t *n, sl_error *err)
{
    plan_walk w = {.want = plan_id};
    int rc = sl_store_each_plan(store, 0, on_plan, &w, err);
    for (size_t i = 0; rc == 0 && i < w.n; i++) {
        sl_action_filter f = {.plan_id = w.plans[i].id, .as_of = as_of, .due_within = -1};
        rc = sl_each_rated_action(store, &f, on_action, &w.plans[i], err);
    }
    *plans = w.plans;
    *n = w.n;
    return rc < 0 ? -1 : 0;
}

void sl_report_plans_free(sl_report_plan *plans, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        for (size_t k = 0; k < plans[i].n_actions; k++) {
            sl_report_action *a = &plans[i].actions[k];
            free(a->ref);
            free(a->title);
            free(a->theme_ref);
            free(a->theme);
            free(a->sro);
            free(a->status_text);
            free(a->note);
            free(a->recommendations);
        }
        free(plans[i].actions);
        free(plans[i].title);
    }
    free(plans);
}

/* What the update walk keeps: the latest update on or before the day. */
typedef struct {
    sl_day as_of;
    sl_report_update *out;
} update_walk;

/* Store callback: updates come oldest first; the last one in time wins. */
static int on_update(void *ctx, const sl_update *u)
{
    update_walk *w = ctx;
    if (u->day == SL_NO_DAY || u->day > w->as_of)
        return 0;
    sl_report_update_free(w->out);
    *w->out = (sl_report_update){1, u->day, sl_strdup(u->note ? u->note : ""),
                                 sl_strdup(u->evidence ? u->evidence : ""), u->status};
    return 0;
}

int sl_report_latest_update(sl_store *store, int64_t action_id, sl_day as_of, sl_report_update *out,
                            sl_error *err)
{
    memset(out, 0, sizeof *out);
    update_walk w = {as_of, out};
    if (sl_store_latest_update(store, action_id, as_of, on_update, &w, err) < 0)
        return -1;
    if (!out->found) {
        out->note = sl_strdup("");
        out->evidence = sl_strdup("");
    }
    return 0;
}

void sl_report_update_free(sl_report_update *u)
{
    free(u->note);
    free(u->evidence);
    memset(u, 0, sizeof *u);
}

void sl_report_theme_label(sl_buf *out, const sl_report_plan *plan, const char *theme_ref,
                           const char *theme, int with_plan)
{
    if (with_plan) {
        sl_buf_puts(out, plan->title);
        sl_buf_puts(out, " › ");
    }
    sl_buf_puts(out, theme_ref);
    if (*theme_ref && *theme)
        sl_buf_putc(out, ' ');
    sl_buf_puts(out, theme);
    if (!*theme_ref && !*theme)
        sl_buf_puts(out, "(no theme)");
}

void sl_report_iso(sl_day day, char out[11])
{
    if (day == SL_NO_DAY)
        out[0] = '\0';
    else
        sl_day_format(day, out);
}

int sl_report_done(const sl_report_action *a)
{
    return sl_status_is_done(a->status);
}

void sl_report_coverage_table(sl_report_section *s, const sl_coverage *c, int with_plan)
{
    static const char *const columns[] = {"No.", "Recommendation", "Actions", "Status", "RAG"};
    if (c->n == 0) {
        sl_report_add_paragraph(s, NULL, "The plan records no recommendations.");
        return;
    }
    sl_report_table *t = sl_report_add_table(s, 5, columns);
    sl_buf number = SL_BUF_INIT, refs = SL_BUF_INIT;
    for (size_t i = 0; i < c->n; i++) {
        const sl_coverage_row *r = &c->rows[i];
        char status[48];
        sl_buf_reset(&number);
        sl_buf_reset(&refs);
        if (with_plan)
            sl_buf_printf(&number, "%s › ", r->plan_title);
        sl_buf_int(&number, r->number);
        for (size_t k = 0; k < r->n_actions; k++)
            sl_buf_printf(&refs, "%s%s", k ? ", " : "", r->actions[k].ref);
        const char *cells[] = {sl_buf_str(&number), r->text, r->n_actions ? sl_buf_str(&refs) : "none",
                               sl_coverage_status(r, status, sizeof status), ""};
        size_t row = sl_report_add_row(t, cells);
        sl_report_set_rag(t, row, 4, r->rag);
    }
    sl_buf_free(&number);
    sl_buf_free(&refs);
}
