/* lint.c — the data-quality rules a programme manager checks by eye today. */
#include "domain/lint.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/mem.h"
#include "util/strmap.h"

/* Checks one date cell: impossible, unreadable, or a timescale word. */
static void lint_date(const sl_action *a, const sl_written_date *d, const char *which,
                      sl_findings *out)
{
    if (d->parse == SL_DATE_INVALID)
        sl_findings_add(out, SL_LINT_ERROR, "invalid-date", a->ref, a->source_line,
                        "%s date '%s' is not a real date", which, d->text);
    else if (d->parse == SL_DATE_UNREADABLE)
        sl_findings_add(out, SL_LINT_WARNING, "unreadable-date", a->ref, a->source_line,
                        "%s date '%s' is not a date sightline can read", which, d->text);
    else if (strcmp(which, "due") == 0 && d->parse == SL_DATE_OK && d->value.latest == SL_NO_DAY)
        sl_findings_add(out, SL_LINT_WARNING, "vague-timescale", a->ref, a->source_line,
                        "due '%s' gives no date to hold the action to", d->text);
}

/* Checks the fields of one action. */
static void lint_action(const sl_action *a, sl_findings *out)
{
    lint_date(a, &a->start, "start", out);
    lint_date(a, &a->due, "due", out);
    if (a->due.parse == SL_DATE_EMPTY)
        sl_findings_add(out, SL_LINT_WARNING, "missing-due", a->ref, a->source_line,
                        "no due date");
    sl_day start = a->start.parse == SL_DATE_OK ? a->start.value.earliest : SL_NO_DAY;
    sl_day due = a->due.parse == SL_DATE_OK ? a->due.value.latest : SL_NO_DAY;
    if (start != SL_NO_DAY && due != SL_NO_DAY && due < start)
        sl_findings_add(out, SL_LINT_ERROR, "due-before-start", a->ref, a->source_line,
                        "due '%s' is before start '%s'", a->due.text, a->start.text);
    if ((!a->sro || !*a->sro) && a->n_leads == 0)
        sl_findings_add(out, SL_LINT_WARNING, "missing-lead", a->ref, a->source_line,
                        "no SRO or lead owns this action");
    if (!a->measure || !*a->measure)
        sl_findings_add(out, SL_LINT_WARNING, "missing-measure", a->ref, a->source_line,
                        "no success measure: how will the board know it worked?");
}

/* Splits "2.15" into 2 and 15; returns 1 when the ref has that shape. */
static int ref_parts(const char *ref, long *major, long *minor)
{
    char *end;
    if (!isdigit((unsigned char)*ref))
        return 0;
    *major = strtol(ref, &end, 10);
    if (*end != '.' || !isdigit((unsigned char)end[1]))
        return 0;
    *minor = strtol(end + 1, &end, 10);
    return *end == '\0';
}

/* Finds refs written twice and gaps in numbering (2.9 then 2.12). */
static void lint_refs(const sl_plan *p, sl_findings *out)
{
    sl_strmap seen = {0};
    for (size_t i = 0; i < p->n_actions; i++) {
        const sl_action *a = &p->actions[i];
        int64_t first;
        if (sl_strmap_get(&seen, a->ref, &first))
            sl_findings_add(out, SL_LINT_ERROR, "duplicate-ref", a->ref, a->source_line,
                            "ref %s is also used by the action on line %ld", a->ref,
                            p->actions[first].source_line);
        else
            sl_strmap_put(&seen, a->ref, (int64_t)i);
        long major, minor, prev_major, prev_minor;
        if (i > 0 && ref_parts(a->ref, &major, &minor) &&
            ref_parts(p->actions[i - 1].ref, &prev_major, &prev_minor) && major == prev_major &&
            minor > prev_minor + 1)
            sl_findings_add(out, SL_LINT_WARNING, "ref-gap", a->ref, a->source_line,
                            "numbering jumps from %s to %s", p->actions[i - 1].ref, a->ref);
    }
    sl_strmap_free(&seen);
}

/* Finds recommendations that no action answers. */
static void lint_recommendations(const sl_plan *p, sl_findings *out)
{
    for (size_t r = 0; r < p->n_recommendations; r++) {
        int answered = 0;
        for (size_t i = 0; i < p->n_actions && !answered; i++)
            for (size_t k = 0; k < p->actions[i].n_recommendations; k++)
                answered |= p->actions[i].recommendations[k] == p->recommendations[r].number;
        if (!answered) {
            char ref[24];
            snprintf(ref, sizeof ref, "R%d", p->recommendations[r].number);
            sl_findings_add(out, SL_LINT_WARNING, "recommendation-without-action", ref, 0,
                            "recommendation %d has no action answering it",
                            p->recommendations[r].number);
        }
    }
}

/* Returns 1 when the importer already reported this finding (same code, ref and line). */
static int reported_on_import(const sl_plan *p, const sl_finding *f)
{
    for (size_t i = 0; i < p->findings.n; i++) {
        const sl_finding *g = &p->findings.items[i];
        if (strcmp(g->code, f->code) == 0 && strcmp(g->ref, f->ref) == 0 && g->line == f->line)
            return 1;
    }
    return 0;
}

void sl_lint_plan(const sl_plan *p, sl_findings *out)
{
    for (size_t i = 0; i < p->findings.n; i++) {
        const sl_finding *f = &p->findings.items[i];
        sl_findings_add(out, f->severity, f->code, f->ref, f->line, "%s", f->message);
    }
    sl_findings mine = {0};
    for (size_t i = 0; i < p->n_actions; i++)
        lint_action(&p->actions[i], &mine);
    lint_refs(p, &mine);
    lint_recommendations(p, &mine);
    for (size_t i = 0; i < mine.n; i++) {
        const sl_finding *f = &mine.items[i];
        if (!p->findings.n || !reported_on_import(p, f))
            sl_findings_add(out, f->severity, f->code, f->ref, f->line, "%s", f->message);
    }
    sl_findings_free(&mine);
}
