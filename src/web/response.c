/* response.c — what a page uses to read its request and shape its answer:
 * query and header values and a redirect (an error page is a page: layout.c).
 * Kept apart from the server (server.c), which calls the pages, so that pages
 * never call back into it. Declared in web.h. */
#include <microhttpd.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "util/mem.h"
#include "web/mhd_api.h"
#include "web/web.h"

const char *sl_query(sl_request *req, const char *name)
{
    const char *v = MHD_lookup_connection_value(req->conn, MHD_GET_ARGUMENT_KIND, name);
    return v && *v ? v : NULL;
}

const char *sl_header(sl_request *req, const char *name)
{
    return MHD_lookup_connection_value(req->conn, MHD_HEADER_KIND, name);
}

const char *sl_req_strdup(sl_request *req, const char *s)
{
    return sl_arena_strdup(&req->arena, s);
}

/* Formats into a string kept in the request's arena, as long as it needs. */
__attribute__((format(printf, 2, 0))) static const char *req_vprintf(sl_request *req, const char *fmt, va_list ap)
{
    va_list again;
    va_copy(again, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    size_t size = (size_t)(n > 0 ? n : 0) + 1;
    char *text = sl_arena_keep(&req->arena, sl_calloc(size));
    vsnprintf(text, size, fmt, again);
    va_end(again);
    return text;
}

const char *sl_req_printf(sl_request *req, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    const char *text = req_vprintf(req, fmt, ap);
    va_end(ap);
    return text;
}

void sl_redirect(sl_request *req, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    req->location = req_vprintf(req, fmt, ap);
    va_end(ap);
    req->status = 303;
}

const char *sl_req_day(sl_request *req, sl_day day)
{
    char text[SL_DAY_TEXT_SIZE];
    sl_day_text(day, 0, text);
    return sl_req_strdup(req, text);
}

const char *sl_req_time(sl_request *req, const char *stamp)
{
    char text[SL_TIME_TEXT_SIZE];
    sl_time_text(stamp, text);
    return sl_req_strdup(req, text);
}

const char *sl_req_words(sl_request *req, const char *code)
{
    size_t n = strlen(code ? code : "") + 1;
    char *out = sl_arena_keep(&req->arena, sl_calloc(n));
    sl_code_words(code, out, n);
    return out;
}

const char *sl_req_value(sl_request *req, const char *value)
{
    sl_day day;
    sl_status status;
    if (!value)
        return NULL;
    if (sl_day_parse_iso(value, &day) == 0)
        return sl_req_day(req, day);
    if (sl_stamp_london_day(value) != SL_NO_DAY)
        return sl_req_time(req, value);
    if (sl_status_from_name(value, &status) == 0)
        return sl_req_words(req, value);
    return value;
}

typedef struct {
    const char *skip;
    sl_buf *out;
} query_copy;

/* MHD iterator: appends one query argument, URL-encoded, unless it is the one skipped. */
static enum MHD_Result copy_argument(void *cls, enum MHD_ValueKind kind, const char *key, const char *value)
{
    (void)kind;
    query_copy *q = cls;
    if (strcmp(key, q->skip) != 0)
        sl_buf_printf(q->out, "%U=%U&", key, value ? value : "");
    return MHD_YES;
}

void sl_query_except(sl_request *req, const char *skip, sl_buf *out)
{
    query_copy q = {skip, out};
    MHD_get_connection_values(req->conn, MHD_GET_ARGUMENT_KIND, copy_argument, &q);
}

void sl_req_narrow_role(sl_request *req, const char *authority)
{
    if (req->signed_in)
        req->role = sl_role_for(req->grants, req->n_grants, authority);
}
