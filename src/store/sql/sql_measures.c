/* sql_measures.c — measure definitions with their milestones, and their
 * values per period and series. */
#include <pthread.h>
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
        " action_id, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,"
        " ?14, ?15, ?16)";
    static const char milestone_sql[] =
        "INSERT INTO measure_milestones (measure_id, position, value, day) VALUES (?1, ?2, ?3, ?4)";
    sd_store *s = (sd_store *)store;
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
    static const char sql[] = MEASURE_COLUMNS " ORDER BY code";
    return load_measures((sd_store *)store, sql, 0, defs, action_ids, err);
}

int sd_measures_of_plan(sl_store *store, int64_t plan_id, sl_measure_def **defs,
                        int64_t **action_ids, sl_error *err)
{
    static const char sql[] = MEASURE_COLUMNS " WHERE" OF_PLAN " ORDER BY code";
    return load_measures((sd_store *)store, sql, plan_id, defs, action_ids, err);
}

/* Stores one value (an upsert); SQLite's and PostgreSQL's statements. */
static int put_value(sd_store *s, const sl_measure_value *v, sl_error *err)
{
    static const char sqlite_sql[] =
        "INSERT OR REPLACE INTO measure_values (measure_id, series, period_first, period_last,"
        " period_kind, value) SELECT id, ?2, ?3, ?4, ?5, ?6 FROM measures WHERE code = ?1";
    static const char pg_sql[] =
        "INSERT INTO measure_values (measure_id, series, period_first, period_last,"
        " period_kind, value) SELECT id, ?2, ?3, ?4, ?5, ?6 FROM measures WHERE code = ?1"
        " ON CONFLICT (measure_id, series, period_first, period_last)"
        " DO UPDATE SET period_kind = excluded.period_kind, value = excluded.value";
    sd_stmt *st = SD_STMT(s, SD_SQL(s, sqlite_sql, pg_sql), err, SD_TEXT(v->code), SD_TEXT(v->series),
                          SD_INT(v->period.first), SD_INT(v->period.last), SD_INT(v->period.kind),
                          SD_REAL(v->value));
    if (!st)
        return -1;
    if (sd_exec(s, st, err, "storing a value") < 0)
        return -1;
    if (sd_changes(s) != 1)
        return sl_fail(err, "no measure %s", v->code);
    return 0;
}

/* On PostgreSQL, where each statement is a round trip, values go in upserts
 * of 2^k rows (k below MV_LEVELS), each prepared once. */
#define MV_LEVELS 7
static sl_buf mv_text[MV_LEVELS];
static pthread_once_t mv_once = PTHREAD_ONCE_INIT;

/* Builds the PostgreSQL upserts of 2^k values for every level k (once). */
static void build_mv(void)
{
    for (int k = 0; k < MV_LEVELS; k++) {
        sl_buf *b = &mv_text[k];
        sl_buf_puts(b, "INSERT INTO measure_values (measure_id, series, period_first, period_last,"
                       " period_kind, value) SELECT m.id, v.series, v.first, v.last, v.kind, v.value"
                       " FROM (VALUES ");
        for (int r = 0; r < 1 << k; r++) {
            int p = r * 6;
            sl_buf_cprintf(b, "%s(?%d::text, ?%d::text, ?%d::bigint, ?%d::bigint, ?%d::int, ?%d::float8)",
                           r ? ", " : "", p + 1, p + 2, p + 3, p + 4, p + 5, p + 6);
        }
        sl_buf_puts(b, ") AS v(code, series, first, last, kind, value), measures m WHERE m.code = v.code"
                       " ON CONFLICT (measure_id, series, period_first, period_last)"
                       " DO UPDATE SET period_kind = excluded.period_kind, value = excluded.value");
    }
}

/* Whether two of the n values share a key (an upsert may touch a row once). */
static int repeats_key(const sl_measure_value *v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        for (size_t j = i + 1; j < n; j++)
            if (v[i].period.first == v[j].period.first && v[i].period.last == v[j].period.last &&
                strcmp(v[i].code, v[j].code) == 0 && strcmp(v[i].series, v[j].series) == 0)
                return 1;
    return 0;
}

/* Stores 2^level values in one upsert; a batch that repeats a key or names
 * an unknown measure goes again one value at a time (which says which). */
static int put_batch(sd_store *s, const sl_measure_value *v, int level, sl_error *err)
{
    size_t n = (size_t)1 << level;
    if (level > 0 && !repeats_key(v, n)) {
        pthread_once(&mv_once, build_mv);
        sd_stmt *st = sd_prepare(s, mv_text[level].data, err);
        if (!st)
            return -1;
        for (size_t r = 0; r < n; r++) {
            int p = (int)r * 6;
            sd_bind_text(st, p + 1, v[r].code);
            sd_bind_text(st, p + 2, v[r].series);
            sd_bind_int(st, p + 3, v[r].period.first);
            sd_bind_int(st, p + 4, v[r].period.last);
            sd_bind_int(st, p + 5, v[r].period.kind);
            sd_bind_double(st, p + 6, v[r].value);
        }
        if (sd_exec(s, st, err, "storing values") < 0)
            return -1;
        if ((size_t)sd_changes(s) == n)
            return 0;
    }
    for (size_t r = 0; r < n; r++)
        if (put_value(s, &v[r], err) < 0)
            return -1;
    return 0;
}

int sd_measure_values_put(sl_store *store, const sl_measure_value *v, size_t n, const char *file,
                          const char *actor, sl_error *err)
{
    sd_store *s = (sd_store *)store;
    size_t i = 0;
    if (s->drv->dialect == SD_POSTGRES) {
        for (int level = MV_LEVELS - 1; level >= 0; level--)
            for (; n - i >= (size_t)1 << level; i += (size_t)1 << level)
                if (put_batch(s, &v[i], level, err) < 0)
                    return -1;
    }
    for (; i < n; i++)
        if (put_value(s, &v[i], err) < 0)
            return -1;
    sl_buf after = SL_BUF_INIT;
    sl_buf_cprintf(&after, "%zu values from %s", n, file);
    int rc = sd_audit(s, actor, "load", "measures", 0, "", NULL, sl_buf_str(&after), err);
    sl_buf_free(&after);
    return rc;
}

/* Reads the values a statement lists (code, series, kind, first, last,
 * value) into *values (caller frees); returns the count or -1. */
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
    }
    if (sd_walk_end(s, st, rc, 0, err, "reading values") < 0) {
        free(*values);
        *values = NULL;
        return -1;
    }
    return n;
}

#define VALUE_COLUMNS \
    "SELECT m.code, v.series, v.period_kind, v.period_first, v.period_last, v.value" \
    " FROM measure_values v JOIN measures m ON m.id = v.measure_id"
#define VALUE_ORDER " ORDER BY m.code, v.period_last, v.series"

int sd_measure_values(sl_store *store, const char *code, sl_measure_value **values, sl_error *err)
{
    /* One measure's by its code's index; not "?1 IS NULL OR code = ?1", which scans every value. */
    static const char all_sql[] = VALUE_COLUMNS VALUE_ORDER;
    static const char one_sql[] = VALUE_COLUMNS " WHERE m.code = ?1" VALUE_ORDER;
    sd_store *s = (sd_store *)store;
    *values = NULL;
    sd_stmt *st = code ? SD_STMT(s, one_sql, err, SD_TEXT(code)) : sd_prepare(s, all_sql, err);
    return st ? read_values(s, st, values, err) : -1;
}

int sd_measure_values_of_plan(sl_store *store, int64_t plan_id, sl_measure_value **values,
                              sl_error *err)
{
    static const char sql[] = VALUE_COLUMNS " WHERE m.id IN (SELECT id FROM measures WHERE" OF_PLAN ")"
                              VALUE_ORDER;
    sd_store *s = (sd_store *)store;
    *values = NULL;
    sd_stmt *st = SD_STMT(s, sql, err, SD_INT(plan_id));
    return st ? read_values(s, st, values, err) : -1;
}
