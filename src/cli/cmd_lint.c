/* cmd_lint.c — `sightline lint`: data-quality findings for stored plans. */
#include <stdio.h>
#include <stdlib.h>

#include "cli/cli.h"
#include "domain/lint.h"
#include "util/buf.h"
#include "util/mem.h"

enum { OPT_PLAN, OPT_JSON, N_OPTS };

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

int sl_cmd_lint(const sl_cli *cli, const sl_command *cmd, int argc, char **argv)
{
    sl_opt opts[N_OPTS] = {SL_OPT("--plan", 1), SL_OPT("--json", 0)};
    const char *pos[1] = {0};
    int n_pos;
    int rc = sl_cli_parse(cmd, argc, argv, opts, N_OPTS, pos, 0, 0, &n_pos);
    sl_store *store = NULL;
    int64_t plan_id = 0;
    if (rc == 0 && !(store = sl_cli_open_store(cli, 0)))
        rc = SL_EXIT_REFUSED;
    if (rc == 0)
        rc = sl_cli_plan(store, &opts[OPT_PLAN], &plan_id);
    int json = opts[OPT_JSON].count > 0;
    sl_cli_free_opts(opts, N_OPTS);
    if (rc) {
        sl_store_close(store);
        return rc < 0 ? SL_EXIT_OK : rc;
    }
    sl_error err = {0};
    int64_t *ids;
    int n_ids = sl_cli_plan_ids(store, plan_id, &ids, &err);
    rc = n_ids < 0 ? -1 : 0;
    sl_buf out = SL_BUF_INIT;
    size_t total = 0, errors = 0;
    if (json)
        sl_buf_putc(&out, '[');
    for (int i = 0; rc == 0 && i < n_ids; i++) {
        sl_plan plan;
        if ((rc = sl_store_load_plan(store, ids[i], &plan, &err)) < 0)
            break;
        sl_findings findings = {0};
        sl_lint_plan(&plan, &findings);
        for (size_t k = 0; k < findings.n; k++, total++) {
            errors += findings.items[k].severity == SL_LINT_ERROR;
            if (json) {
                sl_buf_puts(&out, total ? ",\n" : "\n");
                finding_json(&out, &plan, &findings.items[k]);
            } else {
                finding_text(&out, &plan, &findings.items[k]);
            }
        }
        sl_findings_free(&findings);
        sl_plan_free(&plan);
    }
    if (json)
        sl_buf_puts(&out, total ? "\n]\n" : "]\n");
    else
        sl_buf_printf(&out, "%zu finding%s (%zu error%s) in %d plan%s\n", total,
                      total == 1 ? "" : "s", errors, errors == 1 ? "" : "s", n_ids,
                      n_ids == 1 ? "" : "s");
    if (rc == 0)
        sl_buf_write(&out, stdout);
    sl_buf_free(&out);
    free(ids);
    sl_store_close(store);
    return rc < 0 ? sl_cli_refuse(&err) : SL_EXIT_OK;
}
