/* test_governance.c — the governance rules: working-day deadlines of a
 * meeting (bank holidays of England and Wales), the chair's report after
 * every Nth meeting, meeting schedules and how they are written, the
 * calendar's entries and states, risk scores, bands and checks, the savings
 * RAG, attendance substitutes and the iCalendar writer. Every case is a row
 * in a table. */
#include "check.h"
#include "domain/board.h"
#include "domain/governance_calendar.h"
#include "domain/meeting.h"
#include "domain/risk.h"
#include "report/ics.h"

#include <stdlib.h>
#include <string.h>

/* Returns the day of an ISO date written in a test table (must be valid). */
static sl_day iso(const char *text)
{
    sl_day day = SL_NO_DAY;
    int ok = sl_day_parse_iso(text, &day) == 0;
    CHECK(ok, "test table date %s does not parse", text);
    return day;
}

/* Papers, substitute notices and minutes in working days, default rules. */
static void test_deadlines(void)
{
    static const struct {
        const char *meeting, *papers, *substitute, *minutes;
    } cases[] = {
        {"2018-01-02", "2017-12-21", "2017-12-28", "2018-01-09"}, /* Christmas, Boxing Day, New Year */
        {"2017-09-05", "2017-08-29", "2017-09-01", "2017-09-12"}, /* the August bank holiday */
        {"2017-04-18", "2017-04-07", "2017-04-12", "2017-04-25"}, /* Good Friday, Easter Monday */
        {"2020-05-12", "2020-05-04", "2020-05-07", "2020-05-19"}, /* VE day moved to Friday 8 May */
    };
    sl_board_rules rules = sl_board_rules_default();
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        sl_meeting_deadlines d = sl_board_deadlines(&rules, iso(cases[i].meeting));
        char p[11], s[11], m[11];
        sl_day_format(d.papers_due, p);
        sl_day_format(d.substitute_due, s);
        sl_day_format(d.minutes_due, m);
        CHECK(strcmp(p, cases[i].papers) == 0, "papers for %s: got %s, want %s", cases[i].meeting, p, cases[i].papers);
        CHECK(strcmp(s, cases[i].substitute) == 0, "substitute notice for %s: got %s, want %s", cases[i].meeting, s,
              cases[i].substitute);
        CHECK(strcmp(m, cases[i].minutes) == 0, "minutes for %s: got %s, want %s", cases[i].meeting, m,
              cases[i].minutes);
    }
}

/* The chair reports in writing after every Nth meeting. */
static void test_chair_report(void)
{
    static const struct {
        int every;
        const char *due;        /* meetings 1..8: '1' when the report is due */
    } cases[] = {{3, "00100100"}, {2, "01010101"}, {1, "11111111"}, {0, "00000000"}};
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        sl_board_rules rules = sl_board_rules_default();
        rules.chair_report_every = cases[i].every;
        for (int nth = 1; nth <= 8; nth++)
            CHECK(sl_board_chair_report_due(&rules, nth) == (cases[i].due[nth - 1] == '1'),
                  "every %d, meeting %d", cases[i].every, nth);
    }
}

/* How often a board meets, as written, and the meetings it generates. */
static void test_schedules(void)
{
    static const struct {
        const char *text;
        int ok;
        const char *from;
        const char *next[4];
        const char *formatted;
    } cases[] = {
        {"every six weeks", 1, "2017-09-05", {"2017-09-05", "2017-10-17", "2017-11-28", "2018-01-09"}, "6 weeks"},
        {"6 weeks", 1, "2017-09-05", {"2017-09-05", "2017-10-17", "2017-11-28", "2018-01-09"}, "6 weeks"},
        {"monthly, first Tuesday", 1, "2017-09-01", {"2017-09-05", "2017-10-03", "2017-11-07", "2017-12-05"},
         "1 month"},
        {"last Thursday of the month", 1, "2017-09-01", {"2017-09-28", "2017-10-26", "2017-11-30", "2017-12-28"},
         "1 month"},
        {"1 month", 1, "2017-01-31", {"2017-01-31", "2017-02-28", "2017-03-31", "2017-04-30"}, "1 month"},
        {"quarterly", 1, "2017-04-10", {"2017-04-10", "2017-07-10", "2017-10-10", "2018-01-10"}, "3 months"},
        {"fortnightly", 1, "2017-09-05", {"2017-09-05", "2017-09-19", "2017-10-03", "2017-10-17"}, "2 weeks"},
        {"sometimes", 0, NULL, {NULL}, NULL},
        {"first Tuesday", 1, "2017-09-01", {"2017-09-05", "2017-10-03", "2017-11-07", "2017-12-05"}, "1 month"},
        {"Tuesday", 0, NULL, {NULL}, NULL},
        {"", 0, NULL, {NULL}, NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        sl_schedule s;
        int ok = sl_meets_parse(cases[i].text, &s) == 0;
        CHECK(ok == cases[i].ok, "'%s': parsed %d, want %d", cases[i].text, ok, cases[i].ok);
        if (!ok || !cases[i].ok)
            continue;
        char formatted[32];
        sl_schedule_format(&s, formatted);
        CHECK(strcmp(formatted, cases[i].formatted) == 0, "'%s' formats as '%s'", cases[i].text, formatted);
        sl_day from = iso(cases[i].from), after = from - 1;
        for (int k = 0; k < 4; k++) {
            char got[11];
            after = sl_schedule_next(&s, from, after);
            sl_day_format(after, got);
            CHECK(strcmp(got, cases[i].next[k]) == 0, "'%s' meeting %d: got %s, want %s", cases[i].text, k + 1,
                  got, cases[i].next[k]);
        }
    }
}

/* Counts the entries of one kind in a calendar. */
static int count_kind(const sl_gcal *cal, sl_gcal_kind kind)
{
    int n = 0;
    for (size_t i = 0; i < cal->n; i++)
        n += cal->entries[i].kind == kind;
    return n;
}

/* A board's calendar: deadlines per meeting, chair's reports after every
 * third meeting in date order (meetings given out of order), reviews. */
static void test_calendar_entries(void)
{
    sl_board b = sl_board_empty();
    b.name = (char *)"Improvement Board";
    b.tor_adopted = iso("2017-06-01");
    const char *days[] = {"2018-01-02", "2017-09-05", "2017-10-03", "2017-11-07", "2017-12-05", "2018-02-06"};
    sl_gcal_meeting meetings[6] = {{0}};
    for (int i = 0; i < 6; i++)
        meetings[i].day = iso(days[i]);
    meetings[1].minutes_written = 1;
    sl_gcal cal = {0};
    sl_gcal_add_board(&cal, &b, meetings, 6, iso("2017-08-01"));
    sl_gcal_sort(&cal);
    CHECK(count_kind(&cal, SL_GCAL_MEETING) == 6, "6 meetings");
    CHECK(count_kind(&cal, SL_GCAL_PAPERS_DUE) == 6, "6 papers deadlines");
    CHECK(count_kind(&cal, SL_GCAL_CHAIR_REPORT_DUE) == 2, "chair reports after meetings 3 and 6");
    CHECK(count_kind(&cal, SL_GCAL_TOR_REVIEW_DUE) == 3, "reviews Sep, Dec, Mar 2018 (after the last meeting): %d",
          count_kind(&cal, SL_GCAL_TOR_REVIEW_DUE));
    static const struct {
        sl_gcal_kind kind;
        const char *date, *meeting, *state;
    } want[] = {
        {SL_GCAL_PAPERS_DUE, "2017-12-21", "2018-01-02", "overdue"},
        {SL_GCAL_PAPERS_DUE, "2017-08-29", "2017-09-05", "overdue"},
        {SL_GCAL_MINUTES_DUE, "2017-09-12", "2017-09-05", "done"},
        {SL_GCAL_CHAIR_REPORT_DUE, "2017-11-14", "2017-11-07", "overdue"},
        {SL_GCAL_CHAIR_REPORT_DUE, "2018-02-13", "2018-02-06", "due"},
        {SL_GCAL_MEETING, "2018-02-06", "2018-02-06", "held"},
        {SL_GCAL_MEETING, "2017-09-05", "2017-09-05", "held"},
        {SL_GCAL_TOR_REVIEW_DUE, "2017-09-01", NULL, "overdue"},
    };
    for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
        int found = 0;
        for (size_t k = 0; k < cal.n; k++) {
            const sl_gcal_entry *e = &cal.entries[k];
            sl_day meeting = want[i].meeting ? iso(want[i].meeting) : SL_NO_DAY;
            if (e->kind == want[i].kind && e->date == iso(want[i].date) && e->meeting == meeting) {
                found = 1;
                CHECK(strcmp(sl_gcal_state(e, iso("2018-02-13")), want[i].state) == 0, "%s %s: state %s, want %s",
                      sl_gcal_kind_name(e->kind), want[i].date, sl_gcal_state(e, iso("2018-02-13")), want[i].state);
            }
        }
        CHECK(found, "%s on %s", sl_gcal_kind_name(want[i].kind), want[i].date);
    }
    for (size_t k = 1; k < cal.n; k++)
        CHECK(cal.entries[k - 1].date <= cal.entries[k].date, "sorted by date at %zu", k);
    sl_gcal_free(&cal);
    CHECK(sl_plan_deadline(iso("2017-09-01"), 0) == iso("2017-12-08"), "plan due 70 working days on");
    CHECK(sl_plan_deadline(iso("2017-09-01"), 1) == iso("2017-09-29"), "focused visit: 20 working days on");
    CHECK(sl_plan_deadline(iso("2017-12-01"), 1) == iso("2018-01-03"), "20 working days over Christmas");
}

/* Risk scores, heat-map bands and the 1..5 checks. */
static void test_risks(void)
{
    static const struct {
        int likelihood, impact, target, ok;
        const char *band;
    } cases[] = {
        {1, 1, 0, 1, "low"},       {2, 2, 0, 1, "low"},        {1, 5, 0, 1, "medium"},   {3, 3, 0, 1, "medium"},
        {2, 5, 0, 1, "high"},      {3, 4, 6, 1, "high"},       {3, 5, 0, 1, "very-high"}, {4, 5, 8, 1, "very-high"},
        {5, 5, 25, 1, "very-high"}, {7, 2, 0, 0, NULL},        {2, 0, 0, 0, NULL},       {0, 3, 0, 0, NULL},
        {3, 6, 0, 0, NULL},        {3, 3, 26, 0, NULL},        {3, 3, -1, 0, NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char why[96] = "";
        int ok = sl_risk_check(cases[i].likelihood, cases[i].impact, cases[i].target, why, sizeof why) == 0;
        CHECK(ok == cases[i].ok, "L%d I%d T%d: ok %d (%s)", cases[i].likelihood, cases[i].impact, cases[i].target,
              ok, why);
        if (!cases[i].ok) {
            CHECK(*why != '\0', "L%d I%d: says why", cases[i].likelihood, cases[i].impact);
            continue;
        }
        int score = sl_risk_score(cases[i].likelihood, cases[i].impact);
        CHECK(score == cases[i].likelihood * cases[i].impact, "score");
        CHECK(strcmp(sl_risk_band_name(sl_risk_band_of(score)), cases[i].band) == 0, "L%d I%d: band %s, want %s",
              cases[i].likelihood, cases[i].impact, sl_risk_band_name(sl_risk_band_of(score)), cases[i].band);
    }
    CHECK(sl_risk_trend_between(20, 15) == SL_RISK_TREND_DOWN, "down");
    CHECK(sl_risk_trend_between(6, 12) == SL_RISK_TREND_UP, "up");
    CHECK(sl_risk_trend_between(9, 9) == SL_RISK_TREND_STEADY, "steady");
}

/* The savings RAG: delivered (else forecast) against target. */
static void test_savings_rag(void)
{
    static const struct {
        double target, forecast, delivered;
        sl_rag rag;
        double variance;
    } cases[] = {
        {100, 100, -1, SL_RAG_GREEN, 0},  {100, 120, -1, SL_RAG_GREEN, 20}, {100, 95, -1, SL_RAG_AMBER, -5},
        {100, 90, -1, SL_RAG_AMBER, -10}, {100, 89, -1, SL_RAG_RED, -11},   {100, 120, 50, SL_RAG_RED, -50},
        {100, 50, 100, SL_RAG_GREEN, 0},  {-1, 50, -1, SL_RAG_GREY, 0},     {100, -1, -1, SL_RAG_GREY, 0},
        {0, 10, -1, SL_RAG_GREY, 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        double variance = 0;
        sl_rag rag = sl_savings_rag(cases[i].target, cases[i].forecast, cases[i].delivered, &variance);
        CHECK(rag == cases[i].rag, "target %g forecast %g delivered %g: %s", cases[i].target, cases[i].forecast,
              cases[i].delivered, sl_rag_name(rag));
        if (cases[i].rag != SL_RAG_GREY)
            CHECK(variance == cases[i].variance, "variance %g, want %g", variance, cases[i].variance);
    }
}

/* Meeting times, attendance words and who may substitute for a member. */
static void test_attendance(void)
{
    static const struct {
        const char *text;
        int ok;
    } times[] = {{"09:30", 1}, {"23:59", 1}, {"00:00", 1}, {"24:00", 0}, {"9:30", 0}, {"09:60", 0}, {"0930", 0}};
    for (size_t i = 0; i < sizeof times / sizeof *times; i++) {
        char out[6];
        CHECK((sl_meeting_time_parse(times[i].text, out) == 0) == times[i].ok, "time %s", times[i].text);
    }
    sl_board b = sl_board_empty();
    sl_board_add_member(&b, "Ann Smith", "Director of Children's Services", "Council", "Bob Jones");
    sl_board_add_member(&b, NULL, "Police", "Met", NULL);
    sl_board_add_member(&b, "Cat Lee", "Health", "NHS", NULL);
    static const struct {
        const char *member, *by;
        int allowed;
    } subs[] = {
        {"Ann Smith", "Bob Jones", 1}, {"ann smith", "bob jones", 1}, {"Ann Smith", "Eve", 0},
        {"Police", "Cat Lee", 1},      {"Police", "Health", 1},       {"Police", "Bob Jones", 0},
        {"Cat Lee", "Cat Lee", 0},
    };
    for (size_t i = 0; i < sizeof subs / sizeof *subs; i++) {
        int m = sl_board_find_member(&b, subs[i].member);
        CHECK(m >= 0, "member %s found", subs[i].member);
        if (m >= 0)
            CHECK(sl_board_substitute_allowed(&b, (size_t)m, subs[i].by) == subs[i].allowed, "%s for %s",
                  subs[i].by, subs[i].member);
    }
    CHECK(sl_board_find_member(&b, "Nobody") < 0, "unknown member");
    CHECK(strcmp(sl_board_member_label(&b, 1), "Police") == 0, "an unnamed member is known by role");
    sl_board_free(&b);
}

/* Returns 1 when every line of text ends with CRLF and none is longer than 75 octets. */
static int ics_lines_ok(const char *text)
{
    const char *line = text;
    for (const char *p = text; *p; p++) {
        if (*p != '\n')
            continue;
        if (p == text || p[-1] != '\r' || (size_t)(p - 1 - line) > 75)
            return 0;
        line = p + 1;
    }
    return *line == '\0';
}

/* The iCalendar writer: escaping, folding at 75 octets without splitting
 * UTF-8, CRLF line ends, stable UIDs. */
static void test_ics(void)
{
    static const struct {
        const char *text, *escaped;
    } esc[] = {{"a,b;c\\d\ne", "a\\,b\\;c\\\\d\\ne"}, {"plain", "plain"}, {"", ""}, {"x\r\ny", "x\\ny"}};
    for (size_t i = 0; i < sizeof esc / sizeof *esc; i++) {
        sl_buf b = SL_BUF_INIT;
        sl_ics_escape(&b, esc[i].text);
        CHECK(strcmp(b.len ? b.data : "", esc[i].escaped) == 0, "escape '%s': got '%s'", esc[i].text,
              b.len ? b.data : "");
        sl_buf_free(&b);
    }
    char long_ascii[201], long_utf8[301];
    memset(long_ascii, 'x', 200);
    long_ascii[200] = '\0';
    for (int i = 0; i < 150; i++)
        memcpy(long_utf8 + 2 * i, "\xc3\xa9", 2);           /* é, two octets */
    long_utf8[300] = '\0';
    const char *values[] = {long_ascii, long_utf8, "short"};
    for (size_t i = 0; i < 3; i++) {
        sl_buf b = SL_BUF_INIT;
        sl_ics_line(&b, "SUMMARY", values[i]);
        CHECK(ics_lines_ok(b.data), "line %zu: CRLF and at most 75 octets", i);
        sl_buf unfolded = SL_BUF_INIT;
        for (size_t k = 0; k < b.len; k++) {
            if (b.data[k] == '\r' && b.data[k + 1] == '\n' && b.data[k + 2] == ' ')
                k += 2;
            else if (b.data[k] != '\r' && b.data[k] != '\n')
                sl_buf_putc(&unfolded, b.data[k]);
        }
        CHECK(strncmp(unfolded.data, "SUMMARY:", 8) == 0 && strcmp(unfolded.data + 8, values[i]) == 0,
              "line %zu unfolds to what was written", i);
        CHECK(sl_utf8_valid(b.data, b.len, NULL), "line %zu: no character split", i);
        sl_buf_free(&unfolded);
        sl_buf_free(&b);
    }
    char uid1[40], uid2[40], uid3[40];
    sl_ics_uid("papers-due|Board|2018-01-02|2017-12-21", uid1);
    sl_ics_uid("papers-due|Board|2018-01-02|2017-12-21", uid2);
    sl_ics_uid("papers-due|Board|2017-09-05|2017-08-29", uid3);
    CHECK(strcmp(uid1, uid2) == 0 && strcmp(uid1, uid3) != 0, "UIDs stable and distinct");
    CHECK(strstr(uid1, "@sightline") != NULL, "UID domain");
    sl_buf cal = SL_BUF_INIT;
    sl_ics_begin(&cal, "Board, papers; due");
    sl_ics_event ev = {"k", iso("2018-01-02"), "Papers due, Board; \"x\"", "two\nlines", "papers-due"};
    sl_ics_event_write(&cal, &ev, "20180101T000000Z");
    sl_ics_end(&cal);
    CHECK(ics_lines_ok(cal.data), "calendar lines end CRLF");
    CHECK(strstr(cal.data, "DTSTART;VALUE=DATE:20180102\r\n") != NULL, "all-day start");
    CHECK(strstr(cal.data, "DTEND;VALUE=DATE:20180103\r\n") != NULL, "all-day end");
    CHECK(strstr(cal.data, "SUMMARY:Papers due\\, Board\\; \"x\"\r\n") != NULL, "summary escaped");
    CHECK(strstr(cal.data, "DESCRIPTION:two\\nlines\r\n") != NULL, "description escaped");
    CHECK(strncmp(cal.data, "BEGIN:VCALENDAR\r\n", 17) == 0, "begins VCALENDAR");
    CHECK(strstr(cal.data, "END:VCALENDAR\r\n") != NULL, "ends VCALENDAR");
    sl_buf_free(&cal);
}

void test_governance(void)
{
    test_deadlines();
    test_chair_report();
    test_schedules();
    test_calendar_entries();
    test_risks();
    test_savings_rag();
    test_attendance();
    test_ics();
}
