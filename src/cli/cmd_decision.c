/* cmd_decision.c — `sightline decision add --board B --date D --text T`: a
 * decision a meeting took. */
#include <stdio.h>
#include <string.h>

#include "cli/governance.h"

/* Appends the decision (--text) to the meeting. */
static int add_decision(sl_run *run, const sl_board *b, const sl_meeting *m)
{
    (void)b;
    return sl_store_decision_add(run->store, m->id, sl_run_opt(run, "--text")->value, run->cli->actor, &run->err);
}

/* Checks the subcommand and the options; returns 0 or SL_EXIT_USAGE. */
static int check_decision(sl_run *run)
{
    const char *text = sl_run_opt(run, "--text")->value;
    if (strcmp(run->pos[0], "add") != 0)
        return sl_cli_usage(run->cmd, "try: decision add --board B --date D --text T");
    if (!sl_run_flag(run, "--board") || !sl_run_flag(run, "--date") || !text || !*text)
        return sl_cli_usage(run->cmd, "give --board, --date and --text");
    return 0;
}

/* Records the decision in one transaction. */
static int decision_body(sl_run *run)
{
    int rc = sl_run_meeting_write(run, add_decision);
    if (rc == 0)
        sl_buf_puts(&run->out, "recorded the decision\n");
    return rc;
}

int sl_cmd_decision(const sl_cli *cli, const sl_command *cmd, int argc, char **argv)
{
    sl_opt opts[] = {SL_OPT("--board", 1), SL_OPT("--date", 1), SL_OPT("--text", 1)};
    static const sl_run_spec spec = {.min_pos = 1, .max_pos = 1, .store = SL_RUN_STORE,
                                     .check = check_decision, .body = decision_body};
    return SL_CLI_RUN(cli, cmd, argc, argv, opts, &spec, NULL);
}
