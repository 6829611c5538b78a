/* finding.c — building and freeing findings (see finding.h). */
#include "domain/finding.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "util/mem.h"

void sl_findings_add(sl_findings *out, sl_lint_severity severity, const char *code,
                     const char *ref, long line, const char *fmt, ...)
{
    sl_buf message = SL_BUF_INIT;
    va_list ap;
    va_start(ap, fmt);
    sl_buf_vcprintf(&message, fmt, ap);
    va_end(ap);
    out->items = sl_realloc(out->items, (out->n + 1) * sizeof *out->items);
    sl_finding *f = &out->items[out->n++];
    f->severity = severity;
    f->code = code;
    f->ref = sl_strdup(ref ? ref : "");
    f->line = line;
    f->message = sl_strdup(sl_buf_str(&message));
    sl_buf_free(&message);
}

void sl_findings_free(sl_findings *f)
{
    for (size_t i = 0; i < f->n; i++) {
        free(f->items[i].ref);
        free(f->items[i].message);
    }
    free(f->items);
    f->items = NULL;
    f->n = 0;
}

const char *sl_lint_severity_name(sl_lint_severity severity)
{
    return severity == SL_LINT_ERROR ? "error" : "warning";
}

const char *sl_finding_code(const char *code)
{
    static const char *const codes[] = {
        "due-before-start", "invalid-date", "unreadable-date", "duplicate-ref", "ref-gap",
        "missing-lead", "missing-measure", "missing-due", "vague-timescale",
        "recommendation-without-action", "unparsed-row", "doubtful-row", "damaged-ref",
        "scrambled-text", "submission-deadline", "not-a-person", "hidden-sheet", "missing-value",
    };
    for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++)
        if (strcmp(codes[i], code) == 0)
            return codes[i];
    return NULL;
}
