/* test_reminder.c — what a lead is reminded of (domain/reminder.h) as a
 * table, whole-word person matching, Europe/London time across the clock
 * changes, times of day, and the SMTP helpers' checks (util/smtp.h). */
#include "check.h"
#include "domain/reminder.h"
#include "util/smtp.h"

/* Day number of an ISO date, or SL_NO_DAY for NULL. */
static sl_day day(const char *iso)
{
    sl_day d = SL_NO_DAY;
    if (iso)
        sl_day_parse_iso(iso, &d);
    return d;
}

/* The rule: status, start, last activity, cycle, awaiting, owns, SRO, as of → need, update due. */
static void need_table(void)
{
    static const struct {
        sl_status status;
        const char *start, *last;
        int cycle, awaiting, owns, sro;
        const char *as_of;
        sl_need_kind want;
        const char *due;
    } cases[] = {
        /* The cycle ends today: due; ended yesterday: overdue; not yet: nothing. */
        {SL_STATUS_IN_PROGRESS, NULL, "2017-09-05", 7, 0, 1, 0, "2017-09-12", SL_NEED_UPDATE_DUE, "2017-09-12"},
        {SL_STATUS_IN_PROGRESS, NULL, "2017-09-05", 7, 0, 1, 0, "2017-09-13", SL_NEED_UPDATE_OVERDUE, "2017-09-12"},
        {SL_STATUS_ON_TRACK, NULL, "2017-09-05", 7, 0, 1, 0, "2017-09-11", SL_NEED_NONE, "2017-09-12"},
        {SL_STATUS_AT_RISK, NULL, "2017-08-01", 30, 0, 1, 0, "2017-09-01", SL_NEED_UPDATE_OVERDUE, "2017-08-31"},
        /* No update known at all: overdue. */
        {SL_STATUS_OFF_TRACK, NULL, NULL, 30, 0, 1, 0, "2017-09-01", SL_NEED_UPDATE_OVERDUE, NULL},
        /* Not the person's action: nothing, however stale. */
        {SL_STATUS_IN_PROGRESS, NULL, "2017-01-01", 7, 0, 0, 0, "2017-09-01", SL_NEED_NONE, NULL},
        /* Done or closed: no update needed. */
        {SL_STATUS_COMPLETE, NULL, "2017-01-01", 7, 0, 1, 0, "2017-09-01", SL_NEED_NONE, NULL},
        {SL_STATUS_SIGNED_OFF, NULL, "2017-01-01", 7, 0, 1, 1, "2017-09-01", SL_NEED_NONE, NULL},
        {SL_STATUS_WITHDRAWN, NULL, "2017-01-01", 7, 0, 1, 0, "2017-09-01", SL_NEED_NONE, NULL},
        {SL_STATUS_CARRIED_FORWARD, NULL, "2017-01-01", 7, 0, 1, 0, "2017-09-01", SL_NEED_NONE, NULL},
        /* Not started with its start ahead: nothing yet; start passed: an update. */
        {SL_STATUS_NOT_STARTED, "2017-10-01", "2017-01-01", 7, 0, 1, 0, "2017-09-01", SL_NEED_NONE, NULL},
        {SL_STATUS_PLANNED, "2017-08-01", "2017-01-01", 7, 0, 1, 0, "2017-09-01", SL_NEED_UPDATE_OVERDUE, "2017-01-08"},
        /* Awaiting sign-off: the SRO's; a lead who is not the SRO has nothing to do. */
        {SL_STATUS_COMPLETE, NULL, "2017-08-01", 7, 1, 1, 1, "2017-09-01", SL_NEED_SIGN_OFF, NULL},
        {SL_STATUS_COMPLETE, NULL, "2017-08-01", 7, 1, 1, 0, "2017-09-01", SL_NEED_NONE, NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        sl_need_input in = {cases[i].status, day(cases[i].start), day(cases[i].last), cases[i].cycle,
                            cases[i].awaiting, cases[i].owns, cases[i].sro};
        sl_need got;
        sl_reminder_need(&in, day(cases[i].as_of), &got);
        CHECK(got.kind == cases[i].want, "case %zu: need %s, want %s", i, sl_need_name(got.kind),
              sl_need_name(cases[i].want));
        if (cases[i].due)
            CHECK(got.update_due == day(cases[i].due), "case %zu: update due %d", i, (int)got.update_due);
    }
}

/* Whole-word matching of a person in an SRO or leads cell. */
static void person_table(void)
{
    static const struct {
        const char *cell, *person;
        int want;
    } cases[] = {
        {"BP", "BP", 1},           {"BP and JN", "JN", 1}, {"SM; BP", "BP", 1}, {"BPX", "BP", 0},
        {"AB-P", "AB", 0},         {"BP-", "BP", 0},       {"", "BP", 0},       {"BP", "", 0},
        {"Jo Smith (DCS)", "Jo Smith", 1},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        CHECK(sl_person_named(cases[i].cell, cases[i].person) == cases[i].want, "'%s' in '%s'",
              cases[i].person, cases[i].cell);
    CHECK(sl_person_named(NULL, "BP") == 0, "a missing cell names no one");
}

/* UTC → Europe/London day and minute, either side of both clock changes. */
static void london_table(void)
{
    static const struct {
        const char *utc_day;
        int utc_minute;
        const char *want_day;
        int want_minute;
    } cases[] = {
        {"2017-09-12", 6 * 60 + 30, "2017-09-12", 7 * 60 + 30},    /* BST */
        {"2017-12-01", 7 * 60, "2017-12-01", 7 * 60},              /* GMT */
        {"2017-03-26", 0 * 60 + 59, "2017-03-26", 0 * 60 + 59},    /* a minute before BST starts */
        {"2017-03-26", 1 * 60, "2017-03-26", 2 * 60},              /* BST starts at 01:00 UTC */
        {"2017-10-29", 0 * 60 + 59, "2017-10-29", 1 * 60 + 59},    /* still BST */
        {"2017-10-29", 1 * 60, "2017-10-29", 1 * 60},              /* GMT again */
        {"2017-06-30", 23 * 60 + 30, "2017-07-01", 30},            /* BST crosses midnight */
        {"2024-03-31", 1 * 60, "2024-03-31", 2 * 60},              /* another year's last Sunday */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        int64_t utc = (int64_t)day(cases[i].utc_day) * 86400 + cases[i].utc_minute * 60;
        sl_day got_day;
        int got_minute;
        sl_london_time(utc, &got_day, &got_minute);
        CHECK(got_day == day(cases[i].want_day) && got_minute == cases[i].want_minute,
              "case %zu: day %d minute %d", i, (int)got_day, got_minute);
    }
}

/* Times of day and the SMTP helpers' checks. */
static void parsing(void)
{
    int m = -1;
    CHECK(sl_parse_time_of_day("07:00", &m) == 0 && m == 420, "07:00 is minute 420");
    CHECK(sl_parse_time_of_day("23:59", &m) == 0 && m == 1439, "23:59");
    CHECK(sl_parse_time_of_day("24:00", &m) < 0, "24:00 refused");
    CHECK(sl_parse_time_of_day("7:00", &m) < 0, "7:00 refused (HH:MM)");
    CHECK(sl_parse_time_of_day("07:60", &m) < 0, "07:60 refused");
    CHECK(sl_parse_time_of_day(NULL, &m) < 0, "NULL refused");
    CHECK(sl_email_valid("jo@example.gov.uk"), "a plain address");
    CHECK(!sl_email_valid("jo@example"), "no dot in the domain");
    CHECK(!sl_email_valid("jo@example.gov.uk>\r\nBcc: x@y.z"), "header injection refused");
    CHECK(!sl_email_valid("jo smith@example.gov.uk"), "a space refused");
    CHECK(!sl_email_valid("@example.gov.uk") && !sl_email_valid("jo@@example.gov.uk") && !sl_email_valid(""),
          "no local part, two @, empty");
    sl_smtp_tls tls;
    CHECK(sl_smtp_tls_parse("require", &tls) == 0 && tls == SL_SMTP_TLS_REQUIRE, "require");
    CHECK(sl_smtp_tls_parse("smtps", &tls) == 0 && tls == SL_SMTP_TLS_IMPLICIT, "smtps");
    CHECK(sl_smtp_tls_parse("never", &tls) < 0, "never refused");
}

void test_reminder(void)
{
    need_table();
    person_table();
    london_table();
    parsing();
}
