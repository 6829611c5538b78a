/* page_sessions.c — "Your sessions" (/sessions): where the signed-in user
 * is signed in (when each session started, when it was last used, from which
 * address, in which browser), the current one marked, each with a button to
 * end it, and one to end all the others; an admin also sees, and may end,
 * every account's sessions. Sessions live in the database, so an ended one
 * is refused at once by every server process. Each end is audited. */
#include <stdio.h>
#include <string.h>

#include "domain/date.h"
#include "domain/reminder.h"
#include "util/clock.h"
#include "web/auth.h"
#include "web/web.h"

#define TH "<th scope=\"col\" class=\"govuk-table__header\">"
#define TD "<td class=\"govuk-table__cell\">"

/* Writes a time (seconds since 1970) for people into out: Europe/London,
 * with GMT or BST ("5 Sep 2017, 10:00 BST"), as every page writes times. */
static void london(int64_t t, char out[SL_TIME_TEXT_SIZE])
{
    char stamp[32];
    sl_timestamp_of(t, stamp);
    sl_time_text(stamp, out);
}

/* Returns the first of needles found in ua, or NULL. */
static const char *first_of(const char *ua, const char *const needles[][2], size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (strstr(ua, needles[i][0]))
            return needles[i][1];
    return NULL;
}

/* Appends a short summary of a User-Agent ("Firefox on Linux") to b. */
static void browser_summary(sl_buf *b, const char *ua)
{
    static const char *const browsers[][2] = {
        {"Edg/", "Edge"}, {"OPR/", "Opera"}, {"Firefox/", "Firefox"}, {"Chrome/", "Chrome"},
        {"Chromium/", "Chromium"}, {"Safari/", "Safari"}, {"curl/", "curl"}, {"python", "Python"},
    };
    static const char *const systems[][2] = {
        {"Windows", "Windows"}, {"iPhone", "iPhone"}, {"iPad", "iPad"}, {"Android", "Android"},
        {"Mac OS X", "macOS"}, {"CrOS", "ChromeOS"}, {"Linux", "Linux"},
    };
    const char *browser = first_of(ua, browsers, sizeof browsers / sizeof browsers[0]);
    const char *system = first_of(ua, systems, sizeof systems / sizeof systems[0]);
    if (!*ua)
        sl_buf_puts(b, "Not known");
    else if (browser && system)
        sl_buf_printf(b, "%h on %h", browser, system);
    else if (browser || system)
        sl_buf_printf(b, "%h", browser ? browser : system);
    else
        sl_buf_printf(b, "%.*h", (int)sl_utf8_cut(ua, strlen(ua), 40), ua);
}

typedef struct {
    sl_request *req;
    int with_login;             /* the everyone table: a Login column */
    int n;
} table_ctx;

/* Store callback: one row of a sessions table, with its End button (or the current-session tag). */
static int on_session(void *ctx, const sl_session_row *r)
{
    table_ctx *t = ctx;
    sl_buf *b = &t->req->body;
    char created[SL_TIME_TEXT_SIZE], seen[SL_TIME_TEXT_SIZE];
    london(r->created_at, created);
    london(r->last_seen, seen);
    t->n++;
    sl_buf_puts(b, "<tr class=\"govuk-table__row\">");
    if (t->with_login)
        sl_buf_printf(b, TD "%h</td>", r->login);
    sl_buf_printf(b, TD "%h</td>" TD "%h</td>" TD "%h</td>" TD, created, seen, *r->address ? r->address : "Not known");
    browser_summary(b, r->user_agent);
    sl_buf_puts(b, "</td>" TD);
    if (strcmp(r->ref, t->req->session.ref) == 0)
        sl_buf_puts(b, "<strong class=\"govuk-tag govuk-tag--green\">This session</strong> ");
    sl_buf_printf(b, "<form method=\"post\" action=\"/sessions/end\" class=\"sl-inline-form\">"
                     "<input type=\"hidden\" name=\"csrf\" value=\"%a\"><input type=\"hidden\" name=\"session\" value=\"%a\">"
                     "<button type=\"submit\" class=\"govuk-button govuk-button--warning sl-inline-button\">"
                     "End<span class=\"govuk-visually-hidden\"> the session of %h started %h</span></button></form></td></tr>",
                  t->req->session.csrf, r->ref, r->login, created);
    return 0;
}

/* Appends one table of sessions (user_id 0: everyone's); returns 0 or -1 (an error page is written). */
static int sessions_table(sl_request *req, int64_t user_id, const char *caption)
{
    sl_buf *b = &req->body;
    table_ctx t = {req, user_id == 0, 0};
    sl_buf_printf(b, "<div class=\"sl-table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"%a\">"
                     "<table class=\"govuk-table\"><caption class=\"govuk-table__caption govuk-table__caption--m\">%h</caption>"
                     "<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">%R" TH "Signed in</th>"
                     TH "Last used</th>" TH "Address</th>" TH "Browser</th>" TH "<span class=\"govuk-visually-hidden\">End</span></th>"
                     "</tr></thead><tbody class=\"govuk-table__body\">",
                  caption, caption, user_id == 0 ? TH "Login</th>" : "");
    sl_error err = {0};
    if (sl_store_each_session(req->store, user_id, req->now - req->session_idle, req->now - req->session_max,
                              on_session, &t, &err) < 0) {
        sl_error_page(req, 500, "Something went wrong", err.message);
        return -1;
    }
    if (!t.n)
        sl_buf_printf(b, "<tr class=\"govuk-table__row\"><td class=\"govuk-table__cell\" colspan=\"%d\">No sessions.</td></tr>",
                      user_id == 0 ? 6 : 5);
    sl_buf_puts(b, "</tbody></table></div>");
    return 0;
}

void sl_page_sessions(sl_request *req)
{
    sl_buf *b = &req->body;
    sl_page_start(req, "Your sessions");
    sl_buf_printf(b, "<h1 class=\"govuk-heading-l\">Your sessions</h1><p class=\"govuk-body\">Where you are signed in "
                     "as %h. A session ends after %lld minutes unused, or %lld hours after signing in. If you do not "
                     "recognise one, end it and change your password.</p>",
                  req->session.user.login, (long long)(req->session_idle / 60), (long long)(req->session_max / 3600));
    if (sessions_table(req, req->session.user.id, "Your sessions, most recently used first") < 0)
        return;
    sl_buf_printf(b, "<form method=\"post\" action=\"/sessions/end-others\"><input type=\"hidden\" name=\"csrf\" value=\"%a\">"
                     "<button type=\"submit\" class=\"govuk-button govuk-button--secondary\">End all your other sessions"
                     "</button></form>",
                  req->session.csrf);
    if (req->role >= SL_ROLE_ADMIN &&
        sessions_table(req, 0, "Every account's sessions, most recently used first") < 0)
        return;
    sl_page_end(req);
}

void sl_page_session_end(sl_request *req)
{
    const char *ref = sl_form_get(&req->form, "session");
    int admin = req->role >= SL_ROLE_ADMIN;
    int mine = ref && strcmp(ref, req->session.ref) == 0;
    sl_error err = {0};
    int ended = -1;
    if (sl_store_begin(req->store, &err) == 0) {
        ended = sl_store_session_end(req->store, ref ? ref : "", admin ? 0 : req->session.user.id,
                                     req->session.user.login, mine ? "signed out" : "ended from the sessions page", &err);
        if (ended < 0 || sl_store_commit(req->store, &err) < 0) {
            sl_store_rollback(req->store);
            ended = -1;
        }
    }
    if (ended < 0) {
        sl_error_page(req, 500, "The session was not ended", err.message);
    } else if (ended == 0) {
        /* Someone else's session (to a non-admin) is as absent as one that never was. */
        sl_error_page(req, 404, "Session not found", "There is no session of yours with that reference: it may have ended already.");
    } else if (mine) {
        sl_session_end(req);
        sl_redirect(req, "/sign-in");
    } else {
        sl_redirect(req, "/sessions");
    }
}

void sl_page_sessions_end_others(sl_request *req)
{
    sl_error err = {0};
    int ended = 0;
    if (sl_store_begin(req->store, &err) < 0 ||
        sl_store_sessions_end_user(req->store, req->session.user.id, req->session.ref, req->session.user.login,
                                   &ended, &err) < 0 ||
        sl_store_commit(req->store, &err) < 0) {
        sl_store_rollback(req->store);
        sl_error_page(req, 500, "The sessions were not ended", err.message);
        return;
    }
    sl_redirect(req, "/sessions");
}
