/* cmd_recommendations.c — `sightline recommendations`: each recommendation,
 * the actions answering it and a rolled-up status and RAG. */
#include <stdio.h>

#include "cli/run.h"
#include "report/coverage.h"

/* Builds the coverage of the run's plan (or every current plan) as of its day into run->out. */
static int recommendations_body(sl_run *run)
{
    sl_coverage coverage;
    if (sl_coverage_build(run->store, run->plan_id, run->as_of, &coverage, &run->err) < 0)
        return -1;
    if (sl_run_flag(run, "--json"))
        sl_coverage_json(&run->out, &coverage);
    else
        sl_coverage_text(&run->out, &coverage);
    sl_coverage_free(&coverage);
    return 0;
}

int sl_cmd_recommendations(const sl_cli *cli, const sl_command *cmd, int argc, char **argv)
{
    sl_opt opts[] = {SL_OPT("--plan", 1), SL_OPT("--json", 0), SL_OPT("--as-of", 1)};
    static const sl_run_spec spec = {.store = SL_RUN_STORE, .body = recommendations_body};
    return SL_CLI_RUN(cli, cmd, argc, argv, opts, &spec, NULL);
}
