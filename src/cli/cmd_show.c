/* cmd_show.c — `sightline show REF`: one action, its links, its history and audit trail. */
#include <stdio.h>

#include "cli/run.h"
#include "report/action_detail.h"
#include "report/action_list.h"
#include "util/buf.h"

typedef struct {
    sl_buf *out;
    int json;
    int count;
    const sl_plan *plan;        /* the action in full (for the row) */
    int64_t self;               /* the action's id (for its links) */
} lines;

/* Store callback: the action's row as of the day, rated. */
static int on_row(void *ctx, const sl_action_row *row, const sl_rag_result *rag)
{
    lines *l = ctx;
    const sl_plan *plan = l->plan;
    if (l->json) {
        sl_buf_puts(l->out, "{\"action\":");
        sl_action_json(l->out, row, rag);
    } else {
        sl_detail_text(l->out, plan, row, rag);
    }
    return 0;
}

/* Store callback: one history line. */
static int on_update(void *ctx, const sl_update *u)
{
    lines *l = ctx;
    if (l->json) {
        sl_buf_puts(l->out, l->count ? ",\n" : "\n");
        sl_detail_update_json(l->out, u);
    } else {
        sl_detail_update_text(l->out, u);
    }
    l->count++;
    return 0;
}

/* Store callback: one audit line. */
static int on_audit(void *ctx, const sl_audit_entry *e)
{
    lines *l = ctx;
    if (l->json) {
        sl_buf_puts(l->out, l->count ? ",\n" : "\n");
        sl_detail_audit_json(l->out, e);
    } else {
        sl_detail_audit_text(l->out, e);
    }
    l->count++;
    return 0;
}

/* Store callback: one carry-forward link, seen from this action. */
static int on_link(void *ctx, const sl_link_row *link)
{
    lines *l = ctx;
    int outgoing = link->from_action_id == l->self;
    const char *ref = outgoing ? link->to_ref : link->from_ref;
    const char *plan = outgoing ? link->to_plan : link->from_plan;
    if (l->json) {
        sl_buf_puts(l->out, l->count ? ",{\"direction\":" : "{\"direction\":");
        sl_buf_json_str(l->out, outgoing ? "to" : "from");
        sl_buf_puts(l->out, ",\"plan\":");
        sl_buf_json_str(l->out, plan);
        sl_buf_puts(l->out, ",\"ref\":");
        sl_buf_json_str(l->out, ref);
        sl_buf_putc(l->out, '}');
    } else {
        sl_buf_printf(l->out, "  carried forward %s %s, action %s (%s by %s)\n",
                      outgoing ? "into" : "from", plan, ref, link->linked_at, link->actor);
    }
    l->count++;
    return 0;
}

/* Writes the whole page for one action into out. */
static int render(sl_store *store, int64_t action_id, sl_day as_of, int json, sl_buf *out,
                  sl_error *err)
{
    sl_plan plan;
    if (sl_store_load_action(store, action_id, &plan, err) < 0)
        return -1;
    lines l = {out, json, 0, &plan, action_id};
    sl_action_filter f = {.action_id = action_id, .as_of = as_of, .due_within = -1};
    int rc = sl_each_rated_action(store, &f, on_row, &l, err);
    if (rc == 0) {
        lines links = {out, json, 0, &plan, action_id};
        size_t mark = out->len;
        sl_buf_puts(out, json ? ",\"links\":[" : "\nLinks\n");
        rc = sl_store_each_link(store, action_id, on_link, &links, err);
        if (json)
            sl_buf_putc(out, ']');
        else if (links.count == 0)
            out->len = mark, out->data[mark] = '\0';
    }
    if (rc == 0) {
        sl_buf_puts(out, json ? ",\"history\":[" : "\nHistory\n");
        rc = sl_store_each_update(store, action_id, 0, on_update, &l, err);
    }
    if (rc == 0) {
        if (!json && l.count == 0)
            sl_buf_puts(out, "  no progress updates yet\n");
        l.count = 0;
        sl_buf_puts(out, json ? "],\"audit\":[" : "\nAudit trail\n");
        rc = sl_store_each_audit(store, "action", action_id, 0, on_audit, &l, err);
    }
    if (rc == 0) {
        if (!json && l.count == 0)
            sl_buf_puts(out, "  no changes since import\n");
        sl_buf_puts(out, json ? "]}\n" : "");
    }
    sl_plan_free(&plan);
    return rc;
}

/* Renders the action the run names, as of its day. */
static int show_body(sl_run *run)
{
    return render(run->store, run->action_id, run->as_of, sl_run_flag(run, "--json"), &run->out, &run->err);
}

int sl_cmd_show(const sl_cli *cli, const sl_command *cmd, int argc, char **argv)
{
    sl_opt opts[] = {SL_OPT("--plan", 1), SL_OPT("--as-of", 1), SL_OPT("--json", 0)};
    static const sl_run_spec spec = {.min_pos = 1, .max_pos = 1, .store = SL_RUN_STORE, .action_ref = 1,
                                     .body = show_body};
    return SL_CLI_RUN(cli, cmd, argc, argv, opts, &spec, NULL);
}
