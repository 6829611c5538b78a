/* sql_copy.c — copying a whole database into an empty one of either
 * backend (`sightline copy`): every table of the schema, in the order the
 * migrations create them, row by row with each value's own type, in one
 * transaction on the target with its foreign keys checked at the commit;
 * then each table's count and checksum compared. The statements here are
 * built from the schema's own table names and the databases' own column
 * names (never from input), with every value bound; they are prepared once
 * per table and not kept in the statement cache. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/sql/sql_store.h"
#include "util/buf.h"
#include "util/mem.h"

/* A table's count and order-independent checksum (the sum of its rows'
 * FNV-1a hashes). */
typedef struct {
    int64_t rows;
    uint64_t sum;
} table_sum;

/* A list of names, owned. */
typedef struct {
    char **names;
    int n;
} name_list;

/* Frees a name list. */
static void names_free(name_list *l)
{
    for (int i = 0; i < l->n; i++)
        free(l->names[i]);
    free(l->names);
    memset(l, 0, sizeof *l);
}

/* Appends a copy of n bytes of name. */
static void names_add(name_list *l, const char *name, size_t n)
{
    l->names = sl_realloc(l->names, (size_t)(l->n + 1) * sizeof *l->names);
    l->names[l->n] = sl_calloc(n + 1);
    memcpy(l->names[l->n++], name, n);
}

/* Returns 1 when l holds name. */
static int names_has(const name_list *l, const char *name)
{
    for (int i = 0; i < l->n; i++)
        if (strcmp(l->names[i], name) == 0)
            return 1;
    return 0;
}

/* The schema's tables, in the order the migrations create them (so a
 * table comes after those it refers to). */
static void schema_tables(name_list *out)
{
    for (int v = 0; v < sl_sqlite_migration_count(); v++) {
        for (const char *p = sl_sqlite_migration(v); (p = strstr(p, "CREATE TABLE ")); ) {
            p += strlen("CREATE TABLE ");
            names_add(out, p, strcspn(p, " ("));
        }
    }
}

/* Folds bytes into an FNV-1a hash. */
static uint64_t fnv(uint64_t h, const void *bytes, size_t n)
{
    const unsigned char *b = bytes;
    for (size_t i = 0; i < n; i++)
        h = (h ^ b[i]) * 1099511628211u;
    return h;
}

/* Hashes the current row's columns of st whose keep flag is set: each
 * value's kind and its canonical text, so that the same values give the
 * same hash on either backend. */
static uint64_t row_hash(sd_stmt *st, const int *keep, int n_cols)
{
    uint64_t h = 14695981039346656037u;
    sd_store *s = ((sd_stmt_head *)st)->store;
    for (int c = 0; c < n_cols; c++) {
        if (!keep[c])
            continue;
        char num[40];
        const char *text = num;
        int kind = s->drv->col_type(st, c);
        if (kind == SD_T_INT)
            snprintf(num, sizeof num, "%lld", (long long)sd_int64(st, c));
        else if (kind == SD_T_REAL)
            snprintf(num, sizeof num, "%.17g", sd_double(st, c));
        else
            text = kind == SD_T_NULL ? "" : sd_text(st, c);
        unsigned char tag = (unsigned char)kind;
        h = fnv(fnv(h, &tag, 1), text, strlen(text) + 1);
    }
    return h;
}

/* Runs sql (built here) on s and collects its column names into out; the
 * statement is returned stepped once (rc in *rc), or NULL on failure. */
static sd_stmt *run_built(sd_store *s, const char *sql, int *rc, name_list *out, sl_error *err)
{
    sd_stmt *st = s->drv->prepare(s, sql, err);
    if (!st)
        return NULL;
    *rc = sd_step(st);
    if (*rc == SD_ERROR) {
        sd_fail(s, err, "copying");
        s->drv->finalize(st);
        return NULL;
    }
    for (int c = 0; out && c < s->drv->col_count(st); c++) {
        const char *name = s->drv->col_name(st, c);
        names_add(out, name, strlen(name));
    }
    return st;
}

/* Reads the column names of table in s. */
static int table_columns(sd_store *s, const char *table, name_list *out, sl_error *err)
{
    sl_buf sql = {0};
    sl_buf_cprintf(&sql, "SELECT * FROM %s WHERE 1 = 0", table);
    int rc;
    sd_stmt *st = run_built(s, sql.data, &rc, out, err);
    sl_buf_free(&sql);
    if (!st)
        return -1;
    s->drv->finalize(st);
    return 0;
}

/* Fails unless every table of the schema in s is empty. */
static int check_empty(sd_store *s, const name_list *tables, sl_error *err)
{
    for (int i = 0; i < tables->n; i++) {
        sl_buf sql = {0};
        sl_buf_cprintf(&sql, "SELECT 1 FROM %s LIMIT 1", tables->names[i]);
        int rc;
        sd_stmt *st = run_built(s, sql.data, &rc, NULL, err);
        sl_buf_free(&sql);
        if (!st)
            return -1;
        s->drv->finalize(st);
        if (rc == SD_ROW)
            return sl_fail(err, "the target database is not empty (table %s has rows): copy writes"
                                " only into an empty database", tables->names[i]);
    }
    return 0;
}

/* Writes the SELECT that reads table's columns cols (keep[c] set) in a
 * stable order (by id, or by the order attendance was recorded in). */
static void select_sql(sl_buf *sql, const char *table, const name_list *cols, const int *keep)
{
    sl_buf_puts(sql, "SELECT ");
    for (int c = 0, first = 1; c < cols->n; c++) {
        if (keep && !keep[c])
            continue;
        sl_buf_cprintf(sql, "%s%s", first ? "" : ", ", cols->names[c]);
        first = 0;
    }
    sl_buf_cprintf(sql, " FROM %s", table);
    if (names_has(cols, "id"))
        sl_buf_puts(sql, " ORDER BY id");
}

/* Writes the INSERT of table's kept columns. */
static void insert_sql(sl_buf *sql, const char *table, const name_list *cols, const int *keep)
{
    sl_buf_cprintf(sql, "INSERT INTO %s (", table);
    int n = 0;
    for (int c = 0; c < cols->n; c++)
        if (keep[c])
            sl_buf_cprintf(sql, "%s%s", n++ ? ", " : "", cols->names[c]);
    sl_buf_puts(sql, ") VALUES (");
    for (int i = 1; i <= n; i++)
        sl_buf_cprintf(sql, "%s?%d", i > 1 ? ", " : "", i);
    sl_buf_puts(sql, ")");
}

/* Binds the current row's kept columns of from to ins, each as its kind. */
static void bind_row(sd_stmt *from, const int *keep, int n_cols, sd_stmt *ins)
{
    sd_store *s = ((sd_stmt_head *)from)->store;
    for (int c = 0, i = 1; c < n_cols; c++) {
        if (!keep[c])
            continue;
        switch (s->drv->col_type(from, c)) {
        case SD_T_NULL: sd_bind_null(ins, i); break;
        case SD_T_INT: sd_bind_int(ins, i, sd_int64(from, c)); break;
        case SD_T_REAL: sd_bind_double(ins, i, sd_double(from, c)); break;
        default: sd_bind_text(ins, i, sd_text(from, c)); break;
        }
        i++;
    }
}

/* Reads the count and checksum of table's columns cols (keep) in s. */
static int sum_table(sd_store *s, const char *table, const name_list *cols, const int *keep,
                     table_sum *out, sl_error *err)
{
    sl_buf sql = {0};
    select_sql(&sql, table, cols, keep);
    int rc;
    sd_stmt *st = run_built(s, sql.data, &rc, NULL, err);
    sl_buf_free(&sql);
    if (!st)
        return -1;
    int n = 0;
    for (int c = 0; c < cols->n; c++)
        n += keep[c] != 0;
    int *all = sl_calloc((size_t)(n + 1) * sizeof *all);
    for (int c = 0; c < n; c++)
        all[c] = 1;
    memset(out, 0, sizeof *out);
    for (; rc == SD_ROW; rc = sd_step(st)) {
        out->rows++;
        out->sum += row_hash(st, all, n);
    }
    free(all);
    s->drv->finalize(st);
    return rc == SD_DONE ? 0 : sd_fail(s, err, "verifying the copy");
}

/* Copies the rows of st (stepped once, rc) into dst through ins, summing
 * them into *sum. */
static int copy_rows(sd_store *dst, sd_stmt *st, int rc, const int *keep, int n_cols, sd_stmt *ins,
                     const char *table, table_sum *sum, sl_error *err)
{
    sd_store *src = ((sd_stmt_head *)st)->store;
    for (; rc == SD_ROW; rc = sd_step(st)) {
        sd_reset(ins);
        bind_row(st, keep, n_cols, ins);
        if (sd_step(ins) == SD_ERROR)
            return sl_fail(err, "copying %s: %s", table, dst->drv->errmsg(dst));
        sum->rows++;
        sum->sum += row_hash(st, keep, n_cols);
    }
    return rc == SD_DONE ? 0 : sd_fail(src, err, "reading the source");
}

/* Copies one table (the columns both sides have) and checks it. */
static int copy_table(sd_store *src, sd_store *dst, const char *table, int64_t *rows, sl_error *err)
{
    name_list src_cols = {0}, dst_cols = {0};
    sl_buf sql = {0};
    sd_stmt *st = NULL, *ins = NULL;
    int *keep = NULL, rc = -1, step = 0;
    table_sum copied = {0}, there;
    if (table_columns(src, table, &src_cols, err) == 0 && table_columns(dst, table, &dst_cols, err) == 0) {
        keep = sl_calloc((size_t)(src_cols.n + 1) * sizeof *keep);
        for (int c = 0; c < src_cols.n; c++)
            keep[c] = names_has(&dst_cols, src_cols.names[c]);
        select_sql(&sql, table, &src_cols, NULL);
        st = run_built(src, sql.data, &step, NULL, err);
        sl_buf_reset(&sql);
        insert_sql(&sql, table, &src_cols, keep);
        ins = st ? dst->drv->prepare(dst, sql.data, err) : NULL;
        if (ins && copy_rows(dst, st, step, keep, src_cols.n, ins, table, &copied, err) == 0 &&
            sum_table(dst, table, &src_cols, keep, &there, err) == 0) {
            rc = copied.rows == there.rows && copied.sum == there.sum ? 0
               : sl_fail(err, "copying %s: %lld rows read but %lld found written (or their checksums differ)",
                         table, (long long)copied.rows, (long long)there.rows);
        }
    }
    if (st)
        src->drv->finalize(st);
    if (ins)
        dst->drv->finalize(ins);
    *rows += copied.rows;
    free(keep);
    sl_buf_free(&sql);
    names_free(&src_cols);
    names_free(&dst_cols);
    return rc;
}

/* PostgreSQL: moves each table's id sequence past the ids copied in. */
static int advance_sequences(sd_store *dst, const char *table, sl_error *err)
{
    if (dst->drv->dialect != SD_POSTGRES)
        return 0;
    name_list cols = {0};
    if (table_columns(dst, table, &cols, err) < 0)
        return -1;
    int rc = 0;
    for (int c = 0; rc == 0 && c < cols.n; c++) {
        if (strcmp(cols.names[c], "id") != 0 && strcmp(cols.names[c], "recorded") != 0)
            continue;
        sl_buf sql = {0};
        sl_buf_cprintf(&sql, "SELECT setval(pg_get_serial_sequence(?1, ?2),"
                             " coalesce((SELECT max(%s) FROM %s), 0) + 1, false)", cols.names[c], table);
        sd_stmt *st = dst->drv->prepare(dst, sql.data, err);
        sl_buf_free(&sql);
        if (!st)
            rc = -1;
        else {
            sd_bind_text(st, 1, table);
            sd_bind_text(st, 2, cols.names[c]);
            rc = sd_step(st) == SD_ERROR ? sd_fail(dst, err, "moving a sequence on") : 0;
            dst->drv->finalize(st);
        }
    }
    names_free(&cols);
    return rc;
}

/* Copies every table in one transaction on dst; returns 0 or -1 (rolled back). */
static int copy_all(sd_store *src, sd_store *dst, const name_list *tables, sl_copy_progress_cb progress,
                    void *ctx, int64_t *rows, sl_error *err)
{
    if (sd_begin(&dst->base, err) < 0)
        return -1;
    int rc = sd_run_fixed(dst, SD_SQL(dst, "PRAGMA defer_foreign_keys = ON", "SET CONSTRAINTS ALL DEFERRED"), err);
    for (int i = 0; rc == 0 && i < tables->n; i++) {
        rc = copy_table(src, dst, tables->names[i], rows, err);
        if (rc == 0)
            rc = advance_sequences(dst, tables->names[i], err);
        if (rc == 0 && progress)
            progress(ctx, tables->names[i], i + 1, tables->n, *rows);
    }
    if (rc == 0)
        rc = sd_commit(&dst->base, err);
    if (rc < 0)
        dst->base.ops->rollback(&dst->base);
    return rc;
}

int sd_copy_to(sl_store *store, sl_store *target, sl_copy_progress_cb progress, void *ctx,
               int64_t *rows, sl_error *err)
{
    sd_store *src = (sd_store *)store, *dst = (sd_store *)target;
    name_list tables = {0};
    schema_tables(&tables);
    *rows = 0;
    int rc = check_empty(dst, &tables, err);
    if (rc == 0)
        rc = copy_all(src, dst, &tables, progress, ctx, rows, err);
    names_free(&tables);
    return rc;
}
