/* cmd_plan.c — `sightline plan settings …` and `sightline plan draft …`:
 * the commands that act on a plan as a whole. */
#include <string.h>

#include "cli/cli.h"

int sl_cmd_plan(const sl_cli *cli, const sl_command *cmd, int argc, char **argv)
{
    if (argc >= 2 && strcmp(argv[1], "settings") == 0)
        return sl_cmd_plan_settings(cli, cmd, argc - 1, argv + 1);
    if (argc >= 2 && strcmp(argv[1], "draft") == 0)
        return sl_cmd_plan_draft(cli, cmd, argc - 1, argv + 1);
    const char *pos[1] = {0};
    int n_pos;
    int rc = sl_cli_parse(cmd, argc, argv, NULL, 0, pos, 0, 0, &n_pos);
    if (rc)
        return rc < 0 ? SL_EXIT_OK : rc;
    return sl_cli_usage(cmd, "say what to do: plan settings PLAN … or plan draft --inspection ID");
}
