/* smtp.c — one email through an SMTP relay (see smtp.h). */
#include "util/smtp.h"

#include <string.h>

#include "util/buf.h"
#include "util/curl_api.h"

int sl_smtp_tls_parse(const char *word, sl_smtp_tls *out)
{
    static const char *const words[] = {"try", "require", "smtps"};
    for (int i = 0; i < 3; i++)
        if (word && strcmp(word, words[i]) == 0) {
            *out = (sl_smtp_tls)i;
            return 0;
        }
    return -1;
}

int sl_email_valid(const char *addr)
{
    const char *at = addr ? strchr(addr, '@') : NULL;
    if (!at || at == addr || !at[1] || strchr(at + 1, '@') || !strchr(at + 1, '.'))
        return 0;
    for (const char *p = addr; *p; p++)
        if ((unsigned char)*p <= ' ' || *p == 0x7f || strchr("<>()[],;:\\\"", *p))
            return 0;
    return strlen(addr) < 255;
}

/* The message being uploaded, with CRLF line endings. */
typedef struct {
    sl_buf text;
    size_t sent;
} upload;

/* libcurl's read callback: hands over the next part of the message. */
static size_t read_part(char *dest, size_t size, size_t nmemb, void *ctx)
{
    upload *u = ctx;
    size_t room = size * nmemb, left = u->text.len - u->sent;
    size_t n = left < room ? left : room;
    memcpy(dest, u->text.data + u->sent, n);
    u->sent += n;
    return n;
}

/* Copies message into u with every line ending in CRLF. */
static void to_crlf(upload *u, const char *message)
{
    for (const char *p = message; *p; p++) {
        if (*p == '\r' && p[1] == '\n')
            continue;
        if (*p == '\n' || *p == '\r')
            sl_buf_add(&u->text, "\r\n", 2);
        else
            sl_buf_putc(&u->text, *p);
    }
}

/* Sets the options of one send on a fresh handle. */
static void set_options(CURL *c, const sl_smtp_relay *r, const char *url, struct curl_slist *rcpt,
                        upload *u, char *errbuf)
{
    curl_easy_setopt(c, CURLOPT_URL, url);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, errbuf);
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, 10L);
    curl_easy_setopt(c, CURLOPT_TIMEOUT, (long)(r->timeout_seconds > 0 ? r->timeout_seconds : 30));
    curl_easy_setopt(c, CURLOPT_USE_SSL, (long)(r->tls == SL_SMTP_TLS_TRY ? CURLUSESSL_TRY : CURLUSESSL_ALL));
    curl_easy_setopt(c, CURLOPT_MAIL_FROM, r->from);
    curl_easy_setopt(c, CURLOPT_MAIL_RCPT, rcpt);
    curl_easy_setopt(c, CURLOPT_READFUNCTION, read_part);
    curl_easy_setopt(c, CURLOPT_READDATA, u);
    curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(c, CURLOPT_INFILESIZE_LARGE, (curl_off_t)u->text.len);
    if (r->ca_file && *r->ca_file)
        curl_easy_setopt(c, CURLOPT_CAINFO, r->ca_file);
    if (r->user && *r->user) {
        curl_easy_setopt(c, CURLOPT_USERNAME, r->user);
        curl_easy_setopt(c, CURLOPT_PASSWORD, r->password ? r->password : "");
    }
}

int sl_smtp_send(const sl_smtp_relay *relay, const char *to, const char *message, sl_error *err)
{
    if (!sl_email_valid(to) || !sl_email_valid(relay->from))
        return sl_fail(err, "'%s' or '%s' is not an email address", to, relay->from);
    if (sl_curl_load(err) < 0)
        return -1;
    CURL *c = curl_easy_init();
    if (!c)
        return sl_fail(err, "libcurl could not start a transfer");
    sl_buf url = SL_BUF_INIT;
    sl_buf_cprintf(&url, "%s://%s:%d", relay->tls == SL_SMTP_TLS_IMPLICIT ? "smtps" : "smtp",
                   relay->host, relay->port);
    upload u = {SL_BUF_INIT, 0};
    to_crlf(&u, message);
    struct curl_slist *rcpt = curl_slist_append(NULL, to);
    char errbuf[CURL_ERROR_SIZE] = "";
    set_options(c, relay, sl_buf_str(&url), rcpt, &u, errbuf);
    CURLcode rc = rcpt ? curl_easy_perform(c) : CURLE_OUT_OF_MEMORY;
    int result = 0;
    if (rc != CURLE_OK)
        result = sl_fail(err, "cannot send to %s through the SMTP relay %s: %s%s%s", to,
                         sl_buf_str(&url), curl_easy_strerror(rc), *errbuf ? ": " : "", errbuf);
    curl_slist_free_all(rcpt);
    curl_easy_cleanup(c);
    sl_buf_free(&u.text);
    sl_buf_free(&url);
    return result;
}
