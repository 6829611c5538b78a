/* pg_open.c — the PostgreSQL backend's entry: connecting (libpq opened on
 * first use) and applying the schema's migrations; the connection
 * string's password is kept out of every message (sl_store_name). The operations are the
 * shared ones of store/sql/, run through pg_driver.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/pg/pg_store.h"
#include "util/mem.h"

/* libpq's notices (a NOTICE from DDL) are not the program's output. */
static void quiet(void *arg, const char *message)
{
    (void)arg;
    (void)message;
}

/* Reads the number of migrations applied, or -1 in *version when the
 * database has no sightline schema yet. Returns 0 or -1. */
static int schema_version(pg_store *s, int *version, sl_error *err)
{
    static const char exists_sql[] = "SELECT to_regclass('sightline_schema') IS NOT NULL";
    static const char version_sql[] = "SELECT version FROM sightline_schema";
    sd_stmt *st = sd_prepare(&s->base, exists_sql, err);
    if (!st || sd_step(st) != SD_ROW)
        return st ? sd_fail(&s->base, err, "reading the schema version") : -1;
    int exists = sd_int(st, 0);
    sd_reset(st);
    *version = -1;
    if (!exists)
        return 0;
    if (!(st = sd_prepare(&s->base, version_sql, err)))
        return -1;
    if (sd_step(st) != SD_ROW)
        return sd_fail(&s->base, err, "reading the schema version");
    *version = sd_int(st, 0);
    sd_reset(st);
    return 0;
}

/* Applies one migration with its version bump in one transaction, under
 * the writers' lock (two processes opening a new database migrate once). */
static int apply(pg_store *s, int v, sl_error *err)
{
    char bump[96];
    snprintf(bump, sizeof bump, "UPDATE sightline_schema SET version = %d WHERE version = %d", v + 1, v);
    char *ddl = pg_migration(v);
    int rc = sd_run_fixed(&s->base, ddl, err) < 0 || sd_run_fixed(&s->base, bump, err) < 0 ? -1 : 0;
    free(ddl);
    return rc;
}

/* Creates the schema table when create is set, then applies each migration
 * the database lacks. A database without the schema and create unset is
 * refused as SQLite refuses a missing file. */
static int migrate(pg_store *s, const char *shown, int create, sl_error *err)
{
    sd_store *b = &s->base;
    if (sd_run_fixed(b, b->drv->begin_sql, err) < 0)
        return -1;
    int have = 0, rc = schema_version(s, &have, err);
    if (rc == 0 && have < 0 && !create)
        rc = sl_fail(err, "%s: no such database (run `sightline init` first)", shown);
    if (rc == 0 && have < 0) {
        rc = sd_run_fixed(b, "CREATE TABLE sightline_schema (version INTEGER NOT NULL);"
                             "INSERT INTO sightline_schema VALUES (0)", err);
        have = 0;
    }
    int want = sl_sqlite_migration_count();
    if (rc == 0 && have > want)
        rc = sl_fail(err, "database schema version %d is newer than this sightline (%d)", have, want);
    for (int v = have; rc == 0 && v < want; v++)
        rc = apply(s, v, err);
    if (rc < 0) {
        sd_run_fixed(b, "ROLLBACK", NULL);
        return -1;
    }
    return sd_run_fixed(b, "COMMIT", err);
}

/* Connects to url; returns the store or NULL with err set (the password
 * never shown). */
static pg_store *connect_to(const char *url, const char *shown, sl_error *err)
{
    if (sl_pq_load(err) < 0)
        return NULL;
    pg_store *s = sl_calloc(sizeof *s);
    s->base.base.ops = &sd_ops;
    s->base.drv = &pg_driver;
    s->base.scope = SL_SCOPE_ALL;
    s->conn = PQconnectdb(url);
    if (!s->conn || PQstatus(s->conn) != CONNECTION_OK) {
        pg_note_error(s, NULL);
        sl_fail(err, "%s: cannot connect: %s", shown, s->errmsg);
        sl_store_close(&s->base.base);
        return NULL;
    }
    PQsetNoticeProcessor(s->conn, quiet, NULL);
    return s;
}

sl_store *sl_pg_open(const char *url, int create, sl_error *err)
{
    char *shown = sl_store_name(url);
    pg_store *s = connect_to(url, shown, err);
    if (s && (sd_run_fixed(&s->base, "SET client_min_messages = warning", err) < 0 ||
              migrate(s, shown, create, err) < 0)) {
        sl_store_close(&s->base.base);
        s = NULL;
    }
    free(shown);
    return s ? &s->base.base : NULL;
}
