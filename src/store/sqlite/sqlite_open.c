/* sqlite_open.c — opening an SQLite database (WAL, foreign keys, busy
 * timeout), applying migrations, transactions and the statement cache. */
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
static int injected_fault(sl_error *err)
{
    if (fault_countdown == -1) {
        const char *at = getenv("SIGHTLINE_FAULT_AT");
        fault_countdown = at ? atol(at) : 0;
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
static int injected_fault(sl_error *err)
{
    (void)err;
    return 0;
}
#endif

sqlite3_stmt *sq_prepare(sq_store *s, const char *sql, sl_error *err)
{
    if (injected_fault(err) < 0)
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

/* Runs a fixed statement with no parameters and no rows (PRAGMA, BEGIN). */
static int run_fixed(sq_store *s, const char *sql, sl_error *err)
{
    if (strncmp(sql, "ROLLBACK", 8) != 0 && injected_fault(err) < 0)
        return -1;
    char *msg = NULL;
    if (sqlite3_exec(s->db, sql, NULL, NULL, &msg) == SQLITE_OK)
        return 0;
    sl_fail(err, "database: %s: %s", sql, msg ? msg : sqlite3_errmsg(s->db));
    sqlite3_free(msg);
    return -1;
}

/* Reads PRAGMA user_version: the number of migrations applied. */
static int schema_version(sq_store *s, int *version, sl_error *err)
{
    static const char sql[] = "PRAGMA user_version";
    sqlite3_stmt *st = sq_prepare(s, sql, err);
    if (!st)
        return -1;
    if (sqlite3_step(st) != SQLITE_ROW)
        return sq_fail(s, err, "reading the schema version");
    *version = sqlite3_column_int(st, 0);
    sqlite3_reset(st);
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
        if (run_fixed(s, "BEGIN IMMEDIATE", err) < 0)
            return -1;
        if (run_fixed(s, sl_sqlite_migration(v), err) < 0 || run_fixed(s, bump, err) < 0) {
            run_fixed(s, "ROLLBACK", NULL);
            return -1;
        }
        if (run_fixed(s, "COMMIT", err) < 0)
            return -1;
    }
    return 0;
}

static void sq_close(sl_store *store)
{
    sq_store *s = (sq_store *)store;
    for (int i = 0; i < s->n_stmt; i++)
        sqlite3_finalize(s->stmt[i]);
    free(s->stmt);
    free(s->sql);
    sqlite3_close(s->db);
    free(s);
}

static int sq_begin(sl_store *store, sl_error *err)
{
    sq_store *s = (sq_store *)store;
    if (run_fixed(s, "BEGIN IMMEDIATE", err) < 0)
        return -1;
    s->in_transaction = 1;
    return 0;
}

static int sq_commit(sl_store *store, sl_error *err)
{
    sq_store *s = (sq_store *)store;
    if (run_fixed(s, "COMMIT", err) < 0)
        return -1;
    s->in_transaction = 0;
    return 0;
}

static void sq_rollback(sl_store *store)
{
    sq_store *s = (sq_store *)store;
    if (s->in_transaction && !sqlite3_get_autocommit(s->db))
        run_fixed(s, "ROLLBACK", NULL);
    s->in_transaction = 0;
}

static const sl_store_ops sqlite_ops = {
    .name = "sqlite",
    .close = sq_close,
    .backup = sq_backup,
    .restore = sq_restore,
    .check = sq_check,
    .begin = sq_begin,
    .commit = sq_commit,
    .rollback = sq_rollback,
    .find_plan = sq_find_plan,
    .save_plan = sq_save_plan,
    .each_plan = sq_each_plan,
    .resolve_plan = sq_resolve_plan,
    .each_action = sq_each_action,
    .find_actions = sq_find_actions,
    .load_plan = sq_load_plan,
    .load_action = sq_load_action,
    .add_update = sq_add_update,
    .set_rules = sq_set_rules,
    .link_recommendation = sq_link_recommendation,
    .carry_forward = sq_carry_forward,
    .each_link = sq_each_link,
    .each_recommendation = sq_each_recommendation,
    .user_add = sq_user_add,
    .user_find = sq_user_find,
    .session_add = sq_session_add,
    .session_find = sq_session_find,
    .session_touch = sq_session_touch,
    .session_delete = sq_session_delete,
    .login_failure = sq_login_failure,
    .login_failures = sq_login_failures,
    .comment_add = sq_comment_add,
    .each_comment = sq_each_comment,
    .commentary_add = sq_commentary_add,
    .each_commentary = sq_each_commentary,
    .find_inspection = sq_find_inspection,
    .save_inspection = sq_save_inspection,
    .each_inspection = sq_each_inspection,
    .load_inspections = sq_load_inspections,
    .measure_add = sq_measure_add,
    .measures = sq_measures,
    .measure_values_put = sq_measure_values_put,
    .measure_values = sq_measure_values,
    .workforce_add = sq_workforce_add,
    .workforce = sq_workforce,
    .case_audit_add = sq_case_audit_add,
    .case_audits = sq_case_audits,
    .generation = sq_generation,
    .each_recent_audit = sq_each_recent_audit,
    .each_person = sq_each_person,
    .each_update = sq_each_update,
    .latest_update = sq_latest_update,
    .each_audit = sq_each_audit,
    .board_add = sq_board_add,
    .board_save = sq_board_save,
    .board_find = sq_board_find,
    .boards = sq_boards,
    .meeting_add = sq_meeting_add,
    .meetings = sq_meetings,
    .meeting_find = sq_meeting_find,
    .meeting_move = sq_meeting_move,
    .meeting_publish = sq_meeting_publish,
    .meeting_minutes = sq_meeting_minutes,
    .meeting_approve = sq_meeting_approve,
    .attendance_set = sq_attendance_set,
    .agenda_add = sq_agenda_add,
    .decision_add = sq_decision_add,
    .arising_add = sq_arising_add,
    .arising_update = sq_arising_update,
    .arisings = sq_arisings,
    .risk_add = sq_risk_add,
    .risk_review = sq_risk_review,
    .risks = sq_risks,
    .savings_set = sq_savings_set,
    .savings = sq_savings,
    .calendar_token_add = sq_calendar_token_add,
    .calendar_tokens = sq_calendar_tokens,
    .calendar_token_revoke = sq_calendar_token_revoke,
    .calendar_token_check = sq_calendar_token_check,
    .arising_history = sq_arising_history,
    .risk_history = sq_risk_history,
};

sl_store *sl_sqlite_open(const char *path, int create, sl_error *err)
{
    struct stat st;
    if (!create && stat(path, &st) != 0) {
        sl_fail(err, "%s: no such database (run `sightline init` first)", path);
        return NULL;
    }
    sq_fault_vfs_install();
    sq_store *s = sl_calloc(sizeof *s);
    s->base.ops = &sqlite_ops;
    int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0) | SQLITE_OPEN_NOMUTEX;
    if (sqlite3_open_v2(path, &s->db, flags, NULL) != SQLITE_OK) {
        sl_fail(err, "%s: cannot open database: %s", path, s->db ? sqlite3_errmsg(s->db) : "?");
        sq_close(&s->base);
        return NULL;
    }
    sqlite3_extended_result_codes(s->db, 1);
    sqlite3_busy_timeout(s->db, 5000);
    /* A new database gets larger pages: fewer reads and writes for a plan's
     * wide rows. SQLite applies this only to a database with no tables yet,
     * before WAL is switched on; for an existing one it changes nothing. */
    if (run_fixed(s, "PRAGMA page_size = 16384", err) < 0 ||
        run_fixed(s, "PRAGMA foreign_keys = ON", err) < 0 ||
        run_fixed(s, "PRAGMA journal_mode = WAL", err) < 0 ||
        run_fixed(s, "PRAGMA synchronous = FULL", err) < 0 ||
        run_fixed(s, "PRAGMA cache_size = -16384", err) < 0 || migrate(s, err) < 0) {
        sq_close(&s->base);
        return NULL;
    }
    return &s->base;
}
