/* text_finish.h — the last step of the document importer: the cells gathered
 * for each action (continuation rows appended) become its fields: clean
 * text, a title and a description, dates read with the plan's context year,
 * a status from the words the plan used, money, leads split into people.
 * Impossible and unreadable dates, and cells it doubts, become findings. */
#ifndef SL_IMPORT_TEXT_FINISH_H
#define SL_IMPORT_TEXT_FINISH_H
#include "domain/plan.h"
#include "import/kind/plan/text_table.h"
#include "util/buf.h"

/* The raw cells of one action, column by column. */
typedef struct {
    sl_buf cell[SL_TCOL_COUNT];     /* as written, continuation rows appended */
    long line[SL_TCOL_COUNT];       /* line each column was first filled on, 0 when empty */
} sl_text_cells;

/* Fills the fields of every action of the plan from cells (one per action,
 * in order), sets plan->context_year and adds findings. */
void sl_text_finish(sl_plan *plan, const sl_text_cells *cells);
/* Frees the buffers of n cell sets and the array itself. */
void sl_text_cells_free(sl_text_cells *cells, size_t n);

#endif
