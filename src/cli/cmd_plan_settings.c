/* cmd_plan_settings.c — `sightline plan settings PLAN …`: a plan's RAG rules:
 * the amber threshold, the update cycle (7 days for a weekly transitional
 * plan) and whether completed actions need their SRO's sign-off. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/run.h"

/* Reads a number of days from an option into *days; returns 0 or SL_EXIT_USAGE. */
static int read_days(const sl_command *cmd, const sl_opt *opt, int *days)
{
    if (!opt->count)
        return 0;
    char *end;
    long n = strtol(opt->value, &end, 10);
    if (*end || end == opt->value || n < 1 || n > 366)
        return sl_cli_usage(cmd, "%s takes a number of days from 1 to 366", opt->name);
    *days = (int)n;
    return 0;
}

/* Store callback: keeps the plan's current rules (read through its actions' rows). */
static int on_row(void *ctx, const sl_action_row *row)
{
    *(sl_rag_rules *)ctx = row->rules;
    return 1;
}

/* Reads the options over the plan's current rules; returns 0 or SL_EXIT_USAGE. */
static int read_rules(sl_run *run, sl_rag_rules *rules)
{
    int rc = read_days(run->cmd, sl_run_opt(run, "--amber-days"), &rules->amber_days);
    if (rc == 0)
        rc = read_days(run->cmd, sl_run_opt(run, "--update-cycle-days"), &rules->update_cycle_days);
    const sl_opt *signoff = sl_run_opt(run, "--requires-signoff");
    if (rc == 0 && signoff->count) {
        if (strcmp(signoff->value, "yes") != 0 && strcmp(signoff->value, "no") != 0)
            rc = sl_cli_usage(run->cmd, "--requires-signoff takes yes or no");
        rules->requires_signoff = strcmp(signoff->value, "yes") == 0;
    }
    return rc;
}

/* Changes the rules of the plan the argument names. The options are read
 * over the plan's current rules, so only once the store is open and the plan
 * found (not in a check before it). */
static int settings_body(sl_run *run)
{
    int64_t plan_id = 0;
    sl_opt plan_opt = SL_OPT("--plan", 1);
    plan_opt.count = 1;
    plan_opt.value = run->pos[0];
    int rc = sl_cli_plan(run->store, &plan_opt, &plan_id);
    if (rc)
        return rc;
    sl_rag_rules rules = sl_rag_rules_default();
    sl_action_query q = {.plan_id = plan_id, .due_before = SL_NO_DAY};
    if (sl_store_each_action(run->store, &q, on_row, &rules, &run->err) < 0)
        return -1;
    if ((rc = read_rules(run, &rules)) != 0)
        return rc;
    if (sl_store_begin(run->store, &run->err) < 0 ||
        sl_store_set_rules(run->store, plan_id, &rules, run->cli->actor, &run->err) < 0 ||
        sl_store_commit(run->store, &run->err) < 0) {
        sl_store_rollback(run->store);
        return -1;
    }
    sl_buf_printf(&run->out, "plan %lld: amber within %d days, update every %d days, sign-off %s\n",
                  (long long)plan_id, rules.amber_days, rules.update_cycle_days,
                  rules.requires_signoff ? "required" : "not required");
    return 0;
}

int sl_cmd_plan_settings(const sl_cli *cli, const sl_command *cmd, int argc, char **argv)
{
    sl_opt opts[] = {SL_OPT("--requires-signoff", 1), SL_OPT("--amber-days", 1), SL_OPT("--update-cycle-days", 1)};
    static const sl_run_spec spec = {.min_pos = 1, .max_pos = 1, .store = SL_RUN_STORE, .body = settings_body};
    return SL_CLI_RUN(cli, cmd, argc, argv, opts, &spec, NULL);
}
