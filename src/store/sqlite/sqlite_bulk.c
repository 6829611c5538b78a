/* sqlite_bulk.c — the bulk write paths of generated data (store_ops.h:
 * add_updates_bulk, audit_note): one prepared INSERT reused for every row,
 * no audit entry per row. */
#include "store/sqlite/sqlite_store.h"

/* Appends one generated update row, recorded at 09:00 UTC of its day. */
static int insert_generated(sq_store *s, int64_t action_id, const sl_update *u, const char *actor,
                            int version, sl_error *err)
{
    static const char sql[] =
        "INSERT INTO progress_updates (action_id, day, recorded_at, actor, status, status_text,"
        " rag, rag_reason, note, evidence, action_version)"
        " VALUES (?1, ?2, strftime('%Y-%m-%dT09:00:00Z', ?2 * 86400, 'unixepoch'), ?3, ?4, ?5,"
        " ?6, ?7, ?8, ?9, ?10)";
    const char *status = sl_status_name(u->status);
    sqlite3_stmt *st = SQ_STMT(s, sql, err, SQ_INT(action_id), SQ_INT(u->day), SQ_TEXT(actor),
                      SQ_TEXT(status), SQ_TEXT(u->status_text ? u->status_text : status),
                      SQ_TEXT(sl_rag_name(u->rag)), SQ_TEXT(u->rag_reason ? u->rag_reason : ""),
                      SQ_TEXT(u->note ? u->note : ""), SQ_TEXT(u->evidence ? u->evidence : ""),
                      SQ_INT(version));
    if (!st)
        return -1;
    return sq_exec(s, st, err, "adding a generated progress update");
}

/* Moves the action's current state to its latest update u and its version on by n. */
static int settle_action(sq_store *s, int64_t action_id, const sl_update *u, size_t n,
                         sl_error *err)
{
    static const char sql[] =
        "UPDATE actions SET version = version + ?2, cur_status = ?3, cur_status_text = ?4,"
        " cur_rag = ?5, cur_rag_reason = ?6, cur_note = CASE WHEN ?7 <> '' THEN ?7 ELSE cur_note END,"
        " last_update_day = ?8"
        " WHERE id = ?1 AND (last_update_day IS NULL OR last_update_day <= ?8)";
    const char *status = sl_status_name(u->status);
    sqlite3_stmt *st = SQ_STMT(s, sql, err, SQ_INT(action_id), SQ_INT((int64_t)n), SQ_TEXT(status),
                      SQ_TEXT(u->status_text ? u->status_text : status), SQ_TEXT(sl_rag_name(u->rag)),
                      SQ_TEXT(u->rag_reason ? u->rag_reason : ""), SQ_TEXT(u->note ? u->note : ""),
                      SQ_INT(u->day));
    if (!st)
        return -1;
    return sq_exec(s, st, err, "moving a generated action on");
}

int sq_add_updates_bulk(sl_store *store, int64_t action_id, const sl_update *updates, size_t n,
                        const char *actor, sl_error *err)
{
    sq_store *s = (sq_store *)store;
    if (n == 0)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (insert_generated(s, action_id, &updates[i], actor, (int)i + 1, err) < 0)
            return -1;
    return settle_action(s, action_id, &updates[n - 1], n, err);
}

int sq_audit_note(sl_store *store, const char *actor, const char *operation, const char *entity,
                  int64_t entity_id, const char *field, const char *after, sl_error *err)
{
    return sq_audit((sq_store *)store, actor, operation, entity, entity_id, field, NULL, after, err);
}
