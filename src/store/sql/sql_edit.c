/* sql_edit.c — editing an action's fields (guarded by its version, each
 * change audited with its value before and after) and adding an action to a
 * stored plan. Nothing is deleted: an action leaves a plan by withdrawal. */
#include <string.h>

#include "store/sql/sql_store.h"
#include "util/buf.h"

/* Writes the action row's editable columns, guarded by the version; a row
 * that moved on meanwhile is SL_ERR_STALE. */
static int write_row(sd_store *s, int64_t action_id, int64_t theme_id, const sl_action *a, int version,
                     sl_buf *leads, sl_buf *recs, sl_error *err)
{
    static const char sql[] =
        "UPDATE actions SET version = version + 1, theme_id = ?3, title = ?4, description = ?5,"
        " start_text = ?6, start_day = ?7, start_parse = ?8, due_text = ?9, due_earliest = ?10,"
        " due_day = ?11, due_precision = ?12, due_parse = ?13, due_vague = ?14, sro = ?15,"
        " leads_list = ?16, recs_list = ?17, resources = ?18, resources_pence = ?19, measure = ?20,"
        " impact = ?21, delivered_through = ?22 WHERE id = ?1 AND version = ?2";
    sl_buf_reset(leads);
    sl_buf_reset(recs);
    for (size_t i = 0; i < a->n_leads; i++)
        sl_buf_cprintf(leads, "%s%s", i ? ";" : "", a->leads[i]);
    for (size_t i = 0; i < a->n_recommendations; i++)
        sl_buf_cprintf(recs, i ? ";%d" : "%d", a->recommendations[i]);
    int start_ok = a->start.parse == SL_DATE_OK, due_ok = a->due.parse == SL_DATE_OK;
    sd_stmt *st = SD_STMT(
        s, sql, err, SD_INT(action_id), SD_INT(version), theme_id ? SD_INT(theme_id) : SD_TEXT(NULL),
        SD_TEXT(a->title), SD_TEXT(a->description ? a->description : ""), SD_TEXT(a->start.text ? a->start.text : ""),
        SD_DAY(start_ok ? a->start.value.earliest : SL_NO_DAY), SD_INT(a->start.parse),
        SD_TEXT(a->due.text ? a->due.text : ""), SD_DAY(due_ok ? a->due.value.earliest : SL_NO_DAY),
        SD_DAY(due_ok ? a->due.value.latest : SL_NO_DAY), SD_INT(a->due.value.precision), SD_INT(a->due.parse),
        SD_INT(a->due.value.vague), SD_TEXT(a->sro ? a->sro : ""), SD_TEXT(sl_buf_str(leads)),
        SD_TEXT(sl_buf_str(recs)), SD_TEXT(a->resources ? a->resources : ""),
        a->resources_pence >= 0 ? SD_INT(a->resources_pence) : SD_TEXT(NULL), SD_TEXT(a->measure ? a->measure : ""),
        SD_TEXT(a->impact ? a->impact : ""), SD_TEXT(a->delivered_through ? a->delivered_through : ""));
    if (!st || sd_exec(s, st, err, "editing an action") < 0)
        return -1;
    if (sd_changes(s) != 1)
        return sl_fail_code(err, SL_ERR_STALE, "the action changed meanwhile: the edit was made on version %d",
                            version);
    return 0;
}

/* Reads the plan an action belongs to; returns 1, 0 when there is no such action, or -1. */
static int action_plan(sd_store *s, int64_t action_id, int64_t *plan_id, int *version, sl_error *err)
{
    static const char sql[] =
        "SELECT a.plan_id, a.version FROM actions a WHERE a.id = ?1 AND " SD_ACTION_IN_SCOPE("a.id");
    sd_stmt *st = SD_STMT(s, sql, err, SD_INT(action_id));
    int found = st ? sd_one_row(s, st, err, "finding an action") : -1;
    if (found == 1) {
        *plan_id = sd_int64(st, 0);
        *version = sd_int(st, 1);
        sd_reset(st);
    }
    return found;
}

int sd_action_edit(sl_store *store, int64_t action_id, const sl_plan *plan, int expected_version,
                   const sl_field_changes *changes, const char *actor, sl_error *err)
{
    sd_store *s = (sd_store *)store;
    int64_t plan_id = 0, theme_id = 0;
    int version = 0;
    int found = action_plan(s, action_id, &plan_id, &version, err);
    if (found <= 0)
        return found < 0 ? -1 : sl_fail_code(err, SL_ERR_NOT_FOUND, "no action with id %lld", (long long)action_id);
    if (version != expected_version)
        return sl_fail_code(err, SL_ERR_STALE, "stale edit: made on version %d, the action is now at version %d",
                            expected_version, version);
    if (plan->n_actions != 1)
        return sl_fail(err, "an edit saves one action");
    sl_buf leads = SL_BUF_INIT, recs = SL_BUF_INIT;
    int rc = sd_relink_action(s, plan_id, plan, action_id, &plan->actions[0], &theme_id, err);
    if (rc == 0)
        rc = write_row(s, action_id, theme_id, &plan->actions[0], expected_version, &leads, &recs, err);
    for (size_t i = 0; rc == 0 && i < changes->n; i++)
        rc = sd_audit(s, actor, "edit", "action", action_id, sl_action_field_name(changes->items[i].field),
                      changes->items[i].before, changes->items[i].after, err);
    sl_buf_free(&leads);
    sl_buf_free(&recs);
    return rc;
}

int sd_action_add(sl_store *store, int64_t plan_id, const sl_plan *plan, const sl_action *action,
                  const char *actor, int64_t *id, sl_error *err)
{
    static const char taken_sql[] = "SELECT count(*) FROM actions WHERE plan_id = ?1 AND ref = ?2";
    static const char last_sql[] = "SELECT coalesce(max(position), 0) FROM actions WHERE plan_id = ?1";
    sd_store *s = (sd_store *)store;
    if (sd_scope_check(s, SD_OF_PLAN, plan_id, err) < 0)
        return -1;
    sd_stmt *st = SD_STMT(s, taken_sql, err, SD_INT(plan_id), SD_TEXT(action->ref));
    if (!st || sd_one_row(s, st, err, "checking a ref") < 0)
        return -1;
    int taken = sd_int(st, 0);
    sd_reset(st);
    if (taken)
        return sl_fail_code(err, SL_ERR_EXISTS, "the plan already has an action %s", action->ref);
    if (!(st = SD_STMT(s, last_sql, err, SD_INT(plan_id))) || sd_one_row(s, st, err, "finding the last action") < 0)
        return -1;
    int position = sd_int(st, 0) + 1;
    sd_reset(st);
    if (sd_insert_action(s, plan_id, plan, action, position, id, err) < 0)
        return -1;
    sl_buf summary = SL_BUF_INIT;
    sl_buf_cprintf(&summary, "%s %s", action->ref, action->title);
    int rc = sd_audit(s, actor, "add", "action", *id, "", NULL, sl_buf_str(&summary), err);
    sl_buf_free(&summary);
    return rc;
}
