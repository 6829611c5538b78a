/* cmd_update.c — `sightline update REF --status S …`: append a dated progress
 * update in one transaction; the audit log records who, when and what. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/run.h"
#include "domain/limits.h"

enum { OPT_STATUS, OPT_RAG, OPT_REASON, OPT_NOTE, OPT_EVIDENCE, OPT_AS_OF, OPT_PLAN, OPT_VERSION, N_OPTS };

/* Reads the update's options into the run's update (run->ctx); returns 0 or SL_EXIT_USAGE. */
static int read_update(sl_run *run)
{
    const sl_command *cmd = run->cmd;
    const sl_opt *opts = run->opts;
    sl_update *u = run->ctx;
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
    u->day = run->as_of;
    if (sl_limit_update(u->status_text, u->note, u->rag_reason, u->evidence, &run->err) < 0)
        return sl_cli_refuse(&run->err);
    return 0;
}

/* Adds the update to the action the run names, in one transaction. */
static int update_body(sl_run *run)
{
    sl_update *u = run->ctx;
    u->action_id = run->action_id;
    if (sl_store_begin(run->store, &run->err) < 0 || sl_store_add_update(run->store, u, run->cli->actor, &run->err) < 0 ||
        sl_store_commit(run->store, &run->err) < 0) {
        sl_store_rollback(run->store);
        return -1;
    }
    char day[11];
    sl_day_format(u->day, day);
    sl_buf_printf(&run->out, "%s: %s as of %s\n", run->pos[0], sl_status_name(u->status), day);
    return 0;
}

int sl_cmd_update(const sl_cli *cli, const sl_command *cmd, int argc, char **argv)
{
    sl_opt opts[N_OPTS] = {SL_OPT("--status", 1), SL_OPT("--rag", 1),   SL_OPT("--reason", 1), SL_OPT("--note", 1),
                           SL_OPT("--evidence", 1), SL_OPT("--as-of", 1), SL_OPT("--plan", 1), SL_OPT("--expect-version", 1)};
    static const sl_run_spec spec = {.min_pos = 1, .max_pos = 1, .store = SL_RUN_STORE, .action_ref = 1,
                                     .check = read_update, .body = update_body};
    sl_update u = {0};
    return SL_CLI_RUN(cli, cmd, argc, argv, opts, &spec, &u);
}
