/* page_boards.c — the boards (/boards: name, kind, chair, next meeting,
 * papers due) and one board (/boards/{id}: members, rules in words,
 * meetings, open actions arising). */
#include <stdlib.h>

#include "web/governance_web.h"

#define TH "<th scope=\"col\" class=\"govuk-table__header\">"
#define TD "<td class=\"govuk-table__cell\">"

/* Returns the first meeting of a board on or after today (index into
 * meetings), or -1. */
static int next_meeting(const sl_meeting *meetings, int n, sl_day today)
{
    for (int i = 0; i < n; i++)
        if (meetings[i].day >= today)
            return i;
    return -1;
}

/* Appends one row of the boards table. */
static void board_row(sl_request *req, const sl_board *bd, int64_t id)
{
    sl_buf *b = &req->body;
    sl_error err = {0};
    sl_meeting *ms = NULL;
    int n = sl_store_meetings(req->store, id, &ms, &err);
    int k = next_meeting(ms, n, req->today);
    char next[SL_DAY_TEXT_SIZE] = "None", papers[SL_DAY_TEXT_SIZE] = "";
    if (k >= 0) {
        sl_day_uk(ms[k].day, next);
        sl_day_uk(sl_board_deadlines(&bd->rules, ms[k].day).papers_due, papers);
    }
    const char *chair = sl_board_chair(bd);
    sl_buf_printf(b, "<tr class=\"govuk-table__row\">" TD "<a class=\"govuk-link\" href=\"/boards/%lld\">%h</a></td>"
                     TD "%h</td>" TD "%h</td>" TD "%h</td>" TD "%h</td></tr>",
                  (long long)id, bd->name, sl_req_words(req, sl_board_kind_name(bd->kind)), chair ? chair : "Not named", next,
                  k >= 0 ? papers : "—");
    sl_meetings_free(ms, n > 0 ? (size_t)n : 0);
}

void sl_page_boards(sl_request *req)
{
    sl_buf *b = &req->body;
    sl_error err = {0};
    sl_board *boards = NULL;
    int64_t *ids = NULL;
    int n = sl_store_boards(req->store, &boards, &ids, &err);
    if (n < 0) {
        sl_error_page(req, 500, "The boards could not be read", err.message);
        return;
    }
    sl_page_start(req, "Boards");
    sl_buf_puts(b, "<h1 class=\"govuk-heading-l\">Boards</h1>");
    if (n == 0)
        sl_buf_puts(b, "<p class=\"govuk-body\">No boards yet. Add one with <code>sightline board add</code>.</p>");
    else
        sl_buf_puts(b, "<table class=\"govuk-table\"><caption class=\"govuk-table__caption govuk-table__caption--m\">"
                       "Boards and their next meetings</caption><thead class=\"govuk-table__head\">"
                       "<tr class=\"govuk-table__row\">" TH "Board</th>" TH "Kind</th>" TH "Chair</th>"
                       TH "Next meeting</th>" TH "Papers due</th></tr></thead><tbody class=\"govuk-table__body\">");
    for (int i = 0; i < n; i++) {
        board_row(req, &boards[i], ids[i]);
        sl_board_free(&boards[i]);
    }
    if (n > 0)
        sl_buf_puts(b, "</tbody></table>");
    free(boards);
    free(ids);
    sl_page_end(req);
}

/* Appends the board's members: name, role, organisation, substitute. */
static void members_table(sl_buf *b, const sl_board *bd)
{
    sl_buf_puts(b, "<table class=\"govuk-table\"><caption class=\"govuk-table__caption govuk-table__caption--m\">"
                   "Members</caption><thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">"
                   TH "Name</th>" TH "Role</th>" TH "Organisation</th>" TH "Substitute</th></tr></thead>"
                   "<tbody class=\"govuk-table__body\">");
    for (size_t i = 0; i < bd->n_members; i++) {
        const sl_board_member *m = &bd->members[i];
        sl_buf_printf(b, "<tr class=\"govuk-table__row\">" TD "%h%R</td>" TD "%h</td>" TD "%h</td>" TD "%h</td></tr>",
                      m->name ? m->name : "Not named", m->chair ? " (chair)" : m->vice_chair ? " (vice-chair)" : "",
                      m->role, m->organisation, m->substitute ? m->substitute : "None named");
    }
    sl_buf_puts(b, "</tbody></table>");
}

/* Appends the board's rules in words. */
static void rules_list(sl_buf *b, const sl_board *bd)
{
    const sl_board_rules *r = &bd->rules;
    char every[32];
    sl_schedule_format(&r->meets, every);
    sl_buf_puts(b, "<h2 class=\"govuk-heading-m\">Rules</h2><ul class=\"govuk-list govuk-list--bullet\">");
    if (*every)
        sl_buf_printf(b, "<li>Meets every %h</li>", every);
    else
        sl_buf_puts(b, "<li>How often it meets is not stated</li>");
    sl_buf_printf(b, "<li>Papers %d working days before</li><li>Substitutes notified %d working days before</li>"
                     "<li>Draft minutes %d working days after</li><li>The chair reports in writing after every "
                     "%d meetings</li><li>Terms of reference reviewed every %d months</li></ul>",
                  r->papers_days, r->substitute_notice_days, r->minutes_days, r->chair_report_every, r->review_months);
}

/* Appends the board's meetings, each linked. */
static void meetings_list(sl_request *req, int64_t board_id, const sl_board *bd)
{
    sl_buf *b = &req->body;
    sl_error err = {0};
    sl_meeting *ms = NULL;
    int n = sl_store_meetings(req->store, board_id, &ms, &err);
    sl_buf_puts(b, "<h2 class=\"govuk-heading-m\">Meetings</h2>");
    if (n <= 0)
        sl_buf_puts(b, "<p class=\"govuk-body\">No meetings yet.</p>");
    else
        sl_buf_puts(b, "<ul class=\"govuk-list\">");
    for (int i = 0; i < n; i++) {
        char day[SL_DAY_TEXT_SIZE], papers[SL_DAY_TEXT_SIZE];
        sl_day_uk(ms[i].day, day);
        sl_day_uk(sl_board_deadlines(&bd->rules, ms[i].day).papers_due, papers);
        sl_buf_printf(b, "<li><a class=\"govuk-link\" href=\"/meetings/%lld\">%h</a> — papers due %h, %h</li>",
                      (long long)ms[i].id, day, papers,
                      ms[i].papers_published != SL_NO_DAY ? "papers published" : "papers not yet published");
    }
    if (n > 0)
        sl_buf_puts(b, "</ul>");
    sl_meetings_free(ms, n > 0 ? (size_t)n : 0);
}

/* Appends the open actions arising of a board (0: every board). */
void sl_gov_arisings_table(sl_request *req, int64_t board_id, const char *caption)
{
    sl_buf *b = &req->body;
    sl_error err = {0};
    sl_arising *list = NULL;
    int n = sl_store_arisings(req->store, board_id, 1, &list, &err);
    if (n <= 0) {
        sl_buf_printf(b, "<h2 class=\"govuk-heading-m\">%h</h2><p class=\"govuk-body\">None open.</p>", caption);
        return;
    }
    sl_buf_printf(b, "<table class=\"govuk-table\"><caption class=\"govuk-table__caption govuk-table__caption--m\">%h"
                     "</caption><thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">" TH "Number</th>"
                     TH "Action</th>" TH "Owner</th>" TH "Due</th>" TH "Status</th>" TH "Raised</th></tr></thead>"
                     "<tbody class=\"govuk-table__body\">", caption);
    for (int i = 0; i < n; i++) {
        char due[SL_DAY_TEXT_SIZE] = "None", raised[SL_DAY_TEXT_SIZE];
        if (list[i].due != SL_NO_DAY)
            sl_day_uk(list[i].due, due);
        sl_day_uk(list[i].meeting, raised);
        sl_buf_printf(b, "<tr class=\"govuk-table__row\" id=\"arising-%lld\">" TD "%lld</td>" TD "%h</td>" TD "%h</td>"
                         TD "%h%R</td>" TD "%h</td>" TD "%h</td></tr>",
                      (long long)list[i].id, (long long)list[i].id, list[i].text, list[i].owner, due,
                      list[i].due != SL_NO_DAY && list[i].due < req->today ? " <strong class=\"govuk-tag govuk-tag--red\">overdue</strong>" : "",
                      sl_req_words(req, sl_status_name(list[i].status)), raised);
    }
    sl_buf_puts(b, "</tbody></table>");
    sl_arisings_free(list, (size_t)n);
}

void sl_page_board(sl_request *req)
{
    sl_gov_board g;
    if (sl_gov_board_load(req, req->ids[0], &g) != 1)
        return;
    sl_buf *b = &req->body;
    sl_page_start(req, g.board.name);
    sl_buf_printf(b, "<nav class=\"govuk-breadcrumbs\" aria-label=\"Breadcrumb\"><ol class=\"govuk-breadcrumbs__list\">"
                     "<li class=\"govuk-breadcrumbs__list-item\"><a class=\"govuk-breadcrumbs__link\" href=\"/boards\">"
                     "Boards</a></li></ol></nav><span class=\"govuk-caption-l\">%h board</span>"
                     "<h1 class=\"govuk-heading-l\">%h</h1>", sl_req_words(req, sl_board_kind_name(g.board.kind)), g.board.name);
    members_table(b, &g.board);
    rules_list(b, &g.board);
    meetings_list(req, g.id, &g.board);
    sl_gov_arisings_table(req, g.id, "Open actions arising");
    sl_board_free(&g.board);
    sl_page_end(req);
}
