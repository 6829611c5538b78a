/* mhd_errors.h — the security headers on libmicrohttpd's own answers: the
 * error pages it writes itself (a header too large, 431; a request line too
 * long, 414; an unknown HTTP version, 505; a malformed request, 400), which
 * never reach a page handler. libmicrohttpd queues them through its
 * procedure linkage table, so the program's exported MHD_queue_response
 * (Makefile: EXPORTS) sees them first and adds the headers; the program's
 * own answers call the library directly (mhd_api.h) and carry theirs. */
#ifndef SL_WEB_MHD_ERRORS_H
#define SL_WEB_MHD_ERRORS_H

struct MHD_Response;

/* Adds the headers every answer carries to r: the content security policy
 * (style_hash, may be NULL or "": the base64 SHA-256 of the one inline
 * stylesheet allowed), nosniff, framing and referrer policies, and HSTS
 * when secure (the answer goes over TLS). */
void sl_security_headers(struct MHD_Response *r, const char *style_hash, int secure);
/* Says whether the server speaks TLS (HSTS on libmicrohttpd's own answers). Call before serving. */
void sl_mhd_errors_secure(int secure);

#endif
