/* cmd_backup.c — `sightline backup FILE`, `sightline restore FILE` and
 * `sightline check`: consistent copies (safe while `serve` is writing),
 * restores that refuse a damaged file, and the integrity check. */
#include <stdio.h>
#include <stdlib.h>

#include "cli/run.h"

/* What one of the three commands does to the open store (the run's ctx). */
typedef struct {
    int (*op)(sl_store *, const char *, sl_error *);
    const char *done;           /* "restored from " */
} store_op;

/* Runs the operation with the command's one argument (or none); says
 * "DATABASE: DONE ARGUMENT" when it succeeds. */
static int op_body(sl_run *run)
{
    const store_op *s = run->ctx;
    const char *arg = run->n_pos ? run->pos[0] : "";
    if (s->op(run->store, arg, &run->err) < 0)
        return -1;
    char *name = sl_store_name(run->cli->db_path);
    sl_buf_printf(&run->out, "%s: %s%s\n", name, s->done, arg);
    free(name);
    return 0;
}

/* sl_store_check with the shape of the other operations. */
static int check(sl_store *store, const char *unused, sl_error *err)
{
    (void)unused;
    return sl_store_check(store, err);
}

int sl_cmd_backup(const sl_cli *cli, const sl_command *cmd, int argc, char **argv)
{
    static const sl_run_spec spec = {.min_pos = 1, .max_pos = 1, .store = SL_RUN_STORE, .body = op_body};
    store_op s = {sl_store_backup, "integrity check passed; backed up to "};
    return sl_cli_run(cli, cmd, argc, argv, NULL, 0, &spec, &s);
}

int sl_cmd_restore(const sl_cli *cli, const sl_command *cmd, int argc, char **argv)
{
    static const sl_run_spec spec = {.min_pos = 1, .max_pos = 1, .store = SL_RUN_CREATE_STORE, .body = op_body};
    store_op s = {sl_store_restore, "restored from "};
    return sl_cli_run(cli, cmd, argc, argv, NULL, 0, &spec, &s);
}

int sl_cmd_check(const sl_cli *cli, const sl_command *cmd, int argc, char **argv)
{
    static const sl_run_spec spec = {.store = SL_RUN_STORE, .body = op_body};
    store_op s = {check, "integrity check passed"};
    return sl_cli_run(cli, cmd, argc, argv, NULL, 0, &spec, &s);
}
