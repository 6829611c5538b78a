/* coverage.h — recommendation coverage: each recommendation with the actions
 * that answer it and a rolled-up status and RAG (the worst of its actions),
 * so a board sees at once which recommendations nothing answers. */
#ifndef SL_REPORT_COVERAGE_H
#define SL_REPORT_COVERAGE_H
#include "domain/rag.h"
#include "store/store.h"
#include "util/buf.h"

typedef struct {
    char *ref;
    int64_t id;                 /* the action's id */
    sl_status status;
    sl_rag rag;
} sl_covering_action;

typedef struct {
    int64_t plan_id;
    char *plan_title;
    int number;
    char *text;
    sl_covering_action *actions;
    size_t n_actions;
    int n_done;                 /* complete, signed off, withdrawn or carried forward */
    sl_rag rag;                 /* worst RAG of its actions; SL_RAG_NONE when no action */
} sl_coverage_row;

typedef struct {
    sl_coverage_row *rows;
    size_t n;
} sl_coverage;

/* Builds the coverage of a plan (every current plan when plan_id is 0) as of
 * a day into *out (caller frees with sl_coverage_free). Returns 0 or -1. */
int sl_coverage_build(sl_store *store, int64_t plan_id, sl_day as_of, sl_coverage *out,
                      sl_error *err);
/* Frees the rows and their strings. */
void sl_coverage_free(sl_coverage *c);
/* Returns the rolled-up status in words: "no actions", "complete", "3 of 5 complete". Writes into buf. */
const char *sl_coverage_status(const sl_coverage_row *row, char *buf, size_t n);
/* Appends the coverage as a JSON array. */
void sl_coverage_json(sl_buf *out, const sl_coverage *c);
/* Appends the coverage as wrapped text for an 80-column terminal. */
void sl_coverage_text(sl_buf *out, const sl_coverage *c);

#endif
