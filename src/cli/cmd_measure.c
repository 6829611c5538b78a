/* cmd_measure.c — `sightline measure add CODE …` and `sightline measure show
 * CODE`: defining a KPI (a standard indicator's code fills in its name, unit
 * and polarity) and reading one in full; `measure set` and `measure history`
 * (a figure entered or corrected, and the history) are in cmd_measure_figure.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/measure_figure.h"
#include "cli/run.h"
#include "report/measure_report.h"
#include "util/buf.h"

enum { OPT_NAME, OPT_UNIT, OPT_POLARITY, OPT_FREQUENCY, OPT_BASELINE, OPT_MILESTONE, OPT_TARGET,
       OPT_TOLERANCE, OPT_OWNER, OPT_SOURCE, OPT_JSON, OPT_AS_OF, OPT_PERIOD, OPT_VALUE, OPT_NOTE, OPT_CORRECT,
       OPT_REASON, OPT_VERSION, N_OPTS };

/* Reads a VALUE@DATE option into a point; returns 0 or SL_EXIT_USAGE. */
static int read_point(const sl_command *cmd, const char *name, const char *text, sl_measure_point *p)
{
    char why[160];
    if (sl_measure_point_parse(text, p, why, sizeof why) < 0)
        return sl_cli_usage(cmd, "%s '%s': %s", name, text, why);
    return 0;
}

/* Fills a definition from the options (over a catalogue indicator's defaults). */
static int read_definition(const sl_command *cmd, const sl_opt *o, const char *code, sl_measure_def *d)
{
    const sl_indicator *ind = sl_indicator_find(code);
    if (ind)
        sl_indicator_to_def(ind, d);
    snprintf(d->code, sizeof d->code, "%s", code);
    if (o[OPT_NAME].count)
        sl_measure_def_set_text(&d->name, o[OPT_NAME].value, strlen(o[OPT_NAME].value));
    if (o[OPT_UNIT].count && sl_unit_parse(o[OPT_UNIT].value, &d->unit) < 0)
        return sl_cli_usage(cmd, "--unit must be percent, count, rate, days, pounds or fte");
    if (o[OPT_POLARITY].count && sl_polarity_parse(o[OPT_POLARITY].value, &d->polarity) < 0)
        return sl_cli_usage(cmd, "--polarity must be higher, lower or context");
    if (o[OPT_FREQUENCY].count && sl_frequency_parse(o[OPT_FREQUENCY].value, &d->frequency) < 0)
        return sl_cli_usage(cmd, "--frequency must be monthly, quarterly or annual");
    if (!d->frequency)
        d->frequency = SL_FREQ_MONTHLY;
    int rc = 0;
    if (o[OPT_BASELINE].count)
        rc = read_point(cmd, "--baseline", o[OPT_BASELINE].value, &d->baseline);
    for (int i = 0; rc == 0 && i < o[OPT_MILESTONE].count; i++) {
        sl_measure_point p;
        rc = read_point(cmd, "--milestone", o[OPT_MILESTONE].values[i], &p);
        if (rc == 0 && sl_measure_def_add_milestone(d, p.value, p.day) < 0)
            rc = sl_cli_usage(cmd, "too many milestones");
    }
    if (rc == 0 && o[OPT_TARGET].count)
        rc = read_point(cmd, "--target", o[OPT_TARGET].value, &d->target);
    if (rc == 0 && o[OPT_TOLERANCE].count) {
        char *end;
        d->tolerance = strtod(o[OPT_TOLERANCE].value, &end);
        if (*end || d->tolerance < 0)
            rc = sl_cli_usage(cmd, "--tolerance takes a number of the measure's unit, 0 or more");
    }
    if (rc == 0 && o[OPT_OWNER].count)
        sl_measure_def_set_text(&d->owner, o[OPT_OWNER].value, strlen(o[OPT_OWNER].value));
    if (rc == 0 && o[OPT_SOURCE].count)
        sl_measure_def_set_text(&d->source, o[OPT_SOURCE].value, strlen(o[OPT_SOURCE].value));
    return rc;
}

/* `measure add CODE …`: the definition is read and checked whole before
 * the store is opened (created when it is not there yet). */
static int add(sl_run *run, const char *code)
{
    sl_measure_def d;
    sl_measure_def_init(&d);
    int rc = read_definition(run->cmd, run->opts, code, &d);
    if (rc == 0)
        rc = sl_measure_def_check(&d, &run->err);
    if (rc == 0)
        rc = sl_run_open_store(run, 1);
    if (rc == 0 && (sl_store_begin(run->store, &run->err) < 0 ||
                    sl_store_measure_add(run->store, &d, 0, run->cli->actor, &run->err) < 0 ||
                    sl_store_commit(run->store, &run->err) < 0)) {
        sl_store_rollback(run->store);
        rc = -1;
    }
    if (rc == 0)
        sl_buf_printf(&run->out, "measure %s added (%s, %s is better, %s)\n", d.code, sl_unit_name(d.unit),
                      sl_polarity_name(d.polarity), sl_frequency_name(d.frequency));
    sl_measure_def_free(&d);
    return rc;
}

/* Appends the measure d with its nv values as of the day, as a table and its
 * series, or as JSON. */
static void measure_out(sl_buf *out, int json, const sl_measure_def *d, const sl_measure_value *values, int nv,
                        sl_day as_of)
{
    if (json) {
        sl_measure_json(out, d, values, (size_t)nv, as_of);
        sl_buf_putc(out, '\n');
        return;
    }
    sl_measure_table_heading(out);
    sl_measure_table_row(out, d, values, (size_t)nv, as_of);
    sl_buf_puts(out, "\nPERIOD      SERIES                   VALUE        VERSION\n");
    for (int i = 0; i < nv; i++) {
        char period[SL_PERIOD_TEXT], value[SL_VALUE_TEXT];
        sl_period_format(&values[i].period, period);
        sl_unit_format_value(d->unit, values[i].value, value);
        sl_buf_printf(out, "%-11s %-24s %-12s %d\n", period, values[i].series, value, values[i].version);
    }
    if (d->suggested_from)
        sl_buf_printf(out, "\nRead from the plan: %s\n", d->suggested_from);
}

/* `measure show CODE`: needs the store as it is. */
static int show(sl_run *run, const char *code)
{
    int rc = sl_run_open_store(run, 0);
    if (rc)
        return rc;
    sl_measure_def *defs = NULL;
    sl_measure_value *values = NULL;
    int n = sl_store_measures(run->store, &defs, NULL, &run->err);
    int nv = n < 0 ? -1 : sl_store_measure_values(run->store, code, &values, &run->err);
    int found = -1;
    for (int i = 0; i < n; i++)
        if (strcmp(defs[i].code, code) == 0)
            found = i;
    if (n >= 0 && nv >= 0 && found < 0)
        sl_fail(&run->err, "no measure %s (see `sightline measures`)", code);
    if (found >= 0 && nv >= 0)
        measure_out(&run->out, run->opts[OPT_JSON].count > 0, &defs[found], values, nv, run->as_of);
    for (int i = 0; i < n; i++)
        sl_measure_def_free(&defs[i]);
    free(defs);
    free(values);
    return run->err.set ? -1 : 0;
}

/* Checks the subcommand before anything else; returns 0 or SL_EXIT_USAGE. */
static int check_subcommand(sl_run *run)
{
    static const char *const subs[] = {"add", "show", "set", "history"};
    for (size_t i = 0; i < sizeof subs / sizeof subs[0]; i++)
        if (strcmp(run->pos[0], subs[i]) == 0)
            return 0;
    return sl_cli_usage(run->cmd, "unknown subcommand '%s' (try: measure add, show, set, history)", run->pos[0]);
}

/* Runs the subcommand. `add` creates the store once the definition is
 * checked, `show` needs it as it is, so each opens it (sl_run_open_store). */
static int measure_body(sl_run *run)
{
    const char *sub = run->pos[0], *code = run->pos[1];
    if (strcmp(sub, "set") == 0)
        return sl_measure_set(run, code);
    if (strcmp(sub, "history") == 0)
        return sl_measure_history(run, code);
    return strcmp(sub, "add") == 0 ? add(run, code) : show(run, code);
}

int sl_cmd_measure(const sl_cli *cli, const sl_command *cmd, int argc, char **argv)
{
    sl_opt o[N_OPTS] = {SL_OPT("--name", 1),      SL_OPT("--unit", 1),      SL_OPT("--polarity", 1),
                        SL_OPT("--frequency", 1), SL_OPT("--baseline", 1),  SL_OPT("--milestone", 1),
                        SL_OPT("--target", 1),    SL_OPT("--tolerance", 1), SL_OPT("--owner", 1),
                        SL_OPT("--source", 1),    SL_OPT("--json", 0),      SL_OPT("--as-of", 1),
                        SL_OPT("--period", 1),    SL_OPT("--value", 1),     SL_OPT("--note", 1),
                        SL_OPT("--correct", 0),   SL_OPT("--reason", 1),    SL_OPT("--version", 1)};
    static const sl_run_spec spec = {.min_pos = 2, .max_pos = 2, .check = check_subcommand, .body = measure_body};
    return SL_CLI_RUN(cli, cmd, argc, argv, o, &spec, NULL);
}
