/* action_list.h — the action list as a board sees it: actions from the store,
 * rated by the RAG engine as of a day, filtered, and written as JSON
 * (SPEC.md §5) or as an aligned table for an 80-column terminal. */
#ifndef SL_REPORT_ACTION_LIST_H
#define SL_REPORT_ACTION_LIST_H
#include "domain/rag.h"
#include "store/store.h"
#include "util/buf.h"

typedef struct {
    int64_t plan_id;            /* 0: every current plan */
    int64_t action_id;          /* 0: every action */
    const char *theme;          /* theme ref or title (case-insensitive), NULL for any */
    const char *lead;           /* SRO or lead label/name contains this (case-insensitive) */
    int has_status;
    sl_status status;
    sl_rag rag;                 /* SL_RAG_NONE for any */
    int overdue_only;
    int due_within;             /* -1: any; else due within this many days and not done */
    sl_day as_of;
} sl_action_filter;

/* Called for each action that passes the filter, with its rating. */
typedef int (*sl_rated_cb)(void *ctx, const sl_action_row *row, const sl_rag_result *rag);

/* Rates a stored row as of a day (the RAG engine fed from the store). */
void sl_rate_action(const sl_action_row *row, sl_day as_of, sl_rag_result *out);
/* Walks the actions that pass the filter, rated; returns 0, cb's non-zero stop value, or -1. */
int sl_each_rated_action(sl_store *store, const sl_action_filter *filter, sl_rated_cb cb,
                         void *ctx, sl_error *err);
/* Appends one action as a JSON object (the SPEC.md §5 keys and more). */
void sl_action_json(sl_buf *out, const sl_action_row *row, const sl_rag_result *rag);
/* Appends the heading of the aligned action table. */
void sl_action_table_heading(sl_buf *out);
/* Appends one action as a row of the aligned table (80 columns). */
void sl_action_table_row(sl_buf *out, const sl_action_row *row, const sl_rag_result *rag);

#endif
