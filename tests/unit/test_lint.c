/* test_lint.c — each lint rule against a small plan built in memory. */
#include <string.h>

#include "check.h"
#include "domain/lint.h"
#include "util/mem.h"

/* Adds an action with the given ref, dates, SRO and measure. */
static void add(sl_plan *p, const char *ref, const char *start, const char *due, const char *sro,
                const char *measure, int rec)
{
    sl_action *a = sl_plan_add_action(p);
    a->ref = sl_strdup(ref);
    a->title = sl_strdup("An action");
    a->start.text = sl_strdup(start);
    a->start.parse = sl_date_parse(start, strlen(start), 2017, &a->start.value, NULL, 0);
    a->due.text = sl_strdup(due);
    a->due.parse = sl_date_parse(due, strlen(due), 2017, &a->due.value, NULL, 0);
    a->sro = sl_strdup(sro);
    a->measure = sl_strdup(measure);
    a->source_line = (long)p->n_actions;
    if (rec) {
        a->recommendations = sl_calloc(sizeof(int));
        a->recommendations[0] = rec;
        a->n_recommendations = 1;
    }
}

/* Counts findings with this code and ref. */
static int count(const sl_findings *f, const char *code, const char *ref)
{
    int n = 0;
    for (size_t i = 0; i < f->n; i++)
        n += strcmp(f->items[i].code, code) == 0 && (!ref || strcmp(f->items[i].ref, ref) == 0);
    return n;
}

void test_lint(void)
{
    sl_plan p = {0};
    add(&p, "1.1", "Jul 17", "Oct 17", "SM", "Measure", 1);
    add(&p, "1.2", "18 Sept 17", "31 Jan 18", "BP", "Measure", 1);
    add(&p, "1.14", "Aug 17", "Jul 17", "JN", "Measure", 0);     /* ends before it starts; gap */
    add(&p, "2.1", "Jul 17", "Ongoing", "", "", 0);               /* vague, no lead, no measure */
    add(&p, "2.1", "Jul 17", "31/09/21", "BP", "Measure", 0);     /* duplicate, impossible date */
    add(&p, "2.2", "", "", "BP", "Measure", 0);                    /* no due date */
    sl_plan_recommendation(&p, 1, "Answered");
    sl_plan_recommendation(&p, 2, "Nobody answers this");
    sl_findings f = {0};
    sl_lint_plan(&p, &f);
    CHECK(count(&f, "due-before-start", "1.14") == 1, "1.14 ends before it starts");
    CHECK(count(&f, "due-before-start", NULL) == 1, "only 1.14 ends before it starts");
    CHECK(count(&f, "ref-gap", "1.14") == 1, "1.2 → 1.14 is a gap");
    CHECK(count(&f, "ref-gap", NULL) == 1, "2.1 → 2.1 → 2.2 is no gap");
    CHECK(count(&f, "vague-timescale", "2.1") == 1, "'Ongoing' is vague");
    CHECK(count(&f, "missing-lead", "2.1") == 1, "2.1 has no lead");
    CHECK(count(&f, "missing-measure", NULL) == 1, "one action lacks a measure");
    CHECK(count(&f, "duplicate-ref", "2.1") == 1, "2.1 is used twice");
    CHECK(count(&f, "invalid-date", "2.1") == 1, "31/09/21 is impossible");
    CHECK(count(&f, "missing-due", "2.2") == 1, "2.2 has no due date");
    CHECK(count(&f, "recommendation-without-action", "R2") == 1, "recommendation 2 is unanswered");
    CHECK(count(&f, "recommendation-without-action", "R1") == 0, "recommendation 1 is answered");
    for (size_t i = 0; i < f.n; i++)
        if (strcmp(f.items[i].code, "duplicate-ref") == 0)
            CHECK(f.items[i].severity == SL_LINT_ERROR && f.items[i].line == 5,
                  "a duplicate is an error on its own line");
    sl_findings_free(&f);
    sl_plan_free(&p);
}
