/* pg_backup.c — backup, restore and the integrity check on PostgreSQL.
 * A PostgreSQL database is copied with the server's own tools, which copy
 * it consistently while it is in use: `backup` and `restore` are refused
 * with the pg_dump and pg_restore commands to use instead. `check` confirms
 * that the server answers and the schema is one this version reads. */
#include "store/pg/pg_store.h"

int pg_backup(sl_store *store, const char *path, sl_error *err)
{
    (void)store;
    return sl_fail(err, "%s: backup writes SQLite files; on PostgreSQL use the server's own tool:"
                        " pg_dump --format=custom --file=%s DATABASE-URL", path, path);
}

int pg_restore(sl_store *store, const char *path, sl_error *err)
{
    (void)store;
    return sl_fail(err, "%s: restore reads SQLite files; on PostgreSQL use the server's own tool:"
                        " pg_restore --clean --dbname=DATABASE-URL %s", path, path);
}

int pg_check(sl_store *store, sl_error *err)
{
    static const char sql[] = "SELECT version FROM sightline_schema";
    sd_store *s = (sd_store *)store;
    sd_stmt *st = sd_prepare(s, sql, err);
    if (!st)
        return -1;
    int rc = sd_one_row(s, st, err, "checking the schema");
    if (rc <= 0)
        return rc < 0 ? -1 : sl_fail(err, "the database has no sightline schema");
    int version = sd_int(st, 0);
    sd_reset(st);
    if (version != sl_sqlite_migration_count())
        return sl_fail(err, "the database's schema is version %d, this sightline's %d", version,
                       sl_sqlite_migration_count());
    return 0;
}
