/* cmd_remind.c — `sightline remind [--as-of DATE] [--dry-run]`: emails each
 * lead the actions whose update is due or overdue and those awaiting their
 * sign-off (cli/remind.h); --dry-run prints the emails instead. */
#include "cli/remind.h"
#include "cli/run.h"

/* Sends (or prints) the day's reminders and says how many. */
static int remind_body(sl_run *run)
{
    sl_remind_options o = {run->as_of, sl_run_flag(run, "--dry-run"), run->cli->actor};
    return sl_remind_run(run->store, &o, &run->out, &run->err);
}

int sl_cmd_remind(const sl_cli *cli, const sl_command *cmd, int argc, char **argv)
{
    sl_opt opts[] = {SL_OPT("--as-of", 1), SL_OPT("--dry-run", 0)};
    static const sl_run_spec spec = {.store = SL_RUN_STORE, .body = remind_body};
    return SL_CLI_RUN(cli, cmd, argc, argv, opts, &spec, NULL);
}
