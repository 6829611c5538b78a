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

#include "domain/date.h"
#include "domain/plan.h"
#include "domain/rag.h"
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

#endif
