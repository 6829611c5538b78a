/* lint.h — data-quality findings on a plan (SPEC.md §5 `lint`): each has a
 * severity, a stable kebab-case code, the action's ref and source line, and a
 * message. Pure: works on an in-memory plan. */
#ifndef SL_DOMAIN_LINT_H
#define SL_DOMAIN_LINT_H
#include "domain/finding.h"
#include "domain/plan.h"

/* Appends the findings for a plan (its import findings first) to out (which the caller frees with sl_findings_free). */
void sl_lint_plan(const sl_plan *plan, sl_findings *out);

#endif
