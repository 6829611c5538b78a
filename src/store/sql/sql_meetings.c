/* sql_meetings.c — meetings, attendance, agenda, minutes, decisions and
 * actions arising (governance). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/sql/sql_store.h"
#include "util/buf.h"
#include "util/clock.h"
#include "util/mem.h"

/* Writes an audit entry for a meeting with an "after" text of its day and what. */
static int audit_meeting(sd_store *s, const char *actor, const char *op, int64_t id, const char *field,
                         const char *after, sl_error *err)
{
    return sd_audit(s, actor, op, "meeting", id, field, NULL, after, err);
}

int sd_meeting_add(sl_store *store, int64_t board_id, const sl_meeting *m, const char *actor, int64_t *id,
                   sl_error *err)
{
    static const char sql[] = "INSERT INTO meetings (board_id, day, time, venue) VALUES (?1, ?2, ?3, ?4)";
    sd_store *s = (sd_store *)store;
    if (sd_scope_check(s, SD_OF_BOARD, board_id, err) < 0)
        return -1;
    sd_stmt *st = sd_prepare(s, sql, err);
    if (!st)
        return -1;
    char day[11];
    sl_day_format(m->day, day);
    sd_bind_int(st, 1, board_id);
    sd_bind_day(st, 2, m->day);
    sd_bind_text(st, 3, m->time);
    sd_bind_text(st, 4, m->venue ? m->venue : "");
    int rc = sd_insert(s, st, err, "adding a meeting");
    if (rc == SD_TAKEN)
        return sl_fail(err, "the board already meets on %s", day);
    if (rc < 0)
        return -1;
    int64_t mid = sd_last_id(s);
    if (id)
        *id = mid;
    return audit_meeting(s, actor, "add", mid, "day", day, err);
}

/* The meetings SELECT (columns read by read_meeting); ?1 board id or NULL, ?2 day or NULL. */
static const char meetings_sql[] =
    "SELECT m.id, m.board_id, b.name, m.day, m.time, m.venue, m.papers_published, m.minutes,"
    " (SELECT a.day FROM meetings a WHERE a.id = m.minutes_approved_at)"
    " FROM meetings m JOIN boards b ON b.id = m.board_id"
    " WHERE (CAST(?1 AS BIGINT) IS NULL OR m.board_id = ?1)"
    " AND (CAST(?2 AS BIGINT) IS NULL OR m.day = ?2) AND " SD_IN_SCOPE("b.authority_id")
    " ORDER BY b.name, m.day";

/* Fills a meeting from a row of meetings_sql. */
static void read_meeting(sd_stmt *st, sl_meeting *m)
{
    *m = sl_meeting_empty();
    m->id = sd_int64(st, 0);
    m->board_id = sd_int64(st, 1);
    m->board = sl_strdup(sd_text(st, 2));
    m->day = sd_day(st, 3);
    snprintf(m->time, sizeof m->time, "%s", sd_text(st, 4));
    m->venue = sl_strdup(sd_text(st, 5));
    m->papers_published = sd_day(st, 6);
    m->minutes = sd_is_null(st, 7) ? NULL : sl_strdup(sd_text(st, 7));
    m->minutes_approved_at = sd_day(st, 8);
}

/* Reads the meetings of board_id (0: all) on day (SL_NO_DAY: any) into *out. */
static int read_meetings(sd_store *s, int64_t board_id, sl_day day, sl_meeting **out, sl_error *err)
{
    sd_stmt *st = sd_prepare(s, meetings_sql, err);
    *out = NULL;
    if (!st)
        return -1;
    if (board_id)
        sd_bind_int(st, 1, board_id);
    sd_bind_day(st, 2, day);
    int n = 0, rc;
    while ((rc = sd_step(st)) == SD_ROW) {
        *out = sl_realloc(*out, (size_t)(n + 1) * sizeof **out);
        read_meeting(st, &(*out)[n++]);
    }
    if (sd_walk_end(s, st, rc, 0, err, "reading meetings") == 0)
        return n;
    sl_meetings_free(*out, (size_t)n);
    *out = NULL;
    return -1;
}

int sd_meetings(sl_store *store, int64_t board_id, sl_meeting **out, sl_error *err)
{
    return read_meetings((sd_store *)store, board_id, SL_NO_DAY, out, err);
}

/* Loads a meeting's attendance rows. */
static int load_attendance(sd_store *s, sl_meeting *m, sl_error *err)
{
    /* In the order recorded: a replaced row counts as recorded anew. */
    static const char sqlite_sql[] =
        "SELECT member, state, substitute FROM attendance WHERE meeting_id = ?1 ORDER BY rowid";
    static const char pg_sql[] =
        "SELECT member, state, substitute FROM attendance WHERE meeting_id = ?1 ORDER BY recorded";
    sd_stmt *st = sd_prepare(s, SD_SQL(s, sqlite_sql, pg_sql), err);
    if (!st)
        return -1;
    sd_bind_int(st, 1, m->id);
    int rc;
    while ((rc = sd_step(st)) == SD_ROW) {
        m->attendance = sl_realloc(m->attendance, (m->n_attendance + 1) * sizeof *m->attendance);
        sl_attendance *a = &m->attendance[m->n_attendance++];
        a->member = sl_strdup(sd_text(st, 0));
        a->state = SL_ATTEND_PRESENT;
        sl_attend_state_parse(sd_text(st, 1), &a->state);
        a->substitute = sd_is_null(st, 2) ? NULL : sl_strdup(sd_text(st, 2));
    }
    return sd_walk_end(s, st, rc, 0, err, "reading attendance");
}

/* Loads a meeting's agenda items and decisions. */
static int load_agenda(sd_store *s, sl_meeting *m, sl_error *err)
{
    static const char sql[] =
        "SELECT title, kind, theme, late FROM agenda_items WHERE meeting_id = ?1 ORDER BY position, id";
    static const char dsql[] = "SELECT text FROM decisions WHERE meeting_id = ?1 ORDER BY id";
    sd_stmt *st = sd_prepare(s, sql, err);
    if (!st)
        return -1;
    sd_bind_int(st, 1, m->id);
    int rc;
    while ((rc = sd_step(st)) == SD_ROW) {
        m->agenda = sl_realloc(m->agenda, (m->n_agenda + 1) * sizeof *m->agenda);
        sl_agenda_item *a = &m->agenda[m->n_agenda++];
        a->title = sl_strdup(sd_text(st, 0));
        a->kind = SL_AGENDA_ITEM;
        sl_agenda_kind_parse(sd_text(st, 1), &a->kind);
        a->theme = sd_is_null(st, 2) ? NULL : sl_strdup(sd_text(st, 2));
        a->late = sd_int(st, 3);
    }
    if (sd_walk_end(s, st, rc, 0, err, "reading the agenda") < 0 || !(st = sd_prepare(s, dsql, err)))
        return -1;
    sd_bind_int(st, 1, m->id);
    while ((rc = sd_step(st)) == SD_ROW) {
        m->decisions = sl_realloc(m->decisions, (m->n_decisions + 1) * sizeof *m->decisions);
        m->decisions[m->n_decisions++] = sl_strdup(sd_text(st, 0));
    }
    return sd_walk_end(s, st, rc, 0, err, "reading decisions");
}

int sd_meeting_find(sl_store *store, int64_t board_id, sl_day day, sl_meeting *out, sl_error *err)
{
    sd_store *s = (sd_store *)store;
    sl_meeting *list;
    int n = read_meetings(s, board_id, day, &list, err);
    if (n <= 0)
        return n;
    *out = list[0];
    list[0] = sl_meeting_empty();
    sl_meetings_free(list, (size_t)n);
    if (load_attendance(s, out, err) < 0 || load_agenda(s, out, err) < 0) {
        sl_meeting_free(out);
        return -1;
    }
    return 1;
}

/* Runs a one-row UPDATE of a meeting: sql with ?1 the meeting id and ?2
 * text when not NULL, else the number value. Returns 0; 1 when no row
 * changed (err untouched); -1 with err set. */
static int update_meeting(sd_store *s, const char *sql, int64_t id, int64_t value, const char *text,
                          sl_error *err, const char *what)
{
    sd_stmt *st = sd_prepare(s, sql, err);
    if (!st)
        return -1;
    sd_bind_int(st, 1, id);
    if (text)
        sd_bind_text(st, 2, text);
    else
        sd_bind_int(st, 2, value);
    int rc = sd_insert(s, st, err, what);
    if (rc == SD_TAKEN)
        return sl_fail(err, "the board already meets on that day");
    if (rc < 0)
        return -1;
    return sd_changes(s) == 0;
}

int sd_meeting_move(sl_store *store, int64_t id, sl_day to, const char *actor, sl_error *err)
{
    static const char sql[] = "UPDATE meetings SET day = ?2 WHERE id = ?1";
    sd_store *s = (sd_store *)store;
    if (sd_scope_check(s, SD_OF_MEETING, id, err) < 0)
        return -1;
    char day[11];
    sl_day_format(to, day);
    int rc = update_meeting(s, sql, id, to, NULL, err, "moving a meeting");
    if (rc)
        return rc < 0 ? -1 : sl_fail_code(err, SL_ERR_NOT_FOUND, "no such meeting");
    return audit_meeting(s, actor, "update", id, "day", day, err);
}

int sd_meeting_publish(sl_store *store, int64_t id, sl_day on, const char *actor, sl_error *err)
{
    static const char sql[] =
        "UPDATE meetings SET papers_published = ?2 WHERE id = ?1 AND papers_published IS NULL";
    sd_store *s = (sd_store *)store;
    if (sd_scope_check(s, SD_OF_MEETING, id, err) < 0)
        return -1;
    char day[11];
    sl_day_format(on, day);
    int rc = update_meeting(s, sql, id, on, NULL, err, "publishing papers");
    if (rc)
        return rc < 0 ? -1 : sl_fail_code(err, SL_ERR_EXISTS, "the papers of that meeting are already published");
    return audit_meeting(s, actor, "update", id, "papers_published", day, err);
}

int sd_meeting_minutes(sl_store *store, int64_t id, const char *text, const char *actor, sl_error *err)
{
    static const char sql[] =
        "UPDATE meetings SET minutes = ?2 WHERE id = ?1 AND minutes_approved_at IS NULL";
    sd_store *s = (sd_store *)store;
    if (sd_scope_check(s, SD_OF_MEETING, id, err) < 0)
        return -1;
    int rc = update_meeting(s, sql, id, 0, text, err, "recording minutes");
    if (rc)
        return rc < 0 ? -1 : sl_fail_code(err, SL_ERR_EXISTS, "the minutes of that meeting are approved and cannot change");
    return audit_meeting(s, actor, "update", id, "minutes", text, err);
}

int sd_meeting_approve(sl_store *store, int64_t id, int64_t approver, const char *actor, sl_error *err)
{
    static const char sql[] =
        "UPDATE meetings SET minutes_approved_at = ?2 WHERE id = ?1 AND minutes IS NOT NULL"
        " AND minutes_approved_at IS NULL";
    sd_store *s = (sd_store *)store;
    if (sd_scope_check(s, SD_OF_MEETING, approver, err) < 0)
        return -1;
    if (sd_scope_check(s, SD_OF_MEETING, id, err) < 0)
        return -1;
    int rc = update_meeting(s, sql, id, approver, NULL, err, "approving minutes");
    if (rc)
        return rc < 0 ? -1 : sl_fail_code(err, SL_ERR_INVALID, "that meeting has no draft minutes to approve");
    return audit_meeting(s, actor, "update", id, "minutes_approved", "approved", err);
}

int sd_attendance_set(sl_store *store, int64_t id, const sl_attendance *a, const char *actor, sl_error *err)
{
    static const char sqlite_sql[] =
        "INSERT OR REPLACE INTO attendance (meeting_id, member, state, substitute) VALUES (?1, ?2, ?3, ?4)";
    static const char pg_sql[] =
        "INSERT INTO attendance (meeting_id, member, state, substitute) VALUES (?1, ?2, ?3, ?4)"
        " ON CONFLICT (meeting_id, member) DO UPDATE SET state = excluded.state,"
        " substitute = excluded.substitute, recorded = nextval('attendance_recorded_seq')";
    sd_store *s = (sd_store *)store;
    if (sd_scope_check(s, SD_OF_MEETING, id, err) < 0)
        return -1;
    sd_stmt *st = SD_STMT(s, SD_SQL(s, sqlite_sql, pg_sql), err, SD_INT(id), SD_TEXT(a->member),
                      SD_TEXT(sl_attend_state_name(a->state)), SD_TEXT(a->substitute));
    if (!st)
        return -1;
    if (sd_exec(s, st, err, "recording attendance") < 0)
        return -1;
    sl_buf after = SL_BUF_INIT;
    sl_buf_printf(&after, "%s: %s%s%s", a->member, sl_attend_state_name(a->state),
                  a->substitute ? " by " : "", a->substitute ? a->substitute : "");
    int rc = audit_meeting(s, actor, "update", id, "attendance", sl_buf_str(&after), err);
    sl_buf_free(&after);
    return rc;
}

int sd_agenda_add(sl_store *store, int64_t id, const sl_agenda_item *item, const char *actor, sl_error *err)
{
    static const char sql[] =
        "INSERT INTO agenda_items (meeting_id, position, title, kind, theme, late) VALUES (?1,"
        " (SELECT coalesce(max(position), 0) + 1 FROM agenda_items WHERE meeting_id = ?1), ?2, ?3, ?4, ?5)";
    sd_store *s = (sd_store *)store;
    if (sd_scope_check(s, SD_OF_MEETING, id, err) < 0)
        return -1;
    sd_stmt *st = SD_STMT(s, sql, err, SD_INT(id), SD_TEXT(item->title),
                      SD_TEXT(sl_agenda_kind_name(item->kind)), SD_TEXT(item->theme),
                      SD_INT(item->late));
    if (!st)
        return -1;
    if (sd_exec(s, st, err, "adding an agenda item") < 0)
        return -1;
    return audit_meeting(s, actor, "update", id, item->late ? "late paper" : "agenda", item->title, err);
}

int sd_decision_add(sl_store *store, int64_t id, const char *text, const char *actor, sl_error *err)
{
    static const char sql[] = "INSERT INTO decisions (meeting_id, text) VALUES (?1, ?2)";
    sd_store *s = (sd_store *)store;
    if (sd_scope_check(s, SD_OF_MEETING, id, err) < 0)
        return -1;
    sd_stmt *st = SD_STMT(s, sql, err, SD_INT(id), SD_TEXT(text));
    if (!st)
        return -1;
    if (sd_exec(s, st, err, "adding a decision") < 0)
        return -1;
    return audit_meeting(s, actor, "update", id, "decision", text, err);
}
