/* arising_forms.c — POST /arisings/{id}/update: an action arising's owner
 * (or whoever runs the board) records a new status and a note, appended to
 * its history in one transaction, then back to the meeting that raised it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "web/governance_web.h"

/* Finds action arising id among every board's: 1 and *out filled (caller
 * frees with sl_arising_free), 0 none, -1 error. */
static int find_arising(sl_request *req, int64_t id, sl_arising *out, sl_error *err)
{
    sl_arising *list = NULL;
    int n = sl_store_arisings(req->store, 0, 0, &list, err), found = 0;
    for (int i = 0; i < n; i++) {
        if (list[i].id == id && !found) {
            *out = list[i];
            memset(&list[i], 0, sizeof list[i]);
            found = 1;
        }
    }
    sl_arisings_free(list, n > 0 ? (size_t)n : 0);
    /* What the user may do to it is its board's authority's grant. */
    sl_board board = sl_board_empty();
    if (found && sl_store_board_find(req->store, out->board, &board, NULL, err) == 1)
        sl_req_narrow_role(req, board.authority);
    sl_board_free(&board);
    return n < 0 ? -1 : found;
}

/* Returns the id of the meeting of board board on day, or 0. */
static int64_t meeting_id(sl_request *req, const char *board, sl_day day)
{
    sl_error err = {0};
    sl_meeting *ms = NULL;
    int n = sl_store_meetings(req->store, 0, &ms, &err);
    int64_t id = 0;
    for (int i = 0; i < n; i++)
        if (ms[i].day == day && ms[i].board && board && strcmp(ms[i].board, board) == 0)
            id = ms[i].id;
    sl_meetings_free(ms, n > 0 ? (size_t)n : 0);
    return id;
}

typedef struct {
    int64_t id;
    sl_status status;
    const char *note;
} arising_update;

/* Writes the update (sl_gov_write_fn). */
static int write_update(sl_request *req, void *ctx, sl_error *err)
{
    arising_update *u = ctx;
    return sl_store_arising_update(req->store, u->id, u->status, u->note, req->session.user.login, err);
}

void sl_page_arising_update(sl_request *req)
{
    sl_error err = {0};
    sl_arising a;
    int rc = find_arising(req, req->ids[0], &a, &err);
    if (rc != 1) {
        sl_error_page(req, rc < 0 ? 500 : 404, rc < 0 ? "The actions arising could not be read" : "Page not found",
                      rc < 0 ? err.message : "There is no action arising with that number.");
        return;
    }
    sl_relation rel = {.owns = sl_names_person(a.owner, req->session.user.person) ||
                               sl_names_person(a.owner, req->session.user.login)};
    char status_name[48], note_name[48];
    snprintf(status_name, sizeof status_name, "status-%lld", (long long)a.id);
    snprintf(note_name, sizeof note_name, "note-%lld", (long long)a.id);
    arising_update u = {a.id, SL_STATUS_NOT_STARTED, sl_gov_get(req, note_name)};
    if (!sl_may(req->role, SL_DO_UPDATE_ARISING, &rel))
        sl_error_page(req, 403, "You cannot update this action arising",
                      "Leads update the actions arising they own; the programme team updates any.");
    else if (sl_status_parse(sl_gov_get(req, status_name), &u.status) < 0 || u.status == SL_STATUS_SIGNED_OFF ||
             u.status == SL_STATUS_CARRIED_FORWARD)
        sl_error_page(req, 400, "Choose a status", "Choose the action arising's status from the list.");
    else if (strlen(u.note) > 4000)
        sl_error_page(req, 400, "The note is too long", "Keep a note under 4,000 characters.");
    else if (sl_gov_transaction(req, write_update, &u, &err) < 0)
        sl_gov_refused(req, "The update was not saved", &err);
    else
        sl_redirect(req, "/meetings/%lld#arising-%lld", (long long)meeting_id(req, a.board, a.meeting),
                    (long long)a.id);
    sl_arising_free(&a);
}
