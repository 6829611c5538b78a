/* cmd_link.c — `sightline link REF REC…`: link an action to the
 * recommendations it answers, by hand, in one transaction. */
#include <stdio.h>
#include <stdlib.h>

#include "cli/cli.h"

enum { OPT_PLAN, N_OPTS };
#define MAX_RECS 32

int sl_cmd_link(const sl_cli *cli, const sl_command *cmd, int argc, char **argv)
{
    sl_opt opts[N_OPTS] = {SL_OPT("--plan", 1)};
    const char *pos[1 + MAX_RECS] = {0};
    int n_pos, numbers[MAX_RECS];
    int rc = sl_cli_parse(cmd, argc, argv, opts, N_OPTS, pos, 2, 1 + MAX_RECS, &n_pos);
    for (int i = 1; rc == 0 && i < n_pos; i++) {
        char *end;
        long n = strtol(pos[i], &end, 10);
        if (*end || end == pos[i] || n < 1 || n > 9999)
            rc = sl_cli_usage(cmd, "'%s' is not a recommendation number", pos[i]);
        numbers[i - 1] = (int)n;
    }
    sl_store *store = NULL;
    int64_t plan_id = 0, action_id = 0;
    if (rc == 0 && !(store = sl_cli_open_store(cli, 0)))
        rc = SL_EXIT_REFUSED;
    if (rc == 0)
        rc = sl_cli_plan(store, &opts[OPT_PLAN], &plan_id);
    if (rc == 0)
        rc = sl_cli_find_action(store, plan_id, pos[0], &action_id);
    sl_cli_free_opts(opts, N_OPTS);
    sl_error err = {0};
    if (rc == 0) {
        int failed = sl_store_begin(store, &err) < 0;
        for (int i = 0; !failed && i < n_pos - 1; i++)
            failed = sl_store_link_recommendation(store, action_id, numbers[i], cli->actor, &err) < 0;
        if (failed || sl_store_commit(store, &err) < 0) {
            sl_store_rollback(store);
            rc = sl_cli_refuse(&err);
        } else {
            printf("%s answers recommendation%s", pos[0], n_pos > 2 ? "s" : "");
            for (int i = 0; i < n_pos - 1; i++)
                printf(" %d", numbers[i]);
            printf("\n");
        }
    }
    sl_store_close(store);
    return rc < 0 ? SL_EXIT_OK : rc;
}
