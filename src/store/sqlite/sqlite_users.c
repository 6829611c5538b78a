/* sqlite_users.c — accounts, sessions, sign-in throttling and comments. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/sqlite/sqlite_store.h"
#include "util/buf.h"
#include "util/clock.h"
#include "util/mem.h"

int sq_user_add(sl_store *store, const sl_user *u, const char *actor, sl_error *err)
{
    static const char sql[] =
        "INSERT INTO users (login, password_hash, role, person_label, created_at, email, reminders)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
    sq_store *s = (sq_store *)store;
    sqlite3_stmt *st = SQ_STMT(s, sql, err, SQ_TEXT(u->login), SQ_TEXT(u->password_hash),
                      SQ_TEXT(u->role), SQ_TEXT(u->person), SQ_NOW, SQ_TEXT(u->email),
                      SQ_INT(!u->reminders_off));
    if (!st)
        return -1;
    int inserted = sq_insert(s, st, err, "adding a user");
    if (inserted == SQ_TAKEN)
        return sl_fail_code(err, SL_ERR_EXISTS, "a user '%s' already exists", u->login);
    if (inserted < 0)
        return -1;
    sl_buf after = SL_BUF_INIT;
    sl_buf_cprintf(&after, "%s (%s%s%s)", u->login, u->role, *u->person ? ", " : "", u->person);
    int rc = sq_audit(s, actor, "add", "user", sqlite3_last_insert_rowid(s->db), "", NULL, sl_buf_str(&after), err);
    sl_buf_free(&after);
    return rc;
}

/* Copies a user row (columns id, login, role, person_label, password_hash,
 * disabled, email, reminders from col). */
static void read_user(sqlite3_stmt *st, int col, sl_user *out)
{
    memset(out, 0, sizeof *out);
    out->id = sqlite3_column_int64(st, col);
    snprintf(out->login, sizeof out->login, "%s", sq_text(st, col + 1));
    snprintf(out->role, sizeof out->role, "%s", sq_text(st, col + 2));
    snprintf(out->person, sizeof out->person, "%s", sq_text(st, col + 3));
    snprintf(out->password_hash, sizeof out->password_hash, "%s", sq_text(st, col + 4));
    out->disabled = sqlite3_column_int(st, col + 5);
    snprintf(out->email, sizeof out->email, "%s", sq_text(st, col + 6));
    out->reminders_off = !sqlite3_column_int(st, col + 7);
}

int sq_user_find(sl_store *store, const char *login, sl_user *out, sl_error *err)
{
    static const char sql[] =
        "SELECT id, login, role, person_label, password_hash, disabled, email, reminders"
        " FROM users WHERE login = ?1";
    sq_store *s = (sq_store *)store;
    sqlite3_stmt *st = sq_prepare(s, sql, err);
    if (!st)
        return -1;
    sq_bind_text(st, 1, login);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        read_user(st, 0, out);
    sqlite3_reset(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return sq_fail(s, err, "finding a user");
    return rc == SQLITE_ROW;
}

/* Appends a user to a growing array (sq_each_row's callback). */
static int collect_user(void *ctx, sqlite3_stmt *st)
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

int sq_users(sl_store *store, sl_user **out, sl_error *err)
{
    static const char sql[] =
        "SELECT id, login, role, person_label, password_hash, disabled, email, reminders"
        " FROM users ORDER BY login";
    sq_store *s = (sq_store *)store;
    struct {
        sl_user *items;
        int n, cap;
    } list = {0};
    sqlite3_stmt *st = sq_prepare(s, sql, err);
    if (!st || sq_each_row(s, st, collect_user, &list, err, "listing users") < 0) {
        free(list.items);
        return -1;
    }
    *out = list.items;
    return list.n;
}

/* Sets one column of a user (email or reminders) and logs it when it changes. */
static int set_user_field(sq_store *s, const sl_user *u, const char *field, const char *before,
                          const char *after, const char *actor, sl_error *err)
{
    static const char email_sql[] = "UPDATE users SET email = ?2 WHERE id = ?1";
    static const char reminders_sql[] = "UPDATE users SET reminders = ?2 WHERE id = ?1";
    if (strcmp(before, after) == 0)
        return 0;
    int is_email = strcmp(field, "email") == 0;
    sqlite3_stmt *st = is_email ? SQ_STMT(s, email_sql, err, SQ_INT(u->id), SQ_TEXT(after))
                                : SQ_STMT(s, reminders_sql, err, SQ_INT(u->id),
                                          SQ_INT(strcmp(after, "on") == 0));
    if (!st || sq_exec(s, st, err, "changing a user") < 0)
        return -1;
    return sq_audit(s, actor, "set", "user", u->id, field, before, after, err);
}

int sq_user_set(sl_store *store, const char *login, const char *email, int reminders,
                const char *actor, sl_error *err)
{
    sq_store *s = (sq_store *)store;
    sl_user u;
    int found = sq_user_find(store, login, &u, err);
    if (found <= 0)
        return found < 0 ? -1 : sl_fail_code(err, SL_ERR_NOT_FOUND, "no user '%s'", login);
    if (email && set_user_field(s, &u, "email", u.email, email, actor, err) < 0)
        return -1;
    if (reminders >= 0 && set_user_field(s, &u, "reminders", u.reminders_off ? "off" : "on",
                                         reminders ? "on" : "off", actor, err) < 0)
        return -1;
    return 0;
}

int sq_session_add(sl_store *store, const char *token_hash, int64_t user_id, const char *csrf,
                   int64_t now, sl_error *err)
{
    static const char sql[] =
        "INSERT INTO sessions (token_hash, user_id, csrf, created_at, last_seen)"
        " VALUES (?1, ?2, ?3, ?4, ?4)";
    sq_store *s = (sq_store *)store;
    sqlite3_stmt *st = SQ_STMT(s, sql, err, SQ_TEXT(token_hash), SQ_INT(user_id), SQ_TEXT(csrf),
                      SQ_INT(now));
    if (!st)
        return -1;
    return sq_exec(s, st, err, "starting a session");
}

int sq_session_find(sl_store *store, const char *token_hash, sl_session *out, sl_error *err)
{
    static const char sql[] =
        "SELECT u.id, u.login, u.role, u.person_label, u.password_hash, u.disabled, u.email,"
        " u.reminders, s.csrf, s.created_at, s.last_seen FROM sessions s"
        " JOIN users u ON u.id = s.user_id"
        " WHERE s.token_hash = ?1";
    sq_store *s = (sq_store *)store;
    sqlite3_stmt *st = sq_prepare(s, sql, err);
    if (!st)
        return -1;
    sq_bind_text(st, 1, token_hash);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        read_user(st, 0, &out->user);
        snprintf(out->csrf, sizeof out->csrf, "%s", sq_text(st, 8));
        out->created_at = sqlite3_column_int64(st, 9);
        out->last_seen = sqlite3_column_int64(st, 10);
    }
    sqlite3_reset(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return sq_fail(s, err, "finding a session");
    return rc == SQLITE_ROW;
}

int sq_session_touch(sl_store *store, const char *token_hash, int64_t now, sl_error *err)
{
    static const char sql[] = "UPDATE sessions SET last_seen = ?2 WHERE token_hash = ?1";
    sq_store *s = (sq_store *)store;
    sqlite3_stmt *st = SQ_STMT(s, sql, err, SQ_TEXT(token_hash), SQ_INT(now));
    if (!st)
        return -1;
    return sq_exec(s, st, err, "touching a session");
}

int sq_session_delete(sl_store *store, const char *token_hash, sl_error *err)
{
    static const char sql[] = "DELETE FROM sessions WHERE token_hash = ?1";
    sq_store *s = (sq_store *)store;
    sqlite3_stmt *st = sq_prepare(s, sql, err);
    if (!st)
        return -1;
    sq_bind_text(st, 1, token_hash);
    return sq_exec(s, st, err, "ending a session");
}

int sq_login_failures(sl_store *store, const char *login, int64_t since, int *recent, sl_error *err)
{
    static const char sql[] = "SELECT count(*) FROM login_failures WHERE login = ?1 AND at >= ?2";
    sq_store *s = (sq_store *)store;
    sqlite3_stmt *st = SQ_STMT(s, sql, err, SQ_TEXT(login), SQ_INT(since));
    if (!st)
        return -1;
    if (sqlite3_step(st) != SQLITE_ROW) {
        sqlite3_reset(st);
        return sq_fail(s, err, "counting sign-in failures");
    }
    *recent = sqlite3_column_int(st, 0);
    sqlite3_reset(st);
    return 0;
}

int sq_login_failure(sl_store *store, const char *login, int64_t now, int64_t since, int *recent,
                     sl_error *err)
{
    static const char sql[] = "INSERT INTO login_failures (login, at) VALUES (?1, ?2)";
    sq_store *s = (sq_store *)store;
    sqlite3_stmt *st = SQ_STMT(s, sql, err, SQ_TEXT(login), SQ_INT(now));
    if (!st)
        return -1;
    if (sq_exec(s, st, err, "recording a sign-in failure") < 0)
        return -1;
    return sq_login_failures(store, login, since, recent, err);
}

int sq_comment_add(sl_store *store, int64_t action_id, const char *text, const char *actor,
                   sl_error *err)
{
    static const char sql[] =
        "INSERT INTO comments (action_id, at, actor, text) VALUES (?1, ?2, ?3, ?4)";
    sq_store *s = (sq_store *)store;
    sqlite3_stmt *st = SQ_STMT(s, sql, err, SQ_INT(action_id), SQ_NOW, SQ_TEXT(actor),
                      SQ_TEXT(text));
    if (!st)
        return -1;
    if (sq_exec(s, st, err, "adding a comment") < 0)
        return -1;
    return sq_audit(s, actor, "comment", "action", action_id, "comment", NULL, text, err);
}

int sq_each_comment(sl_store *store, int64_t action_id, int latest, sl_comment_cb cb, void *ctx,
                    sl_error *err)
{
    static const char sql[] =
        "SELECT * FROM (SELECT id, at, actor, text FROM comments WHERE action_id = ?1"
        " ORDER BY id DESC LIMIT ?2) ORDER BY id";
    sq_store *s = (sq_store *)store;
    sqlite3_stmt *st = SQ_STMT(s, sql, err, SQ_INT(action_id), SQ_INT(latest > 0 ? latest : -1));
    if (!st)
        return -1;
    int rc, stop = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        sl_comment c = {sqlite3_column_int64(st, 0), sq_text(st, 1), sq_text(st, 2), sq_text(st, 3)};
        if ((stop = cb(ctx, &c)) != 0)
            break;
    }
    return sq_walk_end(s, st, rc, stop, err, "reading comments");
}
