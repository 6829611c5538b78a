/* cmd_link.c — `sightline link REF REC…`: link an action to the
 * recommendations it answers, by hand, in one transaction. */
#include <stdio.h>
#include <stdlib.h>

#include "cli/run.h"

#define MAX_RECS 32

/* Reads the recommendation numbers after the ref into the run's list
 * (run->ctx, MAX_RECS long) before the store is opened; returns 0 or SL_EXIT_USAGE. */
static int read_numbers(sl_run *run)
{
    int *numbers = run->ctx;
    for (int i = 1; i < run->n_pos; i++) {
        char *end;
        long n = strtol(run->pos[i], &end, 10);
        if (*end || end == run->pos[i] || n < 1 || n > 9999)
            return sl_cli_usage(run->cmd, "'%s' is not a recommendation number", run->pos[i]);
        numbers[i - 1] = (int)n;
    }
    return 0;
}

/* Links the action the run names to each number, in one transaction. */
static int link_body(sl_run *run)
{
    const int *numbers = run->ctx;
    int n = run->n_pos - 1;
    int failed = sl_store_begin(run->store, &run->err) < 0;
    for (int i = 0; !failed && i < n; i++)
        failed = sl_store_link_recommendation(run->store, run->action_id, numbers[i], run->cli->actor, &run->err) < 0;
    if (failed || sl_store_commit(run->store, &run->err) < 0) {
        sl_store_rollback(run->store);
        return -1;
    }
    sl_buf_printf(&run->out, "%s answers recommendation%s", run->pos[0], n > 1 ? "s" : "");
    for (int i = 0; i < n; i++)
        sl_buf_printf(&run->out, " %d", numbers[i]);
    sl_buf_putc(&run->out, '\n');
    return 0;
}

int sl_cmd_link(const sl_cli *cli, const sl_command *cmd, int argc, char **argv)
{
    sl_opt opts[] = {SL_OPT("--plan", 1)};
    static const sl_run_spec spec = {.min_pos = 2, .max_pos = 1 + MAX_RECS, .store = SL_RUN_STORE,
                                     .action_ref = 1, .check = read_numbers, .body = link_body};
    int numbers[MAX_RECS];
    return SL_CLI_RUN(cli, cmd, argc, argv, opts, &spec, numbers);
}
