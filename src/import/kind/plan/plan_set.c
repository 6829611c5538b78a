/* plan_set.c — the set of plans a file holds (import.h): freeing it. A file
 * of its own because every reader uses it and import.c calls the readers, so
 * that the readers never call back into import.c. */
#include "import/kind/plan/plan_read.h"

#include <stdlib.h>

#include "domain/plan.h"

void sl_plan_set_free(sl_plan_set *set)
{
    for (size_t i = 0; i < set->n_plans; i++)
        sl_plan_free(&set->plans[i]);
    free(set->plans);
    set->plans = NULL;
    set->n_plans = 0;
}
