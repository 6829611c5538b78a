/* sql_workforce.c — workforce snapshots and case-audit grades. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/sql/sql_store.h"
#include "util/buf.h"
#include "util/clock.h"
#include "util/mem.h"

/* Binds a stated rate, or NULL when the report states none (< 0). */
static void bind_rate(sd_stmt *st, int index, double rate)
{
    if (rate < 0)
        sd_bind_null(st, index);
    else
        sd_bind_double(st, index, rate);
}

int sd_workforce_add(sl_store *store, const sl_workforce_snapshot *w, const char *actor, sl_error *err)
{
    static const char sql[] =
        "INSERT INTO workforce_snapshots (service_area, day, budgeted, employed, vacant, agency,"
        " managers_locum, managers_salaried, stated_vacancy_rate, stated_agency_rate, recorded_at)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)";
    sd_store *s = (sd_store *)store;
    char now[32];
    sl_now_timestamp(now);
    sd_stmt *st = SD_STMT(s, sql, err, SD_TEXT(w->service_area), SD_DAY(w->as_of),
                      SD_REAL(w->budgeted_fte), SD_REAL(w->employed_fte), SD_REAL(w->vacant_fte),
                      SD_REAL(w->agency_fte), SD_REAL(w->managers_locum),
                      SD_REAL(w->managers_salaried));
    if (!st)
        return -1;
    bind_rate(st, 9, w->stated_vacancy_rate);
    bind_rate(st, 10, w->stated_agency_rate);
    sd_bind_text(st, 11, now);
    int inserted = sd_insert(s, st, err, "adding a workforce snapshot");
    if (inserted == SD_TAKEN)
        return sl_fail_code(err, SL_ERR_EXISTS, "%s already has a snapshot for that day", w->service_area);
    if (inserted < 0)
        return -1;
    char day[11], after[200];
    sl_day_format(w->as_of, day);
    snprintf(after, sizeof after, "%s on %s", w->service_area, day);
    return sd_audit(s, actor, "add", "workforce", sd_last_id(s), "", NULL, after, err);
}

int sd_workforce(sl_store *store, sl_workforce_snapshot **out, sl_error *err)
{
    static const char sql[] =
        "SELECT service_area, day, budgeted, employed, vacant, agency, managers_locum,"
        " managers_salaried, coalesce(stated_vacancy_rate, -1), coalesce(stated_agency_rate, -1)"
        " FROM workforce_snapshots ORDER BY service_area, day";
    sd_store *s = (sd_store *)store;
    *out = NULL;
    sd_stmt *st = sd_prepare(s, sql, err);
    if (!st)
        return -1;
    int n = 0, rc;
    while ((rc = sd_step(st)) == SD_ROW) {
        *out = sl_realloc(*out, (size_t)(n + 1) * sizeof **out);
        sl_workforce_snapshot *w = &(*out)[n++];
        *w = sl_workforce_snapshot_empty();
        snprintf(w->service_area, sizeof w->service_area, "%s", sd_text(st, 0));
        w->as_of = sd_day(st, 1);
        w->budgeted_fte = sd_double(st, 2);
        w->employed_fte = sd_double(st, 3);
        w->vacant_fte = sd_double(st, 4);
        w->agency_fte = sd_double(st, 5);
        w->managers_locum = sd_double(st, 6);
        w->managers_salaried = sd_double(st, 7);
        w->stated_vacancy_rate = sd_double(st, 8);
        w->stated_agency_rate = sd_double(st, 9);
    }
    if (sd_walk_end(s, st, rc, 0, err, "reading workforce snapshots") < 0) {
        free(*out);
        *out = NULL;
        return -1;
    }
    return n;
}

int sd_case_audit_add(sl_store *store, const char *service, const sl_case_audit *a,
                      const char *measure_code, const char *actor, sl_error *err)
{
    static const char sql[] =
        "INSERT INTO case_audits (service, period_first, period_last, period_kind, outstanding, good,"
        " requires_improvement, inadequate, measure_code, recorded_at)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)";
    sd_store *s = (sd_store *)store;
    sd_stmt *st = SD_STMT(s, sql, err, SD_TEXT(service), SD_INT(a->period.first),
                      SD_INT(a->period.last), SD_INT(a->period.kind), SD_INT(a->outstanding),
                      SD_INT(a->good), SD_INT(a->requires_improvement), SD_INT(a->inadequate),
                      SD_TEXT(measure_code), SD_NOW);
    if (!st)
        return -1;
    int inserted = sd_insert(s, st, err, "adding a case audit");
    if (inserted == SD_TAKEN)
        return sl_fail_code(err, SL_ERR_EXISTS, "%s already has audit grades for that period", service);
    if (inserted < 0)
        return -1;
    double pct;
    if (measure_code && sl_case_audit_good_or_better(a, &pct) == 0) {
        sl_measure_value v = {.period = a->period, .value = pct};
        snprintf(v.code, sizeof v.code, "%s", measure_code);
        snprintf(v.series, sizeof v.series, "%s", SL_SERIES_ACTUAL);
        if (sd_measure_values_put(store, &v, 1, "case audit", actor, err) < 0)
            return -1;
    }
    sl_buf after = SL_BUF_INIT;
    sl_buf_cprintf(&after, "%s: %d outstanding, %d good, %d requires improvement, %d inadequate",
                   service, a->outstanding, a->good, a->requires_improvement, a->inadequate);
    int rc = sd_audit(s, actor, "add", "case-audit", sd_last_id(s), "", NULL, sl_buf_str(&after), err);
    sl_buf_free(&after);
    return rc;
}

int sd_case_audits(sl_store *store, sl_case_audit_row **out, sl_error *err)
{
    static const char sql[] =
        "SELECT service, coalesce(measure_code, ''), period_kind, period_first, period_last,"
        " outstanding, good, requires_improvement, inadequate FROM case_audits"
        " ORDER BY service, period_first";
    sd_store *s = (sd_store *)store;
    *out = NULL;
    sd_stmt *st = sd_prepare(s, sql, err);
    if (!st)
        return -1;
    int n = 0, rc;
    while ((rc = sd_step(st)) == SD_ROW) {
        *out = sl_realloc(*out, (size_t)(n + 1) * sizeof **out);
        sl_case_audit_row *r = &(*out)[n++];
        memset(r, 0, sizeof *r);
        snprintf(r->service, sizeof r->service, "%s", sd_text(st, 0));
        snprintf(r->measure_code, sizeof r->measure_code, "%s", sd_text(st, 1));
        r->audit.period.kind = (sl_period_kind)sd_int(st, 2);
        r->audit.period.first = sd_day(st, 3);
        r->audit.period.last = sd_day(st, 4);
        r->audit.outstanding = sd_int(st, 5);
        r->audit.good = sd_int(st, 6);
        r->audit.requires_improvement = sd_int(st, 7);
        r->audit.inadequate = sd_int(st, 8);
    }
    if (sd_walk_end(s, st, rc, 0, err, "reading case audits") < 0) {
        free(*out);
        *out = NULL;
        return -1;
    }
    return n;
}
