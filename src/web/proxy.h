/* proxy.h — the client's address and scheme behind a reverse proxy
 * (`serve --trust-proxy`): X-Forwarded-For and X-Forwarded-Proto are
 * believed only from a trusted peer (loopback, or an address named with
 * --proxy-address), and the client is the rightmost address in
 * X-Forwarded-For that is not itself a trusted proxy. */
#ifndef SL_WEB_PROXY_H
#define SL_WEB_PROXY_H
#include <stddef.h>

/* Returns 1 when address (text) is loopback or one of the comma-separated
 * addresses in proxies (may be NULL). */
int sl_proxy_trusted(const char *address, const char *proxies);
/* Writes into out (n bytes) the client address for a request from peer
 * carrying forwarded_for (X-Forwarded-For, may be NULL): when peer is
 * trusted, the rightmost valid address that is not trusted (or the leftmost
 * when all are); else, or when the header holds no valid address, peer. */
void sl_proxy_client(const char *peer, const char *forwarded_for, const char *proxies, char *out, size_t n);

#endif
