/* sql_links.c — links made after import: actions to recommendations by
 * hand, and actions carried forward from one plan into the next. */
#include <stdio.h>

#include "store/sql/sql_store.h"
#include "util/buf.h"
#include "util/clock.h"

/* Reads the plan and ref of an action (ref reset, then filled whole); returns 0 or -1. */
static int action_home(sd_store *s, int64_t action_id, int64_t *plan_id, sl_buf *ref, sl_error *err)
{
    static const char sql[] =
        "SELECT a.plan_id, a.ref FROM actions a WHERE a.id = ?1 AND " SD_ACTION_IN_SCOPE("a.id");
    sd_stmt *st = sd_prepare(s, sql, err);
    if (!st)
        return -1;
    sd_bind_int(st, 1, action_id);
    int rc = sd_step(st);
    if (rc == SD_DONE)
        return sl_fail_code(err, SL_ERR_NOT_FOUND, "no action with id %lld", (long long)action_id);
    if (rc != SD_ROW)
        return sd_fail(s, err, "finding an action");
    *plan_id = sd_int64(st, 0);
    sl_buf_reset(ref);
    sl_buf_puts(ref, sd_text(st, 1));
    sd_reset(st);
    return 0;
}

/* Rewrites an action's ';'-joined recommendation cache from its links and bumps its version. */
static int refresh_recs_list(sd_store *s, int64_t action_id, sl_error *err)
{
    static const char list[] =
        "SELECT r.number FROM action_recommendations ar"
        " JOIN recommendations r ON r.id = ar.recommendation_id"
        " WHERE ar.action_id = ?1 ORDER BY r.number";
    static const char store_list[] =
        "UPDATE actions SET recs_list = ?2, version = version + 1 WHERE id = ?1";
    sd_stmt *st = sd_prepare(s, list, err);
    if (!st)
        return -1;
    sd_bind_int(st, 1, action_id);
    sl_buf joined = SL_BUF_INIT;
    int rc;
    while ((rc = sd_step(st)) == SD_ROW) {
        if (joined.len)
            sl_buf_putc(&joined, ';');
        sl_buf_int(&joined, sd_int(st, 0));
    }
    if (sd_walk_end(s, st, rc, 0, err, "reading recommendation links") < 0) {
        sl_buf_free(&joined);
        return -1;
    }
    st = sd_prepare(s, store_list, err);
    rc = -1;
    if (st) {
        sd_bind_int(st, 1, action_id);
        sd_bind_text(st, 2, sl_buf_str(&joined));
        rc = sd_exec(s, st, err, "updating an action's links");
    }
    sl_buf_free(&joined);
    return rc;
}

int sd_link_recommendation(sl_store *store, int64_t action_id, int number, const char *actor,
                           sl_error *err)
{
    static const char add_rec[] =
        "INSERT OR IGNORE INTO recommendations (plan_id, number, text) VALUES (?1, ?2, '')";
    static const char link[] =
        "INSERT OR IGNORE INTO action_recommendations (action_id, recommendation_id)"
        " SELECT ?1, id FROM recommendations WHERE plan_id = ?2 AND number = ?3";
    sd_store *s = (sd_store *)store;
    int64_t plan_id;
    sl_buf ref = SL_BUF_INIT;
    int home = action_home(s, action_id, &plan_id, &ref, err);
    sl_buf_free(&ref);
    if (home < 0)
        return -1;
    sd_stmt *st = SD_STMT(s, add_rec, err, SD_INT(plan_id), SD_INT(number));
    if (!st)
        return -1;
    if (sd_exec(s, st, err, "adding a recommendation") < 0 || !(st = sd_prepare(s, link, err)))
        return -1;
    sd_bind_int(st, 1, action_id);
    sd_bind_int(st, 2, plan_id);
    sd_bind_int(st, 3, number);
    if (sd_exec(s, st, err, "linking a recommendation") < 0)
        return -1;
    if (sd_changes(s) == 0)
        return 0;
    char after[32];
    snprintf(after, sizeof after, "%d", number);
    if (refresh_recs_list(s, action_id, err) < 0)
        return -1;
    return sd_audit(s, actor, "link", "action", action_id, "recommendation", NULL, after, err);
}

static int link_plans(sd_store *s, int64_t from_action_id, int64_t to_action_id, const int64_t plans[2],
                      const char *const refs[2], const char *actor, sl_error *err);

int sd_carry_forward(sl_store *store, int64_t from_action_id, int64_t to_action_id,
                     const char *actor, sl_error *err)
{
    sd_store *s = (sd_store *)store;
    int64_t from_plan, to_plan;
    sl_buf from_ref = SL_BUF_INIT, to_ref = SL_BUF_INIT;
    int rc = -1;
    if (action_home(s, from_action_id, &from_plan, &from_ref, err) == 0 &&
        action_home(s, to_action_id, &to_plan, &to_ref, err) == 0)
        rc = link_plans(s, from_action_id, to_action_id, (int64_t[]){from_plan, to_plan},
                        (const char *[]){sl_buf_str(&from_ref), sl_buf_str(&to_ref)}, actor, err);
    sl_buf_free(&from_ref);
    sl_buf_free(&to_ref);
    return rc;
}

/* Links two actions of two plans (plans and refs: from, to) and audits both ends; returns 0 or -1. */
static int link_plans(sd_store *s, int64_t from_action_id, int64_t to_action_id, const int64_t plans[2],
                      const char *const refs[2], const char *actor, sl_error *err)
{
    static const char sql[] =
        "INSERT INTO action_links (from_action_id, to_action_id, kind, linked_at, actor)"
        " VALUES (?1, ?2, 'carried-forward', ?3, ?4)";
    int64_t from_plan = plans[0], to_plan = plans[1];
    const char *from_ref = refs[0], *to_ref = refs[1];
    if (from_plan == to_plan)
        return sl_fail(err, "%s and %s are in the same plan: carry forward links two plans",
                       from_ref, to_ref);
    sd_stmt *st = SD_STMT(s, sql, err, SD_INT(from_action_id), SD_INT(to_action_id), SD_NOW,
                      SD_TEXT(actor));
    if (!st)
        return -1;
    int linked = sd_insert(s, st, err, "linking actions");
    if (linked == SD_TAKEN)
        return sl_fail(err, "%s is already carried forward into %s", from_ref, to_ref);
    if (linked < 0)
        return -1;
    sl_buf text = SL_BUF_INIT;
    sl_buf_cprintf(&text, "plan %lld action %s", (long long)to_plan, to_ref);
    int rc = sd_audit(s, actor, "carry-forward", "action", from_action_id, "carried-forward-to", NULL,
                      sl_buf_str(&text), err);
    sl_buf_reset(&text);
    sl_buf_cprintf(&text, "plan %lld action %s", (long long)from_plan, from_ref);
    if (rc == 0)
        rc = sd_audit(s, actor, "carry-forward", "action", to_action_id, "carried-forward-from", NULL,
                      sl_buf_str(&text), err);
    sl_buf_free(&text);
    return rc;
}

int sd_each_link(sl_store *store, int64_t action_id, sl_link_cb cb, void *ctx, sl_error *err)
{
    static const char sql[] =
        "SELECT l.from_action_id, fa.ref, fp.title, l.to_action_id, ta.ref, tp.title,"
        " l.linked_at, l.actor FROM action_links l"
        " JOIN actions fa ON fa.id = l.from_action_id JOIN plans fp ON fp.id = fa.plan_id"
        " JOIN actions ta ON ta.id = l.to_action_id JOIN plans tp ON tp.id = ta.plan_id"
        " WHERE (l.from_action_id = ?1 OR l.to_action_id = ?1) AND " SD_IN_SCOPE("fp.authority_id")
        " AND " SD_IN_SCOPE("tp.authority_id") " ORDER BY l.linked_at";
    sd_store *s = (sd_store *)store;
    sd_stmt *st = sd_prepare(s, sql, err);
    if (!st)
        return -1;
    sd_bind_int(st, 1, action_id);
    int rc, stop = 0;
    while ((rc = sd_step(st)) == SD_ROW) {
        sl_link_row row = {
            .from_action_id = sd_int64(st, 0),
            .from_ref = sd_text(st, 1),
            .from_plan = sd_text(st, 2),
            .to_action_id = sd_int64(st, 3),
            .to_ref = sd_text(st, 4),
            .to_plan = sd_text(st, 5),
            .linked_at = sd_text(st, 6),
            .actor = sd_text(st, 7),
        };
        if ((stop = cb(ctx, &row)) != 0)
            break;
    }
    return sd_walk_end(s, st, rc, stop, err, "reading links");
}

int sd_each_recommendation(sl_store *store, int64_t plan_id, sl_recommendation_cb cb, void *ctx,
                           sl_error *err)
{
    static const char sql[] =
        "SELECT r.plan_id, p.title, r.number, r.text FROM recommendations r"
        " JOIN plans p ON p.id = r.plan_id"
        " WHERE ((?1 = 0 AND p.superseded_by IS NULL) OR r.plan_id = ?1)"
        " AND " SD_IN_SCOPE("p.authority_id") " ORDER BY r.plan_id, r.number";
    sd_store *s = (sd_store *)store;
    sd_stmt *st = sd_prepare(s, sql, err);
    if (!st)
        return -1;
    sd_bind_int(st, 1, plan_id);
    int rc, stop = 0;
    while ((rc = sd_step(st)) == SD_ROW) {
        sl_recommendation_row row = {
            .plan_id = sd_int64(st, 0),
            .plan_title = sd_text(st, 1),
            .number = sd_int(st, 2),
            .text = sd_text(st, 3),
        };
        if ((stop = cb(ctx, &row)) != 0)
            break;
    }
    return sd_walk_end(s, st, rc, stop, err, "listing recommendations");
}

int sd_set_rules(sl_store *store, int64_t plan_id, const sl_rag_rules *r, const char *actor,
                 sl_error *err)
{
    static const char sql[] =
        "UPDATE plans SET amber_days = ?2, update_cycle_days = ?3, requires_signoff = ?4 WHERE id = ?1";
    sd_store *s = (sd_store *)store;
    if (sd_scope_check(s, SD_OF_PLAN, plan_id, err) < 0)
        return -1;
    sd_stmt *st = SD_STMT(s, sql, err, SD_INT(plan_id), SD_INT(r->amber_days),
                      SD_INT(r->update_cycle_days), SD_INT(r->requires_signoff));
    if (!st)
        return -1;
    if (sd_exec(s, st, err, "setting a plan's rules") < 0)
        return -1;
    if (sd_changes(s) != 1)
        return sl_fail_code(err, SL_ERR_NOT_FOUND, "no plan %lld", (long long)plan_id);
    char after[128];
    snprintf(after, sizeof after, "amber within %d days, update every %d days, sign-off %s",
             r->amber_days, r->update_cycle_days, r->requires_signoff ? "required" : "not required");
    return sd_audit(s, actor, "settings", "plan", plan_id, "rules", NULL, after, err);
}
