/* cmd_recommendations.c — `sightline recommendations`: each recommendation,
 * the actions answering it and a rolled-up status and RAG. */
#include <stdio.h>

#include "cli/cli.h"
#include "report/coverage.h"

enum { OPT_PLAN, OPT_JSON, OPT_AS_OF, N_OPTS };

int sl_cmd_recommendations(const sl_cli *cli, const sl_command *cmd, int argc, char **argv)
{
    sl_opt opts[N_OPTS] = {SL_OPT("--plan", 1), SL_OPT("--json", 0), SL_OPT("--as-of", 1)};
    const char *pos[1] = {0};
    int n_pos;
    sl_day as_of;
    int64_t plan_id = 0;
    int rc = sl_cli_parse(cmd, argc, argv, opts, N_OPTS, pos, 0, 0, &n_pos);
    if (rc == 0)
        rc = sl_cli_as_of(cmd, &opts[OPT_AS_OF], &as_of);
    sl_store *store = NULL;
    if (rc == 0 && !(store = sl_cli_open_store(cli, 0)))
        rc = SL_EXIT_REFUSED;
    if (rc == 0)
        rc = sl_cli_plan(store, &opts[OPT_PLAN], &plan_id);
    int json = opts[OPT_JSON].count > 0;
    sl_cli_free_opts(opts, N_OPTS);
    if (rc) {
        sl_store_close(store);
        return rc < 0 ? SL_EXIT_OK : rc;
    }
    sl_error err = {0};
    sl_coverage coverage;
    rc = sl_coverage_build(store, plan_id, as_of, &coverage, &err);
    sl_store_close(store);
    if (rc < 0)
        return sl_cli_refuse(&err);
    sl_buf out = SL_BUF_INIT;
    if (json)
        sl_coverage_json(&out, &coverage);
    else
        sl_coverage_text(&out, &coverage);
    sl_buf_write(&out, stdout);
    sl_buf_free(&out);
    sl_coverage_free(&coverage);
    return SL_EXIT_OK;
}
