/* store.c — chooses a backend by the database's name and forwards each call
 * to it (see store.h). */
#include "store/backend.h"

#include <stdlib.h>
#include <string.h>

#include "util/buf.h"

/* Returns 1 when path names a PostgreSQL database rather than a file. */
static int is_postgres_url(const char *path)
{
    return strncmp(path, "postgresql://", 13) == 0 || strncmp(path, "postgres://", 11) == 0;
}

sl_store *sl_store_open(const char *path, int create, sl_error *err)
{
    if (is_postgres_url(path))
        return sl_pg_open(path, create, err);
    return sl_sqlite_open(path, create, err);
}

char *sl_store_name(const char *url)
{
    sl_buf out = {0};
    const char *scheme = strstr(url, "://");
    const char *auth = scheme ? scheme + 3 : url;
    const char *at = strchr(auth, '@');
    const char *slash = strchr(auth, '/');
    const char *colon = strchr(auth, ':');
    if (at && (!slash || at < slash) && colon && colon < at) {
        sl_buf_add(&out, url, (size_t)(colon + 1 - url));
        sl_buf_puts(&out, "***");
        url = at;
    }
    for (const char *p = url; *p;) {
        const char *key = strstr(p, "password=");
        if (!key) {
            sl_buf_puts(&out, p);
            break;
        }
        sl_buf_add(&out, p, (size_t)(key + 9 - p));
        sl_buf_puts(&out, "***");
        p = key + 9 + strcspn(key + 9, "&");
    }
    return sl_buf_take(&out);
}

void sl_store_close(sl_store *s)
{
    if (s)
        s->ops->close(s);
}

void sl_store_rollback(sl_store *s)
{
    s->ops->rollback(s);
}

/* Every operation of store_ops.h: hand the call to the backend. */
#define SL_STORE_OP(ret, name, params, args)                                                       \
    ret sl_store_##name params { return store->ops->name args; }
#include "store/store_ops.h"
#undef SL_STORE_OP
