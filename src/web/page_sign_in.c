/* page_sign_in.c — signing in and out. The password is checked off the page
 * threads (hash_queue.h, through sl_verify); failures are throttled with
 * exponential back-off per login and address, address and login
 * (throttle.h), never locked out; every refusal is in the audit log. */
#include <string.h>

#include "web/audit_queue.h"
#include "web/auth.h"
#include "web/throttle.h"
#include "web/throttle_share.h"
#include "web/web.h"

/* Writes the sign-in form, with an error summary when message is set. */
static void sign_in_form(sl_request *req, const char *message, const char *login)
{
    char token[96];
    sl_signin_token(token, sizeof token);
    sl_page_start(req, "Sign in");
    sl_buf error = SL_BUF_INIT;
    if (message) {
        sl_template_slot problem[] = {{"message", message}};
        sl_web_template(req, &error, "sign_in_error", SL_SLOTS(problem));
    }
    const char *next = sl_query(req, "next");
    if (!next)
        next = sl_form_get(&req->form, "next");
    sl_template_slot slots[] = {
        {"error_summary", sl_buf_str(&error)},
        {"csrf", token},
        {"next", sl_local_path(next) ? next : "/"},
        {"login", login},
    };
    sl_web_template(req, &req->body, "sign_in", SL_SLOTS(slots));
    sl_buf_free(&error);
    sl_page_end(req);
}

void sl_page_sign_in(sl_request *req)
{
    if (req->signed_in) {
        sl_redirect(req, "/");
        return;
    }
    sign_in_form(req, NULL, NULL);
}

/* Records a refused sign-in in the audit log (who tried which login from
 * where, and why), through the server's audit queue: a flood of refusals
 * never holds a page thread on the database's write lock. */
static void audit_refusal(sl_request *req, const char *login, const char *why)
{
    sl_buf after = SL_BUF_INIT;
    sl_buf_cprintf(&after, "%s from %s: %s", login, req->address, why);
    sl_audit_queue_add("sign-in", "refuse", "sign-in", "login", sl_buf_str(&after));
    sl_buf_free(&after);
}

/* Refuses a sign-in that must wait, with Retry-After; returns 1 when it did. */
static int throttled(sl_request *req, const char *login)
{
    const char *what = "";
    int wait = sl_throttle_wait(login, req->address, req->now, &what);
    if (wait <= 0)
        return 0;
    req->status = 429;
    req->retry_after = wait;
    const char *why = sl_req_printf(req, "too many failed attempts for %s: wait %d seconds", what, wait);
    audit_refusal(req, login, why);
    sign_in_form(req, sl_req_printf(req, "Too many failed attempts. Wait %d seconds and try again.", wait), login);
    return 1;
}

/* Asks the server to check the password off the page threads (see sl_verify). */
static void ask_verify(sl_request *req, const char *password, const sl_user *user, int found)
{
    req->verify = SL_VERIFY_WANTED;
    req->verify_password = sl_req_strdup(req, password);
    req->verify_hash = found && !user->disabled ? sl_req_strdup(req, user->password_hash) : NULL;
    req->verify_first = found && sl_throttle_trusted(user->login, req->address, req->now);
}

void sl_page_sign_in_post(sl_request *req)
{
    const char *login = sl_form_get(&req->form, "login");
    const char *password = sl_form_get(&req->form, "password");
    const char *next = sl_form_get(&req->form, "next");
    sl_error err = {0};
    if (!login || !password || !*login || strlen(login) > 60 || strlen(password) > 200) {
        req->status = 400;
        sign_in_form(req, "Enter your login and password.", login);
        return;
    }
    if (req->verify == SL_VERIFY_NONE && throttled(req, login))
        return;
    sl_user user;
    int found = sl_store_user_find(req->store, login, &user, &err) == 1;
    if (req->verify == SL_VERIFY_NONE) {
        ask_verify(req, password, &user, found);
        return;
    }
    if (req->verify == SL_VERIFY_BUSY) {
        audit_refusal(req, login, "the sign-in queue is full");
        req->status = 503;
        req->retry_after = 2;
        sign_in_form(req, "Too many people are signing in at once. Try again in a few seconds.", login);
        return;
    }
    if (!found || user.disabled || req->verify != SL_VERIFY_OK) {
        sl_throttle_share_failed(login, req->address, req->now);
        req->status = 401;
        sign_in_form(req, "The login or password is not right.", login);
        return;
    }
    sl_throttle_share_succeeded(login, req->address, req->now);
    if (sl_session_start(req, user.id, &err) < 0) {
        sl_error_page(req, 500, "Sign-in failed", "The session could not be stored. Try again.");
        return;
    }
    if (sl_local_path(next))
        sl_redirect(req, "%s", next);
    else
        sl_redirect(req, "/");
}

void sl_page_sign_out(sl_request *req)
{
    sl_session_end(req);
    sl_redirect(req, "/sign-in");
}
