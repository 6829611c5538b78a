/* page_meeting.c — one meeting (/meetings/{id}): when and where, the papers
 * (due, published), the agenda with the board's open actions arising carried
 * forward, attendance, minutes (draft or approved), decisions and the actions
 * arising it raised; for those who run the board (SL_DO_RUN_BOARD) the forms
 * of meeting_forms.c, and for the owner of an action arising its update form. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/report_kinds.h"
#include "web/governance_web.h"
#include "web/meeting_page.h"

#define TH "<th scope=\"col\" class=\"govuk-table__header\">"
#define TD "<td class=\"govuk-table__cell\">"

/* Appends a summary-list row. */
static void row(sl_buf *b, const char *key, const char *value)
{
    sl_buf_printf(b, "<div class=\"govuk-summary-list__row\"><dt class=\"govuk-summary-list__key\">%h</dt>"
                     "<dd class=\"govuk-summary-list__value\">%h</dd></div>", key, value);
}

/* Appends when, where and the papers' state. */
static void summary(sl_request *req, const sl_meeting *m, const sl_board *bd)
{
    sl_buf *b = &req->body;
    char day[SL_DAY_TEXT_SIZE], papers[SL_DAY_TEXT_SIZE], minutes[SL_DAY_TEXT_SIZE], published[SL_DAY_TEXT_SIZE];
    sl_meeting_deadlines d = sl_board_deadlines(&bd->rules, m->day);
    sl_day_uk(m->day, day);
    sl_day_uk(d.papers_due, papers);
    sl_day_uk(d.minutes_due, minutes);
    sl_buf_puts(b, "<dl class=\"govuk-summary-list\">");
    row(b, "Date", day);
    row(b, "Time", *m->time ? m->time : "Not set");
    row(b, "Venue", m->venue && *m->venue ? m->venue : "Not set");
    row(b, "Papers due", papers);
    if (m->papers_published != SL_NO_DAY) {
        sl_day_uk(m->papers_published, published);
        char text[48];
        snprintf(text, sizeof text, "Published on %s", published);
        row(b, "Papers", text);
    } else {
        row(b, "Papers", m->day < req->today ? "Never published" :
                         d.papers_due < req->today ? "Not published: late" : "Not yet published");
    }
    row(b, "Draft minutes due", minutes);
    sl_buf_puts(b, "</dl>");
}

/* Appends a link to the meeting's papers in the reports' print view: the
 * board pack when the kinds table has one, else the highlight report. */
static void papers_link(sl_buf *b, const sl_meeting *m, const sl_board *bd)
{
    const char *kind = sl_report_kind_find("board") ? "board" : "highlight";
    char day[SL_DAY_TEXT_SIZE];
    sl_day_format(m->day, day);
    sl_buf_printf(b, "<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/reports/output?kind=%U&amp;board=%U"
                     "&amp;meeting=%U&amp;as_of=%U&amp;format=print\">Open the papers for this meeting (print view)</a></p>",
                  kind, bd->name, day, day);
}

/* Appends the agenda, then the open actions arising carried forward from earlier meetings. */
static void agenda(sl_request *req, const sl_meeting *m)
{
    sl_buf *b = &req->body;
    sl_buf_puts(b, "<h2 class=\"govuk-heading-m\" id=\"agenda\">Agenda</h2>");
    if (m->n_agenda == 0)
        sl_buf_puts(b, "<p class=\"govuk-body\">No agenda items yet.</p>");
    else
        sl_buf_puts(b, "<ol class=\"govuk-list govuk-list--number\">");
    for (size_t i = 0; i < m->n_agenda; i++) {
        const sl_agenda_item *a = &m->agenda[i];
        sl_buf_printf(b, "<li>%h <span class=\"govuk-body-s\">(%h%R%h%R)</span></li>", a->title,
                      sl_agenda_kind_name(a->kind), a->theme ? ": " : "", a->theme ? a->theme : "",
                      a->late ? ", added late" : "");
    }
    if (m->n_agenda)
        sl_buf_puts(b, "</ol>");
    sl_error err = {0};
    sl_arising *list = NULL;
    int n = sl_store_arisings(req->store, m->board_id, 1, &list, &err), shown = 0;
    for (int i = 0; i < n; i++) {
        if (list[i].meeting >= m->day)
            continue;
        if (!shown++)
            sl_buf_puts(b, "<h3 class=\"govuk-heading-s\">Open actions arising carried forward</h3>"
                           "<ul class=\"govuk-list govuk-list--bullet\">");
        char raised[SL_DAY_TEXT_SIZE];
        sl_day_uk(list[i].meeting, raised);
        sl_buf_printf(b, "<li>%lld: %h (%h, raised %h, %h)</li>", (long long)list[i].id, list[i].text,
                      list[i].owner, raised, sl_req_words(req, sl_status_name(list[i].status)));
    }
    if (shown)
        sl_buf_puts(b, "</ul>");
    sl_arisings_free(list, n > 0 ? (size_t)n : 0);
}

/* Appends attendance: each member's state and who attended instead. */
static void attendance(sl_buf *b, const sl_meeting *m)
{
    sl_buf_puts(b, "<h2 class=\"govuk-heading-m\" id=\"attendance\">Attendance</h2>");
    if (m->n_attendance == 0) {
        sl_buf_puts(b, "<p class=\"govuk-body\">No attendance recorded.</p>");
        return;
    }
    sl_buf_puts(b, "<table class=\"govuk-table\"><caption class=\"govuk-visually-hidden\">Attendance</caption>"
                   "<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">" TH "Member</th>" TH "Attendance</th>"
                   TH "Attended by</th></tr></thead><tbody class=\"govuk-table__body\">");
    for (size_t i = 0; i < m->n_attendance; i++) {
        const sl_attendance *a = &m->attendance[i];
        sl_buf_printf(b, "<tr class=\"govuk-table__row\">" TD "%h</td>" TD "%h</td>" TD "%h</td></tr>", a->member,
                      sl_attend_state_name(a->state), a->substitute ? a->substitute : "");
    }
    sl_buf_puts(b, "</tbody></table>");
}

/* Appends the minutes and the decisions. */
static void minutes_and_decisions(sl_buf *b, const sl_meeting *m)
{
    sl_buf_puts(b, "<h2 class=\"govuk-heading-m\" id=\"minutes\">Minutes</h2>");
    if (!m->minutes) {
        sl_buf_puts(b, "<p class=\"govuk-body\">Not written yet.</p>");
    } else {
        char approved[SL_DAY_TEXT_SIZE];
        sl_day_uk(m->minutes_approved_at, approved);
        if (m->minutes_approved_at != SL_NO_DAY)
            sl_buf_printf(b, "<p class=\"govuk-body\"><strong class=\"govuk-tag govuk-tag--green\">Approved</strong> "
                             "at the meeting of %h</p>", approved);
        else
            sl_buf_puts(b, "<p class=\"govuk-body\"><strong class=\"govuk-tag govuk-tag--yellow\">Draft</strong></p>");
        sl_buf_printf(b, "<div class=\"govuk-body sl-pre\">%h</div>", m->minutes);
    }
    sl_buf_puts(b, "<h2 class=\"govuk-heading-m\" id=\"decisions\">Decisions</h2>");
    if (m->n_decisions == 0)
        sl_buf_puts(b, "<p class=\"govuk-body\">No decisions recorded.</p>");
    else
        sl_buf_puts(b, "<ol class=\"govuk-list govuk-list--number\">");
    for (size_t i = 0; i < m->n_decisions; i++)
        sl_buf_printf(b, "<li>%h</li>", m->decisions[i]);
    if (m->n_decisions)
        sl_buf_puts(b, "</ol>");
}

/* Returns 1 when the signed-in user may update this action arising. */
static int may_update_arising(sl_request *req, const sl_arising *a)
{
    sl_relation rel = {.owns = sl_names_person(a->owner, req->session.user.person) ||
                               sl_names_person(a->owner, req->session.user.login)};
    return sl_may(req->role, SL_DO_UPDATE_ARISING, &rel);
}

/* Appends the update form of one action arising. */
static void arising_form(sl_request *req, const sl_arising *a)
{
    static const char *const statuses[] = {"not-started", "in-progress", "on-track", "at-risk", "off-track",
                                           "complete", "withdrawn"};
    char action[64], name[48], note[48];
    snprintf(action, sizeof action, "/arisings/%lld/update", (long long)a->id);
    snprintf(name, sizeof name, "status-%lld", (long long)a->id);
    snprintf(note, sizeof note, "note-%lld", (long long)a->id);
    sl_gov_form_start(req, action);
    sl_gov_field st = {name, "New status", sl_status_name(a->status), NULL};
    sl_gov_select(&req->body, &st, statuses, sizeof statuses / sizeof *statuses);
    sl_gov_field nt = {note, "Note", "", NULL};
    sl_gov_input(&req->body, &nt, "text");
    sl_buf_puts(&req->body, "<button type=\"submit\" class=\"govuk-button govuk-button--secondary\">"
                            "Update action arising</button></form>");
}

/* Appends the actions arising this meeting raised, with update forms for their owners. */
static void arisings(sl_request *req, const sl_meeting *m)
{
    sl_buf *b = &req->body;
    sl_error err = {0};
    sl_arising *list = NULL;
    int n = sl_store_arisings(req->store, m->board_id, 0, &list, &err), shown = 0;
    sl_buf_puts(b, "<h2 class=\"govuk-heading-m\" id=\"arising\">Actions arising</h2>");
    for (int i = 0; i < n; i++) {
        if (list[i].meeting != m->day)
            continue;
        char due[SL_DAY_TEXT_SIZE] = "no due date";
        if (list[i].due != SL_NO_DAY)
            sl_day_uk(list[i].due, due);
        sl_buf_printf(b, "<div class=\"govuk-inset-text\" id=\"arising-%lld\"><p class=\"govuk-body\"><strong>%lld: %h"
                         "</strong><br>Owner: %h. Due: %h. Status: %h.</p>", (long long)list[i].id,
                      (long long)list[i].id, list[i].text, list[i].owner, due, sl_req_words(req, sl_status_name(list[i].status)));
        if (may_update_arising(req, &list[i]))
            arising_form(req, &list[i]);
        sl_buf_puts(b, "</div>");
        shown++;
    }
    if (!shown)
        sl_buf_puts(b, "<p class=\"govuk-body\">None raised.</p>");
    sl_arisings_free(list, n > 0 ? (size_t)n : 0);
}

void sl_meeting_render(sl_request *req, const sl_meeting *m, const sl_gov_board *g, const sl_meeting_posted *posted)
{
    sl_buf *b = &req->body;
    char day[SL_DAY_TEXT_SIZE], title[40];
    sl_day_uk(m->day, day);
    snprintf(title, sizeof title, "Meeting of %s", day);
    sl_page_start(req, title);
    sl_buf_printf(b, "<nav class=\"govuk-breadcrumbs\" aria-label=\"Breadcrumb\"><ol class=\"govuk-breadcrumbs__list\">"
                     "<li class=\"govuk-breadcrumbs__list-item\"><a class=\"govuk-breadcrumbs__link\" href=\"/boards\">"
                     "Boards</a></li><li class=\"govuk-breadcrumbs__list-item\"><a class=\"govuk-breadcrumbs__link\" "
                     "href=\"/boards/%lld\">%h</a></li></ol></nav><span class=\"govuk-caption-l\">%h</span>"
                     "<h1 class=\"govuk-heading-l\">%h</h1>", (long long)g->id, g->board.name, g->board.name, title);
    if (posted)
        sl_gov_error_summary(b, posted->fields, posted->n);
    summary(req, m, &g->board);
    papers_link(b, m, &g->board);
    agenda(req, m);
    attendance(b, m);
    minutes_and_decisions(b, m);
    arisings(req, m);
    if (sl_may(req->role, SL_DO_RUN_BOARD, NULL))
        sl_meeting_forms(req, m, &g->board, posted);
    sl_page_end(req);
}

void sl_page_meeting(sl_request *req)
{
    sl_meeting m;
    sl_gov_board g;
    if (sl_gov_meeting_load(req, req->ids[0], &m, &g) != 1)
        return;
    sl_meeting_render(req, &m, &g, NULL);
    sl_meeting_free(&m);
    sl_board_free(&g.board);
}
