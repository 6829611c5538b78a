/* cmd_update.c — `sightline update REF --status S …`: append a dated progress
 * update in one transaction; the audit log records who, when and what. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

enum { OPT_STATUS, OPT_RAG, OPT_REASON, OPT_NOTE, OPT_EVIDENCE, OPT_AS_OF, OPT_PLAN, OPT_VERSION, N_OPTS };

/* Reads the update's options into u; returns 0 or SL_EXIT_USAGE. */
static int read_update(const sl_command *cmd, sl_opt *opts, sl_update *u)
{
    if (!opts[OPT_STATUS].count)
        return sl_cli_usage(cmd, "--status is required");
    if (sl_status_parse(opts[OPT_STATUS].value, &u->status) < 0)
        return sl_cli_usage(cmd, "--status '%s' is not a status (not-started, planned,"
                                 " in-progress, on-track, at-risk, off-track, complete,"
                                 " signed-off, carried-forward, withdrawn)",
                            opts[OPT_STATUS].value);
    u->status_text = opts[OPT_STATUS].value;
    if (opts[OPT_RAG].count) {
        if (sl_rag_parse(opts[OPT_RAG].value, &u->rag) < 0 || u->rag == SL_RAG_NONE)
            return sl_cli_usage(cmd, "--rag must be red, amber, green, blue or grey");
        if (!opts[OPT_REASON].count || !*opts[OPT_REASON].value)
            return sl_cli_usage(cmd, "a manual --rag needs a --reason");
    } else if (opts[OPT_REASON].count) {
        return sl_cli_usage(cmd, "--reason explains a manual --rag; give --rag too");
    }
    u->rag_reason = opts[OPT_REASON].value;
    u->note = opts[OPT_NOTE].value;
    u->evidence = opts[OPT_EVIDENCE].value;
    if (opts[OPT_VERSION].count) {
        char *end;
        long v = strtol(opts[OPT_VERSION].value, &end, 10);
        if (*end || v < 1)
            return sl_cli_usage(cmd, "--expect-version takes a version number");
        u->expected_version = (int)v;
    }
    return sl_cli_as_of(cmd, &opts[OPT_AS_OF], &u->day);
}

int sl_cmd_update(const sl_cli *cli, const sl_command *cmd, int argc, char **argv)
{
    sl_opt opts[N_OPTS] = {SL_OPT("--status", 1), SL_OPT("--rag", 1),   SL_OPT("--reason", 1), SL_OPT("--note", 1),
                           SL_OPT("--evidence", 1), SL_OPT("--as-of", 1), SL_OPT("--plan", 1), SL_OPT("--expect-version", 1)};
    const char *pos[1] = {0};
    int n_pos;
    sl_update u = {0};
    int rc = sl_cli_parse(cmd, argc, argv, opts, N_OPTS, pos, 1, 1, &n_pos);
    if (rc == 0)
        rc = read_update(cmd, opts, &u);
    sl_store *store = NULL;
    int64_t plan_id = 0;
    if (rc == 0 && !(store = sl_cli_open_store(cli, 0)))
        rc = SL_EXIT_REFUSED;
    if (rc == 0)
        rc = sl_cli_plan(store, &opts[OPT_PLAN], &plan_id);
    if (rc == 0)
        rc = sl_cli_find_action(store, plan_id, pos[0], &u.action_id);
    sl_error err = {0};
    if (rc == 0) {
        if (sl_store_begin(store, &err) < 0 || sl_store_add_update(store, &u, cli->actor, &err) < 0 ||
            sl_store_commit(store, &err) < 0) {
            sl_store_rollback(store);
            rc = sl_cli_refuse(&err);
        } else {
            char day[11];
            sl_day_format(u.day, day);
            printf("%s: %s as of %s\n", pos[0], sl_status_name(u.status), day);
        }
    }
    sl_cli_free_opts(opts, N_OPTS);
    sl_store_close(store);
    return rc < 0 ? SL_EXIT_OK : rc;
}
