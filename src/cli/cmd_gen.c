/* cmd_gen.c — `sightline gen`: a deterministic synthetic dataset of N
 * councils (names from data/la-lookup.csv, in its order), each a plan of
 * 300–500 actions with weekly progress over Y years (domain/synth.h), written
 * through the store in one transaction per council, the history through the
 * bulk path (no audit entry per generated update: one per council). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli/inspection_import.h"
#include "cli/run.h"
#include "domain/authority.h"
#include "domain/synth.h"
#include "util/buf.h"
#include "util/mem.h"

/* What the options ask for, checked. */
typedef struct {
    long authorities, years;
    uint64_t seed;
    sl_day start;
} gen_args;

/* What one run wrote, and where it is. */
typedef struct {
    long councils, actions, updates_written, measures;
    int tty;
    double started;
    int64_t *ids;               /* the current plan's action ids, in plan order */
    size_t n_ids;
    sl_update *updates;         /* the council's history, every action's; reused across councils */
    size_t n_updates, cap_updates;
    sl_synth_update *history;   /* reused across actions */
    size_t cap_history;
} gen_state;

/* Returns seconds on the monotonic clock. */
static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Reads a whole decimal number in [lo, hi] from text; returns 0 or -1. */
static int read_number(const char *text, long lo, long hi, long *out)
{
    if (!text || !*text)
        return -1;
    char *end;
    errno = 0;
    long v = strtol(text, &end, 10);
    if (errno || *end || v < lo || v > hi)
        return -1;
    *out = v;
    return 0;
}

/* Checks --authorities, --years, --seed and --start; returns 0 or SL_EXIT_USAGE. */
static int gen_check(sl_run *run)
{
    gen_args *a = run->ctx;
    const sl_opt *n = sl_run_opt(run, "--authorities"), *y = sl_run_opt(run, "--years");
    const sl_opt *s = sl_run_opt(run, "--seed"), *st = sl_run_opt(run, "--start");
    if (read_number(n->value, 1, 100000, &a->authorities) < 0)
        return sl_cli_usage(run->cmd, "--authorities needs a whole number of councils, 1 or more (got '%s')",
                            n->value ? n->value : "");
    if (read_number(y->value, 1, 50, &a->years) < 0)
        return sl_cli_usage(run->cmd, "--years needs a whole number of years from 1 to 50 (got '%s')",
                            y->value ? y->value : "");
    long seed = 1;
    if (s->value && read_number(s->value, 0, 2147483647L, &seed) < 0)
        return sl_cli_usage(run->cmd, "--seed needs a whole number from 0 to 2147483647 (got '%s')",
                            s->value);
    a->seed = (uint64_t)seed;
    a->start = sl_day_from_ymd(2021, 4, 1);
    if (st->value && sl_day_parse_iso(st->value, &a->start) < 0)
        return sl_cli_usage(run->cmd, "--start needs a day as YYYY-MM-DD (got '%s')", st->value);
    return 0;
}

/* Store callback: remembers each action id, in plan order. */
static int collect_id(void *ctx, const sl_action_row *row)
{
    gen_state *g = ctx;
    g->ids = sl_realloc(g->ids, (g->n_ids + 1) * sizeof *g->ids);
    g->ids[g->n_ids++] = row->id;
    return 0;
}

/* Draws the progress bar (a terminal) for council i of n. */
static void progress(const gen_state *g, long i, long n, const char *name)
{
    if (!g->tty)
        return;
    int width = 30, filled = (int)(width * i / (n ? n : 1));
    fprintf(stderr, "\r[%.*s%*s] %ld/%ld %-32.32s", filled, "##############################",
            width - filled, "", i, n, name);
    if (i == n)
        fputc('\n', stderr);
    fflush(stderr);
}

/* Appends action i's generated history to the council's updates (g->updates,
 * g->n_updates). */
static void add_history(gen_state *g, const sl_synth_spec *spec, const sl_plan *p, size_t i)
{
    size_t n = sl_synth_history(spec, p, i, &g->history, &g->cap_history);
    if (g->n_updates + n > g->cap_updates) {
        g->cap_updates = 2 * (g->n_updates + n);
        g->updates = sl_realloc(g->updates, g->cap_updates * sizeof *g->updates);
    }
    for (size_t k = 0; k < n; k++) {
        const sl_synth_update *h = &g->history[k];
        g->updates[g->n_updates++] = (sl_update){.action_id = g->ids[i], .day = h->day,
                                                 .status = h->status, .rag = h->rag,
                                                 .rag_reason = h->rag_reason, .note = h->note};
    }
}

/* Writes the council's generated history, every action's, through the bulk path. */
static int write_history(sl_run *run, gen_state *g, const sl_synth_spec *spec, const sl_plan *p)
{
    g->n_updates = 0;
    for (size_t i = 0; i < p->n_actions; i++)
        add_history(g, spec, p, i);
    g->updates_written += (long)g->n_updates;
    return sl_store_add_updates_bulk(run->store, g->updates, g->n_updates, "gen", &run->err);
}

/* Refuses (SL_ERR_EXISTS) when a council's generated plan is already stored:
 * checked for every council before anything is written. */
static int check_fresh(sl_run *run, const sl_authority_table *t, long n)
{
    for (long i = 0; i < n; i++) {
        sl_buf title = {0};
        sl_buf_cprintf(&title, "%s Improvement Plan", t->authorities[i].name);
        int64_t id;
        int version;
        char sha[65];
        int found = sl_store_find_plan(run->store, t->authorities[i].name, sl_buf_str(&title), &id,
                                       &version, sha, &run->err);
        sl_buf_free(&title);
        if (found < 0)
            return -1;
        if (found)
            return sl_fail_code(&run->err, SL_ERR_EXISTS,
                                "%s already has a generated plan (plan %lld): gen writes into a "
                                "database without one",
                                t->authorities[i].name, (long long)id);
    }
    return 0;
}

/* Stores the council's measures (each linked to one of its actions) and
 * their monthly values with comparators. */
static int write_measures(sl_run *run, gen_state *g, const sl_synth_spec *spec, const char *code)
{
    sl_measure_def defs[SL_SYNTH_MEASURES];
    size_t n_values;
    sl_measure_value *values = sl_synth_measures(spec, code, defs, &n_values);
    int rc = 0;
    for (size_t k = 0; rc == 0 && k < SL_SYNTH_MEASURES; k++)
        rc = sl_store_measure_add(run->store, &defs[k], g->ids[k * 7 % g->n_ids], "gen", &run->err);
    if (rc == 0)
        rc = sl_store_measure_values_put(run->store, values, n_values, "generated", "gen", &run->err);
    for (size_t k = 0; k < SL_SYNTH_MEASURES; k++)
        sl_measure_def_free(&defs[k]);
    free(values);
    g->measures += rc == 0 ? SL_SYNTH_MEASURES : 0;
    return rc;
}

/* Stores the council's improvement board and its monthly meetings over the years. */
static int write_board(sl_run *run, const sl_synth_spec *spec)
{
    sl_board board;
    sl_synth_board(spec, &board);
    int64_t board_id;
    int rc = sl_store_board_add(run->store, &board, "gen", &board_id, &run->err);
    for (int m = 0; rc == 0 && m < 12 * spec->years; m++) {
        sl_meeting meeting = {.board_id = board_id, .board = board.name,
                              .day = sl_synth_meeting_day(spec, m), .venue = "Town Hall",
                              .papers_published = SL_NO_DAY, .minutes_approved_at = SL_NO_DAY};
        snprintf(meeting.time, sizeof meeting.time, "14:00");
        rc = sl_store_meeting_add(run->store, board_id, &meeting, "gen", NULL, &run->err);
    }
    sl_board_free(&board);
    return rc;
}

/* Stores the inspection the plan answers and the council's risks. */
static int write_inspection_risks(sl_run *run, gen_state *g, const sl_synth_spec *spec,
                                  const char *code)
{
    sl_inspection insp;
    sl_synth_inspection(spec, &insp);
    int64_t id;
    int rc = sl_store_save_inspection(run->store, &insp, code, "gen", &id, &run->err);
    sl_inspection_free(&insp);
    sl_risk risks[5];
    int n = sl_synth_risks(spec, g->ids, g->n_ids, risks);
    for (int k = 0; k < n; k++) {
        if (rc == 0)
            rc = sl_store_risk_add(run->store, &risks[k], "gen", NULL, &run->err);
        sl_risk_free(&risks[k]);
    }
    return rc;
}

/* Stores council i: its plan, then every action's history, then one audit
 * entry for the history; all in one transaction. */
static int write_council(sl_run *run, gen_state *g, const sl_synth_spec *spec, const char *code)
{
    sl_plan plan;
    sl_synth_plan(spec, &plan);
    int64_t plan_id = 0;
    int rc = sl_run_begin(run);
    if (rc == 0)
        rc = sl_store_save_plan(run->store, &plan, spec->start, "gen", &plan_id, &run->err);
    g->n_ids = 0;
    sl_action_query q = {.plan_id = plan_id, .as_of = spec->start, .due_before = SL_NO_DAY};
    if (rc == 0)
        rc = sl_store_each_action(run->store, &q, collect_id, g, &run->err);
    if (rc == 0 && g->n_ids != plan.n_actions)
        rc = sl_fail(&run->err, "%s: stored %zu actions of %zu", spec->authority, g->n_ids,
                     plan.n_actions);
    long before = g->updates_written;
    if (rc == 0)
        rc = write_history(run, g, spec, &plan);
    if (rc == 0)
        rc = write_measures(run, g, spec, code);
    if (rc == 0)
        rc = write_board(run, spec);
    if (rc == 0)
        rc = write_inspection_risks(run, g, spec, code);
    if (rc == 0) {
        sl_buf note = {0};
        sl_buf_cprintf(&note, "%ld generated updates (seed %llu)", g->updates_written - before,
                       (unsigned long long)spec->seed);
        rc = sl_store_audit_note(run->store, "gen", "generate", "plan", plan_id, "updates",
                                 sl_buf_str(&note), &run->err);
        sl_buf_free(&note);
    }
    rc = sl_run_end(run, rc < 0);
    g->actions += rc == 0 ? (long)plan.n_actions : 0;
    sl_plan_free(&plan);
    return rc;
}

/* Generates the councils the options ask for. */
static int gen_body(sl_run *run)
{
    gen_args *a = run->ctx;
    sl_authority_table table;
    if (sl_load_authorities(&table, &run->err) < 0)
        return -1;
    gen_state g = {.tty = isatty(fileno(stderr)), .started = now_seconds()};
    int rc = 0;
    if ((size_t)a->authorities > table.n)
        rc = sl_fail_code(&run->err, SL_ERR_INVALID,
                          "--authorities %ld: the reference table has %zu councils", a->authorities,
                          table.n);
    if (rc == 0)
        rc = check_fresh(run, &table, a->authorities);
    for (long i = 0; rc == 0 && i < a->authorities; i++) {
        sl_synth_spec spec = {.authority = table.authorities[i].name, .seed = a->seed,
                              .index = (int)i, .start = a->start, .years = (int)a->years};
        progress(&g, i, a->authorities, spec.authority);
        if ((rc = write_council(run, &g, &spec, table.authorities[i].ons_code)) == 0)
            g.councils++;
    }
    if (rc == 0) {
        progress(&g, a->authorities, a->authorities, "done");
        sl_buf_cprintf(&run->out, "generated %ld councils, %ld actions, %ld progress updates, %ld measures in %.1f s (seed %llu)\n",
                       g.councils, g.actions, g.updates_written, g.measures, now_seconds() - g.started,
                       (unsigned long long)a->seed);
    }
    free(g.ids);
    free(g.updates);
    free(g.history);
    sl_authority_table_free(&table);
    return rc;
}

/* `sightline gen`: the options, the runner, a fresh or generated-free database. */
int sl_cmd_gen(const sl_cli *cli, const sl_command *cmd, int argc, char **argv)
{
    sl_opt opts[] = {SL_OPT("--authorities", 1), SL_OPT("--years", 1), SL_OPT("--seed", 1),
                     SL_OPT("--start", 1)};
    static const sl_run_spec spec = {.store = SL_RUN_CREATE_STORE, .check = gen_check, .body = gen_body};
    gen_args args = {0};
    return SL_CLI_RUN(cli, cmd, argc, argv, opts, &spec, &args);
}
