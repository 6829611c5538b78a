/* pg_store.h — shared by the PostgreSQL backend's files only: the backend's
 * store (the SQL backends' common store with a libpq connection), its
 * driver for the shared operations of store/sql/, and the schema's
 * migrations in PostgreSQL's words. */
#ifndef SL_STORE_PG_STORE_H
#define SL_STORE_PG_STORE_H
#include "store/pg/pg_api.h"
#include "store/sql/sql_store.h"

typedef struct {
    sd_store base;                              /* must stay first */
    PGconn *conn;
    int generation;                             /* bumped on every reconnection */
    int next_name;                              /* names the next prepared statement */
    int changes;                                /* rows changed by the last statement */
    char sqlstate[6];                           /* of the last failure */
    char *errmsg;                               /* of the last failure (owned) */
} pg_store;

/* The driver (pg_driver.c) the shared operations run statements through. */
extern const sd_driver pg_driver;

/* Records a failed result's (or, with res NULL, the connection's) message
 * and SQLSTATE on the store as its last error. */
void pg_note_error(pg_store *s, const PGresult *res);

/* Returns migration index (0-based) of the SQLite schema in PostgreSQL's
 * words: the same tables, columns and constraints, with BIGINT, BIGSERIAL
 * and DOUBLE PRECISION for SQLite's types and plpgsql functions behind the
 * append-only triggers. The caller frees it. */
char *pg_migration(int index);

/* Backup, restore and the integrity check: refused, pointing at pg_dump. */
int pg_backup(sl_store *store, const char *path, sl_error *err);
int pg_restore(sl_store *store, const char *path, sl_error *err);
int pg_check(sl_store *store, sl_error *err);

#endif
