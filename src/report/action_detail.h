/* action_detail.h — one action in full, for `show`: every field, its
 * milestones and links, its dated history and its audit trail, as wrapped
 * text for an 80-column terminal or as JSON. */
#ifndef SL_REPORT_ACTION_DETAIL_H
#define SL_REPORT_ACTION_DETAIL_H
#include "domain/plan.h"
#include "store/store.h"
#include "util/buf.h"

/* Appends the action's fields as labelled, wrapped text. plan holds the one
 * action (from sl_store_load_action); row and rag give its state as of the day. */
void sl_detail_text(sl_buf *out, const sl_plan *plan, const sl_action_row *row,
                    const sl_rag_result *rag);
/* Appends one progress update as a history line (wrapped). */
void sl_detail_update_text(sl_buf *out, const sl_update *u);
/* Appends one audit entry as a line. */
void sl_detail_audit_text(sl_buf *out, const sl_audit_entry *e);
/* Appends one progress update as a JSON object. */
void sl_detail_update_json(sl_buf *out, const sl_update *u);
/* Appends one audit entry as a JSON object. */
void sl_detail_audit_json(sl_buf *out, const sl_audit_entry *e);
/* Appends text wrapped to width columns, every line after the first indented by indent. */
void sl_wrap(sl_buf *out, const char *text, int indent, int width);

#endif
