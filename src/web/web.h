/* web.h — what the web application's files share: the request a page
 * handler receives, how it answers, and the page registry. Every page is one
 * file (page_*.c) with handlers listed in routes.c. Handlers write HTML into
 * req->body through util/buf.h's escapers only. */
#ifndef SL_WEB_WEB_H
#define SL_WEB_WEB_H
#include <stdint.h>

#include "domain/date.h"
#include "domain/permission.h"
#include "store/store.h"
#include "util/arena.h"
#include "util/buf.h"
#include "web/form.h"
#include "web/template.h"
#include "web/upload.h"

struct MHD_Connection;

/* A sign-in's password check, which runs off the page threads (hash_queue.h):
 * the handler asks for it (WANTED, with verify_password and verify_hash),
 * the server suspends the request, and runs the handler again with the answer. */
typedef enum {
    SL_VERIFY_NONE = 0,         /* not asked yet */
    SL_VERIFY_WANTED,           /* set by the handler: check verify_password against verify_hash */
    SL_VERIFY_OK,               /* the password matched */
    SL_VERIFY_FAILED,           /* it did not */
    SL_VERIFY_BUSY              /* the hashing queue was full: nothing was checked */
} sl_verify;

/* Work a page hands to a job thread so that the page threads are not held
 * (reading an uploaded document): the handler sets req->job and returns;
 * the server suspends the request, queues the job (web/job_queue.h), and
 * runs the handler again with req->job done, or busy when the queue was
 * full. A page embeds this first in its own struct; free releases it when
 * the request ends. */
typedef struct sl_web_job {
    void (*run)(struct sl_web_job *job);
    void (*free)(struct sl_web_job *job);
    volatile int done;
    int busy;                       /* the queue was full: run never ran */
} sl_web_job;

typedef struct {
    const char *method;             /* "GET", "POST", … */
    const char *path;               /* without the query string */
    struct MHD_Connection *conn;
    sl_store *store;                /* this worker thread's connection */
    const char *data_dir;           /* the reference data (authorities, boundaries) */
    sl_form form;                   /* a POST's fields */
    sl_upload *upload;              /* a multipart POST's file (upload.h); NULL for other bodies */
    sl_web_job *job;                /* see sl_web_job: set by the handler, done when it runs again */
    int64_t ids[2];                 /* numbers matched by {id} in the route */
    int signed_in;
    sl_session session;             /* valid when signed_in */
    sl_role role;                   /* the highest of the grants; narrowed to a thing's authority by
                                     * sl_req_narrow_role once the page has found what it acts on */
    sl_grant *grants;               /* the account's roles per authority (freed with the request) */
    int n_grants;
    int64_t scope;                  /* whose view the page is, for the page cache's key: SL_SCOPE_ALL
                                     * for accounts with national grants only, else the account's id */
    char token_hash[65];
    char address[48];               /* the client's IP address as text (behind a trusted proxy, X-Forwarded-For's) */
    int secure;                     /* over TLS, directly or to a trusted proxy: cookies Secure and __Host- */
    sl_verify verify;               /* a sign-in's password check (see sl_verify) */
    const char *verify_password;    /* set with SL_VERIFY_WANTED; in the arena */
    const char *verify_hash;        /* NULL: check against a decoy */
    int verify_first;               /* the login signed in from this address lately: ahead of the queue */
    sl_day today;                   /* the day the page shows: the as-of day (web/as_of.h) */
    sl_day real_today;              /* today in Europe/London: the day a change is made */
    const char *as_of;              /* "YYYY-MM-DD" when the page is as of another day than
                                       real_today (links carry it), else NULL; in arena */
    int64_t now;                    /* seconds since 1970 */
    int64_t session_idle;           /* seconds a session may go unused (serve --session-idle) */
    int64_t session_max;            /* seconds a session lasts from sign-in (serve --session-max) */
    /* The answer. */
    int status;                     /* 200 unless a handler says otherwise */
    const char *content_type;       /* text/html unless set */
    sl_buf body;
    const char *location;           /* set: a 303 redirect there (in arena) */
    char cookies[2][200];           /* Set-Cookie values */
    const char *filename;           /* set: Content-Disposition attachment (in arena) */
    char style_hash[48];            /* set: base64 SHA-256 of the one inline <style> allowed (print views) */
    int retry_after;                /* set: a Retry-After header, in seconds */
    /* Set instead of body: the answer is streamed. The server calls stream
     * for each block (it writes at most max bytes into out and returns how
     * many, 0 at the end), then stream_free(stream_ctx), also when the
     * client goes away first. */
    size_t (*stream)(void *ctx, char *out, size_t max);
    void *stream_ctx;
    void (*stream_free)(void *ctx);
    /* Set by the layout: where the page's own content lies in body, for the page cache. */
    const char *title;              /* in arena */
    size_t content_start;
    size_t content_end;
    int content_carried;            /* the content already carries the as-of day (web/as_of.h) */
    sl_arena arena;                 /* what the request's strings live in; freed with it */
} sl_request;

typedef void (*sl_page_fn)(sl_request *req);

/* Returns the query-string parameter name, or NULL (MHD keeps ownership). */
const char *sl_query(sl_request *req, const char *name);
/* Appends every query-string argument but skip to out as "name=value&",
 * URL-encoded (to build a link to the same page with skip changed). */
void sl_query_except(sl_request *req, const char *skip, sl_buf *out);
/* Returns the request header name, or NULL. */
const char *sl_header(sl_request *req, const char *name);
/* Sets req->role to the role the account holds over authority (by name):
 * the grant for that authority or a national one (domain/permission.h
 * sl_role_for). Called by the loaders of a plan or an action, so that what
 * a page then asks sl_may is answered for that thing's authority. */
void sl_req_narrow_role(sl_request *req, const char *authority);
/* Returns a copy of s that lives as long as the request. */
const char *sl_req_strdup(sl_request *req, const char *s);
/* Returns C-printf-formatted plain text (no markup) that lives as long as the request. */
const char *sl_req_printf(sl_request *req, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Returns a day written for people ("5 Sep 2017"; "" for none), living as
 * long as the request: the one way a page shows a day (ISO only in machine formats). */
const char *sl_req_day(sl_request *req, sl_day day);
/* Returns a stored UTC timestamp written for people in Europe/London
 * ("5 Sep 2017, 10:00 BST"), living as long as the request. */
const char *sl_req_time(sl_request *req, const char *stamp);
/* Returns a code written as words ("in-progress" → "In progress"), living as long as the request. */
const char *sl_req_words(sl_request *req, const char *code);
/* Returns a stored value (an audit entry's before or after) for people: a
 * day or timestamp written the UK way, a status code in words, else the text
 * as it is; living as long as the request. */
const char *sl_req_value(sl_request *req, const char *value);
/* Answers with a 303 redirect to a local path (formatted). */
void sl_redirect(sl_request *req, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Answers with an error page: status and a sentence saying what happened. */
void sl_error_page(sl_request *req, int status, const char *title, const char *message);
/* Returns 1 when s is a safe local path to redirect to: starts with one '/'
 * and holds only URL-safe characters. */
int sl_local_path(const char *s);
/* Returns 1 when the signed-in person is named in an SRO or leads cell (split on ; and "and"). */
int sl_names_person(const char *cell, const char *person);

/* A plan as the pages name it. */
typedef struct {
    int64_t id;
    const char *title;              /* in the request's arena */
    const char *authority;
    int version;
    int64_t superseded_by;
    int n_actions;
} sl_web_plan;

/* Finds plan id (current or superseded): 1 found, 0 not (a 404 page is written), -1 error page. */
int sl_find_plan(sl_request *req, int64_t id, sl_web_plan *out);
/* Writes the breadcrumbs "Plans › TITLE" (› then extra when given). */
void sl_breadcrumbs(sl_request *req, const sl_web_plan *plan, const char *extra);

/* The layout every page shares: the GOV.UK template, header, navigation
 * (web/templates/layout_head.html, layout_foot.html). */
void sl_page_start(sl_request *req, const char *title);
void sl_page_end(sl_request *req);
/* A GOV.UK tag showing a RAG rating. */
void sl_rag_tag(sl_buf *out, sl_rag rag);
/* Appends template name (web/templates/NAME.html) filled from slots to out. A
 * template error is a bug (test_template renders every template): it is
 * logged and the answer becomes a 500. */
void sl_web_template(sl_request *req, sl_buf *out, const char *name, const sl_template_slot *slots,
                     size_t n);
/* The slots argument pair of sl_web_template for an array of slots. */
#define SL_SLOTS(array) (array), sizeof(array) / sizeof((array)[0])

/* Pages, one file each. */
void sl_page_sign_in(sl_request *req);
void sl_page_sign_in_post(sl_request *req);
void sl_page_sign_out(sl_request *req);
void sl_page_home(sl_request *req);
void sl_page_dashboard(sl_request *req);
void sl_page_actions(sl_request *req);
void sl_page_actions_csv(sl_request *req);
void sl_page_action(sl_request *req);
void sl_page_action_update(sl_request *req);
void sl_page_action_sign_off(sl_request *req);
void sl_page_action_return(sl_request *req);
void sl_page_action_comment(sl_request *req);
void sl_page_recommendations(sl_request *req);
void sl_page_my_actions(sl_request *req);
void sl_page_people(sl_request *req);
void sl_page_search(sl_request *req);
void sl_page_audit(sl_request *req);
void sl_page_measures(sl_request *req);
void sl_page_measure(sl_request *req);
void sl_page_national(sl_request *req);
void sl_page_summary(sl_request *req);
void sl_page_inspections(sl_request *req);
void sl_page_sessions(sl_request *req);
void sl_page_session_end(sl_request *req);
void sl_page_sessions_end_others(sl_request *req);
/* Importing a plan from the browser (page_import.c): the form, its preview,
 * the confirmation and the cancel. */
void sl_page_import(sl_request *req);
void sl_page_import_post(sl_request *req);
void sl_page_import_confirm(sl_request *req);
void sl_page_import_cancel(sl_request *req);

/* The route table: method, pattern ("/actions/{id}"), least role, handler. */
typedef struct {
    const char *method;
    const char *pattern;
    sl_role least_role;             /* SL_ROLE_NONE: open to anyone */
    sl_page_fn handler;
    int cacheable;                  /* the content depends only on the request, the day and the data */
    size_t upload_max;              /* set: a multipart form with one file of at most this many bytes */
} sl_route;

extern const sl_route sl_routes[];

/* Finds the route for a method and path, filling req->ids; NULL when none. */
const sl_route *sl_route_find(const char *method, const char *path, int64_t ids[2]);

typedef struct {
    const char *db_path;
    const char *listen;             /* "127.0.0.1:8080" */
    const char *static_dir;
    const char *data_dir;
    int threads;
    int idle_minutes;               /* sessions end after this long unused */
    int per_address;                /* connections one client address may hold at once */
    int header_seconds;             /* a request's headers must arrive within this */
    int body_seconds;               /* … and its body within this after them */
    int session_max_hours;          /* sessions end this long after sign-in, however active */
    const char *tls_cert;           /* set: serve HTTPS with this PEM certificate … */
    const char *tls_key;            /* … and this PEM key */
    int trust_proxy;                /* believe X-Forwarded-For/-Proto from loopback and proxy_addresses */
    const char *proxy_addresses;    /* comma-separated addresses of trusted proxies, or NULL */
    /* Called once the server listens (NULL: nothing), so that what runs
     * beside it (the daily reminders) never runs for a server that failed
     * to start; returns 0, or -1 to stop the server again. */
    int (*on_listening)(void *ctx);
    void *listening_ctx;
} sl_web_config;

/* Runs the web server until SIGINT or SIGTERM; returns 0 or -1 with err set. */
int sl_web_serve(const sl_web_config *config, sl_error *err);

#endif
