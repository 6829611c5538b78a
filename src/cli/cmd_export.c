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

typedef struct {
    int64_t *ids;
    size_t n;
} plan_ids;

/* Store callback: collects current plan ids. */
static int on_plan(void *ctx, const sl_plan_info *info)
{
    plan_ids *p = ctx;
    p->ids = sl_realloc(p->ids, (p->n + 1) * sizeof *p->ids);
    p->ids[p->n++] = info->id;
    return 0;
}

/* Adds each custom field name of the plans not yet in names. */
static void collect_custom(const sl_plan *plans, size_t n, const char ***names, size_t *count)
{
    for (size_t i = 0; i < n; i++)
        for (size_t a = 0; a < plans[i].n_actions; a++)
            for (size_t c = 0; c < plans[i].actions[a].n_custom; c++) {
                const char *name = plans[i].actions[a].custom[c].name;
                size_t k = 0;
                while (k < *count && strcmp((*names)[k], name) != 0)
                    k++;
                if (k == *count) {
                    *names = sl_realloc(*names, (*count + 1) * sizeof **names);
                    (*names)[(*count)++] = name;
                }
            }
}

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
    const char **custom = NULL;
    size_t n_custom = 0;
    collect_custom(plans, n, &custom, &n_custom);
    sl_export_csv_header(out, custom, n_custom);
    for (size_t i = 0; i < n; i++)
        sl_export_csv_rows(out, &plans[i], custom, n_custom);
    free(custom);
}

int sl_cmd_export(const sl_cli *cli, const sl_command *cmd, int argc, char **argv)
{
    sl_opt opts[N_OPTS] = {SL_OPT("--plan", 1), SL_OPT("--format", 1)};
    const char *pos[1];
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
    plan_ids ids = {0};
    if (plan_id)
        on_plan(&ids, &(sl_plan_info){.id = plan_id});
    else
        rc = sl_store_each_plan(store, 0, on_plan, &ids, &err);
    sl_plan *plans = sl_calloc((ids.n + 1) * sizeof *plans);
    size_t loaded = 0;
    for (; rc == 0 && loaded < ids.n; loaded++)
        rc = sl_store_load_plan(store, ids.ids[loaded], &plans[loaded], &err);
    if (rc == 0) {
        sl_buf out = SL_BUF_INIT;
        write_plans(plans, ids.n, json, &out);
        sl_buf_write(&out, stdout);
        sl_buf_free(&out);
    }
    for (size_t i = 0; i < loaded; i++)
        sl_plan_free(&plans[i]);
    free(plans);
    free(ids.ids);
    sl_store_close(store);
    return rc < 0 ? sl_cli_refuse(&err) : SL_EXIT_OK;
}
