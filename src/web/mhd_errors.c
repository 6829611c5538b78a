/* mhd_errors.c — the security headers, on every answer including
 * libmicrohttpd's own (see mhd_errors.h). */
#define SL_LAZY_NO_MACROS
#include "web/mhd_errors.h"

#include <stdio.h>

#include "web/mhd_api.h"

static const char hsts[] = "max-age=31536000; includeSubDomains";
static const char security_csp[] =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

static int server_secure;

void sl_security_headers(struct MHD_Response *r, const char *style_hash, int secure)
{
    if (secure)
        sl_mhd.MHD_add_response_header(r, "Strict-Transport-Security", hsts);
    if (style_hash && *style_hash) {
        char csp[sizeof security_csp + 80];
        snprintf(csp, sizeof csp, "default-src 'self'; script-src 'self'; style-src 'sha256-%s'; img-src 'self' data:; "
                                  "font-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
                 style_hash);
        sl_mhd.MHD_add_response_header(r, "Content-Security-Policy", csp);
    } else {
        sl_mhd.MHD_add_response_header(r, "Content-Security-Policy", security_csp);
    }
    sl_mhd.MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
    sl_mhd.MHD_add_response_header(r, "X-Frame-Options", "DENY");
    sl_mhd.MHD_add_response_header(r, "Referrer-Policy", "same-origin");
}

void sl_mhd_errors_secure(int secure)
{
    server_secure = secure;
}

/* libmicrohttpd's MHD_queue_response as its own error answers reach it
 * (through its PLT, see the Makefile's EXPORTS): an error answer gets the
 * security headers, then goes to the library's function. */
enum MHD_Result MHD_queue_response(struct MHD_Connection *connection, unsigned int status_code,
                                   struct MHD_Response *response)
{
    if (!sl_mhd.MHD_queue_response)
        return MHD_NO;
    if (response && status_code >= 400)
        sl_security_headers(response, NULL, server_secure);
    return sl_mhd.MHD_queue_response(connection, status_code, response);
}
