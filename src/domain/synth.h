/* synth.h — a deterministic synthetic council for load tests and demos: an
 * improvement plan of 300–500 actions in themes, with leads and
 * recommendations, and each action's weekly progress history over the
 * plan's years. Pure: the same spec gives the same plan and history on every
 * run and platform (util/prng.h; no clock, no I/O). `sightline gen` stores
 * what this builds. */
#ifndef SL_DOMAIN_SYNTH_H
#define SL_DOMAIN_SYNTH_H
#include <stddef.h>
#include <stdint.h>

#include "domain/board.h"
#include "domain/date.h"
#include "domain/inspection.h"
#include "domain/measure.h"
#include "domain/plan.h"
#include "domain/rag.h"
#include "domain/risk.h"
#include "domain/status.h"

/* What to generate for one council. */
typedef struct {
    const char *authority;      /* the council's name, as the reference table gives it */
    uint64_t seed;              /* the run's seed */
    int index;                  /* the council's position in the run: its own random stream */
    sl_day start;               /* the plan's first day */
    int years;                  /* how long its history runs (1 or more) */
} sl_synth_spec;

/* One generated progress update. note points to static text. */
typedef struct {
    sl_day day;
    sl_status status;
    sl_rag rag;                 /* SL_RAG_NONE, or a manual rating (with rag_reason) */
    const char *rag_reason;
    const char *note;
} sl_synth_update;

/* The last day of a spec's history: start + years × 365 − 1. */
sl_day sl_synth_end(const sl_synth_spec *spec);
/* Builds the council's plan into *out (zeroed first); the caller frees it
 * with sl_plan_free. */
void sl_synth_plan(const sl_synth_spec *spec, sl_plan *out);
/* Writes the weekly history of action number i (0-based) of the plan
 * sl_synth_plan built for spec into *buf (grown as needed, *cap its
 * capacity; the caller frees *buf) and returns how many updates it holds,
 * oldest first. */
size_t sl_synth_history(const sl_synth_spec *spec, const sl_plan *plan, size_t i,
                        sl_synth_update **buf, size_t *cap);

#define SL_SYNTH_MEASURES 40

/* Fills defs (SL_SYNTH_MEASURES of them, each initialised here; the caller
 * frees each with sl_measure_def_free) with the council's monthly measures,
 * coded "<code>_M01"…, and returns their values (actual, england and
 * statistical-neighbours, month by month over the years; caller frees),
 * setting *n_values. */
sl_measure_value *sl_synth_measures(const sl_synth_spec *spec, const char *code,
                                    sl_measure_def defs[SL_SYNTH_MEASURES], size_t *n_values);
/* Fills *out with the inspection the plan answers (before its start: an
 * overall judgement of inadequate or requires improvement); the caller frees
 * it with sl_inspection_free. */
void sl_synth_inspection(const sl_synth_spec *spec, sl_inspection *out);
/* Fills *out with the council's improvement board ("<authority> Improvement
 * Board", monthly, first Tuesday; a chair and three members); the caller
 * frees it with sl_board_free. */
void sl_synth_board(const sl_synth_spec *spec, sl_board *out);
/* Returns the day of the board's monthly meeting m (0-based) from the plan's start. */
sl_day sl_synth_meeting_day(const sl_synth_spec *spec, int m);
/* Fills risks[0..n) (n from 3 to 5, returned; at most 5) with the council's
 * risks, each linked to action_ids[k] for a k it draws below n_actions.
 * The caller frees each with sl_risk_free. */
int sl_synth_risks(const sl_synth_spec *spec, const int64_t *action_ids, size_t n_actions,
                   sl_risk risks[5]);

#endif
