/* rag.h — the RAG engine (SPEC.md §3): the computed Red/Amber/Green/Blue/Grey
 * rating of an action as of a date, with the reason in words, and the manual
 * override that may sit on top of it. Thresholds are per plan. */
#ifndef SL_DOMAIN_RAG_H
#define SL_DOMAIN_RAG_H
#include "domain/date.h"
#include "domain/status.h"

typedef enum {
    SL_RAG_NONE = 0,   /* no rating (no manual override set) */
    SL_RAG_RED,
    SL_RAG_AMBER,
    SL_RAG_GREEN,
    SL_RAG_BLUE,
    SL_RAG_GREY
} sl_rag;

/* A plan's rules. sl_rag_rules_default() gives SPEC.md's defaults. */
typedef struct {
    int amber_days;         /* due within this many days and not complete → amber (14) */
    int update_cycle_days;  /* no update for longer than this → amber (30; 7 for a weekly plan) */
    int requires_signoff;   /* complete counts for the board only once signed off */
} sl_rag_rules;

/* What the engine needs to know about an action as of a date. */
typedef struct {
    sl_status status;
    sl_day start;           /* earliest start day, SL_NO_DAY when none */
    sl_day due;             /* latest due day, SL_NO_DAY when none (vague or blank) */
    sl_day last_activity;   /* last update on or before as_of, or the plan's baseline day; SL_NO_DAY when unknown */
    sl_rag manual;          /* manual override, SL_RAG_NONE when none */
    sl_day manual_until;    /* the override's review day: it lapses after it; SL_NO_DAY: none */
} sl_rag_input;

typedef struct {
    sl_rag rag;             /* what the board sees: manual when set, else computed */
    sl_rag computed;        /* what the rules give */
    int overdue;            /* latest due day before as_of and the work not done */
    int awaiting_signoff;   /* complete, plan asks for sign-off, not yet signed off */
    int stale;              /* no update within the update cycle */
    int manual_lapsed;      /* a manual override was set but its review day has passed */
    char reason[96];        /* why the computed rating is what it is */
} sl_rag_result;

/* Returns the default rules of SPEC.md §3. */
sl_rag_rules sl_rag_rules_default(void);
/* Rates an action as of a day; fills *out. Pure. */
void sl_rag_compute(const sl_rag_input *in, const sl_rag_rules *rules, sl_day as_of,
                    sl_rag_result *out);
/* Returns the manual RAG still in force on day: manual, or SL_RAG_NONE when
 * its review day (until, SL_NO_DAY for none) is before day. Pure. */
sl_rag sl_rag_manual_on(sl_rag manual, sl_day until, sl_day day);
/* Returns "red", "amber", "green", "blue", "grey" (or "" for none); static storage. */
const char *sl_rag_name(sl_rag rag);
/* Parses a RAG word (red/amber/green/blue/grey/gray, any case, or R/A/G/B);
 * returns 0 and sets *out, or -1. An empty string gives SL_RAG_NONE. */
int sl_rag_parse(const char *text, sl_rag *out);

#endif
