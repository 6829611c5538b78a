/* sql_bulk.c — the bulk write paths of generated data (store_ops.h:
 * add_updates_bulk, audit_note): generated rows in prepared INSERTs of
 * 2^k rows each, no audit entry per row. */
#include <pthread.h>
#include <stdlib.h>

#include "store/sql/sql_store.h"
#include "util/buf.h"
#include "util/mem.h"

/* An action's generated rows go in INSERTs of 2^k rows, k from LEVELS - 1
 * down to 0: a history of n rows takes as many statements as n has bits set
 * (about 4 for a year of weekly updates), each prepared once. On PostgreSQL
 * each statement is a round trip to the server; on SQLite each flushes the
 * search index's pending rows (the FTS5 trigger of progress_updates), which
 * one row at a time makes several times slower. */
#define LEVELS 9
/* Parameters per row of those INSERTs. */
#define ROW_PARAMS 10

static sl_buf batch_text[2][LEVELS];     /* [0] SQLite, [1] PostgreSQL */
static pthread_once_t batch_once = PTHREAD_ONCE_INIT;

/* Builds each dialect's INSERTs of 2^k generated rows for every level k
 * (once), each row recorded at 09:00 UTC of its day. */
static void build_batches(void)
{
    for (int pg = 0; pg < 2; pg++)
        for (int k = 0; k < LEVELS; k++) {
            sl_buf *b = &batch_text[pg][k];
            sl_buf_puts(b, "INSERT INTO progress_updates (action_id, day, recorded_at, actor, status,"
                           " status_text, rag, rag_reason, note, evidence, action_version) VALUES ");
            for (int r = 0; r < 1 << k; r++) {
                int p = r * ROW_PARAMS;
                if (pg)
                    sl_buf_cprintf(b, "%s(?%d, ?%d, to_char(to_timestamp(?%d::bigint * 86400) AT TIME ZONE 'UTC',"
                                      " 'YYYY-MM-DD\"T09:00:00Z\"')", r ? ", " : "", p + 1, p + 2, p + 2);
                else
                    sl_buf_cprintf(b, "%s(?%d, ?%d, strftime('%%Y-%%m-%%dT09:00:00Z', ?%d * 86400, 'unixepoch')",
                                   r ? ", " : "", p + 1, p + 2, p + 2);
                sl_buf_cprintf(b, ", ?%d, ?%d, ?%d, ?%d, ?%d, ?%d, ?%d, ?%d)", p + 3, p + 4, p + 5, p + 6, p + 7,
                               p + 8, p + 9, p + 10);
            }
        }
}

/* Appends 2^level generated update rows in one statement; version[r] is
 * the version row r gives its action. */
static int insert_batch(sd_store *s, const sl_update *u, const int *version, int level, const char *actor,
                        sl_error *err)
{
    pthread_once(&batch_once, build_batches);
    sd_stmt *st = sd_prepare(s, batch_text[s->drv->dialect == SD_POSTGRES][level].data, err);
    if (!st)
        return -1;
    for (int r = 0; r < 1 << level; r++) {
        const sl_update *v = &u[r];
        const char *status = sl_status_name(v->status);
        int p = r * ROW_PARAMS;
        sd_bind_int(st, p + 1, v->action_id);
        sd_bind_int(st, p + 2, v->day);
        sd_bind_text(st, p + 3, actor);
        sd_bind_text(st, p + 4, status);
        sd_bind_text(st, p + 5, v->status_text ? v->status_text : status);
        sd_bind_text(st, p + 6, sl_rag_name(v->rag));
        sd_bind_text(st, p + 7, v->rag_reason ? v->rag_reason : "");
        sd_bind_text(st, p + 8, v->note ? v->note : "");
        sd_bind_text(st, p + 9, v->evidence ? v->evidence : "");
        sd_bind_int(st, p + 10, version[r]);
    }
    return sd_exec(s, st, err, "adding generated progress updates");
}

/* Appends n generated rows, the largest batches first. */
static int insert_rows(sd_store *s, const sl_update *updates, const int *version, size_t n, const char *actor,
                       sl_error *err)
{
    size_t i = 0;
    for (int level = LEVELS - 1; level >= 0; level--)
        for (; n - i >= (size_t)1 << level; i += (size_t)1 << level)
            if (insert_batch(s, &updates[i], &version[i], level, actor, err) < 0)
                return -1;
    return 0;
}

/* Moves the action's current state to its latest update u and its version on by n. */
static int settle_action(sd_store *s, int64_t action_id, const sl_update *u, size_t n,
                         sl_error *err)
{
    static const char sql[] =
        "UPDATE actions SET version = version + ?2, cur_status = ?3, cur_status_text = ?4,"
        " cur_rag = ?5, cur_rag_reason = ?6, cur_note = CASE WHEN ?7 <> '' THEN ?7 ELSE cur_note END,"
        " last_update_day = ?8"
        " WHERE id = ?1 AND (last_update_day IS NULL OR last_update_day <= ?8)";
    const char *status = sl_status_name(u->status);
    sd_stmt *st = SD_STMT(s, sql, err, SD_INT(action_id), SD_INT((int64_t)n), SD_TEXT(status),
                      SD_TEXT(u->status_text ? u->status_text : status), SD_TEXT(sl_rag_name(u->rag)),
                      SD_TEXT(u->rag_reason ? u->rag_reason : ""), SD_TEXT(u->note ? u->note : ""),
                      SD_INT(u->day));
    if (!st)
        return -1;
    return sd_exec(s, st, err, "moving a generated action on");
}

/* Numbers each update within its action's group: the version it gives the
 * action (1 for the first). Returns the array (caller frees). */
static int *number_versions(const sl_update *updates, size_t n)
{
    int *version = sl_realloc(NULL, n * sizeof *version);
    for (size_t i = 0; i < n; i++)
        version[i] = i > 0 && updates[i].action_id == updates[i - 1].action_id ? version[i - 1] + 1 : 1;
    return version;
}

/* Appends the generated history of many actions, then settles each
 * action's current state (store_ops.h). Nothing to free. */
int sd_add_updates_bulk(sl_store *store, const sl_update *updates, size_t n, const char *actor,
                        sl_error *err)
{
    sd_store *s = (sd_store *)store;
    if (n == 0)
        return 0;
    int *version = number_versions(updates, n);
    int rc = insert_rows(s, updates, version, n, actor, err);
    /* The last update of each group settles its action. */
    for (size_t i = 0; rc == 0 && i < n; i++)
        if (i + 1 == n || updates[i + 1].action_id != updates[i].action_id)
            rc = settle_action(s, updates[i].action_id, &updates[i], (size_t)version[i], err);
    free(version);
    return rc;
}

/* One audit entry for a bulk change (store_ops.h). */
int sd_audit_note(sl_store *store, const char *actor, const char *operation, const char *entity,
                  int64_t entity_id, const char *field, const char *after, sl_error *err)
{
    return sd_audit((sd_store *)store, actor, operation, entity, entity_id, field, NULL, after, err);
}
