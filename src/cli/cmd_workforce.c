/* cmd_workforce.c — `sightline workforce` (snapshots by service area:
 * vacancy and agency rates computed as DOMAIN.md defines them, a stated rate
 * that disagrees flagged) and `sightline audits` (case-file audit grades per
 * period, "% good or better" optionally feeding a measure's trajectory). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/run.h"
#include "util/buf.h"

enum { OPT_AS_OF, OPT_BUDGETED, OPT_EMPLOYED, OPT_VACANT, OPT_AGENCY, OPT_LOCUM, OPT_SALARIED,
       OPT_STATED_VACANCY, OPT_STATED_AGENCY, OPT_PERIOD, OPT_OUTSTANDING, OPT_GOOD, OPT_RI,
       OPT_INADEQUATE, OPT_MEASURE, OPT_JSON, N_OPTS };

/* Reads a number option (>= 0) into *out, leaving it when absent; returns 0 or SL_EXIT_USAGE. */
static int read_number(const sl_command *cmd, const sl_opt *o, double *out)
{
    if (!o->count)
        return 0;
    char *end;
    double v = strtod(o->value, &end);
    if (*end || end == o->value || v < 0 || v > 1e9)
        return sl_cli_usage(cmd, "%s takes a number, 0 or more", o->name);
    *out = v;
    return 0;
}

/* Appends a snapshot's rates and flags as text. */
static void snapshot_text(sl_buf *b, const sl_workforce_snapshot *w)
{
    double vacancy, agency, managers;
    char day[11];
    sl_day_format(w->as_of, day);
    sl_buf_printf(b, "%-32.32s %s  budgeted %.1f  employed %.1f  vacant %.1f  agency %.1f\n",
                  w->service_area, day, w->budgeted_fte, w->employed_fte, w->vacant_fte, w->agency_fte);
    sl_buf_puts(b, "    ");
    if (sl_workforce_vacancy_rate(w, &vacancy) == 0)
        sl_buf_printf(b, "vacancy rate %.1f%%  ", vacancy);
    if (sl_workforce_agency_rate(w, &agency) == 0)
        sl_buf_printf(b, "agency rate %.1f%%  ", agency);
    if (sl_workforce_manager_agency_rate(w, &managers) == 0)
        sl_buf_printf(b, "locum managers %.1f%%", managers);
    sl_buf_putc(b, '\n');
    sl_rate_finding findings[2];
    int n = sl_workforce_check(w, findings);
    for (int i = 0; i < n; i++)
        sl_buf_printf(b, "    FLAG: stated %s %.1f%% but the figures give %.1f%%\n", findings[i].rate,
                      findings[i].stated, findings[i].computed);
}

/* Appends a snapshot as JSON. */
static void snapshot_json(sl_buf *b, const sl_workforce_snapshot *w)
{
    double vacancy, agency;
    char day[11];
    sl_day_format(w->as_of, day);
    sl_buf_puts(b, "{\"service_area\":");
    sl_buf_json_str(b, w->service_area);
    sl_buf_printf(b, ",\"as_of\":\"%s\",\"budgeted\":%g,\"employed\":%g,\"vacant\":%g,\"agency\":%g", day,
                  w->budgeted_fte, w->employed_fte, w->vacant_fte, w->agency_fte);
    if (sl_workforce_vacancy_rate(w, &vacancy) == 0)
        sl_buf_printf(b, ",\"vacancy_rate\":%.2f", vacancy);
    else
        sl_buf_puts(b, ",\"vacancy_rate\":null");
    if (sl_workforce_agency_rate(w, &agency) == 0)
        sl_buf_printf(b, ",\"agency_rate\":%.2f", agency);
    else
        sl_buf_puts(b, ",\"agency_rate\":null");
    sl_rate_finding findings[2];
    int n = sl_workforce_check(w, findings);
    sl_buf_puts(b, ",\"flags\":[");
    for (int i = 0; i < n; i++) {
        sl_buf_printf(b, "%s{\"rate\":", i ? "," : "");
        sl_buf_json_str(b, findings[i].rate);
        sl_buf_printf(b, ",\"stated\":%.2f,\"computed\":%.2f}", findings[i].stated, findings[i].computed);
    }
    sl_buf_puts(b, "]}");
}

/* Stores the snapshot in one transaction, in the store created when it is not there yet. */
static int workforce_store(sl_run *run, const sl_workforce_snapshot *w)
{
    int rc = sl_run_open_store(run, 1);
    if (rc)
        return rc;
    if (sl_store_begin(run->store, &run->err) < 0 || sl_store_workforce_add(run->store, w, run->cli->actor, &run->err) < 0 ||
        sl_store_commit(run->store, &run->err) < 0) {
        sl_store_rollback(run->store);
        return -1;
    }
    snapshot_text(&run->out, w);
    return 0;
}

/* `workforce add SERVICE …`: the figures are checked before the store is opened. */
static int workforce_add(sl_run *run, const char *service)
{
    const sl_opt *o = run->opts;
    sl_workforce_snapshot w = sl_workforce_snapshot_empty();
    if (strlen(service) >= sizeof w.service_area)
        return sl_cli_usage(run->cmd, "a service area's name has at most %zu bytes", sizeof w.service_area - 1);
    snprintf(w.service_area, sizeof w.service_area, "%s", service);
    w.as_of = run->as_of;
    int rc = 0;
    if (!o[OPT_BUDGETED].count || !o[OPT_EMPLOYED].count || !o[OPT_VACANT].count || !o[OPT_AGENCY].count)
        rc = sl_cli_usage(run->cmd, "give --budgeted, --employed, --vacant and --agency FTE");
    double *fields[] = {&w.budgeted_fte, &w.employed_fte, &w.vacant_fte, &w.agency_fte,
                        &w.managers_locum, &w.managers_salaried, &w.stated_vacancy_rate,
                        &w.stated_agency_rate};
    for (int i = 0; rc == 0 && i < 8; i++)
        rc = read_number(run->cmd, &o[OPT_BUDGETED + i], fields[i]);
    return rc ? rc : workforce_store(run, &w);
}

/* `audits add SERVICE --period P …`: the counts are checked before the store is opened. */
static int audits_add(sl_run *run, const char *service)
{
    const sl_opt *o = run->opts;
    sl_case_audit a = {0};
    char why[160];
    if (strlen(service) >= sizeof ((sl_case_audit_row *)0)->service)
        return sl_cli_usage(run->cmd, "a service area's name has at most %zu bytes",
                            sizeof ((sl_case_audit_row *)0)->service - 1);
    if (!o[OPT_PERIOD].count ||
        sl_period_parse(o[OPT_PERIOD].value, strlen(o[OPT_PERIOD].value), &a.period, why, sizeof why) < 0)
        return sl_cli_usage(run->cmd, "--period takes a period such as 2017-09, 2017-Q2 or 2017/18");
    int *counts[] = {&a.outstanding, &a.good, &a.requires_improvement, &a.inadequate};
    for (int i = 0; i < 4; i++) {
        double v = 0;
        int rc = read_number(run->cmd, &o[OPT_OUTSTANDING + i], &v);
        if (rc)
            return rc;
        *counts[i] = (int)v;
    }
    double pct;
    if (sl_case_audit_good_or_better(&a, &pct) < 0)
        return sl_fail(&run->err, "no case was graded: give the counts with --outstanding, --good, --requires-improvement, --inadequate");
    int rc = sl_run_open_store(run, 1);
    if (rc)
        return rc;
    const char *measure = o[OPT_MEASURE].count ? o[OPT_MEASURE].value : NULL;
    if (sl_store_begin(run->store, &run->err) < 0 ||
        sl_store_case_audit_add(run->store, service, &a, measure, run->cli->actor, &run->err) < 0 ||
        sl_store_commit(run->store, &run->err) < 0) {
        sl_store_rollback(run->store);
        return -1;
    }
    sl_buf_printf(&run->out, "%s: %.1f%% of %d audited cases good or better%s%s\n", service, pct,
                  a.outstanding + a.good + a.requires_improvement + a.inadequate,
                  measure ? ", recorded for measure " : "", measure ? measure : "");
    return 0;
}

/* Appends one case-file audit row as JSON or text. */
static void audit_row(sl_buf *out, int json, int first, const sl_case_audit_row *row)
{
    double pct = 0;
    char period[SL_PERIOD_TEXT];
    sl_period_format(&row->audit.period, period);
    sl_case_audit_good_or_better(&row->audit, &pct);
    if (json) {
        sl_buf_puts(out, first ? "\n{\"service\":" : ",\n{\"service\":");
        sl_buf_json_str(out, row->service);
        sl_buf_printf(out, ",\"period\":\"%s\",\"outstanding\":%d,\"good\":%d,\"requires_improvement\":%d,"
                           "\"inadequate\":%d,\"good_or_better\":%.2f,\"measure\":",
                      period, row->audit.outstanding, row->audit.good, row->audit.requires_improvement,
                      row->audit.inadequate, pct);
        sl_buf_json_str(out, *row->measure_code ? row->measure_code : NULL);
        sl_buf_putc(out, '}');
    } else {
        sl_buf_printf(out, "%-32.32s %-9s O %d  G %d  RI %d  I %d  good or better %.1f%%\n", row->service,
                      period, row->audit.outstanding, row->audit.good, row->audit.requires_improvement,
                      row->audit.inadequate, pct);
    }
}

/* `workforce` / `audits`: the listings, from the store as it is. */
static int list(sl_run *run, int audits)
{
    int rc = sl_run_open_store(run, 0);
    if (rc)
        return rc;
    int json = sl_run_flag(run, "--json");
    sl_buf *out = &run->out;
    sl_workforce_snapshot *snaps = NULL;
    sl_case_audit_row *rows = NULL;
    int n = audits ? sl_store_case_audits(run->store, &rows, &run->err) : sl_store_workforce(run->store, &snaps, &run->err);
    if (json)
        sl_buf_putc(out, '[');
    for (int i = 0; i < n; i++) {
        if (audits)
            audit_row(out, json, i == 0, &rows[i]);
        else if (json) {
            sl_buf_puts(out, i ? ",\n" : "\n");
            snapshot_json(out, &snaps[i]);
        } else {
            snapshot_text(out, &snaps[i]);
        }
    }
    if (json)
        sl_buf_puts(out, n > 0 ? "\n]\n" : "]\n");
    free(snaps);
    free(rows);
    return n < 0 ? -1 : 0;
}

/* Checks the subcommand before anything else; returns 0 or SL_EXIT_USAGE. */
static int check_subcommand(sl_run *run)
{
    if (run->n_pos == 0 || (run->n_pos == 2 && strcmp(run->pos[0], "add") == 0))
        return 0;
    return sl_cli_usage(run->cmd, "try: %s, or %s add SERVICE …", run->cmd->name, run->cmd->name);
}

/* Runs the subcommand. Listing needs the store as it is; adding creates it,
 * once the figures are checked; so each opens it (sl_run_open_store). */
static int workforce_body(sl_run *run)
{
    int audits = strcmp(run->cmd->name, "audits") == 0;
    if (run->n_pos == 0)
        return list(run, audits);
    return audits ? audits_add(run, run->pos[1]) : workforce_add(run, run->pos[1]);
}

int sl_cmd_workforce(const sl_cli *cli, const sl_command *cmd, int argc, char **argv)
{
    sl_opt o[N_OPTS] = {
        SL_OPT("--as-of", 1),      SL_OPT("--budgeted", 1),    SL_OPT("--employed", 1),
        SL_OPT("--vacant", 1),     SL_OPT("--agency", 1),      SL_OPT("--managers-locum", 1),
        SL_OPT("--managers-salaried", 1), SL_OPT("--stated-vacancy-rate", 1),
        SL_OPT("--stated-agency-rate", 1), SL_OPT("--period", 1), SL_OPT("--outstanding", 1),
        SL_OPT("--good", 1),       SL_OPT("--requires-improvement", 1), SL_OPT("--inadequate", 1),
        SL_OPT("--measure", 1),    SL_OPT("--json", 0)};
    static const sl_run_spec spec = {.max_pos = 2, .check = check_subcommand, .body = workforce_body};
    return SL_CLI_RUN(cli, cmd, argc, argv, o, &spec, NULL);
}
