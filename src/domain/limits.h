/* limits.h — the one list of field limits, in characters (UTF-8 code points),
 * enforced at every edge alike: the command line, the web forms and the
 * importers call these checks, and all refuse with the same words. Text is
 * never cut to fit: over a limit it is refused whole. */
#ifndef SL_DOMAIN_LIMITS_H
#define SL_DOMAIN_LIMITS_H
#include <stddef.h>

#include "domain/plan.h"
#include "util/error.h"

#define SL_LIMIT_REF 100            /* an action's or theme's reference ("2.15") */
#define SL_LIMIT_TITLE 500          /* a plan's title */
#define SL_LIMIT_HEADING 2000       /* a theme's or an action's title: real plans write the action
                                     * as a sentence or two (the longest in the samples: 530) */
#define SL_LIMIT_NARRATIVE 20000    /* description, measure, impact, progress in an import */
#define SL_LIMIT_PEOPLE 2000        /* an SRO or leads cell */
#define SL_LIMIT_SHORT 2000         /* resources, delivered through, a date as written */
#define SL_LIMIT_STATUS_TEXT 200    /* a status in the plan's own words */
#define SL_LIMIT_NOTE 8000          /* a progress note */
#define SL_LIMIT_REASON 2000        /* why a manual RAG, why an action is returned */
#define SL_LIMIT_EVIDENCE 2000      /* a link to evidence */
#define SL_LIMIT_COMMENT 4000       /* a board member's comment */
#define SL_LIMIT_FIGURE_VALUE 40    /* a measure's figure as typed ("1,234,567.5", "62%") */
#define SL_LIMIT_FIGURE_PERIOD 40   /* the period a figure is for as typed ("September 2024") */
#define SL_LIMIT_FIGURE_SOURCE 200  /* where a figure comes from ("Liquidlogic extract") */
#define SL_LIMIT_FIGURE_NOTE 2000   /* a note on a figure */
#define SL_LIMIT_FILE_NAME 255      /* an evidence file's name */

/* An evidence file attached to a progress update (on the web form and `update --attach`). */
#define SL_EVIDENCE_MAX_BYTES ((size_t)20 << 20)

/* Limits on the work one import may make (settable: `import --max-bytes`
 * and the rest). The defaults fit every real document in the samples many
 * times over: the largest is 157 KB and 200 actions. */
typedef struct {
    size_t max_bytes;           /* a file's size; a PDF's text too */
    int max_pages;              /* a PDF's pages */
    long max_rows;              /* actions read from one file */
    int max_seconds;            /* converting a PDF to text */
} sl_import_limits;

#define SL_IMPORT_MAX_BYTES ((size_t)32 << 20)
#define SL_IMPORT_MAX_PAGES 1000
#define SL_IMPORT_MAX_ROWS 20000L
#define SL_IMPORT_MAX_SECONDS 60

/* Returns the limits with each unset (zero) one at its default. */
sl_import_limits sl_import_limits_or_default(sl_import_limits given);

/* Returns 0 when text (NULL counts as empty) is at most max characters, else
 * -1 with err (SL_ERR_LIMIT): "FIELD is N characters; at most MAX are accepted". */
int sl_limit_check(const char *field, const char *text, size_t max, sl_error *err);
/* Checks a progress update's fields (any may be NULL); returns 0 or -1 with err. */
int sl_limit_update(const char *status_text, const char *note, const char *reason, const char *evidence,
                    sl_error *err);
/* Checks every field of every action, theme and the title of a plan read
 * from file; the first over its limit fails at file:line. Returns 0 or -1. */
int sl_limit_plan(const sl_plan *plan, sl_error *err);

#endif
