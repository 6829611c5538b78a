/* sqlite_open.c — the SQLite backend's entry: opening a database (WAL,
 * foreign keys, busy timeout), applying migrations, transactions, and the
 * table of operations (stamped from store_ops.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "store/sqlite/sqlite_store.h"
#include "util/mem.h"

/* Runs a fixed statement with no parameters and no rows (PRAGMA, BEGIN). */
static int run_fixed(sq_store *s, const char *sql, sl_error *err)
{
    if (strncmp(sql, "ROLLBACK", 8) != 0 && sq_injected_fault(err) < 0)
        return -1;
    char *msg = NULL;
    if (sqlite3_exec(s->db, sql, NULL, NULL, &msg) == SQLITE_OK)
        return 0;
    sl_fail(err, "database: %s: %s", sql, msg ? msg : sqlite3_errmsg(s->db));
    sqlite3_free(msg);
    return -1;
}

/* Reads PRAGMA user_version: the number of migrations applied. */
static int schema_version(sq_store *s, int *version, sl_error *err)
{
    static const char sql[] = "PRAGMA user_version";
    sqlite3_stmt *st = sq_prepare(s, sql, err);
    if (!st)
        return -1;
    if (sqlite3_step(st) != SQLITE_ROW)
        return sq_fail(s, err, "reading the schema version");
    *version = sqlite3_column_int(st, 0);
    sqlite3_reset(st);
    return 0;
}

/* Applies each migration the database lacks, each atomically with its version bump. */
static int migrate(sq_store *s, sl_error *err)
{
    int have = 0;
    if (schema_version(s, &have, err) < 0)
        return -1;
    int want = sl_sqlite_migration_count();
    if (have > want)
        return sl_fail(err, "database schema version %d is newer than this sightline (%d)", have,
                       want);
    for (int v = have; v < want; v++) {
        char bump[64];
        snprintf(bump, sizeof bump, "PRAGMA user_version = %d", v + 1);
        if (run_fixed(s, "BEGIN IMMEDIATE", err) < 0)
            return -1;
        if (run_fixed(s, sl_sqlite_migration(v), err) < 0 || run_fixed(s, bump, err) < 0) {
            run_fixed(s, "ROLLBACK", NULL);
            return -1;
        }
        if (run_fixed(s, "COMMIT", err) < 0)
            return -1;
    }
    return 0;
}

static void sq_close(sl_store *store)
{
    sq_store *s = (sq_store *)store;
    for (int i = 0; i < s->n_stmt; i++)
        sqlite3_finalize(s->stmt[i]);
    free(s->stmt);
    free(s->sql);
    sqlite3_close(s->db);
    free(s);
}

int sq_begin(sl_store *store, sl_error *err)
{
    sq_store *s = (sq_store *)store;
    if (run_fixed(s, "BEGIN IMMEDIATE", err) < 0)
        return -1;
    s->in_transaction = 1;
    return 0;
}

int sq_commit(sl_store *store, sl_error *err)
{
    sq_store *s = (sq_store *)store;
    if (run_fixed(s, "COMMIT", err) < 0)
        return -1;
    s->in_transaction = 0;
    return 0;
}

static void sq_rollback(sl_store *store)
{
    sq_store *s = (sq_store *)store;
    if (s->in_transaction && !sqlite3_get_autocommit(s->db))
        run_fixed(s, "ROLLBACK", NULL);
    s->in_transaction = 0;
}

static const sl_store_ops sqlite_ops = {
    .name = "sqlite",
    .close = sq_close,
    .rollback = sq_rollback,
#define SL_STORE_OP(ret, name, params, args) .name = sq_##name,
#include "store/store_ops.h"
#undef SL_STORE_OP
};

sl_store *sl_sqlite_open(const char *path, int create, sl_error *err)
{
    struct stat st;
    if (!create && stat(path, &st) != 0) {
        sl_fail(err, "%s: no such database (run `sightline init` first)", path);
        return NULL;
    }
    sq_fault_vfs_install();
    sq_store *s = sl_calloc(sizeof *s);
    s->base.ops = &sqlite_ops;
    int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0) | SQLITE_OPEN_NOMUTEX;
    if (sqlite3_open_v2(path, &s->db, flags, NULL) != SQLITE_OK) {
        sl_fail(err, "%s: cannot open database: %s", path, s->db ? sqlite3_errmsg(s->db) : "?");
        sq_close(&s->base);
        return NULL;
    }
    sqlite3_extended_result_codes(s->db, 1);
    sqlite3_busy_timeout(s->db, 5000);
    /* A new database gets larger pages: fewer reads and writes for a plan's
     * wide rows. SQLite applies this only to a database with no tables yet,
     * before WAL is switched on; for an existing one it changes nothing. */
    if (run_fixed(s, "PRAGMA page_size = 16384", err) < 0 ||
        run_fixed(s, "PRAGMA foreign_keys = ON", err) < 0 ||
        run_fixed(s, "PRAGMA journal_mode = WAL", err) < 0 ||
        run_fixed(s, "PRAGMA synchronous = FULL", err) < 0 ||
        run_fixed(s, "PRAGMA cache_size = -16384", err) < 0 || migrate(s, err) < 0) {
        sq_close(&s->base);
        return NULL;
    }
    return &s->base;
}
