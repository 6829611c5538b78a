/* cmd_plan_settings.c — `sightline plan settings PLAN …`: a plan's RAG rules:
 * the amber threshold, the update cycle (7 days for a weekly transitional
 * plan) and whether completed actions need their SRO's sign-off. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

enum { OPT_SIGNOFF, OPT_AMBER, OPT_CYCLE, N_OPTS };

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

int sl_cmd_plan_settings(const sl_cli *cli, const sl_command *cmd, int argc, char **argv)
{
    sl_opt opts[N_OPTS] = {SL_OPT("--requires-signoff", 1), SL_OPT("--amber-days", 1),
                           SL_OPT("--update-cycle-days", 1)};
    const char *pos[1] = {0};
    int n_pos;
    int rc = sl_cli_parse(cmd, argc, argv, opts, N_OPTS, pos, 1, 1, &n_pos);
    sl_store *store = NULL;
    int64_t plan_id = 0;
    sl_opt plan_opt = SL_OPT("--plan", 1);
    plan_opt.count = 1;
    plan_opt.value = rc == 0 ? pos[0] : NULL;
    if (rc == 0 && !(store = sl_cli_open_store(cli, 0)))
        rc = SL_EXIT_REFUSED;
    if (rc == 0)
        rc = sl_cli_plan(store, &plan_opt, &plan_id);
    sl_rag_rules rules = sl_rag_rules_default();
    sl_error err = {0};
    sl_action_query q = {.plan_id = plan_id, .due_before = SL_NO_DAY};
    if (rc == 0 && sl_store_each_action(store, &q, on_row, &rules, &err) < 0)
        rc = sl_cli_refuse(&err);
    if (rc == 0)
        rc = read_days(cmd, &opts[OPT_AMBER], &rules.amber_days);
    if (rc == 0)
        rc = read_days(cmd, &opts[OPT_CYCLE], &rules.update_cycle_days);
    if (rc == 0 && opts[OPT_SIGNOFF].count) {
        const char *v = opts[OPT_SIGNOFF].value;
        if (strcmp(v, "yes") != 0 && strcmp(v, "no") != 0)
            rc = sl_cli_usage(cmd, "--requires-signoff takes yes or no");
        rules.requires_signoff = strcmp(v, "yes") == 0;
    }
    sl_cli_free_opts(opts, N_OPTS);
    if (rc == 0) {
        if (sl_store_begin(store, &err) < 0 || sl_store_set_rules(store, plan_id, &rules, cli->actor, &err) < 0 ||
            sl_store_commit(store, &err) < 0) {
            sl_store_rollback(store);
            rc = sl_cli_refuse(&err);
        } else {
            printf("plan %lld: amber within %d days, update every %d days, sign-off %s\n",
                   (long long)plan_id, rules.amber_days, rules.update_cycle_days,
                   rules.requires_signoff ? "required" : "not required");
        }
    }
    sl_store_close(store);
    return rc < 0 ? SL_EXIT_OK : rc;
}
