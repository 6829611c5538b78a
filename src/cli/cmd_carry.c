/* cmd_carry.c — `sightline carry-forward REF --plan FROM --into TO`: mark an
 * action carried forward into the next plan. Both actions then show the link;
 * the old one gets a carried-forward update. One transaction. */
#include <stdio.h>
#include <stdlib.h>

#include "cli/run.h"
#include "util/buf.h"

/* Asks for --into before the store is opened; returns 0 or SL_EXIT_USAGE. */
static int check_into(sl_run *run)
{
    if (!sl_run_opt(run, "--into")->count)
        return sl_cli_usage(run->cmd, "--into names the plan the action is carried into");
    return 0;
}

/* Links the action to its namesake (or --as) in the --into plan and records
 * the carried-forward update, in one transaction. */
static int carry(sl_run *run, int64_t to_plan, const char *to_ref, int64_t to_action)
{
    sl_update u = {.status = SL_STATUS_CARRIED_FORWARD, .status_text = "carried forward",
                   .action_id = run->action_id, .day = run->as_of};
    sl_buf note = SL_BUF_INIT;
    sl_buf_printf(&note, "Carried forward into plan %lld as %s", (long long)to_plan, to_ref);
    u.note = sl_buf_str(&note);
    int rc = 0;
    if (sl_store_begin(run->store, &run->err) < 0 ||
        sl_store_carry_forward(run->store, run->action_id, to_action, run->cli->actor, &run->err) < 0 ||
        sl_store_add_update(run->store, &u, run->cli->actor, &run->err) < 0 || sl_store_commit(run->store, &run->err) < 0) {
        sl_store_rollback(run->store);
        rc = -1;
    } else {
        sl_buf_printf(&run->out, "%s: carried forward into plan %lld as %s\n", run->pos[0], (long long)to_plan, to_ref);
    }
    sl_buf_free(&note);
    return rc;
}

/* Finds the --into plan, then the action in each plan (in that order, as the
 * messages for a bad one have always come), and carries it forward. */
static int carry_body(sl_run *run)
{
    const sl_opt *as = sl_run_opt(run, "--as");
    const char *to_ref = as->count ? as->value : run->pos[0];
    int64_t to_plan = 0, to_action = 0;
    int rc = sl_cli_plan(run->store, sl_run_opt(run, "--into"), &to_plan);
    if (rc == 0)
        rc = sl_cli_find_action(run->store, run->plan_id, run->pos[0], &run->action_id);
    if (rc == 0)
        rc = sl_cli_find_action(run->store, to_plan, to_ref, &to_action);
    return rc ? rc : carry(run, to_plan, to_ref, to_action);
}

int sl_cmd_carry_forward(const sl_cli *cli, const sl_command *cmd, int argc, char **argv)
{
    sl_opt opts[] = {SL_OPT("--plan", 1), SL_OPT("--into", 1), SL_OPT("--as", 1), SL_OPT("--as-of", 1)};
    static const sl_run_spec spec = {.min_pos = 1, .max_pos = 1, .store = SL_RUN_STORE, .check = check_into,
                                     .body = carry_body};
    return SL_CLI_RUN(cli, cmd, argc, argv, opts, &spec, NULL);
}
