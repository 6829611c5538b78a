/* cmd_national.c — `sightline national` (every authority's latest
 * judgements, direction, neighbours, and the plan deadline and RAG summary
 * where sightline holds its plan) and `sightline map` (England's districts
 * coloured by their authority's latest judgement, as SVG). */
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "report/national_view.h"
#include "util/buf.h"

enum { OPT_JSON, OPT_AS_OF, OPT_JUDGEMENT, N_OPTS };

int sl_cmd_national(const sl_cli *cli, const sl_command *cmd, int argc, char **argv)
{
    int is_map = strcmp(cmd->name, "map") == 0;
    sl_opt o[N_OPTS] = {SL_OPT("--json", 0), SL_OPT("--as-of", 1), SL_OPT("--judgement", 1)};
    const char *pos[1] = {0};
    int n_pos;
    sl_day as_of;
    int rc = sl_cli_parse(cmd, argc, argv, o, N_OPTS, pos, 0, 0, &n_pos);
    if (rc == 0)
        rc = sl_cli_as_of(cmd, &o[OPT_AS_OF], &as_of);
    int leaders = o[OPT_JUDGEMENT].count && strcmp(o[OPT_JUDGEMENT].value, "leaders") == 0;
    if (rc == 0 && o[OPT_JUDGEMENT].count && !leaders && strcmp(o[OPT_JUDGEMENT].value, "overall") != 0)
        rc = sl_cli_usage(cmd, "--judgement must be overall or leaders");
    int json = o[OPT_JSON].count > 0;
    sl_cli_free_opts(o, N_OPTS);
    if (rc)
        return rc < 0 ? SL_EXIT_OK : rc;
    char data_dir[PATH_MAX];
    sl_cli_beside_binary("data", data_dir, sizeof data_dir);
    sl_store *store = sl_cli_open_store(cli, 1);
    if (!store)
        return SL_EXIT_REFUSED;
    sl_national_view view;
    sl_error err = {0};
    rc = sl_national_view_load(store, data_dir, as_of, &view, &err);
    sl_store_close(store);
    if (rc < 0)
        return sl_cli_refuse(&err);
    sl_buf out = SL_BUF_INIT;
    if (is_map) {
        sl_map map;
        rc = sl_national_map_load(data_dir, &map, &err);
        if (rc == 0) {
            sl_map_svg(&out, &map, &view.authorities,
                       leaders ? sl_national_view_grade_leaders : sl_national_view_grade_overall, &view,
                       leaders ? "Children's services in England: impact of leaders, latest judgement"
                               : "Children's services in England: latest overall judgement");
            sl_map_free(&map);
        }
    } else if (json) {
        sl_national_json(&out, &view.national);
    } else {
        sl_national_text(&out, &view.national);
    }
    if (rc == 0)
        sl_buf_write(&out, stdout);
    sl_buf_free(&out);
    sl_national_view_free(&view);
    return rc < 0 ? sl_cli_refuse(&err) : SL_EXIT_OK;
}
