/* sql_arising.c — actions arising from meetings and their append-only
 * history of updates (governance). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/sql/sql_store.h"
#include "util/clock.h"
#include "util/mem.h"

/* Appends one row to an action arising's history. */
static int add_history(sd_store *s, int64_t id, sl_status status, const char *note, const char *actor,
                       sl_error *err)
{
    static const char sql[] =
        "INSERT INTO arising_updates (arising_id, recorded_at, author, status, note) VALUES (?1, ?2, ?3, ?4, ?5)";
    sd_stmt *st = SD_STMT(s, sql, err, SD_INT(id), SD_NOW, SD_TEXT(actor),
                      SD_TEXT(sl_status_name(status)), SD_TEXT(note ? note : ""));
    if (!st)
        return -1;
    return sd_exec(s, st, err, "recording an update of an action arising");
}

int sd_arising_add(sl_store *store, int64_t meeting_id, const sl_arising *a, const char *actor, int64_t *id,
                   sl_error *err)
{
    static const char sql[] =
        "INSERT INTO arising_actions (meeting_id, text, owner, due, status) VALUES (?1, ?2, ?3, ?4, ?5)";
    sd_store *s = (sd_store *)store;
    if (sd_scope_check(s, SD_OF_MEETING, meeting_id, err) < 0)
        return -1;
    sd_stmt *st = SD_STMT(s, sql, err, SD_INT(meeting_id), SD_TEXT(a->text),
                      SD_TEXT(a->owner ? a->owner : ""), SD_DAY(a->due),
                      SD_TEXT(sl_status_name(a->status)));
    if (!st)
        return -1;
    if (sd_exec(s, st, err, "adding an action arising") < 0)
        return -1;
    int64_t aid = sd_last_id(s);
    if (id)
        *id = aid;
    if (add_history(s, aid, a->status, "raised", actor, err) < 0)
        return -1;
    return sd_audit(s, actor, "add", "arising", aid, "", NULL, a->text, err);
}

int sd_arising_update(sl_store *store, int64_t id, sl_status status, const char *note, const char *actor,
                      sl_error *err)
{
    static const char sql[] = "UPDATE arising_actions SET status = ?2 WHERE id = ?1";
    static const char before_sql[] = "SELECT status FROM arising_actions WHERE id = ?1";
    sd_store *s = (sd_store *)store;
    if (sd_scope_check(s, SD_OF_ARISING, id, err) < 0)
        return -1;
    sd_stmt *st = sd_prepare(s, before_sql, err);
    if (!st)
        return -1;
    sd_bind_int(st, 1, id);
    int rc = sd_step(st);
    if (rc != SD_ROW) {
        sd_walk_end(s, st, rc, 0, err, "finding an action arising");
        return sl_fail(err, "no action arising numbered %lld", (long long)id);
    }
    char *before = sl_strdup(sd_text(st, 0));
    sd_reset(st);
    int out = -1;
    if ((st = sd_prepare(s, sql, err))) {
        sd_bind_int(st, 1, id);
        sd_bind_text(st, 2, sl_status_name(status));
        if (sd_exec(s, st, err, "updating an action arising") == 0 &&
            add_history(s, id, status, note, actor, err) == 0)
            out = sd_audit(s, actor, "update", "arising", id, "status", before, sl_status_name(status), err);
    }
    free(before);
    return out;
}

int sd_arisings(sl_store *store, int64_t board_id, int open_only, sl_arising **out, sl_error *err)
{
    static const char sql[] =
        "SELECT a.id, b.name, m.day, a.text, a.owner, a.due, a.status FROM arising_actions a"
        " JOIN meetings m ON m.id = a.meeting_id JOIN boards b ON b.id = m.board_id"
        " WHERE (CAST(?1 AS BIGINT) IS NULL OR m.board_id = ?1) AND " SD_IN_SCOPE("b.authority_id")
        " ORDER BY b.name, coalesce(a.due, 99999999), a.id";
    sd_store *s = (sd_store *)store;
    sd_stmt *st = sd_prepare(s, sql, err);
    *out = NULL;
    if (!st)
        return -1;
    if (board_id)
        sd_bind_int(st, 1, board_id);
    int n = 0, rc;
    while ((rc = sd_step(st)) == SD_ROW) {
        sl_status status = SL_STATUS_NOT_STARTED;
        sl_status_from_name(sd_text(st, 6), &status);
        if (open_only && (sl_status_is_done(status) || sl_status_is_closed(status)))
            continue;
        *out = sl_realloc(*out, (size_t)(n + 1) * sizeof **out);
        sl_arising *a = &(*out)[n++];
        a->id = sd_int64(st, 0);
        a->board = sl_strdup(sd_text(st, 1));
        a->meeting = sd_day(st, 2);
        a->text = sl_strdup(sd_text(st, 3));
        a->owner = sl_strdup(sd_text(st, 4));
        a->due = sd_day(st, 5);
        a->status = status;
    }
    if (sd_walk_end(s, st, rc, 0, err, "reading actions arising") == 0)
        return n;
    sl_arisings_free(*out, (size_t)n);
    *out = NULL;
    return -1;
}

int sd_arising_history(sl_store *store, int64_t id, sl_arising_update **out, sl_error *err)
{
    static const char sql[] =
        "SELECT recorded_at, author, status, note FROM arising_updates WHERE arising_id = ?1 AND arising_id IN"
        " (SELECT x.id FROM arising_actions x WHERE " SD_MEETING_IN_SCOPE("x.meeting_id") ") ORDER BY id";
    sd_store *s = (sd_store *)store;
    sd_stmt *st = sd_prepare(s, sql, err);
    *out = NULL;
    if (!st)
        return -1;
    sd_bind_int(st, 1, id);
    int n = 0, rc;
    while ((rc = sd_step(st)) == SD_ROW) {
        *out = sl_realloc(*out, (size_t)(n + 1) * sizeof **out);
        sl_arising_update *u = &(*out)[n++];
        u->recorded_at = sl_strdup(sd_text(st, 0));
        u->author = sl_strdup(sd_text(st, 1));
        u->status = SL_STATUS_NOT_STARTED;
        sl_status_from_name(sd_text(st, 2), &u->status);
        u->note = sl_strdup(sd_text(st, 3));
    }
    if (sd_walk_end(s, st, rc, 0, err, "reading the history of an action arising") == 0)
        return n;
    sl_arising_updates_free(*out, (size_t)n);
    *out = NULL;
    return -1;
}
