/* cmd_serve.c — `sightline serve`: the web application. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "web/web.h"

enum { OPT_LISTEN, OPT_STATIC, OPT_THREADS, OPT_IDLE, N_OPTS };

int sl_cmd_serve(const sl_cli *cli, const sl_command *cmd, int argc, char **argv)
{
    sl_opt opts[N_OPTS] = {SL_OPT("--listen", 1), SL_OPT("--static", 1), SL_OPT("--threads", 1),
                           SL_OPT("--idle-minutes", 1)};
    const char *pos[1] = {0};
    int n_pos;
    int rc = sl_cli_parse(cmd, argc, argv, opts, N_OPTS, pos, 0, 0, &n_pos);
    char static_dir[PATH_MAX], data_dir[PATH_MAX];
    sl_cli_beside_binary("static", static_dir, sizeof static_dir);
    sl_cli_beside_binary("data", data_dir, sizeof data_dir);
    sl_web_config config = {
        .db_path = cli->db_path,
        .listen = opts[OPT_LISTEN].count ? opts[OPT_LISTEN].value : "127.0.0.1:8080",
        .static_dir = opts[OPT_STATIC].count ? opts[OPT_STATIC].value : static_dir,
        .data_dir = data_dir,
        .threads = opts[OPT_THREADS].count ? atoi(opts[OPT_THREADS].value) : 4,
        .idle_minutes = opts[OPT_IDLE].count ? atoi(opts[OPT_IDLE].value) : 30,
    };
    if (rc == 0 && (config.threads < 1 || config.threads > 64))
        rc = sl_cli_usage(cmd, "--threads takes 1 to 64");
    if (rc == 0 && (config.idle_minutes < 1 || config.idle_minutes > 24 * 60))
        rc = sl_cli_usage(cmd, "--idle-minutes takes 1 to 1440");
    if (rc) {
        sl_cli_free_opts(opts, N_OPTS);
        return rc < 0 ? SL_EXIT_OK : rc;
    }
    sl_error err = {0};
    rc = sl_web_serve(&config, &err);
    sl_cli_free_opts(opts, N_OPTS);
    return rc < 0 ? sl_cli_refuse(&err) : SL_EXIT_OK;
}
