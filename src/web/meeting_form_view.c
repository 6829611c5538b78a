/* meeting_form_view.c — the forms of a meeting page for those who run the
 * board (attendance, agenda items, minutes, decisions, actions arising,
 * publishing the papers), drawn with what a refused post sent and its
 * messages beside the fields. What they post to is meeting_forms.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "web/meeting_page.h"

/* Returns the fields to show for form name: the posted ones when it is the
 * refused form, else defaults. */
static const sl_gov_field *fields_for(const sl_meeting_posted *posted, const char *name, const sl_gov_field *defaults)
{
    return posted && strcmp(posted->form, name) == 0 ? posted->fields : defaults;
}

/* Opens a form posting to /meetings/ID/name under a heading. */
static void form_start(sl_request *req, const sl_meeting *m, const char *name, const char *heading)
{
    char action[64];
    snprintf(action, sizeof action, "/meetings/%lld/%s", (long long)m->id, name);
    sl_buf_printf(&req->body, "<h3 class=\"govuk-heading-s\" id=\"form-%a\">%h</h3>", name, heading);
    sl_gov_form_start(req, action);
}

/* Closes a form with its submit button. */
static void form_end(sl_request *req, const char *button)
{
    sl_buf_printf(&req->body, "<button type=\"submit\" class=\"govuk-button\">%h</button></form>", button);
}

/* The attendance form: member, state and who attended instead. */
static void attendance_form(sl_request *req, const sl_meeting *m, const sl_board *bd, const sl_meeting_posted *p)
{
    static const char *const states[] = {"present", "apologies", "substitute"};
    const sl_gov_field defaults[] = {{"member", "Member", "", NULL}, {"state", "Attendance", "present", NULL},
                                     {"substitute", "Attended by (for a substitute)", "", NULL}};
    const sl_gov_field *f = fields_for(p, "attendance", defaults);
    const char **labels = calloc(bd->n_members + 1, sizeof *labels);
    for (size_t i = 0; i < bd->n_members; i++)
        labels[i] = sl_board_member_label(bd, i);
    form_start(req, m, "attendance", "Record attendance");
    sl_gov_select(&req->body, &f[0], labels, bd->n_members);
    sl_gov_select(&req->body, &f[1], states, 3);
    sl_gov_input(&req->body, &f[2], "text");
    form_end(req, "Record attendance");
    free(labels);
}

/* The agenda, minutes, decision, arising and publish forms. */
static void other_forms(sl_request *req, const sl_meeting *m, const sl_meeting_posted *p)
{
    static const char *const kinds[] = {"item", "standing", "deep-dive"};
    const sl_gov_field agenda[] = {{"title", "Agenda item", "", NULL}, {"kind", "Kind", "item", NULL},
                                   {"theme", "Theme of a deep dive (optional)", "", NULL}};
    const sl_gov_field *f = fields_for(p, "agenda", agenda);
    form_start(req, m, "agenda", "Add an agenda item");
    sl_gov_input(&req->body, &f[0], "text");
    sl_gov_select(&req->body, &f[1], kinds, 3);
    sl_gov_input(&req->body, &f[2], "text");
    form_end(req, "Add agenda item");
    if (m->minutes_approved_at == SL_NO_DAY) {
        const sl_gov_field minutes[] = {{"minutes", "Draft minutes", m->minutes ? m->minutes : "", NULL}};
        form_start(req, m, "minutes", "Write the minutes");
        sl_gov_textarea(&req->body, fields_for(p, "minutes", minutes));
        form_end(req, "Save minutes");
    }
    const sl_gov_field decision[] = {{"decision", "Decision", "", NULL}};
    form_start(req, m, "decisions", "Add a decision");
    sl_gov_textarea(&req->body, fields_for(p, "decisions", decision));
    form_end(req, "Add decision");
    const sl_gov_field arising[] = {{"text", "Action arising", "", NULL}, {"owner", "Owner", "", NULL},
                                    {"due", "Due date (YYYY-MM-DD)", "", NULL}};
    f = fields_for(p, "arising", arising);
    form_start(req, m, "arising", "Add an action arising");
    sl_gov_input(&req->body, &f[0], "text");
    sl_gov_input(&req->body, &f[1], "text");
    sl_gov_input(&req->body, &f[2], "text");
    form_end(req, "Add action arising");
    if (m->papers_published == SL_NO_DAY) {
        form_start(req, m, "publish", "Publish the papers");
        sl_buf_puts(&req->body, "<p class=\"govuk-body\">Publishing freezes the pack; items added later are late.</p>");
        form_end(req, "Publish papers");
    }
}

void sl_meeting_forms(sl_request *req, const sl_meeting *m, const sl_board *bd, const sl_meeting_posted *posted)
{
    sl_buf_puts(&req->body, "<h2 class=\"govuk-heading-m\">Run the meeting</h2>");
    attendance_form(req, m, bd, posted);
    other_forms(req, m, posted);
}
