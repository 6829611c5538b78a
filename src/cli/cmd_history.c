/* cmd_history.c — `sightline history [REF]`: the audit log, whole or of one action. */
#include <stdio.h>

#include "cli/run.h"
#include "report/action_detail.h"
#include "util/buf.h"

typedef struct {
    sl_buf *out;                /* the run's output, written out every 64 KiB */
    int json;
    int count;
} listing;

/* Store callback: one entry of the log. A long log is written as it goes
 * rather than held whole; the runner writes the rest on success. */
static int on_entry(void *ctx, const sl_audit_entry *e)
{
    listing *l = ctx;
    if (l->json) {
        sl_buf_puts(l->out, l->count ? ",\n" : "\n");
        sl_detail_audit_json(l->out, e);
    } else {
        sl_detail_audit_text(l->out, e);
    }
    l->count++;
    if (l->out->len > (1 << 16)) {
        sl_buf_write(l->out, stdout);
        sl_buf_reset(l->out);
    }
    return 0;
}

/* Lists the log, of the action the argument names when there is one. */
static int history_body(sl_run *run)
{
    int64_t action_id = 0;
    if (run->n_pos == 1) {
        int rc = sl_cli_find_action(run->store, run->plan_id, run->pos[0], &action_id);
        if (rc)
            return rc;
    }
    listing l = {.out = &run->out, .json = sl_run_flag(run, "--json")};
    if (l.json)
        sl_buf_putc(l.out, '[');
    if (sl_store_each_audit(run->store, action_id ? "action" : NULL, action_id, 0, on_entry, &l, &run->err) < 0)
        return -1;
    if (l.json)
        sl_buf_puts(l.out, l.count ? "\n]\n" : "]\n");
    else if (l.count == 0)
        sl_buf_puts(l.out, "no changes recorded\n");
    return 0;
}

int sl_cmd_history(const sl_cli *cli, const sl_command *cmd, int argc, char **argv)
{
    sl_opt opts[] = {SL_OPT("--plan", 1), SL_OPT("--json", 0)};
    /* The ref is optional, so the body finds its action rather than the runner. */
    static const sl_run_spec spec = {.max_pos = 1, .store = SL_RUN_STORE, .body = history_body};
    return SL_CLI_RUN(cli, cmd, argc, argv, opts, &spec, NULL);
}
