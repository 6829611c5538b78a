/* sqlite_driver.c — the SQLite driver of the shared SQL operations
 * (store/sql/sql_store.h): statements are SQLite's own, prepared once and
 * kept by the shared cache; values are bound and read in place. */
#include <stdlib.h>
#include <string.h>

#include "store/sqlite/sqlite_store.h"
#include "util/mem.h"

/* A prepared SQLite statement. */
struct sd_stmt {
    sd_stmt_head head;
    sqlite3_stmt *st;
};

/* Returns the SQLite connection of a store. */
static sqlite3 *db_of(sd_store *s)
{
    return ((sq_store *)s)->db;
}

/* Prepares sql for reuse (see sd_driver.prepare); the caller owns the statement. */
static sd_stmt *sq_prepare_stmt(sd_store *s, const char *sql, sl_error *err)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v3(db_of(s), sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL) != SQLITE_OK) {
        sd_fail(s, err, "preparing a statement");
        return NULL;
    }
    sd_stmt *stmt = sl_calloc(sizeof *stmt);
    stmt->head.store = s;
    stmt->st = st;
    return stmt;
}

/* Frees a statement. */
static void sq_finalize(sd_stmt *stmt)
{
    sqlite3_finalize(stmt->st);
    free(stmt);
}

/* Resets a statement and clears its bindings. */
static void sq_reset(sd_stmt *stmt)
{
    sqlite3_reset(stmt->st);
    sqlite3_clear_bindings(stmt->st);
}

/* Binds an integer to ?index. */
static void sq_bind_int(sd_stmt *stmt, int index, int64_t value)
{
    sqlite3_bind_int64(stmt->st, index, value);
}

/* Binds a real to ?index. */
static void sq_bind_double(sd_stmt *stmt, int index, double value)
{
    sqlite3_bind_double(stmt->st, index, value);
}

/* Binds text (NULL: SQL NULL) to ?index, copied when copy is set. */
static void sq_bind_text(sd_stmt *stmt, int index, const char *text, int copy)
{
    if (text)
        sqlite3_bind_text(stmt->st, index, text, -1, copy ? SQLITE_TRANSIENT : SQLITE_STATIC);
    else
        sqlite3_bind_null(stmt->st, index);
}

/* Steps a statement; a failed step's message stays on the connection until the reset. */
static int sq_step(sd_stmt *stmt, int guarded)
{
    (void)guarded;
    int rc = sqlite3_step(stmt->st);
    return rc == SQLITE_ROW ? SD_ROW : rc == SQLITE_DONE ? SD_DONE : SD_ERROR;
}

/* Reads an integer column. */
static int64_t sq_col_int(sd_stmt *stmt, int col)
{
    return sqlite3_column_int64(stmt->st, col);
}

/* Reads a real column. */
static double sq_col_double(sd_stmt *stmt, int col)
{
    return sqlite3_column_double(stmt->st, col);
}

/* Reads a text column; NULL for SQL NULL. */
static const char *sq_col_text(sd_stmt *stmt, int col)
{
    if (sqlite3_column_type(stmt->st, col) == SQLITE_NULL)
        return NULL;
    const unsigned char *t = sqlite3_column_text(stmt->st, col);
    return t ? (const char *)t : "";
}

/* The number of result columns. */
static int sq_col_count(sd_stmt *stmt)
{
    return sqlite3_column_count(stmt->st);
}

/* A result column's name. */
static const char *sq_col_name(sd_stmt *stmt, int col)
{
    return sqlite3_column_name(stmt->st, col);
}

/* The kind of value the current row holds in col. */
static int sq_col_type(sd_stmt *stmt, int col)
{
    switch (sqlite3_column_type(stmt->st, col)) {
    case SQLITE_NULL: return SD_T_NULL;
    case SQLITE_INTEGER: return SD_T_INT;
    case SQLITE_FLOAT: return SD_T_REAL;
    default: return SD_T_TEXT;
    }
}

/* The rowid of the last INSERT. */
static int64_t sq_last_id(sd_store *s)
{
    return sqlite3_last_insert_rowid(db_of(s));
}

/* Rows changed by the last statement. */
static int sq_changes(sd_store *s)
{
    return sqlite3_changes(db_of(s));
}

/* Whether the last failure was a UNIQUE constraint's clash. */
static int sq_unique_violation(sd_store *s)
{
    return sqlite3_extended_errcode(db_of(s)) == SQLITE_CONSTRAINT_UNIQUE;
}

/* The connection's last error message; an I/O error that reached us through
 * a virtual table's constructor (the search index's, "vtable constructor
 * failed") is named as the I/O error it is. */
static const char *sq_errmsg(sd_store *s)
{
    int code = sqlite3_extended_errcode(db_of(s));
    const char *msg = sqlite3_errmsg(db_of(s));
    if ((code & 0xff) == SQLITE_IOERR && !strstr(msg, "I/O error"))
        return sqlite3_errstr(code);
    return msg;
}

/* Runs a fixed statement with no parameters and no rows (PRAGMA, BEGIN). */
static int sq_exec_fixed(sd_store *s, const char *sql, sl_error *err)
{
    char *msg = NULL;
    if (sqlite3_exec(db_of(s), sql, NULL, NULL, &msg) == SQLITE_OK)
        return 0;
    sl_fail(err, "database: %s: %s", sql, msg ? msg : sqlite3_errmsg(db_of(s)));
    sqlite3_free(msg);
    return -1;
}

/* Whether the connection is inside a transaction. */
static int sq_in_transaction(sd_store *s)
{
    return !sqlite3_get_autocommit(db_of(s));
}

/* A database file is always there to be used. */
static int sq_reachable(sd_store *s)
{
    (void)s;
    return 1;
}

/* Closes the connection and frees the store. */
static void sq_close(sd_store *s)
{
    sqlite3_close(db_of(s));
    free(s);
}

const sd_driver sq_driver = {
    .name = "sqlite",
    .dialect = SD_SQLITE,
    .prepare = sq_prepare_stmt,
    .finalize = sq_finalize,
    .reset = sq_reset,
    .bind_int = sq_bind_int,
    .bind_double = sq_bind_double,
    .bind_text = sq_bind_text,
    .step = sq_step,
    .col_int = sq_col_int,
    .col_double = sq_col_double,
    .col_text = sq_col_text,
    .col_count = sq_col_count,
    .col_name = sq_col_name,
    .col_type = sq_col_type,
    .last_id = sq_last_id,
    .changes = sq_changes,
    .unique_violation = sq_unique_violation,
    .errmsg = sq_errmsg,
    .exec_fixed = sq_exec_fixed,
    .begin_sql = "BEGIN IMMEDIATE",
    .in_transaction = sq_in_transaction,
    .reachable = sq_reachable,
    .close = sq_close,
    .backup = sq_backup,
    .restore = sq_restore,
    .check = sq_check,
};
