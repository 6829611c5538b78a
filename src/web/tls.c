/* tls.c — the certificate and key checked before serving (see tls.h).
 * GnuTLS is already loaded with libmicrohttpd; it is opened here by name
 * for the four functions the check needs. */
#include "web/tls.h"

#include <gnutls/gnutls.h>
#include <stdlib.h>
#include <string.h>

#include "util/file.h"
#include "util/lazy_lib.h"

#ifndef SL_GNUTLS_SONAME
#define SL_GNUTLS_SONAME "libgnutls.so.30"
#endif
#define MAX_PEM (1024 * 1024)

#define GNUTLS_FUNCTIONS(X)                                                                        \
    X(gnutls_certificate_allocate_credentials) X(gnutls_certificate_set_x509_key_mem)              \
    X(gnutls_certificate_free_credentials) X(gnutls_strerror) X(gnutls_priority_init)            \
    X(gnutls_priority_deinit)

static struct {
#define GNUTLS_SLOT(fn) __typeof__(&fn) fn;
    GNUTLS_FUNCTIONS(GNUTLS_SLOT)
#undef GNUTLS_SLOT
} gt;

/* TLS 1.3 and 1.2 only, with forward-secret AEAD ciphers, the server's
 * order first; the plainer string is for a GnuTLS that refuses a keyword. */
static const char *const priority_choices[] = {
    ("SECURE256:+SECURE128:-VERS-ALL:+VERS-TLS1.3:+VERS-TLS1.2:-CIPHER-ALL:+AES-256-GCM:+CHACHA20-POLY1305:"
     "+AES-128-GCM:-KX-ALL:+ECDHE-ECDSA:+ECDHE-RSA:+DHE-RSA:%SERVER_PRECEDENCE"),
    "SECURE256:+SECURE128:-VERS-ALL:+VERS-TLS1.3:+VERS-TLS1.2:%SERVER_PRECEDENCE",
    "NORMAL:-VERS-ALL:+VERS-TLS1.3:+VERS-TLS1.2",
};

/* Reads one PEM file, checking that it holds the marker; returns it (caller frees) or NULL. */
static char *read_pem(const char *option, const char *path, const char *marker, sl_error *err)
{
    sl_error why = {0};
    size_t len;
    char *pem = sl_read_file_max(path, MAX_PEM, &len, &why);
    if (!pem) {
        sl_fail(err, "%s %s: cannot be read: %s", option, path, why.message);
        return NULL;
    }
    if (strlen(pem) != len || !strstr(pem, marker)) {
        free(pem);
        sl_fail(err, "%s %s: not a PEM file with %s", option, path, marker);
        return NULL;
    }
    return pem;
}

/* Checks that GnuTLS takes the pair (parses, and the key matches); returns 0 or -1. */
static int check_pair(const sl_tls *tls, const char *cert_path, const char *key_path, sl_error *err)
{
    gnutls_certificate_credentials_t creds;
    if (gt.gnutls_certificate_allocate_credentials(&creds) < 0)
        return sl_fail(err, "GnuTLS cannot allocate credentials");
    gnutls_datum_t cert = {(unsigned char *)tls->cert, (unsigned)strlen(tls->cert)};
    gnutls_datum_t key = {(unsigned char *)tls->key, (unsigned)strlen(tls->key)};
    int rc = gt.gnutls_certificate_set_x509_key_mem(creds, &cert, &key, GNUTLS_X509_FMT_PEM);
    gt.gnutls_certificate_free_credentials(creds);
    if (rc == GNUTLS_E_CERTIFICATE_KEY_MISMATCH)
        return sl_fail(err, "--tls-key %s does not belong to the certificate in --tls-cert %s", key_path,
                       cert_path);
    if (rc < 0)
        return sl_fail(err, "--tls-cert %s with --tls-key %s cannot be used: %s", cert_path, key_path,
                       gt.gnutls_strerror(rc));
    return 0;
}

/* Returns the first priority string this GnuTLS accepts, or NULL. */
static const char *pick_priorities(void)
{
    for (size_t i = 0; i < sizeof priority_choices / sizeof priority_choices[0]; i++) {
        gnutls_priority_t p;
        const char *at = NULL;
        if (gt.gnutls_priority_init(&p, priority_choices[i], &at) == 0) {
            gt.gnutls_priority_deinit(p);
            return priority_choices[i];
        }
    }
    return NULL;
}

int sl_tls_load(const char *cert_path, const char *key_path, sl_tls *out, sl_error *err)
{
    static const char *const names[] = {GNUTLS_FUNCTIONS(SL_LAZY_NAME)};
    memset(out, 0, sizeof *out);
    if (sl_lazy_load(SL_GNUTLS_SONAME, "libgnutls30", names, sizeof names / sizeof names[0], &gt, sizeof gt,
                     err) < 0)
        return -1;
    out->cert = read_pem("--tls-cert", cert_path, "-----BEGIN CERTIFICATE-----", err);
    out->key = out->cert ? read_pem("--tls-key", key_path, "PRIVATE KEY-----", err) : NULL;
    if (!out->key || check_pair(out, cert_path, key_path, err) < 0) {
        sl_tls_free(out);
        return -1;
    }
    out->priorities = pick_priorities();
    if (!out->priorities) {
        sl_tls_free(out);
        return sl_fail(err, "this GnuTLS accepts none of sightline's TLS 1.2/1.3 priority strings");
    }
    return 0;
}

void sl_tls_free(sl_tls *tls)
{
    free(tls->cert);
    if (tls->key)
        memset(tls->key, 0, strlen(tls->key));
    free(tls->key);
    tls->cert = tls->key = NULL;
}
