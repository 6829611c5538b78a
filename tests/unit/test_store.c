/* test_store.c — the storage layer on a real SQLite file (or, when
 * SL_TEST_STORE_DB names an empty PostgreSQL database, as tests/run.sh does,
 * on that): a plan saved and read back, actions as of a day, updates (also
 * back-dated), stale versions refused, and transactions that roll back. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "import/import.h"
#include "report/action_list.h"
#include "store/store.h"

static const char plan_csv[] =
    "plan,theme_ref,theme,ref,title,start,due,sro,leads,measure,status,recommendations,owner_note\n"
    "Test plan,1,Strategic,1.1,First,Jul 17,Jul 17,JN,JN,M,Complete,1,kept\n"
    "Test plan,1,Strategic,1.2,Second,18 Sept 17,31 Jan 18,BP,BP;RS,M,In progress,1;2,\n"
    "Test plan,2,Structural,2.1,Third,Jul 17,30 Aug 17,BP,BP,M,In progress,2,\n";

typedef struct {
    int n;
    char statuses[8][24];
    int overdue;
} seen;

/* Collects the statuses of listed actions. */
/* Store callback: counts the updates given and keeps the last one's status and day. */
static int last_update(void *ctx, const sl_update *u)
{
    int *got = ctx;
    got[0]++;
    got[1] = (int)u->status;
    got[2] = (int)u->day;
    return 0;
}

/* Returns "N:status:YYYY-MM-DD" for the latest update of action id on or
 * before the day (text), in a static buffer; "0" when there is none. */
static const char *latest_on(sl_store *store, int64_t id, const char *day)
{
    static char out[64];
    sl_day d = SL_NO_DAY;
    sl_error err = {0};
    int got[3] = {0};
    sl_day_parse_iso(day, &d);
    CHECK(sl_store_latest_update(store, id, d, last_update, got, &err) == 0, "latest: %s",
          err.message);
    char iso[11] = "";
    if (got[0])
        sl_day_format((sl_day)got[2], iso);
    snprintf(out, sizeof out, got[0] ? "%d:%s:%s" : "%d", got[0],
             sl_status_name((sl_status)got[1]), iso);
    return out;
}

static int collect(void *ctx, const sl_action_row *row, const sl_rag_result *rag)
{
    seen *s = ctx;
    if (s->n < 8)
        snprintf(s->statuses[s->n], sizeof s->statuses[0], "%s:%s", row->ref,
                 sl_status_name(row->status));
    s->n++;
    s->overdue += rag->overdue;
    return 0;
}

/* Returns the status of 2.1 as listed on an ISO day. */
static const char *status_on(sl_store *store, const char *iso, seen *s)
{
    sl_action_filter f = {.due_within = -1};
    sl_day_parse_iso(iso, &f.as_of);
    memset(s, 0, sizeof *s);
    sl_error err = {0};
    CHECK(sl_each_rated_action(store, &f, collect, s, &err) == 0, "listing works: %s", err.message);
    return s->n == 3 ? s->statuses[2] : "?";
}

/* Adds an update to action id on an ISO day. */
static int update(sl_store *store, int64_t id, sl_status st, const char *iso, int expect, sl_error *err)
{
    sl_update u = {.action_id = id, .status = st, .note = "note", .expected_version = expect};
    sl_day_parse_iso(iso, &u.day);
    if (sl_store_begin(store, err) < 0)
        return -1;
    if (sl_store_add_update(store, &u, "tester", err) < 0) {
        sl_store_rollback(store);
        return -1;
    }
    return sl_store_commit(store, err);
}

/* Collects sign-in events as "login:failed" words. */
static void event_word(void *ctx, const sl_sign_in_event *e)
{
    char *out = ctx;
    size_t n = strlen(out);
    snprintf(out + n, 128 - n, "%s%s:%d", n ? " " : "", e->login, e->failed);
}

/* Sign-in events shared between servers: another origin's only, newer than
 * the last read and the window, and old ones forgotten. */
static void sign_in_events(sl_store *store)
{
    sl_error err = {0};
    CHECK(sl_store_sign_in_event_add(store, "aaaa", 1000, "ann", "127.0.0.1", 1, &err) == 0 &&
              sl_store_sign_in_event_add(store, "bbbb", 1001, "bob", "127.0.0.2", 1, &err) == 0 &&
              sl_store_sign_in_event_add(store, "bbbb", 1002, "bob", "127.0.0.2", 0, &err) == 0 &&
              sl_store_sign_in_event_add(store, "bbbb", 10, "old", "127.0.0.2", 1, &err) == 0,
          "sign-in events record: %s", err.message);
    char got[128] = "";
    int64_t last = 0;
    CHECK(sl_store_sign_in_events_since(store, 0, 500, "aaaa", event_word, got, &last, &err) == 0 &&
              strcmp(got, "bob:1 bob:0") == 0,
          "another origin's events in the window, oldest first: '%s'", got);
    got[0] = '\0';
    CHECK(sl_store_sign_in_events_since(store, last, 0, "aaaa", event_word, got, &last, &err) == 0 &&
              strcmp(got, "old:1") == 0,
          "only those after the last read: '%s'", got);
    got[0] = '\0';
    CHECK(sl_store_sign_in_events_prune(store, 500, &err) == 0 &&
              sl_store_sign_in_events_since(store, 0, 0, "cccc", event_word, got, &last, &err) == 0 &&
              strcmp(got, "ann:1 bob:1 bob:0") == 0,
          "pruning forgets those before the day: '%s'", got);
}

void test_store(void)
{
    char path[] = "/tmp/sightline-test-XXXXXX";
    int fd = mkstemp(path);
    close(fd);
    unlink(path);
    const char *db = getenv("SL_TEST_STORE_DB") ? getenv("SL_TEST_STORE_DB") : path;
    sl_error err = {0};
    sl_store *store = sl_store_open(db, 1, &err);
    CHECK(store != NULL, "a new database opens: %s", err.message);
    if (!store)
        return;
    sl_import_options opts = {.authority = "Croydon"};
    sl_plan_set set;
    CHECK(sl_import_csv(plan_csv, strlen(plan_csv), "t.csv", &opts, &set, &err) == 0, "plan reads");
    int64_t plan_id = 0;
    CHECK(sl_store_begin(store, &err) == 0 &&
              sl_store_save_plan(store, &set.plans[0], SL_NO_DAY, "tester", &plan_id, &err) == 0 &&
              sl_store_commit(store, &err) == 0,
          "plan saves: %s", err.message);
    sl_plan_set_free(&set);

    seen s;
    CHECK(strcmp(status_on(store, "2017-09-01", &s), "2.1:in-progress") == 0, "imported status");
    CHECK(s.overdue == 1, "2.1 is overdue on 2017-09-01 (%d)", s.overdue);

    int64_t ids[4];
    CHECK(sl_store_find_actions(store, 0, "2.1", ids, 4, &err) == 1, "2.1 is found once");
    CHECK(sl_store_find_actions(store, 0, "9.9", ids + 1, 3, &err) == 0, "9.9 is not there");
    CHECK(update(store, ids[0], SL_STATUS_COMPLETE, "2017-09-10", 1, &err) == 0, "update applies");
    CHECK(strcmp(status_on(store, "2017-09-11", &s), "2.1:complete") == 0, "after the update");
    CHECK(s.overdue == 0, "complete is not overdue");
    CHECK(strcmp(status_on(store, "2017-09-05", &s), "2.1:in-progress") == 0,
          "before the update, the plan's own status stands");
    /* A back-dated update fills history without moving the current state. */
    CHECK(update(store, ids[0], SL_STATUS_AT_RISK, "2017-09-03", 0, &err) == 0, "back-dated update");
    CHECK(strcmp(status_on(store, "2017-09-05", &s), "2.1:at-risk") == 0, "history as of a past day");
    CHECK(strcmp(status_on(store, "2017-09-11", &s), "2.1:complete") == 0, "the latest still stands");
    /* The latest update as of a day: one row, by day not by entry. */
    CHECK(strcmp(latest_on(store, ids[0], "2017-09-05"), "1:at-risk:2017-09-03") == 0,
          "latest as of 09-05: %s", latest_on(store, ids[0], "2017-09-05"));
    CHECK(strcmp(latest_on(store, ids[0], "2017-09-30"), "1:complete:2017-09-10") == 0,
          "latest as of 09-30: %s", latest_on(store, ids[0], "2017-09-30"));
    CHECK(strcmp(latest_on(store, ids[0], "2017-09-02"), "0") == 0, "none before the first: %s",
          latest_on(store, ids[0], "2017-09-02"));
    /* Made against version 1 while the action is at version 3: refused. */
    sl_error stale = {0};
    CHECK(update(store, ids[0], SL_STATUS_OFF_TRACK, "2017-09-12", 1, &stale) < 0 &&
              strstr(stale.message, "stale") && stale.code == SL_ERR_STALE,
          "a stale update is refused with its code: %s (%s)", stale.message, sl_error_code_name(stale.code));
    CHECK(strcmp(status_on(store, "2017-09-13", &s), "2.1:complete") == 0, "refusal changed nothing");

    /* A plan loads back with its current state and custom fields. */
    sl_plan back;
    CHECK(sl_store_load_plan(store, plan_id, &back, &err) == 0, "plan loads");
    if (!err.set) {
        CHECK(back.n_actions == 3 && back.n_themes == 2 && back.n_recommendations == 2,
              "plan shape comes back");
        CHECK(strcmp(back.authority, "Croydon") == 0, "authority comes back");
        CHECK(back.actions[2].status == SL_STATUS_COMPLETE, "current status comes back");
        CHECK(back.actions[0].n_custom == 1 && strcmp(back.actions[0].custom[0].value, "kept") == 0,
              "custom field comes back");
        CHECK(back.actions[1].n_leads == 2 && strcmp(back.actions[1].leads[1], "RS") == 0,
              "leads come back in order");
        sl_plan_free(&back);
    }

    sign_in_events(store);

    /* A failed transaction leaves nothing behind. */
    CHECK(sl_store_begin(store, &err) == 0, "begin");
    sl_update u = {.action_id = 999999, .status = SL_STATUS_COMPLETE, .day = 17500};
    sl_error missing = {0};
    CHECK(sl_store_add_update(store, &u, "tester", &missing) < 0 && missing.code == SL_ERR_NOT_FOUND,
          "an unknown action is refused as not found: %s", sl_error_code_name(missing.code));
    sl_store_rollback(store);
    int audits = 0;
    sl_store_close(store);

    /* Reopening finds the same state: nothing was lost on close. */
    store = sl_store_open(db, 0, &err);
    CHECK(store != NULL, "reopens");
    if (store) {
        CHECK(strcmp(status_on(store, "2017-09-13", &s), "2.1:complete") == 0, "durable");
        (void)audits;
        sl_store_close(store);
    }
    sl_error none = {0};
    CHECK(sl_store_open("/nonexistent/dir/x.db", 0, &none) == NULL && none.set,
          "a missing database is an error, not a new file");
    char wal[64], shm[64];
    snprintf(wal, sizeof wal, "%s-wal", path);
    snprintf(shm, sizeof shm, "%s-shm", path);
    unlink(path);
    unlink(wal);
    unlink(shm);
}
