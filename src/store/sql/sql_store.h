/* sql_store.h — what the SQL backends share: one implementation of every
 * operation of store_ops.h (the sql_*.c files, one per feature), written
 * against a small driver interface that SQLite (store/sqlite/) and
 * PostgreSQL (store/pg/) each fill. A driver runs statements and reads their
 * columns; the SQL texts, the row mapping and the rules live here once.
 * Statements are written in the dialect both databases accept (?1, ?2, …
 * placeholders, which the PostgreSQL driver turns into $1, $2, …); where the
 * two differ, SD_SQL picks the text for the store's dialect. Every statement
 * is prepared once with bound parameters and reused. Included by the SQL
 * backends' files only. */
#ifndef SL_STORE_SQL_STORE_H
#define SL_STORE_SQL_STORE_H
#include <stdint.h>

#include "store/backend.h"

typedef struct sd_store sd_store;
/* A prepared statement; each driver defines it (beginning with sd_stmt_head). */
typedef struct sd_stmt sd_stmt;

/* What every driver's statement begins with. */
typedef struct {
    sd_store *store;
} sd_stmt_head;

/* sd_step's answers. */
enum { SD_ERROR = -1, SD_DONE = 0, SD_ROW = 1 };

/* The kinds of value a column holds (sd_driver.col_type). */
enum { SD_T_NULL, SD_T_INT, SD_T_REAL, SD_T_TEXT };

/* The dialects SD_SQL chooses between. */
typedef enum { SD_SQLITE, SD_POSTGRES } sd_dialect;

/* What a driver implements. Text bound with bind_text must live until the
 * statement is stepped (drivers may keep the pointer); NULL binds SQL NULL.
 * Column reads are valid until the next step or reset; col_text returns
 * NULL for SQL NULL. */
typedef struct {
    const char *name;
    sd_dialect dialect;
    sd_stmt *(*prepare)(sd_store *s, const char *sql, sl_error *err);
    void (*finalize)(sd_stmt *st);
    void (*reset)(sd_stmt *st);                 /* also clears the bindings */
    void (*bind_int)(sd_stmt *st, int index, int64_t value);
    void (*bind_double)(sd_stmt *st, int index, double value);
    void (*bind_text)(sd_stmt *st, int index, const char *text, int copy);
    int (*step)(sd_stmt *st, int guarded);      /* SD_ROW, SD_DONE or SD_ERROR */
    int64_t (*col_int)(sd_stmt *st, int col);
    double (*col_double)(sd_stmt *st, int col);
    const char *(*col_text)(sd_stmt *st, int col);
    /* The statement's result columns: how many, each one's name and the
     * kind of value (SD_T_*) the current row holds in it. For PostgreSQL,
     * valid once the statement has been stepped (even to no row). */
    int (*col_count)(sd_stmt *st);
    const char *(*col_name)(sd_stmt *st, int col);
    int (*col_type)(sd_stmt *st, int col);
    int64_t (*last_id)(sd_store *s);
    int (*changes)(sd_store *s);
    int (*unique_violation)(sd_store *s);       /* the last failure was a UNIQUE clash */
    const char *(*errmsg)(sd_store *s);
    /* Runs a fixed statement with no parameters and no rows (BEGIN, COMMIT). */
    int (*exec_fixed)(sd_store *s, const char *sql, sl_error *err);
    const char *begin_sql;                      /* starts a writing transaction */
    int (*in_transaction)(sd_store *s);         /* the connection is inside one */
    int (*reachable)(sd_store *s);              /* see store_ops.h: reachable */
    void (*close)(sd_store *s);                 /* after the statements are finalized */
    int (*backup)(sl_store *store, const char *path, sl_error *err);
    int (*restore)(sl_store *store, const char *path, sl_error *err);
    int (*check)(sl_store *store, sl_error *err);
} sd_driver;

/* Every SQL backend's store begins with this. */
struct sd_store {
    sl_store base;                              /* must stay first */
    const sd_driver *drv;
    const char **sql;                           /* static SQL texts, the cache keys */
    sd_stmt **stmt;                             /* prepared once each, finalized on close */
    int n_stmt, cap_stmt;
    int in_transaction;
    int in_read;                                /* a read transaction (read_begin) is open */
    /* Whose data the store shows (sl_store_set_scope): SL_SCOPE_ALL, or a
     * user id whose grants name the authorities seen; SL_SCOPE_NONE sees
     * nothing. SQL reads it as sl_scope() (SD_IN_SCOPE). */
    int64_t scope;
};

/* The condition that an authority id (a column) is in the store's scope:
 * every authority for SL_SCOPE_ALL (-1), else those the scope user is
 * granted. sl_scope() is an SQLite function of the connection; the
 * PostgreSQL driver binds it as a parameter of its own. A NULL authority is
 * seen by SL_SCOPE_ALL only. */
#define SD_IN_SCOPE(col)                                                                           \
    "(sl_scope() = -1 OR " col " IN (SELECT g.authority_id FROM user_grants g"                     \
    " WHERE g.user_id = sl_scope()))"
/* The same conditions for things that hang off a plan, a board, a meeting,
 * an action: the id column is in scope when its owner's authority is. */
#define SD_PLAN_IN_SCOPE(col)                                                                      \
    "(sl_scope() = -1 OR " col " IN (SELECT sp.id FROM plans sp WHERE "                            \
    SD_IN_SCOPE("sp.authority_id") "))"
#define SD_ACTION_IN_SCOPE(col)                                                                    \
    "(sl_scope() = -1 OR " col " IN (SELECT sa.id FROM actions sa JOIN plans sap"                 \
    " ON sap.id = sa.plan_id WHERE " SD_IN_SCOPE("sap.authority_id") "))"
#define SD_BOARD_IN_SCOPE(col)                                                                     \
    "(sl_scope() = -1 OR " col " IN (SELECT sb.id FROM boards sb WHERE "                           \
    SD_IN_SCOPE("sb.authority_id") "))"
#define SD_MEETING_IN_SCOPE(col)                                                                   \
    "(sl_scope() = -1 OR " col " IN (SELECT sm.id FROM meetings sm JOIN boards smb"               \
    " ON smb.id = sm.board_id WHERE " SD_IN_SCOPE("smb.authority_id") "))"

#define SD_INSPECTION_IN_SCOPE(col)                                                                \
    "(sl_scope() = -1 OR " col " IN (SELECT si.id FROM inspections si WHERE "                      \
    SD_IN_SCOPE("si.authority_id") "))"
#define SD_MEASURE_IN_SCOPE(col)                                                                   \
    "(sl_scope() = -1 OR " col " IN (SELECT sme.id FROM measures sme WHERE "                       \
    SD_IN_SCOPE("sme.authority_id") "))"
#define SD_RISK_IN_SCOPE(col)                                                                      \
    "(sl_scope() = -1 OR " col " IN (SELECT sr.id FROM risks sr WHERE "                            \
    SD_IN_SCOPE("sr.authority_id") "))"
/* An audit entry (columns entity, entity_id) is in scope when what it is
 * about is (a plan, theme, action, inspection, measure, board, meeting,
 * action arising or risk), or it is about the scope's own account; entries
 * about the installation (settings, tokens, workforce, the server) are seen
 * by SL_SCOPE_ALL only. */
#define SD_AUDIT_IN_SCOPE                                                                          \
    "(sl_scope() = -1 OR (entity = 'plan' AND " SD_PLAN_IN_SCOPE("entity_id") ")"                  \
    " OR (entity = 'theme' AND entity_id IN (SELECT st.id FROM themes st WHERE "                   \
    SD_PLAN_IN_SCOPE("st.plan_id") "))"                                                            \
    " OR (entity = 'action' AND " SD_ACTION_IN_SCOPE("entity_id") ")"                              \
    " OR (entity = 'inspection' AND " SD_INSPECTION_IN_SCOPE("entity_id") ")"                      \
    " OR (entity = 'measure' AND " SD_MEASURE_IN_SCOPE("entity_id") ")"                            \
    " OR (entity = 'board' AND " SD_BOARD_IN_SCOPE("entity_id") ")"                                \
    " OR (entity = 'meeting' AND " SD_MEETING_IN_SCOPE("entity_id") ")"                            \
    " OR (entity = 'arising' AND entity_id IN (SELECT sx.id FROM arising_actions sx WHERE "         \
    SD_MEETING_IN_SCOPE("sx.meeting_id") "))"                                                      \
    " OR (entity = 'risk' AND " SD_RISK_IN_SCOPE("entity_id") ")"                                  \
    " OR (entity = 'user' AND entity_id = sl_scope()))"

/* The kinds of thing sd_scope_check finds. */
typedef enum { SD_OF_PLAN, SD_OF_ACTION, SD_OF_BOARD, SD_OF_MEETING, SD_OF_ARISING, SD_OF_RISK } sd_of;

/* Checks that thing id of kind is in the store's scope: returns 0, or -1
 * with SL_ERR_NOT_FOUND "no such KIND" when it is missing or outside the
 * scope (the two are told apart nowhere) or a database error (sql_scope.c). */
int sd_scope_check(sd_store *s, sd_of kind, int64_t id, sl_error *err);
/* The authority a new board, risk or measure belongs to: the only authority
 * in scope when there is one (SL_SCOPE_ALL: the only authority with plans),
 * else 0 (NULL: seen by national grants only). Returns 0 or -1 (sql_scope.c). */
int sd_new_authority(sd_store *s, int64_t *authority_id, sl_error *err);

/* The table of operations every SQL backend's store points at. */
extern const sl_store_ops sd_ops;

/* Chooses the statement text for the store's dialect. */
#define SD_SQL(s, sqlite_text, pg_text) ((s)->drv->dialect == SD_POSTGRES ? (pg_text) : (sqlite_text))

/* Returns the cached statement for a static SQL text, reset with its bindings
 * cleared, preparing it the first time; NULL with err set on failure. The
 * store owns the statement. */
sd_stmt *sd_prepare(sd_store *s, const char *sql, sl_error *err);
/* Finalizes every cached statement (before a driver closes its connection,
 * or after it lost it). */
void sd_forget_statements(sd_store *s);
/* Test builds (SL_FAULT_INJECTION): returns -1 with an injected error when
 * this use of the database is the one SIGHTLINE_FAULT_AT chose to fail, else
 * 0; always 0 in other builds. */
int sd_injected_fault(sl_error *err);
/* Records the database's current error message with context; returns -1. */
int sd_fail(sd_store *s, sl_error *err, const char *what);
/* Steps a statement that returns no rows and resets it; returns 0 or -1
 * with err set. */
int sd_exec(sd_store *s, sd_stmt *stmt, sl_error *err, const char *what);
/* sd_insert's answer when the row clashes with a UNIQUE constraint. */
#define SD_TAKEN 1
/* Steps an INSERT and resets it. Returns 0; SD_TAKEN, err untouched, when
 * a UNIQUE constraint refuses the row (the caller says what already
 * exists; the transaction goes on); or -1 with err set by sd_fail. */
int sd_insert(sd_store *s, sd_stmt *stmt, sl_error *err, const char *what);
/* Ends a walk over a statement's rows, where rc is what the last sd_step
 * returned and stop what the row callback last returned (0 for a walk
 * without one, or while it goes on). Always resets stmt (the cache keeps it).
 * Returns stop when non-zero, else 0 when rc is SD_DONE, else -1 with err set
 * by sd_fail(s, err, what). */
int sd_walk_end(sd_store *s, sd_stmt *stmt, int rc, int stop, sl_error *err, const char *what);

/* Stepping, resetting, binding and reading (through the store's driver). */
int sd_step(sd_stmt *st);
void sd_reset(sd_stmt *st);
void sd_bind_int(sd_stmt *st, int index, int64_t value);
void sd_bind_double(sd_stmt *st, int index, double value);
void sd_bind_null(sd_stmt *st, int index);
int64_t sd_int64(sd_stmt *st, int col);
int sd_int(sd_stmt *st, int col);
double sd_double(sd_stmt *st, int col);
int sd_is_null(sd_stmt *st, int col);
/* The id the last INSERT gave its row, and how many rows the last statement changed. */
int64_t sd_last_id(sd_store *s);
int sd_changes(sd_store *s);

/* Binding helpers: NULL text and SL_NO_DAY bind SQL NULL. */
void sd_bind_text(sd_stmt *stmt, int index, const char *text);
void sd_bind_day(sd_stmt *stmt, int index, sl_day day);
/* Column helpers: NULL reads as "" and SL_NO_DAY. */
const char *sd_text(sd_stmt *stmt, int col);
sl_day sd_day(sd_stmt *stmt, int col);

/* A value for one parameter of a statement; SD_STMT binds a list of them to
 * ?1, ?2, … in order. Text is bound without a copy (it must live until the
 * statement is stepped); NULL text and SL_NO_DAY bind SQL NULL; SD_NOW binds
 * the current timestamp (util/clock.h). */
typedef struct {
    enum { SD_V_TEXT, SD_V_INT, SD_V_REAL, SD_V_DAY, SD_V_NOW } kind;
    const char *text;
    int64_t i;
    double d;
} sd_val;
#define SD_TEXT(x) ((sd_val){.kind = SD_V_TEXT, .text = (x)})
#define SD_INT(x) ((sd_val){.kind = SD_V_INT, .i = (int64_t)(x)})
#define SD_REAL(x) ((sd_val){.kind = SD_V_REAL, .d = (x)})
#define SD_DAY(x) ((sd_val){.kind = SD_V_DAY, .i = (x)})
#define SD_NOW ((sd_val){.kind = SD_V_NOW})

/* Returns the cached statement for sql with the n values bound to ?1…?n
 * (see sd_prepare); NULL with err set on failure. */
sd_stmt *sd_bind_all(sd_store *s, const char *sql, const sd_val *vals, int n, sl_error *err);
/* sd_bind_all with the values written inline: SD_STMT(s, sql, err, SD_TEXT(a), SD_INT(b)). */
#define SD_STMT(s, sql, err, ...)                                                                  \
    sd_bind_all((s), (sql), (const sd_val[]){__VA_ARGS__},                                         \
                (int)(sizeof((const sd_val[]){__VA_ARGS__}) / sizeof(sd_val)), (err))
/* Steps a statement expected to give at most one row. Returns 1 with the
 * statement on that row (read its columns, then sd_reset it, or let the
 * next sd_prepare of it do so), 0 when there is none (reset), or -1 with err
 * set by sd_fail(s, err, what). */
int sd_one_row(sd_store *s, sd_stmt *stmt, sl_error *err, const char *what);
/* Calls row(ctx, stmt) for every row until it returns non-zero, then ends
 * the walk as sd_walk_end does. Returns 0, row's non-zero answer, or -1. */
int sd_each_row(sd_store *s, sd_stmt *stmt, int (*row)(void *ctx, sd_stmt *stmt), void *ctx,
                sl_error *err, const char *what);

/* Appends an audit entry; before and after may be NULL. Returns 0 or -1. */
int sd_audit(sd_store *s, const char *actor, const char *operation, const char *entity,
             int64_t entity_id, const char *field, const char *before, const char *after,
             sl_error *err);

/* Inserts action a (an action of plan, which holds the stored plan's themes
 * and recommendations in their stored order) into stored plan plan_id at
 * position, with its people, recommendations and milestones; sets *id (may
 * be NULL). Returns 0 or -1 (sql_plan.c). */
int sd_insert_action(sd_store *s, int64_t plan_id, const sl_plan *plan, const sl_action *a, int position,
                     int64_t *id, sl_error *err);
/* Replaces stored action action_id's people, recommendations and milestones
 * with a's (plan as for sd_insert_action) and sets *theme_id to the stored id
 * of a's theme (0: none). Returns 0 or -1 (sql_plan.c). */
int sd_relink_action(sd_store *s, int64_t plan_id, const sl_plan *plan, int64_t action_id, const sl_action *a,
                     int64_t *theme_id, sl_error *err);

/* Runs the driver's fixed statement, failing first when a fault is injected. */
int sd_run_fixed(sd_store *s, const char *sql, sl_error *err);

/* The schema as SQLite's migrations (store/sqlite/schema.c): the count and
 * the text of migration index (0-based). The PostgreSQL backend applies the
 * same list, translated (store/pg/pg_schema.c). */
int sl_sqlite_migration_count(void);
const char *sl_sqlite_migration(int index);

/* The operations, defined across the sql_*.c files: sd_NAME for each
 * operation of store_ops.h. */
#define SL_STORE_OP(ret, name, params, args) ret sd_##name params;
#include "store/store_ops.h"
#undef SL_STORE_OP

#endif
