/* reminder_panel.h — what the daily reminder email lists (report/reminder.h),
 * shown to a signed-in lead at the top of the home page and of My actions:
 * a GOV.UK notification banner written before the page's cached content,
 * so it is always the signed-in person's own and always fresh. */
#ifndef SL_WEB_REMINDER_PANEL_H
#define SL_WEB_REMINDER_PANEL_H
#include "web/web.h"

/* Appends the panel to req->body when the page is "/" or "/my-actions", the
 * user is linked to a person and something needs them today; else nothing. */
void sl_reminder_panel(sl_request *req);

#endif
