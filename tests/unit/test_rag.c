/* test_rag.c — the RAG rules of SPEC.md §3 as a table: inputs → rating. */
#include <string.h>

#include "check.h"
#include "domain/rag.h"

/* Day number of an ISO date, or SL_NO_DAY for NULL. */
static sl_day day(const char *iso)
{
    sl_day d = SL_NO_DAY;
    if (iso)
        sl_day_parse_iso(iso, &d);
    return d;
}

void test_rag(void)
{
    static const struct {
        sl_status status;
        const char *start, *due, *last_activity;
        sl_rag manual;
        int signoff;        /* plan requires sign-off */
        int cycle;          /* update cycle days, 0 = default */
        const char *as_of;
        sl_rag want;
        sl_rag want_computed;
        int overdue, awaiting, stale;
    } cases[] = {
        /* Blue: complete or signed off, whatever the dates. */
        {SL_STATUS_COMPLETE, "2017-07-01", "2017-07-31", NULL, 0, 0, 0, "2017-09-01", SL_RAG_BLUE, SL_RAG_BLUE, 0, 0, 0},
        {SL_STATUS_SIGNED_OFF, NULL, "2017-07-31", NULL, 0, 1, 0, "2017-09-01", SL_RAG_BLUE, SL_RAG_BLUE, 0, 0, 0},
        /* Complete where the plan asks for sign-off: blue, but visibly awaiting it. */
        {SL_STATUS_COMPLETE, NULL, "2017-07-31", NULL, 0, 1, 0, "2017-09-01", SL_RAG_BLUE, SL_RAG_BLUE, 0, 1, 0},
        /* Red: overdue, whatever the status says. */
        {SL_STATUS_IN_PROGRESS, "2017-07-01", "2017-08-30", NULL, 0, 0, 0, "2017-09-01", SL_RAG_RED, SL_RAG_RED, 1, 0, 0},
        {SL_STATUS_ON_TRACK, NULL, "2017-08-31", NULL, 0, 0, 0, "2017-09-01", SL_RAG_RED, SL_RAG_RED, 1, 0, 0},
        {SL_STATUS_NOT_STARTED, "2017-07-01", "2017-08-31", NULL, 0, 0, 0, "2017-09-01", SL_RAG_RED, SL_RAG_RED, 1, 0, 0},
        /* Due today is not overdue (it is due within 14 days). */
        {SL_STATUS_IN_PROGRESS, NULL, "2017-09-01", NULL, 0, 0, 0, "2017-09-01", SL_RAG_AMBER, SL_RAG_AMBER, 0, 0, 0},
        /* Red: off track even when not yet due. */
        {SL_STATUS_OFF_TRACK, NULL, "2018-01-31", NULL, 0, 0, 0, "2017-09-01", SL_RAG_RED, SL_RAG_RED, 0, 0, 0},
        /* Amber: at risk. */
        {SL_STATUS_AT_RISK, NULL, "2018-01-31", NULL, 0, 0, 0, "2017-09-01", SL_RAG_AMBER, SL_RAG_AMBER, 0, 0, 0},
        /* Amber: due within 14 days; 15 days away is green. */
        {SL_STATUS_IN_PROGRESS, NULL, "2017-09-15", NULL, 0, 0, 0, "2017-09-01", SL_RAG_AMBER, SL_RAG_AMBER, 0, 0, 0},
        {SL_STATUS_IN_PROGRESS, NULL, "2017-09-16", NULL, 0, 0, 0, "2017-09-01", SL_RAG_GREEN, SL_RAG_GREEN, 0, 0, 0},
        /* Amber: no update for longer than the cycle (30 days by default, 7 weekly). */
        {SL_STATUS_IN_PROGRESS, NULL, "2018-01-31", "2017-08-01", 0, 0, 0, "2017-09-01", SL_RAG_AMBER, SL_RAG_AMBER, 0, 0, 1},
        {SL_STATUS_IN_PROGRESS, NULL, "2018-01-31", "2017-08-02", 0, 0, 0, "2017-09-01", SL_RAG_GREEN, SL_RAG_GREEN, 0, 0, 0},
        {SL_STATUS_ON_TRACK, NULL, "2018-01-31", "2017-08-24", 0, 0, 7, "2017-09-01", SL_RAG_AMBER, SL_RAG_AMBER, 0, 0, 1},
        {SL_STATUS_ON_TRACK, NULL, "2018-01-31", "2017-08-25", 0, 0, 7, "2017-09-01", SL_RAG_GREEN, SL_RAG_GREEN, 0, 0, 0},
        /* Green: in progress or on track otherwise; no due date cannot be overdue. */
        {SL_STATUS_ON_TRACK, "2017-08-01", "2017-10-31", NULL, 0, 0, 0, "2017-09-01", SL_RAG_GREEN, SL_RAG_GREEN, 0, 0, 0},
        {SL_STATUS_IN_PROGRESS, NULL, NULL, NULL, 0, 0, 0, "2017-09-01", SL_RAG_GREEN, SL_RAG_GREEN, 0, 0, 0},
        /* Grey: not started with the start in the future, or planned with no start. */
        {SL_STATUS_NOT_STARTED, "2017-10-01", "2018-01-31", NULL, 0, 0, 0, "2017-09-01", SL_RAG_GREY, SL_RAG_GREY, 0, 0, 0},
        {SL_STATUS_PLANNED, NULL, "2018-01-31", NULL, 0, 0, 0, "2017-09-01", SL_RAG_GREY, SL_RAG_GREY, 0, 0, 0},
        /* Not started though its start date has passed: amber. */
        {SL_STATUS_NOT_STARTED, "2017-08-01", "2018-01-31", NULL, 0, 0, 0, "2017-09-01", SL_RAG_AMBER, SL_RAG_AMBER, 0, 0, 0},
        /* Withdrawn and carried forward: grey, never overdue. */
        {SL_STATUS_WITHDRAWN, NULL, "2017-01-31", NULL, 0, 0, 0, "2017-09-01", SL_RAG_GREY, SL_RAG_GREY, 0, 0, 0},
        {SL_STATUS_CARRIED_FORWARD, NULL, "2017-01-31", NULL, 0, 0, 0, "2017-09-01", SL_RAG_GREY, SL_RAG_GREY, 0, 0, 0},
        /* A manual override wins, and the computed rating is kept beside it. */
        {SL_STATUS_IN_PROGRESS, NULL, "2017-08-30", NULL, SL_RAG_AMBER, 0, 0, "2017-09-01", SL_RAG_AMBER, SL_RAG_RED, 1, 0, 0},
        {SL_STATUS_ON_TRACK, NULL, "2018-01-31", NULL, SL_RAG_RED, 0, 0, "2017-09-01", SL_RAG_RED, SL_RAG_GREEN, 0, 0, 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        sl_rag_rules rules = sl_rag_rules_default();
        rules.requires_signoff = cases[i].signoff;
        if (cases[i].cycle)
            rules.update_cycle_days = cases[i].cycle;
        sl_rag_input in = {cases[i].status, day(cases[i].start), day(cases[i].due),
                           day(cases[i].last_activity), cases[i].manual, SL_NO_DAY};
        sl_rag_result r;
        sl_rag_compute(&in, &rules, day(cases[i].as_of), &r);
        CHECK(r.rag == cases[i].want, "case %zu: rag %s, want %s (%s)", i, sl_rag_name(r.rag),
              sl_rag_name(cases[i].want), r.reason);
        CHECK(r.computed == cases[i].want_computed, "case %zu: computed %s, want %s", i,
              sl_rag_name(r.computed), sl_rag_name(cases[i].want_computed));
        CHECK(r.overdue == cases[i].overdue, "case %zu: overdue %d", i, r.overdue);
        CHECK(r.awaiting_signoff == cases[i].awaiting, "case %zu: awaiting %d", i, r.awaiting_signoff);
        CHECK(r.stale == cases[i].stale, "case %zu: stale %d", i, r.stale);
        CHECK(r.reason[0] != '\0', "case %zu: a rating always says why", i);
    }
    /* A manual RAG holds to its review day and lapses after it; the computed one shows through. */
    static const struct {
        const char *until, *as_of;
        sl_rag want;
        int lapsed;
    } reviews[] = {
        {NULL, "2018-01-01", SL_RAG_RED, 0},         {"2017-09-30", "2017-09-01", SL_RAG_RED, 0},
        {"2017-09-30", "2017-09-30", SL_RAG_RED, 0}, {"2017-09-30", "2017-10-01", SL_RAG_GREEN, 1},
    };
    for (size_t i = 0; i < sizeof reviews / sizeof reviews[0]; i++) {
        sl_rag_rules rules = sl_rag_rules_default();
        sl_rag_input in = {SL_STATUS_ON_TRACK, SL_NO_DAY, day("2018-06-30"), day(reviews[i].as_of), SL_RAG_RED,
                           day(reviews[i].until)};
        sl_rag_result r;
        sl_rag_compute(&in, &rules, day(reviews[i].as_of), &r);
        CHECK(r.rag == reviews[i].want && r.computed == SL_RAG_GREEN && r.manual_lapsed == reviews[i].lapsed,
              "review %zu: rag %s computed %s lapsed %d", i, sl_rag_name(r.rag), sl_rag_name(r.computed),
              r.manual_lapsed);
    }
    CHECK(sl_rag_manual_on(SL_RAG_AMBER, day("2017-09-30"), day("2017-10-01")) == SL_RAG_NONE, "lapsed on the day after");
    CHECK(sl_rag_manual_on(SL_RAG_AMBER, SL_NO_DAY, day("2030-01-01")) == SL_RAG_AMBER, "no review day: holds");
    static const struct {
        const char *text;
        int ok;
        sl_rag want;
    } words[] = {
        {"Red", 1, SL_RAG_RED}, {"AMBER", 1, SL_RAG_AMBER}, {" green ", 1, SL_RAG_GREEN},
        {"b", 1, SL_RAG_BLUE}, {"gray", 1, SL_RAG_GREY},    {"", 1, SL_RAG_NONE},
        {"purple", 0, SL_RAG_NONE}, {"redd", 0, SL_RAG_NONE},
    };
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
        sl_rag got = SL_RAG_NONE;
        int ok = sl_rag_parse(words[i].text, &got) == 0;
        CHECK(ok == words[i].ok && (!ok || got == words[i].want), "rag word '%s'", words[i].text);
    }
    CHECK(strcmp(sl_rag_name(SL_RAG_GREY), "grey") == 0, "grey is spelled grey");
}
