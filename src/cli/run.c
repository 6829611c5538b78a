/* run.c — the command runner (see run.h). */
#include "cli/run.h"

#include <stdlib.h>
#include <string.h>

#include "util/mem.h"

const sl_opt *sl_run_opt(const sl_run *run, const char *name)
{
    static const sl_opt none = SL_OPT(NULL, 0);
    for (int i = 0; run->opts[i].name; i++)
        if (strcmp(run->opts[i].name, name) == 0)
            return &run->opts[i];
    return &none;
}

int sl_run_flag(const sl_run *run, const char *name)
{
    return sl_run_opt(run, name)->count > 0;
}

int sl_run_open_store(sl_run *run, int create)
{
    run->store = sl_cli_open_store(run->cli, create);
    return run->store ? 0 : SL_EXIT_REFUSED;
}

int sl_run_begin(sl_run *run)
{
    return sl_store_begin(run->store, &run->err) < 0 ? -1 : 0;
}

int sl_run_end(sl_run *run, int failed)
{
    if (!failed && sl_store_commit(run->store, &run->err) == 0)
        return 0;
    sl_store_rollback(run->store);
    return -1;
}

void sl_run_list_open(sl_run *run, int json)
{
    sl_buf_puts(&run->out, json ? "[" : "");
}

void sl_run_list_item(sl_run *run, int json, int i)
{
    if (json)
        sl_buf_puts(&run->out, i ? ",\n" : "\n");
}

void sl_run_list_close(sl_run *run, int json, int n)
{
    sl_buf_puts(&run->out, json ? (n ? "\n]\n" : "]\n") : "");
}

/* Opens the store and resolves --plan, as the spec asks; returns 0 or an exit status. */
static int prepare(sl_run *run, const sl_run_spec *spec)
{
    if (spec->store == SL_RUN_NO_STORE)
        return 0;
    if (sl_run_open_store(run, spec->store == SL_RUN_CREATE_STORE))
        return SL_EXIT_REFUSED;
    const sl_opt *plan = sl_run_opt(run, "--plan");
    int rc = plan->name && !spec->own_as_of_plan ? sl_cli_plan(run->store, plan, &run->plan_id) : 0;
    if (rc == 0 && spec->action_ref)
        rc = sl_cli_find_action(run->store, run->plan_id, run->pos[0], &run->action_id);
    return rc;
}

/* Returns 1 when the run's arguments are the subcommand's: its words first, as many as it takes. */
static int sub_matches(const sl_run *run, const sl_run_sub *sub)
{
    if (run->n_pos != sub->n_pos)
        return 0;
    const char *w = sub->words ? sub->words : "";
    for (int i = 0; *w; i++) {
        size_t len = strcspn(w, " ");
        if (i >= run->n_pos || strlen(run->pos[i]) != len || strncmp(run->pos[i], w, len) != 0)
            return 0;
        w += len + (w[len] == ' ');
    }
    return 1;
}

/* Finds the subcommand the arguments name into *found (when the spec has
 * subcommands) and runs its check; returns 0 or an exit status. */
static int check_sub(sl_run *run, const sl_run_spec *spec, const sl_run_sub **found)
{
    if (!spec->subs)
        return 0;
    for (const sl_run_sub *sub = spec->subs; sub->body; sub++) {
        if (sub_matches(run, sub)) {
            *found = sub;
            return sub->check ? sub->check(run) : 0;
        }
    }
    return sl_cli_usage(run->cmd, "%s", spec->sub_usage);
}

/* Runs the checks and the body once the arguments are parsed; returns the exit status. */
static int run_body(sl_run *run, const sl_run_spec *spec)
{
    const sl_opt *as_of = sl_run_opt(run, "--as-of");
    int rc = as_of->name && !spec->own_as_of_plan ? sl_cli_as_of(run->cmd, as_of, &run->as_of) : 0;
    if (rc == 0 && spec->check)
        rc = spec->check(run);
    const sl_run_sub *sub = NULL;
    if (rc == 0)
        rc = check_sub(run, spec, &sub);
    if (rc == 0)
        rc = prepare(run, spec);
    if (rc)
        return rc;
    rc = sub ? sub->body(run) : spec->body(run);
    if (rc > 0)
        return rc;
    if (rc < 0)
        return run->err.set ? sl_cli_refuse(&run->err) : SL_EXIT_REFUSED;
    if (sl_buf_write(&run->out, stdout) < 0) {
        sl_fail(&run->err, "cannot write to standard output");
        return sl_cli_refuse(&run->err);
    }
    return SL_EXIT_OK;
}

int sl_cli_run(const sl_cli *cli, const sl_command *cmd, int argc, char **argv, sl_opt *opts,
               int n_opts, const sl_run_spec *spec, void *ctx)
{
    /* The options as a list ending with a nameless entry, for sl_run_opt. */
    sl_opt *list = sl_calloc((size_t)(n_opts + 1) * sizeof *list);
    if (n_opts)
        memcpy(list, opts, (size_t)n_opts * sizeof *list);
    sl_run run = {.cli = cli, .cmd = cmd, .opts = list, .out = SL_BUF_INIT, .ctx = ctx};
    run.pos = sl_calloc((size_t)(spec->max_pos + 1) * sizeof *run.pos);
    int rc = sl_cli_parse(cmd, argc, argv, list, n_opts, run.pos, spec->min_pos, spec->max_pos, &run.n_pos);
    if (rc == 0)
        rc = run_body(&run, spec);
    else if (rc < 0)
        rc = SL_EXIT_OK; /* --help was printed */
    sl_store_close(run.store);
    sl_buf_free(&run.out);
    sl_cli_free_opts(list, n_opts);
    free(list);
    free(run.pos);
    return rc;
}
