/* test_governance_store.c — governance in a real SQLite file: a board saved
 * by name and read back (members with no name, substitutes, chair; rules),
 * saved again replacing its members under the same id, a duplicate refused;
 * meetings, actions arising carried until closed, risks numbered R1, R2. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "store/store.h"
#include "util/mem.h"

/* Returns a board as the terms-of-reference reader would give it. */
static sl_board sample_board(int members)
{
    sl_board b = sl_board_empty();
    b.name = sl_strdup("Children's Improvement Partnership Board");
    b.kind = SL_BOARD_IMPROVEMENT;
    b.tor_text = sl_strdup("Terms of reference");
    sl_day_parse_iso("2017-06-01", &b.tor_adopted);
    b.rules.papers_days = 7;
    b.rules.substitute_notice_days = 3;
    b.rules.minutes_days = 10;
    b.rules.chair_report_every = 2;
    b.rules.review_months = 6;
    b.rules.meets.every = 6;
    b.rules.meets.unit = SL_EVERY_WEEK;
    size_t c = sl_board_add_member(&b, "Jane Doe", "Independent Chair", "", NULL);
    b.members[c].chair = 1;
    if (members > 1)
        sl_board_add_member(&b, NULL, "Police", "Met Police", "Deputy Borough Commander");
    if (members > 2)
        sl_board_add_member(&b, "Ann Smith", "Director of Children's Services", "Council", "Bob Jones");
    return b;
}

/* Saves a board in its own transaction; returns what the save returned. */
static int save(sl_store *store, const sl_board *b, int adding, int64_t *id, sl_error *err)
{
    if (sl_store_begin(store, err) < 0)
        return -1;
    int rc = adding ? sl_store_board_add(store, b, "tester", id, err) : sl_store_board_save(store, b, "tester", id, err);
    if (rc == 0)
        rc = sl_store_commit(store, err);
    else
        sl_store_rollback(store);
    return rc;
}

/* A board saved, read back, saved again by name, and a duplicate refused. */
static void test_board_round_trip(sl_store *store)
{
    sl_error err = {0};
    sl_board b = sample_board(2);
    int64_t id1 = 0, id2 = 0, found_id = 0;
    CHECK(save(store, &b, 0, &id1, &err) == 0, "board saves: %s", err.message);
    sl_board_free(&b);
    b = sample_board(3);
    b.rules.papers_days = 4;
    CHECK(save(store, &b, 0, &id2, &err) == 0 && id1 == id2, "saved again under the same id");
    CHECK(save(store, &b, 1, NULL, &err) < 0 && strstr(err.message, "already exists"), "add refuses the name");
    sl_board_free(&b);
    sl_board got = sl_board_empty();
    CHECK(sl_store_board_find(store, "children's improvement partnership board", &got, &found_id, &err) == 1,
          "found in any case");
    CHECK(found_id == id1, "same id");
    CHECK(got.n_members == 3, "members replaced: %zu", got.n_members);
    CHECK(got.rules.papers_days == 4 && got.rules.substitute_notice_days == 3 && got.rules.minutes_days == 10 &&
              got.rules.chair_report_every == 2 && got.rules.review_months == 6,
          "rules read back");
    CHECK(got.rules.meets.every == 6 && got.rules.meets.unit == SL_EVERY_WEEK, "schedule read back");
    CHECK(got.n_members == 3 && got.members[1].name == NULL && strcmp(got.members[1].role, "Police") == 0,
          "an unnamed member stays unnamed");
    CHECK(got.n_members == 3 && strcmp(got.members[2].substitute, "Bob Jones") == 0, "substitute");
    CHECK(got.n_members == 3 && got.members[0].chair && !got.members[2].chair, "chair");
    CHECK(got.tor_text && strcmp(got.tor_text, "Terms of reference") == 0, "terms of reference");
    sl_board_free(&got);
    CHECK(sl_store_board_find(store, "No such board", NULL, NULL, &err) == 0, "unknown board");
}

/* Meetings, an action arising carried until closed, risks numbered. */
static void test_meetings_and_risks(sl_store *store)
{
    sl_error err = {0};
    int64_t board_id = 0, meeting_id = 0, arising_id = 0;
    sl_store_board_find(store, "Children's Improvement Partnership Board", NULL, &board_id, &err);
    sl_meeting m = sl_meeting_empty();
    sl_day_parse_iso("2017-09-05", &m.day);
    sl_arising a = {0, NULL, SL_NO_DAY, (char *)"Report caseloads", (char *)"DCS", SL_NO_DAY, SL_STATUS_NOT_STARTED};
    CHECK(sl_store_begin(store, &err) == 0 && sl_store_meeting_add(store, board_id, &m, "t", &meeting_id, &err) == 0 &&
              sl_store_arising_add(store, meeting_id, &a, "t", &arising_id, &err) == 0 &&
              sl_store_commit(store, &err) == 0,
          "meeting and action arising saved: %s", err.message);
    CHECK(sl_store_begin(store, &err) == 0 && sl_store_meeting_add(store, board_id, &m, "t", NULL, &err) < 0,
          "second meeting on one day refused");
    sl_store_rollback(store);
    sl_arising *open = NULL;
    int n = sl_store_arisings(store, board_id, 1, &open, &err);
    CHECK(n == 1 && open[0].meeting == m.day, "one open action arising");
    sl_arisings_free(open, n > 0 ? (size_t)n : 0);
    CHECK(sl_store_begin(store, &err) == 0 &&
              sl_store_arising_update(store, arising_id, SL_STATUS_COMPLETE, "done", "t", &err) == 0 &&
              sl_store_commit(store, &err) == 0,
          "closed");
    n = sl_store_arisings(store, board_id, 1, &open, &err);
    CHECK(n == 0, "closed actions are not open");
    sl_arisings_free(open, n > 0 ? (size_t)n : 0);
    sl_risk r = sl_risk_empty();
    r.title = (char *)"Turnover";
    r.likelihood = 4;
    r.impact = 5;
    char *ref1 = NULL, *ref2 = NULL;
    CHECK(sl_store_begin(store, &err) == 0 && sl_store_risk_add(store, &r, "t", &ref1, &err) == 0 &&
              sl_store_risk_add(store, &r, "t", &ref2, &err) == 0 && sl_store_commit(store, &err) == 0,
          "risks saved: %s", err.message);
    CHECK(ref1 && ref2 && strcmp(ref1, "R1") == 0 && strcmp(ref2, "R2") == 0, "numbered R1, R2");
    free(ref1);
    free(ref2);
    r.likelihood = 6;
    CHECK(sl_store_begin(store, &err) == 0 && sl_store_risk_add(store, &r, "t", NULL, &err) < 0, "likelihood 6 refused");
    sl_store_rollback(store);
}

void test_governance_store(void)
{
    char path[] = "/tmp/sightline-gov-XXXXXX";
    int fd = mkstemp(path);
    close(fd);
    unlink(path);
    /* SL_TEST_GOVERNANCE_DB: an empty PostgreSQL database to run on instead (tests/run.sh). */
    const char *db = getenv("SL_TEST_GOVERNANCE_DB") ? getenv("SL_TEST_GOVERNANCE_DB") : path;
    sl_error err = {0};
    sl_store *store = sl_store_open(db, 1, &err);
    CHECK(store != NULL, "a new database opens: %s", err.message);
    if (!store)
        return;
    test_board_round_trip(store);
    test_meetings_and_risks(store);
    sl_store_close(store);
    unlink(path);
}
