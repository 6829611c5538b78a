/* meeting.h — a board's meetings (SPEC.md §2 "Governance"): when and where,
 * the papers (once published the pack is frozen and later papers are late),
 * attendance with named substitutes, the agenda, minutes (draft until the
 * next meeting approves them), decisions and actions arising.
 *
 * Every string is owned by its structure and freed by the matching *_free
 * function. Pure domain code: no I/O, no database. */
#ifndef SL_DOMAIN_MEETING_H
#define SL_DOMAIN_MEETING_H
#include <stddef.h>
#include <stdint.h>

#include "domain/board.h"
#include "domain/date.h"
#include "domain/status.h"

typedef enum { SL_ATTEND_PRESENT = 0, SL_ATTEND_APOLOGIES, SL_ATTEND_SUBSTITUTE } sl_attend_state;
typedef enum { SL_AGENDA_STANDING = 0, SL_AGENDA_DEEP_DIVE, SL_AGENDA_ITEM } sl_agenda_kind;

typedef struct {
    char *member;               /* the member's name, or role when unnamed */
    sl_attend_state state;
    char *substitute;           /* who attended instead, NULL unless SL_ATTEND_SUBSTITUTE */
} sl_attendance;

typedef struct {
    char *title;
    sl_agenda_kind kind;
    char *theme;                /* the theme of a deep dive, NULL when none */
    int late;                   /* added after the papers were published */
} sl_agenda_item;

typedef struct {
    int64_t id;
    int64_t board_id;
    char *board;                /* the board's name */
    sl_day day;
    char time[6];               /* "HH:MM", "" when not set */
    char *venue;                /* "" when not set */
    sl_day papers_published;    /* SL_NO_DAY until the pack is published */
    char *minutes;              /* NULL until written */
    sl_day minutes_approved_at; /* the meeting that approved them, SL_NO_DAY while draft */
    sl_attendance *attendance;  /* loaded by the detail load only */
    size_t n_attendance;
    sl_agenda_item *agenda;
    size_t n_agenda;
    char **decisions;
    size_t n_decisions;
} sl_meeting;

/* An action arising from a meeting, with its current status. */
typedef struct {
    int64_t id;
    char *board;
    sl_day meeting;             /* the meeting that raised it */
    char *text;
    char *owner;
    sl_day due;                 /* SL_NO_DAY when none */
    sl_status status;
} sl_arising;

/* One entry of an action arising's append-only history. */
typedef struct {
    char *recorded_at;          /* "YYYY-MM-DDTHH:MM:SSZ" */
    char *author;
    sl_status status;
    char *note;                 /* "" when none */
} sl_arising_update;

/* Returns an empty meeting (no strings allocated, days SL_NO_DAY). */
sl_meeting sl_meeting_empty(void);
/* Frees every string and list the meeting owns and leaves it empty. */
void sl_meeting_free(sl_meeting *meeting);
/* Frees an array of n meetings (each with sl_meeting_free) and the array. */
void sl_meetings_free(sl_meeting *meetings, size_t n);
/* Frees the strings an action arising owns. */
void sl_arising_free(sl_arising *arising);
/* Frees an array of n actions arising and the array. */
void sl_arisings_free(sl_arising *list, size_t n);

/* Frees an array of n history entries and the array. */
void sl_arising_updates_free(sl_arising_update *list, size_t n);

/* Parses "HH:MM" (00:00–23:59) into out; returns 0, or -1. */
int sl_meeting_time_parse(const char *text, char out[6]);
/* Returns "present", "apologies" or "substitute"; static storage. */
const char *sl_attend_state_name(sl_attend_state state);
/* Parses an attendance word; returns 0 and sets *out, or -1. */
int sl_attend_state_parse(const char *text, sl_attend_state *out);
/* Returns "standing", "deep-dive" or "item"; static storage. */
const char *sl_agenda_kind_name(sl_agenda_kind kind);
/* Parses an agenda kind; returns 0 and sets *out, or -1. */
int sl_agenda_kind_parse(const char *text, sl_agenda_kind *out);

/* Finds the member of a board that who names (name or role, any case);
 * returns its index, or -1. */
int sl_board_find_member(const sl_board *board, const char *who);
/* Returns 1 when `by` may attend for member m: the member's named
 * substitute, or another member of the board (by name or role); else 0. */
int sl_board_substitute_allowed(const sl_board *board, size_t m, const char *by);
/* Returns the label attendance records for member m: its name, or its role
 * when unnamed; the board owns it. */
const char *sl_board_member_label(const sl_board *board, size_t m);
/* Returns the chair's name (or role when unnamed), NULL when the board has none. */
const char *sl_board_chair(const sl_board *board);

/* Parses how often a board meets: "1 month", "6 weeks", "every six weeks",
 * "weekly", "fortnightly", "monthly", "quarterly", "monthly, first Tuesday",
 * "last Thursday of the month". Returns 0 and sets *out, or -1. */
int sl_meets_parse(const char *text, sl_schedule *out);

#endif
