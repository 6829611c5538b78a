/* cmd_actions.c — `sightline actions`: the filtered action list, rated as of a day. */
#include <stdio.h>
#include <stdlib.h>

#include "cli/cli.h"
#include "report/action_list.h"
#include "util/buf.h"

enum {
    OPT_PLAN, OPT_THEME, OPT_LEAD, OPT_STATUS, OPT_RAG, OPT_OVERDUE, OPT_DUE_WITHIN, OPT_JSON,
    OPT_AS_OF, N_OPTS
};

/* Output state: JSON array or table, flushed in pieces to keep memory flat. */
typedef struct {
    sl_buf out;
    int json;
    int count;
    int overdue;
    int by_rag[6];
    int write_failed;
} listing;

/* Writes what has built up once it is large. */
static void flush_if_large(listing *l)
{
    if (l->out.len < (1 << 16))
        return;
    l->write_failed |= sl_buf_write(&l->out, stdout) < 0;
    sl_buf_reset(&l->out);
}

/* Adds one rated action to the output. */
static int on_action(void *ctx, const sl_action_row *row, const sl_rag_result *rag)
{
    listing *l = ctx;
    if (l->json) {
        sl_buf_puts(&l->out, l->count ? ",\n" : "\n");
        sl_action_json(&l->out, row, rag);
    } else {
        sl_action_table_row(&l->out, row, rag);
    }
    l->count++;
    l->overdue += rag->overdue;
    l->by_rag[rag->rag]++;
    flush_if_large(l);
    return 0;
}

/* Reads the filter options; returns 0 or SL_EXIT_USAGE. */
static int read_filter(const sl_command *cmd, sl_opt *opts, sl_action_filter *f)
{
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
    return sl_cli_as_of(cmd, &opts[OPT_AS_OF], &f->as_of);
}

int sl_cmd_actions(const sl_cli *cli, const sl_command *cmd, int argc, char **argv)
{
    sl_opt opts[N_OPTS] = {SL_OPT("--plan", 1),   SL_OPT("--theme", 1),      SL_OPT("--lead", 1),
                           SL_OPT("--status", 1), SL_OPT("--rag", 1),        SL_OPT("--overdue", 0),
                           SL_OPT("--due-within", 1), SL_OPT("--json", 0),   SL_OPT("--as-of", 1)};
    const char *pos[1] = {0};
    int n_pos;
    sl_action_filter filter = {0};
    int rc = sl_cli_parse(cmd, argc, argv, opts, N_OPTS, pos, 0, 0, &n_pos);
    if (rc == 0)
        rc = read_filter(cmd, opts, &filter);
    sl_store *store = NULL;
    if (rc == 0 && !(store = sl_cli_open_store(cli, 0)))
        rc = SL_EXIT_REFUSED;
    if (rc == 0)
        rc = sl_cli_plan(store, &opts[OPT_PLAN], &filter.plan_id);
    listing l = {.json = opts[OPT_JSON].count > 0};
    sl_cli_free_opts(opts, N_OPTS);
    if (rc) {
        sl_store_close(store);
        return rc < 0 ? SL_EXIT_OK : rc;
    }
    sl_error err = {0};
    if (l.json)
        sl_buf_putc(&l.out, '[');
    else
        sl_action_table_heading(&l.out);
    if (sl_each_rated_action(store, &filter, on_action, &l, &err) < 0) {
        sl_store_close(store);
        sl_buf_free(&l.out);
        return sl_cli_refuse(&err);
    }
    if (l.json)
        sl_buf_puts(&l.out, l.count ? "\n]\n" : "]\n");
    else
        sl_buf_printf(&l.out,
                      "\n%d action%s, %d overdue: red %d, amber %d, green %d, blue %d, grey %d\n",
                      l.count, l.count == 1 ? "" : "s", l.overdue, l.by_rag[SL_RAG_RED],
                      l.by_rag[SL_RAG_AMBER], l.by_rag[SL_RAG_GREEN], l.by_rag[SL_RAG_BLUE],
                      l.by_rag[SL_RAG_GREY]);
    l.write_failed |= sl_buf_write(&l.out, stdout) < 0;
    sl_buf_free(&l.out);
    sl_store_close(store);
    if (l.write_failed || fflush(stdout) != 0) {
        fprintf(stderr, "sightline: cannot write the output\n");
        return SL_EXIT_REFUSED;
    }
    return SL_EXIT_OK;
}
