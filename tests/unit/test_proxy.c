/* test_proxy.c — the client behind a reverse proxy (web/proxy.h): which
 * peers are trusted, and which X-Forwarded-For hop is the client. */
#include <string.h>

#include "check.h"
#include "web/proxy.h"

void test_proxy(void)
{
    static const struct {
        const char *address, *proxies;
        int trusted;
    } peers[] = {
        {"127.0.0.1", NULL, 1},      {"127.9.8.7", NULL, 1},        {"::1", NULL, 1},
        {"::ffff:127.0.0.1", NULL, 1}, {"10.0.0.5", NULL, 0},       {"10.0.0.5", "10.0.0.4, 10.0.0.5", 1},
        {"10.0.0.50", "10.0.0.5", 0}, {"10.0.0.5", "junk,10.0.0.5", 1}, {"2001:db8::1", "2001:DB8::1", 1},
    };
    for (size_t i = 0; i < sizeof peers / sizeof peers[0]; i++)
        CHECK(sl_proxy_trusted(peers[i].address, peers[i].proxies) == peers[i].trusted, "trusted(%s, %s) should be %d",
              peers[i].address, peers[i].proxies ? peers[i].proxies : "-", peers[i].trusted);

    static const struct {
        const char *peer, *xff, *proxies, *client;
    } hops[] = {
        {"127.0.0.1", "203.0.113.7", NULL, "203.0.113.7"},
        {"127.0.0.1", "198.51.100.1, 203.0.113.7", NULL, "203.0.113.7"},           /* rightmost, not leftmost */
        {"127.0.0.1", "198.51.100.1, 203.0.113.7", "203.0.113.7", "198.51.100.1"}, /* a named proxy is skipped */
        {"127.0.0.1", "127.0.0.2, 127.0.0.3", NULL, "127.0.0.2"},                 /* all trusted: the leftmost */
        {"127.0.0.1", "198.51.100.1, garbage", NULL, "127.0.0.1"},                /* unreadable hop: the peer */
        {"127.0.0.1", "", NULL, "127.0.0.1"},
        {"127.0.0.1", NULL, NULL, "127.0.0.1"},
        {"10.1.1.1", "203.0.113.7", NULL, "10.1.1.1"},                            /* untrusted peer: ignored */
        {"10.1.1.1", "203.0.113.7", "10.1.1.1", "203.0.113.7"},
        {"::1", " 2001:db8::5 ", NULL, "2001:db8::5"},
    };
    for (size_t i = 0; i < sizeof hops / sizeof hops[0]; i++) {
        char out[48];
        sl_proxy_client(hops[i].peer, hops[i].xff, hops[i].proxies, out, sizeof out);
        CHECK(strcmp(out, hops[i].client) == 0, "client(%s, '%s', %s) = %s, want %s", hops[i].peer,
              hops[i].xff ? hops[i].xff : "(none)", hops[i].proxies ? hops[i].proxies : "-", out, hops[i].client);
    }
}
