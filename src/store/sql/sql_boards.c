/* sql_boards.c — boards, their members and rules (governance). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/sql/sql_store.h"
#include "util/mem.h"

/* Binds a board's kind, terms of reference and rules to parameters 2..14. */
static void bind_board(sd_stmt *st, const sl_board *b)
{
    const sl_board_rules *r = &b->rules;
    sd_bind_int(st, 2, (int)b->kind);
    sd_bind_text(st, 3, b->tor_text ? b->tor_text : "");
    sd_bind_day(st, 4, b->tor_adopted);
    sd_bind_int(st, 5, r->meets.every);
    sd_bind_int(st, 6, (int)r->meets.unit);
    sd_bind_int(st, 7, r->meets.weekday);
    sd_bind_int(st, 8, r->meets.week_of_month);
    sd_bind_int(st, 9, r->papers_days);
    sd_bind_int(st, 10, r->substitute_notice_days);
    sd_bind_int(st, 11, r->minutes_days);
    sd_bind_int(st, 12, r->chair_report_every);
    sd_bind_int(st, 13, r->review_months);
}

/* Replaces the members of board id with those of b. */
static int save_members(sd_store *s, int64_t id, const sl_board *b, sl_error *err)
{
    static const char del[] = "DELETE FROM board_members WHERE board_id = ?1";
    static const char ins[] =
        "INSERT INTO board_members (board_id, position, name, role, organisation, substitute, chair,"
        " vice_chair) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
    sd_stmt *st = sd_prepare(s, del, err);
    if (!st)
        return -1;
    sd_bind_int(st, 1, id);
    if (sd_exec(s, st, err, "replacing board members") < 0)
        return -1;
    for (size_t i = 0; i < b->n_members; i++) {
        const sl_board_member *m = &b->members[i];
        if (!(st = sd_prepare(s, ins, err)))
            return -1;
        sd_bind_int(st, 1, id);
        sd_bind_int(st, 2, (int)i);
        sd_bind_text(st, 3, m->name);
        sd_bind_text(st, 4, m->role ? m->role : "");
        sd_bind_text(st, 5, m->organisation ? m->organisation : "");
        sd_bind_text(st, 6, m->substitute);
        sd_bind_int(st, 7, m->chair);
        sd_bind_int(st, 8, m->vice_chair);
        if (sd_exec(s, st, err, "adding a board member") < 0)
            return -1;
    }
    return 0;
}

/* Inserts a new board row; sets *id. Returns 0, SD_TAKEN or -1. */
static int insert_board(sd_store *s, const sl_board *b, int64_t *id, sl_error *err)
{
    static const char sql[] =
        "INSERT INTO boards (name, kind, tor_text, tor_adopted, meets_every, meets_unit, meets_weekday,"
        " meets_week, papers_days, substitute_days, minutes_days, chair_report_every, review_months,"
        " authority_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)";
    int64_t authority_id;
    if (sd_new_authority(s, &authority_id, err) < 0)
        return -1;
    sd_stmt *st = sd_prepare(s, sql, err);
    if (!st)
        return -1;
    sd_bind_text(st, 1, b->name);
    bind_board(st, b);
    if (authority_id)
        sd_bind_int(st, 14, authority_id);
    int rc = sd_insert(s, st, err, "adding a board");
    if (rc == 0)
        *id = sd_last_id(s);
    return rc;
}

/* Updates board id's kind, terms of reference and rules from b. */
static int update_board(sd_store *s, int64_t id, const sl_board *b, sl_error *err)
{
    static const char sql[] =
        "UPDATE boards SET kind = ?2, tor_text = ?3, tor_adopted = ?4, meets_every = ?5, meets_unit = ?6,"
        " meets_weekday = ?7, meets_week = ?8, papers_days = ?9, substitute_days = ?10,"
        " minutes_days = ?11, chair_report_every = ?12, review_months = ?13 WHERE id = ?1";
    sd_stmt *st = sd_prepare(s, sql, err);
    if (!st)
        return -1;
    sd_bind_int(st, 1, id);
    bind_board(st, b);
    return sd_exec(s, st, err, "updating a board");
}

/* Finds a board's id by name (any case): 1, 0 when none, -1. */
static int board_id(sd_store *s, const char *name, int64_t *id, sl_error *err)
{
    static const char sqlite_sql[] =
        "SELECT id FROM boards WHERE name = ?1 COLLATE NOCASE AND " SD_IN_SCOPE("authority_id");
    static const char pg_sql[] =
        "SELECT id FROM boards WHERE lower(name) = lower(?1) AND " SD_IN_SCOPE("authority_id");
    sd_stmt *st = sd_prepare(s, SD_SQL(s, sqlite_sql, pg_sql), err);
    if (!st)
        return -1;
    sd_bind_text(st, 1, name);
    int rc = sd_step(st), found = rc == SD_ROW;
    if (found)
        *id = sd_int64(st, 0);
    return found ? (sd_reset(st), 1) : sd_walk_end(s, st, rc, 0, err, "finding a board");
}

/* Creates or updates (when update is 1) the board of b's name. */
static int save(sl_store *store, const sl_board *b, int update, const char *actor, int64_t *id_out,
                sl_error *err)
{
    sd_store *s = (sd_store *)store;
    int64_t id = 0;
    if (!b->name || !*b->name)
        return sl_fail(err, "a board needs a name");
    int found = board_id(s, b->name, &id, err);
    if (found < 0)
        return -1;
    if (found && !update)
        return sl_fail(err, "a board named '%s' already exists", b->name);
    int rc = found ? update_board(s, id, b, err) : insert_board(s, b, &id, err);
    if (rc == SD_TAKEN)
        return sl_fail(err, "a board named '%s' already exists", b->name);
    if (rc < 0 || save_members(s, id, b, err) < 0)
        return -1;
    if (id_out)
        *id_out = id;
    return sd_audit(s, actor, found ? "update" : "add", "board", id, "", NULL, b->name, err);
}

int sd_board_add(sl_store *store, const sl_board *b, const char *actor, int64_t *id, sl_error *err)
{
    return save(store, b, 0, actor, id, err);
}

int sd_board_save(sl_store *store, const sl_board *b, const char *actor, int64_t *id, sl_error *err)
{
    return save(store, b, 1, actor, id, err);
}

/* Fills a board from a row of the boards SELECT below (columns 1..13). */
static void read_board(sd_stmt *st, sl_board *b)
{
    *b = sl_board_empty();
    b->name = sl_strdup(sd_text(st, 1));
    b->kind = (sl_board_kind)sd_int(st, 2);
    b->tor_text = sl_strdup(sd_text(st, 3));
    b->tor_adopted = sd_day(st, 4);
    sl_board_rules *r = &b->rules;
    r->meets.every = sd_int(st, 5);
    r->meets.unit = (sl_every_unit)sd_int(st, 6);
    r->meets.weekday = sd_int(st, 7);
    r->meets.week_of_month = sd_int(st, 8);
    r->papers_days = sd_int(st, 9);
    r->substitute_notice_days = sd_int(st, 10);
    r->minutes_days = sd_int(st, 11);
    r->chair_report_every = sd_int(st, 12);
    b->authority = sd_is_null(st, 14) ? NULL : sl_strdup(sd_text(st, 14));
    r->review_months = sd_int(st, 13);
}

/* Loads the members of board id into b. */
static int load_members(sd_store *s, int64_t id, sl_board *b, sl_error *err)
{
    static const char sql[] =
        "SELECT name, role, organisation, substitute, chair, vice_chair FROM board_members"
        " WHERE board_id = ?1 ORDER BY position";
    sd_stmt *st = sd_prepare(s, sql, err);
    if (!st)
        return -1;
    sd_bind_int(st, 1, id);
    int rc;
    while ((rc = sd_step(st)) == SD_ROW) {
        int null_name = sd_is_null(st, 0);
        int null_sub = sd_is_null(st, 3);
        size_t i = sl_board_add_member(b, null_name ? NULL : sd_text(st, 0), sd_text(st, 1), sd_text(st, 2),
                                       null_sub ? NULL : sd_text(st, 3));
        b->members[i].chair = sd_int(st, 4);
        b->members[i].vice_chair = sd_int(st, 5);
    }
    return sd_walk_end(s, st, rc, 0, err, "reading board members");
}

/* Frees n boards and the arrays read_boards filled. */
static void free_boards(sl_board *boards, int64_t *ids, int n)
{
    for (int i = 0; boards && i < n; i++)
        sl_board_free(&boards[i]);
    free(boards);
    free(ids);
}

/* The boards SELECT: every board, or (?1 not NULL) the one of that name. */
#define BOARDS_COLUMNS \
    "SELECT id, name, kind, tor_text, tor_adopted, meets_every, meets_unit, meets_weekday, meets_week," \
    " papers_days, substitute_days, minutes_days, chair_report_every, review_months," \
    " (SELECT a.name FROM authorities a WHERE a.id = boards.authority_id) AS board_authority FROM boards"
static const char boards_sql[] = BOARDS_COLUMNS " WHERE (?1 IS NULL OR name = ?1 COLLATE NOCASE) AND "
    SD_IN_SCOPE("authority_id") " ORDER BY name";
static const char pg_boards_sql[] = BOARDS_COLUMNS " WHERE (?1::text IS NULL OR lower(name) = lower(?1)) AND "
    SD_IN_SCOPE("authority_id") " ORDER BY name";

/* Reads the board rows of boards_sql (name NULL: all) into *out and *ids. */
static int read_boards(sd_store *s, const char *name, sl_board **out, int64_t **ids, sl_error *err)
{
    sd_stmt *st = sd_prepare(s, SD_SQL(s, boards_sql, pg_boards_sql), err);
    if (!st)
        return -1;
    sd_bind_text(st, 1, name);
    int n = 0, rc;
    *out = NULL;
    *ids = NULL;
    while ((rc = sd_step(st)) == SD_ROW) {
        *out = sl_realloc(*out, (size_t)(n + 1) * sizeof **out);
        *ids = sl_realloc(*ids, (size_t)(n + 1) * sizeof **ids);
        (*ids)[n] = sd_int64(st, 0);
        read_board(st, &(*out)[n++]);
    }
    int ok = sd_walk_end(s, st, rc, 0, err, "reading boards") == 0;
    for (int i = 0; ok && i < n; i++)
        ok = load_members(s, (*ids)[i], &(*out)[i], err) == 0;
    if (ok)
        return n;
    free_boards(*out, *ids, n);
    *out = NULL;
    *ids = NULL;
    return -1;
}

int sd_boards(sl_store *store, sl_board **out, int64_t **ids, sl_error *err)
{
    sl_board *boards;
    int64_t *id_list;
    int n = read_boards((sd_store *)store, NULL, &boards, &id_list, err);
    *out = boards;
    if (ids)
        *ids = id_list;
    else
        free(id_list);
    return n;
}

int sd_board_find(sl_store *store, const char *name, sl_board *out, int64_t *id, sl_error *err)
{
    sl_board *boards;
    int64_t *ids;
    int n = read_boards((sd_store *)store, name, &boards, &ids, err);
    if (n > 0) {
        if (id)
            *id = ids[0];
        if (out) {
            *out = boards[0];
            boards[0] = sl_board_empty();
        }
    }
    free_boards(boards, ids, n);
    return n < 0 ? -1 : n > 0;
}
