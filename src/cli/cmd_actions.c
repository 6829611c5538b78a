/* cmd_actions.c — `sightline actions`: the filtered action list, rated as of a day. */
#include <stdio.h>
#include <stdlib.h>

#include "cli/run.h"
#include "report/action_list.h"
#include "util/buf.h"

enum {
    OPT_PLAN, OPT_THEME, OPT_LEAD, OPT_STATUS, OPT_RAG, OPT_OVERDUE, OPT_DUE_WITHIN, OPT_JSON,
    OPT_AS_OF, N_OPTS
};

/* Output state: JSON array or table, flushed in pieces to keep memory flat. */
typedef struct {
    sl_buf *out;                /* the run's output */
    int json;
    int count;
    int overdue;
    int by_rag[6];
    int write_failed;
} listing;

/* Writes what has built up once it is large. */
static void flush_if_large(listing *l)
{
    if (l->out->len < (1 << 16))
        return;
    l->write_failed |= sl_buf_write(l->out, stdout) < 0;
    sl_buf_reset(l->out);
}

/* Adds one rated action to the output. */
static int on_action(void *ctx, const sl_action_row *row, const sl_rag_result *rag)
{
    listing *l = ctx;
    if (l->json) {
        sl_buf_puts(l->out, l->count ? ",\n" : "\n");
        sl_action_json(l->out, row, rag);
    } else {
        sl_action_table_row(l->out, row, rag);
    }
    l->count++;
    l->overdue += rag->overdue;
    l->by_rag[rag->rag]++;
    flush_if_large(l);
    return 0;
}

/* Reads the filter options into the run's filter (run->ctx) before the
 * store is opened; returns 0 or SL_EXIT_USAGE. */
static int read_filter(sl_run *run)
{
    const sl_command *cmd = run->cmd;
    const sl_opt *opts = run->opts;
    sl_action_filter *f = run->ctx;
    f->theme = opts[OPT_THEME].value;
    f->lead = opts[OPT_LEAD].value;
    f->overdue_only = opts[OPT_OVERDUE].count > 0;
    f->due_within = -1;
    if (opts[OPT_STATUS].count) {
        if (sl_status_parse(opts[OPT_STATUS].value, &f->status) < 0)
            return sl_cli_usage(cmd, "--status '%s' is not a status", opts[OPT_STATUS].value);
        f->has_status = 1;
    }
    if (opts[OPT_RAG].count &&
        (sl_rag_parse(opts[OPT_RAG].value, &f->rag) < 0 || f->rag == SL_RAG_NONE))
        return sl_cli_usage(cmd, "--rag must be red, amber, green, blue or grey");
    if (opts[OPT_DUE_WITHIN].count) {
        char *end;
        long days = strtol(opts[OPT_DUE_WITHIN].value, &end, 10);
        if (*end || end == opts[OPT_DUE_WITHIN].value || days < 0 || days > 36500)
            return sl_cli_usage(cmd, "--due-within takes a number of days");
        f->due_within = (int)days;
    }
    f->as_of = run->as_of;
    return 0;
}

/* Lists the rated actions the filter keeps, with a count by RAG. The list
 * is written as it grows; the body writes the last of it itself so that a
 * failed write says "cannot write the output", as it always has. */
static int actions_body(sl_run *run)
{
    sl_action_filter *filter = run->ctx;
    filter->plan_id = run->plan_id;
    listing l = {.out = &run->out, .json = sl_run_flag(run, "--json")};
    if (l.json)
        sl_buf_putc(l.out, '[');
    else
        sl_action_table_heading(l.out);
    if (sl_each_rated_action(run->store, filter, on_action, &l, &run->err) < 0)
        return -1;
    if (l.json)
        sl_buf_puts(l.out, l.count ? "\n]\n" : "]\n");
    else
        sl_buf_printf(l.out,
                      "\n%d action%s, %d overdue: red %d, amber %d, green %d, blue %d, grey %d\n",
                      l.count, l.count == 1 ? "" : "s", l.overdue, l.by_rag[SL_RAG_RED],
                      l.by_rag[SL_RAG_AMBER], l.by_rag[SL_RAG_GREEN], l.by_rag[SL_RAG_BLUE],
                      l.by_rag[SL_RAG_GREY]);
    l.write_failed |= sl_buf_write(l.out, stdout) < 0;
    sl_buf_reset(l.out);
    if (l.write_failed || fflush(stdout) != 0)
        return sl_fail(&run->err, "cannot write the output");
    return 0;
}

int sl_cmd_actions(const sl_cli *cli, const sl_command *cmd, int argc, char **argv)
{
    sl_opt opts[N_OPTS] = {SL_OPT("--plan", 1),   SL_OPT("--theme", 1),      SL_OPT("--lead", 1),
                           SL_OPT("--status", 1), SL_OPT("--rag", 1),        SL_OPT("--overdue", 0),
                           SL_OPT("--due-within", 1), SL_OPT("--json", 0),   SL_OPT("--as-of", 1)};
    static const sl_run_spec spec = {.store = SL_RUN_STORE, .check = read_filter, .body = actions_body};
    sl_action_filter filter = {0};
    return SL_CLI_RUN(cli, cmd, argc, argv, opts, &spec, &filter);
}
