/* chair_report.c — the skeleton of the chair's written report (SPEC.md §2
 * "Governance"): after every Nth meeting of a board (its chair_report_every
 * rule), the meetings since the last such report — attendance per member
 * (present, apologies, substitute), decisions taken, actions arising opened
 * and closed — and the progress since the last report (plan actions
 * complete, red, amber and overdue then and now), each part followed by a
 * headed, empty "Chair's commentary" paragraph for the chair to write.
 *
 * Asked for after a meeting the report is not due after, it is refused
 * (SL_ERR_INVALID, exit 1) with a message naming the meeting it is next due
 * after: an early skeleton would cover the wrong meetings. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "report/board_papers.h"
#include "report/report_data.h"
#include "util/mem.h"

#define COMMENTARY "Chair's commentary"

/* What the report is built from. */
typedef struct {
    sl_store *store;
    const sl_report_params *p;
    sl_error *err;
    sl_board_papers bp;
    size_t from;                /* the first meeting covered (index) */
    sl_day then;                /* the day of the last report (or the first meeting) */
    sl_meeting *detail;         /* the covered meetings with attendance and decisions */
    size_t n_detail;
} chair;

/* Returns "1st", "2nd", "3rd", "4th"… for n in out. */
static void ordinal(int n, char out[16])
{
    const char *suffix = "th";
    if (n % 100 < 11 || n % 100 > 13)
        suffix = n % 10 == 1 ? "st" : n % 10 == 2 ? "nd" : n % 10 == 3 ? "rd" : "th";
    snprintf(out, 16, "%d%s", n, suffix);
}

/* Refuses a report asked for after a meeting it is not due after; returns -1. */
static int not_due(chair *c)
{
    const sl_board_rules *rules = &c->bp.board.rules;
    int nth = (int)c->bp.at + 1, next = nth + 1;
    while (!sl_board_chair_report_due(rules, next) && next < nth + 1000)
        next++;
    char day[11], a[16], b[16], every[16], when[40] = "not yet scheduled";
    sl_day_format(c->bp.meeting.day, day);
    ordinal(nth, a);
    ordinal(next, b);
    ordinal(rules->chair_report_every, every);
    if ((size_t)next <= c->bp.n_meetings) {
        char d[11];
        sl_day_format(c->bp.meetings[next - 1].day, d);
        snprintf(when, sizeof when, "%s", d);
    }
    return sl_fail_code(c->err, SL_ERR_INVALID,
                        "the chair's written report is not due: %s reports after every %s "
                        "meeting, the meeting of %s is its %s; the next report is due after "
                        "its %s meeting (%s)",
                        c->bp.board.name, every, day, a, b, when);
}

/* Loads the covered meetings with their detail; returns 0 or -1. */
static int load_covered(chair *c)
{
    int every = c->bp.board.rules.chair_report_every > 0 ? c->bp.board.rules.chair_report_every : 1;
    size_t count = c->bp.at + 1;
    c->from = count > (size_t)every ? count - (size_t)every : 0;
    c->then = c->from ? c->bp.meetings[c->from - 1].day : c->bp.meetings[0].day;
    c->n_detail = count - c->from;
    c->detail = sl_calloc(c->n_detail * sizeof *c->detail);
    for (size_t i = 0; i < c->n_detail; i++) {
        c->detail[i] = sl_meeting_empty();
        int found = sl_store_meeting_find(c->store, c->bp.board_id,
                                          c->bp.meetings[c->from + i].day, &c->detail[i], c->err);
        if (found != 1)
            return found < 0 ? -1 : sl_fail(c->err, "a meeting has gone");
    }
    return 0;
}

/* Writes what member m did at a meeting into b ("" when not recorded). */
static void attended(const chair *c, size_t m, const sl_meeting *meeting, sl_buf *b)
{
    const char *label = sl_board_member_label(&c->bp.board, m);
    sl_buf_reset(b);
    for (size_t i = 0; i < meeting->n_attendance; i++) {
        const sl_attendance *a = &meeting->attendance[i];
        if (!label || strcasecmp(a->member, label) != 0)
            continue;
        sl_buf_puts(b, sl_attend_state_name(a->state));
        if (a->state == SL_ATTEND_SUBSTITUTE && a->substitute)
            sl_buf_printf(b, ": %s", a->substitute);
    }
}

/* Attendance: a row per member, a column per covered meeting. */
static void section_attendance(chair *c, sl_report *r)
{
    sl_report_section *s = sl_report_add_section(r, "Attendance", "Attendance");
    size_t n_cols = c->n_detail + 1;
    char **headers = sl_calloc(n_cols * sizeof *headers);
    headers[0] = sl_strdup("Member");
    for (size_t i = 0; i < c->n_detail; i++) {
        headers[i + 1] = sl_calloc(11);
        sl_day_format(c->detail[i].day, headers[i + 1]);
    }
    sl_report_table *t = sl_report_add_table(s, n_cols, (const char *const *)headers);
    sl_buf *cells = sl_calloc(n_cols * sizeof *cells);
    const char **texts = sl_calloc(n_cols * sizeof *texts);
    for (size_t m = 0; m < c->bp.board.n_members; m++) {
        texts[0] = sl_board_member_label(&c->bp.board, m);
        for (size_t i = 0; i < c->n_detail; i++) {
            attended(c, m, &c->detail[i], &cells[i + 1]);
            texts[i + 1] = sl_buf_str(&cells[i + 1]);
        }
        sl_report_add_row(t, texts);
    }
    if (c->bp.board.n_members == 0)
        sl_report_add_paragraph(s, NULL, "The board has no members recorded.");
    for (size_t i = 0; i < n_cols; i++) {
        sl_buf_free(&cells[i]);
        free(headers[i]);
    }
    free(cells);
    free(texts);
    free(headers);
    sl_report_add_paragraph(s, COMMENTARY, "");
}

/* One covered meeting: its decisions and the actions arising it raised. */
static void section_meeting(sl_report *r, const sl_meeting *m, const sl_arising *list, size_t n)
{
    static const char *const columns[] = {"No.", "Action", "Owner", "Due", "Status"};
    sl_buf heading = SL_BUF_INIT;
    sl_buf_puts(&heading, "Meeting of ");
    sl_papers_long_day(&heading, m->day);
    char sheet[11];
    sl_day_format(m->day, sheet);
    sl_report_section *s = sl_report_add_section(r, sl_buf_str(&heading), sheet);
    sl_buf_free(&heading);
    sl_report_add_paragraph(s, "Decisions taken", m->n_decisions ? "" : "none recorded");
    for (size_t i = 0; i < m->n_decisions; i++)
        sl_report_add_bullet(s, m->decisions[i]);
    sl_report_table *t = sl_report_add_table(s, 5, columns);
    for (size_t i = 0; i < n; i++) {
        if (list[i].meeting != m->day)
            continue;
        char id[24], due[11];
        snprintf(id, sizeof id, "%lld", (long long)list[i].id);
        sl_report_iso(list[i].due, due);
        const char *cells[] = {id, list[i].text, list[i].owner ? list[i].owner : "", due,
                               sl_status_name(list[i].status)};
        sl_report_add_row(t, cells);
    }
    if (t->n_rows == 0)
        sl_report_add_paragraph(s, NULL, "No actions arising were raised.");
    sl_report_add_paragraph(s, COMMENTARY, "");
}

/* Counts of a board's plans as of a day. */
typedef struct {
    int complete, red, amber, overdue, actions;
} progress;

/* Counts the plan actions complete, red, amber and overdue as of day; returns 0 or -1. */
static int count_progress(chair *c, sl_day day, progress *out)
{
    sl_report_plan *plans = NULL;
    size_t n = 0;
    memset(out, 0, sizeof *out);
    int rc = sl_report_load_plans(c->store, c->p->plan_id, day, &plans, &n, c->err);
    for (size_t i = 0; rc == 0 && i < n; i++)
        for (size_t k = 0; k < plans[i].n_actions; k++) {
            const sl_report_action *a = &plans[i].actions[k];
            int done = sl_report_done(a), open = !done && !sl_status_is_closed(a->status);
            out->actions++;
            out->complete += done;
            out->red += open && a->rag.rag == SL_RAG_RED;
            out->amber += open && a->rag.rag == SL_RAG_AMBER;
            out->overdue += open && a->rag.overdue;
        }
    sl_report_plans_free(plans, n);
    return rc;
}

/* Progress since the last report: plan counts then and now, and actions
 * arising opened and closed in between. Returns 0 or -1. */
static int section_progress(chair *c, sl_report *r, const sl_arising *list, size_t n)
{
    progress then, now;
    if (count_progress(c, c->then, &then) < 0 || count_progress(c, c->p->as_of, &now) < 0)
        return -1;
    int opened = 0, open_now = 0;
    for (size_t i = 0; i < n; i++) {
        opened += list[i].meeting > c->then || (c->from == 0 && list[i].meeting == c->then);
        open_now += sl_papers_arising_open(&list[i]);
    }
    char h_then[11], h_now[11];
    sl_day_format(c->then, h_then);
    sl_day_format(c->p->as_of, h_now);
    const char *columns[] = {"Measure", h_then, h_now};
    sl_report_section *s = sl_report_add_section(r, "Progress since the last report", "Progress");
    sl_report_table *t = sl_report_add_table(s, 3, columns);
    const char *names[] = {"Plan actions", "Plan actions complete", "Red", "Amber", "Overdue"};
    int a[] = {then.actions, then.complete, then.red, then.amber, then.overdue};
    int b[] = {now.actions, now.complete, now.red, now.amber, now.overdue};
    for (size_t i = 0; i < 5; i++) {
        char x[16], y[16];
        snprintf(x, sizeof x, "%d", a[i]);
        snprintf(y, sizeof y, "%d", b[i]);
        const char *cells[] = {names[i], x, y};
        sl_report_add_row(t, cells);
    }
    sl_buf line = SL_BUF_INIT;
    sl_buf_printf(&line, "Actions completed since the last report: %d. Actions arising raised "
                         "at the meetings covered: %d; open now: %d.",
                  now.complete - then.complete, opened, open_now);
    sl_report_add_paragraph(s, NULL, sl_buf_str(&line));
    sl_buf_free(&line);
    sl_report_add_paragraph(s, COMMENTARY, "");
    return 0;
}

/* The opening: which meetings the report covers and why it is due. */
static void section_about(chair *c, sl_report *r)
{
    sl_report_section *s = sl_report_add_section(r, "About this report", "About");
    sl_buf text = SL_BUF_INIT;
    char nth[16], every[16];
    ordinal((int)c->bp.at + 1, nth);
    ordinal(c->bp.board.rules.chair_report_every, every);
    sl_buf_printf(&text, "The chair of %s reports in writing after every %s meeting. This "
                         "report follows the board's %s meeting and covers its meetings of ",
                  c->bp.board.name, every, nth);
    sl_papers_long_day(&text, c->detail[0].day);
    sl_buf_puts(&text, " to ");
    sl_papers_long_day(&text, c->detail[c->n_detail - 1].day);
    sl_buf_puts(&text, ".");
    sl_report_add_paragraph(s, NULL, sl_buf_str(&text));
    sl_buf_free(&text);
    const char *chair_name = sl_board_chair(&c->bp.board);
    sl_report_add_paragraph(s, "Chair", chair_name ? chair_name : "not recorded");
    sl_report_add_paragraph(s, COMMENTARY, "");
}

/* Builds the sections once the report is known to be due; returns 0 or -1. */
static int build(chair *c, sl_report *out)
{
    sl_arising *list = NULL;
    int n = sl_store_arisings(c->store, c->bp.board_id, 0, &list, c->err);
    if (n < 0)
        return -1;
    section_about(c, out);
    section_attendance(c, out);
    for (size_t i = 0; i < c->n_detail; i++)
        section_meeting(out, &c->detail[i], list, (size_t)n);
    int rc = section_progress(c, out, list, (size_t)n);
    sl_arisings_free(list, (size_t)n);
    return rc;
}

int sl_report_chair(sl_store *store, const sl_report_params *params, sl_report *out,
                    sl_error *err)
{
    chair c = {.store = store, .p = params, .err = err};
    sl_report_init(out, "Chair's written report", params->board, params->as_of);
    int rc = sl_board_papers_load(store, params, SL_PAPERS_LAST, &c.bp, err);
    if (rc == 0 && !sl_board_chair_report_due(&c.bp.board.rules, (int)c.bp.at + 1))
        rc = not_due(&c);
    if (rc == 0)
        rc = load_covered(&c);
    if (rc == 0) {
        free(out->board);
        out->board = sl_strdup(c.bp.board.name);
        rc = build(&c, out);
    }
    for (size_t i = 0; i < c.n_detail; i++)
        sl_meeting_free(&c.detail[i]);
    free(c.detail);
    sl_board_papers_free(&c.bp);
    return rc;
}
