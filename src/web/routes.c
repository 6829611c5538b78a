/* routes.c — the route table: every page of the web application, the least
 * role that may open it, and its handler. */
#include <stdlib.h>
#include <string.h>

#include "domain/limits.h"
#include "web/action_page.h"
#include "web/governance_web.h"
#include "web/measure_page.h"

const sl_route sl_routes[] = {
    {"GET", "/sign-in", SL_ROLE_NONE, sl_page_sign_in, 0, 0},
    {"POST", "/sign-in", SL_ROLE_NONE, sl_page_sign_in_post, 0, 0},
    {"POST", "/sign-out", SL_ROLE_VIEWER, sl_page_sign_out, 0, 0},
    {"GET", "/", SL_ROLE_VIEWER, sl_page_home, 1, 0},
    {"GET", "/plans/{id}", SL_ROLE_VIEWER, sl_page_dashboard, 1, 0},
    {"GET", "/plans/{id}/actions", SL_ROLE_VIEWER, sl_page_actions, 1, 0},
    {"GET", "/plans/{id}/actions.csv", SL_ROLE_VIEWER, sl_page_actions_csv, 0, 0},
    {"GET", "/plans/{id}/recommendations", SL_ROLE_VIEWER, sl_page_recommendations, 1, 0},
    {"GET", "/actions/{id}", SL_ROLE_VIEWER, sl_page_action, 0, 0},
    {"POST", "/actions/{id}/update", SL_ROLE_LEAD, sl_page_action_update, 0, SL_EVIDENCE_MAX_BYTES},
    {"GET", "/evidence/{id}", SL_ROLE_VIEWER, sl_page_evidence, 0, 0},
    {"POST", "/actions/{id}/sign-off", SL_ROLE_LEAD, sl_page_action_sign_off, 0, 0},
    {"POST", "/actions/{id}/return", SL_ROLE_LEAD, sl_page_action_return, 0, 0},
    {"POST", "/actions/{id}/comment", SL_ROLE_BOARD, sl_page_action_comment, 0, 0},
    {"GET", "/actions/{id}/edit", SL_ROLE_PROGRAMME, sl_page_action_edit, 0, 0},
    {"POST", "/actions/{id}/edit", SL_ROLE_PROGRAMME, sl_page_action_edit_post, 0, 0},
    {"POST", "/actions/{id}/withdraw", SL_ROLE_PROGRAMME, sl_page_action_withdraw, 0, 0},
    {"GET", "/plans/{id}/actions/new", SL_ROLE_PROGRAMME, sl_page_action_new, 0, 0},
    {"POST", "/plans/{id}/actions/new", SL_ROLE_PROGRAMME, sl_page_action_new_post, 0, 0},
    {"GET", "/my-actions", SL_ROLE_VIEWER, sl_page_my_actions, 0, 0},
    {"GET", "/people", SL_ROLE_VIEWER, sl_page_people, 1, 0},
    {"GET", "/search", SL_ROLE_VIEWER, sl_page_search, 0, 0},
    {"GET", "/audit", SL_ROLE_VIEWER, sl_page_audit, 0, 0},
    {"GET", "/sessions", SL_ROLE_VIEWER, sl_page_sessions, 0, 0},
    {"POST", "/sessions/end", SL_ROLE_VIEWER, sl_page_session_end, 0, 0},
    {"POST", "/sessions/end-others", SL_ROLE_VIEWER, sl_page_sessions_end_others, 0, 0},
    {"GET", "/measures", SL_ROLE_VIEWER, sl_page_measures, 1, 0},
    {"GET", "/measure", SL_ROLE_VIEWER, sl_page_measure, 0, 0},
    {"POST", "/measure/figures", SL_ROLE_LEAD, sl_page_measure_enter_post, 0, 0},
    {"GET", "/measure/correct", SL_ROLE_LEAD, sl_page_measure_correct, 0, 0},
    {"POST", "/measure/correct", SL_ROLE_LEAD, sl_page_measure_correct_post, 0, 0},
    {"GET", "/national", SL_ROLE_VIEWER, sl_page_national, 1, 0},
    {"GET", "/summary", SL_ROLE_VIEWER, sl_page_summary, 1, 0},
    {"GET", "/inspections", SL_ROLE_VIEWER, sl_page_inspections, 1, 0},
    {"GET", "/boards", SL_ROLE_VIEWER, sl_page_boards, 0, 0},
    {"GET", "/boards/{id}", SL_ROLE_VIEWER, sl_page_board, 0, 0},
    {"GET", "/meetings/{id}", SL_ROLE_VIEWER, sl_page_meeting, 0, 0},
    {"POST", "/meetings/{id}/attendance", SL_ROLE_PROGRAMME, sl_page_meeting_post, 0, 0},
    {"POST", "/meetings/{id}/agenda", SL_ROLE_PROGRAMME, sl_page_meeting_post, 0, 0},
    {"POST", "/meetings/{id}/minutes", SL_ROLE_PROGRAMME, sl_page_meeting_post, 0, 0},
    {"POST", "/meetings/{id}/decisions", SL_ROLE_PROGRAMME, sl_page_meeting_post, 0, 0},
    {"POST", "/meetings/{id}/arising", SL_ROLE_PROGRAMME, sl_page_meeting_post, 0, 0},
    {"POST", "/meetings/{id}/publish", SL_ROLE_PROGRAMME, sl_page_meeting_post, 0, 0},
    {"POST", "/arisings/{id}/update", SL_ROLE_LEAD, sl_page_arising_update, 0, 0},
    {"GET", "/calendar", SL_ROLE_VIEWER, sl_page_calendar, 0, 0},
    {"GET", "/calendar.ics", SL_ROLE_NONE, sl_page_calendar_ics, 0, 0},
    {"POST", "/calendar/tokens", SL_ROLE_VIEWER, sl_page_calendar_token_add, 0, 0},
    {"POST", "/calendar/tokens/{id}/revoke", SL_ROLE_VIEWER, sl_page_calendar_token_revoke, 0, 0},
    {"GET", "/risks", SL_ROLE_VIEWER, sl_page_risks, 0, 0},
    {"POST", "/risks", SL_ROLE_PROGRAMME, sl_page_risk_add, 0, 0},
    {"POST", "/risks/{id}/review", SL_ROLE_LEAD, sl_page_risk_review, 0, 0},
    {"GET", "/savings", SL_ROLE_VIEWER, sl_page_savings, 0, 0},
    {"GET", "/plans/{id}/savings", SL_ROLE_VIEWER, sl_page_savings, 0, 0},
    {"GET", "/import", SL_ROLE_PROGRAMME, sl_page_import, 0, 0},
    {"POST", "/import", SL_ROLE_PROGRAMME, sl_page_import_post, 0, SL_IMPORT_MAX_BYTES},
    {"POST", "/import/confirm", SL_ROLE_PROGRAMME, sl_page_import_confirm, 0, 0},
    {"POST", "/import/cancel", SL_ROLE_PROGRAMME, sl_page_import_cancel, 0, 0},
    {"GET", "/reports", SL_ROLE_VIEWER, sl_page_reports, 0, 0},
    {"GET", "/reports/output", SL_ROLE_VIEWER, sl_page_report_view, 0, 0},
    {NULL, NULL, SL_ROLE_NONE, NULL, 0, 0},
};

/* Matches path against a pattern whose "{id}" segments take positive numbers. */
static int matches(const char *pattern, const char *path, int64_t ids[2])
{
    int n_ids = 0;
    while (*pattern && *path) {
        if (strncmp(pattern, "{id}", 4) == 0) {
            char *end;
            if (*path < '1' || *path > '9' || n_ids == 2)
                return 0;
            long long id = strtoll(path, &end, 10);
            if (end - path > 15)
                return 0;
            ids[n_ids++] = id;
            path = end;
            pattern += 4;
        } else if (*pattern++ != *path++) {
            return 0;
        }
    }
    return *pattern == '\0' && *path == '\0';
}

const sl_route *sl_route_find(const char *method, const char *path, int64_t ids[2])
{
    for (const sl_route *r = sl_routes; r->pattern; r++)
        if (strcmp(r->method, method) == 0 && matches(r->pattern, path, ids))
            return r;
    return NULL;
}
