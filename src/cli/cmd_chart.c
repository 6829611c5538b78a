/* cmd_chart.c — `sightline chart CODE > chart.svg` (a measure's line chart:
 * actuals, trajectory band, target, comparators, the latest point's RAG) and
 * `sightline chart --scorecard` (small multiples of every measure). The SVG
 * is drawn by sightline itself and is well-formed, accessible XML. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/run.h"
#include "report/chart_svg.h"
#include "report/measure_report.h"
#include "util/buf.h"
#include "util/mem.h"

/* Asks for a measure or --scorecard before the store is opened; returns 0 or SL_EXIT_USAGE. */
static int check_measure(sl_run *run)
{
    if (!sl_run_flag(run, "--scorecard") && run->n_pos != 1)
        return sl_cli_usage(run->cmd, "name a measure, or ask for --scorecard");
    return 0;
}

/* Draws the scorecard, or the one measure named, from n definitions and their
 * nv values into out; returns 0, or -1 with err set when there is no such measure. */
static int draw(sl_run *run, const sl_measure_def *defs, int n, const sl_measure_value *values, int nv)
{
    int scorecard = sl_run_flag(run, "--scorecard");
    sl_chart_measure *charts = sl_calloc(((size_t)n + 1) * sizeof *charts);
    int found = -1;
    for (int i = 0; i < n; i++) {
        size_t count;
        const sl_measure_value *own = sl_values_of(values, (size_t)nv, defs[i].code, &count);
        charts[i] = (sl_chart_measure){&defs[i], own, count};
        if (!scorecard && strcmp(defs[i].code, run->pos[0]) == 0)
            found = i;
    }
    int rc = 0;
    if (scorecard)
        sl_chart_scorecard_svg(&run->out, charts, (size_t)n, run->as_of, "Scorecard");
    else if (found >= 0)
        sl_chart_measure_svg(&run->out, &charts[found], run->as_of);
    else
        rc = sl_fail(&run->err, "no measure %s (see `sightline measures`)", run->pos[0]);
    free(charts);
    return rc;
}

/* Reads every measure and value and draws the chart asked for. */
static int chart_body(sl_run *run)
{
    sl_measure_def *defs = NULL;
    sl_measure_value *values = NULL;
    int n = sl_store_measures(run->store, &defs, NULL, &run->err);
    int nv = n < 0 ? -1 : sl_store_measure_values(run->store, NULL, &values, &run->err);
    int rc = n < 0 || nv < 0 ? -1 : draw(run, defs, n, values, nv);
    for (int i = 0; i < n; i++)
        sl_measure_def_free(&defs[i]);
    free(defs);
    free(values);
    return rc;
}

int sl_cmd_chart(const sl_cli *cli, const sl_command *cmd, int argc, char **argv)
{
    sl_opt opts[] = {SL_OPT("--as-of", 1), SL_OPT("--scorecard", 0)};
    static const sl_run_spec spec = {.max_pos = 1, .store = SL_RUN_STORE, .check = check_measure,
                                     .body = chart_body};
    return SL_CLI_RUN(cli, cmd, argc, argv, opts, &spec, NULL);
}
