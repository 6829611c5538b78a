/* sql_savings.c — savings projects' forecast and delivered amounts per
 * financial year, and calendar subscription tokens (governance). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/plan.h"
#include "store/sql/sql_store.h"
#include "util/clock.h"
#include "util/mem.h"

/* Binds an amount, or NULL when not given (< 0). */
static void bind_amount(sd_stmt *st, int index, double v)
{
    if (v < 0)
        sd_bind_null(st, index);
    else
        sd_bind_double(st, index, v);
}

/* Finds the one savings project named project (ref or title) among current
 * plans (or plan_id): sets *theme_id; returns 0 or -1 with err set. */
static int find_project(sd_store *s, int64_t plan_id, const char *project, int64_t *theme_id, sl_error *err)
{
    static const char sql[] =
        "SELECT t.id FROM themes t JOIN plans p ON p.id = t.plan_id WHERE t.kind = ?3"
        " AND (t.ref = ?1 COLLATE NOCASE OR t.title = ?1 COLLATE NOCASE)"
        " AND (CAST(?2 AS BIGINT) IS NULL OR t.plan_id = ?2) AND (?2 IS NOT NULL OR p.superseded_by IS NULL)"
        " AND " SD_IN_SCOPE("p.authority_id");
    sd_stmt *st = sd_prepare(s, sql, err);
    if (!st)
        return -1;
    sd_bind_text(st, 1, project);
    if (plan_id)
        sd_bind_int(st, 2, plan_id);
    sd_bind_int(st, 3, SL_THEME_SAVINGS);
    int n = 0, rc;
    while ((rc = sd_step(st)) == SD_ROW)
        if (n++ == 0)
            *theme_id = sd_int64(st, 0);
    if (sd_walk_end(s, st, rc, 0, err, "finding a savings project") < 0)
        return -1;
    if (n == 0)
        return sl_fail(err, "no savings project '%s'", project);
    if (n > 1)
        return sl_fail(err, "'%s' names %d savings projects: give --plan", project, n);
    return 0;
}

int sd_savings_set(sl_store *store, int64_t plan_id, const char *project, int fy, double forecast,
                   double delivered, const char *actor, sl_error *err)
{
    static const char sql[] =
        "INSERT INTO theme_savings_delivery (theme_id, fy_start_year, forecast, delivered) VALUES (?1, ?2, ?3, ?4)"
        " ON CONFLICT (theme_id, fy_start_year) DO UPDATE SET"
        " forecast = coalesce(excluded.forecast, theme_savings_delivery.forecast),"
        " delivered = coalesce(excluded.delivered, theme_savings_delivery.delivered)";
    sd_store *s = (sd_store *)store;
    int64_t theme_id = 0;
    if (find_project(s, plan_id, project, &theme_id, err) < 0)
        return -1;
    sd_stmt *st = SD_STMT(s, sql, err, SD_INT(theme_id), SD_INT(fy));
    if (!st)
        return -1;
    bind_amount(st, 3, forecast);
    bind_amount(st, 4, delivered);
    if (sd_exec(s, st, err, "recording savings") < 0)
        return -1;
    char after[96];
    snprintf(after, sizeof after, "%d/%02d forecast %.1f delivered %.1f", fy, (fy + 1) % 100, forecast, delivered);
    return sd_audit(s, actor, "update", "theme", theme_id, "savings", NULL, after, err);
}

int sd_savings(sl_store *store, int64_t plan_id, sl_savings_row **out, sl_error *err)
{
    static const char sql[] =
        "WITH years AS (SELECT theme_id, fy_start_year FROM theme_savings"
        " UNION SELECT theme_id, fy_start_year FROM theme_savings_delivery)"
        " SELECT t.id, t.plan_id, t.ref, t.title, y.fy_start_year, coalesce(ts.thousands, -1),"
        " coalesce(d.forecast, -1), coalesce(d.delivered, -1)"
        " FROM years y JOIN themes t ON t.id = y.theme_id JOIN plans p ON p.id = t.plan_id"
        " LEFT JOIN theme_savings ts ON ts.theme_id = y.theme_id AND ts.fy_start_year = y.fy_start_year"
        " LEFT JOIN theme_savings_delivery d ON d.theme_id = y.theme_id AND d.fy_start_year = y.fy_start_year"
        " WHERE t.kind = ?2 AND (CAST(?1 AS BIGINT) IS NULL OR t.plan_id = ?1) AND (?1 IS NOT NULL OR p.superseded_by IS NULL)"
        " AND " SD_IN_SCOPE("p.authority_id") " ORDER BY t.plan_id, t.position, y.fy_start_year";
    sd_store *s = (sd_store *)store;
    sd_stmt *st = sd_prepare(s, sql, err);
    *out = NULL;
    if (!st)
        return -1;
    if (plan_id)
        sd_bind_int(st, 1, plan_id);
    sd_bind_int(st, 2, SL_THEME_SAVINGS);
    int n = 0, rc;
    while ((rc = sd_step(st)) == SD_ROW) {
        *out = sl_realloc(*out, (size_t)(n + 1) * sizeof **out);
        sl_savings_row *r = &(*out)[n++];
        r->theme_id = sd_int64(st, 0);
        r->plan_id = sd_int64(st, 1);
        r->ref = sl_strdup(sd_text(st, 2));
        r->title = sl_strdup(sd_text(st, 3));
        r->fy_start_year = sd_int(st, 4);
        r->target = sd_double(st, 5);
        r->forecast = sd_double(st, 6);
        r->delivered = sd_double(st, 7);
    }
    if (sd_walk_end(s, st, rc, 0, err, "reading savings") == 0)
        return n;
    sl_savings_rows_free(*out, n);
    *out = NULL;
    return -1;
}

int sd_calendar_token_add(sl_store *store, const char *login, const char *hash, const char *actor, int64_t *id,
                          sl_error *err)
{
    static const char sql[] =
        "INSERT INTO calendar_tokens (user_id, token_hash, created_at)"
        " SELECT id, ?2, ?3 FROM users WHERE login = ?1";
    sd_store *s = (sd_store *)store;
    sd_stmt *st = SD_STMT(s, sql, err, SD_TEXT(login), SD_TEXT(hash), SD_NOW);
    if (!st)
        return -1;
    if (sd_exec(s, st, err, "adding a calendar token") < 0)
        return -1;
    if (sd_changes(s) == 0)
        return sl_fail(err, "no user '%s'", login);
    int64_t tid = sd_last_id(s);
    if (id)
        *id = tid;
    return sd_audit(s, actor, "add", "calendar_token", tid, "", NULL, login, err);
}

int sd_calendar_tokens(sl_store *store, const char *login, sl_calendar_token **out, sl_error *err)
{
    static const char sql[] =
        "SELECT t.id, u.login, t.created_at, coalesce(t.revoked_at, '') FROM calendar_tokens t"
        " JOIN users u ON u.id = t.user_id WHERE CAST(?1 AS TEXT) IS NULL OR u.login = ?1 ORDER BY t.id";
    sd_store *s = (sd_store *)store;
    sd_stmt *st = sd_prepare(s, sql, err);
    *out = NULL;
    if (!st)
        return -1;
    sd_bind_text(st, 1, login);
    int n = 0, rc;
    while ((rc = sd_step(st)) == SD_ROW) {
        *out = sl_realloc(*out, (size_t)(n + 1) * sizeof **out);
        sl_calendar_token *t = &(*out)[n++];
        t->id = sd_int64(st, 0);
        t->login = sl_strdup(sd_text(st, 1));
        snprintf(t->created_at, sizeof t->created_at, "%s", sd_text(st, 2));
        snprintf(t->revoked_at, sizeof t->revoked_at, "%s", sd_text(st, 3));
    }
    if (sd_walk_end(s, st, rc, 0, err, "reading calendar tokens") == 0)
        return n;
    sl_calendar_tokens_free(*out, n);
    *out = NULL;
    return -1;
}

int sd_calendar_token_revoke(sl_store *store, int64_t id, const char *actor, sl_error *err)
{
    static const char sql[] = "UPDATE calendar_tokens SET revoked_at = ?2 WHERE id = ?1 AND revoked_at IS NULL";
    sd_store *s = (sd_store *)store;
    char now[32];
    sl_now_timestamp(now);
    sd_stmt *st = SD_STMT(s, sql, err, SD_INT(id), SD_TEXT(now));
    if (!st)
        return -1;
    if (sd_exec(s, st, err, "revoking a calendar token") < 0)
        return -1;
    if (sd_changes(s) == 0)
        return sl_fail(err, "calendar token %lld is unknown or already revoked", (long long)id);
    return sd_audit(s, actor, "update", "calendar_token", id, "revoked_at", NULL, now, err);
}

int sd_calendar_token_check(sl_store *store, const char *hash, int64_t *user_id, sl_error *err)
{
    static const char sql[] = "SELECT t.user_id, t.revoked_at, u.disabled FROM calendar_tokens t"
                              " JOIN users u ON u.id = t.user_id WHERE t.token_hash = ?1";
    sd_store *s = (sd_store *)store;
    sd_stmt *st = sd_prepare(s, sql, err);
    if (!st)
        return -1;
    sd_bind_text(st, 1, hash);
    int rc = sd_step(st);
    if (rc != SD_ROW)
        return sd_walk_end(s, st, rc, 0, err, "checking a calendar token") < 0
                   ? -1 : sl_fail_code(err, SL_ERR_NOT_FOUND, "unknown calendar token");
    int revoked = !sd_is_null(st, 1);
    int disabled = sd_int(st, 2) != 0;
    char when[32];
    snprintf(when, sizeof when, "%s", sd_text(st, 1));
    *user_id = sd_int64(st, 0);
    sd_reset(st);
    if (disabled)
        return sl_fail_code(err, SL_ERR_DENIED, "this calendar token's account is disabled");
    return revoked ? sl_fail_code(err, SL_ERR_DENIED, "this calendar token was revoked on %s", when) : 0;
}
