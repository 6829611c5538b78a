/* sql_figures.c — a measure's actual figures entered and corrected by hand
 * (guarded by the stored value's version), and the figure history: every
 * change kept for ever in measure_figures (append-only), with the value it
 * superseded. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/sql/sql_store.h"
#include "util/buf.h"
#include "util/clock.h"
#include "util/mem.h"

/* The stored actual value of a measure's period, when there is one. */
typedef struct {
    int64_t measure_id;
    sl_unit unit;
    int found;                  /* 1: a value is stored */
    double value;
    int version;
} current_figure;

/* Reads the measure's id and unit and its stored actual value for period
 * into *c; returns 0, or -1 (SL_ERR_NOT_FOUND for an unknown measure). */
static int read_current(sd_store *s, const char *code, const sl_period *period, current_figure *c, sl_error *err)
{
    static const char measure_sql[] =
        "SELECT id, unit FROM measures WHERE code = ?1 AND " SD_IN_SCOPE("authority_id");
    static const char value_sql[] =
        "SELECT value, version FROM measure_values WHERE measure_id = ?1 AND series = ?2"
        " AND period_first = ?3 AND period_last = ?4";
    memset(c, 0, sizeof *c);
    sd_stmt *st = SD_STMT(s, measure_sql, err, SD_TEXT(code));
    int found = st ? sd_one_row(s, st, err, "finding a measure") : -1;
    if (found <= 0)
        return found < 0 ? -1 : sl_fail_code(err, SL_ERR_NOT_FOUND, "no measure %s (see `sightline measures`)", code);
    c->measure_id = sd_int64(st, 0);
    sl_unit_parse(sd_text(st, 1), &c->unit);
    sd_reset(st);
    st = SD_STMT(s, value_sql, err, SD_INT(c->measure_id), SD_TEXT(SL_SERIES_ACTUAL), SD_INT(period->first),
                 SD_INT(period->last));
    found = st ? sd_one_row(s, st, err, "reading a figure") : -1;
    if (found < 0)
        return -1;
    c->found = found;
    if (found) {
        c->value = sd_double(st, 0);
        c->version = sd_int(st, 1);
        sd_reset(st);
    }
    return 0;
}

/* Refuses an entry or correction that does not fit what is stored (see
 * measure_figure_put in store_ops.h); returns 0 or -1. */
static int check_against(const char *code, const sl_figure_entry *e, const current_figure *c, sl_error *err)
{
    char period[SL_PERIOD_TEXT], value[SL_VALUE_TEXT];
    sl_period_format(&e->period, period);
    sl_unit_format_value(c->unit, c->value, value);
    if (!e->correcting && c->found)
        return sl_fail_code(err, SL_ERR_EXISTS, "a figure for %s %s is already recorded (%s): correct it instead",
                            code, period, value);
    if (e->correcting && !c->found)
        return sl_fail_code(err, SL_ERR_NOT_FOUND, "there is no figure for %s %s to correct: enter one", code,
                            period);
    if (e->correcting && e->version && e->version != c->version)
        return sl_fail_code(err, SL_ERR_STALE,
                            "the figure for %s %s changed while the correction was made: it is now %s (version %d; "
                            "the correction was made on version %d)",
                            code, period, value, c->version, e->version);
    return 0;
}

/* Writes the value row: a new one at version 1, or the correction guarded by the version read. */
static int write_value(sd_store *s, const sl_figure_entry *e, const current_figure *c, sl_error *err)
{
    static const char insert_sql[] =
        "INSERT INTO measure_values (measure_id, series, period_first, period_last, period_kind, value, version)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, 1)";
    static const char update_sql[] =
        "UPDATE measure_values SET value = ?6, version = version + 1 WHERE measure_id = ?1 AND series = ?2"
        " AND period_first = ?3 AND period_last = ?4 AND version = ?5";
    sd_stmt *st = SD_STMT(s, e->correcting ? update_sql : insert_sql, err, SD_INT(c->measure_id),
                          SD_TEXT(SL_SERIES_ACTUAL), SD_INT(e->period.first), SD_INT(e->period.last),
                          e->correcting ? SD_INT(c->version) : SD_INT(e->period.kind), SD_REAL(e->value));
    if (!st || sd_exec(s, st, err, "storing a figure") < 0)
        return -1;
    if (sd_changes(s) != 1)
        return sl_fail_code(err, SL_ERR_STALE, "the figure changed while it was being stored: try again");
    return 0;
}

/* Appends the history record of an entry or correction. */
static int write_record(sd_store *s, const sl_figure_entry *e, const current_figure *c, const char *actor,
                        sl_error *err)
{
    static const char sql[] =
        "INSERT INTO measure_figures (measure_id, series, period_first, period_last, period_kind, change, value,"
        " previous, source, note, reason, actor, recorded_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10,"
        " ?11, ?12, ?13)";
    char now[32];
    sl_now_timestamp(now);
    sd_stmt *st = SD_STMT(s, sql, err, SD_INT(c->measure_id), SD_TEXT(SL_SERIES_ACTUAL), SD_INT(e->period.first),
                          SD_INT(e->period.last), SD_INT(e->period.kind),
                          SD_TEXT(sl_figure_change_name(e->correcting ? SL_CHANGE_CORRECTED : SL_CHANGE_ENTERED)),
                          SD_REAL(e->value));
    if (!st)
        return -1;
    if (e->correcting)
        sd_bind_double(st, 8, c->value);
    else
        sd_bind_null(st, 8);
    sd_bind_text(st, 9, e->source ? e->source : "");
    sd_bind_text(st, 10, e->note ? e->note : "");
    sd_bind_text(st, 11, e->correcting && e->reason ? e->reason : "");
    sd_bind_text(st, 12, actor);
    sd_bind_text(st, 13, now);
    return sd_exec(s, st, err, "recording a figure");
}

int sd_measure_figure_put(sl_store *store, const char *code, const sl_figure_entry *e, const char *actor,
                          sl_error *err)
{
    sd_store *s = (sd_store *)store;
    current_figure c;
    if (read_current(s, code, &e->period, &c, err) < 0 || check_against(code, e, &c, err) < 0 ||
        write_value(s, e, &c, err) < 0 || write_record(s, e, &c, actor, err) < 0)
        return -1;
    char period[SL_PERIOD_TEXT], before[SL_VALUE_TEXT] = "", after[SL_VALUE_TEXT];
    sl_period_format(&e->period, period);
    if (e->correcting)
        sl_unit_format_value(c.unit, c.value, before);
    sl_unit_format_value(c.unit, e->value, after);
    return sd_audit(s, actor, e->correcting ? "correct" : "enter", "measure", c.measure_id, period,
                    e->correcting ? before : NULL, after, err);
}

/* Copies a text column into an owned string. */
static char *owned_text(sd_stmt *st, int col)
{
    const char *t = sd_text(st, col);
    return sl_strdup(t ? t : "");
}

/* Reads one history row (see sd_measure_figures' SELECT) into *r. */
static void read_record(sd_stmt *st, sl_figure_record *r)
{
    memset(r, 0, sizeof *r);
    r->id = sd_int64(st, 0);
    sl_figure_change_parse(sd_text(st, 1), &r->change);
    snprintf(r->series, sizeof r->series, "%s", sd_text(st, 2));
    r->period.kind = (sl_period_kind)sd_int(st, 3);
    r->period.first = sd_day(st, 4);
    r->period.last = sd_day(st, 5);
    r->has_value = !sd_is_null(st, 6);
    r->value = r->has_value ? sd_double(st, 6) : 0;
    r->has_previous = !sd_is_null(st, 7);
    r->previous = r->has_previous ? sd_double(st, 7) : 0;
    r->source = owned_text(st, 8);
    r->note = owned_text(st, 9);
    r->reason = owned_text(st, 10);
    r->actor = owned_text(st, 11);
    r->recorded_at = owned_text(st, 12);
}

int sd_measure_figures(sl_store *store, const char *code, sl_figure_record **records, sl_error *err)
{
    static const char sql[] =
        "SELECT f.id, f.change, f.series, f.period_kind, f.period_first, f.period_last, f.value, f.previous,"
        " f.source, f.note, f.reason, f.actor, f.recorded_at FROM measure_figures f"
        " JOIN measures m ON m.id = f.measure_id WHERE m.code = ?1 AND " SD_IN_SCOPE("m.authority_id")
        " ORDER BY f.id DESC";
    sd_store *s = (sd_store *)store;
    *records = NULL;
    sd_stmt *st = SD_STMT(s, sql, err, SD_TEXT(code));
    if (!st)
        return -1;
    int n = 0, rc;
    size_t cap = 0;
    while ((rc = sd_step(st)) == SD_ROW) {
        if ((size_t)n == cap) {
            cap = cap ? cap * 2 : 16;
            *records = sl_realloc(*records, cap * sizeof **records);
        }
        read_record(st, &(*records)[n++]);
    }
    if (sd_walk_end(s, st, rc, 0, err, "reading the figure history") < 0) {
        sl_figure_records_free(*records, (size_t)n);
        *records = NULL;
        return -1;
    }
    return n;
}
