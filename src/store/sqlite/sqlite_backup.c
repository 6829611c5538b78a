/* sqlite_backup.c — consistent copies and restores through SQLite's online
 * backup, and the integrity check that guards a restore. */
#include <stdio.h>
#include <sys/stat.h>

#include "store/sqlite/sqlite_store.h"

/* Runs PRAGMA integrity_check on a connection; 0 when "ok". */
static int integrity(sqlite3 *db, const char *name, sl_error *err)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &st, NULL) != SQLITE_OK)
        return sl_fail(err, "%s: not a database: %s", name, sqlite3_errmsg(db));
    int rc = sqlite3_step(st);
    const unsigned char *verdict = rc == SQLITE_ROW ? sqlite3_column_text(st, 0) : NULL;
    int ok = verdict && sqlite3_stricmp((const char *)verdict, "ok") == 0;
    if (!ok)
        sl_fail(err, "%s fails its integrity check: %s", name,
                verdict ? (const char *)verdict : sqlite3_errmsg(db));
    sqlite3_finalize(st);
    return ok ? 0 : -1;
}

/* Copies every page of src into dst in one step; returns 0 or -1. */
static int copy_database(sqlite3 *dst, sqlite3 *src, const char *what, sl_error *err)
{
    sqlite3_backup *b = sqlite3_backup_init(dst, "main", src, "main");
    if (!b)
        return sl_fail(err, "%s: %s", what, sqlite3_errmsg(dst));
    int rc = sqlite3_backup_step(b, -1);
    sqlite3_backup_finish(b);
    if (rc != SQLITE_DONE)
        return sl_fail(err, "%s: %s", what, sqlite3_errstr(rc));
    return 0;
}

int sq_backup(sl_store *store, const char *path, sl_error *err)
{
    sq_store *s = (sq_store *)store;
    struct stat st;
    if (stat(path, &st) == 0)
        return sl_fail(err, "%s already exists: a backup never overwrites a file", path);
    sqlite3 *dst = NULL;
    int rc = -1;
    if (sqlite3_open_v2(path, &dst, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK)
        sl_fail(err, "%s: cannot create the backup: %s", path, dst ? sqlite3_errmsg(dst) : "?");
    else if (copy_database(dst, s->db, "backing up", err) == 0)
        rc = integrity(dst, path, err);
    sqlite3_close(dst);
    if (rc < 0)
        remove(path);
    return rc;
}

int sq_restore(sl_store *store, const char *path, sl_error *err)
{
    sq_store *s = (sq_store *)store;
    sqlite3 *src = NULL;
    int rc = -1;
    if (sqlite3_open_v2(path, &src, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
        sl_fail(err, "%s: cannot open: %s", path, src ? sqlite3_errmsg(src) : "?");
    } else if (integrity(src, path, err) == 0) {
        sqlite3_stmt *st = NULL;
        int version = -1, has_actions = 0;
        if (sqlite3_prepare_v2(src, "PRAGMA user_version", -1, &st, NULL) == SQLITE_OK &&
            sqlite3_step(st) == SQLITE_ROW)
            version = sqlite3_column_int(st, 0);
        sqlite3_finalize(st);
        if (sqlite3_prepare_v2(src, "SELECT 1 FROM sqlite_master WHERE name = 'actions'", -1, &st,
                               NULL) == SQLITE_OK)
            has_actions = sqlite3_step(st) == SQLITE_ROW;
        sqlite3_finalize(st);
        if (!has_actions || version < 1)
            sl_fail(err, "%s is not a sightline database", path);
        else if (version > sl_sqlite_migration_count())
            sl_fail(err, "%s was made by a newer sightline (schema %d)", path, version);
        else if ((rc = copy_database(s->db, src, "restoring", err)) == 0)
            /* Logged, so that the page cache's generation never repeats one from before. */
            rc = sd_audit(&s->base, "restore", "restore", "database", 0, "", NULL, path, err);
    }
    sqlite3_close(src);
    return rc;
}

int sq_check(sl_store *store, sl_error *err)
{
    sq_store *s = (sq_store *)store;
    return integrity(s->db, "the database", err);
}
