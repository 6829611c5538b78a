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
#include <strings.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "util/mem.h"
#include "web/as_of.h"
#include "web/audit_queue.h"
#include "web/throttle_share.h"
#include "web/auth.h"
#include "web/deadline.h"
#include "web/hash_queue.h"
#include "web/job_queue.h"
#include "web/mhd_api.h"
#include "web/mhd_errors.h"
#include "web/page_cache.h"
#include "web/proxy.h"
#include "web/static_files.h"
#include "web/tls.h"
#include "web/upload.h"
#include "web/web.h"

#define MAX_BODY (64 * 1024)
#define MAX_STORES 64
#define MAX_CONNECTIONS 4000        /* all clients together; each address has config->per_address */
#define JOB_THREADS 2               /* pages' slow work (reading an uploaded import) at once */
#define JOB_QUEUE 8                 /* … and waiting: more is refused as busy (503) */
#define HASH_QUEUE 64               /* checks that may wait (each tens of ms): a burst of sign-ins fits, a flood is refused at once (503) */

/* Shared, read-only after start-up, except the store registry. */
static struct {
    const sl_web_config *config;
    sl_static_files statics;
    sl_tls tls;                     /* cert set: serving HTTPS */
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
    sl_upload_reader *reader;       /* a multipart body being read (upload.h), else NULL */
    int multipart;                  /* the body was multipart: form and upload hold it */
    int bad_body;                   /* … and it was malformed */
    sl_form form;
    sl_upload upload;
    sl_web_job *job;                /* a page's job (web.h), run on a thread of its own */
    struct MHD_Connection *conn;
    volatile sl_verify verify;      /* a sign-in's password check, set by the hashing thread */
} pending;

/* Returns the connection's deadline entry (deadline.h), or NULL. */
static sl_deadline *deadline_of(struct MHD_Connection *conn)
{
    const union MHD_ConnectionInfo *info = MHD_get_connection_info(conn, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
    return info ? info->socket_context : NULL;
}

/* MHD connection callback: watches each connection's deadlines from its opening to its closing. */
static void on_connection(void *cls, struct MHD_Connection *conn, void **socket_context,
                          enum MHD_ConnectionNotificationCode toe)
{
    (void)cls;
    if (toe == MHD_CONNECTION_NOTIFY_STARTED) {
        const union MHD_ConnectionInfo *info = MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CONNECTION_FD);
        *socket_context = info ? sl_deadline_opened(info->connect_fd) : NULL;
    } else {
        sl_deadline_closed(*socket_context);
        *socket_context = NULL;
    }
}

/* Hashing-thread callback: keeps a sign-in's answer and wakes its request. */
static void on_verified(void *ctx, int ok)
{
    pending *p = ctx;
    p->verify = ok ? SL_VERIFY_OK : SL_VERIFY_FAILED;
    MHD_resume_connection(p->conn);
}

/* Writes the peer's address (who opened the connection) as text into out (n bytes). */
static void peer_address(struct MHD_Connection *conn, char *out, size_t n)
{
    const union MHD_ConnectionInfo *info = MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    snprintf(out, n, "?");
    if (!info || !info->client_addr)
        return;
    if (info->client_addr->sa_family == AF_INET)
        inet_ntop(AF_INET, &((const struct sockaddr_in *)(const void *)info->client_addr)->sin_addr, out, (socklen_t)n);
    else if (info->client_addr->sa_family == AF_INET6)
        inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)(const void *)info->client_addr)->sin6_addr, out, (socklen_t)n);
}

/* Sets req->address and req->secure: the peer and the server's TLS, or,
 * with --trust-proxy and a trusted peer, X-Forwarded-For's client (proxy.h)
 * and X-Forwarded-Proto. */
static void client_of(sl_request *req)
{
    char peer[sizeof req->address];
    peer_address(req->conn, peer, sizeof peer);
    req->secure = server.tls.cert != NULL;
    const sl_web_config *c = server.config;
    if (!c->trust_proxy || !sl_proxy_trusted(peer, c->proxy_addresses)) {
        memcpy(req->address, peer, sizeof peer);
        return;
    }
    sl_proxy_client(peer, sl_header(req, "X-Forwarded-For"), c->proxy_addresses, req->address, sizeof req->address);
    const char *proto = sl_header(req, "X-Forwarded-Proto");
    if (proto && strcasecmp(proto, "https") == 0)
        req->secure = 1;
}

/* Queues a static asset. */
static enum MHD_Result send_static(struct MHD_Connection *conn, const sl_static_file *f)
{
    struct MHD_Response *r =
        MHD_create_response_from_buffer(f->len, f->data, MHD_RESPMEM_PERSISTENT);
    sl_security_headers(r, NULL, server.tls.cert != NULL);
    MHD_add_response_header(r, "Content-Type", f->content_type);
    MHD_add_response_header(r, "Cache-Control", "public, max-age=86400");
    enum MHD_Result ok = MHD_queue_response(conn, MHD_HTTP_OK, r);
    MHD_destroy_response(r);
    return ok;
}

/* A streamed answer's source (web.h: sl_request's stream). */
typedef struct {
    size_t (*fn)(void *ctx, char *out, size_t max);
    void *ctx;
    void (*done)(void *ctx);
} streamed;

/* MHD content reader: the next block of a streamed answer, or its end. */
static ssize_t stream_block(void *cls, uint64_t pos, char *out, size_t max)
{
    (void)pos;
    streamed *s = cls;
    size_t n = s->fn(s->ctx, out, max);
    return n ? (ssize_t)n : MHD_CONTENT_READER_END_OF_STREAM;
}

/* MHD callback: frees a streamed answer's source once it is sent or abandoned. */
static void stream_done(void *cls)
{
    streamed *s = cls;
    s->done(s->ctx);
    free(s);
}

/* Makes the response of a page handler's answer: its body, or its stream in blocks of 32 KiB. */
static struct MHD_Response *answer_response(sl_request *req)
{
    if (req->stream) {
        streamed *s = sl_calloc(sizeof *s);
        *s = (streamed){req->stream, req->stream_ctx, req->stream_free};
        req->stream = NULL;
        return MHD_create_response_from_callback(MHD_SIZE_UNKNOWN, 32 * 1024, stream_block, s, stream_done);
    }
    size_t len = req->body.len;
    char *data = sl_buf_take(&req->body);
    return MHD_create_response_from_buffer_with_free_callback(len, data, free);
}

/* Writes an attachment's Content-Disposition (RFC 6266): an ASCII
 * filename="…" with every character outside [A-Za-z0-9._-] as '_', and the whole
 * name in UTF-8, percent-encoded, as filename*. */
static void content_disposition(sl_buf *out, const char *name)
{
    sl_buf_puts(out, "attachment; filename=\"");
    for (const unsigned char *c = (const unsigned char *)name; *c; c++) {
        if (*c >= 0x80 && *c < 0xC0)
            continue;               /* a UTF-8 continuation byte: its character is one '_' already */
        int plain = (*c >= 'A' && *c <= 'Z') || (*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') ||
                    *c == '.' || *c == '-' || *c == '_';
        sl_buf_putc(out, plain ? (char)*c : '_');
    }
    sl_buf_printf(out, "\"; filename*=UTF-8''%U", name);
}

/* Queues a page handler's answer. */
static enum MHD_Result send_answer(sl_request *req)
{
    struct MHD_Response *r = answer_response(req);
    sl_security_headers(r, req->style_hash, req->secure);
    MHD_add_response_header(r, "Content-Type",
                            req->content_type ? req->content_type : "text/html; charset=utf-8");
    MHD_add_response_header(r, "Cache-Control", "no-store");
    if (req->location)
        MHD_add_response_header(r, "Location", req->location);
    for (int i = 0; i < 2; i++)
        if (req->cookies[i][0])
            MHD_add_response_header(r, "Set-Cookie", req->cookies[i]);
    if (req->retry_after > 0) {
        char seconds[24];
        snprintf(seconds, sizeof seconds, "%d", req->retry_after);
        MHD_add_response_header(r, "Retry-After", seconds);
    }
    if (req->filename) {
        sl_buf disposition = SL_BUF_INIT;
        content_disposition(&disposition, req->filename);
        MHD_add_response_header(r, "Content-Disposition", sl_buf_str(&disposition));
        sl_buf_free(&disposition);
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
    req->content_carried = req->as_of != NULL;     /* kept carried (run_cached) */
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
    /* Whose page it is: the authorities the account sees and its role. */
    sl_buf_printf(&key, "|%d|%d|%lld|%lld|%d", (int)req->today, (int)req->real_today, (long long)generation,
                  (long long)req->scope, (int)req->role);
    if (!sl_cache_use(sl_buf_str(&key), serve_kept, req)) {
        route->handler(req);
        sl_as_of_carry_content(req);
        if (req->status == 200 && !req->location && req->content_end > req->content_start)
            sl_cache_put(sl_buf_str(&key), req->title, req->body.data + req->content_start,
                         req->content_end - req->content_start);
    }
    sl_buf_free(&key);
}

/* Checks who may do what, then runs the page; fills the answer in req. */
static void dispatch(sl_request *req, pending *p)
{
    /* HEAD is answered as GET; libmicrohttpd sends the headers without the body. */
    const char *method = strcmp(req->method, "HEAD") == 0 ? "GET" : req->method;
    const sl_route *route = sl_route_find(method, req->path, req->ids);
    if (!route) {
        sl_error_page(req, 404, "Page not found", "There is no page at this address.");
        return;
    }
    int is_post = strcmp(req->method, "POST") == 0;
    if (p->too_large) {
        sl_error_page(req, 413, "Too much data", "The form sent more than sightline accepts.");
        return;
    }
    if (is_post && p->multipart) {
        if (p->bad_body) {
            sl_error_page(req, 400, "Bad request", "The form could not be read.");
            return;
        }
        for (int i = 0; i < p->form.n; i++) {     /* a copy: a request run again (web.h jobs) reads it again */
            req->form.names[i] = sl_strdup(p->form.names[i]);
            req->form.values[i] = sl_strdup(p->form.values[i]);
        }
        req->form.n = p->form.n;
        req->upload = &p->upload;
    } else if (is_post && sl_form_decode(p->body.data ? p->body.data : "", p->body.len, &req->form) < 0) {
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
    if (sl_as_of_resolve(req) < 0)
        return;
    if (route->cacheable && strcmp(method, "GET") == 0)
        run_cached(req, route);
    else
        route->handler(req);
}

/* MHD iterator: counts the Content-Length headers. */
static enum MHD_Result count_length(void *cls, enum MHD_ValueKind kind, const char *key, const char *value)
{
    (void)kind;
    (void)value;
    if (strcasecmp(key, "Content-Length") == 0)
        ++*(int *)cls;
    return MHD_YES;
}

/* Refuses a request whose length is ambiguous (two Content-Length headers:
 * the way to smuggle one request inside another past a proxy). */
static enum MHD_Result refuse_ambiguous(struct MHD_Connection *conn)
{
    static const char text[] = "Bad request: more than one Content-Length.\n";
    struct MHD_Response *r = MHD_create_response_from_buffer(sizeof text - 1, (void *)text, MHD_RESPMEM_PERSISTENT);
    sl_security_headers(r, NULL, server.tls.cert != NULL);
    MHD_add_response_header(r, "Content-Type", "text/plain; charset=utf-8");
    MHD_add_response_header(r, "Connection", "close");
    enum MHD_Result ok = MHD_queue_response(conn, MHD_HTTP_BAD_REQUEST, r);
    MHD_destroy_response(r);
    return ok;
}

/* Suspends the request while its password is checked on a hashing thread,
 * which resumes it; when the queue is full the request is resumed at once
 * to be refused (SL_VERIFY_BUSY). */
static void suspend_for_hash(pending *p, const sl_request *req)
{
    MHD_suspend_connection(p->conn);
    if (sl_hash_queue_submit(req->verify_password, req->verify_hash, req->verify_first, on_verified, p) < 0) {
        p->verify = SL_VERIFY_BUSY;
        MHD_resume_connection(p->conn);
    }
}

/* Starts reading a multipart body when the route takes a file (its
 * upload_max) and the body is multipart/form-data; other bodies are read
 * whole, up to MAX_BODY. */
static void start_upload(pending *p, const char *method, const char *url)
{
    int64_t ids[2];
    const sl_route *route = strcmp(method, "POST") == 0 ? sl_route_find(method, url, ids) : NULL;
    if (!route || !route->upload_max)
        return;
    p->reader = sl_upload_start(p->conn, route->upload_max, &p->form, &p->upload);
    p->multipart = p->reader != NULL;
}

/* Job-queue callback: the page's job is done (job_queue.h); wakes its request to be answered. */
static void on_job_done(void *ctx)
{
    pending *p = ctx;
    MHD_resume_connection(p->conn);
}

/* Suspends the request while its page's job runs on a job thread; when the
 * queue is full the request is resumed at once, its job marked busy. */
static void start_job(pending *p, sl_web_job *job)
{
    p->job = job;
    MHD_suspend_connection(p->conn);
    if (sl_job_queue_submit(job, on_job_done, p) < 0)
        MHD_resume_connection(p->conn);
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
        int lengths = 0;
        MHD_get_connection_values(conn, MHD_HEADER_KIND, count_length, &lengths);
        if (lengths > 1)
            return refuse_ambiguous(conn);
        /* Answer on a later call, never this first one: libmicrohttpd
         * closes the connection after a response queued on the first call
         * (it cannot know the request was read whole), which would cost
         * every browser and client a new TCP connection per page. */
        p = sl_calloc(sizeof *p);
        p->conn = conn;
        *con_cls = p;
        start_upload(p, method, url);
        sl_deadline_headers_done(deadline_of(conn));
        return MHD_YES;
    }
    if (*upload_size && p->reader) {
        sl_upload_feed(p->reader, upload, *upload_size);
        *upload_size = 0;
        return MHD_YES;
    }
    if (p->reader) {
        p->bad_body = sl_upload_finish(p->reader) < 0;
        p->reader = NULL;
    }
    if (*upload_size) {
        if (p->body.len + *upload_size > MAX_BODY)
            p->too_large = 1;
        else
            sl_buf_add(&p->body, upload, *upload_size);
        *upload_size = 0;
        return MHD_YES;
    }
    sl_deadline_body_done(deadline_of(conn));
    if (strncmp(url, "/static/", 8) == 0 || strncmp(url, "/assets/", 8) == 0) {
        const sl_static_file *f = sl_static_find(&server.statics, url);
        if (f && (strcmp(method, "GET") == 0 || strcmp(method, "HEAD") == 0))
            return send_static(conn, f);
    }
    sl_request req = {.method = method, .path = url, .conn = conn, .status = 200, .verify = p->verify, .job = p->job};
    client_of(&req);
    sl_buf_reserve(&req.body, 48 * 1024);
    req.now = (int64_t)time(NULL);
    req.data_dir = server.config->data_dir;
    req.real_today = sl_today_london();
    req.today = req.real_today;
    req.session_idle = (int64_t)server.config->idle_minutes * 60;
    req.session_max = (int64_t)server.config->session_max_hours * 3600;
    sl_error err = {0};
    req.store = worker_store(&err);
    /* A database that cannot be reached (a PostgreSQL server restarting) is
     * a 503, before the request or when it broke during it. */
    if (!req.store || !sl_store_reachable(req.store)) {
        sl_error_page(&req, 503, "Service unavailable", "The database is not answering: try again in a moment.");
    } else {
        /* No authority's data until a session says whose request it is. */
        req.scope = SL_SCOPE_NONE;
        sl_store_set_scope(req.store, SL_SCOPE_NONE, &err);
        /* A page's reads share one snapshot (store_ops.h: read_begin). */
        int reading = strcmp(method, "GET") == 0 || strcmp(method, "HEAD") == 0;
        if (reading)
            sl_store_read_begin(req.store, &err);
        sl_auth_resolve(&req);
        dispatch(&req, p);
        sl_as_of_carry(&req);
        if (reading)
            sl_store_read_end(req.store, &err);
        if (!sl_store_reachable(req.store))
            sl_error_page(&req, 503, "Service unavailable", "The database is not answering: try again in a moment.");
    }
    enum MHD_Result ok = MHD_YES;
    if (req.verify == SL_VERIFY_WANTED)
        suspend_for_hash(p, &req);
    else if (req.job && !p->job)
        start_job(p, req.job);
    else
        ok = send_answer(&req);
    sl_grants_free(req.grants, req.n_grants);
    sl_form_free(&req.form);
    sl_buf_free(&req.body);
    sl_arena_free(&req.arena);
    return ok;
}

/* Frees what a finished request kept. */
static void on_completed(void *cls, struct MHD_Connection *conn, void **con_cls,
                         enum MHD_RequestTerminationCode code)
{
    (void)cls;
    (void)code;
    sl_deadline_answered(deadline_of(conn));
    pending *p = *con_cls;
    if (p) {
        if (p->reader)
            sl_upload_finish(p->reader);
        if (p->job)
            p->job->free(p->job);
        sl_form_free(&p->form);
        sl_upload_free(&p->upload);
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

/* Raises the soft limit on open files towards want (each connection holds one). */
static void raise_file_limit(rlim_t want)
{
    struct rlimit rl;
    if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < want) {
        rl.rlim_cur = rl.rlim_max == RLIM_INFINITY || rl.rlim_max > want ? want : rl.rlim_max;
        setrlimit(RLIMIT_NOFILE, &rl);
    }
}

static volatile sig_atomic_t stop_requested;

/* Signal handler: asks the main loop to stop. */
static void on_signal(int sig)
{
    (void)sig;
    stop_requested = 1;
}

/* Starts libmicrohttpd on addr with the worker pool, the connection limits
 * and, when server.tls holds a certificate, TLS; returns the daemon or NULL. */
static struct MHD_Daemon *start_daemon(const sl_web_config *config, struct sockaddr_in *addr)
{
    unsigned flags = MHD_USE_EPOLL_INTERNAL_THREAD | MHD_USE_ERROR_LOG | MHD_ALLOW_SUSPEND_RESUME;
    struct MHD_OptionItem tls[] = {
        {MHD_OPTION_HTTPS_MEM_CERT, 0, server.tls.cert},
        {MHD_OPTION_HTTPS_MEM_KEY, 0, server.tls.key},
        {MHD_OPTION_HTTPS_PRIORITIES, 0, (void *)server.tls.priorities},
        {MHD_OPTION_END, 0, NULL},
    };
    if (server.tls.cert)
        flags |= MHD_USE_TLS;
    return MHD_start_daemon(
        flags, 0, NULL, NULL, on_request, NULL, MHD_OPTION_SOCK_ADDR, (struct sockaddr *)addr,
        MHD_OPTION_THREAD_POOL_SIZE, (unsigned)(config->threads > 0 ? config->threads : 2),
        MHD_OPTION_CONNECTION_TIMEOUT, 30u, MHD_OPTION_CONNECTION_LIMIT, (unsigned)MAX_CONNECTIONS,
        MHD_OPTION_PER_IP_CONNECTION_LIMIT, (unsigned)config->per_address,
        MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)(32 * 1024),
        MHD_OPTION_NOTIFY_CONNECTION, on_connection, NULL,
        MHD_OPTION_NOTIFY_COMPLETED, on_completed, NULL,
        MHD_OPTION_ARRAY, server.tls.cert ? tls : tls + 3, MHD_OPTION_END);
}

/* Frees what sl_web_serve set up before its daemon, in reverse order. */
static void release_setup(void)
{
    sl_deadline_stop();
    sl_hash_queue_stop();
    sl_job_queue_stop();
    sl_throttle_share_stop();
    sl_audit_queue_stop();
    sl_static_free(&server.statics);
    sl_tls_free(&server.tls);
}

int sl_web_serve(const sl_web_config *config, sl_error *err)
{
    struct sockaddr_in addr;
    if (parse_listen(config->listen, &addr, err) < 0)
        return -1;
    if (sl_mhd_load(err) < 0)
        return -1;
    if (config->tls_cert && sl_tls_load(config->tls_cert, config->tls_key, &server.tls, err) < 0)
        return -1;
    sl_store *probe = sl_store_open(config->db_path, 0, err);
    if (!probe) {
        sl_tls_free(&server.tls);
        return -1;
    }
    sl_store_close(probe);
    server.config = config;
    sl_mhd_errors_secure(server.tls.cert != NULL);
    pthread_mutex_init(&server.lock, NULL);
#ifdef M_TRIM_THRESHOLD
    /* Pages are built in buffers of tens of kilobytes, thousands of times a
     * second: keep freed memory for the next request instead of handing it
     * back to the kernel and faulting it in again. */
    mallopt(M_MMAP_THRESHOLD, 4 * 1024 * 1024);
    mallopt(M_TRIM_THRESHOLD, 64 * 1024 * 1024);
#endif
    if (sl_static_load(config->static_dir, &server.statics, err) < 0) {
        sl_tls_free(&server.tls);
        return -1;
    }
    raise_file_limit(MAX_CONNECTIONS + 256);
    if (sl_audit_queue_start(config->db_path, err) < 0 || sl_throttle_share_start(config->db_path, err) < 0) {
        sl_audit_queue_stop();
        sl_static_free(&server.statics);
        sl_tls_free(&server.tls);
        return -1;
    }
    /* Sign-in password checks (hash_queue.h): every processor but one, so one is always free for pages. */
    long cpus = sysconf(_SC_NPROCESSORS_ONLN);
    if (sl_hash_queue_start(cpus > 2 ? (int)cpus - 1 : 1, HASH_QUEUE) < 0 ||
        sl_job_queue_start(JOB_THREADS, JOB_QUEUE) < 0 ||
        sl_deadline_start(config->header_seconds, config->body_seconds) < 0) {
        sl_hash_queue_stop();
        sl_job_queue_stop();
        sl_throttle_share_stop();
        sl_audit_queue_stop();
        sl_static_free(&server.statics);
        sl_tls_free(&server.tls);
        return sl_fail(err, "cannot start the server's threads");
    }
    struct MHD_Daemon *d = start_daemon(config, &addr);
    if (!d) {
        release_setup();
        return sl_fail(err, "cannot listen on %s (in use, or not allowed)", config->listen);
    }
    if (config->on_listening && config->on_listening(config->listening_ctx) < 0) {
        MHD_stop_daemon(d);
        release_setup();
        return sl_fail(err, "cannot start what runs beside the server");
    }
    signal(SIGINT, on_signal);
    signal(SIGTERM, on_signal);
    signal(SIGPIPE, SIG_IGN);
    char *name = sl_store_name(config->db_path);
    fprintf(stderr, "sightline: serving %s at %s://%s/\n", name, server.tls.cert ? "https" : "http", config->listen);
    free(name);
    while (!stop_requested)
        pause();
    sl_hash_queue_stop();
    sl_job_queue_stop();            /* its jobs resume their requests: before the daemon stops */
    MHD_stop_daemon(d);
    long cut = sl_deadline_cut_count();
    release_setup();
    if (cut)
        fprintf(stderr, "sightline: %ld requests cut off at their header or body deadline\n", cut);
    for (int i = 0; i < server.n_stores; i++)
        sl_store_close(server.stores[i]);
    server.n_stores = 0;
    sl_cache_clear();
    fprintf(stderr, "sightline: stopped\n");
    return 0;
}
