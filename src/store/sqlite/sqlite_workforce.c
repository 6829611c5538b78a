/* sqlite_workforce.c — workforce snapshots and case-audit grades. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/sqlite/sqlite_store.h"
#include "util/buf.h"
#include "util/clock.h"
#include "util/mem.h"

/* Binds a stated rate, or NULL when the report states none (< 0). */
static void bind_rate(sqlite3_stmt *st, int index, double rate)
{
    if (rate < 0)
        sqlite3_bind_null(st, index);
    else
        sqlite3_bind_double(st, index, rate);
}

int sq_workforce_add(sl_store *store, const sl_workforce_snapshot *w, const char *actor, sl_error *err)
{
    static const char sql[] =
        "INSERT INTO workforce_snapshots (service_area, day, budgeted, employed, vacant, agency,"
        " managers_locum, managers_salaried, stated_vacancy_rate, stated_agency_rate, recorded_at)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)";
    sq_store *s = (sq_store *)store;
    char now[32];
    sl_now_timestamp(now);
    sqlite3_stmt *st = SQ_STMT(s, sql, err, SQ_TEXT(w->service_area), SQ_DAY(w->as_of),
                      SQ_REAL(w->budgeted_fte), SQ_REAL(w->employed_fte), SQ_REAL(w->vacant_fte),
                      SQ_REAL(w->agency_fte), SQ_REAL(w->managers_locum),
                      SQ_REAL(w->managers_salaried));
    if (!st)
        return -1;
    bind_rate(st, 9, w->stated_vacancy_rate);
    bind_rate(st, 10, w->stated_agency_rate);
    sq_bind_text(st, 11, now);
    int inserted = sq_insert(s, st, err, "adding a workforce snapshot");
    if (inserted == SQ_TAKEN)
        return sl_fail_code(err, SL_ERR_EXISTS, "%s already has a snapshot for that day", w->service_area);
    if (inserted < 0)
        return -1;
    char day[11], after[200];
    sl_day_format(w->as_of, day);
    snprintf(after, sizeof after, "%s on %s", w->service_area, day);
    return sq_audit(s, actor, "add", "workforce", sqlite3_last_insert_rowid(s->db), "", NULL, after, err);
}

int sq_workforce(sl_store *store, sl_workforce_snapshot **out, sl_error *err)
{
    static const char sql[] =
        "SELECT service_area, day, budgeted, employed, vacant, agency, managers_locum,"
        " managers_salaried, coalesce(stated_vacancy_rate, -1), coalesce(stated_agency_rate, -1)"
        " FROM workforce_snapshots ORDER BY service_area, day";
    sq_store *s = (sq_store *)store;
    *out = NULL;
    sqlite3_stmt *st = sq_prepare(s, sql, err);
    if (!st)
        return -1;
    int n = 0, rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        *out = sl_realloc(*out, (size_t)(n + 1) * sizeof **out);
        sl_workforce_snapshot *w = &(*out)[n++];
        *w = sl_workforce_snapshot_empty();
        snprintf(w->service_area, sizeof w->service_area, "%s", sq_text(st, 0));
        w->as_of = sq_day(st, 1);
        w->budgeted_fte = sqlite3_column_double(st, 2);
        w->employed_fte = sqlite3_column_double(st, 3);
        w->vacant_fte = sqlite3_column_double(st, 4);
        w->agency_fte = sqlite3_column_double(st, 5);
        w->managers_locum = sqlite3_column_double(st, 6);
        w->managers_salaried = sqlite3_column_double(st, 7);
        w->stated_vacancy_rate = sqlite3_column_double(st, 8);
        w->stated_agency_rate = sqlite3_column_double(st, 9);
    }
    if (sq_walk_end(s, st, rc, 0, err, "reading workforce snapshots") < 0) {
        free(*out);
        *out = NULL;
        return -1;
    }
    return n;
}

int sq_case_audit_add(sl_store *store, const char *service, const sl_case_audit *a,
                      const char *measure_code, const char *actor, sl_error *err)
{
    static const char sql[] =
        "INSERT INTO case_audits (service, period_first, period_last, period_kind, outstanding, good,"
        " requires_improvement, inadequate, measure_code, recorded_at)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)";
    sq_store *s = (sq_store *)store;
    sqlite3_stmt *st = SQ_STMT(s, sql, err, SQ_TEXT(service), SQ_INT(a->period.first),
                      SQ_INT(a->period.last), SQ_INT(a->period.kind), SQ_INT(a->outstanding),
                      SQ_INT(a->good), SQ_INT(a->requires_improvement), SQ_INT(a->inadequate),
                      SQ_TEXT(measure_code), SQ_NOW);
    if (!st)
        return -1;
    int inserted = sq_insert(s, st, err, "adding a case audit");
    if (inserted == SQ_TAKEN)
        return sl_fail_code(err, SL_ERR_EXISTS, "%s already has audit grades for that period", service);
    if (inserted < 0)
        return -1;
    double pct;
    if (measure_code && sl_case_audit_good_or_better(a, &pct) == 0) {
        sl_measure_value v = {.period = a->period, .value = pct};
        snprintf(v.code, sizeof v.code, "%s", measure_code);
        snprintf(v.series, sizeof v.series, "%s", SL_SERIES_ACTUAL);
        if (sq_measure_values_put(store, &v, 1, "case audit", actor, err) < 0)
            return -1;
    }
    sl_buf after = SL_BUF_INIT;
    sl_buf_cprintf(&after, "%s: %d outstanding, %d good, %d requires improvement, %d inadequate",
                   service, a->outstanding, a->good, a->requires_improvement, a->inadequate);
    int rc = sq_audit(s, actor, "add", "case-audit", sqlite3_last_insert_rowid(s->db), "", NULL, sl_buf_str(&after), err);
    sl_buf_free(&after);
    return rc;
}

int sq_case_audits(sl_store *store, sl_case_audit_row **out, sl_error *err)
{
    static const char sql[] =
        "SELECT service, coalesce(measure_code, ''), period_kind, period_first, period_last,"
        " outstanding, good, requires_improvement, inadequate FROM case_audits"
        " ORDER BY service, period_first";
    sq_store *s = (sq_store *)store;
    *out = NULL;
    sqlite3_stmt *st = sq_prepare(s, sql, err);
    if (!st)
        return -1;
    int n = 0, rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        *out = sl_realloc(*out, (size_t)(n + 1) * sizeof **out);
        sl_case_audit_row *r = &(*out)[n++];
        memset(r, 0, sizeof *r);
        snprintf(r->service, sizeof r->service, "%s", sq_text(st, 0));
        snprintf(r->measure_code, sizeof r->measure_code, "%s", sq_text(st, 1));
        r->audit.period.kind = (sl_period_kind)sqlite3_column_int(st, 2);
        r->audit.period.first = sq_day(st, 3);
        r->audit.period.last = sq_day(st, 4);
        r->audit.outstanding = sqlite3_column_int(st, 5);
        r->audit.good = sqlite3_column_int(st, 6);
        r->audit.requires_improvement = sqlite3_column_int(st, 7);
        r->audit.inadequate = sqlite3_column_int(st, 8);
    }
    if (sq_walk_end(s, st, rc, 0, err, "reading case audits") < 0) {
        free(*out);
        *out = NULL;
        return -1;
    }
    return n;
}
