/* sql_exec.c — what every SQL feature file uses to run SQL: the statement
 * cache (each statement prepared once, with bound parameters), binding and
 * stepping through the store's driver, the audit log, transactions, (in
 * test builds) the injected faults, and the table of operations both SQL
 * backends point at. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/sql/sql_store.h"
#include "util/clock.h"
#include "util/mem.h"

#ifdef SL_FAULT_INJECTION
/* Test builds only: SIGHTLINE_FAULT_AT=N makes the Nth use of the database
 * (a statement about to run, BEGIN or COMMIT) fail as SIGHTLINE_FAULT_KIND
 * says (busy, full, ioerr or nomem), so that tests can walk N over every call
 * of a command and see each failure reported cleanly with nothing changed. */
static long fault_countdown = -1;

/* Returns -1 with an injected error when this call is the one chosen to fail. */
int sd_injected_fault(sl_error *err)
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
        const char *text;
    } kinds[] = {{"busy", "database is locked"},
                 {"full", "database or disk is full"},
                 {"ioerr", "disk I/O error"},
                 {"nomem", "out of memory"}};
    const char *text = "disk I/O error";
    for (size_t i = 0; kind && i < sizeof kinds / sizeof kinds[0]; i++)
        if (strcmp(kind, kinds[i].name) == 0)
            text = kinds[i].text;
    return sl_fail(err, "database: %s (injected fault)", text);
}
#else
/* Production builds: no injected faults. */
int sd_injected_fault(sl_error *err)
{
    (void)err;
    return 0;
}
#endif

sd_stmt *sd_prepare(sd_store *s, const char *sql, sl_error *err)
{
    if (sd_injected_fault(err) < 0)
        return NULL;
    for (int i = 0; i < s->n_stmt; i++) {
        if (s->sql[i] == sql) {
            s->drv->reset(s->stmt[i]);
            return s->stmt[i];
        }
    }
    sd_stmt *stmt = s->drv->prepare(s, sql, err);
    if (!stmt)
        return NULL;
    if (s->n_stmt == s->cap_stmt) {
        s->cap_stmt = s->cap_stmt ? 2 * s->cap_stmt : 64;
        s->sql = sl_realloc(s->sql, (size_t)s->cap_stmt * sizeof *s->sql);
        s->stmt = sl_realloc(s->stmt, (size_t)s->cap_stmt * sizeof *s->stmt);
    }
    s->sql[s->n_stmt] = sql;
    s->stmt[s->n_stmt++] = stmt;
    return stmt;
}

void sd_forget_statements(sd_store *s)
{
    for (int i = 0; i < s->n_stmt; i++)
        s->drv->finalize(s->stmt[i]);
    s->n_stmt = 0;
}

int sd_fail(sd_store *s, sl_error *err, const char *what)
{
    return sl_fail(err, "database: %s: %s", what, s->drv->errmsg(s));
}

/* Returns the store a statement belongs to. */
static sd_store *owner(sd_stmt *st)
{
    return ((sd_stmt_head *)st)->store;
}

int sd_step(sd_stmt *st)
{
    return owner(st)->drv->step(st, 0);
}

void sd_reset(sd_stmt *st)
{
    owner(st)->drv->reset(st);
}

void sd_bind_int(sd_stmt *st, int index, int64_t value)
{
    owner(st)->drv->bind_int(st, index, value);
}

void sd_bind_double(sd_stmt *st, int index, double value)
{
    owner(st)->drv->bind_double(st, index, value);
}

void sd_bind_null(sd_stmt *st, int index)
{
    owner(st)->drv->bind_text(st, index, NULL, 0);
}

int64_t sd_int64(sd_stmt *st, int col)
{
    return owner(st)->drv->col_int(st, col);
}

int sd_int(sd_stmt *st, int col)
{
    return (int)owner(st)->drv->col_int(st, col);
}

double sd_double(sd_stmt *st, int col)
{
    return owner(st)->drv->col_double(st, col);
}

int sd_is_null(sd_stmt *st, int col)
{
    return owner(st)->drv->col_text(st, col) == NULL;
}

int64_t sd_last_id(sd_store *s)
{
    return s->drv->last_id(s);
}

int sd_changes(sd_store *s)
{
    return s->drv->changes(s);
}

/* Ends the read transaction before a write: its COMMIT fails while a read
 * statement is still stepping (a write during a walk), and then the write
 * runs inside it, as it would have without one. */
static void read_yield(sd_store *s)
{
    if (s->in_read && s->drv->exec_fixed(s, "COMMIT", NULL) == 0)
        s->in_read = 0;
}

int sd_exec(sd_store *s, sd_stmt *stmt, sl_error *err, const char *what)
{
    read_yield(s);
    int rc = sd_step(stmt);
    /* The error message is taken before the reset, from the failing step. */
    int result = rc == SD_DONE || rc == SD_ROW ? 0 : sd_fail(s, err, what);
    sd_reset(stmt);
    return result;
}

int sd_insert(sd_store *s, sd_stmt *stmt, sl_error *err, const char *what)
{
    read_yield(s);
    int rc = s->drv->step(stmt, 1);
    int result = rc == SD_DONE               ? 0
               : s->drv->unique_violation(s) ? SD_TAKEN
                                             : sd_fail(s, err, what);
    sd_reset(stmt);
    return result;
}

int sd_walk_end(sd_store *s, sd_stmt *stmt, int rc, int stop, sl_error *err, const char *what)
{
    /* The error message is taken before the reset, from the failing step. */
    int result = stop ? stop : rc == SD_DONE ? 0 : sd_fail(s, err, what);
    sd_reset(stmt);
    return result;
}

void sd_bind_text(sd_stmt *stmt, int index, const char *text)
{
    owner(stmt)->drv->bind_text(stmt, index, text, 0);
}

void sd_bind_day(sd_stmt *stmt, int index, sl_day day)
{
    if (day == SL_NO_DAY)
        sd_bind_null(stmt, index);
    else
        sd_bind_int(stmt, index, day);
}

sd_stmt *sd_bind_all(sd_store *s, const char *sql, const sd_val *vals, int n, sl_error *err)
{
    sd_stmt *st = sd_prepare(s, sql, err);
    if (!st)
        return NULL;
    for (int i = 0; i < n; i++) {
        const sd_val *v = &vals[i];
        char now[32];
        switch (v->kind) {
        case SD_V_TEXT: sd_bind_text(st, i + 1, v->text); break;
        case SD_V_INT: sd_bind_int(st, i + 1, v->i); break;
        case SD_V_REAL: sd_bind_double(st, i + 1, v->d); break;
        case SD_V_DAY: sd_bind_day(st, i + 1, (sl_day)v->i); break;
        case SD_V_NOW:
            sl_now_timestamp(now);
            s->drv->bind_text(st, i + 1, now, 1);
            break;
        }
    }
    return st;
}

int sd_one_row(sd_store *s, sd_stmt *stmt, sl_error *err, const char *what)
{
    int rc = sd_step(stmt);
    if (rc == SD_ROW)
        return 1;
    int result = rc == SD_DONE ? 0 : sd_fail(s, err, what);
    sd_reset(stmt);
    return result;
}

int sd_each_row(sd_store *s, sd_stmt *stmt, int (*row)(void *ctx, sd_stmt *stmt), void *ctx,
                sl_error *err, const char *what)
{
    int rc, stop = 0;
    while (!stop && (rc = sd_step(stmt)) == SD_ROW)
        stop = row(ctx, stmt);
    return sd_walk_end(s, stmt, stop ? SD_ROW : rc, stop, err, what);
}

const char *sd_text(sd_stmt *stmt, int col)
{
    const char *t = owner(stmt)->drv->col_text(stmt, col);
    return t ? t : "";
}

sl_day sd_day(sd_stmt *stmt, int col)
{
    if (sd_is_null(stmt, col))
        return SL_NO_DAY;
    return (sl_day)sd_int64(stmt, col);
}

int sd_audit(sd_store *s, const char *actor, const char *operation, const char *entity,
             int64_t entity_id, const char *field, const char *before, const char *after,
             sl_error *err)
{
    static const char sql[] =
        "INSERT INTO audit_log (at, actor, operation, entity, entity_id, field, before, after)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
    sd_stmt *st = SD_STMT(s, sql, err, SD_NOW, SD_TEXT(actor), SD_TEXT(operation),
                      SD_TEXT(entity), SD_INT(entity_id), SD_TEXT(field ? field : ""),
                      SD_TEXT(before), SD_TEXT(after));
    if (!st)
        return -1;
    return sd_exec(s, st, err, "writing the audit log");
}

int sd_run_fixed(sd_store *s, const char *sql, sl_error *err)
{
    if (strncmp(sql, "ROLLBACK", 8) != 0 && sd_injected_fault(err) < 0)
        return -1;
    return s->drv->exec_fixed(s, sql, err);
}

int sd_read_begin(sl_store *store, sl_error *err)
{
    sd_store *s = (sd_store *)store;
    if (s->drv->dialect != SD_SQLITE || s->in_transaction || s->in_read || s->drv->in_transaction(s))
        return 0;
    if (sd_run_fixed(s, "BEGIN", err) < 0)
        return -1;
    s->in_read = 1;
    return 0;
}

int sd_read_end(sl_store *store, sl_error *err)
{
    sd_store *s = (sd_store *)store;
    if (!s->in_read)
        return 0;
    /* A statement read to its first row only is still open: reset them all,
     * or the COMMIT fails and the snapshot outlives the page. */
    for (int i = 0; i < s->n_stmt; i++)
        s->drv->reset(s->stmt[i]);
    s->in_read = 0;
    return s->drv->exec_fixed(s, "COMMIT", err);
}

int sd_begin(sl_store *store, sl_error *err)
{
    sd_store *s = (sd_store *)store;
    read_yield(s);
    if (s->in_read) {
        /* Begun during a walk of a page's reads: the writes go in the open
         * transaction (SQLite takes the write lock at the first of them). */
        s->in_read = 0;
        s->in_transaction = 1;
        return 0;
    }
    if (sd_run_fixed(s, s->drv->begin_sql, err) < 0)
        return -1;
    s->in_transaction = 1;
    return 0;
}

int sd_commit(sl_store *store, sl_error *err)
{
    sd_store *s = (sd_store *)store;
    if (sd_run_fixed(s, "COMMIT", err) < 0)
        return -1;
    s->in_transaction = 0;
    return 0;
}

/* Rolls back the transaction begun by sd_begin, when one is open. */
static void sd_rollback(sl_store *store)
{
    sd_store *s = (sd_store *)store;
    if (s->in_transaction && s->drv->in_transaction(s))
        sd_run_fixed(s, "ROLLBACK", NULL);
    s->in_transaction = 0;
}

/* Finalizes the statements, then lets the driver close its connection and free the store. */
static void sd_close(sl_store *store)
{
    sd_store *s = (sd_store *)store;
    sd_forget_statements(s);
    free(s->stmt);
    free(s->sql);
    s->drv->close(s);
}

int sd_reachable(sl_store *store)
{
    sd_store *s = (sd_store *)store;
    return s->drv->reachable(s);
}

int sd_backup(sl_store *store, const char *path, sl_error *err)
{
    return ((sd_store *)store)->drv->backup(store, path, err);
}

int sd_restore(sl_store *store, const char *path, sl_error *err)
{
    return ((sd_store *)store)->drv->restore(store, path, err);
}

int sd_check(sl_store *store, sl_error *err)
{
    return ((sd_store *)store)->drv->check(store, err);
}

const sl_store_ops sd_ops = {
    .name = "sql",
    .close = sd_close,
    .rollback = sd_rollback,
#define SL_STORE_OP(ret, name, params, args) .name = sd_##name,
#include "store/store_ops.h"
#undef SL_STORE_OP
};
