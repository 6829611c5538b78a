/* cmd_risk.c — `sightline risk add|update|list` and `sightline risks`: the
 * risk log (likelihood × impact on a 5×5 heat map, target score, trend,
 * mitigations, linked plan actions) and its reviews. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli/governance.h"
#include "util/mem.h"

enum { OPT_TITLE, OPT_LIKELIHOOD, OPT_IMPACT, OPT_OWNER, OPT_CAUSE, OPT_EFFECT, OPT_TARGET, OPT_MITIGATION,
       OPT_ACTION, OPT_PLAN, OPT_REVIEW, OPT_REF, OPT_TREND, OPT_NOTE, OPT_JSON, N_OPTS };

/* Returns the value of option o given, or "" when not given. */
static const char *or_empty(const sl_opt *o)
{
    return o->count ? o->value : "";
}

/* Reads a whole-number option into *out when given; returns 0 or SL_EXIT_USAGE. */
static int read_int(const sl_command *cmd, const sl_opt *o, int *out)
{
    if (!o->count)
        return 0;
    char *end;
    long v = strtol(o->value, &end, 10);
    if (*end || end == o->value || v < -1000 || v > 1000)
        return sl_cli_usage(cmd, "%s takes a whole number", o->name);
    *out = (int)v;
    return 0;
}

/* Resolves every --action REF (within --plan) into the risk's action ids. */
static int read_actions(sl_store *store, sl_opt *o, sl_risk *r)
{
    int64_t plan_id = 0;
    int rc = sl_cli_plan(store, &o[OPT_PLAN], &plan_id);
    for (int i = 0; rc == 0 && i < o[OPT_ACTION].count; i++) {
        int64_t id = 0;
        rc = sl_cli_find_action(store, plan_id, o[OPT_ACTION].values[i], &id);
        if (rc == 0) {
            r->action_ids = sl_realloc(r->action_ids, (r->n_actions + 1) * sizeof *r->action_ids);
            r->action_ids[r->n_actions++] = id;
        }
    }
    return rc;
}

/* Refuses a likelihood, impact or target score out of range (exit 1). */
static int check_scores(int likelihood, int impact, int target)
{
    char why[96];
    if (sl_risk_check(likelihood, impact, target, why, sizeof why) == 0)
        return 0;
    sl_error err = {0};
    sl_fail(&err, "%s", why);
    return sl_cli_refuse(&err);
}

/* Checks `risk add`'s options into the risk (run->ctx) before the store is
 * opened; returns 0 or an exit status after saying why. */
static int check_add(sl_run *run)
{
    const sl_command *cmd = run->cmd;
    sl_opt *o = run->opts;
    sl_risk *r = run->ctx;
    if (!o[OPT_TITLE].count || !o[OPT_LIKELIHOOD].count || !o[OPT_IMPACT].count)
        return sl_cli_usage(cmd, "risk add needs --title, --likelihood 1-5 and --impact 1-5");
    int rc = read_int(cmd, &o[OPT_LIKELIHOOD], &r->likelihood);
    if (rc == 0)
        rc = read_int(cmd, &o[OPT_IMPACT], &r->impact);
    if (rc == 0)
        rc = read_int(cmd, &o[OPT_TARGET], &r->target_score);
    if (rc == 0)
        rc = check_scores(r->likelihood, r->impact, r->target_score);
    if (rc == 0 && o[OPT_REVIEW].count)
        rc = sl_cli_day("--review", o[OPT_REVIEW].value, &r->review);
    return rc;
}

/* `risk add --title T --likelihood L --impact I …`: check_add read the scores. */
static int risk_add(sl_run *run)
{
    sl_opt *o = run->opts;
    sl_risk *r = run->ctx;
    r->ref = o[OPT_REF].count ? sl_strdup(o[OPT_REF].value) : NULL;
    r->title = sl_strdup(o[OPT_TITLE].value);
    r->owner = sl_strdup(or_empty(&o[OPT_OWNER]));
    r->cause = sl_strdup(or_empty(&o[OPT_CAUSE]));
    r->effect = sl_strdup(or_empty(&o[OPT_EFFECT]));
    sl_buf mitigations = SL_BUF_INIT;
    for (int i = 0; i < o[OPT_MITIGATION].count; i++)
        sl_buf_printf(&mitigations, "%s%s", i ? "\n" : "", o[OPT_MITIGATION].values[i]);
    r->mitigations = mitigations.len ? sl_buf_take(&mitigations) : sl_strdup("");
    sl_buf_free(&mitigations);
    int rc = read_actions(run->store, o, r);
    if (rc)
        return rc;
    char *ref = NULL;
    if (sl_run_begin(run) < 0 || sl_run_end(run, sl_store_risk_add(run->store, r, run->cli->actor, &ref, &run->err) < 0) < 0)
        return -1;
    int score = sl_risk_score(r->likelihood, r->impact);
    sl_buf_printf(&run->out, "added risk %s: %s (score %d, %s)\n", ref, r->title, score,
                  sl_risk_band_name(sl_risk_band_of(score)));
    free(ref);
    return 0;
}

/* Finds risk ref in the stored log: returns its index in list, or -1. */
static int find_ref(const sl_risk *list, int n, const char *ref)
{
    for (int i = 0; i < n; i++)
        if (strcasecmp(list[i].ref, ref) == 0)
            return i;
    return -1;
}

/* Reads the review of the risk at (its scores the default) from the options;
 * returns 0 or an exit status after saying why. */
static int read_review(sl_run *run, const sl_risk *at, sl_risk_review *rv)
{
    const sl_command *cmd = run->cmd;
    sl_opt *o = run->opts;
    rv->likelihood = at->likelihood;
    rv->impact = at->impact;
    int rc = read_int(cmd, &o[OPT_LIKELIHOOD], &rv->likelihood);
    if (rc == 0)
        rc = read_int(cmd, &o[OPT_IMPACT], &rv->impact);
    if (rc == 0 && o[OPT_TREND].count && sl_risk_trend_parse(o[OPT_TREND].value, &rv->trend) < 0)
        rc = sl_cli_usage(cmd, "--trend is up, down or steady");
    if (rc == 0)
        rc = check_scores(rv->likelihood, rv->impact, 0);
    if (rc == 0 && o[OPT_REVIEW].count)
        rc = sl_cli_day("--review", o[OPT_REVIEW].value, &rv->next_review);
    return rc;
}

/* `risk update REF [--likelihood L] [--impact I] [--trend T] [--note T] [--review D]`. */
static int risk_update(sl_run *run)
{
    const char *ref = run->pos[1];
    sl_risk *list = NULL;
    int n = sl_store_risks(run->store, &list, &run->err), at = n < 0 ? -1 : find_ref(list, n, ref);
    int rc = n < 0 ? -1 : 0;
    if (rc == 0 && at < 0)
        rc = sl_fail(&run->err, "no risk %s (see `sightline risks`)", ref);
    sl_risk_review rv = {0, 0, SL_RISK_TREND_NEW, run->opts[OPT_NOTE].value, SL_NO_DAY};
    if (rc == 0)
        rc = read_review(run, &list[at], &rv);
    if (rc == 0 && (sl_run_begin(run) < 0 ||
                    sl_run_end(run, sl_store_risk_review(run->store, ref, &rv, run->cli->actor, &run->err) < 0) < 0))
        rc = -1;
    if (rc == 0)
        sl_buf_printf(&run->out, "reviewed risk %s: score %d\n", ref, sl_risk_score(rv.likelihood, rv.impact));
    sl_risks_free(list, n > 0 ? (size_t)n : 0);
    return rc;
}

/* Appends a risk as JSON. */
static void risk_json(sl_buf *b, const sl_risk *r)
{
    int score = sl_risk_score(r->likelihood, r->impact);
    char day[11];
    sl_buf_puts(b, "{\"ref\":");
    sl_buf_json_str(b, r->ref);
    const char *keys[] = {"title", "cause", "effect", "owner", "mitigations"};
    const char *vals[] = {r->title, r->cause, r->effect, r->owner, r->mitigations};
    for (int i = 0; i < 5; i++) {
        sl_buf_printf(b, ",\"%s\":", keys[i]);
        sl_buf_json_str(b, vals[i]);
    }
    sl_buf_printf(b, ",\"likelihood\":%d,\"impact\":%d,\"score\":%d,\"band\":\"%s\",\"target_score\":",
                  r->likelihood, r->impact, score, sl_risk_band_name(sl_risk_band_of(score)));
    if (r->target_score > 0)
        sl_buf_printf(b, "%d", r->target_score);
    else
        sl_buf_puts(b, "null");
    sl_buf_printf(b, ",\"trend\":\"%s\",\"actions\":[", sl_risk_trend_name(r->trend));
    for (size_t i = 0; i < r->n_actions; i++)
        sl_buf_printf(b, "%s%lld", i ? "," : "", (long long)r->action_ids[i]);
    sl_day_format(r->review, day);
    sl_buf_puts(b, "],\"review\":");
    sl_buf_json_str(b, r->review != SL_NO_DAY ? day : NULL);
    sl_buf_putc(b, '}');
}

/* `risks` / `risk list [--json]`. */
static int risk_list(sl_run *run)
{
    sl_risk *list = NULL;
    int n = sl_store_risks(run->store, &list, &run->err);
    if (n < 0)
        return -1;
    int json = sl_run_flag(run, "--json");
    sl_run_list_open(run, json);
    for (int i = 0; i < n; i++) {
        int score = sl_risk_score(list[i].likelihood, list[i].impact);
        sl_run_list_item(run, json, i);
        if (json)
            risk_json(&run->out, &list[i]);
        else
            sl_buf_printf(&run->out, "%-5s L%d x I%d = %2d %-9s %-6s %s%s%s\n", list[i].ref, list[i].likelihood,
                          list[i].impact, score, sl_risk_band_name(sl_risk_band_of(score)),
                          sl_risk_trend_name(list[i].trend), list[i].title, *list[i].owner ? " — " : "",
                          list[i].owner);
    }
    sl_run_list_close(run, json, n);
    sl_risks_free(list, (size_t)n);
    return 0;
}

/* `risk history REF [--json]`: every review, oldest first. */
static int risk_history(sl_run *run)
{
    const char *ref = run->pos[1];
    sl_risk_history *list = NULL;
    int n = sl_store_risk_history(run->store, ref, &list, &run->err);
    if (n == 0)
        sl_fail(&run->err, "no risk %s (see `sightline risks`)", ref);
    int json = sl_run_history_open(run, n);
    if (json < 0)
        return -1;
    sl_buf *out = &run->out;
    for (int i = 0; i < n; i++) {
        const sl_risk_history *h = &list[i];
        int score = sl_risk_score(h->likelihood, h->impact);
        if (!json) {
            sl_buf_printf(out, "%s  L%d x I%d = %2d %-6s %s%s%s\n", h->recorded_at, h->likelihood, h->impact,
                          score, sl_risk_trend_name(h->trend), h->author, *h->note ? ": " : "", h->note);
            continue;
        }
        sl_cli_history_json_head(out, i, h->recorded_at, h->author);
        sl_buf_printf(out, ",\"likelihood\":%d,\"impact\":%d,\"score\":%d,\"trend\":\"%s\",\"note\":",
                      h->likelihood, h->impact, score, sl_risk_trend_name(h->trend));
        sl_buf_json_str(out, h->note);
        sl_buf_putc(out, '}');
    }
    sl_run_list_close(run, json, n);
    sl_risk_history_free(list, (size_t)n);
    return 0;
}

int sl_cmd_risk(const sl_cli *cli, const sl_command *cmd, int argc, char **argv)
{
    sl_opt opts[N_OPTS] = {
        SL_OPT("--title", 1),      SL_OPT("--likelihood", 1), SL_OPT("--impact", 1), SL_OPT("--owner", 1),
        SL_OPT("--cause", 1),      SL_OPT("--effect", 1),     SL_OPT("--target-score", 1),
        SL_OPT("--mitigation", 1), SL_OPT("--action", 1),     SL_OPT("--plan", 1),   SL_OPT("--review", 1),
        SL_OPT("--ref", 1),        SL_OPT("--trend", 1),      SL_OPT("--note", 1),   SL_OPT("--json", 0)};
    static const sl_run_sub subs[] = {{NULL, 0, NULL, risk_list},           {"list", 1, NULL, risk_list},
                                      {"add", 1, check_add, risk_add},       {"history", 2, NULL, risk_history},
                                      {"update", 2, NULL, risk_update},      {0}};
    static const char usage[] = "try: risk add --title T --likelihood L --impact I, risk update REF, risk list";
    static const sl_run_spec risk = {.min_pos = 1, .max_pos = 2, .store = SL_RUN_STORE, .own_as_of_plan = 1,
                                     .subs = subs, .sub_usage = usage};
    static const sl_run_spec risks = {.store = SL_RUN_STORE, .own_as_of_plan = 1, .subs = subs, .sub_usage = usage};
    sl_risk r = sl_risk_empty();
    int rc = SL_CLI_RUN(cli, cmd, argc, argv, opts, strcmp(cmd->name, "risks") == 0 ? &risks : &risk, &r);
    sl_risk_free(&r);
    return rc;
}
