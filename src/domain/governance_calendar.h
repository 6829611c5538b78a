/* governance_calendar.h — what is due and when (SPEC.md §5.1 `calendar`):
 * from boards and their rules, their meetings, plan actions' and actions
 * arising's due days, measures' milestones and each inspection's plan
 * deadline, dated entries with a kind, a board, a meeting and a title, each
 * due or overdue relative to a day.
 *
 * The calendar owns its entries and their strings; free with sl_gcal_free.
 * Pure domain code: no I/O, no database. */
#ifndef SL_DOMAIN_GOVERNANCE_CALENDAR_H
#define SL_DOMAIN_GOVERNANCE_CALENDAR_H
#include <stddef.h>

#include "domain/board.h"
#include "domain/date.h"

typedef enum {
    SL_GCAL_MEETING = 0,
    SL_GCAL_PAPERS_DUE,
    SL_GCAL_SUBSTITUTE_DUE,
    SL_GCAL_MINUTES_DUE,
    SL_GCAL_CHAIR_REPORT_DUE,
    SL_GCAL_TOR_REVIEW_DUE,
    SL_GCAL_PLAN_DUE,
    SL_GCAL_ACTION_DUE,
    SL_GCAL_ARISING_DUE,
    SL_GCAL_MEASURE_DUE,
    SL_GCAL_KIND_COUNT
} sl_gcal_kind;

typedef struct {
    sl_gcal_kind kind;
    sl_day date;
    char *board;                /* NULL when the entry belongs to no board */
    sl_day meeting;             /* the meeting it belongs to, SL_NO_DAY when none */
    char *title;
    int done;                   /* 1 when already done (minutes written, action closed) */
} sl_gcal_entry;

typedef struct {
    sl_gcal_entry *entries;
    size_t n;
} sl_gcal;

/* Returns "meeting", "papers-due", "substitute-notice-due", "minutes-due",
 * "chair-report-due", "tor-review-due", "plan-due", "action-due",
 * "arising-due" or "measure-due"; static storage. */
const char *sl_gcal_kind_name(sl_gcal_kind kind);
/* Appends an entry (board and title copied; board may be NULL). */
void sl_gcal_add(sl_gcal *cal, sl_gcal_kind kind, sl_day date, const char *board, sl_day meeting,
                 const char *title, int done);
/* One meeting as the calendar needs it. */
typedef struct {
    sl_day day;
    int papers_published;       /* 1: its papers-due entry is done */
    int minutes_written;        /* 1: its minutes-due entry is done */
} sl_gcal_meeting;

/* Appends the entries a board's rules give its meetings (in any order, n of
 * them): each meeting, its papers, substitute notice and minutes deadlines,
 * the chair's report after every Nth meeting (in date order) and the
 * terms-of-reference reviews from their adoption (or the first meeting) up
 * to the first review after both until and the last meeting. */
void sl_gcal_add_board(sl_gcal *cal, const sl_board *board, const sl_gcal_meeting *meetings, size_t n,
                       sl_day until);
/* Sorts the entries by date, then kind, then board. */
void sl_gcal_sort(sl_gcal *cal);
/* Returns "done", "overdue" (before as_of and not done), "due" (on as_of)
 * or "upcoming"; static storage. Meetings are "held" once before as_of. */
const char *sl_gcal_state(const sl_gcal_entry *entry, sl_day as_of);
/* Frees every entry and leaves the calendar empty. */
void sl_gcal_free(sl_gcal *cal);

/* Returns the day a post-inspection plan is due: 70 working days after the
 * report's publication (20 after a focused visit). */
sl_day sl_plan_deadline(sl_day published, int focused);
/* Returns the day `months` calendar months after day (clamped to the month's end). */
sl_day sl_add_months(sl_day day, int months);

#endif
