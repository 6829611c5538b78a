/* sql_commentary.c — written commentary on report sections (a highlight
 * report's four questions, per theme). Append-only: an edition shows the
 * latest commentary written for a day on or before its own. */
#include <stdlib.h>

#include "store/sql/sql_store.h"
#include "util/buf.h"
#include "util/clock.h"
#include "util/mem.h"

/* Reads the commentary in force for c's key on c's day into *text (caller
 * frees; NULL when there is none). Returns 0 or -1. */
static int current_text(sd_store *s, const sl_commentary *c, char **text, sl_error *err)
{
    static const char sql[] =
        "SELECT text FROM report_commentary WHERE report = ?1 AND plan_id = ?2"
        " AND theme_ref = ?3 AND section = ?4 AND day <= ?5 ORDER BY day DESC, id DESC LIMIT 1";
    *text = NULL;
    sd_stmt *st = SD_STMT(s, sql, err, SD_TEXT(c->report), SD_INT(c->plan_id),
                      SD_TEXT(c->theme_ref), SD_TEXT(c->section), SD_DAY(c->day));
    if (!st)
        return -1;
    int rc = sd_step(st);
    if (rc == SD_ROW && *sd_text(st, 0))
        *text = sl_strdup(sd_text(st, 0));
    return sd_walk_end(s, st, rc == SD_ROW ? SD_DONE : rc, 0, err, "reading commentary");
}

int sd_commentary_add(sl_store *store, const sl_commentary *c, const char *actor, sl_error *err)
{
    static const char sql[] =
        "INSERT INTO report_commentary (report, plan_id, theme_ref, section, day, text,"
        " recorded_at, actor) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
    sd_store *s = (sd_store *)store;
    char *before;
    if (sd_scope_check(s, SD_OF_PLAN, c->plan_id, err) < 0 || current_text(s, c, &before, err) < 0)
        return -1;
    char now[32];
    sl_now_timestamp(now);
    sd_stmt *st = sd_prepare(s, sql, err);
    int rc = -1;
    if (st) {
        sd_bind_text(st, 1, c->report);
        sd_bind_int(st, 2, c->plan_id);
        sd_bind_text(st, 3, c->theme_ref);
        sd_bind_text(st, 4, c->section);
        sd_bind_day(st, 5, c->day);
        sd_bind_text(st, 6, c->text);
        sd_bind_text(st, 7, now);
        sd_bind_text(st, 8, actor);
        rc = sd_exec(s, st, err, "adding commentary");
    }
    if (rc == 0) {
        sl_buf field = SL_BUF_INIT;
        sl_buf_printf(&field, "%s %s %s", c->report, c->theme_ref, c->section);
        rc = sd_audit(s, actor, "comment", "plan", c->plan_id, sl_buf_str(&field), before,
                      c->text, err);
        sl_buf_free(&field);
    }
    free(before);
    return rc;
}

int sd_each_commentary(sl_store *store, const char *report, int64_t plan_id, sl_day as_of,
                       sl_commentary_cb cb, void *ctx, sl_error *err)
{
    static const char sql[] =
        "SELECT c.theme_ref, c.section, c.day, c.text, c.recorded_at, c.actor"
        " FROM report_commentary c WHERE c.report = ?1 AND c.plan_id = ?2 AND c.day <= ?3"
        " AND c.text <> '' AND c.id = (SELECT c2.id FROM report_commentary c2"
        "   WHERE c2.report = c.report AND c2.plan_id = c.plan_id AND c2.theme_ref = c.theme_ref"
        "   AND c2.section = c.section AND c2.day <= ?3 ORDER BY c2.day DESC, c2.id DESC LIMIT 1)"
        " AND " SD_PLAN_IN_SCOPE("c.plan_id") " ORDER BY c.theme_ref, c.section";
    sd_store *s = (sd_store *)store;
    sd_stmt *st = SD_STMT(s, sql, err, SD_TEXT(report), SD_INT(plan_id), SD_DAY(as_of));
    if (!st)
        return -1;
    int rc, stop = 0;
    while ((rc = sd_step(st)) == SD_ROW) {
        sl_commentary c = {
            .report = report,
            .plan_id = plan_id,
            .theme_ref = sd_text(st, 0),
            .section = sd_text(st, 1),
            .day = sd_day(st, 2),
            .text = sd_text(st, 3),
            .recorded_at = sd_text(st, 4),
            .actor = sd_text(st, 5),
        };
        if ((stop = cb(ctx, &c)) != 0)
            break;
    }
    return sd_walk_end(s, st, rc, stop, err, "reading commentary");
}
