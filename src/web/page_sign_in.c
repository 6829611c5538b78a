/* page_sign_in.c — signing in and out. Failed attempts are counted per login;
 * after SL_SIGNIN_FAILURES within SL_SIGNIN_WINDOW the login is refused for
 * the rest of the window, even with the right password. */
#include <string.h>

#include "web/auth.h"
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

void sl_page_sign_in_post(sl_request *req)
{
    const char *login = sl_form_get(&req->form, "login");
    const char *password = sl_form_get(&req->form, "password");
    const char *next = sl_form_get(&req->form, "next");
    sl_error err = {0};
    int failures = 0;
    if (!login || !password || !*login || strlen(login) > 60 || strlen(password) > 200) {
        req->status = 400;
        sign_in_form(req, "Enter your login and password.", login);
        return;
    }
    if (sl_store_login_failures(req->store, login, req->now - SL_SIGNIN_WINDOW, &failures, &err) < 0 ||
        failures >= SL_SIGNIN_FAILURES) {
        req->status = 429;
        sign_in_form(req, "Too many failed attempts for this login. Wait 15 minutes and try again.", login);
        return;
    }
    sl_user user;
    int found = sl_store_user_find(req->store, login, &user, &err) == 1;
    int ok = found && !user.disabled && sl_password_ok(password, user.password_hash);
    if (!found || user.disabled)
        sl_password_decoy(password);
    if (!ok) {
        sl_store_login_failure(req->store, login, req->now, req->now - SL_SIGNIN_WINDOW, &failures, &err);
        req->status = 401;
        sign_in_form(req, "The login or password is not right.", login);
        return;
    }
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
