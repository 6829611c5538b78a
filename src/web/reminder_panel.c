/* reminder_panel.c — the lead's reminder list on sign-in (see reminder_panel.h). */
#include "web/reminder_panel.h"

#include <stdio.h>
#include <string.h>

#include "report/reminder.h"

/* At most this many items are listed; My actions has the rest. */
#define PANEL_MAX 10

/* Appends one item: the action linked by ref and title, its plan and what is needed. */
static void panel_item(sl_buf *b, const sl_reminder_item *it)
{
    sl_buf needed = SL_BUF_INIT;
    sl_reminder_needed(&needed, it);
    sl_buf_printf(b, "<li><a class=\"govuk-notification-banner__link\" href=\"/actions/%lld\">%h %h</a>"
                     " <span class=\"govuk-body-s\">(%h): %h</span></li>",
                  (long long)it->action_id, it->ref, it->title, it->plan, sl_buf_str(&needed));
    sl_buf_free(&needed);
}

void sl_reminder_panel(sl_request *req)
{
    if (!req->signed_in || !*req->session.user.person ||
        (strcmp(req->path, "/") != 0 && strcmp(req->path, "/my-actions") != 0))
        return;
    sl_reminder_list list;
    sl_error err = {0};
    if (sl_reminder_collect(req->store, req->session.user.person, req->today, &list, &err) < 0) {
        fprintf(stderr, "sightline: reminder panel: %s\n", err.message);
        return;
    }
    size_t updates, sign_offs;
    sl_reminder_counts(&list, &updates, &sign_offs);
    sl_buf *b = &req->body;
    if (list.n) {
        sl_buf_puts(b, "<div class=\"govuk-notification-banner\" role=\"region\" aria-labelledby=\"needs-you-title\">"
                       "<div class=\"govuk-notification-banner__header\"><h2 class=\"govuk-notification-banner__title\""
                       " id=\"needs-you-title\">Needs you today</h2></div><div class=\"govuk-notification-banner__content\">"
                       "<p class=\"govuk-notification-banner__heading\">");
        if (updates)
            sl_buf_printf(b, "%d update%h due or overdue", (int)updates, updates == 1 ? "" : "s");
        if (sign_offs)
            sl_buf_printf(b, "%h%d sign-off%h", updates ? ", " : "", (int)sign_offs, sign_offs == 1 ? "" : "s");
        sl_buf_puts(b, "</p><ul class=\"govuk-list govuk-list--bullet\">");
        for (size_t i = 0; i < list.n && i < PANEL_MAX; i++)
            panel_item(b, &list.items[i]);
        sl_buf_puts(b, "</ul>");
        if (list.n > PANEL_MAX)
            sl_buf_printf(b, "<p class=\"govuk-body\">And %d more: <a class=\"govuk-notification-banner__link\""
                             " href=\"/my-actions\">see My actions</a>.</p>",
                          (int)(list.n - PANEL_MAX));
        sl_buf_puts(b, "</div></div>");
    }
    sl_reminder_list_free(&list);
}
