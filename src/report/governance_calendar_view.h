/* governance_calendar_view.h — the governance calendar assembled from the
 * store (boards and their meetings, actions arising, plan actions,
 * inspections' plan deadlines, measures' milestones) and written as an
 * iCalendar feed: shared by `sightline calendar` and the web's /calendar and
 * /calendar.ics. */
#ifndef SL_REPORT_GOVERNANCE_CALENDAR_VIEW_H
#define SL_REPORT_GOVERNANCE_CALENDAR_VIEW_H
#include "domain/governance_calendar.h"
#include "store/store.h"
#include "util/buf.h"

/* Builds the calendar of every board (or only the one named, any case), plus
 * plan actions, inspections and measures when no board is named, sorted,
 * into *cal (caller frees with sl_gcal_free, also after a failure). Returns
 * 0, or -1 with err set (SL_ERR_NOT_FOUND for an unknown board). */
int sl_gcal_build(sl_store *store, const char *board, sl_day as_of, sl_gcal *cal, sl_error *err);
/* Appends the calendar as an iCalendar feed of all-day events (stable UIDs). */
void sl_gcal_ics(sl_buf *b, const sl_gcal *cal);

#endif
