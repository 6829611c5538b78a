/* server.c — the web server: libmicrohttpd with a pool of worker threads,
 * each with its own database connection. A request is read whole (bodies
 * over 64 KiB are refused), its session resolved, its route found and its
 * role and CSRF token checked before the page handler runs; every answer
 * carries the security headers. */
#include <arpa/inet.h>
#include <malloc.h>
#include <microhttpd.h>
#include <pthread.h>
#include <signal.h>
#include <sodium.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "util/mem.h"
#include "web/auth.h"
#include "web/mhd_api.h"
#include "web/page_cache.h"
#include "web/static_files.h"
#include "web/web.h"

#define MAX_BODY (64 * 1024)
#define MAX_STORES 64

static const char security_csp[] =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/* Shared, read-only after start-up, except the store registry. */
static struct {
    const sl_web_config *config;
    sl_static_files statics;
    pthread_mutex_t lock;
    sl_store *stores[MAX_STORES];
    int n_stores;
} server;

static __thread sl_store *thread_store;

/* Returns this worker thread's database connection, opening it once. */
static sl_store *worker_store(sl_error *err)
{
    if (thread_store)
        return thread_store;
    thread_store = sl_store_open(server.config->db_path, 0, err);
    if (!thread_store)
        return NULL;
    pthread_mutex_lock(&server.lock);
    if (server.n_stores < MAX_STORES)
        server.stores[server.n_stores++] = thread_store;
    pthread_mutex_unlock(&server.lock);
    return thread_store;
}

/* What is kept between the calls MHD makes for one request. */
typedef struct {
    sl_buf body;
    int too_large;
} pending;

/* Adds the headers every answer carries; style_hash (may be NULL or "") is
 * the base64 SHA-256 of the one inline stylesheet the answer may use. */
static void add_security_headers(struct MHD_Response *r, const char *style_hash)
{
    if (style_hash && *style_hash) {
        char csp[sizeof security_csp + 80];
        snprintf(csp, sizeof csp, "default-src 'self'; script-src 'self'; style-src 'sha256-%s'; img-src 'self' data:; "
                                  "font-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
                 style_hash);
        MHD_add_response_header(r, "Content-Security-Policy", csp);
    } else {
        MHD_add_response_header(r, "Content-Security-Policy", security_csp);
    }
    MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(r, "X-Frame-Options", "DENY");
    MHD_add_response_header(r, "Referrer-Policy", "same-origin");
}

/* Queues a static asset. */
static enum MHD_Result send_static(struct MHD_Connection *conn, const sl_static_file *f)
{
    struct MHD_Response *r =
        MHD_create_response_from_buffer(f->len, f->data, MHD_RESPMEM_PERSISTENT);
    add_security_headers(r, NULL);
    MHD_add_response_header(r, "Content-Type", f->content_type);
    MHD_add_response_header(r, "Cache-Control", "public, max-age=86400");
    enum MHD_Result ok = MHD_queue_response(conn, MHD_HTTP_OK, r);
    MHD_destroy_response(r);
    return ok;
}

/* Queues a page handler's answer. */
static enum MHD_Result send_answer(sl_request *req)
{
    size_t len = req->body.len;
    char *data = sl_buf_take(&req->body);
    struct MHD_Response *r = MHD_create_response_from_buffer_with_free_callback(len, data, free);
    add_security_headers(r, req->style_hash);
    MHD_add_response_header(r, "Content-Type",
                            req->content_type ? req->content_type : "text/html; charset=utf-8");
    MHD_add_response_header(r, "Cache-Control", "no-store");
    if (req->location[0])
        MHD_add_response_header(r, "Location", req->location);
    for (int i = 0; i < 2; i++)
        if (req->cookies[i][0])
            MHD_add_response_header(r, "Set-Cookie", req->cookies[i]);
    if (req->filename[0]) {
        char disposition[160];
        snprintf(disposition, sizeof disposition, "attachment; filename=\"%s\"", req->filename);
        MHD_add_response_header(r, "Content-Disposition", disposition);
    }
    enum MHD_Result ok = MHD_queue_response(req->conn, (unsigned)req->status, r);
    MHD_destroy_response(r);
    return ok;
}

/* MHD iterator: appends one query argument to the cache key, encoded. */
static enum MHD_Result add_argument(void *cls, enum MHD_ValueKind kind, const char *key,
                                    const char *value)
{
    (void)kind;
    sl_buf *b = cls;
    sl_buf_printf(b, "%U=%U&", key, value);
    return MHD_YES;
}

/* Cache callback: writes a kept page inside this request's header and footer. */
static void serve_kept(void *ctx, const char *title, const char *content, size_t len)
{
    sl_request *req = ctx;
    sl_page_start(req, title);
    sl_buf_add(&req->body, content, len);
    sl_page_end(req);
}

/* Runs a cacheable page: serves it from the cache when the data has not
 * changed since it was made, else makes it and keeps it. */
static void run_cached(sl_request *req, const sl_route *route)
{
    int64_t generation;
    sl_error err = {0};
    if (sl_store_generation(req->store, &generation, &err) < 0) {
        route->handler(req);
        return;
    }
    sl_buf key = SL_BUF_INIT;
    sl_buf_printf(&key, "%s?", req->path);
    MHD_get_connection_values(req->conn, MHD_GET_ARGUMENT_KIND, add_argument, &key);
    sl_buf_printf(&key, "|%d|%lld", (int)req->today, (long long)generation);
    if (!sl_cache_use(sl_buf_str(&key), serve_kept, req)) {
        route->handler(req);
        if (req->status == 200 && !req->location[0] && req->content_end > req->content_start)
            sl_cache_put(sl_buf_str(&key), req->title, req->body.data + req->content_start,
                         req->content_end - req->content_start);
    }
    sl_buf_free(&key);
}

/* Checks who may do what, then runs the page; fills the answer in req. */
static void dispatch(sl_request *req, const pending *p)
{
    const sl_route *route = sl_route_find(req->method, req->path, req->ids);
    if (!route) {
        sl_error_page(req, 404, "Page not found", "There is no page at this address.");
        return;
    }
    int is_post = strcmp(req->method, "POST") == 0;
    if (p->too_large) {
        sl_error_page(req, 413, "Too much data", "The form sent more than sightline accepts.");
        return;
    }
    if (is_post && sl_form_decode(p->body.data ? p->body.data : "", p->body.len, &req->form) < 0) {
        sl_error_page(req, 400, "Bad request", "The form could not be read.");
        return;
    }
    if (route->least_role != SL_ROLE_NONE && !req->signed_in) {
        if (is_post)
            sl_redirect(req, "/sign-in");
        else if (sl_local_path(req->path))
            sl_redirect(req, "/sign-in?next=%s", req->path);
        else
            sl_redirect(req, "/sign-in");
        return;
    }
    if (is_post && !sl_csrf_ok(req)) {
        sl_error_page(req, 403, "Form expired",
                      "The form was missing its security token or it had expired. Go back, reload the page and try again.");
        return;
    }
    if (req->role < route->least_role) {
        sl_error_page(req, 403, "You cannot do that",
                      "Your account's role does not allow this. Ask the improvement team if you need it.");
        return;
    }
    if (route->cacheable && !is_post)
        run_cached(req, route);
    else
        route->handler(req);
}

/* MHD's access handler: gathers the body, then answers. */
static enum MHD_Result on_request(void *cls, struct MHD_Connection *conn, const char *url,
                                  const char *method, const char *version, const char *upload,
                                  size_t *upload_size, void **con_cls)
{
    (void)cls;
    (void)version;
    pending *p = *con_cls;
    if (!p) {
        /* Answer on a later call, never this first one: libmicrohttpd
         * closes the connection after a response queued on the first call
         * (it cannot know the request was read whole), which would cost
         * every browser and client a new TCP connection per page. */
        p = sl_calloc(sizeof *p);
        *con_cls = p;
        return MHD_YES;
    }
    if (*upload_size) {
        if (p->body.len + *upload_size > MAX_BODY)
            p->too_large = 1;
        else
            sl_buf_add(&p->body, upload, *upload_size);
        *upload_size = 0;
        return MHD_YES;
    }
    if (strncmp(url, "/static/", 8) == 0 || strncmp(url, "/assets/", 8) == 0) {
        const sl_static_file *f = sl_static_find(&server.statics, url);
        if (f && strcmp(method, "GET") == 0)
            return send_static(conn, f);
    }
    sl_request req = {.method = method, .path = url, .conn = conn, .status = 200};
    sl_buf_reserve(&req.body, 48 * 1024);
    req.now = (int64_t)time(NULL);
    req.data_dir = server.config->data_dir;
    req.today = sl_today();
    sl_error err = {0};
    req.store = worker_store(&err);
    /* A database that cannot be reached (a PostgreSQL server restarting) is
     * a 503, before the request or when it broke during it. */
    if (!req.store || !sl_store_reachable(req.store)) {
        sl_error_page(&req, 503, "Service unavailable", "The database is not answering: try again in a moment.");
    } else {
        sl_auth_resolve(&req, server.config->idle_minutes);
        dispatch(&req, p);
        if (!sl_store_reachable(req.store))
            sl_error_page(&req, 503, "Service unavailable", "The database is not answering: try again in a moment.");
    }
    enum MHD_Result ok = send_answer(&req);
    sl_form_free(&req.form);
    sl_buf_free(&req.body);
    return ok;
}

/* Frees what a finished request kept. */
static void on_completed(void *cls, struct MHD_Connection *conn, void **con_cls,
                         enum MHD_RequestTerminationCode code)
{
    (void)cls;
    (void)conn;
    (void)code;
    pending *p = *con_cls;
    if (p) {
        sl_buf_free(&p->body);
        free(p);
        *con_cls = NULL;
    }
}

/* Parses "ADDR:PORT" into a socket address. */
static int parse_listen(const char *listen, struct sockaddr_in *addr, sl_error *err)
{
    char host[64];
    const char *colon = strrchr(listen, ':');
    if (!colon || (size_t)(colon - listen) >= sizeof host)
        return sl_fail(err, "--listen '%s' is not ADDRESS:PORT", listen);
    memcpy(host, listen, (size_t)(colon - listen));
    host[colon - listen] = '\0';
    char *end;
    long port = strtol(colon + 1, &end, 10);
    memset(addr, 0, sizeof *addr);
    addr->sin_family = AF_INET;
    addr->sin_port = htons((uint16_t)port);
    if (*end || port < 1 || port > 65535 || inet_pton(AF_INET, host, &addr->sin_addr) != 1)
        return sl_fail(err, "--listen '%s' is not IPv4-ADDRESS:PORT", listen);
    return 0;
}

static volatile sig_atomic_t stop_requested;

/* Signal handler: asks the main loop to stop. */
static void on_signal(int sig)
{
    (void)sig;
    stop_requested = 1;
}

int sl_web_serve(const sl_web_config *config, sl_error *err)
{
    struct sockaddr_in addr;
    if (parse_listen(config->listen, &addr, err) < 0)
        return -1;
    if (sl_mhd_load(err) < 0)
        return -1;
    sl_store *probe = sl_store_open(config->db_path, 0, err);
    if (!probe)
        return -1;
    sl_store_close(probe);
    server.config = config;
    pthread_mutex_init(&server.lock, NULL);
#ifdef M_TRIM_THRESHOLD
    /* Pages are built in buffers of tens of kilobytes, thousands of times a
     * second: keep freed memory for the next request instead of handing it
     * back to the kernel and faulting it in again. */
    mallopt(M_MMAP_THRESHOLD, 4 * 1024 * 1024);
    mallopt(M_TRIM_THRESHOLD, 64 * 1024 * 1024);
#endif
    if (sl_static_load(config->static_dir, &server.statics, err) < 0)
        return -1;
    struct MHD_Daemon *d = MHD_start_daemon(
        MHD_USE_EPOLL_INTERNAL_THREAD | MHD_USE_ERROR_LOG, 0, NULL, NULL, on_request, NULL,
        MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&addr,
        MHD_OPTION_THREAD_POOL_SIZE, (unsigned)(config->threads > 0 ? config->threads : 2),
        MHD_OPTION_CONNECTION_TIMEOUT, 30u, MHD_OPTION_CONNECTION_LIMIT, 1000u,
        MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)(32 * 1024),
        MHD_OPTION_NOTIFY_COMPLETED, on_completed, NULL, MHD_OPTION_END);
    if (!d) {
        sl_static_free(&server.statics);
        return sl_fail(err, "cannot listen on %s (in use, or not allowed)", config->listen);
    }
    signal(SIGINT, on_signal);
    signal(SIGTERM, on_signal);
    signal(SIGPIPE, SIG_IGN);
    char *name = sl_store_name(config->db_path);
    fprintf(stderr, "sightline: serving %s at http://%s/\n", name, config->listen);
    free(name);
    while (!stop_requested)
        pause();
    MHD_stop_daemon(d);
    for (int i = 0; i < server.n_stores; i++)
        sl_store_close(server.stores[i]);
    server.n_stores = 0;
    sl_static_free(&server.statics);
    sl_cache_clear();
    fprintf(stderr, "sightline: stopped\n");
    return 0;
}
