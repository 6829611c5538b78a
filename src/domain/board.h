/* board.h — governance bodies (SPEC.md §2 "Governance"): a board, its
 * members and named substitutes, its terms of reference and the rules it
 * runs by (how often it meets, how many working days before a meeting its
 * papers and substitute notices are due, how soon after it the minutes are,
 * after how many meetings the chair reports in writing, how often the terms
 * of reference are reviewed), and the deadlines those rules give a meeting.
 *
 * Every string is owned by the board and freed by sl_board_free; a member's
 * name or substitute is NULL when the document names only the role ("(tbc)",
 * a role with no name). Pure domain code: no I/O, no database. */
#ifndef SL_DOMAIN_BOARD_H
#define SL_DOMAIN_BOARD_H
#include <stddef.h>

#include "domain/date.h"
#include "domain/finding.h"

typedef enum {
    SL_BOARD_IMPROVEMENT = 0,   /* "improvement": the improvement (partnership) board */
    SL_BOARD_PROGRAMME,         /* "programme": the officers' programme board */
    SL_BOARD_TASK_GROUP,        /* "task-group": a workstream task group */
    SL_BOARD_SCRUTINY           /* "scrutiny": a scrutiny committee or sub-committee */
} sl_board_kind;

typedef struct {
    char *name;                 /* the person, NULL when only the role is known */
    char *role;                 /* "Director of Children's Services"; never NULL ("" when none) */
    char *organisation;         /* "Police"; never NULL ("" when none) */
    char *substitute;           /* the one named substitute (deputy), NULL when none */
    int chair;                  /* 1 for the chair */
    int vice_chair;             /* 1 for the vice-chair */
} sl_board_member;

/* How often a board meets: every `every` units, optionally on a fixed
 * weekday of the month ("monthly, first Tuesday": every 1 month, weekday 2,
 * week 1; "last Thursday of the month": week -1). */
typedef enum { SL_EVERY_WEEK = 0, SL_EVERY_MONTH } sl_every_unit;

typedef struct {
    int every;                  /* 1, 6; 0 when the document does not say */
    sl_every_unit unit;
    int weekday;                /* ISO weekday 1 Monday … 7 Sunday, 0 for none */
    int week_of_month;          /* 1..4, -1 for the last, 0 for none (month unit only) */
} sl_schedule;

typedef struct {
    sl_schedule meets;
    int papers_days;            /* working days before a meeting the papers are due (5) */
    int substitute_notice_days; /* working days before a meeting a substitute is notified (2) */
    int minutes_days;           /* working days after a meeting the draft minutes are due (5: a week) */
    int chair_report_every;     /* the chair reports in writing after every Nth meeting (3) */
    int review_months;          /* the terms of reference are reviewed every N months (3) */
} sl_board_rules;

typedef struct {
    char *name;                 /* "Children's Improvement Partnership Board" */
    sl_board_kind kind;
    char *tor_text;             /* the terms of reference as written, "" when none */
    sl_day tor_adopted;         /* when they were adopted, SL_NO_DAY when not known */
    sl_board_rules rules;
    sl_board_member *members;   /* in the order the document lists them */
    size_t n_members;
    char *authority;            /* the authority it belongs to, as the store read it; NULL when none */
} sl_board;

/* Returns the rules of SPEC.md §2: monthly; papers 5 working days before,
 * substitutes 2, minutes 5 after (one week); chair's report every third
 * meeting; terms of reference reviewed quarterly. */
sl_board_rules sl_board_rules_default(void);
/* Returns an empty board with the default rules (no strings allocated yet). */
sl_board sl_board_empty(void);
/* Frees every string and member the board owns and leaves it empty. */
void sl_board_free(sl_board *board);
/* Appends a member (strings copied; name and substitute may be NULL); returns its index. */
size_t sl_board_add_member(sl_board *board, const char *name, const char *role,
                           const char *organisation, const char *substitute);

/* Returns "improvement", "programme", "task-group" or "scrutiny"; static storage. */
const char *sl_board_kind_name(sl_board_kind kind);
/* Parses a kind word (as above, or "improvement board", "task group",
 * "scrutiny committee"); returns 0 and sets *out, or -1. */
int sl_board_kind_parse(const char *text, sl_board_kind *out);

/* Writes how often the board meets as "1 month", "6 weeks" ("" when not
 * stated) into out (32 bytes). */
void sl_schedule_format(const sl_schedule *schedule, char out[32]);
/* Returns the first meeting day strictly after `after` that the schedule
 * gives, counting from `anchor` (a meeting the schedule runs from); returns
 * SL_NO_DAY when the schedule says nothing. */
sl_day sl_schedule_next(const sl_schedule *schedule, sl_day anchor, sl_day after);

/* The deadlines the rules give one meeting, in working days (England and Wales). */
typedef struct {
    sl_day papers_due;          /* papers_days working days before */
    sl_day substitute_due;      /* substitute_notice_days working days before */
    sl_day minutes_due;         /* minutes_days working days after */
} sl_meeting_deadlines;

/* Returns the deadlines of a meeting held on day under rules. */
sl_meeting_deadlines sl_board_deadlines(const sl_board_rules *rules, sl_day day);
/* Returns 1 when the chair's written report is due after the meeting that is
 * the nth (1-based) of its board, under rules. */
int sl_board_chair_report_due(const sl_board_rules *rules, int nth);

#endif
