/* store.c — chooses a backend by the database's name and forwards each call
 * to it (see store.h). */
#include "store/backend.h"

#include <stdlib.h>
#include <string.h>

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
