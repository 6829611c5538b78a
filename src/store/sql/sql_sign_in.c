/* sql_sign_in.c — sign-in events shared between server processes (the
 * sign_in_events table), so that throttling holds across them. */
#include "store/sql/sql_store.h"

int sd_sign_in_event_add(sl_store *store, const char *origin, int64_t at, const char *login,
                         const char *address, int failed, sl_error *err)
{
    static const char sql[] =
        "INSERT INTO sign_in_events (origin, at, login, address, failed) VALUES (?1, ?2, ?3, ?4, ?5)";
    sd_store *s = (sd_store *)store;
    sd_stmt *st = SD_STMT(s, sql, err, SD_TEXT(origin), SD_INT(at), SD_TEXT(login), SD_TEXT(address),
                          SD_INT(failed != 0));
    if (!st)
        return -1;
    return sd_exec(s, st, err, "recording a sign-in");
}

/* The walk of sd_sign_in_events_since: the caller's function and the last id. */
typedef struct {
    void (*seen)(void *ctx, const sl_sign_in_event *event);
    void *ctx;
    int64_t *last_id;
} event_walk;

/* Hands one row to the caller as an event; always goes on. */
static int event_row(void *ctx, sd_stmt *st)
{
    event_walk *w = ctx;
    sl_sign_in_event e = {.id = sd_int64(st, 0), .at = sd_int64(st, 1), .login = sd_text(st, 2),
                          .address = sd_text(st, 3), .failed = sd_int(st, 4)};
    w->seen(w->ctx, &e);
    if (e.id > *w->last_id)
        *w->last_id = e.id;
    return 0;
}

int sd_sign_in_events_since(sl_store *store, int64_t after_id, int64_t since, const char *origin,
                            void (*seen)(void *ctx, const sl_sign_in_event *event), void *ctx, int64_t *last_id,
                            sl_error *err)
{
    static const char sql[] =
        "SELECT id, at, login, address, failed FROM sign_in_events"
        " WHERE id > ?1 AND at >= ?2 AND origin <> ?3 ORDER BY id";
    sd_store *s = (sd_store *)store;
    sd_stmt *st = SD_STMT(s, sql, err, SD_INT(after_id), SD_INT(since), SD_TEXT(origin));
    if (!st)
        return -1;
    event_walk w = {seen, ctx, last_id};
    return sd_each_row(s, st, event_row, &w, err, "reading sign-ins") < 0 ? -1 : 0;
}

int sd_sign_in_events_prune(sl_store *store, int64_t before, sl_error *err)
{
    static const char sql[] = "DELETE FROM sign_in_events WHERE at < ?1";
    sd_store *s = (sd_store *)store;
    sd_stmt *st = SD_STMT(s, sql, err, SD_INT(before));
    if (!st)
        return -1;
    return sd_exec(s, st, err, "forgetting old sign-ins");
}
