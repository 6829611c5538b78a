/* cmd_copy.c — `sightline copy --from DB --to DB`: moves a deployment
 * between SQLite and PostgreSQL (either way, or between two of a kind):
 * every row of every table, users, history and audit log included, into an
 * empty target, verified table by table (store_ops.h: copy_to). A progress
 * bar on a terminal. */
#include <stdio.h>
#include <unistd.h>

#include "cli/run.h"

/* Draws the progress bar on stderr (a terminal only). */
static void progress(void *ctx, const char *table, int done, int total, int64_t rows)
{
    (void)ctx;
    int width = 30, filled = total ? width * done / total : width;
    fprintf(stderr, "\r[%.*s%*s] %d/%d tables, %lld rows  %-24.24s", filled,
            "##############################", width - filled, "", done, total, (long long)rows, table);
    if (done == total)
        fputc('\n', stderr);
    fflush(stderr);
}

/* Both databases named: a usage error otherwise. */
static int copy_check(sl_run *run)
{
    if (!sl_run_opt(run, "--from")->value || !sl_run_opt(run, "--to")->value)
        return sl_cli_usage(run->cmd, "copy needs --from DB and --to DB");
    return 0;
}

/* Opens both databases (the target created when missing) and copies. */
static int copy_body(sl_run *run)
{
    const char *from = sl_run_opt(run, "--from")->value, *to = sl_run_opt(run, "--to")->value;
    sl_store *src = sl_store_open(from, 0, &run->err);
    sl_store *dst = src ? sl_store_open(to, 1, &run->err) : NULL;
    int64_t rows = 0;
    int rc = -1;
    if (dst)
        rc = sl_store_copy_to(src, dst, isatty(fileno(stderr)) ? progress : NULL, NULL, &rows,
                              &run->err);
    sl_store_close(dst);
    sl_store_close(src);
    if (rc == 0)
        sl_buf_cprintf(&run->out, "copied %lld rows; every table's count and checksum verified\n",
                       (long long)rows);
    return rc;
}

int sl_cmd_copy(const sl_cli *cli, const sl_command *cmd, int argc, char **argv)
{
    sl_opt opts[] = {SL_OPT("--from", 1), SL_OPT("--to", 1)};
    static const sl_run_spec spec = {.check = copy_check, .body = copy_body};
    return SL_CLI_RUN(cli, cmd, argc, argv, opts, &spec, NULL);
}
