/* test_as_of.c — days and codes written for people (domain/date.c: 5 Sep
 * 2017, times in Europe/London with GMT or BST, "in-progress" → "In
 * progress") and the as-of day a page accepts (web/as_of.c), table-driven. */
#include <string.h>

#include "check.h"
#include "domain/date.h"
#include "web/as_of.h"

/* Returns the day of an ISO text the test names. */
static sl_day iso(const char *text)
{
    sl_day d = SL_NO_DAY;
    sl_day_parse_iso(text, &d);
    return d;
}

static void test_day_text(void)
{
    static const struct {
        const char *iso, *short_form, *long_form;
    } cases[] = {
        {"2017-09-05", "5 Sep 2017", "5 September 2017"},
        {"2018-03-31", "31 Mar 2018", "31 March 2018"},
        {"2016-02-29", "29 Feb 2016", "29 February 2016"},
        {"2000-12-01", "1 Dec 2000", "1 December 2000"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char s[SL_DAY_TEXT_SIZE], l[SL_DAY_TEXT_SIZE];
        sl_day_uk(iso(cases[i].iso), s);
        sl_day_text(iso(cases[i].iso), 1, l);
        CHECK(strcmp(s, cases[i].short_form) == 0, "%s short: %s", cases[i].iso, s);
        CHECK(strcmp(l, cases[i].long_form) == 0, "%s long: %s", cases[i].iso, l);
    }
    char none[SL_DAY_TEXT_SIZE] = "x";
    sl_day_uk(SL_NO_DAY, none);
    CHECK(none[0] == '\0', "no day: \"%s\"", none);
}

static void test_time_text(void)
{
    static const struct {
        const char *stamp, *want;
        const char *day;        /* the London day */
    } cases[] = {
        {"2017-09-05T09:00:00Z", "5 Sep 2017, 10:00 BST", "2017-09-05"},
        {"2017-12-05T09:00:00Z", "5 Dec 2017, 09:00 GMT", "2017-12-05"},
        {"2017-06-30T23:30:00Z", "1 Jul 2017, 00:30 BST", "2017-07-01"},   /* BST moves the day on */
        {"2017-03-26T00:59:59Z", "26 Mar 2017, 00:59 GMT", "2017-03-26"},  /* the last minute of GMT */
        {"2017-03-26T01:00:00Z", "26 Mar 2017, 02:00 BST", "2017-03-26"},
        {"2017-10-29T00:30:00Z", "29 Oct 2017, 01:30 BST", "2017-10-29"},
        {"2017-10-29T01:00:00Z", "29 Oct 2017, 01:00 GMT", "2017-10-29"},
        {"2017-09-05 09:00:00", "5 Sep 2017, 10:00 BST", "2017-09-05"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char out[SL_TIME_TEXT_SIZE];
        sl_time_text(cases[i].stamp, out);
        CHECK(strcmp(out, cases[i].want) == 0, "%s: %s", cases[i].stamp, out);
        CHECK(sl_stamp_london_day(cases[i].stamp) == iso(cases[i].day), "%s: London day", cases[i].stamp);
    }
    char out[SL_TIME_TEXT_SIZE];
    sl_time_text("not a time", out);
    CHECK(strcmp(out, "not a time") == 0 && sl_stamp_london_day("2017-13-01T00:00:00Z") == SL_NO_DAY,
          "not a timestamp: %s", out);
}

static void test_code_words(void)
{
    static const char *const cases[][2] = {
        {"in-progress", "In progress"}, {"signed-off", "Signed off"}, {"focused-visit", "Focused visit"},
        {"very_high", "Very high"},     {"sif", "SIF"},              {"jtai", "JTAI"},
        {"requires-improvement", "Requires improvement"}, {"red", "Red"}, {"", ""},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char out[48];
        sl_code_words(cases[i][0], out, sizeof out);
        CHECK(strcmp(out, cases[i][1]) == 0, "%s: \"%s\"", cases[i][0], out);
    }
    char small[6];
    sl_code_words("carried-forward", small, sizeof small);
    CHECK(strcmp(small, "Carri") == 0, "cut to fit: \"%s\"", small);
}

static void test_as_of_day(void)
{
    static const struct {
        const char *text;
        int ahead;
        const char *want;       /* the day, or NULL: refused */
        const char *why;        /* words the refusal holds */
    } cases[] = {
        {"2017-09-05", 0, "2017-09-05", NULL},
        {"5/9/2017", 0, "2017-09-05", NULL},
        {"5 September 2017", 0, "2017-09-05", NULL},
        {"2017-10-15", 0, "2017-10-15", NULL},               /* today */
        {"2017-02-30", 0, NULL, "real date"},
        {"31/09/21", 0, NULL, "real date"},
        {"yesterday", 0, NULL, "day, month and year"},
        {"Sept 2017", 0, NULL, "day, month and year"},       /* a month is not a day */
        {"2017-10-16", 0, NULL, "earlier one"},              /* tomorrow */
        {"2017-12-01", 1, "2017-12-01", NULL},               /* a page that may look ahead */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        sl_day day = SL_NO_DAY;
        const char *why = NULL;
        int rc = sl_as_of_check(cases[i].text, iso("2017-10-15"), cases[i].ahead, &day, &why);
        if (cases[i].want)
            CHECK(rc == 0 && day == iso(cases[i].want), "%s: rc %d", cases[i].text, rc);
        else
            CHECK(rc < 0 && why && strstr(why, cases[i].why), "%s: rc %d, %s", cases[i].text, rc, why ? why : "");
    }
}

void test_as_of(void)
{
    test_day_text();
    test_time_text();
    test_code_words();
    test_as_of_day();
}
