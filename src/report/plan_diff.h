/* plan_diff.h — what changed between two versions of a plan: actions added,
 * removed, and changed field by field. Actions are matched by ref (the n-th
 * action with a repeated ref matches the n-th in the other version). */
#ifndef SL_REPORT_PLAN_DIFF_H
#define SL_REPORT_PLAN_DIFF_H
#include "domain/plan.h"
#include "util/buf.h"

typedef struct {
    int added;
    int removed;
    int changed;                /* actions with at least one changed field */
    int fields;                 /* changed fields in all */
} sl_diff_counts;

/* Appends the differences from old_plan to new_plan as lines ("+ ref title",
 * "- ref title", "~ ref field: before -> after") and fills *counts. */
void sl_plan_diff(sl_buf *out, const sl_plan *old_plan, const sl_plan *new_plan,
                  sl_diff_counts *counts);

#endif
