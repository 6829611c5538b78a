/* sql_search.c — search (store_ops.h: search): the records of one kind
 * matching a query's terms, best first, with the matched words marked
 * (domain/search.h). SQLite asks its FTS5 index (search_fts, kept by the
 * triggers of the schema's search migration; rank bm25, title weighed four
 * times the body); PostgreSQL asks its expression indexes of the same text
 * (search_sql.h; rank ts_rank, title weight A). A kind with more matches
 * than SL_SEARCH_RANK_MAX lists them newest first instead, which needs no
 * score of each (a one-letter query would rank hundreds of thousands of
 * progress notes). Records of superseded plan versions are left out, as the
 * pages of current plans leave them out, and so are those of authorities
 * outside the store's scope (SD_IN_SCOPE), as every page leaves them out. */
#include <pthread.h>
#include <stdlib.h>

#include "store/sql/search_sql.h"
#include "store/sql/sql_store.h"

/* SQLite: the marked title, the body's snippet, the index joined and asked. */
#define LITE_HL "highlight(search_fts, 0, char(1), char(2))"
#define LITE_SNIP "snippet(search_fts, 1, char(1), char(2), '…', 16)"
#define LITE_FROM(k, join) " FROM search_fts JOIN " join " WHERE search_fts MATCH ?1 AND search_fts.rowid % 8 = " #k
#define LITE_RANKED " ORDER BY bm25(search_fts, 4.0, 1.0), search_fts.rowid"
#define LITE_RECENT " ORDER BY search_fts.rowid DESC"
/* PostgreSQL: the query, the title, the body, the rank. */
#define PG_Q "to_tsquery('simple', ?1)"
/* PostgreSQL gives the title and body as they are; they are marked here
 * (sl_search_mark), the same words SQLite marks: ts_headline would take an
 * HTML-like tag in the text as markup. */
#define PG_HL(x) x
#define PG_SNIP(x) x
#define SNIPPET_WORDS 16
#define PG_MATCH(T, TITLE, BODY) " WHERE " SS_PG_DOC(T, TITLE, BODY) " @@ " PG_Q
/* The two orders of a kind's rows on PostgreSQL (kind_sql's pg_ranked and
 * pg_recent), written after its SELECT. */
#define PG_ORDER(T, TITLE, BODY, id) \
    , " ORDER BY ts_rank(" SS_PG_DOC(T, TITLE, BODY) ", " PG_Q ") DESC, " id, " ORDER BY " id " DESC"
#define LIMITS " LIMIT ?2 OFFSET ?3"

/* Each kind's statements: its rows (id, link id, key, marked title,
 * snippet, context) without their order, and its count, in each dialect;
 * PostgreSQL's two orders (best first, newest first). */
typedef struct {
    const char *lite, *lite_count, *pg, *pg_ranked, *pg_recent, *pg_count;
} kind_sql;

/* Current plan versions only, of the authorities in the store's scope. */
#define CURRENT " AND p.superseded_by IS NULL AND " SD_IN_SCOPE("p.authority_id")
#define MEASURE_SCOPE " AND " SD_IN_SCOPE("m.authority_id")
#define PERSON_SCOPE " AND " SD_IN_SCOPE("pe.authority_id")
#define PLAN_JOIN "plans p ON p.id = search_fts.rowid / 8 JOIN authorities au ON au.id = p.authority_id"
#define ACTION_JOIN "actions a ON a.id = search_fts.rowid / 8 JOIN plans p ON p.id = a.plan_id"
#define UPDATE_JOIN                                                                                \
    "progress_updates u ON u.id = search_fts.rowid / 8 JOIN actions a ON a.id = u.action_id"      \
    " JOIN plans p ON p.id = a.plan_id"
#define REC_JOIN "recommendations r ON r.id = search_fts.rowid / 8 JOIN plans p ON p.id = r.plan_id"
#define MEASURE_JOIN "measures m ON m.id = search_fts.rowid / 8"
#define PERSON_JOIN "people pe ON pe.id = search_fts.rowid / 8 JOIN authorities au ON au.id = pe.authority_id"

static const kind_sql kinds[SL_SEARCH_N_KINDS + 1] = {
    [SL_SEARCH_PLAN] = {
        "SELECT p.id, p.id, '', " LITE_HL ", " LITE_SNIP ", au.name" LITE_FROM(1, PLAN_JOIN) CURRENT,
        "SELECT count(*)" LITE_FROM(1, PLAN_JOIN) CURRENT,
        "SELECT p.id, p.id, '', " PG_HL(SS_PLAN_TITLE("p.")) ", " PG_SNIP(SS_PLAN_BODY("p.")) ", au.name"
        " FROM plans p JOIN authorities au ON au.id = p.authority_id" PG_MATCH("p.", SS_PLAN_TITLE, SS_PLAN_BODY)
        CURRENT PG_ORDER("p.", SS_PLAN_TITLE, SS_PLAN_BODY, "p.id"),
        "SELECT count(*) FROM plans p" PG_MATCH("p.", SS_PLAN_TITLE, SS_PLAN_BODY) CURRENT},
    [SL_SEARCH_ACTION] = {
        "SELECT a.id, a.id, a.ref, " LITE_HL ", " LITE_SNIP ", p.title" LITE_FROM(2, ACTION_JOIN) CURRENT,
        "SELECT count(*)" LITE_FROM(2, ACTION_JOIN) CURRENT,
        "SELECT a.id, a.id, a.ref, " PG_HL(SS_ACTION_TITLE("a.")) ", " PG_SNIP(SS_ACTION_BODY("a.")) ", p.title"
        " FROM actions a JOIN plans p ON p.id = a.plan_id" PG_MATCH("a.", SS_ACTION_TITLE, SS_ACTION_BODY)
        CURRENT PG_ORDER("a.", SS_ACTION_TITLE, SS_ACTION_BODY, "a.id"),
        "SELECT count(*) FROM actions a JOIN plans p ON p.id = a.plan_id"
        PG_MATCH("a.", SS_ACTION_TITLE, SS_ACTION_BODY) CURRENT},
    [SL_SEARCH_UPDATE] = {
        "SELECT u.id, a.id, a.ref, a.ref || ' ' || a.title, " LITE_SNIP ", p.title" LITE_FROM(3, UPDATE_JOIN)
        CURRENT,
        "SELECT count(*)" LITE_FROM(3, UPDATE_JOIN) CURRENT,
        "SELECT u.id, a.id, a.ref, a.ref || ' ' || a.title, " PG_SNIP(SS_UPDATE_BODY("u.")) ", p.title"
        " FROM progress_updates u JOIN actions a ON a.id = u.action_id JOIN plans p ON p.id = a.plan_id"
        PG_MATCH("u.", SS_UPDATE_TITLE, SS_UPDATE_BODY) " AND " SS_UPDATE_WHEN("u.") CURRENT
        PG_ORDER("u.", SS_UPDATE_TITLE, SS_UPDATE_BODY, "u.id"),
        "SELECT count(*) FROM progress_updates u JOIN actions a ON a.id = u.action_id JOIN plans p ON p.id = a.plan_id"
        PG_MATCH("u.", SS_UPDATE_TITLE, SS_UPDATE_BODY) " AND " SS_UPDATE_WHEN("u.") CURRENT},
    [SL_SEARCH_RECOMMENDATION] = {
        "SELECT r.id, p.id, CAST(r.number AS TEXT), 'Recommendation ' || r.number, " LITE_SNIP ", p.title"
        LITE_FROM(4, REC_JOIN) CURRENT,
        "SELECT count(*)" LITE_FROM(4, REC_JOIN) CURRENT,
        "SELECT r.id, p.id, CAST(r.number AS TEXT), 'Recommendation ' || r.number, " PG_SNIP(SS_REC_BODY("r."))
        ", p.title FROM recommendations r JOIN plans p ON p.id = r.plan_id" PG_MATCH("r.", SS_REC_TITLE, SS_REC_BODY)
        CURRENT PG_ORDER("r.", SS_REC_TITLE, SS_REC_BODY, "r.id"),
        "SELECT count(*) FROM recommendations r JOIN plans p ON p.id = r.plan_id"
        PG_MATCH("r.", SS_REC_TITLE, SS_REC_BODY) CURRENT},
    [SL_SEARCH_MEASURE] = {
        "SELECT m.id, 0, m.code, " LITE_HL ", " LITE_SNIP ", ''" LITE_FROM(5, MEASURE_JOIN) MEASURE_SCOPE,
        "SELECT count(*)" LITE_FROM(5, MEASURE_JOIN) MEASURE_SCOPE,
        "SELECT m.id, 0, m.code, " PG_HL(SS_MEASURE_TITLE("m.")) ", " PG_SNIP(SS_MEASURE_BODY("m.")) ", ''"
        " FROM measures m" PG_MATCH("m.", SS_MEASURE_TITLE, SS_MEASURE_BODY) MEASURE_SCOPE
        PG_ORDER("m.", SS_MEASURE_TITLE, SS_MEASURE_BODY, "m.id"),
        "SELECT count(*) FROM measures m" PG_MATCH("m.", SS_MEASURE_TITLE, SS_MEASURE_BODY) MEASURE_SCOPE},
    [SL_SEARCH_PERSON] = {
        "SELECT pe.id, 0, pe.label, " LITE_HL ", '', au.name" LITE_FROM(6, PERSON_JOIN) PERSON_SCOPE,
        "SELECT count(*)" LITE_FROM(6, PERSON_JOIN) PERSON_SCOPE,
        "SELECT pe.id, 0, pe.label, " PG_HL(SS_PERSON_TITLE("pe.")) ", '', au.name"
        " FROM people pe JOIN authorities au ON au.id = pe.authority_id"
        PG_MATCH("pe.", SS_PERSON_TITLE, SS_PERSON_BODY) PERSON_SCOPE
        PG_ORDER("pe.", SS_PERSON_TITLE, SS_PERSON_BODY, "pe.id"),
        "SELECT count(*) FROM people pe" PG_MATCH("pe.", SS_PERSON_TITLE, SS_PERSON_BODY) PERSON_SCOPE},
};

/* Each kind's full statements, built once: [kind][0] SQLite best first,
 * [1] SQLite newest first, [2] and [3] the same on PostgreSQL. */
static sl_buf built[SL_SEARCH_N_KINDS + 1][4];
static pthread_once_t built_once = PTHREAD_ONCE_INIT;

/* Builds every kind's full statements (once). */
static void build_statements(void)
{
    for (int k = 1; k <= SL_SEARCH_N_KINDS; k++) {
        const kind_sql *q = &kinds[k];
        const char *parts[4][2] = {{q->lite, LITE_RANKED}, {q->lite, LITE_RECENT},
                                   {q->pg, q->pg_ranked}, {q->pg, q->pg_recent}};
        for (int v = 0; v < 4; v++) {
            sl_buf_puts(&built[k][v], parts[v][0]);
            sl_buf_puts(&built[k][v], parts[v][1]);
            sl_buf_puts(&built[k][v], LIMITS);
        }
    }
}

/* Counts the records of kind k matching text into *total. Returns 0 or -1. */
static int count_kind(sd_store *s, const kind_sql *k, const char *text, int *total, sl_error *err)
{
    sd_stmt *st = SD_STMT(s, SD_SQL(s, k->lite_count, k->pg_count), err, SD_TEXT(text));
    if (!st)
        return -1;
    int rc = sd_one_row(s, st, err, "counting search results");
    if (rc < 0)
        return -1;
    *total = rc ? sd_int(st, 0) : 0;
    sd_reset(st);
    return 0;
}

/* Calls cb with the result on st's row (on PostgreSQL, its title and body
 * marked here); returns cb's answer. */
static int one_hit(sd_store *s, const sl_search_query *q, int kind, sd_stmt *st, sl_search_cb cb, void *ctx)
{
    sl_search_hit hit = {kind, sd_int64(st, 0), sd_int64(st, 1), sd_text(st, 2), sd_text(st, 3),
                         sd_text(st, 4), sd_text(st, 5)};
    if (s->drv->dialect != SD_POSTGRES)
        return cb(ctx, &hit);
    int marks_title = kind != SL_SEARCH_UPDATE && kind != SL_SEARCH_RECOMMENDATION;
    char *title = marks_title ? sl_search_mark(q, hit.title, 0) : NULL;
    char *snippet = sl_search_mark(q, hit.snippet, SNIPPET_WORDS);
    if (title)
        hit.title = title;
    hit.snippet = snippet;
    int stop = cb(ctx, &hit);
    free(title);
    free(snippet);
    return stop;
}

int sd_search(sl_store *store, const sl_search_query *q, int kind, int limit, int offset, int *total,
              int *ranked, sl_search_cb cb, void *ctx, sl_error *err)
{
    sd_store *s = (sd_store *)store;
    if (kind < 1 || kind > SL_SEARCH_N_KINDS || q->n < 1)
        return sl_fail_code(err, SL_ERR_INVALID, "nothing to search for");
    pthread_once(&built_once, build_statements);
    const kind_sql *k = &kinds[kind];
    int pg = s->drv->dialect == SD_POSTGRES, count = 0;
    char *text = pg ? sl_search_tsquery(q) : sl_search_fts5(q);
    int rc = count_kind(s, k, text, &count, err);
    int best_first = count <= SL_SEARCH_RANK_MAX;
    if (total)
        *total = count;
    if (ranked)
        *ranked = best_first;
    const char *sql = built[kind][(pg ? 2 : 0) + !best_first].data;
    sd_stmt *st = rc == 0 && limit > 0 && count > 0
                      ? SD_STMT(s, sql, err, SD_TEXT(text), SD_INT(limit), SD_INT(offset))
                      : NULL;
    if (st) {
        int stop = 0;
        while ((rc = sd_step(st)) == SD_ROW && (stop = one_hit(s, q, kind, st, cb, ctx)) == 0)
            ;
        rc = sd_walk_end(s, st, rc, stop, err, "searching");
    } else if (rc == 0 && limit > 0 && count > 0) {
        rc = -1;
    }
    free(text);
    return rc;
}
