/* sqlite_exec.c — what every file of the SQLite backend uses to run SQL:
 * the statement cache (each statement prepared once, with bound parameters),
 * binding and stepping helpers, the audit log, and (in test builds) the
 * injected faults. The backend's table of operations and its opening are in
 * sqlite_open.c, so these helpers never call back into the operations. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "store/sqlite/sqlite_store.h"
#include "util/clock.h"
#include "util/mem.h"

#ifdef SL_FAULT_INJECTION
/* Test builds only: SIGHTLINE_FAULT_AT=N makes the Nth use of the database
 * (a statement about to run, BEGIN or COMMIT) fail as SIGHTLINE_FAULT_KIND
 * says (busy, full, ioerr or nomem), so that tests can walk N over every call
 * of a command and see each failure reported cleanly with nothing changed. */
static long fault_countdown = -1;

/* Returns -1 with an injected error when this call is the one chosen to fail. */
int sq_injected_fault(sl_error *err)
{
    if (fault_countdown == -1) {
        const char *at = getenv("SIGHTLINE_FAULT_AT");
        fault_countdown = at ? strtol(at, NULL, 10) : 0;
    }
    if (fault_countdown <= 0 || --fault_countdown > 0)
        return 0;
    const char *kind = getenv("SIGHTLINE_FAULT_KIND");
    static const struct {
        const char *name;
        int code;
    } kinds[] = {{"busy", SQLITE_BUSY}, {"full", SQLITE_FULL}, {"ioerr", SQLITE_IOERR},
                 {"nomem", SQLITE_NOMEM}};
    int code = SQLITE_IOERR;
    for (size_t i = 0; kind && i < sizeof kinds / sizeof kinds[0]; i++)
        if (strcmp(kind, kinds[i].name) == 0)
            code = kinds[i].code;
    return sl_fail(err, "database: %s (injected fault)", sqlite3_errstr(code));
}
#else
/* Production builds: no injected faults. */
int sq_injected_fault(sl_error *err)
{
    (void)err;
    return 0;
}
#endif

sqlite3_stmt *sq_prepare(sq_store *s, const char *sql, sl_error *err)
{
    if (sq_injected_fault(err) < 0)
        return NULL;
    for (int i = 0; i < s->n_stmt; i++) {
        if (s->sql[i] == sql) {
            sqlite3_reset(s->stmt[i]);
            sqlite3_clear_bindings(s->stmt[i]);
            return s->stmt[i];
        }
    }
    sqlite3_stmt *stmt = NULL;
    if (sqlite3_prepare_v3(s->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK) {
        sq_fail(s, err, "preparing a statement");
        return NULL;
    }
    if (s->n_stmt == s->cap_stmt) {
        s->cap_stmt = s->cap_stmt ? 2 * s->cap_stmt : 64;
        s->sql = sl_realloc(s->sql, (size_t)s->cap_stmt * sizeof *s->sql);
        s->stmt = sl_realloc(s->stmt, (size_t)s->cap_stmt * sizeof *s->stmt);
    }
    s->sql[s->n_stmt] = sql;
    s->stmt[s->n_stmt++] = stmt;
    return stmt;
}

int sq_fail(sq_store *s, sl_error *err, const char *what)
{
    return sl_fail(err, "database: %s: %s", what, sqlite3_errmsg(s->db));
}

int sq_exec(sq_store *s, sqlite3_stmt *stmt, sl_error *err, const char *what)
{
    int rc = sqlite3_step(stmt);
    /* The error message is taken before the reset, from the failing step. */
    int result = rc == SQLITE_DONE || rc == SQLITE_ROW ? 0 : sq_fail(s, err, what);
    sqlite3_reset(stmt);
    return result;
}

int sq_insert(sq_store *s, sqlite3_stmt *stmt, sl_error *err, const char *what)
{
    int rc = sqlite3_step(stmt);
    int result = rc == SQLITE_DONE ? 0
               : sqlite3_extended_errcode(s->db) == SQLITE_CONSTRAINT_UNIQUE ? SQ_TAKEN
                                                                              : sq_fail(s, err, what);
    sqlite3_reset(stmt);
    return result;
}

int sq_walk_end(sq_store *s, sqlite3_stmt *stmt, int rc, int stop, sl_error *err, const char *what)
{
    /* The error message is taken before the reset, from the failing step. */
    int result = stop ? stop : rc == SQLITE_DONE ? 0 : sq_fail(s, err, what);
    sqlite3_reset(stmt);
    return result;
}

void sq_bind_text(sqlite3_stmt *stmt, int index, const char *text)
{
    if (text)
        sqlite3_bind_text(stmt, index, text, -1, SQLITE_STATIC);
    else
        sqlite3_bind_null(stmt, index);
}

void sq_bind_day(sqlite3_stmt *stmt, int index, sl_day day)
{
    if (day == SL_NO_DAY)
        sqlite3_bind_null(stmt, index);
    else
        sqlite3_bind_int64(stmt, index, day);
}

sqlite3_stmt *sq_bind_all(sq_store *s, const char *sql, const sq_val *vals, int n, sl_error *err)
{
    sqlite3_stmt *st = sq_prepare(s, sql, err);
    if (!st)
        return NULL;
    for (int i = 0; i < n; i++) {
        const sq_val *v = &vals[i];
        char now[32];
        switch (v->kind) {
        case SQ_V_TEXT: sq_bind_text(st, i + 1, v->text); break;
        case SQ_V_INT: sqlite3_bind_int64(st, i + 1, v->i); break;
        case SQ_V_REAL: sqlite3_bind_double(st, i + 1, v->d); break;
        case SQ_V_DAY: sq_bind_day(st, i + 1, (sl_day)v->i); break;
        case SQ_V_NOW:
            sl_now_timestamp(now);
            sqlite3_bind_text(st, i + 1, now, -1, SQLITE_TRANSIENT);
            break;
        }
    }
    return st;
}

int sq_one_row(sq_store *s, sqlite3_stmt *stmt, sl_error *err, const char *what)
{
    int rc = sqlite3_step(stmt);
    if (rc == SQLITE_ROW)
        return 1;
    int result = rc == SQLITE_DONE ? 0 : sq_fail(s, err, what);
    sqlite3_reset(stmt);
    return result;
}

int sq_each_row(sq_store *s, sqlite3_stmt *stmt, int (*row)(void *ctx, sqlite3_stmt *stmt), void *ctx,
                sl_error *err, const char *what)
{
    int rc, stop = 0;
    while (!stop && (rc = sqlite3_step(stmt)) == SQLITE_ROW)
        stop = row(ctx, stmt);
    return sq_walk_end(s, stmt, stop ? SQLITE_ROW : rc, stop, err, what);
}

const char *sq_text(sqlite3_stmt *stmt, int col)
{
    const unsigned char *t = sqlite3_column_text(stmt, col);
    return t ? (const char *)t : "";
}

sl_day sq_day(sqlite3_stmt *stmt, int col)
{
    if (sqlite3_column_type(stmt, col) == SQLITE_NULL)
        return SL_NO_DAY;
    return (sl_day)sqlite3_column_int64(stmt, col);
}

int sq_audit(sq_store *s, const char *actor, const char *operation, const char *entity,
             int64_t entity_id, const char *field, const char *before, const char *after,
             sl_error *err)
{
    static const char sql[] =
        "INSERT INTO audit_log (at, actor, operation, entity, entity_id, field, before, after)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
    sqlite3_stmt *st = SQ_STMT(s, sql, err, SQ_NOW, SQ_TEXT(actor), SQ_TEXT(operation),
                      SQ_TEXT(entity), SQ_INT(entity_id), SQ_TEXT(field ? field : ""),
                      SQ_TEXT(before), SQ_TEXT(after));
    if (!st)
        return -1;
    return sq_exec(s, st, err, "writing the audit log");
}
