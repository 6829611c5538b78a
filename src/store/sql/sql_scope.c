/* sql_scope.c — separation by authority: whose data a store shows (its
 * scope, read by every listing through SD_IN_SCOPE), the check a write makes
 * that its target is in scope, the authority a new board, risk or measure
 * belongs to, and accounts' grants of a role per authority. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/sql/sql_store.h"
#include "util/buf.h"
#include "util/mem.h"

int sd_set_scope(sl_store *store, int64_t user_id, sl_error *err)
{
    static const char sql[] = "SELECT count(*) FROM user_grants WHERE user_id = ?1 AND authority_id IS NULL";
    sd_store *s = (sd_store *)store;
    if (user_id == SL_SCOPE_ALL || user_id == SL_SCOPE_NONE) {
        s->scope = user_id;
        return 0;
    }
    s->scope = SL_SCOPE_NONE;
    sd_stmt *st = SD_STMT(s, sql, err, SD_INT(user_id));
    if (!st || sd_one_row(s, st, err, "reading a user's grants") < 0)
        return -1;
    int national = sd_int(st, 0) > 0;
    sd_reset(st);
    s->scope = national ? SL_SCOPE_ALL : user_id;
    return 0;
}

int sd_scope_check(sd_store *s, sd_of kind, int64_t id, sl_error *err)
{
    static const char *const sql[] = {
        [SD_OF_PLAN] = "SELECT 1 FROM plans p WHERE p.id = ?1 AND " SD_IN_SCOPE("p.authority_id"),
        [SD_OF_ACTION] = "SELECT 1 FROM actions a JOIN plans p ON p.id = a.plan_id WHERE a.id = ?1 AND "
                         SD_IN_SCOPE("p.authority_id"),
        [SD_OF_BOARD] = "SELECT 1 FROM boards b WHERE b.id = ?1 AND " SD_IN_SCOPE("b.authority_id"),
        [SD_OF_MEETING] = "SELECT 1 FROM meetings m JOIN boards b ON b.id = m.board_id WHERE m.id = ?1 AND "
                          SD_IN_SCOPE("b.authority_id"),
        [SD_OF_ARISING] = "SELECT 1 FROM arising_actions x JOIN meetings m ON m.id = x.meeting_id"
                          " JOIN boards b ON b.id = m.board_id WHERE x.id = ?1 AND " SD_IN_SCOPE("b.authority_id"),
        [SD_OF_RISK] = "SELECT 1 FROM risks r WHERE r.id = ?1 AND " SD_IN_SCOPE("r.authority_id"),
    };
    static const char *const nouns[] = {"plan", "action", "board", "meeting", "action arising", "risk"};
    if (s->scope == SL_SCOPE_ALL)
        return 0;
    sd_stmt *st = SD_STMT(s, sql[kind], err, SD_INT(id));
    if (!st)
        return -1;
    int found = sd_one_row(s, st, err, "checking what an account may see");
    if (found < 0)
        return -1;
    sd_reset(st);
    return found ? 0 : sl_fail_code(err, SL_ERR_NOT_FOUND, "no such %s", nouns[kind]);
}

int sd_new_authority(sd_store *s, int64_t *authority_id, sl_error *err)
{
    static const char scoped_sql[] =
        "SELECT count(*), min(a.id) FROM authorities a WHERE " SD_IN_SCOPE("a.id");
    static const char all_sql[] = "SELECT count(DISTINCT authority_id), min(authority_id) FROM plans";
    *authority_id = 0;
    sd_stmt *st = sd_prepare(s, s->scope == SL_SCOPE_ALL ? all_sql : scoped_sql, err);
    if (!st || sd_one_row(s, st, err, "finding the authority of a new record") < 0)
        return -1;
    if (sd_int(st, 0) == 1)
        *authority_id = sd_int64(st, 1);
    sd_reset(st);
    return 0;
}

/* Reads a grant row (authority id or NULL, name, role) into g. */
static int read_grant(void *ctx, sd_stmt *st)
{
    sl_buf *rows = ctx;
    sl_grant g = {.authority_id = sd_is_null(st, 0) ? 0 : sd_int64(st, 0),
                  .authority = sl_strdup(sd_text(st, 1)),
                  .role = sl_role_parse(sd_text(st, 2))};
    sl_buf_add(rows, (const char *)&g, sizeof g);
    return 0;
}

int sd_user_grants(sl_store *store, int64_t user_id, sl_grant **out, sl_error *err)
{
    static const char sql[] =
        "SELECT g.authority_id, coalesce(a.name, ''), g.role FROM user_grants g"
        " LEFT JOIN authorities a ON a.id = g.authority_id WHERE g.user_id = ?1"
        " ORDER BY g.authority_id IS NOT NULL, a.name, g.id";
    sd_store *s = (sd_store *)store;
    sl_buf rows = SL_BUF_INIT;
    *out = NULL;
    sd_stmt *st = SD_STMT(s, sql, err, SD_INT(user_id));
    if (!st || sd_each_row(s, st, read_grant, &rows, err, "reading a user's grants") < 0) {
        sl_grants_free((sl_grant *)rows.data, (int)(rows.len / sizeof(sl_grant)));
        return -1;
    }
    int n = (int)(rows.len / sizeof(sl_grant));
    *out = (sl_grant *)sl_buf_take(&rows);
    return n;
}

/* Finds the account login (*user_id) and, when authority is not NULL, the
 * authority it names by name or code in any case (*authority_id; 0 for
 * NULL). Returns 0, or -1 with SL_ERR_NOT_FOUND. */
static int grant_target(sd_store *s, const char *login, const char *authority, int64_t *user_id,
                        int64_t *authority_id, sl_error *err)
{
    static const char user_sql[] = "SELECT id FROM users WHERE login = ?1";
    static const char authority_sql[] =
        "SELECT id FROM authorities WHERE (lower(name) = lower(?1) OR lower(code) = lower(?1)) AND "
        SD_IN_SCOPE("id") " ORDER BY id";
    sd_stmt *st = SD_STMT(s, user_sql, err, SD_TEXT(login));
    int found = st ? sd_one_row(s, st, err, "finding a user") : -1;
    if (found <= 0)
        return found < 0 ? -1 : sl_fail_code(err, SL_ERR_NOT_FOUND, "no such user '%s'", login);
    *user_id = sd_int64(st, 0);
    sd_reset(st);
    *authority_id = 0;
    if (!authority && s->scope != SL_SCOPE_ALL)
        return sl_fail_code(err, SL_ERR_DENIED, "only the operator or a national account grants over every authority");
    if (!authority)
        return 0;
    st = SD_STMT(s, authority_sql, err, SD_TEXT(authority));
    found = st ? sd_one_row(s, st, err, "finding an authority") : -1;
    if (found <= 0)
        return found < 0 ? -1 : sl_fail_code(err, SL_ERR_NOT_FOUND, "no such authority '%s'", authority);
    *authority_id = sd_int64(st, 0);
    sd_reset(st);
    return 0;
}

/* Deletes user_id's grant over authority_id (0: national); sets *gone to
 * how many rows went. Returns 0 or -1. */
static int drop_grant(sd_store *s, int64_t user_id, int64_t authority_id, int *gone, sl_error *err)
{
    static const char sql[] =
        "DELETE FROM user_grants WHERE user_id = ?1 AND coalesce(authority_id, 0) = ?2";
    sd_stmt *st = SD_STMT(s, sql, err, SD_INT(user_id), SD_INT(authority_id));
    if (!st || sd_exec(s, st, err, "removing a grant") < 0)
        return -1;
    *gone = sd_changes(s);
    return 0;
}

int sd_grant_set(sl_store *store, const char *login, const char *authority, const char *role,
                 const char *actor, sl_error *err)
{
    static const char sql[] = "INSERT INTO user_grants (user_id, authority_id, role) VALUES (?1, ?2, ?3)";
    sd_store *s = (sd_store *)store;
    int64_t user_id, authority_id;
    int gone;
    if (sl_role_parse(role) == SL_ROLE_NONE)
        return sl_fail(err, "'%s' is not a role (admin, programme, lead, board, viewer)", role ? role : "");
    if (grant_target(s, login, authority, &user_id, &authority_id, err) < 0 ||
        drop_grant(s, user_id, authority_id, &gone, err) < 0)
        return -1;
    sd_stmt *st = sd_prepare(s, sql, err);
    if (!st)
        return -1;
    sd_bind_int(st, 1, user_id);
    if (authority_id)
        sd_bind_int(st, 2, authority_id);
    else
        sd_bind_null(st, 2);
    sd_bind_text(st, 3, role);
    if (sd_exec(s, st, err, "granting a role") < 0)
        return -1;
    sl_buf after = SL_BUF_INIT;
    sl_buf_cprintf(&after, "%s over %s", role, authority ? authority : "every authority");
    int rc = sd_audit(s, actor, "grant", "user", user_id, "role", NULL, sl_buf_str(&after), err);
    sl_buf_free(&after);
    return rc;
}

int sd_grant_revoke(sl_store *store, const char *login, const char *authority, const char *actor,
                    sl_error *err)
{
    sd_store *s = (sd_store *)store;
    int64_t user_id, authority_id;
    int gone;
    if (grant_target(s, login, authority, &user_id, &authority_id, err) < 0 ||
        drop_grant(s, user_id, authority_id, &gone, err) < 0)
        return -1;
    if (!gone)
        return sl_fail_code(err, SL_ERR_NOT_FOUND, "'%s' has no grant over %s", login,
                            authority ? authority : "every authority");
    sl_buf before = SL_BUF_INIT;
    sl_buf_cprintf(&before, "a role over %s", authority ? authority : "every authority");
    int rc = sd_audit(s, actor, "revoke", "user", user_id, "role", sl_buf_str(&before), NULL, err);
    sl_buf_free(&before);
    return rc;
}

/* Row reader: appends an authority's name to the list (ctx). */
static int read_name(void *ctx, sd_stmt *st)
{
    sl_buf *names = ctx;
    char *name = sl_strdup(sd_text(st, 0));
    sl_buf_add(names, (const char *)&name, sizeof name);
    return 0;
}

int sd_scope_authorities(sl_store *store, char ***names, int *all, sl_error *err)
{
    static const char sql[] = "SELECT name FROM authorities WHERE " SD_IN_SCOPE("id") " ORDER BY name";
    sd_store *s = (sd_store *)store;
    sl_buf list = SL_BUF_INIT;
    *names = NULL;
    *all = s->scope == SL_SCOPE_ALL;
    sd_stmt *st = sd_prepare(s, sql, err);
    int rc = st ? sd_each_row(s, st, read_name, &list, err, "listing authorities") : -1;
    int n = (int)(list.len / sizeof(char *));
    if (rc < 0) {
        for (int i = 0; i < n; i++)
            free(((char **)list.data)[i]);
        sl_buf_free(&list);
        return -1;
    }
    *names = (char **)sl_buf_take(&list);
    return n;
}

int64_t sd_scope(sl_store *store)
{
    return ((sd_store *)store)->scope;
}
