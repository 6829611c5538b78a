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

/* The columns read_def reads, and the measures of one plan (?1). */
#define MEASURE_COLUMNS \
    "SELECT id, code, name, unit, polarity, frequency, baseline_value, baseline_day," \
    " target_value, target_day, target_relative, tolerance, owner, source, suggested_from," \
    " coalesce(action_id, 0) FROM measures"
#define OF_PLAN " action_id IN (SELECT id FROM actions WHERE plan_id = ?1) OR action_id IS NULL"

/* A measure's id and its place in the list being loaded. */
typedef struct {
    int64_t id;
    int index;
} id_place;

/* Orders id_place by id. */
static int by_id(const void *a, const void *b)
{
    int64_t x = ((const id_place *)a)->id, y = ((const id_place *)b)->id;
    return x < y ? -1 : x > y;
}

/* Adds to defs[0..n) (whose ids are ids[]) their milestones, read in one
 * statement (every measure's, or plan_id's measures'), not one per measure:
 * on PostgreSQL each statement is a round trip. Returns 0 or -1. */
static int load_milestones(sd_store *s, int64_t plan_id, const int64_t *ids, int n,
                           sl_measure_def *defs, sl_error *err)
{
    static const char all_sql[] =
        "SELECT measure_id, value, day FROM measure_milestones ORDER BY measure_id, position";
    static const char plan_sql[] =
        "SELECT measure_id, value, day FROM measure_milestones"
        " WHERE measure_id IN (SELECT id FROM measures WHERE" OF_PLAN ")"
        " ORDER BY measure_id, position";
    id_place *places = sl_realloc(NULL, (size_t)n * sizeof *places);
    for (int i = 0; i < n; i++)
        places[i] = (id_place){ids[i], i};
    qsort(places, (size_t)n, sizeof *places, by_id);
    sd_stmt *st = plan_id ? SD_STMT(s, plan_sql, err, SD_INT(plan_id)) : sd_prepare(s, all_sql, err);
    int rc = SD_ERROR;
    while (st && (rc = sd_step(st)) == SD_ROW) {
        id_place key = {sd_int64(st, 0), 0};
        const id_place *at = bsearch(&key, places, (size_t)n, sizeof *places, by_id);
        if (at)
            sl_measure_def_add_milestone(&defs[at->index], sd_double(st, 1), sd_day(st, 2));
    }
    free(places);
    return st ? sd_walk_end(s, st, rc, 0, err, "reading milestones") : -1;
}

/* Loads the measures sql lists (bound to plan_id when it names ?1), with
 * their milestones; see store_ops.h: measures. */
static int load_measures(sd_store *s, const char *sql, int64_t plan_id, sl_measure_def **defs,
                         int64_t **action_ids, sl_error *err)
{
    *defs = NULL;
    if (action_ids)
        *action_ids = NULL;
    sd_stmt *st = sd_prepare(s, sql, err);
    if (!st)
        return -1;
    if (plan_id)
        sd_bind_int(st, 1, plan_id);
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
    if (result >= 0 && n > 0 && load_milestones(s, plan_id, ids, n, *defs, err) < 0)
        result = -1;
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

int sd_measures(sl_store *store, sl_measure_def **defs, int64_t **action_ids, sl_error *err)
{
    static const char sql[] = MEASURE_COLUMNS " WHERE " SD_IN_SCOPE("authority_id") " ORDER BY code";
    return load_measures((sd_store *)store, sql, 0, defs, action_ids, err);
}

int sd_measures_of_plan(sl_store *store, int64_t plan_id, sl_measure_def **defs,
                        int64_t **action_ids, sl_error *err)
{
    static const char sql[] = MEASURE_COLUMNS " WHERE (" OF_PLAN ") AND " SD_IN_SCOPE("authority_id") " ORDER BY code";
    return load_measures((sd_store *)store, sql, plan_id, defs, action_ids, err);
}


/* Records in the figure history that a load gave no number for value v
 * (once: loading the same file again adds nothing). */
static int record_missing(sd_store *s, const sl_measure_value *v, const char *file, const char *actor,
                          const char *now, sl_error *err)
{
    static const char sql[] =
        "INSERT INTO measure_figures (measure_id, series, period_first, period_last, period_kind, change,"
        " source, actor, recorded_at) SELECT m.id, ?2, ?3, ?4, ?5, 'missing', ?6, ?7, ?8 FROM measures m"
        " WHERE m.code = ?1 AND NOT EXISTS (SELECT 1 FROM measure_figures f WHERE f.measure_id = m.id"
        " AND f.series = ?2 AND f.period_first = ?3 AND f.period_last = ?4 AND f.change = 'missing')";
    sd_stmt *st = SD_STMT(s, sql, err, SD_TEXT(v->code), SD_TEXT(v->series), SD_INT(v->period.first),
                          SD_INT(v->period.last), SD_INT(v->period.kind), SD_TEXT(file), SD_TEXT(actor),
                          SD_TEXT(now));
    return st ? sd_exec(s, st, err, "recording a missing value") : -1;
}

/* Records in the figure history the value a load is about to replace,
 * when it differs from the new one. */
static int record_replaced(sd_store *s, const sl_measure_value *v, const char *file, const char *actor,
                           const char *now, sl_error *err)
{
    static const char sql[] =
        "INSERT INTO measure_figures (measure_id, series, period_first, period_last, period_kind, change, value,"
        " previous, source, actor, recorded_at) SELECT v.measure_id, v.series, v.period_first, v.period_last,"
        " ?5, 'loaded', ?6, v.value, ?7, ?8, ?9 FROM measure_values v JOIN measures m ON m.id = v.measure_id"
        " WHERE m.code = ?1 AND v.series = ?2 AND v.period_first = ?3 AND v.period_last = ?4 AND v.value <> ?6";
    sd_stmt *st = SD_STMT(s, sql, err, SD_TEXT(v->code), SD_TEXT(v->series), SD_INT(v->period.first),
                          SD_INT(v->period.last), SD_INT(v->period.kind), SD_REAL(v->value), SD_TEXT(file),
                          SD_TEXT(actor), SD_TEXT(now));
    return st ? sd_exec(s, st, err, "recording a replaced value") : -1;
}

/* Sets *any to 1 when measure code has a stored value of any series, else 0;
 * returns 0 or -1. A first load of a measure has nothing to replace, and so
 * skips looking for a value to keep in the history row by row. */
static int has_values(sd_store *s, const char *code, int *any, sl_error *err)
{
    static const char sql[] =
        "SELECT 1 FROM measure_values v JOIN measures m ON m.id = v.measure_id WHERE m.code = ?1 LIMIT 1";
    sd_stmt *st = SD_STMT(s, sql, err, SD_TEXT(code));
    int found = st ? sd_one_row(s, st, err, "looking for stored values") : -1;
    if (found == 1)
        sd_reset(st);
    *any = found == 1;
    return found < 0 ? -1 : 0;
}

/* Reads the stored value of v's measure, series and period into *old;
 * returns 1 found, 0 none, or -1. */
static int stored_value(sd_store *s, const sl_measure_value *v, double *old, sl_error *err)
{
    static const char sql[] =
        "SELECT v.value FROM measure_values v JOIN measures m ON m.id = v.measure_id WHERE m.code = ?1"
        " AND v.series = ?2 AND v.period_first = ?3 AND v.period_last = ?4";
    sd_stmt *st = SD_STMT(s, sql, err, SD_TEXT(v->code), SD_TEXT(v->series), SD_INT(v->period.first),
                          SD_INT(v->period.last));
    int found = st ? sd_one_row(s, st, err, "reading a stored value") : -1;
    if (found == 1) {
        *old = sd_double(st, 0);
        sd_reset(st);
    }
    return found;
}

/* Keeps in the history the value a load replaces; returns 1 when v is
 * already stored as it is (nothing to write), 0 to write it, or -1. */
static int before_put(sd_store *s, const sl_measure_value *v, const char *file, const char *actor,
                      const char *now, sl_error *err)
{
    double old = 0;
    int found = stored_value(s, v, &old, err);
    if (found <= 0)
        return found;
    if (old == v->value)
        return 1;
    return record_replaced(s, v, file, actor, now, err) < 0 ? -1 : 0;
}

int sd_measure_values_put(sl_store *store, const sl_measure_value *v, size_t n, const char *file,
                          const char *actor, sl_error *err)
{
    static const char sql[] =
        "INSERT INTO measure_values (measure_id, series, period_first, period_last,"
        " period_kind, value, version) SELECT id, ?2, ?3, ?4, ?5, ?6, 1 FROM measures WHERE code = ?1"
        " AND " SD_IN_SCOPE("authority_id")
        " ON CONFLICT (measure_id, series, period_first, period_last)"
        " DO UPDATE SET period_kind = excluded.period_kind, value = excluded.value,"
        " version = measure_values.version + (CASE WHEN measure_values.value <> excluded.value THEN 1 ELSE 0 END)";
    sd_store *s = (sd_store *)store;
    char now[32];
    sl_now_timestamp(now);
    int any = 0;
    const char *checked = NULL;             /* the code `any` is for */
    for (size_t i = 0; i < n; i++) {
        if (v[i].missing) {
            if (record_missing(s, &v[i], file, actor, now, err) < 0)
                return -1;
            continue;
        }
        if (!checked || strcmp(v[i].code, checked) != 0) {
            if (has_values(s, v[i].code, &any, err) < 0)
                return -1;
            checked = v[i].code;
        }
        int same = any ? before_put(s, &v[i], file, actor, now, err) : 0;
        if (same < 0)
            return -1;
        if (same)
            continue;
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

/* Reads the values a statement lists (code, series, kind, first, last,
 * value, version) into *values (caller frees); returns the count or -1. */
static int read_values(sd_store *s, sd_stmt *st, sl_measure_value **values, sl_error *err)
{
    *values = NULL;
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
        v->version = sd_int(st, 6);
    }
    if (sd_walk_end(s, st, rc, 0, err, "reading values") < 0) {
        free(*values);
        *values = NULL;
        return -1;
    }
    return n;
}

#define VALUE_COLUMNS \
    "SELECT m.code, v.series, v.period_kind, v.period_first, v.period_last, v.value, v.version" \
    " FROM measure_values v JOIN measures m ON m.id = v.measure_id"
#define VALUE_ORDER " ORDER BY m.code, v.period_last, v.series"

int sd_measure_values(sl_store *store, const char *code, sl_measure_value **values, sl_error *err)
{
    /* One measure's by its code's index; not "?1 IS NULL OR code = ?1", which scans every value. */
    static const char all_sql[] = VALUE_COLUMNS " WHERE " SD_IN_SCOPE("m.authority_id") VALUE_ORDER;
    static const char one_sql[] = VALUE_COLUMNS " WHERE m.code = ?1 AND " SD_IN_SCOPE("m.authority_id") VALUE_ORDER;
    sd_store *s = (sd_store *)store;
    *values = NULL;
    sd_stmt *st = code ? SD_STMT(s, one_sql, err, SD_TEXT(code)) : sd_prepare(s, all_sql, err);
    return st ? read_values(s, st, values, err) : -1;
}

int sd_measure_values_of_plan(sl_store *store, int64_t plan_id, sl_measure_value **values,
                              sl_error *err)
{
    static const char sql[] = VALUE_COLUMNS " WHERE m.id IN (SELECT id FROM measures WHERE" OF_PLAN ") AND "
                              SD_IN_SCOPE("m.authority_id") VALUE_ORDER;
    sd_store *s = (sd_store *)store;
    *values = NULL;
    sd_stmt *st = SD_STMT(s, sql, err, SD_INT(plan_id));
    return st ? read_values(s, st, values, err) : -1;
}

/* Loads one series' values in a window of period ends (store_ops.h: the
 * read the summary rates measures from); the caller frees *values. */
int sd_measure_values_window(sl_store *store, const char *series, sl_day from, sl_day to,
                             sl_measure_value **values, sl_error *err)
{
    static const char sql[] =
        "SELECT m.code, v.series, v.period_kind, v.period_first, v.period_last, v.value, v.version"
        " FROM measures m JOIN measure_values v ON v.measure_id = m.id AND v.series = ?1"
        " WHERE v.period_last >= ?2 AND v.period_last < ?3 AND " SD_IN_SCOPE("m.authority_id")
        " ORDER BY m.code, v.period_last";
    sd_store *s = (sd_store *)store;
    *values = NULL;
    sd_stmt *st = SD_STMT(s, sql, err, SD_TEXT(series), SD_INT(from), SD_INT(to));
    return st ? read_values(s, st, values, err) : -1;
}
