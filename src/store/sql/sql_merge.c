/* sql_merge.c — a new version of a plan keeps what was recorded on the
 * version before it: updates (sign-offs, manual RAGs, evidence), comments,
 * links, current state, the plan's settings and report commentary. Actions
 * the new version lacks are copied into it and withdrawn, never dropped.
 * History rows are copied, never moved: the old version keeps its own. */
#include <stdlib.h>
#include <string.h>

#include "domain/plan_merge.h"
#include "store/sql/sql_store.h"
#include "util/buf.h"
#include "util/mem.h"

/* One version's actions: ids and the keys they are matched by. */
typedef struct {
    int64_t *ids;
    sl_action_key *keys;
    size_t n;
} version_actions;

/* Frees what read_actions read. */
static void free_actions(version_actions *v)
{
    for (size_t i = 0; i < v->n; i++) {
        free((char *)v->keys[i].ref);
        free((char *)v->keys[i].title);
    }
    free(v->ids);
    free(v->keys);
    memset(v, 0, sizeof *v);
}

/* Reads the ids, refs and titles of a plan version's actions in plan order. */
static int read_actions(sd_store *s, int64_t plan_id, version_actions *v, sl_error *err)
{
    static const char sql[] = "SELECT id, ref, title FROM actions WHERE plan_id = ?1 ORDER BY position, id";
    memset(v, 0, sizeof *v);
    sd_stmt *st = SD_STMT(s, sql, err, SD_INT(plan_id));
    if (!st)
        return -1;
    int rc;
    while ((rc = sd_step(st)) == SD_ROW) {
        v->ids = sl_realloc(v->ids, (v->n + 1) * sizeof *v->ids);
        v->keys = sl_realloc(v->keys, (v->n + 1) * sizeof *v->keys);
        v->ids[v->n] = sd_int64(st, 0);
        v->keys[v->n].ref = sl_strdup(sd_text(st, 1));
        v->keys[v->n++].title = sl_strdup(sd_text(st, 2));
    }
    return sd_walk_end(s, st, rc, 0, err, "reading a version's actions");
}

/* Runs a statement bound with ?1 from and ?2 to; adds the rows it changed to *changed (may be NULL). */
static int copy_rows(sd_store *s, const char *sql, int64_t from, int64_t to, int *changed, sl_error *err)
{
    sd_stmt *st = SD_STMT(s, sql, err, SD_INT(from), SD_INT(to));
    if (!st || sd_exec(s, st, err, "carrying a plan's record forward") < 0)
        return -1;
    if (changed)
        *changed += sd_changes(s);
    return 0;
}

/* What one action carries: its history, comments and links (?1 old action, ?2 new). */
static const char *const carried_sql[] = {
    "INSERT INTO progress_updates (action_id, day, recorded_at, actor, status, status_text, rag, rag_reason,"
    " note, evidence, action_version, rag_until) SELECT ?2, day, recorded_at, actor, status, status_text, rag,"
    " rag_reason, note, evidence, action_version, rag_until FROM progress_updates WHERE action_id = ?1 ORDER BY id",
    /* Evidence files go with their updates: the k-th update copied above is the k-th of the old action. */
    "INSERT INTO evidence_files (update_id, action_id, file_name, content_type, size, sha256, content, actor,"
    " recorded_at) SELECT nu.id, nu.action_id, e.file_name, e.content_type, e.size, e.sha256, e.content, e.actor,"
    " e.recorded_at FROM evidence_files e JOIN progress_updates ou ON ou.id = e.update_id"
    " JOIN progress_updates nu ON nu.action_id = ?2"
    " AND (SELECT COUNT(*) FROM progress_updates x WHERE x.action_id = ?1 AND x.id < ou.id)"
    " = (SELECT COUNT(*) FROM progress_updates y WHERE y.action_id = ?2 AND y.id < nu.id)"
    " WHERE e.action_id = ?1 ORDER BY e.id",
    "INSERT INTO comments (action_id, at, actor, text) SELECT ?2, at, actor, text FROM comments"
    " WHERE action_id = ?1 ORDER BY id",
    "INSERT OR IGNORE INTO action_links (from_action_id, to_action_id, kind, linked_at, actor)"
    " SELECT ?2, to_action_id, kind, linked_at, actor FROM action_links WHERE from_action_id = ?1",
    "INSERT OR IGNORE INTO action_links (from_action_id, to_action_id, kind, linked_at, actor)"
    " SELECT from_action_id, ?2, kind, linked_at, actor FROM action_links WHERE to_action_id = ?1",
    "INSERT OR IGNORE INTO risk_actions (risk_id, action_id) SELECT risk_id, ?2 FROM risk_actions"
    " WHERE action_id = ?1",
    "UPDATE measures SET action_id = ?2 WHERE action_id = ?1",
    "UPDATE actions SET (cur_status, cur_status_text, cur_rag, cur_rag_reason, cur_note, last_update_day,"
    " cur_rag_until) = (SELECT cur_status, cur_status_text, cur_rag, cur_rag_reason, cur_note, last_update_day,"
    " cur_rag_until FROM actions WHERE id = ?1) WHERE id = ?2",
};

/* Appends an update of the new version's own making to action id, dated
 * today, and makes it the action's current state. */
static int add_own_update(sd_store *s, int64_t id, const char *status, const char *status_text, const char *note,
                          const char *actor, sl_error *err)
{
    static const char insert_sql[] =
        "INSERT INTO progress_updates (action_id, day, recorded_at, actor, status, status_text, note, action_version)"
        " SELECT id, ?2, ?3, ?4, ?5, ?6, ?7, version FROM actions WHERE id = ?1";
    static const char state_sql[] =
        "UPDATE actions SET cur_status = ?2, cur_status_text = ?3, cur_rag = '', cur_rag_reason = '',"
        " cur_rag_until = NULL, cur_note = CASE WHEN ?4 <> '' THEN ?4 ELSE cur_note END, last_update_day = ?5"
        " WHERE id = ?1";
    sl_day today = sl_today();
    sd_stmt *st = SD_STMT(s, insert_sql, err, SD_INT(id), SD_INT(today), SD_NOW, SD_TEXT(actor),
                               SD_TEXT(status), SD_TEXT(status_text), SD_TEXT(note));
    if (!st || sd_exec(s, st, err, "recording the new version's status") < 0)
        return -1;
    st = SD_STMT(s, state_sql, err, SD_INT(id), SD_TEXT(status), SD_TEXT(status_text), SD_TEXT(note), SD_INT(today));
    return st ? sd_exec(s, st, err, "recording the new version's status") : -1;
}

/* After the record is carried: when the new document itself changed the
 * action's status or progress, that becomes an update of today (its status
 * only where domain/status.c allows the move from the carried one). */
static int document_moves(sd_store *s, int64_t old_id, int64_t new_id, const char *actor, int *moved, sl_error *err)
{
    static const char sql[] =
        "SELECT o.status <> n.status OR o.progress <> n.progress, n.cur_status, n.status, n.status_text, n.progress,"
        " n.cur_status_text FROM actions o, actions n WHERE o.id = ?1 AND n.id = ?2";
    sd_stmt *st = SD_STMT(s, sql, err, SD_INT(old_id), SD_INT(new_id));
    int found = st ? sd_one_row(s, st, err, "comparing versions of an action") : -1;
    if (found <= 0)
        return found;
    int changed = sd_int(st, 0);
    sl_status carried = SL_STATUS_NOT_STARTED, written = SL_STATUS_NOT_STARTED;
    sl_status_from_name(sd_text(st, 1), &carried);
    sl_status_from_name(sd_text(st, 2), &written);
    int allowed = sl_status_move_to(carried, written) != SL_MOVE_NONE;
    char *status = sl_strdup(sl_status_name(allowed ? written : carried));
    char *text = sl_strdup(sd_text(st, allowed ? 3 : 5)), *note = sl_strdup(sd_text(st, 4));
    sd_reset(st);
    int rc = changed ? add_own_update(s, new_id, status, text, note, actor, err) : 0;
    *moved += changed && rc == 0;
    free(status);
    free(text);
    free(note);
    return rc;
}

/* Carries one action's record from old_id to new_id. */
static int carry_action(sd_store *s, int64_t old_id, int64_t new_id, const char *actor, sl_merge_counts *c,
                        sl_error *err)
{
    int updates = 0;
    for (size_t i = 0; i < sizeof carried_sql / sizeof *carried_sql; i++)
        if (copy_rows(s, carried_sql[i], old_id, new_id, i == 0 ? &updates : i == 2 ? &c->comments : NULL, err) < 0)
            return -1;
    c->updates += updates;
    c->actions++;
    return updates ? document_moves(s, old_id, new_id, actor, &c->moved, err) : 0;
}

/* Copies removed action old_id into plan new_plan (its theme matched by
 * ref and title, its people, milestones and recommendations kept); sets *copy. */
static int copy_removed(sd_store *s, int64_t old_id, int64_t new_plan, int64_t *copy, sl_error *err)
{
    static const char action_sql[] =
        "INSERT INTO actions (plan_id, theme_id, position, ref, title, description, start_text, start_day, start_parse,"
        " due_text, due_earliest, due_day, due_precision, due_parse, due_vague, sro, leads_list, recs_list, resources,"
        " resources_pence, measure, impact, delivered_through, status, status_text, rag_manual, progress, source_line,"
        " cur_status, cur_status_text, cur_rag, cur_note)"
        " SELECT ?2, (SELECT tn.id FROM themes tn JOIN themes t0 ON t0.id = a.theme_id WHERE tn.plan_id = ?2"
        "  AND tn.ref = t0.ref AND tn.title = t0.title ORDER BY tn.position LIMIT 1),"
        " (SELECT coalesce(max(position), 0) + 1 FROM actions WHERE plan_id = ?2), ref, title, description,"
        " start_text, start_day, start_parse, due_text, due_earliest, due_day, due_precision, due_parse, due_vague,"
        " sro, leads_list, recs_list, resources, resources_pence, measure, impact, delivered_through, status,"
        " status_text, rag_manual, progress, source_line, status, status_text, rag_manual, progress"
        " FROM actions a WHERE a.id = ?1";
    static const char *const parts_sql[] = {
        "INSERT INTO action_people (action_id, role, position, person_id) SELECT ?2, role, position, person_id"
        " FROM action_people WHERE action_id = ?1",
        "INSERT INTO action_milestones (action_id, position, earliest, latest, precision, label)"
        " SELECT ?2, position, earliest, latest, precision, label FROM action_milestones WHERE action_id = ?1",
        "INSERT OR IGNORE INTO action_recommendations (action_id, recommendation_id) SELECT ?2, rn.id"
        " FROM action_recommendations ar JOIN recommendations r0 ON r0.id = ar.recommendation_id"
        " JOIN recommendations rn ON rn.number = r0.number"
        " AND rn.plan_id = (SELECT plan_id FROM actions WHERE id = ?2) WHERE ar.action_id = ?1",
    };
    if (copy_rows(s, action_sql, old_id, new_plan, NULL, err) < 0)
        return -1;
    *copy = sd_last_id(s);
    for (size_t i = 0; i < sizeof parts_sql / sizeof *parts_sql; i++)
        if (copy_rows(s, parts_sql[i], old_id, *copy, NULL, err) < 0)
            return -1;
    return 0;
}

/* Keeps a removed action in the new version, with its record, withdrawn
 * (an update saying so, unless an earlier version already withdrew it). */
static int keep_withdrawn(sd_store *s, int64_t old_id, int64_t new_plan, int version, const char *actor,
                          sl_merge_counts *c, sl_error *err)
{
    int64_t copy = 0;
    int actions = c->actions, moved = c->moved;
    if (copy_removed(s, old_id, new_plan, &copy, err) < 0 || carry_action(s, old_id, copy, actor, c, err) < 0)
        return -1;
    c->actions = actions;
    c->moved = moved;
    c->withdrawn++;
    static const char closed_sql[] = "SELECT cur_status IN ('withdrawn', 'carried-forward') FROM actions WHERE id = ?1";
    sd_stmt *st = SD_STMT(s, closed_sql, err, SD_INT(copy));
    int found = st ? sd_one_row(s, st, err, "reading a removed action's status") : -1;
    int closed = found == 1 && sd_int(st, 0);
    if (found == 1)
        sd_reset(st);
    if (found < 0 || closed)
        return found < 0 ? -1 : 0; /* withdrawn already (by an earlier version): not again */
    sl_buf note = SL_BUF_INIT;
    sl_buf_cprintf(&note, "Withdrawn: not in version %d of the plan; kept with its record", version);
    int rc = add_own_update(s, copy, "withdrawn", "withdrawn", sl_buf_str(&note), actor, err);
    sl_buf_free(&note);
    return rc;
}

/* Keeps the plan's settings, report commentary and savings delivery (?1 old plan, ?2 new). */
static int carry_plan(sd_store *s, int64_t old_id, int64_t new_id, sl_merge_counts *c, sl_error *err)
{
    static const char settings_sql[] =
        "UPDATE plans SET (amber_days, update_cycle_days, requires_signoff) = (SELECT amber_days,"
        " update_cycle_days, requires_signoff FROM plans WHERE id = ?1) WHERE id = ?2";
    static const char commentary_sql[] =
        "INSERT INTO report_commentary (report, plan_id, theme_ref, section, day, text, recorded_at, actor)"
        " SELECT report, ?2, theme_ref, section, day, text, recorded_at, actor FROM report_commentary"
        " WHERE plan_id = ?1 ORDER BY id";
    static const char savings_sql[] =
        "INSERT OR IGNORE INTO theme_savings_delivery (theme_id, fy_start_year, forecast, delivered)"
        " SELECT tn.id, d.fy_start_year, d.forecast, d.delivered FROM theme_savings_delivery d"
        " JOIN themes t0 ON t0.id = d.theme_id JOIN themes tn ON tn.plan_id = ?2 AND tn.ref = t0.ref"
        " AND tn.title = t0.title WHERE t0.plan_id = ?1";
    if (copy_rows(s, settings_sql, old_id, new_id, &c->settings, err) < 0 ||
        copy_rows(s, commentary_sql, old_id, new_id, &c->commentary, err) < 0)
        return -1;
    return copy_rows(s, savings_sql, old_id, new_id, NULL, err);
}

/* Returns a plan's version number, or -1. */
static int plan_version(sd_store *s, int64_t plan_id, sl_error *err)
{
    static const char sql[] = "SELECT version FROM plans WHERE id = ?1";
    sd_stmt *st = SD_STMT(s, sql, err, SD_INT(plan_id));
    int found = st ? sd_one_row(s, st, err, "reading a plan's version") : -1;
    if (found <= 0)
        return found < 0 ? -1 : sl_fail_code(err, SL_ERR_NOT_FOUND, "no plan %lld", (long long)plan_id);
    int version = sd_int(st, 0);
    sd_reset(st);
    return version;
}

int sd_merge_version(sl_store *store, int64_t old_id, int64_t new_id, const char *actor, sl_merge_counts *counts,
                     sl_error *err)
{
    sd_store *s = (sd_store *)store;
    memset(counts, 0, sizeof *counts);
    version_actions old_v, new_v;
    int version = plan_version(s, new_id, err);
    if (version < 0 || read_actions(s, old_id, &old_v, err) < 0)
        return -1;
    if (read_actions(s, new_id, &new_v, err) < 0) {
        free_actions(&old_v);
        return -1;
    }
    int *old_for_new = sl_calloc((new_v.n + 1) * sizeof *old_for_new);
    char *continued = sl_calloc(old_v.n + 1);
    sl_match_actions(old_v.keys, old_v.n, new_v.keys, new_v.n, old_for_new);
    int rc = 0;
    for (size_t i = 0; rc == 0 && i < new_v.n; i++)
        if (old_for_new[i] >= 0) {
            continued[old_for_new[i]] = 1;
            rc = carry_action(s, old_v.ids[old_for_new[i]], new_v.ids[i], actor, counts, err);
        }
    for (size_t j = 0; rc == 0 && j < old_v.n; j++)
        if (!continued[j])
            rc = keep_withdrawn(s, old_v.ids[j], new_id, version, actor, counts, err);
    if (rc == 0)
        rc = carry_plan(s, old_id, new_id, counts, err);
    if (rc == 0) {
        sl_buf summary = SL_BUF_INIT;
        sl_buf_cprintf(&summary, "from plan %lld: %d actions kept their record (%d updates, %d comments), %d withdrawn",
                       (long long)old_id, counts->actions, counts->updates, counts->comments, counts->withdrawn);
        rc = sd_audit(s, actor, "merge", "plan", new_id, "", NULL, sl_buf_str(&summary), err);
        sl_buf_free(&summary);
    }
    free(old_for_new);
    free(continued);
    free_actions(&old_v);
    free_actions(&new_v);
    return rc;
}
