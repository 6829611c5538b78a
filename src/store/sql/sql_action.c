/* sql_action.c — listing actions as of a day, finding them by ref,
 * appending progress updates and reading history. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/sql/sql_store.h"
#include "util/clock.h"
#include "util/mem.h"

/* Columns of the action listing, in SELECT order. The plan's and theme's
 * fields come from small tables read once per listing (see listing_meta),
 * not from a join on every row. */
enum {
    C_ID, C_PLAN_ID, C_THEME_ID, C_REF, C_TITLE, C_START_TEXT, C_START_DAY, C_DUE_TEXT, C_DUE_DAY,
    C_DUE_VAGUE, C_DUE_PARSE, C_START_PARSE, C_SRO, C_LEADS, C_RECS, C_MEASURE, C_STATUS,
    C_STATUS_TEXT, C_RAG_MANUAL, C_PROGRESS, C_CUR_STATUS, C_CUR_STATUS_TEXT, C_CUR_RAG,
    C_CUR_RAG_REASON, C_CUR_NOTE, C_LAST_UPDATE, C_VERSION, C_SOURCE_LINE, C_CUR_RAG_UNTIL
};

#define LIST_COLUMNS \
    "SELECT a.id, a.plan_id, a.theme_id, a.ref, a.title, a.start_text, a.start_day, a.due_text," \
    " a.due_day, a.due_vague, a.due_parse, a.start_parse, a.sro, a.leads_list, a.recs_list," \
    " a.measure, a.status, a.status_text, a.rag_manual, a.progress, a.cur_status," \
    " a.cur_status_text, a.cur_rag, a.cur_rag_reason, a.cur_note, a.last_update_day, a.version," \
    " a.source_line, a.cur_rag_until FROM actions a"

/* The listing statements. Each is bound with ?1 plan id, ?3 due-before day
 * and ?4 action id (unused ones are ignored). Plans are filtered in C, not
 * in SQL, so that every listing walks the table in plan order without a sort. */
static const char all_actions_sql[] = LIST_COLUMNS " ORDER BY a.id";
/* "+" keeps SQLite on the table scan (in plan order) rather than the due index and a sort. */
static const char all_due_actions_sql[] = LIST_COLUMNS " WHERE +a.due_day < ?3 ORDER BY a.id";
static const char plan_sql[] = LIST_COLUMNS " WHERE a.plan_id = ?1 ORDER BY a.plan_id, a.position";
static const char plan_due_sql[] =
    LIST_COLUMNS " WHERE a.plan_id = ?1 AND +a.due_day < ?3 ORDER BY a.plan_id, a.position";
/* One action by id (?4); ?1 to ?3 are bound by the caller and not used. */
static const char one_action_sql[] = LIST_COLUMNS " WHERE a.id = ?4";

/* A plan's fields every row of its actions carries. */
typedef struct {
    int64_t id;
    char *title;
    char *authority;
    sl_day baseline_day;
    sl_rag_rules rules;
    int superseded;
} plan_meta;

/* A theme's ref and title. */
typedef struct {
    int64_t id;
    char *ref;
    char *title;
} theme_meta;

/* The plans and themes a listing's rows refer to, read once. */
typedef struct {
    plan_meta *plans;
    size_t n_plans;
    theme_meta *themes;     /* ordered by id */
    size_t n_themes;
} listing_meta;

/* Frees what load_meta read. */
static void free_meta(listing_meta *m)
{
    for (size_t i = 0; i < m->n_plans; i++) {
        free(m->plans[i].title);
        free(m->plans[i].authority);
    }
    for (size_t i = 0; i < m->n_themes; i++) {
        free(m->themes[i].ref);
        free(m->themes[i].title);
    }
    free(m->plans);
    free(m->themes);
    memset(m, 0, sizeof *m);
}

/* The plans and themes a listing reads: every one, or one plan's (?1). */
static const char meta_plans_sql[] =
    "SELECT p.id, p.title, au.name, p.baseline_day, p.amber_days, p.update_cycle_days,"
    " p.requires_signoff, p.superseded_by IS NOT NULL"
    " FROM plans p JOIN authorities au ON au.id = p.authority_id WHERE " SD_IN_SCOPE("p.authority_id")
    " ORDER BY p.id";
static const char meta_plan_sql[] =
    "SELECT p.id, p.title, au.name, p.baseline_day, p.amber_days, p.update_cycle_days,"
    " p.requires_signoff, p.superseded_by IS NOT NULL"
    " FROM plans p JOIN authorities au ON au.id = p.authority_id WHERE p.id = ?1 AND "
    SD_IN_SCOPE("p.authority_id");
static const char meta_themes_sql[] = "SELECT id, ref, title FROM themes ORDER BY id";
static const char meta_plan_themes_sql[] =
    "SELECT id, ref, title FROM themes WHERE plan_id = ?1 ORDER BY id";

/* Reads the plans of a listing into m. */
static int load_meta_plans(sd_store *s, int64_t plan_id, listing_meta *m, sl_error *err)
{
    sd_stmt *st = plan_id ? SD_STMT(s, meta_plan_sql, err, SD_INT(plan_id))
                          : sd_prepare(s, meta_plans_sql, err);
    if (!st)
        return -1;
    int rc;
    while ((rc = sd_step(st)) == SD_ROW) {
        m->plans = sl_realloc(m->plans, (m->n_plans + 1) * sizeof *m->plans);
        plan_meta *p = &m->plans[m->n_plans++];
        p->id = sd_int64(st, 0);
        p->title = sl_strdup(sd_text(st, 1));
        p->authority = sl_strdup(sd_text(st, 2));
        p->baseline_day = sd_day(st, 3);
        p->rules.amber_days = sd_int(st, 4);
        p->rules.update_cycle_days = sd_int(st, 5);
        p->rules.requires_signoff = sd_int(st, 6);
        p->superseded = sd_int(st, 7);
    }
    return sd_walk_end(s, st, rc, 0, err, "reading plans");
}

/* Reads the themes of a listing into m, ordered by id. */
static int load_meta_themes(sd_store *s, int64_t plan_id, listing_meta *m, sl_error *err)
{
    sd_stmt *st = plan_id ? SD_STMT(s, meta_plan_themes_sql, err, SD_INT(plan_id))
                          : sd_prepare(s, meta_themes_sql, err);
    if (!st)
        return -1;
    size_t cap = 0;
    int rc;
    while ((rc = sd_step(st)) == SD_ROW) {
        if (m->n_themes == cap) {
            cap = cap ? cap * 2 : 64;
            m->themes = sl_realloc(m->themes, cap * sizeof *m->themes);
        }
        theme_meta *t = &m->themes[m->n_themes++];
        t->id = sd_int64(st, 0);
        t->ref = sl_strdup(sd_text(st, 1));
        t->title = sl_strdup(sd_text(st, 2));
    }
    return sd_walk_end(s, st, rc, 0, err, "reading themes");
}

/* Returns the plan of an action (0 when there is none), or -1. */
static int64_t plan_of_action(sd_store *s, int64_t action_id, sl_error *err)
{
    static const char sql[] = "SELECT plan_id FROM actions WHERE id = ?1";
    sd_stmt *st = SD_STMT(s, sql, err, SD_INT(action_id));
    if (!st)
        return -1;
    int rc = sd_step(st);
    int64_t plan_id = rc == SD_ROW ? sd_int64(st, 0) : 0;
    if (rc != SD_ROW && rc != SD_DONE)
        return sd_fail(s, err, "finding an action's plan");
    sd_reset(st);
    return plan_id;
}

/* Reads the plans and themes a listing refers to: one plan's when the
 * query names a plan or an action (a national database holds thousands of
 * themes), else every one. */
static int load_meta(sd_store *s, const sl_action_query *q, listing_meta *m, sl_error *err)
{
    memset(m, 0, sizeof *m);
    int64_t plan_id = q->action_id ? plan_of_action(s, q->action_id, err) : q->plan_id;
    if (plan_id < 0)
        return -1;
    if ((q->action_id || q->plan_id) && plan_id == 0)
        return 0;
    if (load_meta_plans(s, plan_id, m, err) < 0 || load_meta_themes(s, plan_id, m, err) < 0) {
        free_meta(m);
        return -1;
    }
    return 0;
}

/* Returns the plan with this id (plans are few; the last one found is tried first). */
static const plan_meta *find_plan(const listing_meta *m, int64_t id, size_t *hint)
{
    if (*hint < m->n_plans && m->plans[*hint].id == id)
        return &m->plans[*hint];
    for (size_t i = 0; i < m->n_plans; i++)
        if (m->plans[i].id == id)
            return &m->plans[*hint = i];
    return NULL;
}

/* Returns the theme with this id, or NULL (binary search over themes ordered by id). */
static const theme_meta *find_theme(const listing_meta *m, int64_t id)
{
    size_t lo = 0, hi = m->n_themes;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (m->themes[mid].id < id)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < m->n_themes && m->themes[lo].id == id ? &m->themes[lo] : NULL;
}

/* The latest update of an action on or before a day. */
static const char as_of_sql[] =
    "SELECT status, status_text, rag, rag_reason, note, day, rag_until FROM progress_updates"
    " WHERE action_id = ?1 AND day <= ?2 ORDER BY day DESC, id DESC LIMIT 1";

/* Parses a stored canonical status; an unknown value reads as not-started. */
static sl_status stored_status(const char *name)
{
    sl_status st;
    return sl_status_from_name(name, &st) == 0 ? st : SL_STATUS_NOT_STARTED;
}

/* Parses a stored RAG name; "" reads as none. */
static sl_rag stored_rag(const char *name)
{
    sl_rag rag;
    return sl_rag_parse(name, &rag) == 0 ? rag : SL_RAG_NONE;
}

/* Fills the status fields of a row as of the query day: the plan's own
 * status, the latest update, or (for a past day) the update then in force. */
static int resolve_as_of(sd_store *s, sd_stmt *row, sl_day as_of, sl_action_row *r,
                         sd_stmt **probe, sl_error *err)
{
    sl_day last = sd_day(row, C_LAST_UPDATE);
    r->status = stored_status(sd_text(row, C_STATUS));
    r->status_text = sd_text(row, C_STATUS_TEXT);
    r->manual_rag = stored_rag(sd_text(row, C_RAG_MANUAL));
    r->rag_reason = !r->manual_rag ? ""
                    : *sd_text(row, C_CUR_RAG_REASON) ? sd_text(row, C_CUR_RAG_REASON)
                                                      : "as written in the plan";
    r->manual_until = SL_NO_DAY;
    r->note = sd_text(row, C_PROGRESS);
    r->last_update = SL_NO_DAY;
    if (last == SL_NO_DAY)
        return 0;
    if (last <= as_of) {
        r->status = stored_status(sd_text(row, C_CUR_STATUS));
        r->status_text = sd_text(row, C_CUR_STATUS_TEXT);
        r->manual_rag = stored_rag(sd_text(row, C_CUR_RAG));
        r->rag_reason = sd_text(row, C_CUR_RAG_REASON);
        r->manual_until = sd_day(row, C_CUR_RAG_UNTIL);
        r->note = sd_text(row, C_CUR_NOTE);
        r->last_update = last;
        return 0;
    }
    /* A day before the latest update: find the update then in force. */
    if (!(*probe = sd_prepare(s, as_of_sql, err)))
        return -1;
    sd_bind_int(*probe, 1, r->id);
    sd_bind_int(*probe, 2, as_of);
    int rc = sd_step(*probe);
    if (rc == SD_ROW) {
        r->status = stored_status(sd_text(*probe, 0));
        r->status_text = sd_text(*probe, 1);
        r->manual_rag = stored_rag(sd_text(*probe, 2));
        r->rag_reason = sd_text(*probe, 3);
        r->manual_until = sd_day(*probe, 6);
        if (*sd_text(*probe, 4))
            r->note = sd_text(*probe, 4);
        r->last_update = sd_day(*probe, 5);
    } else if (rc != SD_DONE) {
        return sd_fail(s, err, "reading an action's history");
    }
    return 0;
}

/* Fills the fixed fields of a row from the listing statement and the
 * plan and theme it belongs to. */
static void read_row(sd_stmt *st, const plan_meta *plan, const theme_meta *theme,
                     sl_action_row *r)
{
    memset(r, 0, sizeof *r);
    r->id = sd_int64(st, C_ID);
    r->plan_id = sd_int64(st, C_PLAN_ID);
    r->plan_title = plan ? plan->title : "";
    r->authority = plan ? plan->authority : "";
    r->ref = sd_text(st, C_REF);
    r->title = sd_text(st, C_TITLE);
    r->theme_ref = theme ? theme->ref : "";
    r->theme = theme ? theme->title : "";
    r->start_text = sd_text(st, C_START_TEXT);
    r->start = sd_day(st, C_START_DAY);
    r->due_text = sd_text(st, C_DUE_TEXT);
    r->due = sd_day(st, C_DUE_DAY);
    r->due_vague = sd_int(st, C_DUE_VAGUE);
    r->due_parse = sd_int(st, C_DUE_PARSE);
    r->start_parse = sd_int(st, C_START_PARSE);
    r->sro = sd_text(st, C_SRO);
    r->leads = sd_text(st, C_LEADS);
    r->recommendations = sd_text(st, C_RECS);
    r->measure = sd_text(st, C_MEASURE);
    r->baseline_day = plan ? plan->baseline_day : SL_NO_DAY;
    r->rules = plan ? plan->rules : sl_rag_rules_default();
    r->version = sd_int(st, C_VERSION);
    r->source_line = (long)sd_int64(st, C_SOURCE_LINE);
}

int sd_each_action(sl_store *store, const sl_action_query *q, sl_action_cb cb, void *ctx,
                   sl_error *err)
{
    sd_store *s = (sd_store *)store;
    int due = q->due_before != SL_NO_DAY;
    const char *sql = q->action_id ? one_action_sql
                      : q->plan_id ? (due ? plan_due_sql : plan_sql)
                                   : (due ? all_due_actions_sql : all_actions_sql);
    sd_stmt *st = SD_STMT(s, sql, err, SD_INT(q->plan_id), SD_INT(q->include_superseded),
                      SD_DAY(q->due_before), SD_INT(q->action_id));
    if (!st)
        return -1;
    listing_meta meta;
    if (load_meta(s, q, &meta, err) < 0)
        return -1;
    /* load_meta reused other statements; this one is still bound and ready. */
    int rc, result = 0;
    size_t plan_hint = 0;
    while ((rc = sd_step(st)) == SD_ROW) {
        sl_action_row r;
        sd_stmt *probe = NULL;
        const theme_meta *theme = sd_is_null(st, C_THEME_ID)
                                      ? NULL
                                      : find_theme(&meta, sd_int64(st, C_THEME_ID));
        const plan_meta *plan = find_plan(&meta, sd_int64(st, C_PLAN_ID), &plan_hint);
        if (!plan) /* a plan outside the store's scope (load_meta read only those in it) */
            continue;
        if (!q->plan_id && !q->action_id && !q->include_superseded && plan->superseded)
            continue;
        read_row(st, plan, theme, &r);
        if (resolve_as_of(s, st, q->as_of, &r, &probe, err) < 0)
            result = -1;
        else
            result = cb(ctx, &r);
        if (probe)
            sd_reset(probe);
        if (result)
            break;
    }
    result = sd_walk_end(s, st, rc, result, err, "listing actions");
    free_meta(&meta);
    return result;
}

int sd_find_actions(sl_store *store, int64_t plan_id, const char *ref, int64_t *ids, int max,
                    sl_error *err)
{
    static const char sql[] =
        "SELECT a.id FROM actions a JOIN plans p ON p.id = a.plan_id"
        " WHERE a.ref = ?1 AND (?2 = 0 OR a.plan_id = ?2) AND (?2 <> 0 OR p.superseded_by IS NULL)"
        " AND " SD_IN_SCOPE("p.authority_id") " ORDER BY a.id";
    sd_store *s = (sd_store *)store;
    sd_stmt *st = SD_STMT(s, sql, err, SD_TEXT(ref), SD_INT(plan_id));
    if (!st)
        return -1;
    int n = 0, rc;
    while ((rc = sd_step(st)) == SD_ROW) {
        if (n < max)
            ids[n] = sd_int64(st, 0);
        n++;
    }
    if (sd_walk_end(s, st, rc, 0, err, "finding an action") < 0)
        return -1;
    return n;
}

/* The action's state before an update, for the audit log. */
typedef struct {
    int version;
    sl_day last_update;
    char status[32];
    char rag[16];
} action_state;

/* Reads an action's version and current state. */
static int read_state(sd_store *s, int64_t action_id, action_state *out, sl_error *err)
{
    static const char sql[] =
        "SELECT version, last_update_day, cur_status, cur_rag FROM actions WHERE id = ?1";
    sd_stmt *st = sd_prepare(s, sql, err);
    if (!st)
        return -1;
    sd_bind_int(st, 1, action_id);
    int rc = sd_step(st);
    if (rc == SD_DONE)
        return sl_fail_code(err, SL_ERR_NOT_FOUND, "no action with id %lld", (long long)action_id);
    if (rc != SD_ROW)
        return sd_fail(s, err, "reading an action");
    out->version = sd_int(st, 0);
    out->last_update = sd_day(st, 1);
    snprintf(out->status, sizeof out->status, "%s", sd_text(st, 2));
    snprintf(out->rag, sizeof out->rag, "%s", sd_text(st, 3));
    sd_reset(st);
    return 0;
}

/* Appends the update row itself. */
static int insert_update(sd_store *s, const sl_update *u, const char *actor, int version,
                         sl_error *err)
{
    static const char sql[] =
        "INSERT INTO progress_updates (action_id, day, recorded_at, actor, status, status_text,"
        " rag, rag_reason, note, evidence, action_version, rag_until)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)";
    sd_stmt *st = SD_STMT(s, sql, err, SD_INT(u->action_id), SD_INT(u->day), SD_NOW,
                      SD_TEXT(actor), SD_TEXT(sl_status_name(u->status)),
                      SD_TEXT(u->status_text ? u->status_text : sl_status_name(u->status)),
                      SD_TEXT(sl_rag_name(u->rag)), SD_TEXT(u->rag_reason ? u->rag_reason : ""),
                      SD_TEXT(u->note ? u->note : ""), SD_TEXT(u->evidence ? u->evidence : ""),
                      SD_INT(version), SD_DAY(u->rag ? u->rag_until : SL_NO_DAY));
    if (!st)
        return -1;
    return sd_exec(s, st, err, "adding a progress update");
}

/* Moves the action's current state to the update (when it is the latest by
 * day) and bumps its version, guarded by the version read before. */
static int advance_action(sd_store *s, const sl_update *u, const action_state *before,
                          sl_error *err)
{
    static const char sql[] =
        "UPDATE actions SET version = version + 1,"
        " cur_status = CASE WHEN ?3 <> 0 THEN ?4 ELSE cur_status END,"
        " cur_status_text = CASE WHEN ?3 <> 0 THEN ?5 ELSE cur_status_text END,"
        " cur_rag = CASE WHEN ?3 <> 0 THEN ?6 ELSE cur_rag END,"
        " cur_rag_reason = CASE WHEN ?3 <> 0 THEN ?7 ELSE cur_rag_reason END,"
        " cur_note = CASE WHEN ?3 <> 0 AND ?8 <> '' THEN ?8 ELSE cur_note END,"
        " last_update_day = CASE WHEN ?3 <> 0 THEN ?9 ELSE last_update_day END,"
        " cur_rag_until = CASE WHEN ?3 <> 0 THEN ?10 ELSE cur_rag_until END"
        " WHERE id = ?1 AND version = ?2";
    int latest = before->last_update == SL_NO_DAY || u->day >= before->last_update;
    sd_stmt *st = SD_STMT(s, sql, err, SD_INT(u->action_id), SD_INT(before->version),
                      SD_INT(latest), SD_TEXT(sl_status_name(u->status)),
                      SD_TEXT(u->status_text ? u->status_text : sl_status_name(u->status)),
                      SD_TEXT(sl_rag_name(u->rag)), SD_TEXT(u->rag_reason ? u->rag_reason : ""),
                      SD_TEXT(u->note ? u->note : ""), SD_INT(u->day),
                      SD_DAY(u->rag ? u->rag_until : SL_NO_DAY));
    if (!st)
        return -1;
    if (sd_exec(s, st, err, "moving an action on") < 0)
        return -1;
    if (sd_changes(s) != 1)
        return sl_fail_code(err, SL_ERR_STALE, "the action changed meanwhile (version %d is no longer current)",
                            before->version);
    return 0;
}

/* The status and manual RAG in force on a day; strings owned (free_in_force). */
typedef struct {
    sl_status status;
    char *status_text;
    sl_rag rag;
    char *rag_reason;
    sl_day rag_until;
} in_force;

/* Frees what read_in_force copied. */
static void free_in_force(in_force *f)
{
    free(f->status_text);
    free(f->rag_reason);
}

/* Reads the state in force on day: the latest update on or before it, else
 * the status the plan was imported with (a RAG written in the plan stands
 * only until the first update). Returns 0 or -1. */
static int read_in_force(sd_store *s, int64_t action_id, sl_day day, in_force *out, sl_error *err)
{
    static const char update_sql[] =
        "SELECT status, status_text, rag, rag_reason, rag_until FROM progress_updates"
        " WHERE action_id = ?1 AND day <= ?2 ORDER BY day DESC, id DESC LIMIT 1";
    static const char imported_sql[] = "SELECT status, status_text FROM actions WHERE id = ?1";
    memset(out, 0, sizeof *out);
    sd_stmt *st = SD_STMT(s, update_sql, err, SD_INT(action_id), SD_INT(day));
    int found = st ? sd_one_row(s, st, err, "reading the state in force") : -1;
    if (found == 0 && (st = SD_STMT(s, imported_sql, err, SD_INT(action_id))))
        found = sd_one_row(s, st, err, "reading an action's status");
    if (found < 0)
        return -1;
    if (found == 0)
        return sl_fail_code(err, SL_ERR_NOT_FOUND, "no action with id %lld", (long long)action_id);
    out->status = stored_status(sd_text(st, 0));
    out->status_text = sl_strdup(sd_text(st, 1));
    int from_update = s->drv->col_count(st) > 2;
    out->rag = from_update ? stored_rag(sd_text(st, 2)) : SL_RAG_NONE;
    out->rag_reason = sl_strdup(from_update ? sd_text(st, 3) : "");
    out->rag_until = from_update ? sd_day(st, 4) : SL_NO_DAY;
    sd_reset(st);
    return 0;
}

/* Fills what the update keeps from the state in force on its day: the status
 * when keep_status, the manual RAG (unless lapsed by then) when keep_rag and
 * none is given. The resolved update r borrows strings from u and f. */
static void resolve_kept(const sl_update *u, const in_force *f, sl_update *r)
{
    *r = *u;
    if (u->keep_status) {
        r->status = f->status;
        r->status_text = f->status_text;
    }
    if (u->rag == SL_RAG_NONE && u->keep_rag) {
        r->rag = sl_rag_manual_on(f->rag, f->rag_until, u->day);
        r->rag_reason = r->rag ? f->rag_reason : "";
        r->rag_until = f->rag_until;
    } else if (u->rag != SL_RAG_NONE && u->rag_until == 0) {
        r->rag_until = SL_NO_DAY;
    }
}

/* Audits what an update changed: status and RAG when they moved, note and evidence when given. */
static int audit_update(sd_store *s, const sl_update *u, const action_state *before, const char *actor,
                        sl_error *err)
{
    const char *status = sl_status_name(u->status), *rag = sl_rag_name(u->rag);
    if (strcmp(before->status, status) != 0 &&
        sd_audit(s, actor, "update", "action", u->action_id, "status", before->status, status, err) < 0)
        return -1;
    if (strcmp(before->rag, rag) != 0 &&
        sd_audit(s, actor, "update", "action", u->action_id, "rag", before->rag[0] ? before->rag : NULL,
                 *rag ? rag : NULL, err) < 0)
        return -1;
    if (u->note && *u->note &&
        sd_audit(s, actor, "update", "action", u->action_id, "note", NULL, u->note, err) < 0)
        return -1;
    if (u->evidence && *u->evidence &&
        sd_audit(s, actor, "update", "action", u->action_id, "evidence", NULL, u->evidence, err) < 0)
        return -1;
    return 0;
}

int sd_add_update(sl_store *store, const sl_update *u, const char *actor, sl_error *err)
{
    sd_store *s = (sd_store *)store;
    action_state before;
    if (sd_scope_check(s, SD_OF_ACTION, u->action_id, err) < 0 || read_state(s, u->action_id, &before, err) < 0)
        return -1;
    if (u->expected_version && u->expected_version != before.version)
        return sl_fail_code(err, SL_ERR_STALE,
                            "stale update: made against version %d, the action is now at version %d",
                            u->expected_version, before.version);
    in_force f;
    if (read_in_force(s, u->action_id, u->day, &f, err) < 0)
        return -1;
    sl_update r;
    resolve_kept(u, &f, &r);
    int rc = insert_update(s, &r, actor, before.version, err) < 0 || advance_action(s, &r, &before, err) < 0 ||
                     audit_update(s, &r, &before, actor, err) < 0
                 ? -1
                 : 0;
    free_in_force(&f);
    return rc;
}

/* Walks rows of progress updates (id, day, recorded_at, actor, status,
 * status_text, rag, rag_reason, note, evidence, action_version, rag_until) of an
 * action, calling cb for each until it returns non-zero; finalises st. */
static int walk_updates(sd_store *s, sd_stmt *st, int64_t action_id, sl_update_cb cb,
                        void *ctx, sl_error *err)
{
    int rc, stop = 0;
    while ((rc = sd_step(st)) == SD_ROW) {
        sl_update u = {
            .id = sd_int64(st, 0),
            .action_id = action_id,
            .day = sd_day(st, 1),
            .recorded_at = sd_text(st, 2),
            .actor = sd_text(st, 3),
            .status = stored_status(sd_text(st, 4)),
            .status_text = sd_text(st, 5),
            .rag = stored_rag(sd_text(st, 6)),
            .rag_reason = sd_text(st, 7),
            .note = sd_text(st, 8),
            .evidence = sd_text(st, 9),
            .action_version = sd_int(st, 10),
            .rag_until = sd_day(st, 11),
        };
        if ((stop = cb(ctx, &u)) != 0)
            break;
    }
    return sd_walk_end(s, st, rc, stop, err, "reading progress updates");
}

int sd_each_update(sl_store *store, int64_t action_id, int latest, sl_update_cb cb, void *ctx,
                   sl_error *err)
{
    static const char all_sql[] =
        "SELECT id, day, recorded_at, actor, status, status_text, rag, rag_reason, note, evidence,"
        " action_version, rag_until FROM progress_updates WHERE action_id = ?1 AND "
        SD_ACTION_IN_SCOPE("action_id") " ORDER BY day, id";
    static const char latest_sql[] =
        "SELECT * FROM (SELECT id, day, recorded_at, actor, status, status_text, rag, rag_reason,"
        " note, evidence, action_version, rag_until FROM progress_updates WHERE action_id = ?1"
        " AND " SD_ACTION_IN_SCOPE("action_id") " ORDER BY day DESC, id DESC LIMIT ?2) AS latest ORDER BY day, id";
    sd_store *s = (sd_store *)store;
    sd_stmt *st = sd_prepare(s, latest > 0 ? latest_sql : all_sql, err);
    if (!st)
        return -1;
    sd_bind_int(st, 1, action_id);
    if (latest > 0)
        sd_bind_int(st, 2, latest);
    return walk_updates(s, st, action_id, cb, ctx, err);
}

int sd_latest_update(sl_store *store, int64_t action_id, sl_day as_of, sl_update_cb cb, void *ctx,
                     sl_error *err)
{
    static const char sql[] =
        "SELECT id, day, recorded_at, actor, status, status_text, rag, rag_reason, note, evidence,"
        " action_version, rag_until FROM progress_updates WHERE action_id = ?1 AND day <= ?2 AND day <> ?3"
        " AND " SD_ACTION_IN_SCOPE("action_id")
        " ORDER BY day DESC, id DESC LIMIT 1";
    sd_store *s = (sd_store *)store;
    sd_stmt *st = SD_STMT(s, sql, err, SD_INT(action_id), SD_INT(as_of), SD_INT(SL_NO_DAY));
    if (!st)
        return -1;
    return walk_updates(s, st, action_id, cb, ctx, err);
}

/* Walks an audit query's rows (columns id, at, actor, operation, entity,
 * entity_id, field, before, after), calling cb for each. */
static int walk_audit(sd_store *s, sd_stmt *st, sl_audit_cb cb, void *ctx, sl_error *err)
{
    int rc, stop = 0;
    while ((rc = sd_step(st)) == SD_ROW) {
        sl_audit_entry e = {
            .id = sd_int64(st, 0),
            .at = sd_text(st, 1),
            .actor = sd_text(st, 2),
            .operation = sd_text(st, 3),
            .entity = sd_text(st, 4),
            .entity_id = sd_int64(st, 5),
            .field = sd_text(st, 6),
            .before = sd_is_null(st, 7) ? NULL : sd_text(st, 7),
            .after = sd_is_null(st, 8) ? NULL : sd_text(st, 8),
        };
        if ((stop = cb(ctx, &e)) != 0)
            break;
    }
    return sd_walk_end(s, st, rc, stop, err, "reading the audit log");
}

int sd_each_audit(sl_store *store, const char *entity, int64_t entity_id, int latest, sl_audit_cb cb,
                  void *ctx, sl_error *err)
{
    /* One entity's or every entry; all of them, or only the latest ?3. */
    static const char one_latest_sql[] =
        "SELECT * FROM (SELECT id, at, actor, operation, entity, entity_id, field, before, after"
        " FROM audit_log WHERE entity = ?1 AND entity_id = ?2 AND " SD_AUDIT_IN_SCOPE
        " ORDER BY id DESC LIMIT ?3) AS latest ORDER BY id";
    static const char every_latest_sql[] =
        "SELECT * FROM (SELECT id, at, actor, operation, entity, entity_id, field, before, after"
        " FROM audit_log WHERE " SD_AUDIT_IN_SCOPE " ORDER BY id DESC LIMIT ?3) AS latest ORDER BY id";
    static const char one_all_sql[] =
        "SELECT id, at, actor, operation, entity, entity_id, field, before, after FROM audit_log"
        " WHERE entity = ?1 AND entity_id = ?2 AND " SD_AUDIT_IN_SCOPE " ORDER BY id";
    static const char every_sql[] =
        "SELECT id, at, actor, operation, entity, entity_id, field, before, after FROM audit_log"
        " WHERE " SD_AUDIT_IN_SCOPE " ORDER BY id";
    sd_store *s = (sd_store *)store;
    const char *chosen = entity ? (latest > 0 ? one_latest_sql : one_all_sql)
                                : (latest > 0 ? every_latest_sql : every_sql);
    sd_stmt *st = sd_prepare(s, chosen, err);
    if (!st)
        return -1;
    if (entity) {
        sd_bind_text(st, 1, entity);
        sd_bind_int(st, 2, entity_id);
    }
    if (latest > 0)
        sd_bind_int(st, 3, latest);
    return walk_audit(s, st, cb, ctx, err);
}

int sd_each_recent_audit(sl_store *store, const char *actor, int64_t offset, int limit, sl_audit_cb cb, void *ctx,
                         sl_error *err)
{
    static const char sql[] =
        "SELECT id, at, actor, operation, entity, entity_id, field, before, after FROM audit_log"
        " WHERE actor = coalesce(?2, actor) AND " SD_AUDIT_IN_SCOPE " ORDER BY id DESC LIMIT ?1 OFFSET ?3";
    sd_store *s = (sd_store *)store;
    sd_stmt *st = sd_prepare(s, sql, err);
    if (!st)
        return -1;
    sd_bind_int(st, 1, limit);
    if (actor)
        sd_bind_text(st, 2, actor);
    else
        sd_bind_null(st, 2);
    sd_bind_int(st, 3, offset);
    return walk_audit(s, st, cb, ctx, err);
}

int sd_audit_count(sl_store *store, const char *actor, int64_t *n, sl_error *err)
{
    static const char sql[] =
        "SELECT count(*) FROM audit_log WHERE actor = coalesce(?1, actor) AND " SD_AUDIT_IN_SCOPE;
    sd_store *s = (sd_store *)store;
    sd_stmt *st = sd_prepare(s, sql, err);
    if (!st)
        return -1;
    if (actor)
        sd_bind_text(st, 1, actor);
    else
        sd_bind_null(st, 1);
    int rc = sd_step(st);
    *n = rc == SD_ROW ? sd_int64(st, 0) : 0;
    sd_reset(st);
    if (rc != SD_ROW)
        return sd_fail(s, err, "counting audit entries");
    return 0;
}

int sd_each_person(sl_store *store, sl_person_cb cb, void *ctx, sl_error *err)
{
    static const char sql[] =
        "SELECT au.name, pe.label, pe.name,"
        " count(DISTINCT CASE WHEN ap.role = 'sro' THEN ap.action_id END),"
        " count(DISTINCT CASE WHEN ap.role = 'lead' THEN ap.action_id END)"
        " FROM people pe JOIN authorities au ON au.id = pe.authority_id"
        " JOIN action_people ap ON ap.person_id = pe.id"
        " JOIN actions a ON a.id = ap.action_id JOIN plans p ON p.id = a.plan_id"
        " WHERE p.superseded_by IS NULL AND " SD_IN_SCOPE("pe.authority_id")
        " GROUP BY pe.id, au.name, pe.label, pe.name ORDER BY au.name, pe.label";
    sd_store *s = (sd_store *)store;
    sd_stmt *st = sd_prepare(s, sql, err);
    if (!st)
        return -1;
    int rc, stop = 0;
    while ((rc = sd_step(st)) == SD_ROW) {
        sl_person_row row = {sd_text(st, 0), sd_text(st, 1), sd_text(st, 2),
                             sd_int(st, 3), sd_int(st, 4)};
        if ((stop = cb(ctx, &row)) != 0)
            break;
    }
    return sd_walk_end(s, st, rc, stop, err, "listing people");
}

int sd_generation(sl_store *store, int64_t *generation, sl_error *err)
{
    static const char sql[] =
        "SELECT id, at, actor, operation, entity, entity_id, field, after FROM audit_log ORDER BY id DESC LIMIT 1";
    sd_store *s = (sd_store *)store;
    sd_stmt *st = sd_prepare(s, sql, err);
    if (!st)
        return -1;
    int rc = sd_step(st);
    uint64_t h = 1469598103934665603ULL;     /* FNV-1a over the entry's columns */
    for (int c = 0; rc == SD_ROW && c < 8; c++) {
        const unsigned char *text = (const unsigned char *)sd_text(st, c);
        for (; text && *text; text++)
            h = (h ^ *text) * 1099511628211ULL;
        h = (h ^ 0x1f) * 1099511628211ULL;
    }
    *generation = (int64_t)(h >> 1);
    sd_reset(st);
    return rc == SD_ROW || rc == SD_DONE ? 0 : sd_fail(s, err, "reading the generation");
}
