/* cmd_export.c — `sightline export --format csv|json`: plans as they stand
 * now, in a form `import` reads back to the same plan. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "report/export.h"
#include "util/buf.h"
#include "util/mem.h"

enum { OPT_PLAN, OPT_FORMAT, N_OPTS };

/* Writes the loaded plans in the chosen format. */
static void write_plans(const sl_plan *plans, size_t n, int json, sl_buf *out)
{
    if (json) {
        sl_buf_putc(out, '[');
        for (size_t i = 0; i < n; i++) {
            sl_buf_puts(out, i ? ",\n" : "\n");
            sl_export_json(out, &plans[i]);
        }
        sl_buf_puts(out, n ? "\n]\n" : "]\n");
        return;
    }
    sl_csv_columns cols;
    sl_csv_columns_for(&cols, plans, n);
    sl_export_csv_header(out, &cols);
    for (size_t i = 0; i < n; i++)
        sl_export_csv_rows(out, &plans[i], &cols);
    sl_csv_columns_free(&cols);
}

int sl_cmd_export(const sl_cli *cli, const sl_command *cmd, int argc, char **argv)
{
    sl_opt opts[N_OPTS] = {SL_OPT("--plan", 1), SL_OPT("--format", 1)};
    const char *pos[1] = {0};
    int n_pos;
    int rc = sl_cli_parse(cmd, argc, argv, opts, N_OPTS, pos, 0, 0, &n_pos);
    int json = 0;
    if (rc == 0 && !opts[OPT_FORMAT].count)
        rc = sl_cli_usage(cmd, "--format csv or --format json is required");
    else if (rc == 0 && strcmp(opts[OPT_FORMAT].value, "json") == 0)
        json = 1;
    else if (rc == 0 && strcmp(opts[OPT_FORMAT].value, "csv") != 0)
        rc = sl_cli_usage(cmd, "--format must be csv or json (xlsx is not supported yet)");
    sl_store *store = NULL;
    int64_t plan_id = 0;
    if (rc == 0 && !(store = sl_cli_open_store(cli, 0)))
        rc = SL_EXIT_REFUSED;
    if (rc == 0)
        rc = sl_cli_plan(store, &opts[OPT_PLAN], &plan_id);
    sl_cli_free_opts(opts, N_OPTS);
    if (rc) {
        sl_store_close(store);
        return rc < 0 ? SL_EXIT_OK : rc;
    }
    sl_error err = {0};
    int64_t *ids;
    int n_ids = sl_cli_plan_ids(store, plan_id, &ids, &err);
    rc = n_ids < 0 ? -1 : 0;
    sl_plan *plans = sl_calloc(((size_t)(n_ids > 0 ? n_ids : 0) + 1) * sizeof *plans);
    int loaded = 0;
    for (; rc == 0 && loaded < n_ids; loaded++)
        rc = sl_store_load_plan(store, ids[loaded], &plans[loaded], &err);
    if (rc == 0) {
        sl_buf out = SL_BUF_INIT;
        write_plans(plans, (size_t)n_ids, json, &out);
        sl_buf_write(&out, stdout);
        sl_buf_free(&out);
    }
    for (int i = 0; i < loaded; i++)
        sl_plan_free(&plans[i]);
    free(plans);
    free(ids);
    sl_store_close(store);
    return rc < 0 ? sl_cli_refuse(&err) : SL_EXIT_OK;
}
