/* coverage.c — recommendations, the actions answering them, rolled up (see coverage.h). */
#include "report/coverage.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/action_detail.h"
#include "report/action_list.h"
#include "util/mem.h"
#include "util/strmap.h"

/* How bad a RAG is, for the roll-up: the worst action colours its recommendation. */
static int severity(sl_rag rag)
{
    static const int order[] = {[SL_RAG_NONE] = 0, [SL_RAG_BLUE] = 1, [SL_RAG_GREY] = 2,
                                [SL_RAG_GREEN] = 3, [SL_RAG_AMBER] = 4, [SL_RAG_RED] = 5};
    return order[rag];
}

typedef struct {
    sl_coverage *c;
    sl_strmap index;            /* "plan:number" → row */
} builder;

/* Store callback: one recommendation becomes a row. */
static int on_recommendation(void *ctx, const sl_recommendation_row *rec)
{
    builder *b = ctx;
    sl_coverage *c = b->c;
    c->rows = sl_realloc(c->rows, (c->n + 1) * sizeof *c->rows);
    sl_coverage_row *row = &c->rows[c->n];
    memset(row, 0, sizeof *row);
    row->plan_id = rec->plan_id;
    row->plan_title = sl_strdup(rec->plan_title);
    row->number = rec->number;
    row->text = sl_strdup(rec->text);
    char key[48];
    snprintf(key, sizeof key, "%lld:%d", (long long)rec->plan_id, rec->number);
    sl_strmap_put(&b->index, key, (int64_t)c->n++);
    return 0;
}

/* Rated-action callback: attaches the action to each recommendation it answers. */
static int on_action(void *ctx, const sl_action_row *a, const sl_rag_result *rag)
{
    builder *b = ctx;
    const char *p = a->recommendations;
    while (*p) {
        char *end;
        long number = strtol(p, &end, 10);
        if (end == p || (*end && *end != ';'))
            break;
        char key[48];
        int64_t at;
        snprintf(key, sizeof key, "%lld:%ld", (long long)a->plan_id, number);
        if (sl_strmap_get(&b->index, key, &at)) {
            sl_coverage_row *row = &b->c->rows[at];
            row->actions = sl_realloc(row->actions, (row->n_actions + 1) * sizeof *row->actions);
            row->actions[row->n_actions++] = (sl_covering_action){sl_strdup(a->ref), a->id, a->status, rag->rag};
            row->n_done += sl_status_is_done(a->status) || sl_status_is_closed(a->status);
            if (severity(rag->rag) > severity(row->rag))
                row->rag = rag->rag;
        }
        p = *end ? end + 1 : end;
    }
    return 0;
}

int sl_coverage_build(sl_store *store, int64_t plan_id, sl_day as_of, sl_coverage *out,
                      sl_error *err)
{
    memset(out, 0, sizeof *out);
    builder b = {.c = out};
    int rc = sl_store_each_recommendation(store, plan_id, on_recommendation, &b, err);
    sl_action_filter f = {.plan_id = plan_id, .as_of = as_of, .due_within = -1};
    if (rc == 0)
        rc = sl_each_rated_action(store, &f, on_action, &b, err);
    sl_strmap_free(&b.index);
    if (rc < 0)
        sl_coverage_free(out);
    return rc < 0 ? -1 : 0;
}

void sl_coverage_free(sl_coverage *c)
{
    for (size_t i = 0; i < c->n; i++) {
        for (size_t k = 0; k < c->rows[i].n_actions; k++)
            free(c->rows[i].actions[k].ref);
        free(c->rows[i].actions);
        free(c->rows[i].plan_title);
        free(c->rows[i].text);
    }
    free(c->rows);
    memset(c, 0, sizeof *c);
}

const char *sl_coverage_status(const sl_coverage_row *row, char *buf, size_t n)
{
    if (row->n_actions == 0)
        snprintf(buf, n, "no actions");
    else if ((size_t)row->n_done == row->n_actions)
        snprintf(buf, n, "complete");
    else
        snprintf(buf, n, "%d of %zu complete", row->n_done, row->n_actions);
    return buf;
}

void sl_coverage_json(sl_buf *out, const sl_coverage *c)
{
    sl_buf_putc(out, '[');
    for (size_t i = 0; i < c->n; i++) {
        const sl_coverage_row *r = &c->rows[i];
        char status[48];
        sl_buf_puts(out, i ? ",\n{\"plan_id\":" : "\n{\"plan_id\":");
        sl_buf_int(out, r->plan_id);
        sl_buf_puts(out, ",\"plan\":");
        sl_buf_json_str(out, r->plan_title);
        sl_buf_puts(out, ",\"number\":");
        sl_buf_int(out, r->number);
        sl_buf_puts(out, ",\"text\":");
        sl_buf_json_str(out, r->text);
        sl_buf_puts(out, ",\"status\":");
        sl_buf_json_str(out, sl_coverage_status(r, status, sizeof status));
        sl_buf_puts(out, ",\"rag\":");
        sl_buf_json_str(out, r->rag ? sl_rag_name(r->rag) : NULL);
        sl_buf_puts(out, ",\"actions\":[");
        for (size_t k = 0; k < r->n_actions; k++) {
            sl_buf_puts(out, k ? ",{\"ref\":" : "{\"ref\":");
            sl_buf_json_str(out, r->actions[k].ref);
            sl_buf_puts(out, ",\"status\":");
            sl_buf_json_str(out, sl_status_name(r->actions[k].status));
            sl_buf_puts(out, ",\"rag\":");
            sl_buf_json_str(out, sl_rag_name(r->actions[k].rag));
            sl_buf_putc(out, '}');
        }
        sl_buf_puts(out, "]}");
    }
    sl_buf_puts(out, c->n ? "\n]\n" : "]\n");
}

void sl_coverage_text(sl_buf *out, const sl_coverage *c)
{
    int64_t plan = -1;
    for (size_t i = 0; i < c->n; i++) {
        const sl_coverage_row *r = &c->rows[i];
        char status[48], head[16];
        if (r->plan_id != plan) {
            sl_buf_printf(out, "%s%s (plan %lld)\n", plan == -1 ? "" : "\n", r->plan_title,
                          (long long)r->plan_id);
            plan = r->plan_id;
        }
        snprintf(head, sizeof head, "%4d  ", r->number);
        sl_buf_puts(out, head);
        sl_wrap(out, *r->text ? r->text : "(no text)", 6, 80);
        sl_buf_printf(out, "      %s%s%s · ", r->n_actions ? sl_rag_name(r->rag) : "",
                      r->n_actions ? " · " : "", sl_coverage_status(r, status, sizeof status));
        if (!r->n_actions)
            sl_buf_puts(out, "NOTHING ANSWERS THIS RECOMMENDATION\n");
        for (size_t k = 0; k < r->n_actions; k++)
            sl_buf_printf(out, "%s%s %s", k ? ", " : "actions ", r->actions[k].ref,
                          sl_rag_name(r->actions[k].rag));
        if (r->n_actions)
            sl_buf_putc(out, '\n');
    }
    if (c->n == 0)
        sl_buf_puts(out, "no recommendations yet\n");
}
