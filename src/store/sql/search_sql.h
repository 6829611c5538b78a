/* search_sql.h — the text each kind of record is found by (domain/search.h),
 * written once for both backends: SQLite's FTS5 index (its migration, with
 * the triggers that keep it in step, store/sqlite/schema.c) and
 * PostgreSQL's expression indexes (store/pg/pg_schema.c) and both backends'
 * queries (store/sql/sql_search.c). Each kind has a title (weighed more)
 * and a body; T is the table's alias with its dot ("new.", "a.", ""), so
 * that PostgreSQL's planner sees the index's own expression in a query.
 * Neither stems words (SQLite's unicode61 tokenizer, PostgreSQL's 'simple'
 * configuration): a prefix typed ("improvem") must find the word
 * ("improvement"), which a stem ("improv") would hide, and both backends
 * then find the same records.
 * Included by the SQL backends' files only. */
#ifndef SL_STORE_SQL_SEARCH_SQL_H
#define SL_STORE_SQL_SEARCH_SQL_H

#define SS_C(x) "coalesce(" x ", '')"
#define SS_PLAN_TITLE(T) T "title"
#define SS_PLAN_BODY(T) T "version_label || ' ' || " T "kind"
#define SS_ACTION_TITLE(T) T "ref || ' ' || " T "title"
#define SS_ACTION_BODY(T)                                                                          \
    T "description || ' ' || " T "measure || ' ' || " T "impact || ' ' || " T "resources || ' ' || " \
    T "sro || ' ' || " T "leads_list || ' ' || " T "delivered_through || ' ' || " T "progress || ' ' || " T "status_text"
#define SS_UPDATE_TITLE(T) "''"
#define SS_UPDATE_BODY(T) T "note || ' ' || " T "evidence || ' ' || " T "rag_reason"
#define SS_REC_TITLE(T) "''"
#define SS_REC_BODY(T) T "text"
#define SS_MEASURE_TITLE(T) T "code || ' ' || " T "name"
#define SS_MEASURE_BODY(T) SS_C(T "owner") " || ' ' || " SS_C(T "source") " || ' ' || " SS_C(T "suggested_from")
#define SS_PERSON_TITLE(T) T "label || ' ' || " T "name"
#define SS_PERSON_BODY(T) "''"
/* Progress updates are indexed only when they say something. */
#define SS_UPDATE_WHEN(T) T "note <> ''"

/* SQLite: an import saves a whole plan's actions, then indexes them in one
 * statement (SS_ACTIONS_OF_PLAN): a trigger's row at a time flushes the
 * index once per row, several times slower. The setting search.defer,
 * written and removed inside the import's transaction (never seen outside
 * it), holds the actions' insert trigger off meanwhile (sql_plan.c). */
#define SS_DEFER_KEY "'search.defer'"
#define SS_UNLESS_DEFERRED " WHEN NOT EXISTS (SELECT 1 FROM settings WHERE key = " SS_DEFER_KEY ")"
#define SS_DEFER_ON "INSERT OR REPLACE INTO settings (key, value) VALUES (" SS_DEFER_KEY ", '')"
#define SS_DEFER_OFF "DELETE FROM settings WHERE key = " SS_DEFER_KEY
#define SS_ACTIONS_OF_PLAN                                                                         \
    "INSERT INTO search_fts(rowid, title, body) SELECT id * 8 + 2, " SS_ACTION_TITLE("") ", "     \
    SS_ACTION_BODY("") " FROM actions WHERE plan_id = ?1"

/* SQLite: a row of the index for kind k of record T (its rowid id * 8 + k). */
#define SS_FTS_ROW(k, T, TITLE, BODY) "(" T "id * 8 + " #k ", " TITLE(T) ", " BODY(T) ")"
#define SS_FTS_ADD(k, TITLE, BODY) "INSERT INTO search_fts(rowid, title, body) VALUES " SS_FTS_ROW(k, "new.", TITLE, BODY) ";"
#define SS_FTS_DROP(k) "DELETE FROM search_fts WHERE rowid = old.id * 8 + " #k ";"
/* SQLite: the triggers of one table (inserted, changed in the named
 * columns, deleted) and its existing rows indexed. The migration may run
 * again on a database that has it (a restored copy whose version number was
 * set back): it then rebuilds the index. */
#define SS_FTS_TABLE(name, k, cols, TITLE, BODY) SS_FTS_TABLE_WHEN(name, k, cols, TITLE, BODY, "")
#define SS_FTS_TABLE_WHEN(name, k, cols, TITLE, BODY, when)                                        \
    "CREATE TRIGGER IF NOT EXISTS search_" name "_i AFTER INSERT ON " name when " BEGIN "          \
    SS_FTS_ADD(k, TITLE, BODY) " END;"                                                             \
    "CREATE TRIGGER IF NOT EXISTS search_" name "_u AFTER UPDATE OF " cols " ON " name " BEGIN " SS_FTS_DROP(k)      \
    SS_FTS_ADD(k, TITLE, BODY) " END;"                                                             \
    "CREATE TRIGGER IF NOT EXISTS search_" name "_d AFTER DELETE ON " name " BEGIN " SS_FTS_DROP(k) " END;"        \
    "INSERT INTO search_fts(rowid, title, body) SELECT " T_ID(k) ", " TITLE("") ", " BODY("") " FROM " name ";"
#define T_ID(k) "id * 8 + " #k

#define SL_SEARCH_MIGRATION_SQLITE                                                                 \
    "CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5(title, body,"                       \
    " tokenize = 'unicode61 remove_diacritics 2');"                                                \
    "DELETE FROM search_fts;"                                                                      \
    SS_FTS_TABLE("plans", 1, "title, version_label, kind", SS_PLAN_TITLE, SS_PLAN_BODY)            \
    SS_FTS_TABLE_WHEN("actions", 2,                                                                \
                      "ref, title, description, measure, impact, resources, sro, leads_list,"     \
                      " delivered_through, progress, status_text",                                \
                      SS_ACTION_TITLE, SS_ACTION_BODY, SS_UNLESS_DEFERRED)                         \
    "CREATE TRIGGER IF NOT EXISTS search_progress_updates_i AFTER INSERT ON progress_updates WHEN "             \
    SS_UPDATE_WHEN("new.") " BEGIN " SS_FTS_ADD(3, SS_UPDATE_TITLE, SS_UPDATE_BODY) " END;"        \
    "INSERT INTO search_fts(rowid, title, body) SELECT " T_ID(3) ", " SS_UPDATE_TITLE("") ", "     \
    SS_UPDATE_BODY("") " FROM progress_updates WHERE " SS_UPDATE_WHEN("") ";"                      \
    SS_FTS_TABLE("recommendations", 4, "text", SS_REC_TITLE, SS_REC_BODY)                          \
    SS_FTS_TABLE("measures", 5, "code, name, owner, source, suggested_from", SS_MEASURE_TITLE,     \
                 SS_MEASURE_BODY)                                                                  \
    SS_FTS_TABLE("people", 6, "label, name", SS_PERSON_TITLE, SS_PERSON_BODY)

/* PostgreSQL: the document of a kind, weighted (title A, body B). */
#define SS_PG_DOC(T, TITLE, BODY)                                                                  \
    "(setweight(to_tsvector('simple', " TITLE(T) "), 'A') || setweight(to_tsvector('simple', "  \
    BODY(T) "), 'B'))"
/* PostgreSQL: the GIN index of one table's documents. */
#define SS_PG_INDEX(name, TITLE, BODY)                                                             \
    "CREATE INDEX IF NOT EXISTS search_" name " ON " name " USING gin (" SS_PG_DOC("", TITLE, BODY) ")"
#define SL_SEARCH_MIGRATION_PG                                                                     \
    SS_PG_INDEX("plans", SS_PLAN_TITLE, SS_PLAN_BODY) ";"                                          \
    SS_PG_INDEX("actions", SS_ACTION_TITLE, SS_ACTION_BODY) ";"                                    \
    SS_PG_INDEX("progress_updates", SS_UPDATE_TITLE, SS_UPDATE_BODY) " WHERE " SS_UPDATE_WHEN("") ";" \
    SS_PG_INDEX("recommendations", SS_REC_TITLE, SS_REC_BODY) ";"                                  \
    SS_PG_INDEX("measures", SS_MEASURE_TITLE, SS_MEASURE_BODY) ";"                                 \
    SS_PG_INDEX("people", SS_PERSON_TITLE, SS_PERSON_BODY) ";"

#endif
