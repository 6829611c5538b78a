/* pg_driver.c — the PostgreSQL driver of the shared SQL operations
 * (store/sql/sql_store.h). Each statement is prepared once per connection
 * (server-side, named) with its ?N placeholders turned into $N, when it
 * first runs: integers and reals bound then declare their parameters'
 * types (bigint, double precision); the server infers the others from the
 * statement. Values travel as text. A statement's rows are fetched whole when it is first stepped.
 * A connection found broken between transactions is re-established (the
 * statements are prepared again on their next use): in `serve`, each worker
 * thread's connection is one of the pool's and heals itself this way. */
#include <inttypes.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/pg/pg_store.h"
#include "util/buf.h"
#include "util/mem.h"

/* A prepared PostgreSQL statement and its bound parameters. */
struct sd_stmt {
    sd_stmt_head head;
    char *sql;                                  /* with $N placeholders */
    char name[24];
    int prepared_for;                           /* the connection generation it is prepared on */
    int n_params;
    const char **values;                        /* NULL: SQL NULL */
    Oid *types;                                 /* 0: the server infers it */
    char **owned;                               /* copies this statement frees */
    PGresult *res;
    int row;                                    /* -1 before the statement runs */
    int scope_param;                            /* the $N sl_scope() became (0: none) */
};

/* Returns the PostgreSQL store of a statement. */
static pg_store *store_of(sd_stmt *st)
{
    return (pg_store *)st->head.store;
}

void pg_note_error(pg_store *s, const PGresult *res)
{
    const char *msg = res ? PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY) : NULL;
    const char *state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;
    if (!msg)
        msg = PQerrorMessage(s->conn);
    free(s->errmsg);
    s->errmsg = sl_strdup(msg && *msg ? msg : "unknown error");
    size_t n = strlen(s->errmsg);
    while (n && (s->errmsg[n - 1] == '\n' || s->errmsg[n - 1] == ' '))
        s->errmsg[--n] = '\0';
    snprintf(s->sqlstate, sizeof s->sqlstate, "%s", state ? state : "");
}

/* Copies sql in PostgreSQL's words: each ?N outside quotes written $N
 * (*n_params set to the highest N), and SQLite's INSERT OR IGNORE written
 * as INSERT … ON CONFLICT DO NOTHING. */
static char *dollar_placeholders(const char *sql, int *n_params)
{
    static const char or_ignore[] = "INSERT OR IGNORE INTO ";
    sl_buf out = {0};
    int quoted = 0, ignore = strncmp(sql, or_ignore, sizeof or_ignore - 1) == 0;
    *n_params = 0;
    if (ignore) {
        sl_buf_puts(&out, "INSERT INTO ");
        sql += sizeof or_ignore - 1;
    }
    for (const char *p = sql; *p; p++) {
        if (*p == '\'')
            quoted = !quoted;
        if (!quoted && *p == '?' && p[1] >= '0' && p[1] <= '9') {
            int n = (int)strtol(p + 1, NULL, 10);
            if (n > *n_params)
                *n_params = n;
            sl_buf_putc(&out, '$');
            continue;
        }
        sl_buf_putc(&out, *p);
    }
    if (ignore)
        sl_buf_puts(&out, " ON CONFLICT DO NOTHING");
    return sl_buf_take(&out);
}

/* Writes sql with each sl_scope() (the store's scope, sql_store.h
 * SD_IN_SCOPE) as parameter $n + 1, bound when the statement runs; sets
 * *scope_param to n + 1 when there was one, else 0. Returns the new text
 * (caller frees); takes sql. */
static char *scope_parameter(char *sql, int n, int *scope_param)
{
    static const char call[] = "sl_scope()";
    *scope_param = 0;
    if (!strstr(sql, call))
        return sql;
    sl_buf out = {0};
    for (const char *p = sql; *p;) {
        if (strncmp(p, call, sizeof call - 1) == 0) {
            sl_buf_cprintf(&out, "$%d::bigint", n + 1);
            p += sizeof call - 1;
        } else {
            sl_buf_putc(&out, *p++);
        }
    }
    free(sql);
    *scope_param = n + 1;
    return sl_buf_take(&out);
}

static int heal(pg_store *s);

/* Prepares st on the current connection; returns 0 or -1 with the error noted. */
static int prepare_on_server(pg_store *s, sd_stmt *st)
{
    snprintf(st->name, sizeof st->name, "sl%d", ++s->next_name);
    PGresult *res = PQprepare(s->conn, st->name, st->sql, st->n_params, st->types);
    int ok = PQresultStatus(res) == PGRES_COMMAND_OK;
    if (!ok)
        pg_note_error(s, res);
    PQclear(res);
    if (ok)
        st->prepared_for = s->generation;
    return ok ? 0 : -1;
}

/* Makes a statement for sql (see sd_driver.prepare); the server prepares
 * it when it first runs. The caller owns the statement. */
static sd_stmt *pg_prepare_stmt(sd_store *base, const char *sql, sl_error *err)
{
    (void)err;
    sd_stmt *st = sl_calloc(sizeof *st);
    st->head.store = base;
    st->row = -1;
    st->prepared_for = -1;
    st->sql = dollar_placeholders(sql, &st->n_params);
    st->sql = scope_parameter(st->sql, st->n_params, &st->scope_param);
    if (st->scope_param)
        st->n_params = st->scope_param;
    st->values = sl_calloc((size_t)(st->n_params + 1) * sizeof *st->values);
    st->owned = sl_calloc((size_t)(st->n_params + 1) * sizeof *st->owned);
    st->types = sl_calloc((size_t)(st->n_params + 1) * sizeof *st->types);
    /* A parameter the text never uses (listings bind a fixed set) gets a
     * type of its own: the server has nothing to infer it from. */
    for (int i = 1; i <= st->n_params; i++) {
        char mark[16];
        snprintf(mark, sizeof mark, "$%d", i);
        const char *at = st->sql;
        int used = 0;
        while (!used && (at = strstr(at, mark))) {
            at += strlen(mark);
            used = *at < '0' || *at > '9';
        }
        if (!used)
            st->types[i - 1] = 25 /* text */;
    }
    return st;
}

/* Drops the statement's rows and bindings. */
static void pg_reset(sd_stmt *st)
{
    PQclear(st->res);
    st->res = NULL;
    st->row = -1;
    for (int i = 0; i < st->n_params; i++) {
        free(st->owned[i]);
        st->owned[i] = NULL;
        st->values[i] = NULL;
    }
}

/* Frees a statement (the server forgets it with its connection). */
static void pg_finalize(sd_stmt *st)
{
    pg_reset(st);
    free(st->values);
    free(st->owned);
    free(st->types);
    free(st->sql);
    free(st);
}

/* Binds text to $index: borrowed, or copied when copy is set or owned is
 * given; type (0: inferred) declares the parameter's type when the
 * statement is prepared with this binding. */
static void bind_value(sd_stmt *st, int index, const char *text, char *owned, Oid type)
{
    if (index < 1 || index > st->n_params) {
        free(owned);
        return;
    }
    if (st->prepared_for < 0 && type)
        st->types[index - 1] = type;
    free(st->owned[index - 1]);
    st->owned[index - 1] = owned;
    st->values[index - 1] = owned ? owned : text;
}

/* Binds an integer to $index. */
static void pg_bind_int(sd_stmt *st, int index, int64_t value)
{
    char text[24];
    snprintf(text, sizeof text, "%" PRId64, value);
    bind_value(st, index, NULL, sl_strdup(text), 20 /* bigint */);
}

/* Binds a real to $index, exactly (17 significant digits). */
static void pg_bind_double(sd_stmt *st, int index, double value)
{
    char text[40];
    snprintf(text, sizeof text, "%.17g", value);
    bind_value(st, index, NULL, sl_strdup(text), 701 /* double precision */);
}

/* Binds text (NULL: SQL NULL) to $index, copied when copy is set. */
static void pg_bind_text(sd_stmt *st, int index, const char *text, int copy)
{
    bind_value(st, index, text, copy && text ? sl_strdup(text) : NULL, 0);
}

/* Runs a fixed statement on the connection; returns 0 or -1 with the error noted. */
static int run_simple(pg_store *s, const char *sql)
{
    PGresult *res = PQexec(s->conn, sql);
    ExecStatusType status = PQresultStatus(res);
    int ok = status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;
    if (!ok)
        pg_note_error(s, res);
    PQclear(res);
    return ok ? 0 : -1;
}

static int execute_once(sd_stmt *st);

/* Re-establishes a broken connection when no transaction is open (one
 * broken inside a transaction stays broken until its rollback: its earlier
 * statements are lost, so it must fail). Returns 0 when the connection is
 * usable, else -1 with the error noted. */
static int heal(pg_store *s)
{
    if (PQstatus(s->conn) == CONNECTION_OK)
        return 0;
    if (!s->base.in_transaction) {
        PQreset(s->conn);
        s->generation++;
        if (PQstatus(s->conn) == CONNECTION_OK)
            return 0;
    }
    pg_note_error(s, NULL);
    return -1;
}

/* Runs the statement with its bindings, keeping its rows. Outside a
 * transaction, a statement that found its connection dropped (the server
 * restarted) is tried once more on a new one. */
static int execute(sd_stmt *st)
{
    pg_store *s = store_of(st);
    int rc = execute_once(st);
    if (rc == SD_ERROR && !s->base.in_transaction && PQstatus(s->conn) == CONNECTION_BAD) {
        PQclear(st->res);
        st->res = NULL;
        rc = execute_once(st);
    }
    return rc;
}

/* Runs the statement once with its bindings, keeping its rows. */
static int execute_once(sd_stmt *st)
{
    pg_store *s = store_of(st);
    if (heal(s) < 0)
        return SD_ERROR;
    if (st->scope_param)
        pg_bind_int(st, st->scope_param, s->base.scope);
    if (st->prepared_for != s->generation && prepare_on_server(s, st) < 0)
        return SD_ERROR;
    st->res = PQexecPrepared(s->conn, st->name, st->n_params, st->values, NULL, NULL, 0);
    ExecStatusType status = PQresultStatus(st->res);
    if (status == PGRES_COMMAND_OK) {
        s->changes = (int)strtol(PQcmdTuples(st->res), NULL, 10);
        return SD_DONE;
    }
    if (status != PGRES_TUPLES_OK) {
        pg_note_error(s, st->res);
        return SD_ERROR;
    }
    st->row = 0;
    return PQntuples(st->res) > 0 ? SD_ROW : SD_DONE;
}

/* Steps a statement: runs it on the first step, then moves along its rows.
 * guarded (an INSERT whose clash the caller handles) runs it under a
 * savepoint inside a transaction, so that a refused row leaves the
 * transaction usable, as SQLite does. */
static int pg_step(sd_stmt *st, int guarded)
{
    pg_store *s = store_of(st);
    if (st->row >= 0) {
        st->row++;
        return st->row < PQntuples(st->res) ? SD_ROW : SD_DONE;
    }
    if (st->res)
        return SD_DONE;
    guarded = guarded && PQtransactionStatus(s->conn) == PQTRANS_INTRANS;
    if (guarded && run_simple(s, "SAVEPOINT sl_insert") < 0)
        return SD_ERROR;
    int rc = execute(st);
    if (guarded) {
        char state[6], *msg = s->errmsg ? sl_strdup(s->errmsg) : NULL;
        memcpy(state, s->sqlstate, sizeof state);
        run_simple(s, rc == SD_ERROR ? "ROLLBACK TO SAVEPOINT sl_insert" : "RELEASE SAVEPOINT sl_insert");
        if (rc == SD_ERROR) {
            memcpy(s->sqlstate, state, sizeof state);
            free(s->errmsg);
            s->errmsg = msg;
        } else {
            free(msg);
        }
    }
    return rc;
}

/* Returns the current row's value of col, or NULL for SQL NULL. */
static const char *pg_col_text(sd_stmt *st, int col)
{
    if (!st->res || st->row < 0 || PQgetisnull(st->res, st->row, col))
        return NULL;
    return PQgetvalue(st->res, st->row, col);
}

/* Reads an integer column (a boolean reads as 1 or 0, as SQLite gives it). */
static int64_t pg_col_int(sd_stmt *st, int col)
{
    const char *v = pg_col_text(st, col);
    if (!v)
        return 0;
    if (v[0] == 't' && !v[1])
        return 1;
    if (v[0] == 'f' && !v[1])
        return 0;
    if (strpbrk(v, ".eE"))
        return (int64_t)strtod(v, NULL);
    return strtoll(v, NULL, 10);
}

/* Reads a real column. */
static double pg_col_double(sd_stmt *st, int col)
{
    const char *v = pg_col_text(st, col);
    return v ? strtod(v, NULL) : 0.0;
}

/* The number of result columns (once the statement has run). */
static int pg_col_count(sd_stmt *st)
{
    return st->res ? PQnfields(st->res) : 0;
}

/* A result column's name. */
static const char *pg_col_name(sd_stmt *st, int col)
{
    return st->res ? PQfname(st->res, col) : "";
}

/* The kind of value the current row holds in col, from the column's type. */
static int pg_col_type(sd_stmt *st, int col)
{
    if (!pg_col_text(st, col))
        return SD_T_NULL;
    switch (PQftype(st->res, col)) {
    case 16: case 20: case 21: case 23: return SD_T_INT;        /* bool, int8, int2, int4 */
    case 700: case 701: case 1700: return SD_T_REAL;            /* float4, float8, numeric */
    default: return SD_T_TEXT;
    }
}

/* The id the last INSERT drew from its table's sequence. */
static int64_t pg_last_id(sd_store *base)
{
    pg_store *s = (pg_store *)base;
    PGresult *res = PQexecParams(s->conn, "SELECT lastval()", 0, NULL, NULL, NULL, NULL, 0);
    int64_t id = 0;
    if (PQresultStatus(res) == PGRES_TUPLES_OK && PQntuples(res) == 1)
        id = strtoll(PQgetvalue(res, 0, 0), NULL, 10);
    else
        pg_note_error(s, res);
    PQclear(res);
    return id;
}

/* Rows changed by the last statement. */
static int pg_changes(sd_store *base)
{
    return ((pg_store *)base)->changes;
}

/* Whether the last failure was a UNIQUE clash (SQLSTATE 23505). */
static int pg_unique_violation(sd_store *base)
{
    return strcmp(((pg_store *)base)->sqlstate, "23505") == 0;
}

/* The last error's message. */
static const char *pg_errmsg(sd_store *base)
{
    pg_store *s = (pg_store *)base;
    return s->errmsg ? s->errmsg : "unknown error";
}

/* Runs a fixed statement with no parameters (BEGIN, COMMIT, ROLLBACK, DDL). */
static int pg_exec_fixed(sd_store *base, const char *sql, sl_error *err)
{
    pg_store *s = (pg_store *)base;
    if (strncmp(sql, "ROLLBACK", 8) != 0 && heal(s) < 0)
        return sl_fail(err, "database: %s", s->errmsg);
    if (run_simple(s, sql) == 0)
        return 0;
    return sl_fail(err, "database: %.40s: %s", sql, s->errmsg);
}

/* Whether the connection is inside a transaction (good or failed). */
static int pg_in_transaction(sd_store *base)
{
    PGTransactionStatusType t = PQtransactionStatus(((pg_store *)base)->conn);
    return t == PQTRANS_INTRANS || t == PQTRANS_INERROR || t == PQTRANS_ACTIVE;
}

/* Whether the server can be used: the connection is good, or was made again. */
/* Set when a connection of this process found the server gone; while set,
 * each connection asks the server before it answers "reachable", so one
 * left idle since the server went away answers 503 like the rest instead of
 * serving what needs no query. The first answer after the server is back
 * clears it. */
static atomic_int server_suspect;

/* Whether the server answers (see sd_driver.reachable): heals a dropped
 * connection outside a transaction, and asks the server itself while
 * another connection has found it gone. */
static int pg_reachable(sd_store *base)
{
    pg_store *s = (pg_store *)base;
    if (atomic_load(&server_suspect) && PQstatus(s->conn) == CONNECTION_OK && !s->base.in_transaction)
        PQclear(PQexec(s->conn, "SELECT 1"));   /* a server gone leaves the connection bad */
    if (heal(s) < 0) {
        atomic_store(&server_suspect, 1);
        return 0;
    }
    if (atomic_load(&server_suspect))   /* written only when it changes: every request reads it */
        atomic_store(&server_suspect, 0);
    return 1;
}

/* Closes the connection and frees the store. */
static void pg_close(sd_store *base)
{
    pg_store *s = (pg_store *)base;
    if (s->conn)
        PQfinish(s->conn);
    free(s->errmsg);
    free(s);
}

const sd_driver pg_driver = {
    .name = "postgresql",
    .dialect = SD_POSTGRES,
    .prepare = pg_prepare_stmt,
    .finalize = pg_finalize,
    .reset = pg_reset,
    .bind_int = pg_bind_int,
    .bind_double = pg_bind_double,
    .bind_text = pg_bind_text,
    .step = pg_step,
    .col_int = pg_col_int,
    .col_double = pg_col_double,
    .col_text = pg_col_text,
    .col_count = pg_col_count,
    .col_name = pg_col_name,
    .col_type = pg_col_type,
    .last_id = pg_last_id,
    .changes = pg_changes,
    .unique_violation = pg_unique_violation,
    .errmsg = pg_errmsg,
    .exec_fixed = pg_exec_fixed,
    /* Writers take one lock, as SQLite's BEGIN IMMEDIATE does: transactions
     * that write are serialized; readers never wait. */
    .begin_sql = "BEGIN; SELECT pg_advisory_xact_lock(74657374)",
    .in_transaction = pg_in_transaction,
    .reachable = pg_reachable,
    .close = pg_close,
    .backup = pg_backup,
    .restore = pg_restore,
    .check = pg_check,
};
