/* auth.h — who is asking: sessions from the cookie, passwords (Argon2id via
 * libsodium), CSRF tokens, and the form tokens of the sign-in page. */
#ifndef SL_WEB_AUTH_H
#define SL_WEB_AUTH_H
#include <stddef.h>

#include "web/web.h"

#define SL_SESSION_COOKIE "sl_session"
/* Over TLS the cookie is Secure and its name carries the __Host- prefix: a
 * browser then keeps it only from this host, over HTTPS, with Path=/ and no Domain. */
#define SL_SESSION_COOKIE_TLS "__Host-sl_session"
#define SL_SIGNIN_FAILURES 5            /* failures within the window that lock a login */
#define SL_SIGNIN_WINDOW (15 * 60)      /* seconds */

/* Sets req->signed_in, session and role from the session cookie; a session
 * idle longer than req->session_idle or older than req->session_max is ended. */
void sl_auth_resolve(sl_request *req);
/* Returns 1 when a POST carries the right CSRF token (the session's, or for
 * the sign-in form a valid form token) and, if the browser sent an Origin,
 * it is this server. */
int sl_csrf_ok(sl_request *req);
/* Writes a fresh form token for the sign-in page (valid one hour) into out (65+ bytes). */
void sl_signin_token(char *out, size_t n);
/* Hashes a password with Argon2id into out (crypto_pwhash_STRBYTES); returns 0 or -1. */
int sl_password_hash(const char *password, char out[128]);
/* Returns 1 when password matches the stored hash. */
int sl_password_ok(const char *password, const char *hash);
/* Spends the same Argon2 work as sl_password_ok on a decoy hash, so a sign-in
 * with an unknown or disabled login takes as long as one with a known login. */
void sl_password_decoy(const char *password);
/* Starts a session for a user: stores it and sets the cookie on req. Returns 0 or -1. */
int sl_session_start(sl_request *req, int64_t user_id, sl_error *err);
/* Ends the request's session and clears the cookie. */
void sl_session_end(sl_request *req);
/* Writes n random bytes as 2n hex characters and a NUL into out. */
void sl_random_hex(char *out, size_t n);

#endif
