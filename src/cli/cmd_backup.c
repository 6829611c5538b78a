/* cmd_backup.c — `sightline backup FILE`, `sightline restore FILE` and
 * `sightline check`: consistent copies (safe while `serve` is writing),
 * restores that refuse a damaged file, and the integrity check. */
#include <stdio.h>

#include "cli/cli.h"

/* Opens the store and runs op on it with the command's one argument (or
 * none); prints "DATABASE: DONE ARGUMENT" when it succeeds. */
static int run_on_store(const sl_cli *cli, const sl_command *cmd, int argc, char **argv, int n_args,
                        int create, int (*op)(sl_store *, const char *, sl_error *), const char *done)
{
    const char *pos[1] = {""};
    int n_pos;
    int rc = sl_cli_parse(cmd, argc, argv, NULL, 0, pos, n_args, n_args, &n_pos);
    if (rc)
        return rc < 0 ? SL_EXIT_OK : rc;
    sl_store *store = sl_cli_open_store(cli, create);
    if (!store)
        return SL_EXIT_REFUSED;
    sl_error err = {0};
    rc = op(store, pos[0], &err);
    sl_store_close(store);
    if (rc < 0)
        return sl_cli_refuse(&err);
    printf("%s: %s%s\n", cli->db_path, done, pos[0]);
    return SL_EXIT_OK;
}

/* sl_store_check with the shape of the other operations. */
static int check(sl_store *store, const char *unused, sl_error *err)
{
    (void)unused;
    return sl_store_check(store, err);
}

int sl_cmd_backup(const sl_cli *cli, const sl_command *cmd, int argc, char **argv)
{
    return run_on_store(cli, cmd, argc, argv, 1, 0, sl_store_backup,
                        "integrity check passed; backed up to ");
}

int sl_cmd_restore(const sl_cli *cli, const sl_command *cmd, int argc, char **argv)
{
    return run_on_store(cli, cmd, argc, argv, 1, 1, sl_store_restore, "restored from ");
}

int sl_cmd_check(const sl_cli *cli, const sl_command *cmd, int argc, char **argv)
{
    return run_on_store(cli, cmd, argc, argv, 0, 0, check, "integrity check passed");
}
