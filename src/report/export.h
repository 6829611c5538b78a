/* export.h — a plan written back out in a re-importable form: the canonical
 * CSV of SPEC.md §6 or an xlsx workbook of the same cells (import of either
 * gives the same plan back), or JSON. */
#ifndef SL_REPORT_EXPORT_H
#define SL_REPORT_EXPORT_H
#include "domain/plan.h"
#include "domain/rag.h"
#include "util/buf.h"
#include "util/error.h"

/* The table every re-importable export writes: a header row, then one row
 * per action of every plan, each a row of text cells. The columns are the
 * canonical ones, then start_as_written and due_as_written when some date is
 * not a real date (such a date is written there, word for word, so the file
 * imports back to the same plan rather than being refused), then the plans'
 * custom fields. The CSV and the xlsx exports both write this table. */

/* Receives one row of the table: n_cells texts, borrowed for the call only. */
typedef void (*sl_export_row_fn)(void *ctx, const char *const *cells, size_t n_cells);

/* Calls emit with the header row, then with each action's row, plan by plan. */
void sl_export_rows(const sl_plan *plans, size_t n_plans, sl_export_row_fn emit, void *ctx);
/* Appends the plans as canonical CSV (SPEC.md §6): header and rows, CRLF line ends. */
void sl_export_csv(sl_buf *out, const sl_plan *plans, size_t n_plans);
/* What a workbook shows of an action beyond the plan: its RAG as of the
 * export day and its latest progress update. Strings owned by the caller. */
typedef struct {
    sl_rag rag;                 /* as the board sees it that day (manual when set) */
    char *rag_reason;           /* why, in words */
    char *latest_note;          /* the latest update's note, "" when none */
    sl_day latest_day;          /* that update's day, SL_NO_DAY when none */
} sl_export_state;

/* What the workbook's "Read me" says it was made from, and each action's state. */
typedef struct {
    sl_day as_of;               /* the day the RAG is rated for */
    const char *made_from;      /* "the database PATH" */
    const char *made_at;        /* when, as an ISO timestamp */
    sl_export_state **states;   /* per plan, per action; NULL: no state known */
} sl_export_context;

/* Writes the plans as an xlsx workbook at path (created or replaced), one a
 * council keeps using: an "All actions" sheet (the one `import` reads back
 * to the same plans), a sheet per theme, a "Read me". Each action sheet has
 * a bold, frozen header with a filter and fitted widths; start and due are
 * Excel dates with the plan's own words in start_as_written and
 * due_as_written beside them; rag_on_export gives the RAG as of ctx->as_of
 * in words, filled with its colour; latest_update and latest_update_date the
 * latest progress. Returns 0, or -1 with err set (the file may then be
 * partly written). */
int sl_export_xlsx(const char *path, const sl_plan *plans, size_t n_plans,
                   const sl_export_context *ctx, sl_error *err);
/* The cells of one action in the canonical export's columns (sl_export_rows
 * without the *_as_written pair and custom fields): n_cells gets their
 * count; list holds the joined lists the cells point into. */
void sl_export_action_cells(const char **cells, size_t *n_cells, const sl_plan *p,
                            const sl_action *a, sl_buf *leads, sl_buf *recs);
/* The names of those columns (the canonical CSV header), and their count. */
extern const char *const sl_export_columns[];
extern const size_t sl_export_n_columns;
/* Returns s ready for an xlsx cell: a literal "_xHHHH_" in the text has its
 * underscore written "_x005F_", as Excel does, so it reads back as written.
 * The result is s itself or points into scratch (valid until the next call). */
const char *sl_xlsx_cell_text(const char *s, sl_buf *scratch);
/* Returns the display width of the widest line of s (for column widths). */
double sl_xlsx_text_width(const char *s);
/* Appends a plan as one JSON object: plan fields, themes, recommendations,
 * people and actions. */
void sl_export_json(sl_buf *out, const sl_plan *plan);

#endif
