/* sql_risks.c — the risk log, its linked actions and its append-only
 * review history (governance). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/sql/sql_store.h"
#include "util/clock.h"
#include "util/mem.h"

/* Writes the next free "R<n>" ref into *ref (caller frees). */
static int next_ref(sd_store *s, char **ref, sl_error *err)
{
    static const char sqlite_sql[] =
        "SELECT coalesce(max(CAST(substr(ref, 2) AS INTEGER)), 0) + 1 FROM risks WHERE ref GLOB 'R[0-9]*'";
    static const char pg_sql[] =
        "SELECT coalesce(max(CAST(substring(ref from '^R([0-9]+)') AS BIGINT)), 0) + 1 FROM risks"
        " WHERE ref ~ '^R[0-9]'";
    sd_stmt *st = sd_prepare(s, SD_SQL(s, sqlite_sql, pg_sql), err);
    if (!st)
        return -1;
    int rc = sd_step(st);
    if (rc != SD_ROW)
        return sd_walk_end(s, st, rc, 0, err, "numbering a risk") < 0 ? -1 : sl_fail(err, "numbering a risk");
    char text[32];
    snprintf(text, sizeof text, "R%lld", (long long)sd_int64(st, 0));
    sd_reset(st);
    *ref = sl_strdup(text);
    return 0;
}

/* Appends one review row to a risk's history. */
static int add_review(sd_store *s, int64_t id, int l, int i, sl_risk_trend trend, const char *note,
                      const char *actor, sl_error *err)
{
    static const char sql[] =
        "INSERT INTO risk_reviews (risk_id, recorded_at, author, likelihood, impact, trend, note)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
    sd_stmt *st = SD_STMT(s, sql, err, SD_INT(id), SD_NOW, SD_TEXT(actor), SD_INT(l),
                      SD_INT(i), SD_TEXT(sl_risk_trend_name(trend)), SD_TEXT(note ? note : ""));
    if (!st)
        return -1;
    return sd_exec(s, st, err, "recording a risk review");
}

/* Links a risk to each of its actions. */
static int link_actions(sd_store *s, int64_t id, const sl_risk *r, sl_error *err)
{
    static const char sql[] = "INSERT OR IGNORE INTO risk_actions (risk_id, action_id) VALUES (?1, ?2)";
    for (size_t k = 0; k < r->n_actions; k++) {
        if (sd_scope_check(s, SD_OF_ACTION, r->action_ids[k], err) < 0)
            return -1;
        sd_stmt *st = SD_STMT(s, sql, err, SD_INT(id), SD_INT(r->action_ids[k]));
        if (!st)
            return -1;
        if (sd_exec(s, st, err, "linking a risk to an action") < 0)
            return -1;
    }
    return 0;
}

/* Inserts the risk row under ref; sets *id. Returns 0, SD_TAKEN or -1. */
static int insert_risk(sd_store *s, const sl_risk *r, const char *ref, int64_t *id, sl_error *err)
{
    static const char sql[] =
        "INSERT INTO risks (ref, title, cause, effect, owner, likelihood, impact, target_score, trend,"
        " mitigations, review, authority_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)";
    int64_t authority_id;
    if (sd_new_authority(s, &authority_id, err) < 0)
        return -1;
    sd_stmt *st = SD_STMT(s, sql, err, SD_TEXT(ref), SD_TEXT(r->title),
                      SD_TEXT(r->cause ? r->cause : ""), SD_TEXT(r->effect ? r->effect : ""),
                      SD_TEXT(r->owner ? r->owner : ""), SD_INT(r->likelihood), SD_INT(r->impact));
    if (!st)
        return -1;
    if (r->target_score > 0)
        sd_bind_int(st, 8, r->target_score);
    sd_bind_text(st, 9, sl_risk_trend_name(r->trend));
    sd_bind_text(st, 10, r->mitigations ? r->mitigations : "");
    sd_bind_day(st, 11, r->review);
    if (authority_id)
        sd_bind_int(st, 12, authority_id);
    int rc = sd_insert(s, st, err, "adding a risk");
    if (rc == 0)
        *id = sd_last_id(s);
    return rc;
}

int sd_risk_add(sl_store *store, const sl_risk *r, const char *actor, char **ref_out, sl_error *err)
{
    sd_store *s = (sd_store *)store;
    char why[96];
    if (sl_risk_check(r->likelihood, r->impact, r->target_score, why, sizeof why) < 0)
        return sl_fail(err, "%s", why);
    char *ref = NULL;
    if (r->ref && *r->ref)
        ref = sl_strdup(r->ref);
    else if (next_ref(s, &ref, err) < 0)
        return -1;
    int64_t id = 0;
    int rc = insert_risk(s, r, ref, &id, err);
    if (rc == SD_TAKEN)
        rc = sl_fail(err, "a risk %s already exists", ref);
    if (rc == 0)
        rc = link_actions(s, id, r, err);
    if (rc == 0)
        rc = add_review(s, id, r->likelihood, r->impact, r->trend, "added", actor, err);
    if (rc == 0)
        rc = sd_audit(s, actor, "add", "risk", id, "", NULL, r->title, err);
    if (rc == 0 && ref_out)
        *ref_out = ref;
    else
        free(ref);
    return rc;
}

/* Finds a risk by ref: sets *id and its current score; 1, 0 when none, -1. */
static int find_risk(sd_store *s, const char *ref, int64_t *id, int *score, sl_error *err)
{
    static const char sql[] = "SELECT id, likelihood * impact FROM risks WHERE ref = ?1 COLLATE NOCASE AND " SD_IN_SCOPE("authority_id");
    sd_stmt *st = sd_prepare(s, sql, err);
    if (!st)
        return -1;
    sd_bind_text(st, 1, ref);
    int rc = sd_step(st);
    if (rc != SD_ROW)
        return sd_walk_end(s, st, rc, 0, err, "finding a risk");
    *id = sd_int64(st, 0);
    *score = sd_int(st, 1);
    sd_reset(st);
    return 1;
}

int sd_risk_review(sl_store *store, const char *ref, const sl_risk_review *r, const char *actor, sl_error *err)
{
    static const char sql[] =
        "UPDATE risks SET likelihood = ?2, impact = ?3, trend = ?4, review = coalesce(?5, review) WHERE id = ?1";
    sd_store *s = (sd_store *)store;
    char why[96], before[16], after[16];
    if (sl_risk_check(r->likelihood, r->impact, 0, why, sizeof why) < 0)
        return sl_fail(err, "%s", why);
    int64_t id = 0;
    int old_score = 0;
    int found = find_risk(s, ref, &id, &old_score, err);
    if (found <= 0)
        return found < 0 ? -1 : sl_fail_code(err, SL_ERR_NOT_FOUND, "no risk %s", ref);
    int score = sl_risk_score(r->likelihood, r->impact);
    sl_risk_trend trend = r->trend != SL_RISK_TREND_NEW ? r->trend : sl_risk_trend_between(old_score, score);
    sd_stmt *st = SD_STMT(s, sql, err, SD_INT(id), SD_INT(r->likelihood), SD_INT(r->impact),
                      SD_TEXT(sl_risk_trend_name(trend)), SD_DAY(r->next_review));
    if (!st)
        return -1;
    if (sd_exec(s, st, err, "reviewing a risk") < 0 ||
        add_review(s, id, r->likelihood, r->impact, trend, r->note, actor, err) < 0)
        return -1;
    snprintf(before, sizeof before, "%d", old_score);
    snprintf(after, sizeof after, "%d", score);
    return sd_audit(s, actor, "update", "risk", id, "score", before, after, err);
}

/* Fills a risk from a row of the risks SELECT. */
static void read_risk(sd_stmt *st, sl_risk *r)
{
    *r = sl_risk_empty();
    r->id = sd_int64(st, 0);
    r->ref = sl_strdup(sd_text(st, 1));
    r->title = sl_strdup(sd_text(st, 2));
    r->cause = sl_strdup(sd_text(st, 3));
    r->effect = sl_strdup(sd_text(st, 4));
    r->owner = sl_strdup(sd_text(st, 5));
    r->likelihood = sd_int(st, 6);
    r->impact = sd_int(st, 7);
    r->target_score = sd_int(st, 8);
    sl_risk_trend_parse(sd_text(st, 9), &r->trend);
    r->mitigations = sl_strdup(sd_text(st, 10));
    r->review = sd_day(st, 11);
    r->authority = sd_is_null(st, 12) ? NULL : sl_strdup(sd_text(st, 12));
}

/* Loads the linked action ids of every risk in list. */
static int load_links(sd_store *s, sl_risk *list, int n, sl_error *err)
{
    static const char sql[] = "SELECT action_id FROM risk_actions WHERE risk_id = ?1 ORDER BY action_id";
    for (int k = 0; k < n; k++) {
        sd_stmt *st = sd_prepare(s, sql, err);
        if (!st)
            return -1;
        sd_bind_int(st, 1, list[k].id);
        int rc;
        while ((rc = sd_step(st)) == SD_ROW) {
            list[k].action_ids = sl_realloc(list[k].action_ids, (list[k].n_actions + 1) * sizeof(int64_t));
            list[k].action_ids[list[k].n_actions++] = sd_int64(st, 0);
        }
        if (sd_walk_end(s, st, rc, 0, err, "reading a risk's actions") < 0)
            return -1;
    }
    return 0;
}

/* Reads the risks sql lists (bound to plan_id when it names ?1) with their
 * linked actions into *out; returns the count or -1. */
static int load_risks(sd_store *s, const char *sql, int64_t plan_id, sl_risk **out, sl_error *err)
{
    sd_stmt *st = sd_prepare(s, sql, err);
    *out = NULL;
    if (!st)
        return -1;
    if (plan_id)
        sd_bind_int(st, 1, plan_id);
    int n = 0, rc;
    while ((rc = sd_step(st)) == SD_ROW) {
        *out = sl_realloc(*out, (size_t)(n + 1) * sizeof **out);
        read_risk(st, &(*out)[n++]);
    }
    if (sd_walk_end(s, st, rc, 0, err, "reading risks") == 0 && load_links(s, *out, n, err) == 0)
        return n;
    sl_risks_free(*out, (size_t)n);
    *out = NULL;
    return -1;
}

#define RISK_COLUMNS \
    "SELECT id, ref, title, cause, effect, owner, likelihood, impact, coalesce(target_score, 0), trend," \
    " mitigations, review, (SELECT a.name FROM authorities a WHERE a.id = risks.authority_id) AS risk_authority" \
    " FROM risks"
#define RISK_ORDER " ORDER BY likelihood * impact DESC, id"

int sd_risks(sl_store *store, sl_risk **out, sl_error *err)
{
    static const char sql[] = RISK_COLUMNS " WHERE " SD_IN_SCOPE("authority_id") RISK_ORDER;
    return load_risks((sd_store *)store, sql, 0, out, err);
}

int sd_risks_of_plan(sl_store *store, int64_t plan_id, sl_risk **out, sl_error *err)
{
    static const char sql[] =
        RISK_COLUMNS " WHERE (id IN (SELECT l.risk_id FROM risk_actions l JOIN actions a ON a.id = l.action_id"
        " WHERE a.plan_id = ?1) OR id NOT IN (SELECT risk_id FROM risk_actions)) AND " SD_IN_SCOPE("authority_id")
        RISK_ORDER;
    return load_risks((sd_store *)store, sql, plan_id, out, err);
}

int sd_risk_history(sl_store *store, const char *ref, sl_risk_history **out, sl_error *err)
{
    static const char sql[] =
        "SELECT v.recorded_at, v.author, v.likelihood, v.impact, v.trend, v.note FROM risk_reviews v"
        " JOIN risks r ON r.id = v.risk_id WHERE r.ref = ?1 COLLATE NOCASE AND " SD_IN_SCOPE("r.authority_id")
        " ORDER BY v.id";
    sd_store *s = (sd_store *)store;
    sd_stmt *st = sd_prepare(s, sql, err);
    *out = NULL;
    if (!st)
        return -1;
    sd_bind_text(st, 1, ref);
    int n = 0, rc;
    while ((rc = sd_step(st)) == SD_ROW) {
        *out = sl_realloc(*out, (size_t)(n + 1) * sizeof **out);
        sl_risk_history *h = &(*out)[n++];
        h->recorded_at = sl_strdup(sd_text(st, 0));
        h->author = sl_strdup(sd_text(st, 1));
        h->likelihood = sd_int(st, 2);
        h->impact = sd_int(st, 3);
        h->trend = SL_RISK_TREND_NEW;
        sl_risk_trend_parse(sd_text(st, 4), &h->trend);
        h->note = sl_strdup(sd_text(st, 5));
    }
    if (sd_walk_end(s, st, rc, 0, err, "reading a risk's reviews") == 0)
        return n;
    sl_risk_history_free(*out, (size_t)n);
    *out = NULL;
    return -1;
}
