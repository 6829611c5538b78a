/* cmd_plans.c — `sightline plans`: each plan with counts by status and RAG. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/run.h"
#include "report/action_list.h"
#include "util/buf.h"
#include "util/mem.h"

/* One plan's summary, gathered before printing. */
typedef struct {
    int64_t id;
    char *title;
    char *authority;
    int version;
    int64_t superseded_by;
    int by_status[SL_STATUS_COUNT];
    int by_rag[6];
    int overdue;
    int total;
    int64_t *inspections;       /* the inspections it answers (read with it from an agenda pack) */
    size_t n_inspections;
} plan_summary;

typedef struct {
    plan_summary *items;
    size_t n;
} summaries;

/* Store callback: remembers each plan. */
static int on_plan(void *ctx, const sl_plan_info *info)
{
    summaries *s = ctx;
    s->items = sl_realloc(s->items, (s->n + 1) * sizeof *s->items);
    plan_summary *p = &s->items[s->n++];
    memset(p, 0, sizeof *p);
    p->id = info->id;
    p->title = sl_strdup(info->title);
    p->authority = sl_strdup(info->authority);
    p->version = info->version;
    p->superseded_by = info->superseded_by;
    return 0;
}

/* Counts one rated action into its plan's summary. */
static int on_action(void *ctx, const sl_action_row *row, const sl_rag_result *rag)
{
    plan_summary *p = ctx;
    p->by_status[row->status]++;
    p->by_rag[rag->rag]++;
    p->overdue += rag->overdue;
    p->total++;
    return 0;
}

/* Appends one plan as JSON. */
static void plan_json(sl_buf *out, const plan_summary *p)
{
    sl_buf_printf(out, "{\"id\":%lld,\"title\":", (long long)p->id);
    sl_buf_json_str(out, p->title);
    sl_buf_puts(out, ",\"authority\":");
    sl_buf_json_str(out, p->authority);
    sl_buf_printf(out, ",\"version\":%d,\"current\":%s,\"actions\":%d,\"overdue\":%d,\"status\":{",
                  p->version, p->superseded_by ? "false" : "true", p->total, p->overdue);
    for (int s = 0; s < SL_STATUS_COUNT; s++)
        sl_buf_printf(out, "%s\"%s\":%d", s ? "," : "", sl_status_name((sl_status)s),
                      p->by_status[s]);
    sl_buf_puts(out, "},\"rag\":{");
    for (int r = SL_RAG_RED; r <= SL_RAG_GREY; r++)
        sl_buf_printf(out, "%s\"%s\":%d", r > SL_RAG_RED ? "," : "", sl_rag_name((sl_rag)r),
                      p->by_rag[r]);
    sl_buf_puts(out, "},\"inspections\":[");
    for (size_t i = 0; i < p->n_inspections; i++)
        sl_buf_printf(out, "%s%lld", i ? "," : "", (long long)p->inspections[i]);
    sl_buf_puts(out, "]}");
}

/* Appends one plan as two aligned lines. */
static void plan_text(sl_buf *out, const plan_summary *p)
{
    char head[64];
    snprintf(head, sizeof head, "%lld", (long long)p->id);
    sl_buf_cell(out, head, 4);
    sl_buf_cell(out, p->title, 52);
    sl_buf_printf(out, " v%-3d %s\n", p->version, p->superseded_by ? "superseded" : "");
    sl_buf_printf(out, "    %s · %d actions, %d overdue · red %d amber %d green %d blue %d grey %d\n",
                  p->authority, p->total, p->overdue, p->by_rag[SL_RAG_RED],
                  p->by_rag[SL_RAG_AMBER], p->by_rag[SL_RAG_GREEN], p->by_rag[SL_RAG_BLUE],
                  p->by_rag[SL_RAG_GREY]);
    sl_buf_puts(out, "    ");
    int first = 1;
    for (int s = 0; s < SL_STATUS_COUNT; s++) {
        if (!p->by_status[s])
            continue;
        sl_buf_printf(out, "%s%s %d", first ? "" : ", ", sl_status_name((sl_status)s),
                      p->by_status[s]);
        first = 0;
    }
    sl_buf_puts(out, first ? "(no actions)\n" : "\n");
}

/* Counts each plan's actions as of the day, and reads the inspections it answers. */
static int count_actions(sl_store *store, summaries *s, sl_day as_of, sl_error *err)
{
    for (size_t i = 0; i < s->n; i++) {
        sl_action_filter f = {.plan_id = s->items[i].id, .as_of = as_of, .due_within = -1};
        if (sl_each_rated_action(store, &f, on_action, &s->items[i], err) < 0 ||
            sl_store_plan_inspections(store, s->items[i].id, &s->items[i].inspections, &s->items[i].n_inspections,
                                      err) < 0)
            return -1;
    }
    return 0;
}

/* Frees the summaries gathered. */
static void summaries_free(summaries *s)
{
    for (size_t i = 0; i < s->n; i++) {
        free(s->items[i].title);
        free(s->items[i].authority);
        free(s->items[i].inspections);
    }
    free(s->items);
}

/* Lists every current plan (or, with --all, every version) as of the run's day. */
static int plans_body(sl_run *run)
{
    int json = sl_run_flag(run, "--json");
    summaries s = {0};
    int rc = sl_store_each_plan(run->store, sl_run_flag(run, "--all"), on_plan, &s, &run->err);
    if (rc == 0)
        rc = count_actions(run->store, &s, run->as_of, &run->err);
    sl_buf *out = &run->out;
    if (json)
        sl_buf_putc(out, '[');
    for (size_t i = 0; rc == 0 && i < s.n; i++) {
        if (json) {
            sl_buf_puts(out, i ? ",\n" : "\n");
            plan_json(out, &s.items[i]);
        } else {
            plan_text(out, &s.items[i]);
        }
    }
    if (json)
        sl_buf_puts(out, s.n ? "\n]\n" : "]\n");
    else if (s.n == 0)
        sl_buf_puts(out, "no plans yet: `sightline import FILE` reads one\n");
    summaries_free(&s);
    return rc;
}

int sl_cmd_plans(const sl_cli *cli, const sl_command *cmd, int argc, char **argv)
{
    sl_opt opts[] = {SL_OPT("--json", 0), SL_OPT("--as-of", 1), SL_OPT("--all", 0)};
    static const sl_run_spec spec = {.store = SL_RUN_STORE, .body = plans_body};
    return SL_CLI_RUN(cli, cmd, argc, argv, opts, &spec, NULL);
}
