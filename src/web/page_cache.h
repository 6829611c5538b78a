/* page_cache.h — rendered pages kept in memory. A board's dashboard is read
 * far more often than the plan changes, so the main content of read-only
 * pages is kept, keyed by the request (path and query), the day and the
 * store's generation (which every change moves on): a change anywhere makes
 * every kept page stale at once, and a stale page is never served. The
 * page's header (with the user's name and CSRF token) is always fresh. */
#ifndef SL_WEB_PAGE_CACHE_H
#define SL_WEB_PAGE_CACHE_H
#include <stddef.h>

#include "util/buf.h"

/* On a hit, calls use(ctx, title, content, len) with the kept page (valid
 * only during the call, which holds the cache's lock: be quick) and returns
 * 1; on a miss returns 0. Thread-safe. */
int sl_cache_use(const char *key, void (*use)(void *ctx, const char *title, const char *content, size_t len),
                 void *ctx);
/* Keeps a page's title and content under key (pages over 1 MiB are not kept).
 * Thread-safe. */
void sl_cache_put(const char *key, const char *title, const char *content, size_t len);
/* Frees every kept page. */
void sl_cache_clear(void);

#endif
