/* scrutiny.c — the scrutiny committee's quarterly progress report (see
 * report_kinds.h): progress by recommendation and by theme as of the day,
 * then what changed in the financial quarter holding the day (from its
 * first day to the report's day): completions, status changes and the
 * progress updates recorded. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/calendar.h"
#include "report/report_data.h"
#include "report/report_kinds.h"
#include "util/mem.h"

/* The report's inputs: the plans as of the quarter's eve and as of the day. */
typedef struct {
    sl_store *store;
    const sl_report_params *p;
    sl_error *err;
    sl_day first;               /* the quarter's first day */
    sl_report_plan *now, *before;
    size_t n_now, n_before;
} scrutiny;

/* Adds progress by theme: actions, how many done, overdue, the worst RAG. */
static void section_themes(const scrutiny *s, sl_report *r)
{
    static const char *const columns[] = {"Theme", "Actions", "Complete", "Overdue", "Red",
                                          "Amber"};
    sl_report_section *sec = sl_report_add_section(r, "Progress by theme", "Themes");
    sl_report_table *t = sl_report_add_table(sec, 6, columns);
    sl_buf theme = SL_BUF_INIT;
    for (size_t i = 0; i < s->n_now; i++) {
        const sl_report_plan *p = &s->now[i];
        for (size_t k = 0; k < p->n_actions; k++) {
            size_t first = 0;
            while (strcmp(p->actions[first].theme_ref, p->actions[k].theme_ref) != 0)
                first++;
            if (first < k)
                continue;
            int n[6] = {0};
            for (size_t j = k; j < p->n_actions; j++) {
                const sl_report_action *a = &p->actions[j];
                if (strcmp(a->theme_ref, p->actions[k].theme_ref) != 0)
                    continue;
                n[1]++;
                n[2] += sl_report_done(a);
                n[3] += a->rag.overdue;
                n[4] += a->rag.rag == SL_RAG_RED;
                n[5] += a->rag.rag == SL_RAG_AMBER;
            }
            char text[6][16];
            sl_buf_reset(&theme);
            sl_report_theme_label(&theme, p, p->actions[k].theme_ref, p->actions[k].theme,
                                  s->n_now > 1);
            const char *cells[6] = {sl_buf_str(&theme)};
            for (int c = 1; c < 6; c++) {
                snprintf(text[c], sizeof text[c], "%d", n[c]);
                cells[c] = text[c];
            }
            sl_report_add_row(t, cells);
        }
    }
    sl_buf_free(&theme);
}

/* Returns the same action as it stood before the quarter, or NULL (new since). */
static const sl_report_action *before_quarter(const scrutiny *s, int64_t id)
{
    for (size_t i = 0; i < s->n_before; i++)
        for (size_t k = 0; k < s->before[i].n_actions; k++)
            if (s->before[i].actions[k].id == id)
                return &s->before[i].actions[k];
    return NULL;
}

/* Counts an action's updates recorded in the quarter and keeps the latest note. */
typedef struct {
    sl_day first, last;
    int n;
    char *note;
} quarter_updates;

/* Store callback: an update whose day falls in the quarter. */
static int on_update(void *ctx, const sl_update *u)
{
    quarter_updates *q = ctx;
    if (u->day == SL_NO_DAY || u->day < q->first || u->day > q->last)
        return 0;
    q->n++;
    free(q->note);
    q->note = sl_strdup(u->note && *u->note ? u->note : sl_status_name(u->status));
    return 0;
}

/* Adds a row for an action that changed in the quarter; counts what changed. */
static int change_row(scrutiny *s, sl_report_table *t, const sl_report_action *a, int counts[3])
{
    quarter_updates q = {s->first, s->p->as_of, 0, NULL};
    if (sl_store_each_update(s->store, a->id, 0, on_update, &q, s->err) < 0)
        return -1;
    const sl_report_action *was = before_quarter(s, a->id);
    sl_status then = was ? was->status : a->status;
    int completed = sl_report_done(a) && !(was && sl_report_done(was));
    if (q.n == 0 && then == a->status) {
        free(q.note);
        return 0;
    }
    counts[0] += completed;
    counts[1] += then != a->status;
    counts[2] += q.n;
    char n[16];
    snprintf(n, sizeof n, "%d", q.n);
    const char *cells[] = {a->ref, a->title, sl_status_name(then), sl_status_name(a->status), "",
                           n, q.note ? q.note : ""};
    sl_report_set_rag(t, sl_report_add_row(t, cells), 4, a->rag.rag);
    free(q.note);
    return 0;
}

/* Adds what changed in the quarter, with a summary list. */
static int section_changes(scrutiny *s, sl_report *r)
{
    static const char *const columns[] = {"Ref", "Action", "Status at start", "Status now", "RAG",
                                          "Updates", "Latest note"};
    char from[11], to[11], heading[96];
    sl_report_iso(s->first, from);
    sl_report_iso(s->p->as_of, to);
    int fy = sl_financial_year_of(s->p->as_of);
    snprintf(heading, sizeof heading, "Changes in Q%d %d/%02d (%s to %s)",
             sl_financial_quarter_of(s->p->as_of), fy, (fy + 1) % 100, from, to);
    sl_report_section *sec = sl_report_add_section(r, heading, "Changes in the quarter");
    sl_report_table *t = sl_report_add_table(sec, 7, columns);
    int counts[3] = {0};
    for (size_t i = 0; i < s->n_now; i++)
        for (size_t k = 0; k < s->now[i].n_actions; k++)
            if (change_row(s, t, &s->now[i].actions[k], counts) < 0)
                return -1;
    char line[64];
    snprintf(line, sizeof line, "%d action%s completed", counts[0], counts[0] == 1 ? "" : "s");
    sl_report_add_bullet(sec, line);
    snprintf(line, sizeof line, "%d status change%s", counts[1], counts[1] == 1 ? "" : "s");
    sl_report_add_bullet(sec, line);
    snprintf(line, sizeof line, "%d progress update%s recorded", counts[2], counts[2] == 1 ? "" : "s");
    sl_report_add_bullet(sec, line);
    return 0;
}

int sl_report_scrutiny(sl_store *store, const sl_report_params *params, sl_report *out,
                       sl_error *err)
{
    scrutiny s = {.store = store, .p = params, .err = err};
    sl_day last;
    sl_financial_quarter_range(sl_financial_year_of(params->as_of),
                               sl_financial_quarter_of(params->as_of), &s.first, &last);
    sl_report_init(out, "Quarterly progress report to scrutiny", params->board, params->as_of);
    sl_coverage c = {0};
    int rc = sl_report_load_plans(store, params->plan_id, params->as_of, &s.now, &s.n_now, err);
    if (rc == 0)
        rc = sl_report_load_plans(store, params->plan_id, s.first - 1, &s.before, &s.n_before, err);
    if (rc == 0)
        rc = sl_coverage_build(store, params->plan_id, params->as_of, &c, err);
    if (rc == 0) {
        if (s.n_now == 1) {
            free(out->title);
            sl_buf title = SL_BUF_INIT;
            sl_buf_printf(&title, "Quarterly progress report to scrutiny: %s", s.now[0].title);
            out->title = sl_buf_take(&title);
        }
        sl_report_section *sec = sl_report_add_section(out, "Progress by recommendation",
                                                       "Recommendations");
        sl_report_coverage_table(sec, &c, s.n_now > 1);
        section_themes(&s, out);
        rc = section_changes(&s, out);
    }
    sl_coverage_free(&c);
    sl_report_plans_free(s.now, s.n_now);
    sl_report_plans_free(s.before, s.n_before);
    return rc;
}
