/* sql_measures.c — measure definitions with their milestones, and their
 * values per period and series. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/sql/sql_store.h"
#include "util/buf.h"
#include "util/clock.h"
#include "util/mem.h"

/* Binds a point's value and day, or NULLs when it is not set. */
static void bind_point(sd_stmt *st, int value_index, const sl_measure_point *p)
{
    if (p->set)
        sd_bind_double(st, value_index, p->value);
    else
        sd_bind_null(st, value_index);
    sd_bind_day(st, value_index + 1, p->set ? p->day : SL_NO_DAY);
}

int sd_measure_add(sl_store *store, const sl_measure_def *d, int64_t action_id, const char *actor,
                   sl_error *err)
{
    static const char sql[] =
        "INSERT INTO measures (code, name, unit, polarity, frequency, baseline_value, baseline_day,"
        " target_value, target_day, target_relative, tolerance, owner, source, suggested_from,"
        " action_id, created_at, authority_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11,"
        " ?12, ?13, ?14, ?15, ?16, ?17)";
    static const char action_authority_sql[] =
        "SELECT p.authority_id FROM actions a JOIN plans p ON p.id = a.plan_id WHERE a.id = ?1";
    static const char milestone_sql[] =
        "INSERT INTO measure_milestones (measure_id, position, value, day) VALUES (?1, ?2, ?3, ?4)";
    sd_store *s = (sd_store *)store;
    int64_t authority_id = 0;
    if (action_id) {
        /* The authority of the action it evidences. */
        sd_stmt *a = sd_scope_check(s, SD_OF_ACTION, action_id, err) < 0
                         ? NULL
                         : SD_STMT(s, action_authority_sql, err, SD_INT(action_id));
        if (!a || sd_one_row(s, a, err, "finding an action's authority") < 0)
            return -1;
        authority_id = sd_int64(a, 0);
        sd_reset(a);
    } else if (sd_new_authority(s, &authority_id, err) < 0) {
        return -1;
    }
    char now[32];
    sl_now_timestamp(now);
    sd_stmt *st = SD_STMT(s, sql, err, SD_TEXT(d->code), SD_TEXT(d->name ? d->name : ""),
                      SD_TEXT(sl_unit_name(d->unit)), SD_TEXT(sl_polarity_name(d->polarity)),
                      SD_TEXT(sl_frequency_name(d->frequency)));
    if (!st)
        return -1;
    bind_point(st, 6, &d->baseline);
    bind_point(st, 8, &d->target);
    sd_bind_int(st, 10, d->target_relative);
    sd_bind_double(st, 11, d->tolerance);
    sd_bind_text(st, 12, d->owner);
    sd_bind_text(st, 13, d->source);
    sd_bind_text(st, 14, d->suggested_from);
    if (action_id)
        sd_bind_int(st, 15, action_id);
    sd_bind_text(st, 16, now);
    if (authority_id)
        sd_bind_int(st, 17, authority_id);
    int inserted = sd_insert(s, st, err, "adding a measure");
    if (inserted == SD_TAKEN)
        return sl_fail_code(err, SL_ERR_EXISTS, "a measure %s already exists", d->code);
    if (inserted < 0)
        return -1;
    int64_t id = sd_last_id(s);
    for (int m = 0; m < d->n_milestones; m++) {
        if (!(st = sd_prepare(s, milestone_sql, err)))
            return -1;
        sd_bind_int(st, 1, id);
        sd_bind_int(st, 2, m + 1);
        sd_bind_double(st, 3, d->milestones[m].value);
        sd_bind_day(st, 4, d->milestones[m].day);
        if (sd_exec(s, st, err, "adding a milestone") < 0)
            return -1;
    }
    sl_buf after = SL_BUF_INIT;
    sl_buf_cprintf(&after, "%s (%s, %s is better)", d->code, sl_unit_name(d->unit), sl_polarity_name(d->polarity));
    int rc = sd_audit(s, actor, "add", "measure", id, "", NULL, sl_buf_str(&after), err);
    sl_buf_free(&after);
    return rc;
}

/* Reads a point from a value column and the day column after it. */
static sl_measure_point read_point(sd_stmt *st, int col)
{
    sl_measure_point p = {0, 0, SL_NO_DAY};
    if (!sd_is_null(st, col)) {
        p.set = 1;
        p.value = sd_double(st, col);
        p.day = sd_day(st, col + 1);
    }
    return p;
}

/* Reads one measure row (see sd_measures' SELECT) into *d. */
static void read_def(sd_stmt *st, sl_measure_def *d)
{
    sl_measure_def_init(d);
    snprintf(d->code, sizeof d->code, "%s", sd_text(st, 1));
    sl_measure_def_set_text(&d->name, sd_text(st, 2), strlen(sd_text(st, 2)));
    sl_unit_parse(sd_text(st, 3), &d->unit);
    sl_polarity_parse(sd_text(st, 4), &d->polarity);
    sl_frequency_parse(sd_text(st, 5), &d->frequency);
    d->baseline = read_point(st, 6);
    d->target = read_point(st, 8);
    d->target_relative = sd_int(st, 10);
    d->tolerance = sd_double(st, 11);
    if (!sd_is_null(st, 12))
        sl_measure_def_set_text(&d->owner, sd_text(st, 12), strlen(sd_text(st, 12)));
    if (!sd_is_null(st, 13))
        sl_measure_def_set_text(&d->source, sd_text(st, 13), strlen(sd_text(st, 13)));
    if (!sd_is_null(st, 14))
        sl_measure_def_set_text(&d->suggested_from, sd_text(st, 14), strlen(sd_text(st, 14)));
}

int sd_measures(sl_store *store, sl_measure_def **defs, int64_t **action_ids, sl_error *err)
{
    static const char sql[] =
        "SELECT id, code, name, unit, polarity, frequency, baseline_value, baseline_day,"
        " target_value, target_day, target_relative, tolerance, owner, source, suggested_from,"
        " coalesce(action_id, 0) FROM measures WHERE " SD_IN_SCOPE("authority_id") " ORDER BY code";
    static const char milestones[] =
        "SELECT value, day FROM measure_milestones WHERE measure_id = ?1 ORDER BY position";
    sd_store *s = (sd_store *)store;
    *defs = NULL;
    if (action_ids)
        *action_ids = NULL;
    sd_stmt *st = sd_prepare(s, sql, err);
    if (!st)
        return -1;
    int n = 0, rc;
    int64_t *ids = NULL, *actions = NULL;
    while ((rc = sd_step(st)) == SD_ROW) {
        *defs = sl_realloc(*defs, (size_t)(n + 1) * sizeof **defs);
        ids = sl_realloc(ids, (size_t)(n + 1) * sizeof *ids);
        actions = sl_realloc(actions, (size_t)(n + 1) * sizeof *actions);
        ids[n] = sd_int64(st, 0);
        actions[n] = sd_int64(st, 15);
        read_def(st, &(*defs)[n++]);
    }
    int result = sd_walk_end(s, st, rc, 0, err, "listing measures") < 0 ? -1 : n;
    for (int i = 0; result >= 0 && i < n; i++) {
        if (!(st = sd_prepare(s, milestones, err))) {
            result = -1;
            break;
        }
        sd_bind_int(st, 1, ids[i]);
        while ((rc = sd_step(st)) == SD_ROW)
            sl_measure_def_add_milestone(&(*defs)[i], sd_double(st, 0), sd_day(st, 1));
        if (sd_walk_end(s, st, rc, 0, err, "reading milestones") < 0)
            result = -1;
    }
    free(ids);
    if (result < 0) {
        for (int i = 0; i < n; i++)
            sl_measure_def_free(&(*defs)[i]);
        free(*defs);
        *defs = NULL;
        free(actions);
        return -1;
    }
    if (action_ids)
        *action_ids = actions;
    else
        free(actions);
    return result;
}

int sd_measure_values_put(sl_store *store, const sl_measure_value *v, size_t n, const char *file,
                          const char *actor, sl_error *err)
{
    static const char sqlite_sql[] =
        "INSERT OR REPLACE INTO measure_values (measure_id, series, period_first, period_last,"
        " period_kind, value) SELECT id, ?2, ?3, ?4, ?5, ?6 FROM measures WHERE code = ?1"
        " AND " SD_IN_SCOPE("authority_id");
    static const char pg_sql[] =
        "INSERT INTO measure_values (measure_id, series, period_first, period_last,"
        " period_kind, value) SELECT id, ?2, ?3, ?4, ?5, ?6 FROM measures WHERE code = ?1"
        " AND " SD_IN_SCOPE("authority_id") " ON CONFLICT (measure_id, series, period_first, period_last)"
        " DO UPDATE SET period_kind = excluded.period_kind, value = excluded.value";
    sd_store *s = (sd_store *)store;
    const char *sql = SD_SQL(s, sqlite_sql, pg_sql);
    for (size_t i = 0; i < n; i++) {
        sd_stmt *st = SD_STMT(s, sql, err, SD_TEXT(v[i].code), SD_TEXT(v[i].series),
                          SD_INT(v[i].period.first), SD_INT(v[i].period.last),
                          SD_INT(v[i].period.kind), SD_REAL(v[i].value));
        if (!st)
            return -1;
        if (sd_exec(s, st, err, "storing a value") < 0)
            return -1;
        if (sd_changes(s) != 1)
            return sl_fail(err, "no measure %s", v[i].code);
    }
    sl_buf after = SL_BUF_INIT;
    sl_buf_cprintf(&after, "%zu values from %s", n, file);
    int rc = sd_audit(s, actor, "load", "measures", 0, "", NULL, sl_buf_str(&after), err);
    sl_buf_free(&after);
    return rc;
}

int sd_measure_values(sl_store *store, const char *code, sl_measure_value **values, sl_error *err)
{
    static const char sql[] =
        "SELECT m.code, v.series, v.period_kind, v.period_first, v.period_last, v.value"
        " FROM measure_values v JOIN measures m ON m.id = v.measure_id"
        " WHERE (CAST(?1 AS TEXT) IS NULL OR m.code = ?1) AND " SD_IN_SCOPE("m.authority_id") " ORDER BY m.code, v.period_last, v.series";
    sd_store *s = (sd_store *)store;
    *values = NULL;
    sd_stmt *st = sd_prepare(s, sql, err);
    if (!st)
        return -1;
    sd_bind_text(st, 1, code);
    int n = 0, rc;
    size_t cap = 0;
    while ((rc = sd_step(st)) == SD_ROW) {
        if ((size_t)n == cap) {
            cap = cap ? cap * 2 : 64;
            *values = sl_realloc(*values, cap * sizeof **values);
        }
        sl_measure_value *v = &(*values)[n++];
        memset(v, 0, sizeof *v);
        snprintf(v->code, sizeof v->code, "%s", sd_text(st, 0));
        snprintf(v->series, sizeof v->series, "%s", sd_text(st, 1));
        v->period.kind = (sl_period_kind)sd_int(st, 2);
        v->period.first = sd_day(st, 3);
        v->period.last = sd_day(st, 4);
        v->value = sd_double(st, 5);
    }
    if (sd_walk_end(s, st, rc, 0, err, "reading values") < 0) {
        free(*values);
        *values = NULL;
        return -1;
    }
    return n;
}
