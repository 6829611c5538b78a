/* meeting_forms.c — what the forms of a meeting page post to
 * (/meetings/{id}/FORM: attendance, agenda items, minutes, decisions, actions
 * arising, publishing the papers), and the update of an action arising by
 * its owner (/arisings/{id}/update); the forms themselves are drawn by
 * meeting_form_view.c. Each post is
 * checked field by field (a refused one is shown again with the message
 * beside the field and what was typed, 400), written in one transaction and
 * answered with a redirect. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "web/meeting_page.h"

#define MAX_TEXT 20000

/* A validated post, ready to write. */
typedef struct {
    const char *form;
    const sl_meeting *m;
    const sl_board *bd;
    sl_day due;
    sl_attend_state state;
    sl_agenda_kind kind;
} post;

/* Adds field name with the value sent and an error (NULL: none) to p. */
static const char *field(sl_request *req, sl_meeting_posted *p, const char *name, const char *label, const char *error)
{
    const char *v = sl_gov_get(req, name);
    p->fields[p->n++] = (sl_gov_field){name, label, v, error};
    return v;
}

/* Returns "Enter …" when text is empty, "… is too long" when over MAX_TEXT, else NULL. */
static const char *text_error(const char *text, const char *empty)
{
    if (!*text)
        return empty;
    return strlen(text) > MAX_TEXT ? "Keep it under 20,000 characters" : NULL;
}

/* Checks an attendance post. */
static void check_attendance(sl_request *req, post *w, sl_meeting_posted *p)
{
    const char *member = sl_gov_get(req, "member"), *state = sl_gov_get(req, "state");
    const char *sub = sl_gov_get(req, "substitute");
    int k = sl_board_find_member(w->bd, member);
    field(req, p, "member", "Member", k < 0 ? "Choose a member of the board" : NULL);
    int bad_state = sl_attend_state_parse(state, &w->state) < 0;
    field(req, p, "state", "Attendance", bad_state ? "Choose present, apologies or substitute" : NULL);
    const char *why = NULL;
    if (!bad_state && w->state == SL_ATTEND_SUBSTITUTE && !*sub)
        why = "Say who attended instead";
    else if (!bad_state && w->state == SL_ATTEND_SUBSTITUTE && k >= 0 && !sl_board_substitute_allowed(w->bd, (size_t)k, sub))
        why = "The substitute must be the member's named substitute or another member of the board";
    else if (!bad_state && w->state != SL_ATTEND_SUBSTITUTE && *sub)
        why = "Only a substitute attends for someone; choose substitute or leave this empty";
    field(req, p, "substitute", "Attended by (for a substitute)", why);
}

/* Checks a post of form w->form, filling p's fields and errors. */
static void check_post(sl_request *req, post *w, sl_meeting_posted *p)
{
    const char *f = w->form, *why = NULL;
    if (strcmp(f, "attendance") == 0) {
        check_attendance(req, w, p);
    } else if (strcmp(f, "agenda") == 0) {
        field(req, p, "title", "Agenda item", text_error(sl_gov_get(req, "title"), "Enter the agenda item"));
        int bad = sl_agenda_kind_parse(sl_gov_get(req, "kind"), &w->kind) < 0;
        field(req, p, "kind", "Kind", bad ? "Choose item, standing or deep-dive" : NULL);
        field(req, p, "theme", "Theme of a deep dive (optional)", NULL);
    } else if (strcmp(f, "minutes") == 0) {
        field(req, p, "minutes", "Draft minutes", text_error(sl_gov_get(req, "minutes"), "Write the minutes"));
    } else if (strcmp(f, "decisions") == 0) {
        field(req, p, "decision", "Decision", text_error(sl_gov_get(req, "decision"), "Write the decision"));
    } else if (strcmp(f, "arising") == 0) {
        field(req, p, "text", "Action arising", text_error(sl_gov_get(req, "text"), "Say what is to be done"));
        field(req, p, "owner", "Owner", *sl_gov_get(req, "owner") ? NULL : "Say who owns the action");
        sl_gov_day(sl_gov_get(req, "due"), 1, &w->due, &why);
        field(req, p, "due", "Due date (YYYY-MM-DD)", why);
    }
}

/* Writes a checked post (sl_gov_write_fn). */
static int write_post(sl_request *req, void *ctx, sl_error *err)
{
    post *w = ctx;
    const char *actor = req->session.user.login, *f = w->form;
    int64_t id = w->m->id, new_id = 0;
    if (strcmp(f, "attendance") == 0) {
        int k = sl_board_find_member(w->bd, sl_gov_get(req, "member"));
        const char *sub = sl_gov_get(req, "substitute");
        sl_attendance a = {(char *)sl_board_member_label(w->bd, (size_t)k), w->state,
                           w->state == SL_ATTEND_SUBSTITUTE ? (char *)sub : NULL};
        return sl_store_attendance_set(req->store, id, &a, actor, err);
    }
    if (strcmp(f, "agenda") == 0) {
        const char *theme = sl_gov_get(req, "theme");
        sl_agenda_item item = {(char *)sl_gov_get(req, "title"), w->kind, *theme ? (char *)theme : NULL, 0};
        return sl_store_agenda_add(req->store, id, &item, actor, err);
    }
    if (strcmp(f, "minutes") == 0)
        return sl_store_meeting_minutes(req->store, id, sl_gov_get(req, "minutes"), actor, err);
    if (strcmp(f, "decisions") == 0)
        return sl_store_decision_add(req->store, id, sl_gov_get(req, "decision"), actor, err);
    if (strcmp(f, "arising") == 0) {
        sl_arising a = {0, NULL, w->m->day, (char *)sl_gov_get(req, "text"), (char *)sl_gov_get(req, "owner"),
                        w->due, SL_STATUS_NOT_STARTED};
        return sl_store_arising_add(req->store, id, &a, actor, &new_id, err);
    }
    return sl_store_meeting_publish(req->store, id, req->today, actor, err);
}

/* Returns the form a /meetings/{id}/FORM path names, or NULL when none. */
static const char *form_name(const char *path)
{
    static const char *const forms[] = {"attendance", "agenda", "minutes", "decisions", "arising", "publish"};
    const char *slash = strrchr(path, '/');
    for (size_t i = 0; slash && i < sizeof forms / sizeof *forms; i++)
        if (strcmp(slash + 1, forms[i]) == 0)
            return forms[i];
    return NULL;
}

void sl_page_meeting_post(sl_request *req)
{
    const char *name = form_name(req->path);
    if (!name) {
        sl_error_page(req, 404, "Page not found", "There is no such form.");
        return;
    }
    sl_meeting m;
    sl_gov_board g;
    if (sl_gov_meeting_load(req, req->ids[0], &m, &g) != 1)
        return;
    /* Asked once the meeting is found: the role is the grant over its board's authority. */
    if (!sl_may(req->role, SL_DO_RUN_BOARD, NULL)) {
        sl_error_page(req, 403, "You cannot run this board",
                      "The improvement programme team records meetings; ask them to make the change.");
        sl_meeting_free(&m);
        sl_board_free(&g.board);
        return;
    }
    post w = {name, &m, &g.board, SL_NO_DAY, SL_ATTEND_PRESENT, SL_AGENDA_ITEM};
    sl_meeting_posted p = {name, {{0}}, 0};
    check_post(req, &w, &p);
    sl_error err = {0};
    if (sl_gov_has_error(p.fields, p.n)) {
        req->status = 400;
        sl_meeting_render(req, &m, &g, &p);
    } else if (sl_gov_transaction(req, write_post, &w, &err) < 0) {
        sl_gov_refused(req, "The change was not saved", &err);
    } else {
        sl_redirect(req, "/meetings/%lld#%s", (long long)m.id, strcmp(name, "publish") == 0 ? "agenda" : name);
    }
    sl_meeting_free(&m);
    sl_board_free(&g.board);
}
