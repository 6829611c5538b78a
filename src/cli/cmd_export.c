/* cmd_export.c — `sightline export --format csv|json|xlsx [-o|--output FILE]
 * [--as-of DATE]`: plans as they stand now, in a form `import` reads back
 * to the same plan; to standard output without -o. A file named with -o is
 * written whole or not at all (a temporary file beside it, renamed over
 * it). A workbook also shows each action's RAG as of --as-of (default
 * today) and its latest update. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/run.h"
#include "report/action_list.h"
#include "report/export.h"
#include "util/clock.h"
#include "util/buf.h"
#include "util/mem.h"

typedef enum { FORMAT_CSV, FORMAT_JSON, FORMAT_XLSX } format;

/* Appends the loaded plans as CSV or JSON. */
static void write_text(const sl_plan *plans, size_t n, format f, sl_buf *out)
{
    if (f == FORMAT_CSV) {
        sl_export_csv(out, plans, n);
        return;
    }
    sl_buf_putc(out, '[');
    for (size_t i = 0; i < n; i++) {
        sl_buf_puts(out, i ? ",\n" : "\n");
        sl_export_json(out, &plans[i]);
    }
    sl_buf_puts(out, n ? "\n]\n" : "]\n");
}

/* What the action callback fills: one plan's states, matched by ref. */
typedef struct {
    const sl_plan *plan;
    sl_export_state *states;
    uint8_t *seen;              /* per action: already given a state */
    sl_day as_of;
} state_fill;

/* Gives the action of the row (an sl_action_cb over a state_fill) its RAG
 * as of the day and its latest update. */
static int fill_state(void *ctx, const sl_action_row *row)
{
    state_fill *f = ctx;
    for (size_t i = 0; i < f->plan->n_actions; i++) {
        if (f->seen[i] || strcmp(f->plan->actions[i].ref, row->ref) != 0)
            continue;
        sl_rag_result rag;
        sl_rate_action(row, f->as_of, &rag);
        sl_export_state *st = &f->states[i];
        st->rag = rag.rag;
        st->rag_reason = sl_strdup(row->manual_rag ? row->rag_reason : rag.reason);
        st->latest_note = sl_strdup(row->last_update != SL_NO_DAY && row->note ? row->note : "");
        st->latest_day = row->last_update;
        f->seen[i] = 1;
        break;
    }
    return 0;
}

/* Fills ctx->states for the plans (ids[i] is plans[i]) as of ctx->as_of;
 * returns 0 or -1 with err set. Free with free_states. */
static int load_states(sl_store *store, const int64_t *ids, const sl_plan *plans, size_t n,
                       sl_export_context *ctx, sl_error *err)
{
    ctx->states = sl_calloc((n + 1) * sizeof *ctx->states);
    int rc = 0;
    for (size_t i = 0; rc == 0 && i < n; i++) {
        ctx->states[i] = sl_calloc((plans[i].n_actions + 1) * sizeof **ctx->states);
        for (size_t a = 0; a < plans[i].n_actions; a++)
            ctx->states[i][a].latest_day = SL_NO_DAY;
        state_fill f = {&plans[i], ctx->states[i], sl_calloc(plans[i].n_actions + 1), ctx->as_of};
        sl_action_query q = {.plan_id = ids[i], .as_of = ctx->as_of, .due_before = SL_NO_DAY};
        rc = sl_store_each_action(store, &q, fill_state, &f, err);
        free(f.seen);
    }
    return rc;
}

/* Frees the states load_states made. */
static void free_states(sl_export_context *ctx, const sl_plan *plans, size_t n)
{
    for (size_t i = 0; ctx->states && i < n; i++) {
        for (size_t a = 0; ctx->states[i] && a < plans[i].n_actions; a++) {
            free(ctx->states[i][a].rag_reason);
            free(ctx->states[i][a].latest_note);
        }
        free(ctx->states[i]);
    }
    free(ctx->states);
}

/* Writes the plans in the chosen format to output (a file path) or, when
 * output is NULL, to stdout. Returns 0, or -1 with err set. */
static int write_plans(const sl_plan *plans, size_t n, format f, const char *output,
                       const sl_export_context *ctx, sl_error *err)
{
    if (f != FORMAT_XLSX && !output) {
        sl_buf out = SL_BUF_INIT;
        write_text(plans, n, f, &out);
        int rc = sl_buf_write(&out, stdout);
        sl_buf_free(&out);
        return rc < 0 ? sl_fail(err, "cannot write the export: %s", strerror(errno)) : 0;
    }
    char *tmp = sl_cli_temp_file(output, err);
    if (!tmp)
        return -1;
    int rc;
    if (f == FORMAT_XLSX) {
        rc = sl_export_xlsx(tmp, plans, n, ctx, err);
    } else {
        sl_buf out = SL_BUF_INIT;
        write_text(plans, n, f, &out);
        rc = sl_cli_write_buf_file(&out, tmp, err);
        sl_buf_free(&out);
    }
    if (rc == 0 && output && rename(tmp, output) != 0)
        rc = sl_fail_at(err, output, 0, "cannot write: %s", strerror(errno));
    else if (rc == 0 && !output)
        rc = sl_cli_copy_file(tmp, stdout, err);
    if (rc < 0 || !output)
        remove(tmp);
    free(tmp);
    return rc;
}

/* Reads --format into the run's format (run->ctx) and checks --output,
 * before the store is opened; returns 0 or SL_EXIT_USAGE after saying why. */
static int read_options(sl_run *run)
{
    static const char *const names[] = {"csv", "json", "xlsx"};
    const sl_command *cmd = run->cmd;
    const sl_opt *fmt = sl_run_opt(run, "--format"), *output = sl_run_opt(run, "--output");
    format *f = run->ctx;
    if (!fmt->count)
        return sl_cli_usage(cmd, "--format csv, json or xlsx is required");
    size_t i = 0;
    while (i < 3 && strcmp(fmt->value, names[i]) != 0)
        i++;
    if (i == 3)
        return sl_cli_usage(cmd, "--format must be csv, json or xlsx");
    *f = (format)i;
    if (output->count && !*output->value)
        return sl_cli_usage(cmd, "--output needs a file name");
    if (*f == FORMAT_XLSX && !output->count && isatty(STDOUT_FILENO))
        return sl_cli_usage(cmd, "an xlsx workbook is binary: redirect it to a file "
                                 "(> plan.xlsx) or use -o FILE (--output FILE)");
    return 0;
}

/* Loads the plans the run names (--plan, or every current plan) and writes
 * them out. The export writes its own output, not run->out: to a file named
 * with --output (whole or not at all), and a workbook copied from its
 * temporary file, with the export's own messages when writing fails. */
static int export_body(sl_run *run)
{
    const sl_opt *output = sl_run_opt(run, "--output");
    int64_t *ids;
    int n_ids = sl_cli_plan_ids(run->store, run->plan_id, &ids, &run->err);
    int rc = n_ids < 0 ? -1 : 0;
    sl_plan *plans = sl_calloc(((size_t)(n_ids > 0 ? n_ids : 0) + 1) * sizeof *plans);
    int loaded = 0;
    for (; rc == 0 && loaded < n_ids; loaded++)
        rc = sl_store_load_plan(run->store, ids[loaded], &plans[loaded], &run->err);
    char made_at[32], *made_from = NULL;
    sl_now_timestamp(made_at);
    sl_export_context ctx = {.as_of = run->as_of, .made_at = made_at};
    format f = *(format *)run->ctx;
    if (rc == 0 && f == FORMAT_XLSX) {
        sl_buf from = SL_BUF_INIT;
        sl_buf_printf(&from, "the database %s", run->cli->db_path);
        ctx.made_from = made_from = sl_buf_take(&from);
        rc = load_states(run->store, ids, plans, (size_t)n_ids, &ctx, &run->err);
    }
    if (rc == 0)
        rc = write_plans(plans, (size_t)n_ids, f, output->count ? output->value : NULL, &ctx,
                         &run->err);
    free_states(&ctx, plans, (size_t)(n_ids > 0 ? n_ids : 0));
    free(made_from);
    for (int i = 0; i < loaded; i++)
        sl_plan_free(&plans[i]);
    free(plans);
    free(ids);
    return rc;
}

int sl_cmd_export(const sl_cli *cli, const sl_command *cmd, int argc, char **argv)
{
    sl_opt opts[] = {SL_OPT("--plan", 1), SL_OPT("--format", 1), SL_OPT("--output", 1),
                     SL_OPT("--as-of", 1)};
    static const sl_run_spec spec = {.store = SL_RUN_STORE, .check = read_options, .body = export_body};
    format f = FORMAT_CSV;
    char **args = sl_cli_short_output(argc, argv);
    int rc = SL_CLI_RUN(cli, cmd, argc, args, opts, &spec, &f);
    free(args);
    return rc;
}
