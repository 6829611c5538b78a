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

/* The backend's operations, defined across its files. */
int sq_backup(sl_store *store, const char *path, sl_error *err);
int sq_restore(sl_store *store, const char *path, sl_error *err);
int sq_check(sl_store *store, sl_error *err);
int sq_find_plan(sl_store *store, const char *authority, const char *title, int64_t *id,
                 int *version, char sha[65], sl_error *err);
int sq_save_plan(sl_store *store, const sl_plan *plan, sl_day baseline_day, const char *actor,
                 int64_t *plan_id, sl_error *err);
int sq_each_plan(sl_store *store, int all, sl_plan_cb cb, void *ctx, sl_error *err);
int sq_resolve_plan(sl_store *store, const char *name, int64_t *plan_id, sl_error *err);
int sq_load_plan(sl_store *store, int64_t plan_id, sl_plan *out, sl_error *err);
int sq_each_action(sl_store *store, const sl_action_query *q, sl_action_cb cb, void *ctx,
                   sl_error *err);
int sq_find_actions(sl_store *store, int64_t plan_id, const char *ref, int64_t *ids, int max,
                    sl_error *err);
int sq_load_action(sl_store *store, int64_t action_id, sl_plan *out, sl_error *err);
int sq_add_update(sl_store *store, const sl_update *update, const char *actor, sl_error *err);
int sq_set_rules(sl_store *store, int64_t plan_id, const sl_rag_rules *rules, const char *actor,
                 sl_error *err);
int sq_link_recommendation(sl_store *store, int64_t action_id, int number, const char *actor,
                           sl_error *err);
int sq_carry_forward(sl_store *store, int64_t from_action_id, int64_t to_action_id, const char *actor,
                     sl_error *err);
int sq_each_link(sl_store *store, int64_t action_id, sl_link_cb cb, void *ctx, sl_error *err);
int sq_each_recommendation(sl_store *store, int64_t plan_id, sl_recommendation_cb cb, void *ctx,
                           sl_error *err);
int sq_user_add(sl_store *store, const sl_user *user, const char *actor, sl_error *err);
int sq_user_find(sl_store *store, const char *login, sl_user *out, sl_error *err);
int sq_session_add(sl_store *store, const char *token_hash, int64_t user_id, const char *csrf,
                   int64_t now, sl_error *err);
int sq_session_find(sl_store *store, const char *token_hash, sl_session *out, sl_error *err);
int sq_session_touch(sl_store *store, const char *token_hash, int64_t now, sl_error *err);
int sq_session_delete(sl_store *store, const char *token_hash, sl_error *err);
int sq_login_failure(sl_store *store, const char *login, int64_t now, int64_t since, int *recent,
                     sl_error *err);
int sq_login_failures(sl_store *store, const char *login, int64_t since, int *recent,
                      sl_error *err);
int sq_comment_add(sl_store *store, int64_t action_id, const char *text, const char *actor,
                   sl_error *err);
int sq_each_comment(sl_store *store, int64_t action_id, int latest, sl_comment_cb cb, void *ctx,
                    sl_error *err);
int sq_commentary_add(sl_store *store, const sl_commentary *commentary, const char *actor,
                      sl_error *err);
int sq_each_commentary(sl_store *store, const char *report, int64_t plan_id, sl_day as_of,
                       sl_commentary_cb cb, void *ctx, sl_error *err);
int sq_find_inspection(sl_store *store, const char *authority, sl_day start, int64_t *id,
                       sl_error *err);
int sq_save_inspection(sl_store *store, const sl_inspection *inspection, const char *authority_code,
                       const char *actor, int64_t *id, sl_error *err);
int sq_load_inspections(sl_store *store, sl_inspection_list *out, sl_error *err);
int sq_each_inspection(sl_store *store, sl_inspection_cb cb, void *ctx, sl_error *err);
int sq_measure_add(sl_store *store, const sl_measure_def *def, int64_t action_id, const char *actor,
                   sl_error *err);
int sq_measures(sl_store *store, sl_measure_def **defs, int64_t **action_ids, sl_error *err);
int sq_measure_values_put(sl_store *store, const sl_measure_value *values, size_t n, const char *file,
                          const char *actor, sl_error *err);
int sq_measure_values(sl_store *store, const char *code, sl_measure_value **values, sl_error *err);
int sq_workforce_add(sl_store *store, const sl_workforce_snapshot *snapshot, const char *actor,
                     sl_error *err);
int sq_workforce(sl_store *store, sl_workforce_snapshot **out, sl_error *err);
int sq_case_audit_add(sl_store *store, const char *service, const sl_case_audit *audit,
                      const char *measure_code, const char *actor, sl_error *err);
int sq_case_audits(sl_store *store, sl_case_audit_row **out, sl_error *err);
int sq_generation(sl_store *store, int64_t *generation, sl_error *err);
int sq_each_recent_audit(sl_store *store, int limit, sl_audit_cb cb, void *ctx, sl_error *err);
int sq_each_person(sl_store *store, sl_person_cb cb, void *ctx, sl_error *err);
/* Calls cb with an action's latest update on or before as_of (see store.h). */
int sq_latest_update(sl_store *store, int64_t action_id, sl_day as_of, sl_update_cb cb, void *ctx,
                     sl_error *err);
int sq_each_update(sl_store *store, int64_t action_id, int latest, sl_update_cb cb, void *ctx,
                   sl_error *err);
int sq_each_audit(sl_store *store, const char *entity, int64_t entity_id, int latest, sl_audit_cb cb, void *ctx,
                  sl_error *err);

/* Governance (sqlite_boards.c, sqlite_meetings.c, sqlite_risks.c). */
int sq_board_add(sl_store *store, const sl_board *board, const char *actor, int64_t *id, sl_error *err);
int sq_board_save(sl_store *store, const sl_board *board, const char *actor, int64_t *id, sl_error *err);
int sq_board_find(sl_store *store, const char *name, sl_board *out, int64_t *id, sl_error *err);
int sq_boards(sl_store *store, sl_board **out, int64_t **ids, sl_error *err);
int sq_meeting_add(sl_store *store, int64_t board_id, const sl_meeting *meeting, const char *actor, int64_t *id, sl_error *err);
int sq_meetings(sl_store *store, int64_t board_id, sl_meeting **out, sl_error *err);
int sq_meeting_find(sl_store *store, int64_t board_id, sl_day day, sl_meeting *out, sl_error *err);
int sq_meeting_move(sl_store *store, int64_t meeting_id, sl_day to, const char *actor, sl_error *err);
int sq_meeting_publish(sl_store *store, int64_t meeting_id, sl_day day, const char *actor, sl_error *err);
int sq_meeting_minutes(sl_store *store, int64_t meeting_id, const char *text, const char *actor, sl_error *err);
int sq_meeting_approve(sl_store *store, int64_t meeting_id, int64_t approver_id, const char *actor, sl_error *err);
int sq_attendance_set(sl_store *store, int64_t meeting_id, const sl_attendance *row, const char *actor, sl_error *err);
int sq_agenda_add(sl_store *store, int64_t meeting_id, const sl_agenda_item *item, const char *actor, sl_error *err);
int sq_decision_add(sl_store *store, int64_t meeting_id, const char *text, const char *actor, sl_error *err);
int sq_arising_add(sl_store *store, int64_t meeting_id, const sl_arising *a, const char *actor, int64_t *id, sl_error *err);
int sq_arising_update(sl_store *store, int64_t id, sl_status status, const char *note, const char *actor, sl_error *err);
int sq_arisings(sl_store *store, int64_t board_id, int open_only, sl_arising **out, sl_error *err);
int sq_risk_add(sl_store *store, const sl_risk *risk, const char *actor, char **ref, sl_error *err);
int sq_risk_review(sl_store *store, const char *ref, const sl_risk_review *review, const char *actor, sl_error *err);
int sq_risks(sl_store *store, sl_risk **out, sl_error *err);
int sq_savings_set(sl_store *store, int64_t plan_id, const char *project, int fy_start_year, double forecast, double delivered, const char *actor, sl_error *err);
int sq_savings(sl_store *store, int64_t plan_id, sl_savings_row **out, sl_error *err);
int sq_calendar_token_add(sl_store *store, const char *login, const char *token_hash, const char *actor, int64_t *id, sl_error *err);
int sq_calendar_tokens(sl_store *store, const char *login, sl_calendar_token **out, sl_error *err);
int sq_calendar_token_revoke(sl_store *store, int64_t id, const char *actor, sl_error *err);
int sq_calendar_token_check(sl_store *store, const char *token_hash, int64_t *user_id, sl_error *err);
int sq_arising_history(sl_store *store, int64_t id, sl_arising_update **out, sl_error *err);
int sq_risk_history(sl_store *store, const char *ref, sl_risk_history **out, sl_error *err);

#endif
