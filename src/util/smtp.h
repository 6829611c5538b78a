/* smtp.h — sending one email through an SMTP relay with libcurl
 * (util/curl_api.h): STARTTLS when the relay offers it (or required, or
 * TLS from the start with smtps), a user and password when given. */
#ifndef SL_UTIL_SMTP_H
#define SL_UTIL_SMTP_H
#include <stddef.h>

#include "util/error.h"

typedef enum {
    SL_SMTP_TLS_TRY = 0,        /* STARTTLS when the relay offers it, else plain */
    SL_SMTP_TLS_REQUIRE,        /* STARTTLS or refuse to send */
    SL_SMTP_TLS_IMPLICIT        /* smtps: TLS from the first byte (port 465) */
} sl_smtp_tls;

/* The relay, as the settings give it; strings belong to the caller. */
typedef struct {
    const char *host;
    int port;
    const char *from;           /* the envelope sender address */
    const char *user;           /* NULL or "": no authentication */
    const char *password;
    sl_smtp_tls tls;
    const char *ca_file;        /* NULL or "": the system's certificate authorities */
    int timeout_seconds;        /* the whole exchange; 0 gives 30 */
} sl_smtp_relay;

/* Parses "try", "require" or "smtps" into *out; returns 0 or -1. */
int sl_smtp_tls_parse(const char *word, sl_smtp_tls *out);
/* Returns 1 when addr looks like one email address (local@domain, no
 * spaces, angle brackets or control characters), else 0. */
int sl_email_valid(const char *addr);
/* Sends message (RFC 5322 headers, blank line, body; lines may end in LF,
 * sent as CRLF) to one recipient. Returns 0, or -1 with err saying what the
 * relay or the connection refused. */
int sl_smtp_send(const sl_smtp_relay *relay, const char *to, const char *message, sl_error *err);

#endif
