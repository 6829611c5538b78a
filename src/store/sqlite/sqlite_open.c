/* sqlite_open.c — the SQLite backend's entry: opening a database (WAL,
 * foreign keys, busy timeout) and applying migrations. The operations are
 * the shared ones of store/sql/, run through sqlite_driver.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "store/sqlite/sqlite_store.h"
#include "util/mem.h"

/* Reads PRAGMA user_version: the number of migrations applied. */
static int schema_version(sq_store *s, int *version, sl_error *err)
{
    static const char sql[] = "PRAGMA user_version";
    sd_stmt *st = sd_prepare(&s->base, sql, err);
    if (!st)
        return -1;
    if (sd_step(st) != SD_ROW)
        return sd_fail(&s->base, err, "reading the schema version");
    *version = sd_int(st, 0);
    sd_reset(st);
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
        if (sd_run_fixed(&s->base, "BEGIN IMMEDIATE", err) < 0)
            return -1;
        if (sd_run_fixed(&s->base, sl_sqlite_migration(v), err) < 0 ||
            sd_run_fixed(&s->base, bump, err) < 0) {
            sd_run_fixed(&s->base, "ROLLBACK", NULL);
            return -1;
        }
        if (sd_run_fixed(&s->base, "COMMIT", err) < 0)
            return -1;
    }
    return 0;
}

/* SQL function sl_scope(): the store's scope (sql_store.h SD_IN_SCOPE),
 * read each time a statement runs. */
static void scope_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    (void)argv;
    const sd_store *s = sqlite3_user_data(ctx);
    sqlite3_result_int64(ctx, s->scope);
}

sl_store *sl_sqlite_open(const char *path, int create, sl_error *err)
{
    struct stat st;
    if (!create && stat(path, &st) != 0) {
        sl_fail(err, "%s: no such database (run `sightline init` first)", path);
        return NULL;
    }
    sq_fault_vfs_install();
    sq_store *s = sl_calloc(sizeof *s);
    s->base.base.ops = &sd_ops;
    s->base.drv = &sq_driver;
    int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0) | SQLITE_OPEN_NOMUTEX;
    if (sqlite3_open_v2(path, &s->db, flags, NULL) != SQLITE_OK) {
        sl_fail(err, "%s: cannot open database: %s", path, s->db ? sqlite3_errmsg(s->db) : "?");
        sl_store_close(&s->base.base);
        return NULL;
    }
    sqlite3_extended_result_codes(s->db, 1);
    s->base.scope = SL_SCOPE_ALL;
    sqlite3_create_function(s->db, "sl_scope", 0, SQLITE_UTF8, &s->base, scope_fn, NULL, NULL);
    sqlite3_busy_timeout(s->db, 5000);
    /* A new database gets larger pages: fewer reads and writes for a plan's
     * wide rows. SQLite applies this only to a database with no tables yet,
     * before WAL is switched on; for an existing one it changes nothing. */
    sd_store *b = &s->base;
    if (sd_run_fixed(b, "PRAGMA page_size = 16384", err) < 0 ||
        sd_run_fixed(b, "PRAGMA foreign_keys = ON", err) < 0 ||
        sd_run_fixed(b, "PRAGMA journal_mode = WAL", err) < 0 ||
        sd_run_fixed(b, "PRAGMA synchronous = FULL", err) < 0 ||
        sd_run_fixed(b, "PRAGMA cache_size = -16384", err) < 0 || migrate(s, err) < 0) {
        sl_store_close(&s->base.base);
        return NULL;
    }
    return &s->base.base;
}
