/* cmd_plan_draft.c — `sightline plan draft --inspection ID`: the skeleton of
 * the post-inspection action plan, straight from the report: one theme per
 * recommendation (its text kept), a placeholder action under each for the
 * team to complete (owner, dates and measure left for `lint` to ask for),
 * every action linked to its recommendation, and the submission deadline:
 * 70 working days after publication (20 after a focused visit). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "domain/calendar.h"
#include "domain/governance_calendar.h"
#include "import/import.h"
#include "util/file.h"
#include "util/mem.h"

enum { OPT_INSPECTION, N_OPTS };

typedef struct {
    int64_t want;
    sl_plan *plan;
    sl_day published;
    int found;
} draft;

/* Builds the draft plan from the inspection sought. */
static int on_inspection(void *ctx, int64_t id, const char *code, const sl_inspection *in)
{
    (void)code;
    draft *d = ctx;
    if (id != d->want)
        return 0;
    sl_plan *p = d->plan;
    char start[11] = "undated", title[300];
    if (in->start != SL_NO_DAY)
        sl_day_format(in->start, start);
    snprintf(title, sizeof title, "Post-inspection action plan: %s (inspection of %s)", in->authority, start);
    p->title = sl_strdup(title);
    p->authority = sl_strdup(in->authority);
    p->kind = sl_strdup("post-inspection action plan (draft)");
    p->version_label = sl_strdup("draft");
    snprintf(title, sizeof title, "inspection %lld", (long long)id);
    p->source_file = sl_strdup(title);
    p->rules = sl_rag_rules_default();
    for (size_t i = 0; i < in->n_items; i++) {
        int n = (int)i + 1;
        char ref[16];
        snprintf(ref, sizeof ref, "%d", n);
        sl_plan_recommendation(p, n, in->items[i].text);
        sl_theme *t = sl_plan_add_theme(p, ref, in->items[i].text);
        t->kind = SL_THEME_RECOMMENDATION;
        t->recommendation = n;
        sl_action *a = sl_plan_add_action(p);
        snprintf(ref, sizeof ref, "%d.1", n);
        a->ref = sl_strdup(ref);
        a->theme = (int)p->n_themes - 1;
        a->title = sl_strdup("To be written: the action that answers this recommendation");
        a->description = sl_strdup(in->items[i].framework_outcome ? in->items[i].framework_outcome : "");
        a->start.text = sl_strdup("");
        a->due.text = sl_strdup("");
        a->sro = sl_strdup("");
        a->status = SL_STATUS_NOT_STARTED;
        a->status_text = sl_strdup("Draft");
        a->recommendations = sl_calloc(sizeof *a->recommendations);
        a->recommendations[0] = n;
        a->n_recommendations = 1;
        a->source_line = in->items[i].source_line;
    }
    d->published = in->published != SL_NO_DAY ? in->published : in->end;
    int focused = in->framework && strstr(in->framework, "focused") != NULL;
    if (d->published != SL_NO_DAY) {
        sl_day due = sl_plan_deadline(d->published, focused);
        char day[11];
        sl_day_format(due, day);
        sl_findings_add(&p->findings, SL_LINT_WARNING, "submission-deadline", "", 0,
                        "the final plan is due to Ofsted by %s (%d working days after publication)",
                        day, focused ? 20 : 70);
    }
    d->found = 1;
    return 1;
}

int sl_cmd_plan_draft(const sl_cli *cli, const sl_command *cmd, int argc, char **argv)
{
    sl_opt opts[N_OPTS] = {SL_OPT("--inspection", 1)};
    const char *pos[1] = {0};
    int n_pos;
    int rc = sl_cli_parse(cmd, argc, argv, opts, N_OPTS, pos, 0, 0, &n_pos);
    char *end = NULL;
    long long id = opts[OPT_INSPECTION].count ? strtoll(opts[OPT_INSPECTION].value, &end, 10) : 0;
    if (rc == 0 && (!opts[OPT_INSPECTION].count || *end || id < 1))
        rc = sl_cli_usage(cmd, "--inspection takes an inspection number (see `sightline inspections`)");
    sl_cli_free_opts(opts, N_OPTS);
    if (rc)
        return rc < 0 ? SL_EXIT_OK : rc;
    sl_store *store = sl_cli_open_store(cli, 0);
    if (!store)
        return SL_EXIT_REFUSED;
    sl_plan plan = {0};
    draft d = {.want = id, .plan = &plan, .published = SL_NO_DAY};
    sl_error err = {0};
    rc = sl_store_each_inspection(store, on_inspection, &d, &err) < 0 ? -1 : 0;
    if (rc == 0 && !d.found)
        rc = sl_fail(&err, "no inspection %lld (see `sightline inspections`)", id);
    if (rc == 0 && plan.n_actions == 0)
        rc = sl_fail(&err, "inspection %lld has no recommendations to draft a plan from", id);
    if (rc == 0) {
        sl_sha256_hex(plan.title, strlen(plan.title), plan.source_sha256);
        int64_t plan_id;
        if (sl_store_begin(store, &err) < 0 ||
            sl_store_save_plan(store, &plan, sl_today(), cli->actor, &plan_id, &err) < 0 ||
            sl_store_commit(store, &err) < 0) {
            sl_store_rollback(store);
            rc = -1;
        } else {
            printf("drafted plan %lld: '%s', %zu recommendations, a placeholder action under each\n",
                   (long long)plan_id, plan.title, plan.n_actions);
            if (plan.findings.n)
                printf("%s\n", plan.findings.items[0].message);
            printf("`sightline lint --plan %lld` lists what the draft still lacks\n", (long long)plan_id);
        }
    }
    sl_plan_free(&plan);
    sl_store_close(store);
    return rc < 0 ? sl_cli_refuse(&err) : SL_EXIT_OK;
}
