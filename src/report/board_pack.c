/* board_pack.c — the board pack (SPEC.md §2, §5.1 `report board`): for one
 * meeting of a board, as of a day, the papers the members read before it:
 *
 *   Cover            board, meeting day, time and venue, papers due, chair
 *   Agenda           standing items, deep dives, open actions arising carried forward
 *   (highlight)      the highlight report's sections, as highlight.c builds them
 *   Exceptions       red and overdue plan actions
 *   Measures         the scorecard: latest value, target, trajectory RAG
 *   Risk log         score, band (filled with the heat map's colour), trend, owner, review
 *   Risk heat map    the accessible SVG in HTML; a table by band elsewhere
 *   Savings          by project and financial year: target, forecast, delivered, variance, RAG
 *   Actions arising  open ones, and those closed since the last meeting
 *   Minutes          of the previous meeting, draft or approved
 *
 * Everything is read once (plans, measures, risks, savings, actions
 * arising and their histories) and matched in memory. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/trajectory.h"
#include "report/board_papers.h"
#include "report/measure_report.h"
#include "report/report_data.h"
#include "report/risk_heatmap.h"
#include "util/mem.h"

/* What the pack is built from. */
typedef struct {
    sl_store *store;
    const sl_report_params *p;
    sl_error *err;
    sl_board_papers bp;
    sl_day day;                 /* the meeting's day */
    sl_day previous;            /* the board's meeting before it, SL_NO_DAY when none */
    sl_arising *arisings;       /* the board's actions arising, statuses as of the day */
    size_t n_arisings;
    sl_day *closed;             /* per action arising: the day it closed, SL_NO_DAY while open */
} pack;

/* Returns the cell text of an amount (£000s), "" when not recorded (< 0). */
static void amount(double value, char out[32])
{
    if (value < 0)
        out[0] = '\0';
    else
        sl_measure_format_number(value, 1, out);
}

/* The cover: board, meeting, papers due and chair. */
static void section_cover(pack *k, sl_report *r)
{
    const sl_meeting *m = &k->bp.meeting;
    sl_report_section *s = sl_report_add_section(r, "Cover", "Cover");
    sl_buf text = SL_BUF_INIT;
    sl_report_add_paragraph(s, "Board", k->bp.board.name);
    sl_papers_long_day(&text, m->day);
    if (*m->time)
        sl_buf_printf(&text, " at %s", m->time);
    sl_report_add_paragraph(s, "Meeting", sl_buf_str(&text));
    sl_report_add_paragraph(s, "Venue", *m->venue ? m->venue : "to be confirmed");
    sl_buf_reset(&text);
    sl_meeting_deadlines due = sl_board_deadlines(&k->bp.board.rules, m->day);
    sl_papers_long_day(&text, due.papers_due);
    sl_buf_printf(&text, " (%d working days before the meeting)",
                  k->bp.board.rules.papers_days);
    sl_report_add_paragraph(s, "Papers due", sl_buf_str(&text));
    const char *chair = sl_board_chair(&k->bp.board);
    sl_report_add_paragraph(s, "Chair", chair ? chair : "not recorded");
    sl_buf_reset(&text);
    sl_buf_printf(&text, "Meeting %zu of the board's %zu recorded meetings.", k->bp.at + 1,
                  k->bp.n_meetings);
    sl_report_add_paragraph(s, NULL, sl_buf_str(&text));
    sl_buf_free(&text);
}

/* The agenda: the meeting's items, then every open action arising raised
 * at an earlier meeting, carried forward. */
static void section_agenda(pack *k, sl_report *r)
{
    const sl_arising *list = k->arisings;
    size_t n = k->n_arisings;
    static const char *const columns[] = {"No.", "Item", "Kind", "Note"};
    sl_report_section *s = sl_report_add_section(r, "Agenda", "Agenda");
    sl_report_table *t = sl_report_add_table(s, 4, columns);
    sl_buf no = SL_BUF_INIT, item = SL_BUF_INIT;
    size_t count = 0;
    for (size_t i = 0; i < k->bp.meeting.n_agenda; i++) {
        const sl_agenda_item *a = &k->bp.meeting.agenda[i];
        sl_buf_reset(&no);
        sl_buf_printf(&no, "%zu", ++count);
        sl_buf_reset(&item);
        sl_buf_puts(&item, a->theme ? a->theme : "");
        const char *cells[] = {sl_buf_str(&no), a->title, sl_agenda_kind_name(a->kind),
                               a->late ? "late paper" : sl_buf_str(&item)};
        sl_report_add_row(t, cells);
    }
    for (size_t i = 0; i < n; i++) {
        if (list[i].meeting >= k->day || !sl_papers_arising_open(&list[i]))
            continue;
        char raised[11];
        sl_day_format(list[i].meeting, raised);
        sl_buf_reset(&no);
        sl_buf_printf(&no, "%zu", ++count);
        sl_buf_reset(&item);
        sl_buf_printf(&item, "Action arising %lld: %s", (long long)list[i].id, list[i].text);
        const char *cells[] = {sl_buf_str(&no), sl_buf_str(&item), "carried forward", raised};
        sl_report_add_row(t, cells);
    }
    sl_buf_free(&no);
    sl_buf_free(&item);
    if (count == 0)
        sl_report_add_paragraph(s, NULL, "No agenda items are recorded yet.");
}

/* Appends an exception row for a red or overdue open action. */
static void exception_row(sl_report_table *t, const sl_report_plan *plan,
                          const sl_report_action *a, int with_plan)
{
    sl_buf theme = SL_BUF_INIT, why = SL_BUF_INIT;
    char due[11];
    sl_report_iso(a->due, due);
    sl_report_theme_label(&theme, plan, a->theme_ref, a->theme, with_plan);
    if (a->rag.overdue)
        sl_buf_printf(&why, "overdue since %s", due);
    else
        sl_buf_puts(&why, a->rag.reason);
    const char *cells[] = {sl_buf_str(&theme), a->ref, a->title, "", due, a->sro,
                           sl_buf_str(&why)};
    size_t row = sl_report_add_row(t, cells);
    sl_report_set_rag(t, row, 3, a->rag.rag);
    sl_buf_free(&theme);
    sl_buf_free(&why);
}

/* Exceptions: the open actions rated red or overdue as of the day. */
static int section_exceptions(pack *k, sl_report *r)
{
    static const char *const columns[] = {"Theme", "Ref", "Action", "RAG", "Due", "Owner",
                                          "Why"};
    sl_report_plan *plans = NULL;
    size_t n = 0;
    if (sl_report_load_plans(k->store, k->p->plan_id, k->p->as_of, &plans, &n, k->err) < 0) {
        sl_report_plans_free(plans, n);
        return -1;
    }
    sl_report_section *s = sl_report_add_section(r, "Exceptions: red and overdue actions",
                                                 "Exceptions");
    sl_report_table *t = sl_report_add_table(s, 7, columns);
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < plans[i].n_actions; j++) {
            const sl_report_action *a = &plans[i].actions[j];
            int open = !sl_report_done(a) && !sl_status_is_closed(a->status);
            if (open && (a->rag.rag == SL_RAG_RED || a->rag.overdue))
                exception_row(t, &plans[i], a, n > 1);
        }
    if (t->n_rows == 0)
        sl_report_add_paragraph(s, NULL, "No action is red or overdue as of this date.");
    sl_report_plans_free(plans, n);
    return 0;
}

/* Writes a measure's target into b ("" when none). */
static void target_text(const sl_measure_def *d, sl_buf *b)
{
    char v[SL_VALUE_TEXT];
    sl_buf_reset(b);
    if (!d->target.set)
        return;
    if (d->target_relative) {
        sl_measure_format_number(d->target.value, 1, v);
        sl_buf_printf(b, "%s%s%% on the baseline", d->target.value > 0 ? "+" : "", v);
    } else {
        sl_unit_format_value(d->unit, d->target.value, v);
        sl_buf_puts(b, v);
    }
    if (d->target.day != SL_NO_DAY) {
        char day[11];
        sl_day_format(d->target.day, day);
        sl_buf_printf(b, " by %s", day);
    }
}

/* Appends one measure's scorecard row. */
static void measure_row(pack *k, sl_report_table *t, const sl_measure_def *d,
                        const sl_measure_value *values, size_t n_values)
{
    sl_measure_status st;
    sl_measure_assess(d, values, n_values, k->p->as_of, &st);
    sl_buf name = SL_BUF_INIT, latest = SL_BUF_INIT, target = SL_BUF_INIT;
    sl_buf_printf(&name, "%s %s", d->code, d->name ? d->name : "");
    if (st.has_latest) {
        char v[SL_VALUE_TEXT], period[SL_PERIOD_TEXT] = "";
        sl_unit_format_value(d->unit, st.latest, v);
        sl_period_format(&st.latest_period, period);
        sl_buf_printf(&latest, "%s (%s)", v, period);
    }
    target_text(d, &target);
    const char *word = sl_measure_rag_word(d, &st);
    const char *cells[] = {sl_buf_str(&name), sl_buf_str(&latest), sl_buf_str(&target),
                           *word ? word : "context", st.reason};
    size_t row = sl_report_add_row(t, cells);
    sl_report_set_rag(t, row, 3, st.rag);
    sl_buf_free(&name);
    sl_buf_free(&latest);
    sl_buf_free(&target);
}

/* The measures scorecard: every measure, its latest value, target and RAG. */
static int section_measures(pack *k, sl_report *r)
{
    static const char *const columns[] = {"Measure", "Latest value", "Target", "Trajectory RAG",
                                          "Against trajectory"};
    sl_measure_def *defs = NULL;
    int64_t *def_actions = NULL;
    sl_measure_value *values = NULL;
    /* One plan's pack shows that plan's measures (and those linked to none). */
    int64_t plan = k->p->plan_id;
    int n_defs = plan ? sl_store_measures_of_plan(k->store, plan, &defs, &def_actions, k->err)
                      : sl_store_measures(k->store, &defs, &def_actions, k->err);
    int n_values = n_defs < 0 ? -1
                   : plan ? sl_store_measure_values_of_plan(k->store, plan, &values, k->err)
                          : sl_store_measure_values(k->store, NULL, &values, k->err);
    if (n_values >= 0) {
        sl_report_section *s = sl_report_add_section(r, "Measures scorecard", "Measures");
        sl_report_table *t = sl_report_add_table(s, 5, columns);
        for (int i = 0; i < n_defs; i++) {
            size_t count;
            const sl_measure_value *mine = sl_values_of(values, (size_t)n_values, defs[i].code,
                                                        &count);
            measure_row(k, t, &defs[i], mine, mine ? count : 0);
        }
        if (n_defs == 0)
            sl_report_add_paragraph(s, NULL, "No measures are recorded.");
    }
    for (int i = 0; i < n_defs; i++)
        sl_measure_def_free(&defs[i]);
    free(defs);
    free(def_actions);
    free(values);
    return n_values < 0 ? -1 : 0;
}

/* The risk log: every risk, highest score first. */
static void section_risks(sl_report *r, const sl_risk *risks, size_t n)
{
    static const char *const columns[] = {"Ref", "Risk", "Owner", "Likelihood", "Impact",
                                          "Score", "Band", "Trend", "Target", "Review"};
    sl_report_section *s = sl_report_add_section(r, "Risk log", "Risks");
    sl_report_table *t = sl_report_add_table(s, 10, columns);
    for (size_t i = 0; i < n; i++) {
        const sl_risk *x = &risks[i];
        int score = sl_risk_score(x->likelihood, x->impact);
        char l[16], im[16], sc[16], target[16], review[11] = "";
        snprintf(l, sizeof l, "%d", x->likelihood);
        snprintf(im, sizeof im, "%d", x->impact);
        snprintf(sc, sizeof sc, "%d", score);
        snprintf(target, sizeof target, "%d", x->target_score);
        sl_report_iso(x->review, review);
        const char *cells[] = {x->ref ? x->ref : "", x->title, x->owner ? x->owner : "", l, im,
                               sc, sl_risk_band_name(sl_risk_band_of(score)),
                               sl_risk_trend_name(x->trend), x->target_score ? target : "",
                               review};
        size_t row = sl_report_add_row(t, cells);
        sl_report_set_fill(t, row, 6, sl_risk_band_fill(sl_risk_band_of(score)));
    }
    if (n == 0)
        sl_report_add_paragraph(s, NULL, "The risk log is empty.");
}

/* The heat map: the SVG for HTML, the same counts by band as a table. */
static void section_heatmap(sl_report *r, const sl_risk *risks, size_t n)
{
    static const char *const columns[] = {"Band", "Scores", "Risks", "Count"};
    static const char *const ranges[] = {"1–4", "5–9", "10–14", "15–25"};
    sl_report_section *s = sl_report_add_section(r, "Risk heat map", "Heat map");
    sl_buf svg = SL_BUF_INIT, refs = SL_BUF_INIT;
    sl_risk_heatmap_svg(&svg, risks, n, "Risk heat map: likelihood by impact");
    sl_report_table *t = sl_report_add_figure(s, sl_buf_str(&svg), 4, columns);
    for (int band = SL_BAND_VERY_HIGH; band >= SL_BAND_LOW; band--) {
        int count = 0;
        sl_buf_reset(&refs);
        for (size_t i = 0; i < n; i++) {
            if ((int)sl_risk_band_of(sl_risk_score(risks[i].likelihood, risks[i].impact)) != band)
                continue;
            sl_buf_printf(&refs, "%s%s", count++ ? ", " : "", risks[i].ref ? risks[i].ref : "?");
        }
        char c[16];
        snprintf(c, sizeof c, "%d", count);
        const char *cells[] = {sl_risk_band_name((sl_risk_band)band), ranges[band],
                               sl_buf_str(&refs), c};
        size_t row = sl_report_add_row(t, cells);
        sl_report_set_fill(t, row, 0, sl_risk_band_fill((sl_risk_band)band));
    }
    sl_buf_free(&svg);
    sl_buf_free(&refs);
}

/* The risk log and its heat map; returns 0 or -1. */
static int sections_risk(pack *k, sl_report *r)
{
    sl_risk *risks = NULL;
    /* One plan's pack: that plan's risks (and those linked to no action). */
    int n = k->p->plan_id ? sl_store_risks_of_plan(k->store, k->p->plan_id, &risks, k->err)
                          : sl_store_risks(k->store, &risks, k->err);
    if (n < 0)
        return -1;
    section_risks(r, risks, (size_t)n);
    section_heatmap(r, risks, (size_t)n);
    sl_risks_free(risks, (size_t)n);
    return 0;
}

/* Savings delivery by project and financial year; returns 0 or -1. */
static int section_savings(pack *k, sl_report *r)
{
    static const char *const columns[] = {"Project", "Financial year", "Target £000",
                                          "Forecast £000", "Delivered £000", "Variance £000",
                                          "RAG"};
    sl_savings_row *rows = NULL;
    int n = sl_store_savings(k->store, k->p->plan_id, &rows, k->err);
    if (n < 0)
        return -1;
    sl_report_section *s = sl_report_add_section(r, "Savings by financial year", "Savings");
    sl_report_table *t = sl_report_add_table(s, 7, columns);
    sl_buf project = SL_BUF_INIT;
    for (int i = 0; i < n; i++) {
        const sl_savings_row *x = &rows[i];
        double variance = 0;
        sl_rag rag = sl_savings_rag(x->target, x->forecast, x->delivered, &variance);
        char fy[16], target[32], forecast[32], delivered[32], var[32] = "";
        snprintf(fy, sizeof fy, "%d/%02d", x->fy_start_year, (x->fy_start_year + 1) % 100);
        amount(x->target, target);
        amount(x->forecast, forecast);
        amount(x->delivered, delivered);
        if (rag != SL_RAG_GREY)
            sl_measure_format_number(variance, 1, var);
        sl_buf_reset(&project);
        sl_buf_printf(&project, "%s %s", x->ref, x->title);
        const char *cells[] = {sl_buf_str(&project), fy, target, forecast, delivered, var, ""};
        size_t row = sl_report_add_row(t, cells);
        sl_report_set_rag(t, row, 6, rag);
    }
    sl_buf_free(&project);
    if (n == 0)
        sl_report_add_paragraph(s, NULL, "No savings projects are recorded for these plans.");
    sl_savings_rows_free(rows, n);
    return 0;
}

/* Finds, from an action arising's history, its status as of the day and the
 * day it was closed (SL_NO_DAY while open) as of then. Returns 0 or -1. */
static int arising_as_of(pack *k, sl_arising *a, sl_day *closed)
{
    sl_arising_update *h = NULL;
    *closed = SL_NO_DAY;
    if (a->meeting > k->p->as_of) {
        a->status = SL_STATUS_NOT_STARTED;  /* not raised yet */
        return 0;
    }
    int n = sl_store_arising_history(k->store, a->id, &h, k->err);
    if (n < 0)
        return -1;
    for (int i = 0; i < n; i++) {
        sl_day day;
        char iso[11];
        snprintf(iso, sizeof iso, "%.10s", h[i].recorded_at);
        if (i > 0 && (sl_day_parse_iso(iso, &day) < 0 || day > k->p->as_of))
            break;     /* the first entry raised it: it stands whenever it was typed */
        if (i == 0)
            day = a->meeting;
        a->status = h[i].status;
        sl_arising probe = {.status = h[i].status};
        if (!sl_papers_arising_open(&probe) && *closed == SL_NO_DAY)
            *closed = day;
        else if (sl_papers_arising_open(&probe))
            *closed = SL_NO_DAY;
    }
    sl_arising_updates_free(h, (size_t)n);
    return 0;
}

/* Appends one action arising's row. */
static void arising_row(pack *k, sl_report_table *t, const sl_arising *a)
{
    char id[24], raised[11], due[11];
    snprintf(id, sizeof id, "%lld", (long long)a->id);
    sl_report_iso(a->meeting, raised);
    sl_report_iso(a->due, due);
    const char *cells[] = {id, raised, a->text, a->owner ? a->owner : "", due,
                           sl_status_name(a->status), ""};
    size_t row = sl_report_add_row(t, cells);
    sl_report_set_rag(t, row, 6, sl_papers_arising_rag(a, k->p->as_of));
}

/* Actions arising: open ones raised up to this meeting, and those closed
 * since the previous meeting. Takes the statuses as of the day. */
static void section_arising(pack *k, sl_report *r)
{
    static const char *const columns[] = {"No.", "Raised", "Action", "Owner", "Due", "Status",
                                          "RAG"};
    sl_report_section *s = sl_report_add_section(r, "Actions arising", "Actions arising");
    sl_report_table *t = sl_report_add_table(s, 7, columns);
    for (size_t i = 0; i < k->n_arisings; i++) {
        const sl_arising *a = &k->arisings[i];
        sl_day closed = k->closed[i];
        if (a->meeting > k->day || a->meeting > k->p->as_of)
            continue;
        int recent = closed != SL_NO_DAY && (k->previous == SL_NO_DAY || closed > k->previous);
        if (sl_papers_arising_open(a) || recent)
            arising_row(k, t, a);
    }
    if (t->n_rows == 0)
        sl_report_add_paragraph(s, NULL, "No actions arising are open or were closed since the "
                                         "last meeting.");
}

/* Loads the board's actions arising with their statuses as of the day;
 * returns 0 or -1. */
static int load_arisings(pack *k)
{
    int n = sl_store_arisings(k->store, k->bp.board_id, 0, &k->arisings, k->err);
    if (n < 0)
        return -1;
    k->n_arisings = (size_t)n;
    k->closed = sl_calloc((k->n_arisings + 1) * sizeof *k->closed);
    for (size_t i = 0; i < k->n_arisings; i++)
        if (arising_as_of(k, &k->arisings[i], &k->closed[i]) < 0)
            return -1;
    return 0;
}

/* The minutes of the previous meeting, with their state. */
static void section_minutes(pack *k, sl_report *r)
{
    sl_report_section *s = sl_report_add_section(r, "Minutes of the previous meeting", "Minutes");
    if (k->bp.at == 0) {
        sl_report_add_paragraph(s, NULL, "This is the first meeting the board has recorded.");
        return;
    }
    const sl_meeting *m = &k->bp.meetings[k->bp.at - 1];
    sl_buf text = SL_BUF_INIT;
    sl_papers_long_day(&text, m->day);
    sl_report_add_paragraph(s, "Meeting", sl_buf_str(&text));
    sl_buf_reset(&text);
    if (!m->minutes) {
        sl_buf_puts(&text, "not yet written");
    } else if (m->minutes_approved_at != SL_NO_DAY) {
        sl_buf_puts(&text, "approved at the meeting of ");
        sl_papers_long_day(&text, m->minutes_approved_at);
    } else {
        sl_buf_puts(&text, "draft, for approval at this meeting");
    }
    sl_report_add_paragraph(s, "State", sl_buf_str(&text));
    if (m->minutes)
        sl_report_add_paragraph(s, NULL, m->minutes);
    sl_buf_free(&text);
}

/* The highlight report's sections for the pack's plans and meeting. */
static int sections_highlight(pack *k, sl_report *r)
{
    sl_report_params hp = *k->p;
    hp.board = k->bp.board.name;
    hp.meeting = k->day;
    sl_report part;
    int rc = sl_report_highlight(k->store, &hp, &part, k->err);
    if (rc == 0)
        sl_report_take_sections(r, &part);
    sl_report_free(&part);
    return rc;
}

/* Builds every section after the cover and agenda; returns 0 or -1. */
static int build_sections(pack *k, sl_report *out)
{
    int rc = sections_highlight(k, out);
    if (rc == 0)
        rc = section_exceptions(k, out);
    if (rc == 0)
        rc = section_measures(k, out);
    if (rc == 0)
        rc = sections_risk(k, out);
    if (rc == 0)
        rc = section_savings(k, out);
    if (rc == 0) {
        section_arising(k, out);
        section_minutes(k, out);
    }
    return rc;
}

int sl_report_board(sl_store *store, const sl_report_params *params, sl_report *out,
                    sl_error *err)
{
    pack k = {.store = store, .p = params, .err = err};
    sl_report_init(out, "Board pack", params->board, params->as_of);
    int rc = sl_board_papers_load(store, params, SL_PAPERS_NEXT, &k.bp, err);
    if (rc == 0)
        rc = load_arisings(&k);
    if (rc == 0) {
        k.day = k.bp.meeting.day;
        k.previous = k.bp.at ? k.bp.meetings[k.bp.at - 1].day : SL_NO_DAY;
        free(out->title);
        free(out->board);
        sl_buf title = SL_BUF_INIT;
        sl_buf_puts(&title, "Board pack: ");
        sl_papers_long_day(&title, k.day);
        out->title = sl_buf_take(&title);
        out->board = sl_strdup(k.bp.board.name);
        section_cover(&k, out);
        section_agenda(&k, out);
        rc = build_sections(&k, out);
    }
    sl_arisings_free(k.arisings, k.n_arisings);
    free(k.closed);
    sl_board_papers_free(&k.bp);
    return rc;
}
