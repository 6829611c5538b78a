/* pg_schema.c — the schema's migrations in PostgreSQL's words. The list is
 * SQLite's (store/sqlite/schema.c), translated as it is applied, so a new
 * migration needs no second copy: INTEGER becomes BIGINT (an INTEGER
 * PRIMARY KEY, SQLite's rowid, a BIGSERIAL), REAL DOUBLE PRECISION, a
 * foreign key DEFERRABLE,
 * WITHOUT ROWID goes, GLOB '*x*' (contains a match of x) becomes ~ 'x',
 * and each append-only trigger (RAISE(ABORT, …))
 * becomes a plpgsql function raising the same message and a trigger
 * calling it. A migration SQLite states in words PostgreSQL lacks has
 * PostgreSQL's own text instead (pg_own: search's FTS5 index becomes
 * expression indexes). */
#include <stdlib.h>
#include <string.h>

#include "store/pg/pg_store.h"
#include "store/sql/search_sql.h"
#include "util/buf.h"

/* Returns 1 when text at p is the word w (not part of a longer name). */
static int word_at(const char *start, const char *p, const char *w)
{
    size_t n = strlen(w);
    if (strncmp(p, w, n) != 0)
        return 0;
    int before = p > start && (p[-1] == '_' || (p[-1] >= 'A' && p[-1] <= 'Z') ||
                               (p[-1] >= 'a' && p[-1] <= 'z'));
    char c = p[n];
    int after = c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    return !before && !after;
}

/* Copies the name at p (letters, digits, _) into out; returns the end. */
static const char *take_name(const char *p, sl_buf *out)
{
    while (*p == ' ')
        p++;
    while (*p == '_' || (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9'))
        sl_buf_putc(out, *p++);
    return p;
}

/* Translates "CREATE TRIGGER name BEFORE op ON table BEGIN SELECT
 * RAISE(ABORT, 'message'); END;" at p into out; returns the end, or NULL
 * when the trigger is not of that form. */
static const char *trigger(const char *p, sl_buf *out)
{
    sl_buf name = {0}, op = {0}, table = {0};
    const char *end = NULL;
    p = take_name(p + strlen("CREATE TRIGGER"), &name);
    if (strncmp(p, " BEFORE", 7) == 0) {
        p = take_name(p + 7, &op);
        if (strncmp(p, " ON", 3) == 0) {
            p = take_name(p + 3, &table);
            const char *msg = strstr(p, "RAISE(ABORT, '");
            const char *msg_end = msg ? strchr(msg + 14, '\'') : NULL;
            const char *stop = msg_end ? strstr(msg_end, "END;") : NULL;
            if (stop) {
                sl_buf_cprintf(out,
                              "CREATE FUNCTION %s_fn() RETURNS trigger LANGUAGE plpgsql AS"
                              " $$BEGIN RAISE EXCEPTION '%.*s'; END$$;"
                              "CREATE TRIGGER %s BEFORE %s ON %s FOR EACH ROW EXECUTE FUNCTION %s_fn();",
                              name.data, (int)(msg_end - msg - 14), msg + 14, name.data, op.data,
                              table.data, name.data);
                end = stop + 4;
            }
        }
    }
    sl_buf_free(&name);
    sl_buf_free(&op);
    sl_buf_free(&table);
    return end;
}

/* Translates "GLOB '*pattern*'" at p (a character-class pattern found
 * anywhere in the text) into PostgreSQL's "~ 'pattern'"; returns the end,
 * or NULL when the pattern is not of that form. */
static const char *glob(const char *p, sl_buf *out)
{
    p += strlen("GLOB");
    if (strncmp(p, " '*", 3) != 0)
        return NULL;
    const char *end = strstr(p + 3, "*'");
    if (!end || memchr(p + 3, '\'', (size_t)(end - p - 3)) || memchr(p + 3, '*', (size_t)(end - p - 3)))
        return NULL;
    sl_buf_cprintf(out, "~ '%.*s'", (int)(end - p - 3), p + 3);
    return end + 2;
}

/* What PostgreSQL needs beyond the translation, before (first) and after
 * migration index: SQLite's NOCASE collation, which the statements name
 * (an ICU collation that ignores case); attendance rows keep the order they
 * were recorded in (SQLite's rowid, which INSERT OR REPLACE renews). */
static const char *pg_extra(int index, int first)
{
    if (first)
        return index == 0 ? "CREATE COLLATION IF NOT EXISTS nocase"
                            " (provider = icu, locale = 'und-u-ks-level2', deterministic = false);"
                          : "";
    return index == 3 ? "CREATE SEQUENCE attendance_recorded_seq;"
                        "ALTER TABLE attendance ADD COLUMN recorded BIGINT NOT NULL"
                        " DEFAULT nextval('attendance_recorded_seq');"
                        "ALTER SEQUENCE attendance_recorded_seq OWNED BY attendance.recorded;"
                      : "";
}

/* Returns PostgreSQL's own text of a migration whose SQLite text is sql,
 * or NULL when it is translated. */
static const char *pg_own(const char *sql)
{
    return strcmp(sql, SL_SEARCH_MIGRATION_SQLITE) == 0 ? SL_SEARCH_MIGRATION_PG : NULL;
}

char *pg_migration(int index)
{
    const char *sql = sl_sqlite_migration(index);
    sl_buf out = {0};
    if (pg_own(sql)) {
        sl_buf_puts(&out, pg_own(sql));
        return sl_buf_take(&out);
    }
    sl_buf_puts(&out, pg_extra(index, 1));
    for (const char *p = sql; *p;) {
        const char *next;
        if (word_at(sql, p, "CREATE TRIGGER") && (next = trigger(p, &out))) {
            p = next;
        } else if (word_at(sql, p, "GLOB") && (next = glob(p, &out))) {
            p = next;
        } else if (strncmp(p, "INTEGER PRIMARY KEY", 19) == 0) {
            sl_buf_puts(&out, "BIGSERIAL PRIMARY KEY");
            p += 19;
        } else if (word_at(sql, p, "INTEGER")) {
            sl_buf_puts(&out, "BIGINT");
            p += 7;
        } else if (word_at(sql, p, "REAL")) {
            sl_buf_puts(&out, "DOUBLE PRECISION");
            p += 4;
        } else if (word_at(sql, p, "REFERENCES")) {
            /* Deferrable (checked at once unless a transaction defers
             * them), so that `copy` can load rows that refer forward. */
            const char *close = strchr(p, ')');
            sl_buf_add(&out, p, (size_t)(close + 1 - p));
            sl_buf_puts(&out, " DEFERRABLE");
            p = close + 1;
        } else if (strncmp(p, " WITHOUT ROWID", 14) == 0) {
            p += 14;
        } else {
            sl_buf_putc(&out, *p++);
        }
    }
    sl_buf_puts(&out, pg_extra(index, 0));
    return sl_buf_take(&out);
}
