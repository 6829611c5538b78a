/* tls.h — serving over TLS: the certificate and key `serve --tls-cert
 * --tls-key` names, read and checked before the server starts (GnuTLS,
 * which libmicrohttpd uses, opened on first use), and the protocol and
 * cipher priorities the server offers (TLS 1.2 and 1.3, modern ciphers). */
#ifndef SL_WEB_TLS_H
#define SL_WEB_TLS_H

#include "util/error.h"

/* What libmicrohttpd's TLS options take: PEM text and a GnuTLS priority string. */
typedef struct {
    char *cert;                     /* PEM, NUL-terminated; owned (sl_tls_free) */
    char *key;                      /* PEM, NUL-terminated; owned */
    const char *priorities;         /* static */
} sl_tls;

/* Reads cert_path and key_path, checks that each parses and that the key
 * belongs to the certificate, and picks the priority string this GnuTLS
 * accepts. Returns 0 with *out filled (free with sl_tls_free), or -1 with
 * err saying which file is wrong and why (unreadable, not PEM, mismatched). */
int sl_tls_load(const char *cert_path, const char *key_path, sl_tls *out, sl_error *err);
/* Frees what sl_tls_load filled (safe on a zeroed sl_tls). */
void sl_tls_free(sl_tls *tls);

#endif
