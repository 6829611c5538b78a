/* highlight.c — the highlight report (SPEC.md §2): for each theme of a plan,
 * as of a day, the four questions a board asks. Each question is one
 * section of the report, with a Theme column in its table and the written
 * commentary of each theme above it (the latest written on or before the
 * day: later editions keep it until it is changed).
 *
 *   What's working well?  done actions; measures on or ahead of trajectory
 *   How do we know?       measures against their trajectory; the latest
 *                         narrative and evidence of done and recently updated actions
 *   What are we worried about?  red and amber actions (SPEC.md §3 as of the
 *                         day), overdue and stale ones; measures off trajectory
 *   What needs to happen, and by when?  open actions due before the next
 *                         meeting (--meeting) or within the horizon (30 days)
 *
 * Nothing before the four sections uses their words: readers (and tests)
 * find a section by its heading. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/trajectory.h"
#include "report/measure_report.h"
#include "report/report_data.h"
#include "report/report_kinds.h"
#include "util/mem.h"

const char *const sl_highlight_sections[4] = {"working-well", "how-we-know", "worried", "next"};

int sl_highlight_section_valid(const char *name)
{
    for (int i = 0; i < 4; i++)
        if (strcmp(name, sl_highlight_sections[i]) == 0)
            return 1;
    return 0;
}

/* One stored commentary, owned. */
typedef struct {
    size_t plan;                /* index into the plans */
    char *theme_ref, *section, *text;
} note;

/* Everything the sections are built from. */
typedef struct {
    sl_store *store;
    const sl_report_params *p;
    sl_error *err;
    sl_report_plan *plans;
    size_t n_plans;
    sl_measure_def *defs;
    int64_t *def_actions;
    size_t n_defs;
    sl_measure_value *values;
    size_t n_values;
    note *notes;
    size_t n_notes;
    size_t loading_plan;
} highlight;

static const char *const COLUMNS_WELL[] = {"Theme", "Ref", "Action or measure", "RAG", "Due",
                                           "Status"};
static const char *const COLUMNS_KNOW[] = {"Theme", "Ref", "Action or measure", "RAG", "Updated",
                                           "Evidence"};
static const char *const COLUMNS_WORRY[] = {"Theme", "Ref", "Action or measure", "RAG", "Due",
                                            "Why"};
static const char *const COLUMNS_NEXT[] = {"Theme", "Ref", "Action", "RAG", "Due", "Owner"};

/* Store callback: keeps one commentary. */
static int on_note(void *ctx, const sl_commentary *c)
{
    highlight *h = ctx;
    h->notes = sl_realloc(h->notes, (h->n_notes + 1) * sizeof *h->notes);
    h->notes[h->n_notes++] = (note){h->loading_plan, sl_strdup(c->theme_ref),
                                    sl_strdup(c->section), sl_strdup(c->text)};
    return 0;
}

/* Reads plans, actions, measures and commentary; returns 0 or -1. */
static int load(highlight *h)
{
    if (sl_report_load_plans(h->store, h->p->plan_id, h->p->as_of, &h->plans, &h->n_plans,
                             h->err) < 0)
        return -1;
    /* One plan's report reads that plan's measures only: a national
     * database holds every council's. */
    int64_t plan = h->p->plan_id;
    int n = plan ? sl_store_measures_of_plan(h->store, plan, &h->defs, &h->def_actions, h->err)
                 : sl_store_measures(h->store, &h->defs, &h->def_actions, h->err);
    if (n < 0)
        return -1;
    h->n_defs = (size_t)n;
    n = plan ? sl_store_measure_values_of_plan(h->store, plan, &h->values, h->err)
             : sl_store_measure_values(h->store, NULL, &h->values, h->err);
    if (n < 0)
        return -1;
    h->n_values = (size_t)n;
    for (h->loading_plan = 0; h->loading_plan < h->n_plans; h->loading_plan++)
        if (sl_store_each_commentary(h->store, "highlight", h->plans[h->loading_plan].id,
                                     h->p->as_of, on_note, h, h->err) < 0)
            return -1;
    return 0;
}

/* Frees what load read. */
static void unload(highlight *h)
{
    sl_report_plans_free(h->plans, h->n_plans);
    for (size_t i = 0; i < h->n_defs; i++)
        sl_measure_def_free(&h->defs[i]);
    free(h->defs);
    free(h->def_actions);
    free(h->values);
    for (size_t i = 0; i < h->n_notes; i++) {
        free(h->notes[i].theme_ref);
        free(h->notes[i].section);
        free(h->notes[i].text);
    }
    free(h->notes);
}

/* Writes the theme label of an action into b (reset first); returns its text. */
static const char *theme_of(const highlight *h, const sl_report_plan *p, const sl_report_action *a,
                            sl_buf *b)
{
    sl_buf_reset(b);
    sl_report_theme_label(b, p, a->theme_ref, a->theme, h->n_plans > 1);
    return sl_buf_str(b);
}

/* Finds the plan and action a measure is linked to; returns 0 when it
 * belongs to no plan this report covers (unlinked measures return 1 with
 * *plan NULL: they speak for every theme). */
static int measure_home(const highlight *h, size_t m, const sl_report_plan **plan,
                        const sl_report_action **action)
{
    *plan = NULL;
    *action = NULL;
    if (!h->def_actions || h->def_actions[m] == 0)
        return 1;
    for (size_t i = 0; i < h->n_plans; i++)
        for (size_t k = 0; k < h->plans[i].n_actions; k++)
            if (h->plans[i].actions[k].id == h->def_actions[m]) {
                *plan = &h->plans[i];
                *action = &h->plans[i].actions[k];
                return 1;
            }
    return 0;
}

/* Appends one row per rated measure whose RAG is in want (a bit per RAG; 0:
 * any measure with data) to t, with the status in the last column. */
static void measure_rows(const highlight *h, sl_report_table *t, unsigned want)
{
    sl_buf theme = SL_BUF_INIT;
    for (size_t m = 0; m < h->n_defs; m++) {
        const sl_report_plan *plan;
        const sl_report_action *action;
        sl_measure_status st;
        if (!measure_home(h, m, &plan, &action))
            continue;
        size_t count;
        const sl_measure_value *mine = sl_values_of(h->values, h->n_values, h->defs[m].code, &count);
        sl_measure_assess(&h->defs[m], mine, mine ? count : 0, h->p->as_of, &st);
        if (!st.has_latest || (want && !(st.rag && (want & (1u << st.rag)))))
            continue;
        char period[SL_PERIOD_TEXT] = "";
        sl_period_format(&st.latest_period, period);
        const char *label = action ? theme_of(h, plan, action, &theme) : "All themes";
        const char *cells[] = {label, h->defs[m].code, h->defs[m].name ? h->defs[m].name : "",
                               "", period, st.reason};
        size_t row = sl_report_add_row(t, cells);
        sl_report_set_rag(t, row, 3, st.rag);
    }
    sl_buf_free(&theme);
}

/* Adds the commentary written for one section, theme by theme. */
static void add_commentary(const highlight *h, sl_report_section *s, const char *section)
{
    sl_buf label = SL_BUF_INIT;
    for (size_t i = 0; i < h->n_notes; i++) {
        const note *n = &h->notes[i];
        if (strcmp(n->section, section) != 0)
            continue;
        const sl_report_plan *p = &h->plans[n->plan];
        const char *title = "";
        for (size_t k = 0; k < p->n_actions && !*title; k++)
            if (strcmp(p->actions[k].theme_ref, n->theme_ref) == 0)
                title = p->actions[k].theme;
        sl_buf_reset(&label);
        sl_report_theme_label(&label, p, n->theme_ref, title, h->n_plans > 1);
        sl_report_add_paragraph(s, sl_buf_str(&label), n->text);
    }
    sl_buf_free(&label);
}

/* Appends an action as a row: theme, ref, title, RAG, a day and a last column. */
static void action_row(const highlight *h, sl_report_table *t, const sl_report_plan *p,
                       const sl_report_action *a, sl_day day, const char *last)
{
    sl_buf theme = SL_BUF_INIT;
    char iso[11];
    sl_report_iso(day, iso);
    const char *cells[] = {theme_of(h, p, a, &theme), a->ref, a->title, "", iso, last};
    size_t row = sl_report_add_row(t, cells);
    sl_report_set_rag(t, row, 3, a->rag.rag);
    sl_buf_free(&theme);
}

/* Returns the action's status as the plan writes it, else its canonical name. */
static const char *status_words(const sl_report_action *a)
{
    return *a->status_text ? a->status_text : sl_status_name(a->status);
}

/* Ends a section whose table came out empty with a line saying so. */
static void none_if_empty(sl_report_section *s, const sl_report_table *t)
{
    if (t->n_rows == 0)
        sl_report_add_paragraph(s, NULL, "None as of this date.");
}

/* What's working well: done actions, then measures on or ahead of trajectory. */
static void section_working_well(highlight *h, sl_report *r)
{
    sl_report_section *s = sl_report_add_section(r, "What's working well?", "Working well");
    add_commentary(h, s, "working-well");
    sl_report_table *t = sl_report_add_table(s, 6, COLUMNS_WELL);
    for (size_t i = 0; i < h->n_plans; i++)
        for (size_t k = 0; k < h->plans[i].n_actions; k++) {
            const sl_report_action *a = &h->plans[i].actions[k];
            if (sl_report_done(a))
                action_row(h, t, &h->plans[i], a, a->due, status_words(a));
        }
    measure_rows(h, t, 1u << SL_RAG_GREEN);
    none_if_empty(s, t);
}

/* Appends an action's latest evidence row when it is done or was updated
 * within its plan's update cycle. Returns 0 or -1. */
static int evidence_row(highlight *h, sl_report_table *t, const sl_report_plan *p,
                        const sl_report_action *a)
{
    int recent = a->last_update != SL_NO_DAY &&
                 h->p->as_of - a->last_update <= a->rules.update_cycle_days;
    if (!sl_report_done(a) && !recent)
        return 0;
    sl_report_update u;
    if (a->last_update != SL_NO_DAY) {
        if (sl_report_latest_update(h->store, a->id, h->p->as_of, &u, h->err) < 0)
            return -1;
    } else {
        u = (sl_report_update){0, SL_NO_DAY, sl_strdup(""), sl_strdup(""), a->status};
    }
    sl_buf text = SL_BUF_INIT;
    sl_buf_puts(&text, *u.note ? u.note : *a->note ? a->note : status_words(a));
    if (*u.evidence) {
        sl_buf_puts(&text, "\nEvidence: ");
        sl_buf_puts(&text, u.evidence);
    }
    action_row(h, t, p, a, u.found ? u.day : SL_NO_DAY, sl_buf_str(&text));
    sl_buf_free(&text);
    sl_report_update_free(&u);
    return 0;
}

/* How do we know: measures against trajectory, then the evidence of actions. */
static int section_how_we_know(highlight *h, sl_report *r)
{
    sl_report_section *s = sl_report_add_section(r, "How do we know?", "How we know");
    add_commentary(h, s, "how-we-know");
    sl_report_table *t = sl_report_add_table(s, 6, COLUMNS_KNOW);
    measure_rows(h, t, 0);
    for (size_t i = 0; i < h->n_plans; i++)
        for (size_t k = 0; k < h->plans[i].n_actions; k++)
            if (evidence_row(h, t, &h->plans[i], &h->plans[i].actions[k]) < 0)
                return -1;
    none_if_empty(s, t);
    return 0;
}

/* Writes why an action worries the board into b. */
static void worry_reason(const sl_report_action *a, sl_buf *b)
{
    char iso[11];
    sl_buf_reset(b);
    if (a->rag.overdue) {
        sl_report_iso(a->due, iso);
        sl_buf_printf(b, "overdue since %s (%s)", iso, status_words(a));
    } else {
        sl_buf_puts(b, a->rag.reason);
    }
    if (a->rag.stale && !strstr(sl_buf_str(b), "update"))
        sl_buf_puts(b, "; no update within the plan's cycle");
    if (a->rag.rag != a->rag.computed)
        sl_buf_printf(b, " (set %s by hand; the rules give %s)", sl_rag_name(a->rag.rag),
                      sl_rag_name(a->rag.computed));
}

/* What worries the board: red and amber, overdue or stale actions, then
 * measures off trajectory. */
static void section_worried(highlight *h, sl_report *r)
{
    sl_report_section *s = sl_report_add_section(r, "What are we worried about?", "Worries");
    add_commentary(h, s, "worried");
    sl_report_table *t = sl_report_add_table(s, 6, COLUMNS_WORRY);
    sl_buf why = SL_BUF_INIT;
    for (size_t i = 0; i < h->n_plans; i++)
        for (size_t k = 0; k < h->plans[i].n_actions; k++) {
            const sl_report_action *a = &h->plans[i].actions[k];
            int open = !sl_report_done(a) && !sl_status_is_closed(a->status);
            if (!open || !(a->rag.rag == SL_RAG_RED || a->rag.rag == SL_RAG_AMBER ||
                           a->rag.overdue || a->rag.stale))
                continue;
            worry_reason(a, &why);
            action_row(h, t, &h->plans[i], a, a->due, sl_buf_str(&why));
        }
    sl_buf_free(&why);
    measure_rows(h, t, (1u << SL_RAG_RED) | (1u << SL_RAG_AMBER));
    /* HOOK (risk log): once risks are stored, add the high risks (likelihood
     * × impact at or above the board's threshold) of these plans here. */
    none_if_empty(s, t);
}

/* An open action due within the horizon, for sorting by due day. */
typedef struct {
    const sl_report_plan *plan;
    const sl_report_action *action;
    size_t order;
} due_item;

/* qsort comparison: by due day, then plan order. */
static int by_due(const void *x, const void *y)
{
    const due_item *a = x, *b = y;
    if (a->action->due != b->action->due)
        return a->action->due < b->action->due ? -1 : 1;
    return a->order < b->order ? -1 : a->order > b->order;
}

/* Collects the open actions due from as_of to until into a sorted array
 * (caller frees); sets *n. */
static due_item *due_items(const highlight *h, sl_day until, size_t *n)
{
    due_item *items = NULL;
    *n = 0;
    for (size_t i = 0; i < h->n_plans; i++)
        for (size_t k = 0; k < h->plans[i].n_actions; k++) {
            const sl_report_action *a = &h->plans[i].actions[k];
            if (sl_report_done(a) || sl_status_is_closed(a->status) || a->due == SL_NO_DAY ||
                a->due < h->p->as_of || a->due > until)
                continue;
            items = sl_realloc(items, (*n + 1) * sizeof *items);
            items[*n] = (due_item){&h->plans[i], a, *n};
            (*n)++;
        }
    if (*n)
        qsort(items, *n, sizeof *items, by_due);
    return items;
}

/* What needs to happen: open actions by due day, up to the next meeting or the horizon. */
static void section_next(highlight *h, sl_report *r)
{
    sl_report_section *s = sl_report_add_section(r, "What needs to happen, and by when?", "Next");
    int by_meeting = h->p->meeting != SL_NO_DAY && h->p->meeting >= h->p->as_of;
    sl_day until = by_meeting ? h->p->meeting : h->p->as_of + h->p->horizon_days;
    char from[11], to[11];
    sl_report_iso(h->p->as_of, from);
    sl_report_iso(until, to);
    sl_buf line = SL_BUF_INIT;
    sl_buf_printf(&line, "Open actions due from %s to %s (%s).", from, to,
                  by_meeting ? "the next meeting" : "the coming period");
    sl_report_add_paragraph(s, NULL, sl_buf_str(&line));
    sl_buf_free(&line);
    add_commentary(h, s, "next");
    sl_report_table *t = sl_report_add_table(s, 6, COLUMNS_NEXT);
    size_t n;
    due_item *items = due_items(h, until, &n);
    for (size_t i = 0; i < n; i++)
        action_row(h, t, items[i].plan, items[i].action, items[i].action->due,
                   items[i].action->sro);
    free(items);
    /* HOOK (actions arising): once meetings record actions arising, add the
     * open ones due by `until` here. */
    none_if_empty(s, t);
}

/* The summary: per theme, how many actions of each RAG and how many overdue. */
static void section_summary(const highlight *h, sl_report *r)
{
    static const char *const columns[] = {"Theme", "Actions", "Red", "Amber", "Green",
                                          "Blue", "Grey", "Overdue"};
    sl_report_section *s = sl_report_add_section(r, "At a glance", "Summary");
    sl_report_table *t = sl_report_add_table(s, 8, columns);
    sl_buf theme = SL_BUF_INIT;
    for (size_t i = 0; i < h->n_plans; i++) {
        const sl_report_plan *p = &h->plans[i];
        for (size_t k = 0; k < p->n_actions; k++) {
            size_t first = 0;
            while (strcmp(p->actions[first].theme_ref, p->actions[k].theme_ref) != 0)
                first++;
            if (first < k)
                continue;       /* counted with the theme's first action */
            int count[8] = {0};
            for (size_t j = k; j < p->n_actions; j++) {
                const sl_report_action *a = &p->actions[j];
                if (strcmp(a->theme_ref, p->actions[k].theme_ref) != 0)
                    continue;
                count[1]++;
                count[a->rag.rag == SL_RAG_NONE ? 6 : a->rag.rag + 1]++;
                count[7] += a->rag.overdue;
            }
            char text[8][16];
            const char *cells[8] = {theme_of(h, p, &p->actions[k], &theme)};
            for (int c = 1; c < 8; c++) {
                snprintf(text[c], sizeof text[c], "%d", count[c]);
                cells[c] = text[c];
            }
            sl_report_add_row(t, cells);
        }
    }
    sl_buf_free(&theme);
    none_if_empty(s, t);
}

int sl_report_highlight(sl_store *store, const sl_report_params *params, sl_report *out,
                        sl_error *err)
{
    highlight h = {.store = store, .p = params, .err = err};
    sl_report_init(out, "Highlight report", params->board, params->as_of);
    int rc = load(&h);
    if (rc == 0 && h.n_plans == 1) {
        free(out->title);
        sl_buf title = SL_BUF_INIT;
        sl_buf_printf(&title, "Highlight report: %s", h.plans[0].title);
        out->title = sl_buf_take(&title);
    }
    if (rc == 0) {
        section_summary(&h, out);
        section_working_well(&h, out);
        rc = section_how_we_know(&h, out);
    }
    if (rc == 0) {
        section_worried(&h, out);
        section_next(&h, out);
    }
    unload(&h);
    return rc;
}
