/* cmd_measure_figure.c — `sightline measure set CODE --period P --value V
 * --source S [--note N]` (a first figure for a period), with `--correct
 * --reason R [--version N]` a correction of the figure recorded (the old
 * value kept in the history), and `measure history CODE`: every figure
 * entered, corrected, loaded or missing, newest first. The checks and
 * their words are the web form's (domain/figure.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/measure_figure.h"
#include "util/buf.h"

/* Returns the value of option name, or NULL when it was not given. */
static const char *opt_value(const sl_run *run, const char *name)
{
    const sl_opt *o = sl_run_opt(run, name);
    return o && o->count ? o->value : NULL;
}

/* Finds the definition of code among the stored measures into *def (caller
 * frees with sl_measure_def_free); returns 0, or -1 with run->err set. */
static int find_def(sl_run *run, const char *code, sl_measure_def *def)
{
    sl_measure_def *defs = NULL;
    int n = sl_store_measures(run->store, &defs, NULL, &run->err), found = 0;
    for (int i = 0; i < n; i++) {
        if (!found && strcmp(defs[i].code, code) == 0) {
            *def = defs[i];
            found = 1;
        } else {
            sl_measure_def_free(&defs[i]);
        }
    }
    free(defs);
    if (n >= 0 && !found)
        sl_fail_code(&run->err, SL_ERR_NOT_FOUND, "no measure %s (see `sightline measures`)", code);
    return n >= 0 && found ? 0 : -1;
}

/* Reads --version (a whole number, 1 or more) into *version; returns 0 or SL_EXIT_USAGE. */
static int read_version(sl_run *run, int *version)
{
    const char *text = opt_value(run, "--version");
    *version = 0;
    if (!text)
        return 0;
    char *end;
    long v = strtol(text, &end, 10);
    if (!*text || *end || v < 1 || v > 1000000000L)
        return sl_cli_usage(run->cmd, "--version takes the version shown by `measure show`, 1 or more");
    *version = (int)v;
    return 0;
}

int sl_measure_set(sl_run *run, const char *code)
{
    int version, rc = read_version(run, &version);
    if (rc)
        return rc;
    sl_figure_form form = {opt_value(run, "--period"), opt_value(run, "--value"), opt_value(run, "--source"),
                           opt_value(run, "--note"), opt_value(run, "--reason"), sl_run_flag(run, "--correct")};
    if (!form.correcting && form.reason)
        return sl_cli_usage(run->cmd, "--reason goes with --correct");
    if ((rc = sl_run_open_store(run, 0)) != 0)
        return rc;
    sl_measure_def def;
    if (find_def(run, code, &def) < 0)
        return -1;
    sl_figure_checked checked;
    if (sl_figure_check(&form, &def, sl_today(), &checked) > 0) {
        run->err = *sl_figure_first_error(&checked);
        sl_measure_def_free(&def);
        return -1;
    }
    sl_figure_entry entry = {checked.period, checked.value, form.source, form.note, form.reason,
                             form.correcting, version};
    rc = sl_run_begin(run);
    if (rc == 0)
        rc = sl_run_end(run, sl_store_measure_figure_put(run->store, code, &entry, run->cli->actor, &run->err) < 0);
    if (rc == 0) {
        char period[SL_PERIOD_TEXT], value[SL_VALUE_TEXT];
        sl_period_format(&checked.period, period);
        sl_unit_format_value(def.unit, checked.value, value);
        sl_buf_printf(&run->out, "%s %s %s: %s\n", code, period, form.correcting ? "corrected" : "entered", value);
    }
    sl_measure_def_free(&def);
    return rc;
}

/* Appends one history record as a line of the table. */
static void record_line(sl_buf *out, const sl_measure_def *def, const sl_figure_record *r)
{
    char period[SL_PERIOD_TEXT], value[SL_VALUE_TEXT] = "missing", previous[SL_VALUE_TEXT] = "";
    sl_period_format(&r->period, period);
    if (r->has_value)
        sl_unit_format_value(def->unit, r->value, value);
    if (r->has_previous)
        sl_unit_format_value(def->unit, r->previous, previous);
    sl_buf_printf(out, "%-20s %-9s %-24s %-10s %-12s %-12s %s", r->recorded_at, period, r->series,
                  sl_figure_change_name(r->change), value, *previous ? previous : "-", r->actor);
    sl_buf_printf(out, "  source: %s", r->source);
    if (*r->reason)
        sl_buf_printf(out, "; reason: %s", r->reason);
    if (*r->note)
        sl_buf_printf(out, "; note: %s", r->note);
    sl_buf_putc(out, '\n');
}

int sl_measure_history(sl_run *run, const char *code)
{
    int rc = sl_run_open_store(run, 0);
    if (rc)
        return rc;
    sl_measure_def def;
    if (find_def(run, code, &def) < 0)
        return -1;
    sl_figure_record *records = NULL;
    int n = sl_store_measure_figures(run->store, code, &records, &run->err);
    if (n == 0)
        sl_buf_printf(&run->out, "no figures entered, corrected or missing for %s yet\n", code);
    else if (n > 0)
        sl_buf_puts(&run->out, "WHEN                 PERIOD    SERIES                   CHANGE     VALUE        "
                               "WAS          BY\n");
    for (int i = 0; i < n; i++)
        record_line(&run->out, &def, &records[i]);
    sl_figure_records_free(records, n > 0 ? (size_t)n : 0);
    sl_measure_def_free(&def);
    return n < 0 ? -1 : 0;
}
