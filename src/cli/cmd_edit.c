/* cmd_edit.c — changing a plan's actions, never deleting them:
 *   sightline edit REF [--plan ID] --FIELD VALUE … [--expect-version N]
 *   sightline add-action --plan ID --ref REF --title T [--FIELD VALUE …]
 *   sightline withdraw REF [--plan ID] --reason TEXT [--as-of DATE]
 * Each is one transaction; every changed field is audited with its value
 * before and after (domain/action_edit.c reads and checks the fields). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/run.h"
#include "report/action_list.h"
#include "util/mem.h"

/* The field options, in sl_action_field order, then the command's own. */
#define FIELD_OPTS                                                                                                 \
    SL_OPT("--title", 1), SL_OPT("--description", 1), SL_OPT("--theme", 1), SL_OPT("--start", 1),                \
        SL_OPT("--due", 1), SL_OPT("--sro", 1), SL_OPT("--leads", 1), SL_OPT("--resources", 1),                   \
        SL_OPT("--measure", 1), SL_OPT("--impact", 1), SL_OPT("--recommendations", 1),                            \
        SL_OPT("--delivered-through", 1)

/* Sets every field option given on action a of plan; returns 0, or -1 with
 * run->err naming the option and what to fix. */
static int set_fields(sl_run *run, const sl_plan *plan, sl_action *a)
{
    for (int f = 0; f < SL_N_FIELDS; f++) {
        const sl_opt *o = &run->opts[f];
        char why[200];
        if (o->count && sl_action_set_field(plan, a, (sl_action_field)f, o->value, why, sizeof why) < 0)
            return sl_fail(&run->err, "--%s '%s': %s", sl_action_field_name((sl_action_field)f), o->value, why);
    }
    return 0;
}

/* Returns 1 when any field option was given. */
static int any_field(const sl_run *run)
{
    for (int f = 0; f < SL_N_FIELDS; f++)
        if (run->opts[f].count)
            return 1;
    return 0;
}

/* Reads --expect-version: the version number, 0 when not given, -1 when malformed. */
static int expected_version(const sl_run *run)
{
    const sl_opt *v = sl_run_opt(run, "--expect-version");
    if (!v->count)
        return 0;
    char *end;
    long n = strtol(v->value, &end, 10);
    return *end || n < 1 || n > 1000000000 ? -1 : (int)n;
}

/* Asks for at least one field before the store is opened. */
static int check_edit(sl_run *run)
{
    if (expected_version(run) < 0)
        return sl_cli_usage(run->cmd, "--expect-version takes a version number");
    return any_field(run) ? 0 : sl_cli_usage(run->cmd, "name a field to change, e.g. --due 31/03/2018");
}

/* Appends each change as "REF field: before -> after". */
static void say_changes(sl_buf *out, const char *ref, const sl_field_changes *c)
{
    for (size_t i = 0; i < c->n; i++)
        sl_buf_printf(out, "%s %s: \"%s\" -> \"%s\"\n", ref, sl_action_field_name(c->items[i].field),
                      c->items[i].before, c->items[i].after);
    if (!c->n)
        sl_buf_printf(out, "%s: nothing changed\n", ref);
}

/* Rated-action callback: keeps the row's version and status. */
static int on_row(void *ctx, const sl_action_row *row, const sl_rag_result *rag)
{
    (void)rag;
    int *v = ctx;
    v[0] = row->version;
    v[1] = (int)row->status;
    return 1;
}

/* Reads the action's version and its status as of a day into v[0], v[1]. */
static int read_row(sl_run *run, sl_day day, int v[2])
{
    sl_action_filter f = {.action_id = run->action_id, .as_of = day, .due_within = -1};
    return sl_each_rated_action(run->store, &f, on_row, v, &run->err) < 0 ? -1 : 0;
}

/* Saves the edited action with its changes, in one transaction. */
static int edit_body(sl_run *run)
{
    sl_plan plan;
    sl_action before;
    sl_field_changes changes = {0};
    int row[2] = {0, 0};
    int expected = expected_version(run);
    if (read_row(run, sl_today(), row) < 0 || sl_store_load_action(run->store, run->action_id, &plan, &run->err) < 0)
        return -1;
    sl_action_copy(&before, &plan.actions[0]);
    int rc = set_fields(run, &plan, &plan.actions[0]);
    if (rc == 0)
        sl_action_changes(&plan, &before, &plan.actions[0], &changes);
    if (rc == 0 && changes.n) {
        rc = sl_store_begin(run->store, &run->err) < 0 ||
                     sl_store_action_edit(run->store, run->action_id, &plan, expected ? expected : row[0],
                                          &changes, run->cli->actor, &run->err) < 0 ||
                     sl_store_commit(run->store, &run->err) < 0
                 ? -1
                 : 0;
        if (rc < 0)
            sl_store_rollback(run->store);
    }
    if (rc == 0)
        say_changes(&run->out, run->pos[0], &changes);
    sl_field_changes_free(&changes);
    sl_action_free(&before);
    sl_plan_free(&plan);
    return rc;
}

int sl_cmd_edit(const sl_cli *cli, const sl_command *cmd, int argc, char **argv)
{
    sl_opt opts[] = {FIELD_OPTS, SL_OPT("--plan", 1), SL_OPT("--expect-version", 1)};
    static const sl_run_spec spec = {.min_pos = 1, .max_pos = 1, .store = SL_RUN_STORE, .action_ref = 1,
                                     .check = check_edit, .body = edit_body};
    return SL_CLI_RUN(cli, cmd, argc, argv, opts, &spec, NULL);
}

/* Asks for --plan, --ref and --title before the store is opened. */
static int check_add(sl_run *run)
{
    if (!sl_run_opt(run, "--plan")->count)
        return sl_cli_usage(run->cmd, "--plan names the plan the action is added to");
    if (!sl_run_opt(run, "--ref")->count || !*sl_run_opt(run, "--ref")->value)
        return sl_cli_usage(run->cmd, "--ref gives the new action's ref, e.g. 2.19");
    return run->opts[SL_FIELD_TITLE].count ? 0 : sl_cli_usage(run->cmd, "--title gives the new action's title");
}

/* Adds the new action at the end of the plan, in one transaction. */
static int add_body(sl_run *run)
{
    sl_plan plan;
    if (sl_store_load_plan(run->store, run->plan_id, &plan, &run->err) < 0)
        return -1;
    sl_action *a = sl_plan_add_action(&plan);
    a->theme = -1;
    a->resources_pence = -1;
    a->ref = sl_strdup(sl_run_opt(run, "--ref")->value);
    a->status = SL_STATUS_NOT_STARTED;
    a->status_text = sl_strdup("not started");
    int64_t id = 0;
    int rc = set_fields(run, &plan, a);
    if (rc == 0 && (sl_store_begin(run->store, &run->err) < 0 ||
                    sl_store_action_add(run->store, run->plan_id, &plan, a, run->cli->actor, &id, &run->err) < 0 ||
                    sl_store_commit(run->store, &run->err) < 0)) {
        sl_store_rollback(run->store);
        rc = -1;
    }
    if (rc == 0)
        sl_buf_printf(&run->out, "added %s to plan %lld: %s\n", a->ref, (long long)run->plan_id, a->title);
    sl_plan_free(&plan);
    return rc;
}

int sl_cmd_add_action(const sl_cli *cli, const sl_command *cmd, int argc, char **argv)
{
    sl_opt opts[] = {FIELD_OPTS, SL_OPT("--plan", 1), SL_OPT("--ref", 1)};
    static const sl_run_spec spec = {.min_pos = 0, .max_pos = 0, .store = SL_RUN_STORE, .check = check_add,
                                     .body = add_body};
    return SL_CLI_RUN(cli, cmd, argc, argv, opts, &spec, NULL);
}

/* Asks for a reason before the store is opened. */
static int check_withdraw(sl_run *run)
{
    const sl_opt *r = sl_run_opt(run, "--reason");
    return r->count && *r->value ? 0 : sl_cli_usage(run->cmd, "--reason says why the action is withdrawn");
}

/* Withdraws the action: a dated update with the reason; nothing is deleted. */
static int withdraw_body(sl_run *run)
{
    int row[2] = {0, 0};
    if (read_row(run, run->as_of, row) < 0)
        return -1;
    if (sl_status_move_to((sl_status)row[1], SL_STATUS_WITHDRAWN) != SL_MOVE_WITHDRAW)
        return sl_fail(&run->err, "%s is %s: it cannot be withdrawn", run->pos[0], sl_status_name((sl_status)row[1]));
    sl_buf note = SL_BUF_INIT;
    sl_buf_printf(&note, "Withdrawn: %s", sl_run_opt(run, "--reason")->value);
    sl_update u = {.action_id = run->action_id, .day = run->as_of, .status = SL_STATUS_WITHDRAWN,
                   .status_text = "withdrawn", .note = sl_buf_str(&note)};
    int rc = 0;
    if (sl_store_begin(run->store, &run->err) < 0 || sl_store_add_update(run->store, &u, run->cli->actor, &run->err) < 0 ||
        sl_store_commit(run->store, &run->err) < 0) {
        sl_store_rollback(run->store);
        rc = -1;
    } else {
        sl_buf_printf(&run->out, "%s: withdrawn (%s)\n", run->pos[0], sl_run_opt(run, "--reason")->value);
    }
    sl_buf_free(&note);
    return rc;
}

int sl_cmd_withdraw(const sl_cli *cli, const sl_command *cmd, int argc, char **argv)
{
    sl_opt opts[] = {SL_OPT("--plan", 1), SL_OPT("--reason", 1), SL_OPT("--as-of", 1)};
    static const sl_run_spec spec = {.min_pos = 1, .max_pos = 1, .store = SL_RUN_STORE, .action_ref = 1,
                                     .check = check_withdraw, .body = withdraw_body};
    return SL_CLI_RUN(cli, cmd, argc, argv, opts, &spec, NULL);
}
