/* finding.h — a data-quality finding: what `lint` reports and what an
 * importer records about rows it could not read cleanly. */
#ifndef SL_DOMAIN_FINDING_H
#define SL_DOMAIN_FINDING_H
#include <stddef.h>

typedef enum { SL_LINT_WARNING, SL_LINT_ERROR } sl_lint_severity;

typedef struct {
    sl_lint_severity severity;
    const char *code;           /* static: "due-before-start", "unparsed-row", … */
    char *ref;                  /* owned; "" for plan-level findings */
    long line;                  /* source line, 0 when unknown */
    char *message;              /* owned */
} sl_finding;

typedef struct {
    sl_finding *items;
    size_t n;
} sl_findings;

/* Appends one finding (ref and message are copied; code must be static). */
void sl_findings_add(sl_findings *out, sl_lint_severity severity, const char *code,
                     const char *ref, long line, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));
/* Frees every finding and the array. */
void sl_findings_free(sl_findings *f);
/* Returns "error" or "warning"; static storage. */
const char *sl_lint_severity_name(sl_lint_severity severity);
/* Returns the static code string equal to code when it is one sightline
 * knows, else NULL (used when findings are read back from storage). */
const char *sl_finding_code(const char *code);

#endif
