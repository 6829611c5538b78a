/* lint.h — data-quality findings on a plan (SPEC.md §5 `lint`): each has a
 * severity, a stable kebab-case code, the action's ref and source line, and a
 * message. Pure: works on an in-memory plan. */
#ifndef SL_DOMAIN_LINT_H
#define SL_DOMAIN_LINT_H
#include "domain/plan.h"

typedef enum { SL_LINT_WARNING, SL_LINT_ERROR } sl_lint_severity;

typedef struct {
    sl_lint_severity severity;
    const char *code;           /* static: "due-before-start", "ref-gap", … */
    char *ref;                  /* owned; "" for plan-level findings */
    long line;                  /* source line, 0 when unknown */
    char *message;              /* owned */
} sl_finding;

typedef struct {
    sl_finding *items;
    size_t n;
} sl_findings;

/* Appends the findings for a plan to out (which the caller frees with sl_findings_free). */
void sl_lint_plan(const sl_plan *plan, sl_findings *out);
/* Appends one finding (ref and message are copied). */
void sl_findings_add(sl_findings *out, sl_lint_severity severity, const char *code,
                     const char *ref, long line, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));
/* Frees every finding and the array. */
void sl_findings_free(sl_findings *f);
/* Returns "error" or "warning"; static storage. */
const char *sl_lint_severity_name(sl_lint_severity severity);

#endif
