/* cmd_national.c — `sightline national` (every authority's latest
 * judgements, direction, neighbours, and the plan deadline and RAG summary
 * where sightline holds its plan) and `sightline map` (England's districts
 * coloured by their authority's latest judgement, as SVG). */
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "cli/run.h"
#include "report/national_view.h"
#include "util/buf.h"

/* Returns 1 when the map is to show the leaders' judgement (--judgement leaders). */
static int leaders(const sl_run *run)
{
    const sl_opt *o = sl_run_opt(run, "--judgement");
    return o->count && strcmp(o->value, "leaders") == 0;
}

/* Checks --judgement before the store is opened; returns 0 or SL_EXIT_USAGE. */
static int check_judgement(sl_run *run)
{
    const sl_opt *o = sl_run_opt(run, "--judgement");
    if (o->count && !leaders(run) && strcmp(o->value, "overall") != 0)
        return sl_cli_usage(run->cmd, "--judgement must be overall or leaders");
    return 0;
}

/* Draws the map of view into out, or returns -1 with err set. */
static int map_svg(sl_buf *out, const char *data_dir, sl_national_view *view, int by_leaders,
                   sl_error *err)
{
    sl_map map;
    if (sl_national_map_load(data_dir, &map, err) < 0)
        return -1;
    sl_map_svg(out, &map, &view->authorities,
               by_leaders ? sl_national_view_grade_leaders : sl_national_view_grade_overall, view,
               by_leaders ? "Children's services in England: impact of leaders, latest judgement"
                          : "Children's services in England: latest overall judgement");
    sl_map_free(&map);
    return 0;
}

/* Builds the national view as of the run's day, as text, JSON or the map. */
static int national_body(sl_run *run)
{
    char data_dir[PATH_MAX];
    sl_cli_beside_binary("data", data_dir, sizeof data_dir);
    sl_national_view view;
    if (sl_national_view_load(run->store, data_dir, run->as_of, &view, &run->err) < 0)
        return -1;
    int rc = 0;
    if (strcmp(run->cmd->name, "map") == 0)
        rc = map_svg(&run->out, data_dir, &view, leaders(run), &run->err);
    else if (sl_run_flag(run, "--json"))
        sl_national_json(&run->out, &view.national);
    else
        sl_national_text(&run->out, &view.national);
    sl_national_view_free(&view);
    return rc;
}

int sl_cmd_national(const sl_cli *cli, const sl_command *cmd, int argc, char **argv)
{
    sl_opt opts[] = {SL_OPT("--json", 0), SL_OPT("--as-of", 1), SL_OPT("--judgement", 1)};
    static const sl_run_spec spec = {.store = SL_RUN_CREATE_STORE, .check = check_judgement,
                                     .body = national_body};
    return SL_CLI_RUN(cli, cmd, argc, argv, opts, &spec, NULL);
}
