/* cmd_measures.c — `sightline measures` (each KPI with its latest value,
 * trajectory RAG, direction and comparators), `measures load FILE.csv`
 * (values per period; every row checked, all or nothing, loading again
 * changes nothing) and `measures suggest` (baselines, milestones and targets
 * that plans write in prose, offered as measures linked to their action). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/run.h"
#include "import/import.h"
#include "import/kind/measure/measure_text.h"
#include "import/kind/measure/measure_values.h"
#include "report/measure_report.h"
#include "util/buf.h"
#include "util/file.h"

typedef struct {
    sl_measure_def *defs;
    int n_defs;
    sl_measure_value *values;
    int n_values;
} measure_data;

/* Loads every definition and value; returns 0 or -1. */
static int load_all(sl_store *store, measure_data *m, sl_error *err)
{
    memset(m, 0, sizeof *m);
    m->n_defs = sl_store_measures(store, &m->defs, NULL, err);
    if (m->n_defs < 0)
        return -1;
    m->n_values = sl_store_measure_values(store, NULL, &m->values, err);
    return m->n_values < 0 ? -1 : 0;
}

/* Frees what load_all read. */
static void free_all(measure_data *m)
{
    for (int i = 0; i < m->n_defs; i++)
        sl_measure_def_free(&m->defs[i]);
    free(m->defs);
    free(m->values);
}

/* `measures`: the list, as of the run's day. */
static int list(sl_run *run)
{
    measure_data m;
    if (load_all(run->store, &m, &run->err) < 0) {
        free_all(&m);
        return -1;
    }
    sl_buf *out = &run->out;
    int json = sl_run_flag(run, "--json");
    if (json)
        sl_buf_putc(out, '[');
    else
        sl_measure_table_heading(out);
    for (int i = 0; i < m.n_defs; i++) {
        size_t count;
        const sl_measure_value *own = sl_values_of(m.values, (size_t)m.n_values, m.defs[i].code, &count);
        if (json) {
            sl_buf_puts(out, i ? ",\n" : "\n");
            sl_measure_json(out, &m.defs[i], own, count, run->as_of);
        } else {
            sl_measure_table_row(out, &m.defs[i], own, count, run->as_of);
        }
    }
    if (json)
        sl_buf_puts(out, m.n_defs ? "\n]\n" : "]\n");
    else if (m.n_defs == 0)
        sl_buf_puts(out, "no measures yet: `sightline measure add CODE …` defines one\n");
    free_all(&m);
    return 0;
}

/* `measures load FILE.csv`: every row checked against the measures defined, then stored in one transaction. */
static int load(sl_run *run, const char *path)
{
    sl_error *err = &run->err;
    sl_measure_def_list known = {0};
    int n = sl_store_measures(run->store, (sl_measure_def **)&known.defs, NULL, err);
    size_t len = 0;
    char *data = n < 0 ? NULL : sl_read_file(path, &len, err);
    sl_measure_value *values = NULL;
    size_t n_values = 0;
    int rc = data ? 0 : -1;
    known.n = n > 0 ? (size_t)n : 0;
    if (rc == 0)
        rc = sl_measure_values_read(data, len, path, sl_measure_lookup_in_defs, &known, &values,
                                    &n_values, err);
    if (rc == 0 && (sl_store_begin(run->store, err) < 0 ||
                    sl_store_measure_values_put(run->store, values, n_values, path, run->cli->actor, err) < 0 ||
                    sl_store_commit(run->store, err) < 0)) {
        sl_store_rollback(run->store);
        rc = -1;
    }
    if (rc == 0)
        sl_buf_printf(&run->out, "loaded %zu value%s from %s\n", n_values, n_values == 1 ? "" : "s", path);
    for (size_t i = 0; i < known.n; i++)
        sl_measure_def_free((sl_measure_def *)&known.defs[i]);
    free((void *)known.defs);
    free(values);
    free(data);
    return rc;
}

/* Appends a suggestion as text or JSON. */
static void print_suggestion(sl_buf *out, int json, int first, const char *plan, const sl_action *a,
                             const sl_measure_def *d)
{
    char value[SL_VALUE_TEXT], day[11];
    if (json) {
        sl_buf_puts(out, first ? "\n{\"plan\":" : ",\n{\"plan\":");
        sl_buf_json_str(out, plan);
        sl_buf_puts(out, ",\"ref\":");
        sl_buf_json_str(out, a->ref);
        sl_buf_puts(out, ",\"measure\":");
        sl_measure_json(out, d, NULL, 0, SL_NO_DAY);
        sl_buf_putc(out, '}');
        return;
    }
    sl_buf_printf(out, "%s  %s (%s, %s is better)\n", a->ref, d->name ? d->name : "(unnamed)",
                  sl_unit_name(d->unit), *sl_polarity_name(d->polarity) ? sl_polarity_name(d->polarity) : "?");
    const sl_measure_point *points[2] = {&d->baseline, &d->target};
    const char *labels[2] = {"baseline", d->target_relative ? "target (change)" : "target"};
    for (int k = 0; k < 2; k++) {
        if (!points[k]->set)
            continue;
        sl_unit_format_value(d->unit, points[k]->value, value);
        sl_day_format(points[k]->day, day);
        sl_buf_printf(out, "      %s %s%s%s\n", labels[k], value, points[k]->day != SL_NO_DAY ? " on " : "",
                      points[k]->day != SL_NO_DAY ? day : "");
    }
    for (int m = 0; m < d->n_milestones; m++) {
        sl_unit_format_value(d->unit, d->milestones[m].value, value);
        sl_day_format(d->milestones[m].day, day);
        sl_buf_printf(out, "      milestone %s%s%s\n", value, d->milestones[m].day != SL_NO_DAY ? " by " : "",
                      d->milestones[m].day != SL_NO_DAY ? day : "");
    }
    sl_buf_printf(out, "      read from: \"%s\"\n", d->suggested_from ? d->suggested_from : "");
}

/* Offers (and with --add stores) the measures one action's text holds. */
static int suggest_action(sl_store *store, const sl_cli *cli, int64_t plan_id, const sl_plan *p,
                          const sl_action *a, int add, int json, int *count, sl_buf *out, sl_error *err)
{
    const char *cells[] = {a->measure, a->impact, a->progress, a->description};
    for (size_t c = 0; c < sizeof cells / sizeof cells[0]; c++) {
        if (!cells[c] || !*cells[c])
            continue;
        sl_measure_suggestion *list = NULL;
        size_t n = sl_measure_text_suggest(cells[c], strlen(cells[c]), p->context_year, &list);
        for (size_t i = 0; i < n; i++) {
            sl_measure_def *d = &list[i].def;
            snprintf(d->code, sizeof d->code, "P%lld-%.12s-%d", (long long)plan_id, a->ref, *count + 1);
            if (!d->frequency)
                d->frequency = SL_FREQ_MONTHLY;
            if (!d->name)
                sl_measure_def_set_text(&d->name, a->title, strlen(a->title) > 100 ? 100 : strlen(a->title));
            print_suggestion(out, json, *count == 0, p->title, a, d);
            (*count)++;
            int64_t ids[1];
            if (add && sl_store_find_actions(store, plan_id, a->ref, ids, 1, err) >= 1 &&
                sl_store_measure_add(store, d, ids[0], cli->actor, err) < 0) {
                sl_measure_suggestions_free(list, n);
                return -1;
            }
        }
        sl_measure_suggestions_free(list, n);
    }
    return 0;
}

/* `measures suggest --plan ID [--add]`. */
static int suggest(sl_run *run)
{
    sl_error *err = &run->err;
    int64_t plan_id = run->plan_id;
    int add = sl_run_flag(run, "--add"), json = sl_run_flag(run, "--json"), count = 0;
    sl_plan p;
    int rc = plan_id ? sl_store_load_plan(run->store, plan_id, &p, err) : sl_fail(err, "name the plan with --plan");
    sl_buf *out = &run->out;
    if (json)
        sl_buf_putc(out, '[');
    if (rc == 0 && add)
        rc = sl_store_begin(run->store, err);
    for (size_t i = 0; rc == 0 && i < p.n_actions; i++)
        rc = suggest_action(run->store, run->cli, plan_id, &p, &p.actions[i], add, json, &count, out, err);
    if (rc == 0 && add)
        rc = sl_store_commit(run->store, err);
    if (rc < 0 && add)
        sl_store_rollback(run->store);
    if (json)
        sl_buf_puts(out, count ? "\n]\n" : "]\n");
    else
        sl_buf_printf(out, "%d measure%s %s\n", count, count == 1 ? "" : "s",
                      add ? "added, linked to their actions" : "suggested (add them with --add)");
    if (plan_id)
        sl_plan_free(&p);
    return rc;
}

/* Checks the subcommand before the store is opened; returns 0 or SL_EXIT_USAGE. */
static int check_subcommand(sl_run *run)
{
    int n = run->n_pos;
    if (n == 0 || (n == 2 && strcmp(run->pos[0], "load") == 0) || (n == 1 && strcmp(run->pos[0], "suggest") == 0))
        return 0;
    return sl_cli_usage(run->cmd, "try: measures, measures load FILE.csv, measures suggest --plan ID");
}

/* Runs the subcommand the arguments name (check_subcommand let it through). */
static int measures_body(sl_run *run)
{
    if (run->n_pos == 0)
        return list(run);
    return run->n_pos == 2 ? load(run, run->pos[1]) : suggest(run);
}

int sl_cmd_measures(const sl_cli *cli, const sl_command *cmd, int argc, char **argv)
{
    sl_opt opts[] = {SL_OPT("--json", 0), SL_OPT("--as-of", 1), SL_OPT("--plan", 1), SL_OPT("--add", 0)};
    static const sl_run_spec spec = {.max_pos = 2, .store = SL_RUN_STORE, .check = check_subcommand,
                                     .body = measures_body};
    return SL_CLI_RUN(cli, cmd, argc, argv, opts, &spec, NULL);
}
