/* cmd_backup.c — `sightline backup FILE`, `sightline restore FILE` and
 * `sightline check`: consistent copies (safe while `serve` is writing),
 * restores that refuse a damaged file, and the integrity check. */
#include <stdio.h>

#include "cli/cli.h"

int sl_cmd_backup(const sl_cli *cli, const sl_command *cmd, int argc, char **argv)
{
    const char *pos[1];
    int n_pos;
    int rc = sl_cli_parse(cmd, argc, argv, NULL, 0, pos, 1, 1, &n_pos);
    if (rc)
        return rc < 0 ? SL_EXIT_OK : rc;
    sl_store *store = sl_cli_open_store(cli, 0);
    if (!store)
        return SL_EXIT_REFUSED;
    sl_error err = {0};
    rc = sl_store_backup(store, pos[0], &err);
    sl_store_close(store);
    if (rc < 0)
        return sl_cli_refuse(&err);
    printf("backed up %s to %s (integrity check passed)\n", cli->db_path, pos[0]);
    return SL_EXIT_OK;
}

int sl_cmd_restore(const sl_cli *cli, const sl_command *cmd, int argc, char **argv)
{
    const char *pos[1];
    int n_pos;
    int rc = sl_cli_parse(cmd, argc, argv, NULL, 0, pos, 1, 1, &n_pos);
    if (rc)
        return rc < 0 ? SL_EXIT_OK : rc;
    sl_store *store = sl_cli_open_store(cli, 1);
    if (!store)
        return SL_EXIT_REFUSED;
    sl_error err = {0};
    rc = sl_store_restore(store, pos[0], &err);
    sl_store_close(store);
    if (rc < 0)
        return sl_cli_refuse(&err);
    printf("restored %s from %s\n", cli->db_path, pos[0]);
    return SL_EXIT_OK;
}

int sl_cmd_check(const sl_cli *cli, const sl_command *cmd, int argc, char **argv)
{
    const char *pos[1];
    int n_pos;
    int rc = sl_cli_parse(cmd, argc, argv, NULL, 0, pos, 0, 0, &n_pos);
    if (rc)
        return rc < 0 ? SL_EXIT_OK : rc;
    sl_store *store = sl_cli_open_store(cli, 0);
    if (!store)
        return SL_EXIT_REFUSED;
    sl_error err = {0};
    rc = sl_store_check(store, &err);
    sl_store_close(store);
    if (rc < 0)
        return sl_cli_refuse(&err);
    printf("%s: integrity check passed\n", cli->db_path);
    return SL_EXIT_OK;
}
