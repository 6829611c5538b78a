/* sql_plan.c — storing a whole plan, finding and listing plan versions,
 * and loading a plan back as it stands now. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/sql/search_sql.h"
#include "store/sql/sql_store.h"
#include "util/buf.h"
#include "util/clock.h"
#include "util/mem.h"
#include "util/strmap.h"

int sd_find_plan(sl_store *store, const char *authority, const char *title, int64_t *id,
                 int *version, char sha[65], sl_error *err)
{
    static const char sql[] =
        "SELECT p.id, p.version, p.source_sha256 FROM plans p"
        " JOIN authorities a ON a.id = p.authority_id"
        " WHERE a.name = ?1 AND p.title = ?2 AND p.superseded_by IS NULL AND " SD_IN_SCOPE("p.authority_id");
    sd_store *s = (sd_store *)store;
    sd_stmt *st = SD_STMT(s, sql, err, SD_TEXT(authority), SD_TEXT(title));
    if (!st)
        return -1;
    int rc = sd_step(st);
    if (rc == SD_DONE)
        return 0;
    if (rc != SD_ROW)
        return sd_fail(s, err, "finding a plan");
    *id = sd_int64(st, 0);
    *version = sd_int(st, 1);
    snprintf(sha, 65, "%s", sd_text(st, 2));
    sd_reset(st);
    return 1;
}

/* Returns the id of the authority with this name, adding it when new; a
 * store scoped to an account adds none and finds only the authorities in
 * its scope (SL_ERR_NOT_FOUND for the others). */
static int authority_id(sd_store *s, const char *name, int64_t *id, sl_error *err)
{
    static const char insert[] = "INSERT OR IGNORE INTO authorities (name) VALUES (?1)";
    static const char select[] = "SELECT id FROM authorities WHERE name = ?1";
    static const char scoped[] = "SELECT id FROM authorities WHERE name = ?1 AND " SD_IN_SCOPE("id");
    if (s->scope != SL_SCOPE_ALL) {
        sd_stmt *found = SD_STMT(s, scoped, err, SD_TEXT(name));
        int rc = found ? sd_one_row(s, found, err, "finding an authority") : -1;
        if (rc <= 0)
            return rc < 0 ? -1 : sl_fail_code(err, SL_ERR_NOT_FOUND, "no such authority '%s'", name);
        *id = sd_int64(found, 0);
        sd_reset(found);
        return 0;
    }
    sd_stmt *st = sd_prepare(s, insert, err);
    if (!st)
        return -1;
    sd_bind_text(st, 1, name);
    if (sd_exec(s, st, err, "adding an authority") < 0)
        return -1;
    if (!(st = sd_prepare(s, select, err)))
        return -1;
    sd_bind_text(st, 1, name);
    if (sd_step(st) != SD_ROW)
        return sd_fail(s, err, "finding an authority");
    *id = sd_int64(st, 0);
    sd_reset(st);
    return 0;
}

/* State shared by the steps of one save. */
typedef struct {
    sd_store *s;
    const sl_plan *plan;
    int64_t authority_id;
    int64_t plan_id;
    int64_t *theme_ids;         /* parallel to plan->themes */
    sl_strmap recs;             /* "number" → recommendation id */
    sl_strmap people;           /* label → person id */
} save_ctx;

/* Returns the person id for a label (initials or name), adding the person. */
static int person_id(save_ctx *c, const char *label, const char *name, int64_t *id,
                     sl_error *err)
{
    static const char insert[] =
        "INSERT INTO people (authority_id, label, name) VALUES (?1, ?2, ?3)"
        " ON CONFLICT (authority_id, label) DO UPDATE SET name = excluded.name"
        "  WHERE excluded.name <> '' AND people.name = ''";
    static const char select[] = "SELECT id FROM people WHERE authority_id = ?1 AND label = ?2";
    if (!name && sl_strmap_get(&c->people, label, id))
        return 0;
    sd_stmt *st = sd_prepare(c->s, insert, err);
    if (!st)
        return -1;
    sd_bind_int(st, 1, c->authority_id);
    sd_bind_text(st, 2, label);
    sd_bind_text(st, 3, name ? name : "");
    if (sd_exec(c->s, st, err, "adding a person") < 0)
        return -1;
    if (!(st = sd_prepare(c->s, select, err)))
        return -1;
    sd_bind_int(st, 1, c->authority_id);
    sd_bind_text(st, 2, label);
    if (sd_step(st) != SD_ROW)
        return sd_fail(c->s, err, "finding a person");
    *id = sd_int64(st, 0);
    sd_reset(st);
    sl_strmap_put(&c->people, label, *id);
    return 0;
}

/* Inserts the plan row and marks the version it replaces as superseded. */
static int insert_plan_row(save_ctx *c, sl_day baseline_day, sl_error *err)
{
    static const char insert[] =
        "INSERT INTO plans (authority_id, title, version, version_label, kind, source_file,"
        " source_sha256, context_year, imported_at, baseline_day, amber_days,"
        " update_cycle_days, requires_signoff)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)";
    static const char supersede[] = "UPDATE plans SET superseded_by = ?1 WHERE id = ?2";
    const sl_plan *p = c->plan;
    int64_t old_id = 0;
    int old_version = 0;
    char old_sha[65];
    const char *authority = p->authority && *p->authority ? p->authority : "Unspecified authority";
    if (authority_id(c->s, authority, &c->authority_id, err) < 0 ||
        sd_find_plan(&c->s->base, authority, p->title, &old_id, &old_version, old_sha, err) < 0)
        return -1;
    char now[32];
    sl_now_timestamp(now);
    sd_stmt *st = sd_prepare(c->s, insert, err);
    if (!st)
        return -1;
    sd_bind_int(st, 1, c->authority_id);
    sd_bind_text(st, 2, p->title);
    sd_bind_int(st, 3, old_version + 1);
    sd_bind_text(st, 4, p->version_label ? p->version_label : "");
    sd_bind_text(st, 5, p->kind ? p->kind : "");
    sd_bind_text(st, 6, p->source_file ? p->source_file : "");
    sd_bind_text(st, 7, p->source_sha256);
    sd_bind_int(st, 8, p->context_year);
    sd_bind_text(st, 9, now);
    sd_bind_day(st, 10, baseline_day);
    sd_bind_int(st, 11, p->rules.amber_days);
    sd_bind_int(st, 12, p->rules.update_cycle_days);
    sd_bind_int(st, 13, p->rules.requires_signoff);
    if (sd_exec(c->s, st, err, "adding a plan") < 0)
        return -1;
    c->plan_id = sd_last_id(c->s);
    if (old_id) {
        if (!(st = sd_prepare(c->s, supersede, err)))
            return -1;
        sd_bind_int(st, 1, c->plan_id);
        sd_bind_int(st, 2, old_id);
        if (sd_exec(c->s, st, err, "superseding a plan version") < 0)
            return -1;
    }
    return 0;
}

/* Inserts a savings project's savings per financial year. */
static int insert_savings(save_ctx *c, int64_t theme_id, const sl_theme *t, sl_error *err)
{
    static const char sqlite_sql[] =
        "INSERT OR REPLACE INTO theme_savings (theme_id, fy_start_year, thousands) VALUES (?1, ?2, ?3)";
    static const char pg_sql[] =
        "INSERT INTO theme_savings (theme_id, fy_start_year, thousands) VALUES (?1, ?2, ?3)"
        " ON CONFLICT (theme_id, fy_start_year) DO UPDATE SET thousands = excluded.thousands";
    for (size_t k = 0; k < t->n_savings; k++) {
        sd_stmt *st = sd_prepare(c->s, SD_SQL(c->s, sqlite_sql, pg_sql), err);
        if (!st)
            return -1;
        sd_bind_int(st, 1, theme_id);
        sd_bind_int(st, 2, t->savings[k].fy_start_year);
        sd_bind_double(st, 3, t->savings[k].thousands);
        if (sd_exec(c->s, st, err, "adding a saving") < 0)
            return -1;
    }
    return 0;
}

/* Inserts what the importer could not read cleanly, for `lint` to report. */
static int insert_findings(save_ctx *c, sl_error *err)
{
    static const char sql[] =
        "INSERT INTO plan_findings (plan_id, position, severity, code, ref, line, message)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
    const sl_findings *f = &c->plan->findings;
    for (size_t i = 0; i < f->n; i++) {
        sd_stmt *st = sd_prepare(c->s, sql, err);
        if (!st)
            return -1;
        sd_bind_int(st, 1, c->plan_id);
        sd_bind_int(st, 2, (int)i + 1);
        sd_bind_text(st, 3, sl_lint_severity_name(f->items[i].severity));
        sd_bind_text(st, 4, f->items[i].code);
        sd_bind_text(st, 5, f->items[i].ref);
        sd_bind_int(st, 6, f->items[i].line);
        sd_bind_text(st, 7, f->items[i].message);
        if (sd_exec(c->s, st, err, "adding an import finding") < 0)
            return -1;
    }
    return 0;
}

/* Inserts the themes, their outcomes, the recommendations and named people. */
static int insert_plan_parts(save_ctx *c, sl_error *err)
{
    static const char theme_sql[] =
        "INSERT INTO themes (plan_id, position, ref, title, kind, recommendation, mtfs_ref, manager,"
        " parent_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";
    static const char outcome_sql[] =
        "INSERT INTO theme_outcomes (theme_id, position, text) VALUES (?1, ?2, ?3)";
    static const char rec_sql[] =
        "INSERT INTO recommendations (plan_id, number, text) VALUES (?1, ?2, ?3)";
    const sl_plan *p = c->plan;
    c->theme_ids = sl_calloc((p->n_themes + 1) * sizeof *c->theme_ids);
    for (size_t i = 0; i < p->n_themes; i++) {
        sd_stmt *st = sd_prepare(c->s, theme_sql, err);
        if (!st)
            return -1;
        sd_bind_int(st, 1, c->plan_id);
        sd_bind_int(st, 2, (int)i + 1);
        sd_bind_text(st, 3, p->themes[i].ref);
        sd_bind_text(st, 4, p->themes[i].title);
        sd_bind_int(st, 5, p->themes[i].kind);
        sd_bind_int(st, 6, p->themes[i].recommendation);
        sd_bind_text(st, 7, p->themes[i].mtfs_ref);
        sd_bind_text(st, 8, p->themes[i].manager);
        int parent = p->themes[i].parent;
        if (parent >= 0 && (size_t)parent < i)
            sd_bind_int(st, 9, c->theme_ids[parent]);
        if (sd_exec(c->s, st, err, "adding a theme") < 0)
            return -1;
        c->theme_ids[i] = sd_last_id(c->s);
        if (insert_savings(c, c->theme_ids[i], &p->themes[i], err) < 0)
            return -1;
        for (size_t k = 0; k < p->themes[i].n_outcomes; k++) {
            if (!(st = sd_prepare(c->s, outcome_sql, err)))
                return -1;
            sd_bind_int(st, 1, c->theme_ids[i]);
            sd_bind_int(st, 2, (int)k + 1);
            sd_bind_text(st, 3, p->themes[i].outcomes[k]);
            if (sd_exec(c->s, st, err, "adding an outcome") < 0)
                return -1;
        }
    }
    for (size_t i = 0; i < p->n_recommendations; i++) {
        sd_stmt *st = sd_prepare(c->s, rec_sql, err);
        if (!st)
            return -1;
        sd_bind_int(st, 1, c->plan_id);
        sd_bind_int(st, 2, p->recommendations[i].number);
        sd_bind_text(st, 3, p->recommendations[i].text);
        if (sd_exec(c->s, st, err, "adding a recommendation") < 0)
            return -1;
        char key[24];
        snprintf(key, sizeof key, "%d", p->recommendations[i].number);
        sl_strmap_put(&c->recs, key, sd_last_id(c->s));
    }
    for (size_t i = 0; i < p->n_people; i++) {
        int64_t id;
        if (person_id(c, p->people[i].initials, p->people[i].name, &id, err) < 0)
            return -1;
    }
    return 0;
}

/* Links one person (by label) to an action in a role at a position. */
static int link_person(save_ctx *c, int64_t action_id, const char *label, const char *role,
                       int position, sl_error *err)
{
    static const char sql[] =
        "INSERT OR IGNORE INTO action_people (action_id, person_id, role, position)"
        " VALUES (?1, ?2, ?3, ?4)";
    int64_t pid;
    if (!sl_is_person_label(label))
        return 0; /* a cell reading "1" names nobody (the importers note it as a finding) */
    if (person_id(c, label, NULL, &pid, err) < 0)
        return -1;
    sd_stmt *st = sd_prepare(c->s, sql, err);
    if (!st)
        return -1;
    sd_bind_int(st, 1, action_id);
    sd_bind_int(st, 2, pid);
    sd_bind_text(st, 3, role);
    sd_bind_int(st, 4, position);
    return sd_exec(c->s, st, err, "linking a person");
}

/* Splits an SRO cell ("BP and JH-B", "AB; CD") into people and links each. */
static int link_sros(save_ctx *c, int64_t action_id, const char *sro, sl_error *err)
{
    char *copy = sl_strdup(sro ? sro : "");
    int position = 0, rc = 0;
    char *p = copy;
    while (*p && rc == 0) {
        char *end = p + strcspn(p, ";&/,");
        char *and_word = strstr(p, " and ");
        if (and_word && and_word < end)
            end = and_word;
        char *next = *end == ' ' ? end + 5 : (*end ? end + 1 : end);
        *end = '\0';
        while (isspace((unsigned char)*p))
            p++;
        size_t n = strlen(p);
        while (n > 0 && isspace((unsigned char)p[n - 1]))
            p[--n] = '\0';
        if (*p)
            rc = link_person(c, action_id, p, "sro", ++position, err);
        p = next;
    }
    free(copy);
    return rc;
}

/* Inserts one action's milestones: the dated points of a due cell that
 * names several ("31/03/21 30/06/21 30/09/21"). A single date lives in the
 * action row itself (due_earliest, due_day). */
static int insert_milestones(save_ctx *c, int64_t action_id, const sl_date_value *due,
                             sl_error *err)
{
    if (due->n_milestones < 2)
        return 0;
    static const char sql[] =
        "INSERT INTO action_milestones (action_id, position, earliest, latest, precision, label)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
    for (int m = 0; m < due->n_milestones; m++) {
        sd_stmt *st = sd_prepare(c->s, sql, err);
        if (!st)
            return -1;
        sd_bind_int(st, 1, action_id);
        sd_bind_int(st, 2, m + 1);
        sd_bind_day(st, 3, due->milestones[m].earliest);
        sd_bind_day(st, 4, due->milestones[m].latest);
        sd_bind_int(st, 5, due->milestones[m].precision);
        sd_bind_text(st, 6, due->milestones[m].label);
        if (sd_exec(c->s, st, err, "adding a milestone") < 0)
            return -1;
    }
    return 0;
}

/* Inserts an action's people, recommendations and custom fields. */
static int insert_action_links(save_ctx *c, int64_t action_id, const sl_action *a, sl_error *err)
{
    static const char rec_sql[] =
        "INSERT OR IGNORE INTO action_recommendations (action_id, recommendation_id)"
        " VALUES (?1, ?2)";
    static const char field_sql[] =
        "INSERT INTO action_fields (action_id, position, name, value) VALUES (?1, ?2, ?3, ?4)";
    if (link_sros(c, action_id, a->sro, err) < 0)
        return -1;
    for (size_t i = 0; i < a->n_leads; i++)
        if (link_person(c, action_id, a->leads[i], "lead", (int)i + 1, err) < 0)
            return -1;
    for (size_t i = 0; i < a->n_recommendations; i++) {
        char key[24];
        int64_t rec_id;
        snprintf(key, sizeof key, "%d", a->recommendations[i]);
        if (!sl_strmap_get(&c->recs, key, &rec_id))
            return sl_fail(err, "action %s names recommendation %d, which the plan lacks", a->ref,
                           a->recommendations[i]);
        sd_stmt *st = sd_prepare(c->s, rec_sql, err);
        if (!st)
            return -1;
        sd_bind_int(st, 1, action_id);
        sd_bind_int(st, 2, rec_id);
        if (sd_exec(c->s, st, err, "linking a recommendation") < 0)
            return -1;
    }
    for (size_t i = 0; i < a->n_custom; i++) {
        sd_stmt *st = sd_prepare(c->s, field_sql, err);
        if (!st)
            return -1;
        sd_bind_int(st, 1, action_id);
        sd_bind_int(st, 2, (int)i + 1);
        sd_bind_text(st, 3, a->custom[i].name);
        sd_bind_text(st, 4, a->custom[i].value);
        if (sd_exec(c->s, st, err, "adding a custom field") < 0)
            return -1;
    }
    return insert_milestones(c, action_id, &a->due.value, err);
}

/* Writes the ';'-joined cache lists of an action's leads and recommendations. */
static void join_lists(const sl_action *a, sl_buf *leads, sl_buf *recs)
{
    sl_buf_reset(leads);
    sl_buf_reset(recs);
    for (size_t i = 0; i < a->n_leads; i++) {
        if (i)
            sl_buf_putc(leads, ';');
        sl_buf_puts(leads, a->leads[i]);
    }
    for (size_t i = 0; i < a->n_recommendations; i++)
        sl_buf_printf(recs, i ? ";%d" : "%d", a->recommendations[i]);
}

/* Inserts one action row and its links; sets *id (may be NULL). */
static int insert_action(save_ctx *c, const sl_action *a, int position, sl_buf *leads,
                         sl_buf *recs, int64_t *id, sl_error *err)
{
    static const char sql[] =
        "INSERT INTO actions (plan_id, theme_id, position, ref, title, description,"
        " start_text, start_day, start_parse, due_text, due_earliest, due_day, due_precision,"
        " due_parse, due_vague, sro, leads_list, recs_list, resources, resources_pence, measure,"
        " impact, delivered_through, status, status_text, rag_manual, progress, source_line,"
        " cur_status, cur_status_text, cur_rag, cur_note, cur_rag_reason)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,"
        " ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?24, ?25, ?26, ?27, ?29)";
    const sl_plan *p = c->plan;
    sd_stmt *st = sd_prepare(c->s, sql, err);
    if (!st)
        return -1;
    join_lists(a, leads, recs);
    sd_bind_int(st, 1, c->plan_id);
    if (a->theme >= 0 && (size_t)a->theme < p->n_themes)
        sd_bind_int(st, 2, c->theme_ids[a->theme]);
    sd_bind_int(st, 3, position);
    sd_bind_text(st, 4, a->ref);
    sd_bind_text(st, 5, a->title ? a->title : "");
    sd_bind_text(st, 6, a->description ? a->description : "");
    sd_bind_text(st, 7, a->start.text ? a->start.text : "");
    sd_bind_day(st, 8, a->start.parse == SL_DATE_OK ? a->start.value.earliest : SL_NO_DAY);
    sd_bind_int(st, 9, a->start.parse);
    sd_bind_text(st, 10, a->due.text ? a->due.text : "");
    sd_bind_day(st, 11, a->due.parse == SL_DATE_OK ? a->due.value.earliest : SL_NO_DAY);
    sd_bind_day(st, 12, a->due.parse == SL_DATE_OK ? a->due.value.latest : SL_NO_DAY);
    sd_bind_int(st, 13, a->due.value.precision);
    sd_bind_int(st, 14, a->due.parse);
    sd_bind_int(st, 15, a->due.value.vague);
    sd_bind_text(st, 16, a->sro ? a->sro : "");
    sd_bind_text(st, 17, sl_buf_str(leads));
    sd_bind_text(st, 18, sl_buf_str(recs));
    sd_bind_text(st, 19, a->resources ? a->resources : "");
    if (a->resources_pence >= 0)
        sd_bind_int(st, 20, a->resources_pence);
    sd_bind_text(st, 21, a->measure ? a->measure : "");
    sd_bind_text(st, 22, a->impact ? a->impact : "");
    sd_bind_text(st, 23, a->delivered_through ? a->delivered_through : "");
    sd_bind_text(st, 24, sl_status_name(a->status));
    sd_bind_text(st, 25, a->status_text ? a->status_text : "");
    sd_bind_text(st, 26, sl_rag_name(a->rag_manual));
    sd_bind_text(st, 27, a->progress ? a->progress : "");
    sd_bind_int(st, 28, a->source_line);
    sd_bind_text(st, 29, a->rag_manual != SL_RAG_NONE && a->rag_reason ? a->rag_reason : "");
    if (sd_exec(c->s, st, err, "adding an action") < 0)
        return -1;
    int64_t new_id = sd_last_id(c->s);
    if (id)
        *id = new_id;
    return insert_action_links(c, new_id, a, err);
}

/* SQLite: holds the search index's action trigger off (on), or indexes
 * plan_id's actions in one statement and lets the trigger work again (off);
 * see search_sql.h. Nothing on PostgreSQL, which searches the tables.
 * Returns 0 or -1. */
static int defer_search(sd_store *s, int on, int64_t plan_id, sl_error *err)
{
    if (s->drv->dialect == SD_POSTGRES)
        return 0;
    if (on) {
        sd_stmt *st = sd_prepare(s, SS_DEFER_ON, err);
        return st ? sd_exec(s, st, err, "deferring the search index") : -1;
    }
    sd_stmt *st = SD_STMT(s, SS_ACTIONS_OF_PLAN, err, SD_INT(plan_id));
    if (!st || sd_exec(s, st, err, "indexing the plan's actions for search") < 0)
        return -1;
    st = sd_prepare(s, SS_DEFER_OFF, err);
    return st ? sd_exec(s, st, err, "indexing the plan's actions for search") : -1;
}

int sd_save_plan(sl_store *store, const sl_plan *p, sl_day baseline_day, const char *actor,
                 int64_t *plan_id, sl_error *err)
{
    save_ctx c = {.s = (sd_store *)store, .plan = p};
    sl_buf leads = SL_BUF_INIT, recs = SL_BUF_INIT;
    int rc = insert_plan_row(&c, baseline_day, err);
    if (rc == 0)
        rc = insert_plan_parts(&c, err);
    if (rc == 0)
        rc = insert_findings(&c, err);
    if (rc == 0)
        rc = defer_search(c.s, 1, c.plan_id, err);
    for (size_t i = 0; rc == 0 && i < p->n_actions; i++)
        rc = insert_action(&c, &p->actions[i], (int)i + 1, &leads, &recs, NULL, err);
    if (rc == 0)
        rc = defer_search(c.s, 0, c.plan_id, err);
    if (rc == 0) {
        sl_buf summary = SL_BUF_INIT;
        sl_buf_cprintf(&summary, "%zu actions from %s (sha256 %.12s)", p->n_actions,
                       p->source_file ? p->source_file : "?", p->source_sha256);
        rc = sd_audit(c.s, actor, "import", "plan", c.plan_id, "", NULL, sl_buf_str(&summary), err);
        sl_buf_free(&summary);
    }
    *plan_id = c.plan_id;
    free(c.theme_ids);
    sl_strmap_free(&c.recs);
    sl_strmap_free(&c.people);
    sl_buf_free(&leads);
    sl_buf_free(&recs);
    return rc;
}

/* The columns of a plan's information, from plans p and authorities a. */
#define PLAN_INFO_SQL \
    "SELECT p.id, p.title, a.name, p.version, p.version_label, p.kind, p.source_file," \
    " p.source_sha256, p.imported_at, p.superseded_by," \
    " (SELECT count(*) FROM actions x WHERE x.plan_id = p.id)" \
    " FROM plans p JOIN authorities a ON a.id = p.authority_id"

/* Reads a PLAN_INFO_SQL row into *info (strings point into the statement). */
static void read_plan_info(sd_stmt *st, sl_plan_info *info)
{
    *info = (sl_plan_info){
        .id = sd_int64(st, 0),
        .title = sd_text(st, 1),
        .authority = sd_text(st, 2),
        .version = sd_int(st, 3),
        .version_label = sd_text(st, 4),
        .kind = sd_text(st, 5),
        .source_file = sd_text(st, 6),
        .source_sha256 = sd_text(st, 7),
        .imported_at = sd_text(st, 8),
        .superseded_by = sd_int64(st, 9),
        .n_actions = sd_int(st, 10),
    };
}

int sd_each_plan(sl_store *store, int all, sl_plan_cb cb, void *ctx, sl_error *err)
{
    static const char sql[] = PLAN_INFO_SQL " WHERE (?1 <> 0 OR p.superseded_by IS NULL) AND " SD_IN_SCOPE("p.authority_id")
                              " ORDER BY p.id";
    sd_store *s = (sd_store *)store;
    sd_stmt *st = sd_prepare(s, sql, err);
    if (!st)
        return -1;
    sd_bind_int(st, 1, all);
    int rc, stop = 0;
    while ((rc = sd_step(st)) == SD_ROW) {
        sl_plan_info info;
        read_plan_info(st, &info);
        if ((stop = cb(ctx, &info)) != 0)
            break;
    }
    return sd_walk_end(s, st, rc, stop, err, "listing plans");
}

int sd_plan_info(sl_store *store, int64_t id, sl_plan_cb cb, void *ctx, sl_error *err)
{
    static const char sql[] = PLAN_INFO_SQL " WHERE p.id = ?1 AND " SD_IN_SCOPE("p.authority_id");
    sd_store *s = (sd_store *)store;
    sd_stmt *st = SD_STMT(s, sql, err, SD_INT(id));
    if (!st)
        return -1;
    int rc = sd_step(st), found = rc == SD_ROW;
    if (found) {
        sl_plan_info info;
        read_plan_info(st, &info);
        cb(ctx, &info);
    }
    return sd_walk_end(s, st, rc == SD_ROW ? SD_DONE : rc, found, err, "reading a plan");
}

int sd_resolve_plan(sl_store *store, const char *name, int64_t *plan_id, sl_error *err)
{
    static const char sql[] =
        "SELECT p.id, p.superseded_by FROM plans p WHERE p.id = ?1 AND " SD_IN_SCOPE("p.authority_id")
        " UNION ALL SELECT p.id, p.superseded_by FROM plans p"
        "  WHERE p.title = ?2 AND p.superseded_by IS NULL AND " SD_IN_SCOPE("p.authority_id");
    sd_store *s = (sd_store *)store;
    sd_stmt *st = sd_prepare(s, sql, err);
    if (!st)
        return -1;
    char *end;
    long long number = strtoll(name, &end, 10);
    sd_bind_int(st, 1, *end == '\0' ? number : -1);
    sd_bind_text(st, 2, name);
    int found = 0, rc;
    while ((rc = sd_step(st)) == SD_ROW) {
        *plan_id = sd_int64(st, 0);
        found++;
    }
    if (sd_walk_end(s, st, rc, 0, err, "finding a plan") < 0)
        return -1;
    if (found == 0)
        return sl_fail_code(err, SL_ERR_NOT_FOUND, "no plan '%s' (see `sightline plans`)", name);
    if (found > 1)
        return sl_fail(err, "'%s' names more than one plan: use its number (see `sightline plans`)",
                       name);
    return 0;
}

/* Reads a stored plan's authority, theme ids (by position) and recommendation
 * ids into a save context for plan (as sl_store_load_plan gave it). */
static int existing_ctx(sd_store *s, int64_t plan_id, const sl_plan *plan, save_ctx *c, sl_error *err)
{
    static const char plan_sql[] = "SELECT authority_id FROM plans WHERE id = ?1";
    static const char themes_sql[] = "SELECT position, id FROM themes WHERE plan_id = ?1 ORDER BY position";
    static const char recs_sql[] = "SELECT number, id FROM recommendations WHERE plan_id = ?1";
    memset(c, 0, sizeof *c);
    c->s = s;
    c->plan = plan;
    c->plan_id = plan_id;
    c->theme_ids = sl_calloc((plan->n_themes + 1) * sizeof *c->theme_ids);
    sd_stmt *st = SD_STMT(s, plan_sql, err, SD_INT(plan_id));
    int found = st ? sd_one_row(s, st, err, "reading a plan") : -1;
    if (found <= 0)
        return found < 0 ? -1 : sl_fail_code(err, SL_ERR_NOT_FOUND, "no plan %lld", (long long)plan_id);
    c->authority_id = sd_int64(st, 0);
    sd_reset(st);
    if (!(st = SD_STMT(s, themes_sql, err, SD_INT(plan_id))))
        return -1;
    int rc;
    while ((rc = sd_step(st)) == SD_ROW) {
        int pos = sd_int(st, 0);
        if (pos >= 1 && (size_t)pos <= plan->n_themes)
            c->theme_ids[pos - 1] = sd_int64(st, 1);
    }
    if (sd_walk_end(s, st, rc, 0, err, "reading themes") < 0 || !(st = SD_STMT(s, recs_sql, err, SD_INT(plan_id))))
        return -1;
    while ((rc = sd_step(st)) == SD_ROW)
        sl_strmap_put(&c->recs, sd_text(st, 0), sd_int64(st, 1));
    return sd_walk_end(s, st, rc, 0, err, "reading recommendations");
}

/* Frees what existing_ctx read. */
static void free_ctx(save_ctx *c)
{
    free(c->theme_ids);
    sl_strmap_free(&c->recs);
    sl_strmap_free(&c->people);
}

int sd_insert_action(sd_store *s, int64_t plan_id, const sl_plan *plan, const sl_action *a, int position,
                     int64_t *id, sl_error *err)
{
    save_ctx c;
    sl_buf leads = SL_BUF_INIT, recs = SL_BUF_INIT;
    int rc = existing_ctx(s, plan_id, plan, &c, err);
    if (rc == 0)
        rc = insert_action(&c, a, position, &leads, &recs, id, err);
    free_ctx(&c);
    sl_buf_free(&leads);
    sl_buf_free(&recs);
    return rc;
}

int sd_relink_action(sd_store *s, int64_t plan_id, const sl_plan *plan, int64_t action_id, const sl_action *a,
                     int64_t *theme_id, sl_error *err)
{
    static const char *const clear[] = {
        "DELETE FROM action_people WHERE action_id = ?1",
        "DELETE FROM action_recommendations WHERE action_id = ?1",
        "DELETE FROM action_milestones WHERE action_id = ?1",
    };
    save_ctx c;
    int rc = existing_ctx(s, plan_id, plan, &c, err);
    for (size_t i = 0; rc == 0 && i < sizeof clear / sizeof clear[0]; i++) {
        sd_stmt *st = SD_STMT(s, clear[i], err, SD_INT(action_id));
        rc = st ? sd_exec(s, st, err, "relinking an action") : -1;
    }
    if (rc == 0) {
        /* Custom fields stay as they are: insert_action_links would add them again. */
        sl_action bare = *a;
        bare.n_custom = 0;
        rc = insert_action_links(&c, action_id, &bare, err);
    }
    *theme_id = a->theme >= 0 && (size_t)a->theme < plan->n_themes ? c.theme_ids[a->theme] : 0;
    free_ctx(&c);
    return rc;
}
