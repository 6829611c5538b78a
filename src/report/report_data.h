/* report_data.h — what the report kinds read from the store, gathered once:
 * the current plans a report covers, each with its actions rated as of the
 * report's day (the RAG engine through sl_each_rated_action), and the latest
 * progress update of an action as of a day. Shared by the report kinds only. */
#ifndef SL_REPORT_REPORT_DATA_H
#define SL_REPORT_REPORT_DATA_H
#include "domain/rag.h"
#include "report/coverage.h"
#include "report/report_doc.h"
#include "store/store.h"

/* One action as a report needs it; strings owned by the array's plan. */
typedef struct {
    int64_t id;
    char *ref, *title, *theme_ref, *theme, *sro, *status_text, *note, *recommendations;
    sl_day due;
    sl_day last_update;         /* SL_NO_DAY when none on or before the day */
    sl_status status;
    sl_rag_result rag;
    sl_rag_rules rules;
} sl_report_action;

/* A current plan and its rated actions, in plan order. */
typedef struct {
    int64_t id;
    char *title;
    sl_report_action *actions;
    size_t n_actions;
} sl_report_plan;

/* Loads the plan plan_id (every current plan when 0) with its actions rated
 * as of as_of into *plans / *n (caller frees with sl_report_plans_free, also
 * after a failure). Returns 0 or -1. */
int sl_report_load_plans(sl_store *store, int64_t plan_id, sl_day as_of, sl_report_plan **plans,
                         size_t *n, sl_error *err);
/* Frees the plans, their actions and strings. */
void sl_report_plans_free(sl_report_plan *plans, size_t n);

/* The latest progress update of an action on or before a day. */
typedef struct {
    int found;
    sl_day day;
    char *note;                 /* owned; "" when none */
    char *evidence;             /* owned; "" when none */
    sl_status status;
} sl_report_update;

/* Fills *out with the action's latest update on or before as_of (caller
 * frees with sl_report_update_free). Returns 0 or -1. */
int sl_report_latest_update(sl_store *store, int64_t action_id, sl_day as_of, sl_report_update *out,
                            sl_error *err);
/* Frees an update's strings. */
void sl_report_update_free(sl_report_update *u);

/* Appends an action's theme as a label ("1 Strategic"); with_plan prefixes
 * the plan's title (for a report over several plans). */
void sl_report_theme_label(sl_buf *out, const sl_report_plan *plan, const char *theme_ref,
                           const char *theme, int with_plan);
/* Writes a day as YYYY-MM-DD into out, or "" for SL_NO_DAY. */
void sl_report_iso(sl_day day, char out[11]);
/* Returns 1 when the status counts as done for a board (complete, signed off). */
int sl_report_done(const sl_report_action *a);

/* Adds to s a table of recommendations rolled up: number, text, actions,
 * status in words ("2 of 3 complete") and the worst RAG; or a line saying
 * the plans record none. with_plan adds the plan's title to each number. */
void sl_report_coverage_table(sl_report_section *s, const sl_coverage *c, int with_plan);

#endif
