/* proxy.c — the client behind a trusted reverse proxy (see proxy.h). */
#include "web/proxy.h"

#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

/* Copies the n bytes at s, without surrounding spaces, into out (size cap);
 * returns 1 when they are an IPv4 or IPv6 address. */
static int address_at(const char *s, size_t n, char *out, size_t cap)
{
    while (n && (*s == ' ' || *s == '\t'))
        s++, n--;
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        n--;
    if (n == 0 || n >= cap)
        return 0;
    memcpy(out, s, n);
    out[n] = '\0';
    unsigned char bin[16];
    return inet_pton(AF_INET, out, bin) == 1 || inet_pton(AF_INET6, out, bin) == 1;
}

/* Returns 1 for 127.0.0.0/8, ::1 and ::ffff:127.x.y.z. */
static int loopback(const char *a)
{
    return strncmp(a, "127.", 4) == 0 || strcmp(a, "::1") == 0 || strncasecmp(a, "::ffff:127.", 11) == 0;
}

int sl_proxy_trusted(const char *address, const char *proxies)
{
    if (loopback(address))
        return 1;
    for (const char *p = proxies; p && *p;) {
        const char *comma = strchr(p, ',');
        size_t n = comma ? (size_t)(comma - p) : strlen(p);
        char one[64];
        if (address_at(p, n, one, sizeof one) && strcasecmp(one, address) == 0)
            return 1;
        p = comma ? comma + 1 : p + n;
    }
    return 0;
}

void sl_proxy_client(const char *peer, const char *forwarded_for, const char *proxies, char *out, size_t n)
{
    snprintf(out, n, "%s", peer);
    if (!forwarded_for || !sl_proxy_trusted(peer, proxies))
        return;
    const char *end = forwarded_for + strlen(forwarded_for);
    while (end > forwarded_for) {
        const char *start = end;
        while (start > forwarded_for && start[-1] != ',')
            start--;
        char one[64];
        if (!address_at(start, (size_t)(end - start), one, sizeof one))
            return;             /* a hop we cannot read: believe nothing further left */
        snprintf(out, n, "%s", one);
        if (!sl_proxy_trusted(one, proxies))
            return;
        end = start > forwarded_for ? start - 1 : start;
    }
}
