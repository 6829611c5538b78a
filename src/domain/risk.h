/* risk.h — the risk log (SPEC.md §2 "Risks"): cause, effect, owner,
 * likelihood 1–5 × impact 1–5, the bands of a 5×5 heat map, a target score,
 * a trend, mitigations and linked actions, reviewed over time; and the RAG
 * of a savings project's year (forecast or delivered against target).
 *
 * Strings in sl_risk are owned by it and freed by sl_risk_free. Pure domain
 * code: no I/O, no database. */
#ifndef SL_DOMAIN_RISK_H
#define SL_DOMAIN_RISK_H
#include <stddef.h>
#include <stdint.h>

#include "domain/date.h"
#include "domain/rag.h"

typedef enum { SL_RISK_TREND_NEW = 0, SL_RISK_TREND_UP, SL_RISK_TREND_DOWN, SL_RISK_TREND_STEADY } sl_risk_trend;
typedef enum { SL_BAND_LOW = 0, SL_BAND_MEDIUM, SL_BAND_HIGH, SL_BAND_VERY_HIGH } sl_risk_band;

typedef struct {
    int64_t id;
    char *ref;                  /* "R1"; NULL before the store gives one */
    char *title;
    char *cause;                /* "" when none */
    char *effect;
    char *owner;
    int likelihood;             /* 1..5 */
    int impact;                 /* 1..5 */
    int target_score;           /* 1..25, 0 when none */
    sl_risk_trend trend;
    char *mitigations;          /* "" when none */
    sl_day review;              /* next review day, SL_NO_DAY when none */
    int64_t *action_ids;        /* linked plan actions */
    size_t n_actions;
    char *authority;            /* the authority it belongs to, as the store read it; NULL when none */
} sl_risk;

/* One entry of a risk's append-only review history. */
typedef struct {
    char *recorded_at;          /* "YYYY-MM-DDTHH:MM:SSZ" */
    char *author;
    int likelihood;
    int impact;
    sl_risk_trend trend;
    char *note;                 /* "" when none */
} sl_risk_history;

/* Frees an array of n history entries and the array. */
void sl_risk_history_free(sl_risk_history *list, size_t n);
/* Returns an empty risk (no strings, trend new, review SL_NO_DAY). */
sl_risk sl_risk_empty(void);
/* Frees what the risk owns and leaves it empty. */
void sl_risk_free(sl_risk *risk);
/* Frees an array of n risks and the array. */
void sl_risks_free(sl_risk *risks, size_t n);
/* Returns likelihood × impact. */
int sl_risk_score(int likelihood, int impact);
/* Returns the heat-map band of a score (1–4 low, 5–9 medium, 10–14 high, 15–25 very high). */
sl_risk_band sl_risk_band_of(int score);
/* Returns "low", "medium", "high" or "very-high"; static storage. */
const char *sl_risk_band_name(sl_risk_band band);
/* Returns 0 when likelihood and impact are each 1..5 and the target score (when
 * not 0) is 1..25; else -1 with why written (why_len bytes). */
int sl_risk_check(int likelihood, int impact, int target_score, char *why, size_t why_len);
/* Returns "new", "up", "down" or "steady"; static storage. */
const char *sl_risk_trend_name(sl_risk_trend trend);
/* Parses a trend word; returns 0 and sets *out, or -1. */
int sl_risk_trend_parse(const char *text, sl_risk_trend *out);
/* Returns the trend from an old score to a new one (up, down or steady). */
sl_risk_trend sl_risk_trend_between(int old_score, int new_score);

/* The RAG of a savings project's financial year: the delivered amount when
 * known (delivered >= 0), else the forecast, against the target: green at
 * 100% or more, amber from 90%, red below; grey when there is no target or
 * nothing to measure (both < 0). Sets *variance to amount − target. */
sl_rag sl_savings_rag(double target, double forecast, double delivered, double *variance);

#endif
