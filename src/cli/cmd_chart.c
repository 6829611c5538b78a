/* cmd_chart.c — `sightline chart CODE > chart.svg` (a measure's line chart:
 * actuals, trajectory band, target, comparators, the latest point's RAG) and
 * `sightline chart --scorecard` (small multiples of every measure). The SVG
 * is drawn by sightline itself and is well-formed, accessible XML. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "report/chart_svg.h"
#include "report/measure_report.h"
#include "util/buf.h"

enum { OPT_AS_OF, OPT_SCORECARD, N_OPTS };

int sl_cmd_chart(const sl_cli *cli, const sl_command *cmd, int argc, char **argv)
{
    sl_opt o[N_OPTS] = {SL_OPT("--as-of", 1), SL_OPT("--scorecard", 0)};
    const char *pos[1] = {0};
    int n_pos;
    sl_day as_of;
    int rc = sl_cli_parse(cmd, argc, argv, o, N_OPTS, pos, 0, 1, &n_pos);
    if (rc == 0)
        rc = sl_cli_as_of(cmd, &o[OPT_AS_OF], &as_of);
    int scorecard = o[OPT_SCORECARD].count > 0;
    sl_cli_free_opts(o, N_OPTS);
    if (rc == 0 && !scorecard && n_pos != 1)
        rc = sl_cli_usage(cmd, "name a measure, or ask for --scorecard");
    if (rc)
        return rc < 0 ? SL_EXIT_OK : rc;
    sl_store *store = sl_cli_open_store(cli, 0);
    if (!store)
        return SL_EXIT_REFUSED;
    sl_error err = {0};
    sl_measure_def *defs = NULL;
    sl_measure_value *values = NULL;
    int n = sl_store_measures(store, &defs, NULL, &err);
    int nv = n < 0 ? -1 : sl_store_measure_values(store, NULL, &values, &err);
    sl_store_close(store);
    sl_buf out = SL_BUF_INIT;
    if (n >= 0 && nv >= 0) {
        sl_chart_measure *charts = calloc((size_t)n + 1, sizeof *charts);
        int found = -1;
        for (int i = 0; charts && i < n; i++) {
            size_t count;
            const sl_measure_value *own = sl_values_of(values, (size_t)nv, defs[i].code, &count);
            charts[i] = (sl_chart_measure){&defs[i], own, count};
            if (!scorecard && strcmp(defs[i].code, pos[0]) == 0)
                found = i;
        }
        if (scorecard)
            sl_chart_scorecard_svg(&out, charts, (size_t)n, as_of, "Scorecard");
        else if (found >= 0)
            sl_chart_measure_svg(&out, &charts[found], as_of);
        else
            sl_fail(&err, "no measure %s (see `sightline measures`)", pos[0]);
        free(charts);
    }
    if (!err.set)
        sl_buf_write(&out, stdout);
    sl_buf_free(&out);
    for (int i = 0; i < n; i++)
        sl_measure_def_free(&defs[i]);
    free(defs);
    free(values);
    return err.set ? sl_cli_refuse(&err) : SL_EXIT_OK;
}
