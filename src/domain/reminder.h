/* reminder.h — what a lead is asked to do in the daily reminder, and when
 * the daily run falls due. An open action they lead (or are SRO for) needs
 * an update once the plan's update cycle has passed since its last update
 * (the RAG engine's "stale" from the day after); a complete action awaiting
 * sign-off needs its SRO. The daily run is at a time of day in
 * Europe/London (GMT in winter, BST from the last Sunday of March to the
 * last Sunday of October, changing at 01:00 UTC). Pure domain code. */
#ifndef SL_DOMAIN_REMINDER_H
#define SL_DOMAIN_REMINDER_H
#include <stdint.h>

#include "domain/date.h"
#include "domain/status.h"

typedef enum {
    SL_NEED_NONE = 0,
    SL_NEED_UPDATE_DUE,         /* the update cycle ends today */
    SL_NEED_UPDATE_OVERDUE,     /* the update cycle ended before today, or no update is known */
    SL_NEED_SIGN_OFF            /* complete, awaiting this person's sign-off as SRO */
} sl_need_kind;

/* What the rule needs to know about one action and one person. */
typedef struct {
    sl_status status;
    sl_day start;               /* earliest start day, SL_NO_DAY when none */
    sl_day last_activity;       /* last update on or before the day, else the plan's baseline; SL_NO_DAY unknown */
    int update_cycle_days;      /* the plan's update cycle */
    int awaiting_signoff;       /* the RAG engine's "complete: awaiting sign-off" */
    int owns;                   /* the person leads the action or is its SRO */
    int is_sro;                 /* the person is its SRO */
} sl_need_input;

typedef struct {
    sl_need_kind kind;
    sl_day update_due;          /* the day the update fell or falls due; SL_NO_DAY when none is known */
} sl_need;

/* Decides what, if anything, the person must do about the action as of a
 * day; fills *out. A not-started action whose start is still ahead needs nothing. */
void sl_reminder_need(const sl_need_input *in, sl_day as_of, sl_need *out);
/* Returns "update due", "update overdue", "sign-off" or ""; static storage. */
const char *sl_need_name(sl_need_kind kind);
/* Returns 1 when a plan's SRO or leads cell names person as a whole word
 * (so "BP" is not found in "BPX" or "AB-P"), else 0. */
int sl_person_named(const char *cell, const char *person);
/* Parses a time of day "HH:MM" (24-hour); returns 0 and sets *minute, or -1. */
int sl_parse_time_of_day(const char *text, int *minute);

#endif
