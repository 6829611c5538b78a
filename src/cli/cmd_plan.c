/* cmd_plan.c — `sightline plan settings …` and `sightline plan draft …`:
 * the commands that act on a plan as a whole. */
#include <string.h>

#include "cli/run.h"

/* `plan` with no subcommand: says which there are. */
static int plan_body(sl_run *run)
{
    return sl_cli_usage(run->cmd, "say what to do: plan settings PLAN … or plan draft --inspection ID");
}

int sl_cmd_plan(const sl_cli *cli, const sl_command *cmd, int argc, char **argv)
{
    if (argc >= 2 && strcmp(argv[1], "settings") == 0)
        return sl_cmd_plan_settings(cli, cmd, argc - 1, argv + 1);
    if (argc >= 2 && strcmp(argv[1], "draft") == 0)
        return sl_cmd_plan_draft(cli, cmd, argc - 1, argv + 1);
    static const sl_run_spec spec = {.body = plan_body};
    return sl_cli_run(cli, cmd, argc, argv, NULL, 0, &spec, NULL);
}
