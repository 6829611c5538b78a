/* response.c — what a page uses to read its request and shape its answer:
 * query and header values and a redirect (an error page is a page: layout.c).
 * Kept apart from the server (server.c), which calls the pages, so that pages
 * never call back into it. Declared in web.h. */
#include <microhttpd.h>
#include <stdarg.h>
#include <stdio.h>

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

void sl_redirect(sl_request *req, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(req->location, sizeof req->location, fmt, ap);
    va_end(ap);
    req->status = 303;
}
