/* cmd_lint.c — `sightline lint`: data-quality findings for stored plans and,
 * unless --plan names one, the measures' figures a load gave no number for
 * ("N/A") that no figure has filled since (missing-value). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/run.h"
#include "domain/lint.h"
#include "util/buf.h"
#include "util/mem.h"

/* Appends one finding as JSON. */
static void finding_json(sl_buf *out, const sl_plan *p, const sl_finding *f)
{
    sl_buf_puts(out, "{\"severity\":");
    sl_buf_json_str(out, sl_lint_severity_name(f->severity));
    sl_buf_puts(out, ",\"code\":");
    sl_buf_json_str(out, f->code);
    sl_buf_puts(out, ",\"plan\":");
    sl_buf_json_str(out, p->title);
    sl_buf_puts(out, ",\"file\":");
    sl_buf_json_str(out, p->source_file);
    sl_buf_puts(out, ",\"ref\":");
    sl_buf_json_str(out, f->ref);
    sl_buf_printf(out, ",\"line\":%ld,\"message\":", f->line);
    sl_buf_json_str(out, f->message);
    sl_buf_putc(out, '}');
}

/* Appends one finding as "file:line: severity: [code] ref: message". */
static void finding_text(sl_buf *out, const sl_plan *p, const sl_finding *f)
{
    sl_buf_printf(out, "%s:%ld: %s: [%s] %s%s%s\n", p->source_file, f->line,
                  sl_lint_severity_name(f->severity), f->code, f->ref, *f->ref ? ": " : "",
                  f->message);
}

/* Returns 1 when a value of code is stored for the series and period of record r. */
static int filled(const sl_measure_value *values, int n, const char *code, const sl_figure_record *r)
{
    for (int i = 0; i < n; i++)
        if (strcmp(values[i].code, code) == 0 && strcmp(values[i].series, r->series) == 0 &&
            sl_period_equal(&values[i].period, &r->period))
            return 1;
    return 0;
}

/* Appends one missing figure as a finding (text or JSON, the JSON after *total others). */
static void missing_out(sl_buf *out, int json, size_t total, const char *code, const sl_figure_record *r)
{
    char period[SL_PERIOD_TEXT];
    sl_period_format(&r->period, period);
    sl_buf message = SL_BUF_INIT;
    sl_buf_cprintf(&message, "no figure for %s (%s): the load gave no number; enter one with `measure set`", period,
                   r->series);
    if (json) {
        sl_buf_puts(out, total ? ",\n{\"severity\":\"warning\",\"code\":\"missing-value\",\"plan\":\"\",\"file\":"
                               : "\n{\"severity\":\"warning\",\"code\":\"missing-value\",\"plan\":\"\",\"file\":");
        sl_buf_json_str(out, r->source);
        sl_buf_puts(out, ",\"ref\":");
        sl_buf_json_str(out, code);
        sl_buf_puts(out, ",\"line\":0,\"message\":");
        sl_buf_json_str(out, sl_buf_str(&message));
        sl_buf_putc(out, '}');
    } else {
        sl_buf_printf(out, "%s:0: warning: [missing-value] %s: %s\n", r->source, code, sl_buf_str(&message));
    }
    sl_buf_free(&message);
}

/* Appends a missing-value finding for each figure a load gave no number for
 * that no figure has filled since, across every measure; returns how many,
 * or -1 with run->err set. */
static long measure_findings(sl_run *run, int json, size_t total)
{
    sl_measure_def *defs = NULL;
    sl_measure_value *values = NULL;
    int n = sl_store_measures(run->store, &defs, NULL, &run->err);
    int nv = n < 0 ? -1 : sl_store_measure_values(run->store, NULL, &values, &run->err);
    long found = 0;
    for (int i = 0; nv >= 0 && i < n; i++) {
        sl_figure_record *r = NULL;
        int nr = sl_store_measure_figures(run->store, defs[i].code, &r, &run->err);
        for (int k = nr - 1; k >= 0; k--)
            if (r[k].change == SL_CHANGE_MISSING && !filled(values, nv, defs[i].code, &r[k]))
                missing_out(&run->out, json, total + (size_t)found++, defs[i].code, &r[k]);
        sl_figure_records_free(r, nr > 0 ? (size_t)nr : 0);
        if (nr < 0)
            nv = -1;
    }
    for (int i = 0; i < n; i++)
        sl_measure_def_free(&defs[i]);
    free(defs);
    free(values);
    return nv < 0 ? -1 : found;
}

/* Lints every plan the run names (--plan, or every current plan) into run->out. */
static int lint_body(sl_run *run)
{
    int json = sl_run_flag(run, "--json");
    int64_t *ids;
    int n_ids = sl_cli_plan_ids(run->store, run->plan_id, &ids, &run->err);
    if (n_ids < 0)
        return -1;
    sl_buf *out = &run->out;
    size_t total = 0, errors = 0;
    int rc = 0;
    if (json)
        sl_buf_putc(out, '[');
    for (int i = 0; rc == 0 && i < n_ids; i++) {
        sl_plan plan;
        if ((rc = sl_store_load_plan(run->store, ids[i], &plan, &run->err)) < 0)
            break;
        sl_findings findings = {0};
        sl_lint_plan(&plan, &findings);
        for (size_t k = 0; k < findings.n; k++, total++) {
            errors += findings.items[k].severity == SL_LINT_ERROR;
            if (json) {
                sl_buf_puts(out, total ? ",\n" : "\n");
                finding_json(out, &plan, &findings.items[k]);
            } else {
                finding_text(out, &plan, &findings.items[k]);
            }
        }
        sl_findings_free(&findings);
        sl_plan_free(&plan);
    }
    long missing = rc == 0 && !run->plan_id ? measure_findings(run, json, total) : 0;
    if (missing < 0)
        rc = -1;
    else
        total += (size_t)missing;
    if (json)
        sl_buf_puts(out, total ? "\n]\n" : "]\n");
    else
        sl_buf_printf(out, "%zu finding%s (%zu error%s) in %d plan%s%s\n", total,
                      total == 1 ? "" : "s", errors, errors == 1 ? "" : "s", n_ids,
                      n_ids == 1 ? "" : "s", missing > 0 ? " and the measures" : "");
    free(ids);
    return rc;
}

int sl_cmd_lint(const sl_cli *cli, const sl_command *cmd, int argc, char **argv)
{
    sl_opt opts[] = {SL_OPT("--plan", 1), SL_OPT("--json", 0)};
    static const sl_run_spec spec = {.store = SL_RUN_STORE, .body = lint_body};
    return SL_CLI_RUN(cli, cmd, argc, argv, opts, &spec, NULL);
}
