/* cmd_carry.c — `sightline carry-forward REF --plan FROM --into TO`: mark an
 * action carried forward into the next plan. Both actions then show the link;
 * the old one gets a carried-forward update. One transaction. */
#include <stdio.h>

#include "cli/cli.h"

enum { OPT_PLAN, OPT_INTO, OPT_AS, OPT_AS_OF, N_OPTS };

int sl_cmd_carry_forward(const sl_cli *cli, const sl_command *cmd, int argc, char **argv)
{
    sl_opt opts[N_OPTS] = {SL_OPT("--plan", 1), SL_OPT("--into", 1), SL_OPT("--as", 1),
                           SL_OPT("--as-of", 1)};
    const char *pos[1] = {0};
    int n_pos;
    sl_update u = {.status = SL_STATUS_CARRIED_FORWARD, .status_text = "carried forward"};
    int rc = sl_cli_parse(cmd, argc, argv, opts, N_OPTS, pos, 1, 1, &n_pos);
    if (rc == 0 && !opts[OPT_INTO].count)
        rc = sl_cli_usage(cmd, "--into names the plan the action is carried into");
    if (rc == 0)
        rc = sl_cli_as_of(cmd, &opts[OPT_AS_OF], &u.day);
    sl_store *store = NULL;
    int64_t from_plan = 0, to_plan = 0, to_action = 0;
    if (rc == 0 && !(store = sl_cli_open_store(cli, 0)))
        rc = SL_EXIT_REFUSED;
    if (rc == 0)
        rc = sl_cli_plan(store, &opts[OPT_PLAN], &from_plan);
    if (rc == 0)
        rc = sl_cli_plan(store, &opts[OPT_INTO], &to_plan);
    if (rc == 0)
        rc = sl_cli_find_action(store, from_plan, pos[0], &u.action_id);
    const char *to_ref = opts[OPT_AS].count ? opts[OPT_AS].value : pos[0];
    if (rc == 0)
        rc = sl_cli_find_action(store, to_plan, to_ref, &to_action);
    sl_error err = {0};
    char note[160];
    if (rc == 0) {
        snprintf(note, sizeof note, "Carried forward into plan %lld as %s", (long long)to_plan, to_ref);
        u.note = note;
        if (sl_store_begin(store, &err) < 0 ||
            sl_store_carry_forward(store, u.action_id, to_action, cli->actor, &err) < 0 ||
            sl_store_add_update(store, &u, cli->actor, &err) < 0 || sl_store_commit(store, &err) < 0) {
            sl_store_rollback(store);
            rc = sl_cli_refuse(&err);
        } else {
            printf("%s: carried forward into plan %lld as %s\n", pos[0], (long long)to_plan, to_ref);
        }
    }
    sl_cli_free_opts(opts, N_OPTS);
    sl_store_close(store);
    return rc < 0 ? SL_EXIT_OK : rc;
}
