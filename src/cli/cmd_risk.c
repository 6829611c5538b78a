/* cmd_risk.c — `sightline risk add|update|list` and `sightline risks`: the
 * risk log (likelihood × impact on a 5×5 heat map, target score, trend,
 * mitigations, linked plan actions) and its reviews. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli/cli.h"
#include "util/mem.h"

enum { OPT_TITLE, OPT_LIKELIHOOD, OPT_IMPACT, OPT_OWNER, OPT_CAUSE, OPT_EFFECT, OPT_TARGET, OPT_MITIGATION,
       OPT_ACTION, OPT_PLAN, OPT_REVIEW, OPT_REF, OPT_TREND, OPT_NOTE, OPT_JSON, N_OPTS };

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

/* `risk add --title T --likelihood L --impact I …`. */
static int risk_add(const sl_cli *cli, const sl_command *cmd, sl_opt *o)
{
    if (!o[OPT_TITLE].count || !o[OPT_LIKELIHOOD].count || !o[OPT_IMPACT].count)
        return sl_cli_usage(cmd, "risk add needs --title, --likelihood 1-5 and --impact 1-5");
    sl_risk r = sl_risk_empty();
    int rc = read_int(cmd, &o[OPT_LIKELIHOOD], &r.likelihood);
    if (rc == 0)
        rc = read_int(cmd, &o[OPT_IMPACT], &r.impact);
    if (rc == 0)
        rc = read_int(cmd, &o[OPT_TARGET], &r.target_score);
    if (rc == 0)
        rc = check_scores(r.likelihood, r.impact, r.target_score);
    if (rc == 0 && o[OPT_REVIEW].count)
        rc = sl_cli_day("--review", o[OPT_REVIEW].value, &r.review);
    sl_store *store = rc ? NULL : sl_cli_open_store(cli, 0);
    if (rc || !store)
        return rc ? rc : SL_EXIT_REFUSED;
    r.ref = o[OPT_REF].count ? sl_strdup(o[OPT_REF].value) : NULL;
    r.title = sl_strdup(o[OPT_TITLE].value);
    r.owner = sl_strdup(o[OPT_OWNER].count ? o[OPT_OWNER].value : "");
    r.cause = sl_strdup(o[OPT_CAUSE].count ? o[OPT_CAUSE].value : "");
    r.effect = sl_strdup(o[OPT_EFFECT].count ? o[OPT_EFFECT].value : "");
    sl_buf mitigations = SL_BUF_INIT;
    for (int i = 0; i < o[OPT_MITIGATION].count; i++)
        sl_buf_printf(&mitigations, "%s%s", i ? "\n" : "", o[OPT_MITIGATION].values[i]);
    r.mitigations = mitigations.len ? sl_buf_take(&mitigations) : sl_strdup("");
    sl_buf_free(&mitigations);
    rc = read_actions(store, o, &r);
    sl_error err = {0};
    char *ref = NULL;
    if (rc == 0 && sl_store_begin(store, &err) < 0)
        rc = sl_cli_refuse(&err);
    else if (rc == 0)
        rc = sl_cli_finish_write(store, sl_store_risk_add(store, &r, cli->actor, &ref, &err) < 0, &err);
    if (rc == 0)
        printf("added risk %s: %s (score %d, %s)\n", ref, r.title, sl_risk_score(r.likelihood, r.impact),
               sl_risk_band_name(sl_risk_band_of(sl_risk_score(r.likelihood, r.impact))));
    free(ref);
    sl_risk_free(&r);
    sl_store_close(store);
    return rc;
}

/* Finds risk ref in the stored log: returns its index in list, or -1. */
static int find_ref(const sl_risk *list, int n, const char *ref)
{
    for (int i = 0; i < n; i++)
        if (strcasecmp(list[i].ref, ref) == 0)
            return i;
    return -1;
}

/* `risk update REF [--likelihood L] [--impact I] [--trend T] [--note T] [--review D]`. */
static int risk_update(const sl_cli *cli, const sl_command *cmd, sl_opt *o, const char *ref)
{
    sl_store *store = sl_cli_open_store(cli, 0);
    if (!store)
        return SL_EXIT_REFUSED;
    sl_error err = {0};
    sl_risk *list = NULL;
    int n = sl_store_risks(store, &list, &err), at = n < 0 ? -1 : find_ref(list, n, ref);
    int rc = n < 0 ? sl_cli_refuse(&err) : 0;
    if (rc == 0 && at < 0) {
        sl_fail(&err, "no risk %s (see `sightline risks`)", ref);
        rc = sl_cli_refuse(&err);
    }
    sl_risk_review rv = {0, 0, SL_RISK_TREND_NEW, o[OPT_NOTE].value, SL_NO_DAY};
    if (rc == 0) {
        rv.likelihood = list[at].likelihood;
        rv.impact = list[at].impact;
        rc = read_int(cmd, &o[OPT_LIKELIHOOD], &rv.likelihood);
    }
    if (rc == 0)
        rc = read_int(cmd, &o[OPT_IMPACT], &rv.impact);
    if (rc == 0 && o[OPT_TREND].count && sl_risk_trend_parse(o[OPT_TREND].value, &rv.trend) < 0)
        rc = sl_cli_usage(cmd, "--trend is up, down or steady");
    if (rc == 0)
        rc = check_scores(rv.likelihood, rv.impact, 0);
    if (rc == 0 && o[OPT_REVIEW].count)
        rc = sl_cli_day("--review", o[OPT_REVIEW].value, &rv.next_review);
    if (rc == 0 && sl_store_begin(store, &err) < 0)
        rc = sl_cli_refuse(&err);
    else if (rc == 0)
        rc = sl_cli_finish_write(store, sl_store_risk_review(store, ref, &rv, cli->actor, &err) < 0, &err);
    if (rc == 0)
        printf("reviewed risk %s: score %d\n", ref, sl_risk_score(rv.likelihood, rv.impact));
    sl_risks_free(list, n > 0 ? (size_t)n : 0);
    sl_store_close(store);
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
static int risk_list(const sl_cli *cli, int json)
{
    sl_store *store = sl_cli_open_store(cli, 0);
    if (!store)
        return SL_EXIT_REFUSED;
    sl_error err = {0};
    sl_risk *list = NULL;
    int n = sl_store_risks(store, &list, &err);
    sl_store_close(store);
    if (n < 0)
        return sl_cli_refuse(&err);
    sl_buf out = SL_BUF_INIT;
    sl_buf_puts(&out, json ? "[" : "");
    for (int i = 0; i < n; i++) {
        int score = sl_risk_score(list[i].likelihood, list[i].impact);
        if (json) {
            sl_buf_puts(&out, i ? ",\n" : "\n");
            risk_json(&out, &list[i]);
        } else {
            sl_buf_printf(&out, "%-5s L%d x I%d = %2d %-9s %-6s %s%s%s\n", list[i].ref, list[i].likelihood,
                          list[i].impact, score, sl_risk_band_name(sl_risk_band_of(score)),
                          sl_risk_trend_name(list[i].trend), list[i].title, *list[i].owner ? " — " : "",
                          list[i].owner);
        }
    }
    sl_buf_puts(&out, json ? (n ? "\n]\n" : "]\n") : "");
    int rc = sl_cli_output(&out, NULL);
    sl_buf_free(&out);
    sl_risks_free(list, (size_t)n);
    return rc;
}

/* `risk history REF [--json]`: every review, oldest first. */
static int risk_history(const sl_cli *cli, sl_opt *o, const char *ref)
{
    sl_store *store = sl_cli_open_store(cli, 0);
    if (!store)
        return SL_EXIT_REFUSED;
    sl_error err = {0};
    sl_risk_history *list = NULL;
    int n = sl_store_risk_history(store, ref, &list, &err);
    sl_store_close(store);
    if (n == 0)
        sl_fail(&err, "no risk %s (see `sightline risks`)", ref);
    if (n <= 0)
        return sl_cli_refuse(&err);
    int json = o[OPT_JSON].count > 0;
    sl_buf out = SL_BUF_INIT;
    sl_buf_puts(&out, json ? "[" : "");
    for (int i = 0; i < n; i++) {
        const sl_risk_history *h = &list[i];
        int score = sl_risk_score(h->likelihood, h->impact);
        if (!json) {
            sl_buf_printf(&out, "%s  L%d x I%d = %2d %-6s %s%s%s\n", h->recorded_at, h->likelihood, h->impact,
                          score, sl_risk_trend_name(h->trend), h->author, *h->note ? ": " : "", h->note);
            continue;
        }
        sl_buf_puts(&out, i ? ",\n{\"recorded_at\":" : "\n{\"recorded_at\":");
        sl_buf_json_str(&out, h->recorded_at);
        sl_buf_puts(&out, ",\"author\":");
        sl_buf_json_str(&out, h->author);
        sl_buf_printf(&out, ",\"likelihood\":%d,\"impact\":%d,\"score\":%d,\"trend\":\"%s\",\"note\":",
                      h->likelihood, h->impact, score, sl_risk_trend_name(h->trend));
        sl_buf_json_str(&out, h->note);
        sl_buf_putc(&out, '}');
    }
    sl_buf_puts(&out, json ? "\n]\n" : "");
    int rc = sl_cli_output(&out, NULL);
    sl_buf_free(&out);
    sl_risk_history_free(list, (size_t)n);
    return rc;
}

int sl_cmd_risk(const sl_cli *cli, const sl_command *cmd, int argc, char **argv)
{
    sl_opt o[N_OPTS] = {
        SL_OPT("--title", 1),      SL_OPT("--likelihood", 1), SL_OPT("--impact", 1), SL_OPT("--owner", 1),
        SL_OPT("--cause", 1),      SL_OPT("--effect", 1),     SL_OPT("--target-score", 1),
        SL_OPT("--mitigation", 1), SL_OPT("--action", 1),     SL_OPT("--plan", 1),   SL_OPT("--review", 1),
        SL_OPT("--ref", 1),        SL_OPT("--trend", 1),      SL_OPT("--note", 1),   SL_OPT("--json", 0)};
    const char *pos[2] = {0};
    int n_pos;
    int listing = strcmp(cmd->name, "risks") == 0;
    int rc = sl_cli_parse(cmd, argc, argv, o, N_OPTS, pos, listing ? 0 : 1, listing ? 0 : 2, &n_pos);
    if (rc == 0 && (listing || (n_pos == 1 && strcmp(pos[0], "list") == 0)))
        rc = risk_list(cli, o[OPT_JSON].count > 0);
    else if (rc == 0 && n_pos == 1 && strcmp(pos[0], "add") == 0)
        rc = risk_add(cli, cmd, o);
    else if (rc == 0 && n_pos == 2 && strcmp(pos[0], "history") == 0)
        rc = risk_history(cli, o, pos[1]);
    else if (rc == 0 && n_pos == 2 && strcmp(pos[0], "update") == 0)
        rc = risk_update(cli, cmd, o, pos[1]);
    else if (rc == 0)
        rc = sl_cli_usage(cmd, "try: risk add --title T --likelihood L --impact I, risk update REF, risk list");
    sl_cli_free_opts(o, N_OPTS);
    return rc < 0 ? SL_EXIT_OK : rc;
}
