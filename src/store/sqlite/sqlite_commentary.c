/* sqlite_commentary.c — written commentary on report sections (a highlight
 * report's four questions, per theme). Append-only: an edition shows the
 * latest commentary written for a day on or before its own. */
#include <stdlib.h>

#include "store/sqlite/sqlite_store.h"
#include "util/buf.h"
#include "util/clock.h"
#include "util/mem.h"

/* Reads the commentary in force for c's key on c's day into *text (caller
 * frees; NULL when there is none). Returns 0 or -1. */
static int current_text(sq_store *s, const sl_commentary *c, char **text, sl_error *err)
{
    static const char sql[] =
        "SELECT text FROM report_commentary WHERE report = ?1 AND plan_id = ?2"
        " AND theme_ref = ?3 AND section = ?4 AND day <= ?5 ORDER BY day DESC, id DESC LIMIT 1";
    *text = NULL;
    sqlite3_stmt *st = SQ_STMT(s, sql, err, SQ_TEXT(c->report), SQ_INT(c->plan_id),
                      SQ_TEXT(c->theme_ref), SQ_TEXT(c->section), SQ_DAY(c->day));
    if (!st)
        return -1;
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW && *sq_text(st, 0))
        *text = sl_strdup(sq_text(st, 0));
    return sq_walk_end(s, st, rc == SQLITE_ROW ? SQLITE_DONE : rc, 0, err, "reading commentary");
}

int sq_commentary_add(sl_store *store, const sl_commentary *c, const char *actor, sl_error *err)
{
    static const char sql[] =
        "INSERT INTO report_commentary (report, plan_id, theme_ref, section, day, text,"
        " recorded_at, actor) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
    sq_store *s = (sq_store *)store;
    char *before;
    if (current_text(s, c, &before, err) < 0)
        return -1;
    char now[32];
    sl_now_timestamp(now);
    sqlite3_stmt *st = sq_prepare(s, sql, err);
    int rc = -1;
    if (st) {
        sq_bind_text(st, 1, c->report);
        sqlite3_bind_int64(st, 2, c->plan_id);
        sq_bind_text(st, 3, c->theme_ref);
        sq_bind_text(st, 4, c->section);
        sq_bind_day(st, 5, c->day);
        sq_bind_text(st, 6, c->text);
        sq_bind_text(st, 7, now);
        sq_bind_text(st, 8, actor);
        rc = sq_exec(s, st, err, "adding commentary");
    }
    if (rc == 0) {
        sl_buf field = SL_BUF_INIT;
        sl_buf_printf(&field, "%s %s %s", c->report, c->theme_ref, c->section);
        rc = sq_audit(s, actor, "comment", "plan", c->plan_id, sl_buf_str(&field), before,
                      c->text, err);
        sl_buf_free(&field);
    }
    free(before);
    return rc;
}

int sq_each_commentary(sl_store *store, const char *report, int64_t plan_id, sl_day as_of,
                       sl_commentary_cb cb, void *ctx, sl_error *err)
{
    static const char sql[] =
        "SELECT c.theme_ref, c.section, c.day, c.text, c.recorded_at, c.actor"
        " FROM report_commentary c WHERE c.report = ?1 AND c.plan_id = ?2 AND c.day <= ?3"
        " AND c.text <> '' AND c.id = (SELECT c2.id FROM report_commentary c2"
        "   WHERE c2.report = c.report AND c2.plan_id = c.plan_id AND c2.theme_ref = c.theme_ref"
        "   AND c2.section = c.section AND c2.day <= ?3 ORDER BY c2.day DESC, c2.id DESC LIMIT 1)"
        " ORDER BY c.theme_ref, c.section";
    sq_store *s = (sq_store *)store;
    sqlite3_stmt *st = SQ_STMT(s, sql, err, SQ_TEXT(report), SQ_INT(plan_id), SQ_DAY(as_of));
    if (!st)
        return -1;
    int rc, stop = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        sl_commentary c = {
            .report = report,
            .plan_id = plan_id,
            .theme_ref = sq_text(st, 0),
            .section = sq_text(st, 1),
            .day = sq_day(st, 2),
            .text = sq_text(st, 3),
            .recorded_at = sq_text(st, 4),
            .actor = sq_text(st, 5),
        };
        if ((stop = cb(ctx, &c)) != 0)
            break;
    }
    return sq_walk_end(s, st, rc, stop, err, "reading commentary");
}
