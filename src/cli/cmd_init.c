/* cmd_init.c — `sightline init`: create the database, or bring its schema up to date. */
#include <stdio.h>

#include "cli/cli.h"

int sl_cmd_init(const sl_cli *cli, const sl_command *cmd, int argc, char **argv)
{
    const char *pos[1] = {0};
    int n_pos;
    int rc = sl_cli_parse(cmd, argc, argv, NULL, 0, pos, 0, 0, &n_pos);
    if (rc)
        return rc < 0 ? SL_EXIT_OK : rc;
    sl_store *store = sl_cli_open_store(cli, 1);
    if (!store)
        return SL_EXIT_REFUSED;
    sl_store_close(store);
    printf("database ready: %s\n", cli->db_path);
    return SL_EXIT_OK;
}
