/* backend.h — what a storage backend implements. Included by store.c and the
 * backends only; the rest of sightline sees store.h. The table holds close,
 * rollback and one pointer per operation of store_ops.h, each with the
 * meaning of its sl_store_* twin. */
#ifndef SL_STORE_BACKEND_H
#define SL_STORE_BACKEND_H
#include "store/store.h"

typedef struct {
    const char *name;
    void (*close)(sl_store *store);
    void (*rollback)(sl_store *store);
#define SL_STORE_OP(ret, name, params, args) ret(*name) params;
#include "store/store_ops.h"
#undef SL_STORE_OP
} sl_store_ops;

/* Every backend's store begins with this header. */
struct sl_store {
    const sl_store_ops *ops;
};

/* Opens an SQLite database file (see sl_store_open). */
sl_store *sl_sqlite_open(const char *path, int create, sl_error *err);

/* Opens a PostgreSQL database named by a postgresql:// URL (see
 * sl_store_open); libpq is loaded on the first call. */
sl_store *sl_pg_open(const char *url, int create, sl_error *err);

#endif
