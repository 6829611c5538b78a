/* sql_load.c — loading a stored plan back into an sl_plan, as it stands
 * now: each action carries its current status, RAG and narrative. */
#include <stdlib.h>
#include <string.h>

#include "store/sql/sql_store.h"
#include "util/mem.h"

/* Reads the plan row itself. */
static int load_plan_row(sd_store *s, int64_t plan_id, sl_plan *p, sl_error *err)
{
    static const char sql[] =
        "SELECT p.title, a.name, p.kind, p.version_label, p.source_file, p.source_sha256,"
        " p.context_year, p.amber_days, p.update_cycle_days, p.requires_signoff"
        " FROM plans p JOIN authorities a ON a.id = p.authority_id WHERE p.id = ?1"
        " AND " SD_IN_SCOPE("p.authority_id");
    sd_stmt *st = sd_prepare(s, sql, err);
    if (!st)
        return -1;
    sd_bind_int(st, 1, plan_id);
    int rc = sd_step(st);
    if (rc == SD_DONE)
        return sl_fail_code(err, SL_ERR_NOT_FOUND, "no plan %lld", (long long)plan_id);
    if (rc != SD_ROW)
        return sd_fail(s, err, "reading a plan");
    p->title = sl_strdup(sd_text(st, 0));
    p->authority = sl_strdup(sd_text(st, 1));
    p->kind = sl_strdup(sd_text(st, 2));
    p->version_label = sl_strdup(sd_text(st, 3));
    p->source_file = sl_strdup(sd_text(st, 4));
    snprintf(p->source_sha256, sizeof p->source_sha256, "%s", sd_text(st, 5));
    p->context_year = sd_int(st, 6);
    p->rules.amber_days = sd_int(st, 7);
    p->rules.update_cycle_days = sd_int(st, 8);
    p->rules.requires_signoff = sd_int(st, 9);
    sd_reset(st);
    return 0;
}

/* Row readers of a plan's parts: each adds one row of its query to the
 * plan (ctx) and returns 0 to go on. This one: a theme. */
static int theme_row(void *ctx, sd_stmt *st)
{
    sl_plan *p = ctx;
    sl_theme *t = sl_plan_add_theme(p, sd_text(st, 0), sd_text(st, 1));
    t->kind = (sl_theme_kind)sd_int(st, 2);
    t->recommendation = sd_int(st, 3);
    if (!sd_is_null(st, 4))
        t->mtfs_ref = sl_strdup(sd_text(st, 4));
    if (!sd_is_null(st, 5))
        t->manager = sl_strdup(sd_text(st, 5));
    t->parent = sd_is_null(st, 6) ? -1 : sd_int(st, 6) - 1;
    return 0;
}

/* Returns the plan's theme at the 1-based position in column 0, or NULL. */
static sl_theme *theme_at(sl_plan *p, sd_stmt *st)
{
    int index = sd_int(st, 0) - 1;
    return index < 0 || (size_t)index >= p->n_themes ? NULL : &p->themes[index];
}

/* An outcome of the theme at its position. */
static int outcome_row(void *ctx, sd_stmt *st)
{
    sl_theme *t = theme_at(ctx, st);
    if (t) {
        t->outcomes = sl_realloc(t->outcomes, (t->n_outcomes + 1) * sizeof *t->outcomes);
        t->outcomes[t->n_outcomes++] = sl_strdup(sd_text(st, 1));
    }
    return 0;
}

/* A recommendation with its number and text. */
static int recommendation_row(void *ctx, sd_stmt *st)
{
    sl_plan_recommendation(ctx, sd_int(st, 0), sd_text(st, 1));
    return 0;
}

/* A financial year's saving of the theme at its position. */
static int saving_row(void *ctx, sd_stmt *st)
{
    sl_theme *t = theme_at(ctx, st);
    if (t) {
        t->savings = sl_realloc(t->savings, (t->n_savings + 1) * sizeof *t->savings);
        t->savings[t->n_savings].fy_start_year = sd_int(st, 1);
        t->savings[t->n_savings++].thousands = sd_double(st, 2);
    }
    return 0;
}

/* A finding the importer recorded. */
static int finding_row(void *ctx, sd_stmt *st)
{
    sl_plan *p = ctx;
    const char *code = sl_finding_code(sd_text(st, 1));
    sl_findings_add(&p->findings, strcmp(sd_text(st, 0), "error") == 0 ? SL_LINT_ERROR : SL_LINT_WARNING,
                    code ? code : "unparsed-row", sd_text(st, 2), (long)sd_int64(st, 3), "%s",
                    sd_text(st, 4));
    return 0;
}

/* Loads a plan's themes, outcomes, recommendations, savings and import
 * findings into p, one query each (themes first: the others find theirs by
 * position). Returns 0 or -1. */
static int load_plan_parts(sd_store *s, int64_t plan_id, sl_plan *p, sl_error *err)
{
    static const struct {
        const char *sql;
        int (*row)(void *ctx, sd_stmt *st);
        const char *what;
    } parts[] = {
        {"SELECT t.ref, t.title, t.kind, t.recommendation, t.mtfs_ref, t.manager,"
         " (SELECT position FROM themes parent WHERE parent.id = t.parent_id)"
         " FROM themes t WHERE t.plan_id = ?1 ORDER BY t.position",
         theme_row, "reading themes"},
        {"SELECT t.position, o.text FROM theme_outcomes o JOIN themes t ON t.id = o.theme_id"
         " WHERE t.plan_id = ?1 ORDER BY t.position, o.position",
         outcome_row, "reading outcomes"},
        {"SELECT number, text FROM recommendations WHERE plan_id = ?1 ORDER BY number",
         recommendation_row, "reading recommendations"},
        {"SELECT t.position, s.fy_start_year, s.thousands FROM theme_savings s"
         " JOIN themes t ON t.id = s.theme_id WHERE t.plan_id = ?1 ORDER BY t.position, s.fy_start_year",
         saving_row, "reading savings"},
        {"SELECT severity, code, ref, line, message FROM plan_findings WHERE plan_id = ?1"
         " ORDER BY position",
         finding_row, "reading import findings"},
    };
    for (size_t i = 0; i < sizeof parts / sizeof *parts; i++) {
        sd_stmt *st = SD_STMT(s, parts[i].sql, err, SD_INT(plan_id));
        if (!st || sd_each_row(s, st, parts[i].row, p, err, parts[i].what) < 0)
            return -1;
    }
    return 0;
}

/* Parses a ';'-joined list of recommendation numbers into the action. */
static void read_recommendations(sl_action *a, const char *list)
{
    char **items = NULL;
    size_t n = sl_split_list(list, &items, 0);
    a->recommendations = sl_calloc((n + 1) * sizeof *a->recommendations);
    for (size_t i = 0; i < n; i++) {
        a->recommendations[a->n_recommendations++] = (int)strtol(items[i], NULL, 10);
        free(items[i]);
    }
    free(items);
}

/* Re-reads a stored date text with the plan's context year. */
static void read_date(sl_written_date *d, const char *text, int context_year)
{
    d->text = sl_strdup(text);
    d->parse = sl_date_parse(text, strlen(text), context_year, &d->value, NULL, 0);
}

/* Reads the actions (all, or the one action_id names) with their current
 * state and custom fields. */
static int load_actions(sd_store *s, int64_t plan_id, int64_t action_id, sl_plan *p, sl_error *err)
{
    static const char sql[] =
        "SELECT a.id, a.ref, t.position, a.title, a.description, a.start_text, a.due_text, a.sro,"
        " a.leads_list, a.resources, a.resources_pence, a.measure, a.impact, a.delivered_through,"
        " a.cur_status, a.cur_status_text, a.cur_rag, a.cur_note, a.recs_list, a.source_line,"
        " a.cur_rag_reason FROM actions a LEFT JOIN themes t ON t.id = a.theme_id"
        " WHERE a.plan_id = ?1 AND (?2 = 0 OR a.id = ?2) ORDER BY a.position";
    static const char fields[] =
        "SELECT name, value FROM action_fields WHERE action_id = ?1 ORDER BY position";
    sd_stmt *st = SD_STMT(s, sql, err, SD_INT(plan_id), SD_INT(action_id));
    if (!st)
        return -1;
    int rc;
    while ((rc = sd_step(st)) == SD_ROW) {
        sl_action *a = sl_plan_add_action(p);
        a->ref = sl_strdup(sd_text(st, 1));
        a->theme = sd_is_null(st, 2) ? -1 : sd_int(st, 2) - 1;
        a->title = sl_strdup(sd_text(st, 3));
        a->description = sl_strdup(sd_text(st, 4));
        read_date(&a->start, sd_text(st, 5), p->context_year);
        read_date(&a->due, sd_text(st, 6), p->context_year);
        a->sro = sl_strdup(sd_text(st, 7));
        a->n_leads = sl_split_list(sd_text(st, 8), &a->leads, 0);
        a->resources = sl_strdup(sd_text(st, 9));
        a->resources_pence =
            sd_is_null(st, 10) ? -1 : sd_int64(st, 10);
        a->measure = sl_strdup(sd_text(st, 11));
        a->impact = sl_strdup(sd_text(st, 12));
        a->delivered_through = sl_strdup(sd_text(st, 13));
        if (sl_status_parse(sd_text(st, 14), &a->status) < 0)
            a->status = SL_STATUS_NOT_STARTED;
        a->status_text = sl_strdup(sd_text(st, 15));
        if (sl_rag_parse(sd_text(st, 16), &a->rag_manual) < 0)
            a->rag_manual = SL_RAG_NONE;
        a->progress = sl_strdup(sd_text(st, 17));
        read_recommendations(a, sd_text(st, 18));
        a->source_line = (long)sd_int64(st, 19);
        if (a->rag_manual != SL_RAG_NONE && *sd_text(st, 20))
            a->rag_reason = sl_strdup(sd_text(st, 20));
        sd_stmt *f = sd_prepare(s, fields, err);
        if (!f)
            return -1;
        sd_bind_int(f, 1, sd_int64(st, 0));
        while ((rc = sd_step(f)) == SD_ROW) {
            a->custom = sl_realloc(a->custom, (a->n_custom + 1) * sizeof *a->custom);
            a->custom[a->n_custom].name = sl_strdup(sd_text(f, 0));
            a->custom[a->n_custom++].value = sl_strdup(sd_text(f, 1));
        }
        if (sd_walk_end(s, f, rc, 0, err, "reading custom fields") < 0)
            return -1;
    }
    if (sd_walk_end(s, st, rc, 0, err, "reading actions") < 0)
        return -1;
    return 0;
}

/* Reads the people named by this plan's actions, with their names. */
static int load_people(sd_store *s, int64_t plan_id, sl_plan *p, sl_error *err)
{
    static const char sql[] =
        "SELECT DISTINCT pe.label, pe.name FROM people pe"
        " JOIN action_people ap ON ap.person_id = pe.id"
        " JOIN actions a ON a.id = ap.action_id WHERE a.plan_id = ?1 ORDER BY pe.label";
    sd_stmt *st = sd_prepare(s, sql, err);
    if (!st)
        return -1;
    sd_bind_int(st, 1, plan_id);
    int rc;
    while ((rc = sd_step(st)) == SD_ROW) {
        p->people = sl_realloc(p->people, (p->n_people + 1) * sizeof *p->people);
        p->people[p->n_people].initials = sl_strdup(sd_text(st, 0));
        p->people[p->n_people++].name = sl_strdup(sd_text(st, 1));
    }
    if (sd_walk_end(s, st, rc, 0, err, "reading people") < 0)
        return -1;
    return 0;
}

int sd_load_plan(sl_store *store, int64_t plan_id, sl_plan *out, sl_error *err)
{
    sd_store *s = (sd_store *)store;
    memset(out, 0, sizeof *out);
    if (load_plan_row(s, plan_id, out, err) < 0 || load_plan_parts(s, plan_id, out, err) < 0 ||
        load_actions(s, plan_id, 0, out, err) < 0 || load_people(s, plan_id, out, err) < 0) {
        sl_plan_free(out);
        return -1;
    }
    return 0;
}

int sd_load_action(sl_store *store, int64_t action_id, sl_plan *out, sl_error *err)
{
    static const char sql[] =
        "SELECT a.plan_id FROM actions a JOIN plans p ON p.id = a.plan_id WHERE a.id = ?1"
        " AND " SD_IN_SCOPE("p.authority_id");
    sd_store *s = (sd_store *)store;
    memset(out, 0, sizeof *out);
    sd_stmt *st = sd_prepare(s, sql, err);
    if (!st)
        return -1;
    sd_bind_int(st, 1, action_id);
    int rc = sd_step(st);
    if (rc != SD_ROW)
        return rc == SD_DONE ? sl_fail_code(err, SL_ERR_NOT_FOUND, "no action with id %lld", (long long)action_id)
                                 : sd_fail(s, err, "finding an action");
    int64_t plan_id = sd_int64(st, 0);
    sd_reset(st);
    if (load_plan_row(s, plan_id, out, err) < 0 || load_plan_parts(s, plan_id, out, err) < 0 ||
        load_actions(s, plan_id, action_id, out, err) < 0) {
        sl_plan_free(out);
        return -1;
    }
    return 0;
}
