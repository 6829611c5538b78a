/* cmd_lint.c — `sightline lint`: data-quality findings for stored plans. */
#include <stdio.h>
#include <stdlib.h>

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
    if (json)
        sl_buf_puts(out, total ? "\n]\n" : "]\n");
    else
        sl_buf_printf(out, "%zu finding%s (%zu error%s) in %d plan%s\n", total,
                      total == 1 ? "" : "s", errors, errors == 1 ? "" : "s", n_ids,
                      n_ids == 1 ? "" : "s");
    free(ids);
    return rc;
}

int sl_cmd_lint(const sl_cli *cli, const sl_command *cmd, int argc, char **argv)
{
    sl_opt opts[] = {SL_OPT("--plan", 1), SL_OPT("--json", 0)};
    static const sl_run_spec spec = {.store = SL_RUN_STORE, .body = lint_body};
    return SL_CLI_RUN(cli, cmd, argc, argv, opts, &spec, NULL);
}
