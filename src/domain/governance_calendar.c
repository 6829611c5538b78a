/* governance_calendar.c — dated deadlines from boards, meetings and plans. */
#include "domain/governance_calendar.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/calendar.h"
#include "util/mem.h"

static const char *const kind_names[SL_GCAL_KIND_COUNT] = {
    "meeting",    "papers-due", "substitute-notice-due", "minutes-due", "chair-report-due",
    "tor-review-due", "plan-due", "action-due", "arising-due", "measure-due"};

const char *sl_gcal_kind_name(sl_gcal_kind kind)
{
    return (unsigned)kind < SL_GCAL_KIND_COUNT ? kind_names[kind] : "meeting";
}

void sl_gcal_add(sl_gcal *cal, sl_gcal_kind kind, sl_day date, const char *board, sl_day meeting,
                 const char *title, int done)
{
    cal->entries = sl_realloc(cal->entries, (cal->n + 1) * sizeof *cal->entries);
    sl_gcal_entry *e = &cal->entries[cal->n++];
    e->kind = kind;
    e->date = date;
    e->board = board ? sl_strdup(board) : NULL;
    e->meeting = meeting;
    e->title = sl_strdup(title ? title : "");
    e->done = done;
}

sl_day sl_add_months(sl_day day, int months)
{
    int y, m, d;
    sl_day_to_ymd(day, &y, &m, &d);
    int total = y * 12 + (m - 1) + months;
    y = total / 12;
    m = total % 12 + 1;
    int last = sl_days_in_month(y, m);
    return sl_day_from_ymd(y, m, d > last ? last : d);
}

/* Orders meetings by day, for qsort. */
static int cmp_meeting(const void *a, const void *b)
{
    sl_day x = ((const sl_gcal_meeting *)a)->day, y = ((const sl_gcal_meeting *)b)->day;
    return (x > y) - (x < y);
}

/* Appends one meeting's entries: the meeting and its three deadlines, and
 * the chair's report when this is the nth meeting the rules name. */
static void add_meeting(sl_gcal *cal, const sl_board *b, const sl_gcal_meeting *m, int nth)
{
    char title[64];
    sl_meeting_deadlines dl = sl_board_deadlines(&b->rules, m->day);
    sl_gcal_add(cal, SL_GCAL_MEETING, m->day, b->name, m->day, "Meeting", 0);
    sl_gcal_add(cal, SL_GCAL_PAPERS_DUE, dl.papers_due, b->name, m->day, "Papers due", m->papers_published);
    sl_gcal_add(cal, SL_GCAL_SUBSTITUTE_DUE, dl.substitute_due, b->name, m->day, "Substitute notice due", 0);
    sl_gcal_add(cal, SL_GCAL_MINUTES_DUE, dl.minutes_due, b->name, m->day, "Draft minutes due", m->minutes_written);
    if (sl_board_chair_report_due(&b->rules, nth)) {
        snprintf(title, sizeof title, "Chair's written report due (after meeting %d)", nth);
        sl_gcal_add(cal, SL_GCAL_CHAIR_REPORT_DUE, dl.minutes_due, b->name, m->day, title, 0);
    }
}

/* Appends the terms-of-reference reviews from `from` every review_months,
 * up to and including the first after `until`. */
static void add_reviews(sl_gcal *cal, const sl_board *b, sl_day from, sl_day until)
{
    if (from == SL_NO_DAY || b->rules.review_months <= 0)
        return;
    for (int k = 1; k < 1000; k++) {
        sl_day due = sl_add_months(from, k * b->rules.review_months);
        sl_gcal_add(cal, SL_GCAL_TOR_REVIEW_DUE, due, b->name, SL_NO_DAY, "Terms of reference review due", 0);
        if (due > until)
            break;
    }
}

void sl_gcal_add_board(sl_gcal *cal, const sl_board *b, const sl_gcal_meeting *meetings, size_t n, sl_day until)
{
    sl_gcal_meeting *sorted = sl_calloc((n ? n : 1) * sizeof *sorted);
    if (n)
        memcpy(sorted, meetings, n * sizeof *sorted);
    qsort(sorted, n, sizeof *sorted, cmp_meeting);
    for (size_t i = 0; i < n; i++)
        add_meeting(cal, b, &sorted[i], (int)i + 1);
    sl_day from = b->tor_adopted != SL_NO_DAY ? b->tor_adopted : n ? sorted[0].day : SL_NO_DAY;
    sl_day last = n && sorted[n - 1].day > until ? sorted[n - 1].day : until;
    add_reviews(cal, b, from, last);
    free(sorted);
}

/* Orders entries by date, kind, board, for qsort. */
static int cmp_entry(const void *a, const void *b)
{
    const sl_gcal_entry *x = a, *y = b;
    if (x->date != y->date)
        return (x->date > y->date) - (x->date < y->date);
    if (x->kind != y->kind)
        return (int)x->kind - (int)y->kind;
    return strcmp(x->board ? x->board : "", y->board ? y->board : "");
}

void sl_gcal_sort(sl_gcal *cal)
{
    if (cal->n)
        qsort(cal->entries, cal->n, sizeof *cal->entries, cmp_entry);
}

const char *sl_gcal_state(const sl_gcal_entry *e, sl_day as_of)
{
    if (e->done)
        return "done";
    if (e->kind == SL_GCAL_MEETING)
        return e->date < as_of ? "held" : e->date == as_of ? "due" : "upcoming";
    return e->date < as_of ? "overdue" : e->date == as_of ? "due" : "upcoming";
}

void sl_gcal_free(sl_gcal *cal)
{
    for (size_t i = 0; i < cal->n; i++) {
        free(cal->entries[i].board);
        free(cal->entries[i].title);
    }
    free(cal->entries);
    cal->entries = NULL;
    cal->n = 0;
}

sl_day sl_plan_deadline(sl_day published, int focused)
{
    return sl_add_working_days(published, focused ? 20 : 70);
}
