/* sqlite_action.c — listing actions as of a day, finding them by ref,
 * appending progress updates and reading history. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/sqlite/sqlite_store.h"
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

/* Reads every plan and theme (a few hundred rows at most) for a listing. */
static int load_meta(sq_store *s, listing_meta *m, sl_error *err)
{
    static const char plans_sql[] =
        "SELECT p.id, p.title, au.name, p.baseline_day, p.amber_days, p.update_cycle_days,"
        " p.requires_signoff, p.superseded_by IS NOT NULL"
        " FROM plans p JOIN authorities au ON au.id = p.authority_id ORDER BY p.id";
    static const char themes_sql[] = "SELECT id, ref, title FROM themes ORDER BY id";
    memset(m, 0, sizeof *m);
    sqlite3_stmt *st = sq_prepare(s, plans_sql, err);
    if (!st)
        return -1;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        m->plans = sl_realloc(m->plans, (m->n_plans + 1) * sizeof *m->plans);
        plan_meta *p = &m->plans[m->n_plans++];
        p->id = sqlite3_column_int64(st, 0);
        p->title = sl_strdup(sq_text(st, 1));
        p->authority = sl_strdup(sq_text(st, 2));
        p->baseline_day = sq_day(st, 3);
        p->rules.amber_days = sqlite3_column_int(st, 4);
        p->rules.update_cycle_days = sqlite3_column_int(st, 5);
        p->rules.requires_signoff = sqlite3_column_int(st, 6);
        p->superseded = sqlite3_column_int(st, 7);
    }
    if (sq_walk_end(s, st, rc, 0, err, "reading plans") < 0 ||
        !(st = sq_prepare(s, themes_sql, err))) {
        free_meta(m);
        return -1;
    }
    size_t cap = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (m->n_themes == cap) {
            cap = cap ? cap * 2 : 64;
            m->themes = sl_realloc(m->themes, cap * sizeof *m->themes);
        }
        theme_meta *t = &m->themes[m->n_themes++];
        t->id = sqlite3_column_int64(st, 0);
        t->ref = sl_strdup(sq_text(st, 1));
        t->title = sl_strdup(sq_text(st, 2));
    }
    if (sq_walk_end(s, st, rc, 0, err, "reading themes") < 0) {
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
static int resolve_as_of(sq_store *s, sqlite3_stmt *row, sl_day as_of, sl_action_row *r,
                         sqlite3_stmt **probe, sl_error *err)
{
    sl_day last = sq_day(row, C_LAST_UPDATE);
    r->status = stored_status(sq_text(row, C_STATUS));
    r->status_text = sq_text(row, C_STATUS_TEXT);
    r->manual_rag = stored_rag(sq_text(row, C_RAG_MANUAL));
    r->rag_reason = !r->manual_rag ? ""
                    : *sq_text(row, C_CUR_RAG_REASON) ? sq_text(row, C_CUR_RAG_REASON)
                                                      : "as written in the plan";
    r->manual_until = SL_NO_DAY;
    r->note = sq_text(row, C_PROGRESS);
    r->last_update = SL_NO_DAY;
    if (last == SL_NO_DAY)
        return 0;
    if (last <= as_of) {
        r->status = stored_status(sq_text(row, C_CUR_STATUS));
        r->status_text = sq_text(row, C_CUR_STATUS_TEXT);
        r->manual_rag = stored_rag(sq_text(row, C_CUR_RAG));
        r->rag_reason = sq_text(row, C_CUR_RAG_REASON);
        r->manual_until = sq_day(row, C_CUR_RAG_UNTIL);
        r->note = sq_text(row, C_CUR_NOTE);
        r->last_update = last;
        return 0;
    }
    /* A day before the latest update: find the update then in force. */
    if (!(*probe = sq_prepare(s, as_of_sql, err)))
        return -1;
    sqlite3_bind_int64(*probe, 1, r->id);
    sqlite3_bind_int64(*probe, 2, as_of);
    int rc = sqlite3_step(*probe);
    if (rc == SQLITE_ROW) {
        r->status = stored_status(sq_text(*probe, 0));
        r->status_text = sq_text(*probe, 1);
        r->manual_rag = stored_rag(sq_text(*probe, 2));
        r->rag_reason = sq_text(*probe, 3);
        r->manual_until = sq_day(*probe, 6);
        if (*sq_text(*probe, 4))
            r->note = sq_text(*probe, 4);
        r->last_update = sq_day(*probe, 5);
    } else if (rc != SQLITE_DONE) {
        return sq_fail(s, err, "reading an action's history");
    }
    return 0;
}

/* Fills the fixed fields of a row from the listing statement and the
 * plan and theme it belongs to. */
static void read_row(sqlite3_stmt *st, const plan_meta *plan, const theme_meta *theme,
                     sl_action_row *r)
{
    memset(r, 0, sizeof *r);
    r->id = sqlite3_column_int64(st, C_ID);
    r->plan_id = sqlite3_column_int64(st, C_PLAN_ID);
    r->plan_title = plan ? plan->title : "";
    r->authority = plan ? plan->authority : "";
    r->ref = sq_text(st, C_REF);
    r->title = sq_text(st, C_TITLE);
    r->theme_ref = theme ? theme->ref : "";
    r->theme = theme ? theme->title : "";
    r->start_text = sq_text(st, C_START_TEXT);
    r->start = sq_day(st, C_START_DAY);
    r->due_text = sq_text(st, C_DUE_TEXT);
    r->due = sq_day(st, C_DUE_DAY);
    r->due_vague = sqlite3_column_int(st, C_DUE_VAGUE);
    r->due_parse = sqlite3_column_int(st, C_DUE_PARSE);
    r->start_parse = sqlite3_column_int(st, C_START_PARSE);
    r->sro = sq_text(st, C_SRO);
    r->leads = sq_text(st, C_LEADS);
    r->recommendations = sq_text(st, C_RECS);
    r->measure = sq_text(st, C_MEASURE);
    r->baseline_day = plan ? plan->baseline_day : SL_NO_DAY;
    r->rules = plan ? plan->rules : sl_rag_rules_default();
    r->version = sqlite3_column_int(st, C_VERSION);
    r->source_line = (long)sqlite3_column_int64(st, C_SOURCE_LINE);
}

int sq_each_action(sl_store *store, const sl_action_query *q, sl_action_cb cb, void *ctx,
                   sl_error *err)
{
    sq_store *s = (sq_store *)store;
    int due = q->due_before != SL_NO_DAY;
    const char *sql = q->action_id ? one_action_sql
                      : q->plan_id ? (due ? plan_due_sql : plan_sql)
                                   : (due ? all_due_actions_sql : all_actions_sql);
    sqlite3_stmt *st = SQ_STMT(s, sql, err, SQ_INT(q->plan_id), SQ_INT(q->include_superseded),
                      SQ_DAY(q->due_before), SQ_INT(q->action_id));
    if (!st)
        return -1;
    listing_meta meta;
    if (load_meta(s, &meta, err) < 0)
        return -1;
    /* load_meta reused other statements; this one is still bound and ready. */
    int rc, result = 0;
    size_t plan_hint = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        sl_action_row r;
        sqlite3_stmt *probe = NULL;
        const theme_meta *theme = sqlite3_column_type(st, C_THEME_ID) == SQLITE_NULL
                                      ? NULL
                                      : find_theme(&meta, sqlite3_column_int64(st, C_THEME_ID));
        const plan_meta *plan = find_plan(&meta, sqlite3_column_int64(st, C_PLAN_ID), &plan_hint);
        if (!q->plan_id && !q->action_id && !q->include_superseded && plan && plan->superseded)
            continue;
        read_row(st, plan, theme, &r);
        if (resolve_as_of(s, st, q->as_of, &r, &probe, err) < 0)
            result = -1;
        else
            result = cb(ctx, &r);
        if (probe)
            sqlite3_reset(probe);
        if (result)
            break;
    }
    result = sq_walk_end(s, st, rc, result, err, "listing actions");
    free_meta(&meta);
    return result;
}

int sq_find_actions(sl_store *store, int64_t plan_id, const char *ref, int64_t *ids, int max,
                    sl_error *err)
{
    static const char sql[] =
        "SELECT a.id FROM actions a JOIN plans p ON p.id = a.plan_id"
        " WHERE a.ref = ?1 AND (?2 = 0 OR a.plan_id = ?2) AND (?2 <> 0 OR p.superseded_by IS NULL)"
        " ORDER BY a.id";
    sq_store *s = (sq_store *)store;
    sqlite3_stmt *st = SQ_STMT(s, sql, err, SQ_TEXT(ref), SQ_INT(plan_id));
    if (!st)
        return -1;
    int n = 0, rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (n < max)
            ids[n] = sqlite3_column_int64(st, 0);
        n++;
    }
    if (sq_walk_end(s, st, rc, 0, err, "finding an action") < 0)
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
static int read_state(sq_store *s, int64_t action_id, action_state *out, sl_error *err)
{
    static const char sql[] =
        "SELECT version, last_update_day, cur_status, cur_rag FROM actions WHERE id = ?1";
    sqlite3_stmt *st = sq_prepare(s, sql, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, action_id);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_DONE)
        return sl_fail_code(err, SL_ERR_NOT_FOUND, "no action with id %lld", (long long)action_id);
    if (rc != SQLITE_ROW)
        return sq_fail(s, err, "reading an action");
    out->version = sqlite3_column_int(st, 0);
    out->last_update = sq_day(st, 1);
    snprintf(out->status, sizeof out->status, "%s", sq_text(st, 2));
    snprintf(out->rag, sizeof out->rag, "%s", sq_text(st, 3));
    sqlite3_reset(st);
    return 0;
}

/* Appends the update row itself. */
static int insert_update(sq_store *s, const sl_update *u, const char *actor, int version,
                         sl_error *err)
{
    static const char sql[] =
        "INSERT INTO progress_updates (action_id, day, recorded_at, actor, status, status_text,"
        " rag, rag_reason, note, evidence, action_version, rag_until)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)";
    sqlite3_stmt *st = SQ_STMT(s, sql, err, SQ_INT(u->action_id), SQ_INT(u->day), SQ_NOW,
                      SQ_TEXT(actor), SQ_TEXT(sl_status_name(u->status)),
                      SQ_TEXT(u->status_text ? u->status_text : sl_status_name(u->status)),
                      SQ_TEXT(sl_rag_name(u->rag)), SQ_TEXT(u->rag_reason ? u->rag_reason : ""),
                      SQ_TEXT(u->note ? u->note : ""), SQ_TEXT(u->evidence ? u->evidence : ""),
                      SQ_INT(version), SQ_DAY(u->rag ? u->rag_until : SL_NO_DAY));
    if (!st)
        return -1;
    return sq_exec(s, st, err, "adding a progress update");
}

/* Moves the action's current state to the update (when it is the latest by
 * day) and bumps its version, guarded by the version read before. */
static int advance_action(sq_store *s, const sl_update *u, const action_state *before,
                          sl_error *err)
{
    static const char sql[] =
        "UPDATE actions SET version = version + 1,"
        " cur_status = CASE WHEN ?3 THEN ?4 ELSE cur_status END,"
        " cur_status_text = CASE WHEN ?3 THEN ?5 ELSE cur_status_text END,"
        " cur_rag = CASE WHEN ?3 THEN ?6 ELSE cur_rag END,"
        " cur_rag_reason = CASE WHEN ?3 THEN ?7 ELSE cur_rag_reason END,"
        " cur_note = CASE WHEN ?3 AND ?8 <> '' THEN ?8 ELSE cur_note END,"
        " last_update_day = CASE WHEN ?3 THEN ?9 ELSE last_update_day END,"
        " cur_rag_until = CASE WHEN ?3 THEN ?10 ELSE cur_rag_until END"
        " WHERE id = ?1 AND version = ?2";
    int latest = before->last_update == SL_NO_DAY || u->day >= before->last_update;
    sqlite3_stmt *st = SQ_STMT(s, sql, err, SQ_INT(u->action_id), SQ_INT(before->version),
                      SQ_INT(latest), SQ_TEXT(sl_status_name(u->status)),
                      SQ_TEXT(u->status_text ? u->status_text : sl_status_name(u->status)),
                      SQ_TEXT(sl_rag_name(u->rag)), SQ_TEXT(u->rag_reason ? u->rag_reason : ""),
                      SQ_TEXT(u->note ? u->note : ""), SQ_INT(u->day),
                      SQ_DAY(u->rag ? u->rag_until : SL_NO_DAY));
    if (!st)
        return -1;
    if (sq_exec(s, st, err, "moving an action on") < 0)
        return -1;
    if (sqlite3_changes(s->db) != 1)
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
static int read_in_force(sq_store *s, int64_t action_id, sl_day day, in_force *out, sl_error *err)
{
    static const char update_sql[] =
        "SELECT status, status_text, rag, rag_reason, rag_until FROM progress_updates"
        " WHERE action_id = ?1 AND day <= ?2 ORDER BY day DESC, id DESC LIMIT 1";
    static const char imported_sql[] = "SELECT status, status_text FROM actions WHERE id = ?1";
    memset(out, 0, sizeof *out);
    sqlite3_stmt *st = SQ_STMT(s, update_sql, err, SQ_INT(action_id), SQ_INT(day));
    int found = st ? sq_one_row(s, st, err, "reading the state in force") : -1;
    if (found == 0 && (st = SQ_STMT(s, imported_sql, err, SQ_INT(action_id))))
        found = sq_one_row(s, st, err, "reading an action's status");
    if (found < 0)
        return -1;
    if (found == 0)
        return sl_fail_code(err, SL_ERR_NOT_FOUND, "no action with id %lld", (long long)action_id);
    out->status = stored_status(sq_text(st, 0));
    out->status_text = sl_strdup(sq_text(st, 1));
    int from_update = sqlite3_column_count(st) > 2;
    out->rag = from_update ? stored_rag(sq_text(st, 2)) : SL_RAG_NONE;
    out->rag_reason = sl_strdup(from_update ? sq_text(st, 3) : "");
    out->rag_until = from_update ? sq_day(st, 4) : SL_NO_DAY;
    sqlite3_reset(st);
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
static int audit_update(sq_store *s, const sl_update *u, const action_state *before, const char *actor,
                        sl_error *err)
{
    const char *status = sl_status_name(u->status), *rag = sl_rag_name(u->rag);
    if (strcmp(before->status, status) != 0 &&
        sq_audit(s, actor, "update", "action", u->action_id, "status", before->status, status, err) < 0)
        return -1;
    if (strcmp(before->rag, rag) != 0 &&
        sq_audit(s, actor, "update", "action", u->action_id, "rag", before->rag[0] ? before->rag : NULL,
                 *rag ? rag : NULL, err) < 0)
        return -1;
    if (u->note && *u->note &&
        sq_audit(s, actor, "update", "action", u->action_id, "note", NULL, u->note, err) < 0)
        return -1;
    if (u->evidence && *u->evidence &&
        sq_audit(s, actor, "update", "action", u->action_id, "evidence", NULL, u->evidence, err) < 0)
        return -1;
    return 0;
}

int sq_add_update(sl_store *store, const sl_update *u, const char *actor, sl_error *err)
{
    sq_store *s = (sq_store *)store;
    action_state before;
    if (read_state(s, u->action_id, &before, err) < 0)
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
static int walk_updates(sq_store *s, sqlite3_stmt *st, int64_t action_id, sl_update_cb cb,
                        void *ctx, sl_error *err)
{
    int rc, stop = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        sl_update u = {
            .id = sqlite3_column_int64(st, 0),
            .action_id = action_id,
            .day = sq_day(st, 1),
            .recorded_at = sq_text(st, 2),
            .actor = sq_text(st, 3),
            .status = stored_status(sq_text(st, 4)),
            .status_text = sq_text(st, 5),
            .rag = stored_rag(sq_text(st, 6)),
            .rag_reason = sq_text(st, 7),
            .note = sq_text(st, 8),
            .evidence = sq_text(st, 9),
            .action_version = sqlite3_column_int(st, 10),
            .rag_until = sq_day(st, 11),
        };
        if ((stop = cb(ctx, &u)) != 0)
            break;
    }
    return sq_walk_end(s, st, rc, stop, err, "reading progress updates");
}

int sq_each_update(sl_store *store, int64_t action_id, int latest, sl_update_cb cb, void *ctx,
                   sl_error *err)
{
    static const char all_sql[] =
        "SELECT id, day, recorded_at, actor, status, status_text, rag, rag_reason, note, evidence,"
        " action_version, rag_until FROM progress_updates WHERE action_id = ?1 ORDER BY day, id";
    static const char latest_sql[] =
        "SELECT * FROM (SELECT id, day, recorded_at, actor, status, status_text, rag, rag_reason,"
        " note, evidence, action_version, rag_until FROM progress_updates WHERE action_id = ?1"
        " ORDER BY day DESC, id DESC LIMIT ?2) ORDER BY day, id";
    sq_store *s = (sq_store *)store;
    sqlite3_stmt *st = sq_prepare(s, latest > 0 ? latest_sql : all_sql, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, action_id);
    if (latest > 0)
        sqlite3_bind_int(st, 2, latest);
    return walk_updates(s, st, action_id, cb, ctx, err);
}

int sq_latest_update(sl_store *store, int64_t action_id, sl_day as_of, sl_update_cb cb, void *ctx,
                     sl_error *err)
{
    static const char sql[] =
        "SELECT id, day, recorded_at, actor, status, status_text, rag, rag_reason, note, evidence,"
        " action_version, rag_until FROM progress_updates WHERE action_id = ?1 AND day <= ?2 AND day <> ?3"
        " ORDER BY day DESC, id DESC LIMIT 1";
    sq_store *s = (sq_store *)store;
    sqlite3_stmt *st = SQ_STMT(s, sql, err, SQ_INT(action_id), SQ_INT(as_of), SQ_INT(SL_NO_DAY));
    if (!st)
        return -1;
    return walk_updates(s, st, action_id, cb, ctx, err);
}

/* Walks an audit query's rows (columns id, at, actor, operation, entity,
 * entity_id, field, before, after), calling cb for each. */
static int walk_audit(sq_store *s, sqlite3_stmt *st, sl_audit_cb cb, void *ctx, sl_error *err)
{
    int rc, stop = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        sl_audit_entry e = {
            .id = sqlite3_column_int64(st, 0),
            .at = sq_text(st, 1),
            .actor = sq_text(st, 2),
            .operation = sq_text(st, 3),
            .entity = sq_text(st, 4),
            .entity_id = sqlite3_column_int64(st, 5),
            .field = sq_text(st, 6),
            .before = sqlite3_column_type(st, 7) == SQLITE_NULL ? NULL : sq_text(st, 7),
            .after = sqlite3_column_type(st, 8) == SQLITE_NULL ? NULL : sq_text(st, 8),
        };
        if ((stop = cb(ctx, &e)) != 0)
            break;
    }
    return sq_walk_end(s, st, rc, stop, err, "reading the audit log");
}

int sq_each_audit(sl_store *store, const char *entity, int64_t entity_id, int latest, sl_audit_cb cb,
                  void *ctx, sl_error *err)
{
    /* One entity's or every entry; all of them, or only the latest ?3. */
    static const char one_latest_sql[] =
        "SELECT * FROM (SELECT id, at, actor, operation, entity, entity_id, field, before, after"
        " FROM audit_log WHERE entity = ?1 AND entity_id = ?2 ORDER BY id DESC LIMIT ?3) ORDER BY id";
    static const char every_latest_sql[] =
        "SELECT * FROM (SELECT id, at, actor, operation, entity, entity_id, field, before, after"
        " FROM audit_log ORDER BY id DESC LIMIT ?3) ORDER BY id";
    static const char one_all_sql[] =
        "SELECT id, at, actor, operation, entity, entity_id, field, before, after FROM audit_log"
        " WHERE entity = ?1 AND entity_id = ?2 ORDER BY id";
    static const char every_sql[] =
        "SELECT id, at, actor, operation, entity, entity_id, field, before, after FROM audit_log"
        " ORDER BY id";
    sq_store *s = (sq_store *)store;
    const char *chosen = entity ? (latest > 0 ? one_latest_sql : one_all_sql)
                                : (latest > 0 ? every_latest_sql : every_sql);
    sqlite3_stmt *st = sq_prepare(s, chosen, err);
    if (!st)
        return -1;
    if (entity) {
        sq_bind_text(st, 1, entity);
        sqlite3_bind_int64(st, 2, entity_id);
    }
    if (latest > 0)
        sqlite3_bind_int(st, 3, latest);
    return walk_audit(s, st, cb, ctx, err);
}

int sq_each_recent_audit(sl_store *store, const char *actor, int limit, sl_audit_cb cb, void *ctx, sl_error *err)
{
    static const char sql[] =
        "SELECT id, at, actor, operation, entity, entity_id, field, before, after FROM audit_log"
        " WHERE ?2 IS NULL OR actor = ?2 ORDER BY id DESC LIMIT ?1";
    sq_store *s = (sq_store *)store;
    sqlite3_stmt *st = sq_prepare(s, sql, err);
    if (!st)
        return -1;
    sqlite3_bind_int(st, 1, limit);
    if (actor)
        sq_bind_text(st, 2, actor);
    else
        sqlite3_bind_null(st, 2);
    return walk_audit(s, st, cb, ctx, err);
}

int sq_each_person(sl_store *store, sl_person_cb cb, void *ctx, sl_error *err)
{
    static const char sql[] =
        "SELECT au.name, pe.label, pe.name,"
        " count(DISTINCT CASE WHEN ap.role = 'sro' THEN ap.action_id END),"
        " count(DISTINCT CASE WHEN ap.role = 'lead' THEN ap.action_id END)"
        " FROM people pe JOIN authorities au ON au.id = pe.authority_id"
        " JOIN action_people ap ON ap.person_id = pe.id"
        " JOIN actions a ON a.id = ap.action_id JOIN plans p ON p.id = a.plan_id"
        " WHERE p.superseded_by IS NULL GROUP BY pe.id ORDER BY au.name, pe.label";
    sq_store *s = (sq_store *)store;
    sqlite3_stmt *st = sq_prepare(s, sql, err);
    if (!st)
        return -1;
    int rc, stop = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        sl_person_row row = {sq_text(st, 0), sq_text(st, 1), sq_text(st, 2),
                             sqlite3_column_int(st, 3), sqlite3_column_int(st, 4)};
        if ((stop = cb(ctx, &row)) != 0)
            break;
    }
    return sq_walk_end(s, st, rc, stop, err, "listing people");
}

int sq_generation(sl_store *store, int64_t *generation, sl_error *err)
{
    static const char sql[] =
        "SELECT id, at, actor, operation, entity, entity_id, field, after FROM audit_log ORDER BY id DESC LIMIT 1";
    sq_store *s = (sq_store *)store;
    sqlite3_stmt *st = sq_prepare(s, sql, err);
    if (!st)
        return -1;
    int rc = sqlite3_step(st);
    uint64_t h = 1469598103934665603ULL;     /* FNV-1a over the entry's columns */
    for (int c = 0; rc == SQLITE_ROW && c < 8; c++) {
        const unsigned char *text = sqlite3_column_text(st, c);
        for (; text && *text; text++)
            h = (h ^ *text) * 1099511628211ULL;
        h = (h ^ 0x1f) * 1099511628211ULL;
    }
    *generation = (int64_t)(h >> 1);
    sqlite3_reset(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : sq_fail(s, err, "reading the generation");
}
