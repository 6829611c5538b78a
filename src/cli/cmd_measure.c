/* cmd_measure.c — `sightline measure add CODE …` and `sightline measure show
 * CODE`: defining a KPI (a standard indicator's code fills in its name, unit
 * and polarity) and reading one in full. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "report/measure_report.h"
#include "util/buf.h"

enum { OPT_NAME, OPT_UNIT, OPT_POLARITY, OPT_FREQUENCY, OPT_BASELINE, OPT_MILESTONE, OPT_TARGET,
       OPT_TOLERANCE, OPT_OWNER, OPT_SOURCE, OPT_JSON, OPT_AS_OF, N_OPTS };

/* Reads a VALUE@DATE option into a point; returns 0 or SL_EXIT_USAGE. */
static int read_point(const sl_command *cmd, const char *name, const char *text, sl_measure_point *p)
{
    char why[160];
    if (sl_measure_point_parse(text, p, why, sizeof why) < 0)
        return sl_cli_usage(cmd, "%s '%s': %s", name, text, why);
    return 0;
}

/* Fills a definition from the options (over a catalogue indicator's defaults). */
static int read_definition(const sl_command *cmd, sl_opt *o, const char *code, sl_measure_def *d)
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

/* `measure add CODE …`. */
static int add(const sl_cli *cli, const sl_command *cmd, sl_opt *o, const char *code)
{
    sl_measure_def d;
    sl_measure_def_init(&d);
    int rc = read_definition(cmd, o, code, &d);
    sl_error err = {0};
    if (rc == 0 && sl_measure_def_check(&d, &err) < 0)
        rc = sl_cli_refuse(&err);
    sl_store *store = NULL;
    if (rc == 0 && !(store = sl_cli_open_store(cli, 1)))
        rc = SL_EXIT_REFUSED;
    if (rc == 0) {
        if (sl_store_begin(store, &err) < 0 || sl_store_measure_add(store, &d, 0, cli->actor, &err) < 0 ||
            sl_store_commit(store, &err) < 0) {
            sl_store_rollback(store);
            rc = sl_cli_refuse(&err);
        } else {
            printf("measure %s added (%s, %s is better, %s)\n", d.code, sl_unit_name(d.unit),
                   sl_polarity_name(d.polarity), sl_frequency_name(d.frequency));
        }
    }
    sl_store_close(store);
    sl_measure_def_free(&d);
    return rc;
}

/* `measure show CODE`. */
static int show(const sl_cli *cli, const sl_command *cmd, sl_opt *o, const char *code)
{
    sl_day as_of;
    int rc = sl_cli_as_of(cmd, &o[OPT_AS_OF], &as_of);
    if (rc)
        return rc;
    sl_store *store = sl_cli_open_store(cli, 0);
    if (!store)
        return SL_EXIT_REFUSED;
    sl_error err = {0};
    sl_measure_def *defs = NULL;
    sl_measure_value *values = NULL;
    int n = sl_store_measures(store, &defs, NULL, &err);
    int nv = n < 0 ? -1 : sl_store_measure_values(store, code, &values, &err);
    sl_store_close(store);
    int found = -1;
    for (int i = 0; i < n; i++)
        if (strcmp(defs[i].code, code) == 0)
            found = i;
    if (n >= 0 && nv >= 0 && found < 0)
        sl_fail(&err, "no measure %s (see `sightline measures`)", code);
    if (found >= 0 && nv >= 0) {
        sl_buf out = SL_BUF_INIT;
        if (o[OPT_JSON].count) {
            sl_measure_json(&out, &defs[found], values, (size_t)nv, as_of);
            sl_buf_putc(&out, '\n');
        } else {
            sl_measure_table_heading(&out);
            sl_measure_table_row(&out, &defs[found], values, (size_t)nv, as_of);
            sl_buf_puts(&out, "\nPERIOD      SERIES                   VALUE\n");
            for (int i = 0; i < nv; i++) {
                char period[SL_PERIOD_TEXT], value[SL_VALUE_TEXT];
                sl_period_format(&values[i].period, period);
                sl_unit_format_value(defs[found].unit, values[i].value, value);
                sl_buf_printf(&out, "%-11s %-24s %s\n", period, values[i].series, value);
            }
            if (defs[found].suggested_from)
                sl_buf_printf(&out, "\nRead from the plan: %s\n", defs[found].suggested_from);
        }
        sl_buf_write(&out, stdout);
        sl_buf_free(&out);
    }
    for (int i = 0; i < n; i++)
        sl_measure_def_free(&defs[i]);
    free(defs);
    free(values);
    return err.set ? sl_cli_refuse(&err) : SL_EXIT_OK;
}

int sl_cmd_measure(const sl_cli *cli, const sl_command *cmd, int argc, char **argv)
{
    sl_opt o[N_OPTS] = {SL_OPT("--name", 1),      SL_OPT("--unit", 1),      SL_OPT("--polarity", 1),
                        SL_OPT("--frequency", 1), SL_OPT("--baseline", 1),  SL_OPT("--milestone", 1),
                        SL_OPT("--target", 1),    SL_OPT("--tolerance", 1), SL_OPT("--owner", 1),
                        SL_OPT("--source", 1),    SL_OPT("--json", 0),      SL_OPT("--as-of", 1)};
    const char *pos[2] = {0};
    int n_pos;
    int rc = sl_cli_parse(cmd, argc, argv, o, N_OPTS, pos, 2, 2, &n_pos);
    if (rc == 0 && strcmp(pos[0], "add") == 0)
        rc = add(cli, cmd, o, pos[1]);
    else if (rc == 0 && strcmp(pos[0], "show") == 0)
        rc = show(cli, cmd, o, pos[1]);
    else if (rc == 0)
        rc = sl_cli_usage(cmd, "unknown subcommand '%s' (try: measure add, measure show)", pos[0]);
    sl_cli_free_opts(o, N_OPTS);
    return rc < 0 ? SL_EXIT_OK : rc;
}
