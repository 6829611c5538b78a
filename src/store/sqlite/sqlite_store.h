/* sqlite_store.h — shared by the SQLite backend's files only: the backend's
 * store structure, its cache of prepared statements and small helpers for
 * binding and reading values. Every statement is prepared once with bound
 * parameters and reused. */
#ifndef SL_STORE_SQLITE_STORE_H
#define SL_STORE_SQLITE_STORE_H
#include <sqlite3.h>

#include "store/backend.h"

typedef struct {
    sl_store base;                              /* must stay first */
    sqlite3 *db;
    const char **sql;                           /* static SQL texts, the cache keys */
    sqlite3_stmt **stmt;                        /* prepared once each, finalized on close */
    int n_stmt, cap_stmt;
    int in_transaction;
} sq_store;

/* Returns the migration count and the text of migration index (0-based). */
int sl_sqlite_migration_count(void);
const char *sl_sqlite_migration(int index);

/* Returns the cached statement for a static SQL text, reset with its bindings
 * cleared, preparing it the first time; NULL with err set on failure. The
 * store owns the statement. */
sqlite3_stmt *sq_prepare(sq_store *s, const char *sql, sl_error *err);
/* Test builds (SL_FAULT_INJECTION): returns -1 with an injected error when
 * this use of the database is the one SIGHTLINE_FAULT_AT chose to fail, else
 * 0; always 0 in other builds. */
int sq_injected_fault(sl_error *err);
/* Records the database's current error message with context; returns -1. */
int sq_fail(sq_store *s, sl_error *err, const char *what);
/* Test builds (SL_FAULT_INJECTION): puts the fault VFS of fault_vfs.c in
 * front of the operating system's when SIGHTLINE_IO_FAULT_AT or
 * SIGHTLINE_IO_FAULTS_SEEN is set. Does nothing otherwise, or when called again. */
void sq_fault_vfs_install(void);
/* Steps a statement that returns no rows and resets it; returns 0 or -1
 * with err set. */
int sq_exec(sq_store *s, sqlite3_stmt *stmt, sl_error *err, const char *what);
/* sq_insert's answer when the row clashes with a UNIQUE constraint. */
#define SQ_TAKEN 1
/* Steps an INSERT and resets it. Returns 0; SQ_TAKEN, err untouched, when
 * a UNIQUE constraint refuses the row (the caller says what already
 * exists); or -1 with err set by sq_fail(s, err, what). */
int sq_insert(sq_store *s, sqlite3_stmt *stmt, sl_error *err, const char *what);
/* Ends a walk over a statement's rows, where rc is what the last
 * sqlite3_step returned and stop what the row callback last returned (0 for
 * a walk without one, or while it goes on). Always resets stmt (the cache
 * keeps it). Returns stop when non-zero, else 0 when rc is SQLITE_DONE, else
 * -1 with err set by sq_fail(s, err, what). */
int sq_walk_end(sq_store *s, sqlite3_stmt *stmt, int rc, int stop, sl_error *err, const char *what);

/* Binding helpers: NULL text and SL_NO_DAY bind SQL NULL. */
void sq_bind_text(sqlite3_stmt *stmt, int index, const char *text);
void sq_bind_day(sqlite3_stmt *stmt, int index, sl_day day);
/* Column helpers: NULL reads as "" and SL_NO_DAY. */
const char *sq_text(sqlite3_stmt *stmt, int col);
sl_day sq_day(sqlite3_stmt *stmt, int col);

/* A value for one parameter of a statement; SQ_STMT binds a list of them to
 * ?1, ?2, … in order. Text is bound without a copy (it must live until the
 * statement is stepped); NULL text and SL_NO_DAY bind SQL NULL; SQ_NOW binds
 * the current timestamp (util/clock.h). */
typedef struct {
    enum { SQ_V_TEXT, SQ_V_INT, SQ_V_REAL, SQ_V_DAY, SQ_V_NOW } kind;
    const char *text;
    int64_t i;
    double d;
} sq_val;
#define SQ_TEXT(x) ((sq_val){.kind = SQ_V_TEXT, .text = (x)})
#define SQ_INT(x) ((sq_val){.kind = SQ_V_INT, .i = (int64_t)(x)})
#define SQ_REAL(x) ((sq_val){.kind = SQ_V_REAL, .d = (x)})
#define SQ_DAY(x) ((sq_val){.kind = SQ_V_DAY, .i = (x)})
#define SQ_NOW ((sq_val){.kind = SQ_V_NOW})

/* Returns the cached statement for sql with the n values bound to ?1…?n
 * (see sq_prepare); NULL with err set on failure. */
sqlite3_stmt *sq_bind_all(sq_store *s, const char *sql, const sq_val *vals, int n, sl_error *err);
/* sq_bind_all with the values written inline: SQ_STMT(s, sql, err, SQ_TEXT(a), SQ_INT(b)). */
#define SQ_STMT(s, sql, err, ...)                                                                  \
    sq_bind_all((s), (sql), (const sq_val[]){__VA_ARGS__},                                         \
                (int)(sizeof((const sq_val[]){__VA_ARGS__}) / sizeof(sq_val)), (err))
/* Steps a statement expected to give at most one row. Returns 1 with the
 * statement on that row (read its columns, then sqlite3_reset it, or let the
 * next sq_prepare of it do so), 0 when there is none (reset), or -1 with err
 * set by sq_fail(s, err, what). */
int sq_one_row(sq_store *s, sqlite3_stmt *stmt, sl_error *err, const char *what);
/* Calls row(ctx, stmt) for every row until it returns non-zero, then ends
 * the walk as sq_walk_end does. Returns 0, row's non-zero answer, or -1. */
int sq_each_row(sq_store *s, sqlite3_stmt *stmt, int (*row)(void *ctx, sqlite3_stmt *stmt), void *ctx,
                sl_error *err, const char *what);

/* Appends an audit entry; before and after may be NULL. Returns 0 or -1. */
int sq_audit(sq_store *s, const char *actor, const char *operation, const char *entity,
             int64_t entity_id, const char *field, const char *before, const char *after,
             sl_error *err);

/* Inserts action a (an action of plan, which holds the stored plan's themes
 * and recommendations in their stored order) into stored plan plan_id at
 * position, with its people, recommendations and milestones; sets *id (may
 * be NULL). Returns 0 or -1 (sqlite_plan.c). */
int sq_insert_action(sq_store *s, int64_t plan_id, const sl_plan *plan, const sl_action *a, int position,
                     int64_t *id, sl_error *err);
/* Replaces stored action action_id's people, recommendations and milestones
 * with a's (plan as for sq_insert_action) and sets *theme_id to the stored id
 * of a's theme (0: none). Returns 0 or -1 (sqlite_plan.c). */
int sq_relink_action(sq_store *s, int64_t plan_id, const sl_plan *plan, int64_t action_id, const sl_action *a,
                     int64_t *theme_id, sl_error *err);

/* The backend's operations, defined across its files: sq_NAME for each
 * operation of store_ops.h. */
#define SL_STORE_OP(ret, name, params, args) ret sq_##name params;
#include "store/store_ops.h"
#undef SL_STORE_OP

#endif
