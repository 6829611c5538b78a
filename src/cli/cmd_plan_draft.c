/* cmd_plan_draft.c — `sightline plan draft --inspection ID`: the skeleton of
 * the post-inspection action plan, straight from the report: one theme per
 * recommendation (its text kept), a placeholder action under each for the
 * team to complete (owner, dates and measure left for `lint` to ask for),
 * every action linked to its recommendation, and the submission deadline:
 * 70 working days after publication (20 after a focused visit). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/run.h"
#include "domain/calendar.h"
#include "domain/governance_calendar.h"
#include "import/import.h"
#include "util/buf.h"
#include "util/file.h"
#include "util/mem.h"

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
    char start[11] = "undated";
    if (in->start != SL_NO_DAY)
        sl_day_format(in->start, start);
    sl_buf text = SL_BUF_INIT;
    sl_buf_printf(&text, "Post-inspection action plan: %s (inspection of %s)", in->authority, start);
    p->title = sl_buf_take(&text);
    p->authority = sl_strdup(in->authority);
    p->kind = sl_strdup("post-inspection action plan (draft)");
    p->version_label = sl_strdup("draft");
    sl_buf_printf(&text, "inspection %lld", (long long)id);
    p->source_file = sl_buf_take(&text);
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

/* Reads --inspection into the run's number (run->ctx) before the store is
 * opened; returns 0 or SL_EXIT_USAGE. */
static int read_inspection(sl_run *run)
{
    const sl_opt *o = sl_run_opt(run, "--inspection");
    long long *id = run->ctx;
    char *end = NULL;
    *id = o->count ? strtoll(o->value, &end, 10) : 0;
    if (!o->count || *end || *id < 1)
        return sl_cli_usage(run->cmd, "--inspection takes an inspection number (see `sightline inspections`)");
    return 0;
}

/* Stores the drafted plan in one transaction and says what it holds. */
static int save_draft(sl_run *run, sl_plan *plan)
{
    sl_sha256_hex(plan->title, strlen(plan->title), plan->source_sha256);
    int64_t plan_id;
    if (sl_store_begin(run->store, &run->err) < 0 ||
        sl_store_save_plan(run->store, plan, sl_today(), run->cli->actor, &plan_id, &run->err) < 0 ||
        sl_store_commit(run->store, &run->err) < 0) {
        sl_store_rollback(run->store);
        return -1;
    }
    sl_buf_printf(&run->out, "drafted plan %lld: '%s', %zu recommendations, a placeholder action under each\n",
                  (long long)plan_id, plan->title, plan->n_actions);
    if (plan->findings.n)
        sl_buf_printf(&run->out, "%s\n", plan->findings.items[0].message);
    sl_buf_printf(&run->out, "`sightline lint --plan %lld` lists what the draft still lacks\n", (long long)plan_id);
    return 0;
}

/* Drafts the plan from the inspection --inspection names. */
static int draft_body(sl_run *run)
{
    long long id = *(long long *)run->ctx;
    sl_plan plan = {0};
    draft d = {.want = id, .plan = &plan, .published = SL_NO_DAY};
    int rc = sl_store_each_inspection(run->store, on_inspection, &d, &run->err) < 0 ? -1 : 0;
    if (rc == 0 && !d.found)
        rc = sl_fail(&run->err, "no inspection %lld (see `sightline inspections`)", id);
    if (rc == 0 && plan.n_actions == 0)
        rc = sl_fail(&run->err, "inspection %lld has no recommendations to draft a plan from", id);
    if (rc == 0)
        rc = save_draft(run, &plan);
    sl_plan_free(&plan);
    return rc;
}

int sl_cmd_plan_draft(const sl_cli *cli, const sl_command *cmd, int argc, char **argv)
{
    sl_opt opts[] = {SL_OPT("--inspection", 1)};
    static const sl_run_spec spec = {.store = SL_RUN_STORE, .check = read_inspection, .body = draft_body};
    long long id = 0;
    return SL_CLI_RUN(cli, cmd, argc, argv, opts, &spec, &id);
}
