/* auth.c — sessions, passwords and CSRF tokens (see auth.h). */
#include "web/auth.h"

#include <pthread.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "util/file.h"
#include "web/form.h"

/* The key sign-in form tokens are signed with; made once per server run. */
static unsigned char form_key[crypto_auth_hmacsha256_KEYBYTES];
static pthread_once_t form_key_once = PTHREAD_ONCE_INIT;

/* Fills the form key with random bytes. */
static void make_form_key(void)
{
    randombytes_buf(form_key, sizeof form_key);
}

void sl_random_hex(char *out, size_t n)
{
    unsigned char bytes[64];
    if (n > sizeof bytes)
        n = sizeof bytes;
    randombytes_buf(bytes, n);
    sodium_bin2hex(out, n * 2 + 1, bytes, n);
}

/* Writes the HMAC of a timestamp as hex into out (65 bytes). */
static void sign_time(long long when, char out[65])
{
    pthread_once(&form_key_once, make_form_key);
    char text[32];
    unsigned char mac[crypto_auth_hmacsha256_BYTES];
    snprintf(text, sizeof text, "%lld", when);
    crypto_auth_hmacsha256(mac, (const unsigned char *)text, strlen(text), form_key);
    sodium_bin2hex(out, 65, mac, sizeof mac);
}

void sl_signin_token(char *out, size_t n)
{
    long long now = (long long)time(NULL);
    char mac[65];
    sign_time(now, mac);
    snprintf(out, n, "%lld.%s", now, mac);
}

/* Returns 1 for a sign-in form token this server made within the last hour. */
static int signin_token_ok(const char *token, int64_t now)
{
    char *end;
    long long when = strtoll(token, &end, 10);
    if (*end != '.' || when > now || now - when > 3600)
        return 0;
    char mac[65];
    sign_time(when, mac);
    return strlen(end + 1) == 64 && sodium_memcmp(mac, end + 1, 64) == 0;
}

/* Returns 1 when the Origin header, if any, names this server's Host. */
static int origin_ok(sl_request *req)
{
    const char *origin = sl_header(req, "Origin");
    const char *host = sl_header(req, "Host");
    if (!origin || strcmp(origin, "null") == 0)
        return origin == NULL;
    const char *after = strstr(origin, "://");
    return host && after && strcmp(after + 3, host) == 0;
}

int sl_csrf_ok(sl_request *req)
{
    const char *token = sl_form_get(&req->form, "csrf");
    if (!token || !origin_ok(req))
        return 0;
    if (req->signed_in)
        return strlen(token) == 64 && sodium_memcmp(token, req->session.csrf, 64) == 0;
    return signin_token_ok(token, req->now);
}

/* Writes the hex SHA-256 of a session token. */
static void token_digest(const char *token, char out[65])
{
    sl_sha256_hex(token, strlen(token), out);
}

void sl_auth_resolve(sl_request *req)
{
    char token[80];
    const char *cookies = sl_header(req, "Cookie");
    const char *name = req->secure ? SL_SESSION_COOKIE_TLS : SL_SESSION_COOKIE;
    if (!cookies || !sl_cookie_get(cookies, name, token, sizeof token) ||
        strlen(token) != 64)
        return;
    token_digest(token, req->token_hash);
    sl_error err = {0};
    if (sl_store_session_find(req->store, req->token_hash, &req->session, &err) != 1)
        return;
    int idle = req->now - req->session.last_seen > req->session_idle;
    int old = req->now - req->session.created_at > req->session_max;
    if (idle || old || req->session.user.disabled) {
        sl_store_session_delete(req->store, req->token_hash, &err);
        return;
    }
    /* The account's grants decide its role and what the store shows it. */
    int n = sl_store_user_grants(req->store, req->session.user.id, &req->grants, &err);
    if (n < 0 || sl_store_set_scope(req->store, req->session.user.id, &err) < 0) {
        sl_store_set_scope(req->store, SL_SCOPE_NONE, &err);
        return;
    }
    req->n_grants = n;
    req->signed_in = 1;
    req->role = sl_role_highest(req->grants, n);
    /* The page cache's key: pages are shared by the accounts whose grants are all national
     * (the same everywhere); any other account's pages are its own. */
    int national = 0;
    for (int i = 0; i < n; i++)
        national += req->grants[i].authority_id == 0;
    req->scope = n > 0 && national == n ? SL_SCOPE_ALL : req->session.user.id;
    if (req->now - req->session.last_seen > 60)
        sl_store_session_touch(req->store, req->token_hash, req->now, &err);
}

int sl_password_hash(const char *password, char out[128])
{
    return crypto_pwhash_str(out, password, strlen(password), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                             crypto_pwhash_MEMLIMIT_INTERACTIVE);
}

int sl_password_ok(const char *password, const char *hash)
{
    return crypto_pwhash_str_verify(hash, password, strlen(password)) == 0;
}

static char decoy_hash[crypto_pwhash_STRBYTES];
static pthread_once_t decoy_once = PTHREAD_ONCE_INIT;

/* Makes the hash that unknown logins are checked against, once per process. */
static void make_decoy_hash(void)
{
    if (sl_password_hash("sightline decoy password", decoy_hash) != 0)
        decoy_hash[0] = '\0';
}

void sl_password_decoy(const char *password)
{
    pthread_once(&decoy_once, make_decoy_hash);
    if (decoy_hash[0]) {
        volatile int matched = crypto_pwhash_str_verify(decoy_hash, password, strlen(password));
        (void)matched; /* the work is the point; the answer is always "no" */
    }
}

/* Sets the session cookie to value (clear: expire it now), Secure and
 * __Host- prefixed when the request came over TLS. */
static void set_cookie(sl_request *req, const char *value, int clear)
{
    snprintf(req->cookies[0], sizeof req->cookies[0], "%s=%s; HttpOnly;%s SameSite=Strict; Path=/%s",
             req->secure ? SL_SESSION_COOKIE_TLS : SL_SESSION_COOKIE, value, req->secure ? " Secure;" : "",
             clear ? "; Max-Age=0" : "");
}

int sl_session_start(sl_request *req, int64_t user_id, sl_error *err)
{
    char token[65], digest[65], csrf[65], ref[33];
    sl_random_hex(token, 32);
    sl_random_hex(csrf, 32);
    sl_random_hex(ref, 16);
    token_digest(token, digest);
    sl_session_new n = {digest, ref, user_id, csrf, req->now, req->address, sl_header(req, "User-Agent")};
    if (sl_store_session_add(req->store, &n, err) < 0)
        return -1;
    set_cookie(req, token, 0);
    return 0;
}

void sl_session_end(sl_request *req)
{
    sl_error err = {0};
    if (req->signed_in)
        sl_store_session_delete(req->store, req->token_hash, &err);
    req->signed_in = 0;
    set_cookie(req, "", 1);
}
