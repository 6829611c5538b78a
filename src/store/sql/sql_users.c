/* sql_users.c — accounts, sessions, sign-in throttling and comments. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/sql/sql_store.h"
#include "util/buf.h"
#include "util/clock.h"
#include "util/mem.h"

int sd_user_add(sl_store *store, const sl_user *u, const char *actor, sl_error *err)
{
    static const char sql[] =
        "INSERT INTO users (login, password_hash, role, person_label, created_at, email, reminders)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
    static const char grant_sql[] = "INSERT INTO user_grants (user_id, authority_id, role) VALUES (?1, NULL, ?2)";
    sd_store *s = (sd_store *)store;
    sd_stmt *st = SD_STMT(s, sql, err, SD_TEXT(u->login), SD_TEXT(u->password_hash),
                      SD_TEXT(u->role), SD_TEXT(u->person), SD_NOW, SD_TEXT(u->email),
                      SD_INT(!u->reminders_off));
    if (!st)
        return -1;
    int inserted = sd_insert(s, st, err, "adding a user");
    if (inserted == SD_TAKEN)
        return sl_fail_code(err, SL_ERR_EXISTS, "a user '%s' already exists", u->login);
    if (inserted < 0)
        return -1;
    /* The role over every authority (a national grant); `user add
     * --authority` narrows it to one (sql_scope.c). */
    int64_t user_id = sd_last_id(s);
    if (s->scope == SL_SCOPE_ALL) { /* an account of one authority grants only over its own */
        st = SD_STMT(s, grant_sql, err, SD_INT(user_id), SD_TEXT(u->role));
        if (!st || sd_exec(s, st, err, "granting a role") < 0)
            return -1;
    }
    sl_buf after = SL_BUF_INIT;
    sl_buf_cprintf(&after, "%s (%s%s%s)", u->login, u->role, *u->person ? ", " : "", u->person);
    int rc = sd_audit(s, actor, "add", "user", user_id, "", NULL, sl_buf_str(&after), err);
    sl_buf_free(&after);
    return rc;
}

/* Copies a user row (columns id, login, role, person_label, password_hash,
 * disabled, email, reminders from col). */
static void read_user(sd_stmt *st, int col, sl_user *out)
{
    memset(out, 0, sizeof *out);
    out->id = sd_int64(st, col);
    snprintf(out->login, sizeof out->login, "%s", sd_text(st, col + 1));
    snprintf(out->role, sizeof out->role, "%s", sd_text(st, col + 2));
    snprintf(out->person, sizeof out->person, "%s", sd_text(st, col + 3));
    snprintf(out->password_hash, sizeof out->password_hash, "%s", sd_text(st, col + 4));
    out->disabled = sd_int(st, col + 5);
    snprintf(out->email, sizeof out->email, "%s", sd_text(st, col + 6));
    out->reminders_off = !sd_int(st, col + 7);
}

int sd_user_find(sl_store *store, const char *login, sl_user *out, sl_error *err)
{
    static const char sql[] =
        "SELECT id, login, role, person_label, password_hash, disabled, email, reminders"
        " FROM users WHERE login = ?1";
    sd_store *s = (sd_store *)store;
    sd_stmt *st = sd_prepare(s, sql, err);
    if (!st)
        return -1;
    sd_bind_text(st, 1, login);
    int rc = sd_step(st);
    if (rc == SD_ROW)
        read_user(st, 0, out);
    sd_reset(st);
    if (rc != SD_ROW && rc != SD_DONE)
        return sd_fail(s, err, "finding a user");
    return rc == SD_ROW;
}

/* Appends a user to a growing array (sd_each_row's callback). */
static int collect_user(void *ctx, sd_stmt *st)
{
    struct {
        sl_user *items;
        int n, cap;
    } *list = ctx;
    if (list->n == list->cap) {
        list->cap = list->cap ? list->cap * 2 : 8;
        list->items = sl_realloc(list->items, (size_t)list->cap * sizeof *list->items);
    }
    read_user(st, 0, &list->items[list->n++]);
    return 0;
}

int sd_users(sl_store *store, sl_user **out, sl_error *err)
{
    static const char sql[] =
        "SELECT id, login, role, person_label, password_hash, disabled, email, reminders"
        " FROM users ORDER BY login";
    sd_store *s = (sd_store *)store;
    struct {
        sl_user *items;
        int n, cap;
    } list = {0};
    sd_stmt *st = sd_prepare(s, sql, err);
    if (!st || sd_each_row(s, st, collect_user, &list, err, "listing users") < 0) {
        free(list.items);
        return -1;
    }
    *out = list.items;
    return list.n;
}

/* Sets one column of a user (email or reminders) and logs it when it changes. */
static int set_user_field(sd_store *s, const sl_user *u, const char *field, const char *before,
                          const char *after, const char *actor, sl_error *err)
{
    static const char email_sql[] = "UPDATE users SET email = ?2 WHERE id = ?1";
    static const char reminders_sql[] = "UPDATE users SET reminders = ?2 WHERE id = ?1";
    if (strcmp(before, after) == 0)
        return 0;
    int is_email = strcmp(field, "email") == 0;
    sd_stmt *st = is_email ? SD_STMT(s, email_sql, err, SD_INT(u->id), SD_TEXT(after))
                                : SD_STMT(s, reminders_sql, err, SD_INT(u->id),
                                          SD_INT(strcmp(after, "on") == 0));
    if (!st || sd_exec(s, st, err, "changing a user") < 0)
        return -1;
    return sd_audit(s, actor, "set", "user", u->id, field, before, after, err);
}

int sd_user_set(sl_store *store, const char *login, const char *email, int reminders,
                const char *actor, sl_error *err)
{
    sd_store *s = (sd_store *)store;
    sl_user u;
    int found = sd_user_find(store, login, &u, err);
    if (found <= 0)
        return found < 0 ? -1 : sl_fail_code(err, SL_ERR_NOT_FOUND, "no user '%s'", login);
    if (email && set_user_field(s, &u, "email", u.email, email, actor, err) < 0)
        return -1;
    if (reminders >= 0 && set_user_field(s, &u, "reminders", u.reminders_off ? "off" : "on",
                                         reminders ? "on" : "off", actor, err) < 0)
        return -1;
    return 0;
}

int sd_session_add(sl_store *store, const sl_session_new *n, sl_error *err)
{
    static const char sql[] =
        "INSERT INTO sessions (token_hash, user_id, csrf, created_at, last_seen, ref, address, user_agent)"
        " VALUES (?1, ?2, ?3, ?4, ?4, ?5, ?6, ?7)";
    sd_store *s = (sd_store *)store;
    sd_stmt *st = SD_STMT(s, sql, err, SD_TEXT(n->token_hash), SD_INT(n->user_id), SD_TEXT(n->csrf),
                          SD_INT(n->now), SD_TEXT(n->ref), SD_TEXT(n->address ? n->address : ""),
                          SD_TEXT(n->user_agent ? n->user_agent : ""));
    if (!st)
        return -1;
    return sd_exec(s, st, err, "starting a session");
}

int sd_session_find(sl_store *store, const char *token_hash, sl_session *out, sl_error *err)
{
    static const char sql[] =
        "SELECT u.id, u.login, u.role, u.person_label, u.password_hash, u.disabled, u.email,"
        " u.reminders, s.csrf, s.created_at, s.last_seen, s.ref FROM sessions s"
        " JOIN users u ON u.id = s.user_id"
        " WHERE s.token_hash = ?1";
    sd_store *s = (sd_store *)store;
    sd_stmt *st = sd_prepare(s, sql, err);
    if (!st)
        return -1;
    sd_bind_text(st, 1, token_hash);
    int rc = sd_step(st);
    if (rc == SD_ROW) {
        read_user(st, 0, &out->user);
        snprintf(out->csrf, sizeof out->csrf, "%s", sd_text(st, 8));
        out->created_at = sd_int64(st, 9);
        out->last_seen = sd_int64(st, 10);
        snprintf(out->ref, sizeof out->ref, "%s", sd_text(st, 11));
    }
    sd_reset(st);
    if (rc != SD_ROW && rc != SD_DONE)
        return sd_fail(s, err, "finding a session");
    return rc == SD_ROW;
}

int sd_session_touch(sl_store *store, const char *token_hash, int64_t now, sl_error *err)
{
    static const char sql[] = "UPDATE sessions SET last_seen = ?2 WHERE token_hash = ?1";
    sd_store *s = (sd_store *)store;
    sd_stmt *st = SD_STMT(s, sql, err, SD_TEXT(token_hash), SD_INT(now));
    if (!st)
        return -1;
    return sd_exec(s, st, err, "touching a session");
}

int sd_session_delete(sl_store *store, const char *token_hash, sl_error *err)
{
    static const char sql[] = "DELETE FROM sessions WHERE token_hash = ?1";
    sd_store *s = (sd_store *)store;
    sd_stmt *st = sd_prepare(s, sql, err);
    if (!st)
        return -1;
    sd_bind_text(st, 1, token_hash);
    return sd_exec(s, st, err, "ending a session");
}

int sd_each_session(sl_store *store, int64_t user_id, int64_t seen_since, int64_t created_since,
                    sl_session_cb cb, void *ctx, sl_error *err)
{
    static const char sql[] =
        "SELECT s.ref, s.user_id, u.login, s.created_at, s.last_seen, s.address, s.user_agent"
        " FROM sessions s JOIN users u ON u.id = s.user_id"
        " WHERE (?1 = 0 OR s.user_id = ?1) AND s.last_seen >= ?2 AND s.created_at >= ?3"
        " ORDER BY s.last_seen DESC, s.created_at DESC, s.ref";
    sd_store *s = (sd_store *)store;
    sd_stmt *st = SD_STMT(s, sql, err, SD_INT(user_id), SD_INT(seen_since), SD_INT(created_since));
    if (!st)
        return -1;
    int rc, stop = 0;
    while ((rc = sd_step(st)) == SD_ROW) {
        sl_session_row row = {sd_text(st, 0), sd_int64(st, 1), sd_text(st, 2), sd_int64(st, 3),
                              sd_int64(st, 4), sd_text(st, 5), sd_text(st, 6)};
        if ((stop = cb(ctx, &row)) != 0)
            break;
    }
    return sd_walk_end(s, st, rc, stop, err, "listing sessions");
}

/* Finds the owner and address of session ref (of user_id, or anyone's when
 * 0): 1 found (*owner set, *address in a buffer the caller frees), 0 not, -1 error. */
static int session_owner(sd_store *s, const char *ref, int64_t user_id, int64_t *owner, sl_buf *address,
                         sl_error *err)
{
    static const char sql[] = "SELECT user_id, address FROM sessions WHERE ref = ?1 AND (?2 = 0 OR user_id = ?2)";
    sd_stmt *st = SD_STMT(s, sql, err, SD_TEXT(ref), SD_INT(user_id));
    if (!st)
        return -1;
    int rc = sd_step(st);
    if (rc == SD_ROW) {
        *owner = sd_int64(st, 0);
        sl_buf_puts(address, sd_text(st, 1));
    }
    sd_reset(st);
    if (rc != SD_ROW && rc != SD_DONE)
        return sd_fail(s, err, "finding a session");
    return rc == SD_ROW;
}

int sd_session_end(sl_store *store, const char *ref, int64_t user_id, const char *actor, const char *why,
                   sl_error *err)
{
    static const char sql[] = "DELETE FROM sessions WHERE ref = ?1";
    sd_store *s = (sd_store *)store;
    int64_t owner = 0;
    sl_buf after = SL_BUF_INIT;
    int found = *ref ? session_owner(s, ref, user_id, &owner, &after, err) : 0;
    if (found == 1) {
        sl_buf_cprintf(&after, " (%s): %s", ref, why ? why : "ended");
        sd_stmt *st = SD_STMT(s, sql, err, SD_TEXT(ref));
        if (!st || sd_exec(s, st, err, "ending a session") < 0 ||
            sd_audit(s, actor, "end", "session", owner, "", NULL, sl_buf_str(&after), err) < 0)
            found = -1;
    }
    sl_buf_free(&after);
    return found;
}

int sd_sessions_end_user(sl_store *store, int64_t user_id, const char *keep, const char *actor, int *ended,
                         sl_error *err)
{
    static const char sql[] = "DELETE FROM sessions WHERE user_id = ?1 AND ref <> ?2";
    sd_store *s = (sd_store *)store;
    sd_stmt *st = SD_STMT(s, sql, err, SD_INT(user_id), SD_TEXT(keep ? keep : ""));
    if (!st || sd_exec(s, st, err, "ending sessions") < 0)
        return -1;
    *ended = sd_changes(s);
    if (*ended == 0)
        return 0;
    sl_buf after = SL_BUF_INIT;
    sl_buf_cprintf(&after, "%d session%s ended%s", *ended, *ended == 1 ? "" : "s", keep ? " (all but the current one)" : "");
    int rc = sd_audit(s, actor, "end", "session", user_id, "", NULL, sl_buf_str(&after), err);
    sl_buf_free(&after);
    return rc;
}

int sd_login_failures(sl_store *store, const char *login, int64_t since, int *recent, sl_error *err)
{
    static const char sql[] = "SELECT count(*) FROM login_failures WHERE login = ?1 AND at >= ?2";
    sd_store *s = (sd_store *)store;
    sd_stmt *st = SD_STMT(s, sql, err, SD_TEXT(login), SD_INT(since));
    if (!st)
        return -1;
    if (sd_step(st) != SD_ROW) {
        sd_reset(st);
        return sd_fail(s, err, "counting sign-in failures");
    }
    *recent = sd_int(st, 0);
    sd_reset(st);
    return 0;
}

int sd_login_failure(sl_store *store, const char *login, int64_t now, int64_t since, int *recent,
                     sl_error *err)
{
    static const char sql[] = "INSERT INTO login_failures (login, at) VALUES (?1, ?2)";
    sd_store *s = (sd_store *)store;
    sd_stmt *st = SD_STMT(s, sql, err, SD_TEXT(login), SD_INT(now));
    if (!st)
        return -1;
    if (sd_exec(s, st, err, "recording a sign-in failure") < 0)
        return -1;
    return sd_login_failures(store, login, since, recent, err);
}

int sd_comment_add(sl_store *store, int64_t action_id, const char *text, const char *actor,
                   sl_error *err)
{
    static const char sql[] =
        "INSERT INTO comments (action_id, at, actor, text) VALUES (?1, ?2, ?3, ?4)";
    sd_store *s = (sd_store *)store;
    if (sd_scope_check(s, SD_OF_ACTION, action_id, err) < 0)
        return -1;
    sd_stmt *st = SD_STMT(s, sql, err, SD_INT(action_id), SD_NOW, SD_TEXT(actor),
                      SD_TEXT(text));
    if (!st)
        return -1;
    if (sd_exec(s, st, err, "adding a comment") < 0)
        return -1;
    return sd_audit(s, actor, "comment", "action", action_id, "comment", NULL, text, err);
}

int sd_each_comment(sl_store *store, int64_t action_id, int latest, sl_comment_cb cb, void *ctx,
                    sl_error *err)
{
    static const char sql[] =
        "SELECT * FROM (SELECT id, at, actor, text FROM comments WHERE action_id = ?1"
        " AND " SD_ACTION_IN_SCOPE("action_id") " ORDER BY id DESC LIMIT ?2) AS latest ORDER BY id";
    sd_store *s = (sd_store *)store;
    sd_stmt *st = SD_STMT(s, sql, err, SD_INT(action_id), SD_INT(latest > 0 ? latest : INT64_MAX));
    if (!st)
        return -1;
    int rc, stop = 0;
    while ((rc = sd_step(st)) == SD_ROW) {
        sl_comment c = {sd_int64(st, 0), sd_text(st, 1), sd_text(st, 2), sd_text(st, 3)};
        if ((stop = cb(ctx, &c)) != 0)
            break;
    }
    return sd_walk_end(s, st, rc, stop, err, "reading comments");
}
