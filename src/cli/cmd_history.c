/* cmd_history.c — `sightline history [REF]`: the audit log, whole or of one action. */
#include <stdio.h>

#include "cli/cli.h"
#include "report/action_detail.h"
#include "util/buf.h"

enum { OPT_PLAN, OPT_JSON, N_OPTS };

typedef struct {
    sl_buf out;
    int json;
    int count;
} listing;

/* Store callback: one entry of the log. */
static int on_entry(void *ctx, const sl_audit_entry *e)
{
    listing *l = ctx;
    if (l->json) {
        sl_buf_puts(&l->out, l->count ? ",\n" : "\n");
        sl_detail_audit_json(&l->out, e);
    } else {
        sl_detail_audit_text(&l->out, e);
    }
    l->count++;
    if (l->out.len > (1 << 16)) {
        sl_buf_write(&l->out, stdout);
        sl_buf_reset(&l->out);
    }
    return 0;
}

int sl_cmd_history(const sl_cli *cli, const sl_command *cmd, int argc, char **argv)
{
    sl_opt opts[N_OPTS] = {SL_OPT("--plan", 1), SL_OPT("--json", 0)};
    const char *pos[1] = {0};
    int n_pos;
    int64_t plan_id = 0, action_id = 0;
    int rc = sl_cli_parse(cmd, argc, argv, opts, N_OPTS, pos, 0, 1, &n_pos);
    sl_store *store = NULL;
    if (rc == 0 && !(store = sl_cli_open_store(cli, 0)))
        rc = SL_EXIT_REFUSED;
    if (rc == 0)
        rc = sl_cli_plan(store, &opts[OPT_PLAN], &plan_id);
    if (rc == 0 && n_pos == 1)
        rc = sl_cli_find_action(store, plan_id, pos[0], &action_id);
    listing l = {.json = opts[OPT_JSON].count > 0};
    sl_cli_free_opts(opts, N_OPTS);
    if (rc) {
        sl_store_close(store);
        return rc < 0 ? SL_EXIT_OK : rc;
    }
    sl_error err = {0};
    if (l.json)
        sl_buf_putc(&l.out, '[');
    rc = sl_store_each_audit(store, action_id ? "action" : NULL, action_id, 0, on_entry, &l, &err);
    if (l.json)
        sl_buf_puts(&l.out, l.count ? "\n]\n" : "]\n");
    else if (l.count == 0)
        sl_buf_puts(&l.out, "no changes recorded\n");
    if (rc == 0)
        sl_buf_write(&l.out, stdout);
    sl_buf_free(&l.out);
    sl_store_close(store);
    return rc < 0 ? sl_cli_refuse(&err) : SL_EXIT_OK;
}
