/* sql_inspections.c — Ofsted inspections: their judgements and their
 * recommendations, stored and read back. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/sql/sql_store.h"
#include "util/buf.h"
#include "util/clock.h"
#include "util/mem.h"

int sd_find_inspection(sl_store *store, const char *authority, sl_day start, int64_t *id,
                       sl_error *err)
{
    static const char sqlite_sql[] =
        "SELECT id FROM inspections WHERE authority = ?1 AND start_day IS ?2 AND " SD_IN_SCOPE("authority_id");
    static const char pg_sql[] =
        "SELECT id FROM inspections WHERE authority = ?1 AND start_day IS NOT DISTINCT FROM ?2 AND "
        SD_IN_SCOPE("authority_id");
    sd_store *s = (sd_store *)store;
    sd_stmt *st = SD_STMT(s, SD_SQL(s, sqlite_sql, pg_sql), err, SD_TEXT(authority), SD_DAY(start));
    if (!st)
        return -1;
    int rc = sd_step(st);
    if (rc == SD_ROW)
        *id = sd_int64(st, 0);
    sd_reset(st);
    if (rc != SD_ROW && rc != SD_DONE)
        return sd_fail(s, err, "finding an inspection");
    return rc == SD_ROW;
}

/* Inserts the judgements and items of a stored inspection. */
static int save_parts(sd_store *s, int64_t id, const sl_inspection *in, sl_error *err)
{
    static const char judgement_sql[] =
        "INSERT INTO inspection_judgements (inspection_id, kind, grade) VALUES (?1, ?2, ?3)";
    static const char item_sql[] =
        "INSERT INTO inspection_items (inspection_id, position, text, framework_outcome, source_line,"
        " priority) VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
    for (int k = 0; k < SL_JUDGEMENT_COUNT; k++) {
        if (in->judgements[k] == SL_GRADE_NONE)
            continue;
        sd_stmt *st = SD_STMT(s, judgement_sql, err, SD_INT(id),
                          SD_TEXT(sl_judgement_key((sl_judgement_kind)k)),
                          SD_TEXT(sl_grade_name(in->judgements[k])));
        if (!st)
            return -1;
        if (sd_exec(s, st, err, "adding a judgement") < 0)
            return -1;
    }
    for (size_t i = 0; i < in->n_items; i++) {
        sd_stmt *st = SD_STMT(s, item_sql, err, SD_INT(id), SD_INT((int)i + 1),
                          SD_TEXT(in->items[i].text), SD_TEXT(in->items[i].framework_outcome),
                          SD_INT(in->items[i].source_line), SD_INT(in->items[i].priority != 0));
        if (!st)
            return -1;
        if (sd_exec(s, st, err, "adding a recommendation") < 0)
            return -1;
    }
    return 0;
}

/* Finds the authority an inspection names, by code, else by name in any
 * case; adds it when new (a store scoped to an account adds none and finds
 * only those in its scope: SL_ERR_NOT_FOUND for the others). Returns 0 or -1. */
static int inspection_authority(sd_store *s, const char *name, const char *code, int64_t *id, sl_error *err)
{
    static const char find_sql[] =
        "SELECT id, CASE WHEN " SD_IN_SCOPE("id") " THEN 1 ELSE 0 END FROM authorities WHERE code = ?2 OR lower(name) = lower(?1)"
        " ORDER BY code = ?2 DESC, id LIMIT 1";
    static const char add_sql[] = "INSERT INTO authorities (name, code) VALUES (?1, ?2)";
    sd_stmt *st = SD_STMT(s, find_sql, err, SD_TEXT(name), SD_TEXT(code));
    int found = st ? sd_one_row(s, st, err, "finding an inspection's authority") : -1;
    if (found < 0)
        return -1;
    int visible = found && sd_int(st, 1);
    if (found) {
        *id = sd_int64(st, 0);
        sd_reset(st);
    }
    if (found && visible)
        return 0;
    if (s->scope != SL_SCOPE_ALL || !*name)
        return sl_fail_code(err, SL_ERR_NOT_FOUND, "no such authority '%s'", name);
    if (!(st = SD_STMT(s, add_sql, err, SD_TEXT(name), SD_TEXT(code))) ||
        sd_exec(s, st, err, "adding an authority") < 0)
        return -1;
    *id = sd_last_id(s);
    return 0;
}

int sd_save_inspection(sl_store *store, const sl_inspection *in, const char *authority_code,
                       const char *actor, int64_t *id, sl_error *err)
{
    static const char sql[] =
        "INSERT INTO inspections (authority, authority_code, urn, start_day, end_day, published_day,"
        " framework, lead_inspector, report_url, source_file, source_sha256, imported_at, kind,"
        " authority_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)";
    sd_store *s = (sd_store *)store;
    int64_t authority_id = 0;
    if (inspection_authority(s, in->authority ? in->authority : "", authority_code, &authority_id, err) < 0)
        return -1;
    sd_stmt *st = SD_STMT(s, sql, err, SD_TEXT(in->authority ? in->authority : ""),
                      SD_TEXT(authority_code), SD_TEXT(in->urn), SD_DAY(in->start), SD_DAY(in->end),
                      SD_DAY(in->published), SD_TEXT(in->framework), SD_TEXT(in->lead_inspector),
                      SD_TEXT(in->report_url), SD_TEXT(in->source_file ? in->source_file : ""),
                      SD_TEXT(in->source_sha256), SD_NOW,
                      SD_TEXT(in->kind ? sl_inspection_kind_name(in->kind) : ""), SD_INT(authority_id));
    if (!st)
        return -1;
    if (sd_exec(s, st, err, "adding an inspection") < 0)
        return -1;
    *id = sd_last_id(s);
    if (save_parts(s, *id, in, err) < 0)
        return -1;
    sl_buf after = SL_BUF_INIT;
    sl_buf_cprintf(&after, "%s, %zu recommendations, from %s", in->authority ? in->authority : "?",
                   in->n_items, in->source_file ? in->source_file : "?");
    int rc = sd_audit(s, actor, "import", "inspection", *id, "", NULL, sl_buf_str(&after), err);
    sl_buf_free(&after);
    return rc;
}

/* Copies a text column into a new string, NULL staying NULL. */
static char *column_copy(sd_stmt *st, int col)
{
    return sd_is_null(st, col) ? NULL : sl_strdup(sd_text(st, col));
}

/* Reads the judgements and items of one inspection into *in. */
static int load_parts(sd_store *s, int64_t id, sl_inspection *in, sl_error *err)
{
    static const char judgements[] =
        "SELECT kind, grade FROM inspection_judgements WHERE inspection_id = ?1";
    static const char items[] =
        "SELECT text, framework_outcome, source_line, priority FROM inspection_items"
        " WHERE inspection_id = ?1 ORDER BY position";
    sd_stmt *st = sd_prepare(s, judgements, err);
    if (!st)
        return -1;
    sd_bind_int(st, 1, id);
    int rc;
    while ((rc = sd_step(st)) == SD_ROW) {
        const char *kind = sd_text(st, 0), *grade = sd_text(st, 1);
        for (int k = 0; k < SL_JUDGEMENT_COUNT; k++)
            if (strcmp(kind, sl_judgement_key((sl_judgement_kind)k)) == 0)
                sl_grade_parse(grade, strlen(grade), &in->judgements[k], NULL);
    }
    if (sd_walk_end(s, st, rc, 0, err, "reading judgements") < 0)
        return -1;
    if (!(st = sd_prepare(s, items, err)))
        return -1;
    sd_bind_int(st, 1, id);
    while ((rc = sd_step(st)) == SD_ROW) {
        sl_inspection_add_item(in, sl_strdup(sd_text(st, 0)), column_copy(st, 1),
                               (long)sd_int64(st, 2));
        in->items[in->n_items - 1].priority = sd_int(st, 3) != 0;
    }
    if (sd_walk_end(s, st, rc, 0, err, "reading recommendations") < 0)
        return -1;
    return 0;
}

/* Reads every inspection with its parts into rows; ids and codes (caller
 * frees, may be NULL) get each one's id and authority code. Returns 0 or -1. */
static int read_all(sd_store *s, sl_inspection_list *rows, int64_t **ids_out, char ***codes_out,
                    sl_error *err)
{
    static const char sql[] =
        "SELECT id, authority, authority_code, urn, start_day, end_day, published_day, framework,"
        " lead_inspector, report_url, source_file, kind FROM inspections WHERE " SD_IN_SCOPE("authority_id")
        " ORDER BY authority, start_day, id";
    memset(rows, 0, sizeof *rows);
    int64_t *ids = NULL;
    char **codes = NULL;
    /* Read the rows first: loading each one's parts reuses other statements. */
    sd_stmt *st = sd_prepare(s, sql, err);
    if (!st)
        return -1;
    int rc;
    while ((rc = sd_step(st)) == SD_ROW) {
        rows->inspections = sl_realloc(rows->inspections, (rows->n + 1) * sizeof *rows->inspections);
        ids = sl_realloc(ids, (rows->n + 1) * sizeof *ids);
        codes = sl_realloc(codes, (rows->n + 1) * sizeof *codes);
        sl_inspection *in = &rows->inspections[rows->n];
        sl_inspection_init(in);
        ids[rows->n] = sd_int64(st, 0);
        in->authority = sl_strdup(sd_text(st, 1));
        codes[rows->n] = column_copy(st, 2);
        in->urn = column_copy(st, 3);
        in->start = sd_day(st, 4);
        in->end = sd_day(st, 5);
        in->published = sd_day(st, 6);
        in->framework = column_copy(st, 7);
        in->lead_inspector = column_copy(st, 8);
        in->report_url = column_copy(st, 9);
        in->source_file = column_copy(st, 10);
        in->kind = sl_inspection_kind_parse(sd_text(st, 11));
        if (in->kind == SL_INSPECTION_UNKNOWN)     /* stored before kinds were */
            in->kind = sl_inspection_kind_of_framework(in->framework);
        rows->n++;
    }
    int result = sd_walk_end(s, st, rc, 0, err, "listing inspections");
    for (size_t i = 0; result == 0 && i < rows->n; i++)
        result = load_parts(s, ids[i], &rows->inspections[i], err);
    if (result < 0) {
        for (size_t i = 0; i < rows->n; i++)
            free(codes[i]);
        free(codes);
        free(ids);
        sl_inspection_list_free(rows);
        return -1;
    }
    if (ids_out)
        *ids_out = ids;
    else
        free(ids);
    if (codes_out) {
        *codes_out = codes;
    } else {
        for (size_t i = 0; i < rows->n; i++)
            free(codes[i]);
        free(codes);
    }
    return 0;
}

int sd_load_inspections(sl_store *store, sl_inspection_list *out, sl_error *err)
{
    return read_all((sd_store *)store, out, NULL, NULL, err);
}

int sd_each_inspection(sl_store *store, sl_inspection_cb cb, void *ctx, sl_error *err)
{
    sl_inspection_list rows;
    int64_t *ids;
    char **codes;
    if (read_all((sd_store *)store, &rows, &ids, &codes, err) < 0)
        return -1;
    int result = 0;
    for (size_t i = 0; result == 0 && i < rows.n; i++)
        result = cb(ctx, ids[i], codes[i], &rows.inspections[i]);
    for (size_t i = 0; i < rows.n; i++)
        free(codes[i]);
    free(codes);
    free(ids);
    sl_inspection_list_free(&rows);
    return result;
}

int sd_link_plan_inspection(sl_store *store, int64_t plan_id, int64_t inspection_id, sl_error *err)
{
    static const char sql[] = "INSERT INTO plan_inspections (plan_id, inspection_id) VALUES (?1, ?2)"
                              " ON CONFLICT DO NOTHING";
    sd_store *s = (sd_store *)store;
    if (sd_scope_check(s, SD_OF_PLAN, plan_id, err) < 0)
        return -1;
    sd_stmt *st = SD_STMT(s, sql, err, SD_INT(plan_id), SD_INT(inspection_id));
    if (!st)
        return -1;
    return sd_exec(s, st, err, "linking a plan to its inspection");
}

int sd_plan_inspections(sl_store *store, int64_t plan_id, int64_t **ids, size_t *n, sl_error *err)
{
    static const char sql[] = "SELECT inspection_id FROM plan_inspections WHERE plan_id = ?1 AND "
                              SD_PLAN_IN_SCOPE("plan_id") " AND " SD_INSPECTION_IN_SCOPE("inspection_id")
                              " ORDER BY inspection_id";
    sd_store *s = (sd_store *)store;
    *ids = NULL;
    *n = 0;
    sd_stmt *st = SD_STMT(s, sql, err, SD_INT(plan_id));
    if (!st)
        return -1;
    int rc;
    while ((rc = sd_step(st)) == SD_ROW) {
        *ids = sl_realloc(*ids, (*n + 1) * sizeof **ids);
        (*ids)[(*n)++] = sd_int64(st, 0);
    }
    sd_reset(st);
    if (rc != SD_DONE) {
        free(*ids);
        *ids = NULL;
        *n = 0;
        return sd_fail(s, err, "reading a plan's inspections");
    }
    return 0;
}
