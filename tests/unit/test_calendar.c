/* test_calendar.c — Easter, bank holidays of England and Wales (checked
 * against the lists published on gov.uk), working days, financial years and
 * quarters. Every case is a row in a table. */
#include "check.h"
#include "domain/calendar.h"

#include <string.h>

/* Returns the day of an ISO date written in a test table (must be valid). */
static sl_day iso(const char *text)
{
    sl_day day = SL_NO_DAY;
    int ok = sl_day_parse_iso(text, &day) == 0;
    CHECK(ok, "test table date %s does not parse", text);
    return day;
}

/* Easter Sunday for years across four centuries, including the earliest
 * (22 March) and latest (25 April) possible dates. */
static void test_easter(void)
{
    static const struct {
        int year;
        const char *easter;
    } cases[] = {
        {1818, "1818-03-22"}, {1900, "1900-04-15"}, {1943, "1943-04-25"}, {1954, "1954-04-18"},
        {1961, "1961-04-02"}, {1981, "1981-04-19"}, {2000, "2000-04-23"}, {2008, "2008-03-23"},
        {2010, "2010-04-04"}, {2011, "2011-04-24"}, {2012, "2012-04-08"}, {2013, "2013-03-31"},
        {2014, "2014-04-20"}, {2015, "2015-04-05"}, {2016, "2016-03-27"}, {2017, "2017-04-16"},
        {2018, "2018-04-01"}, {2019, "2019-04-21"}, {2020, "2020-04-12"}, {2021, "2021-04-04"},
        {2022, "2022-04-17"}, {2023, "2023-04-09"}, {2024, "2024-03-31"}, {2025, "2025-04-20"},
        {2026, "2026-04-05"}, {2027, "2027-03-28"}, {2028, "2028-04-16"}, {2029, "2029-04-01"},
        {2030, "2030-04-21"}, {2038, "2038-04-25"}, {2049, "2049-04-18"}, {2100, "2100-03-28"},
        {2285, "2285-03-22"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char got[11];
        sl_day_format(sl_easter_sunday(cases[i].year), got);
        CHECK(strcmp(got, cases[i].easter) == 0, "Easter %d: got %s, want %s", cases[i].year, got,
              cases[i].easter);
        CHECK(sl_day_weekday(sl_easter_sunday(cases[i].year)) == 7, "Easter %d is not a Sunday",
              cases[i].year);
    }
}

/* The bank holidays of England and Wales as published on gov.uk (2012 onwards)
 * and in the override table of DOMAIN.md (earlier years). */
static const struct {
    int year;
    const char *days; /* space-separated ISO days in date order */
} published_holidays[] = {
    {1995, "1995-01-02 1995-04-14 1995-04-17 1995-05-08 1995-05-29 1995-08-28 1995-12-25 1995-12-26"},
    {1999, "1999-01-01 1999-04-02 1999-04-05 1999-05-03 1999-05-31 1999-08-30 1999-12-27 1999-12-28 1999-12-31"},
    {2002, "2002-01-01 2002-03-29 2002-04-01 2002-05-06 2002-06-03 2002-06-04 2002-08-26 2002-12-25 2002-12-26"},
    {2010, "2010-01-01 2010-04-02 2010-04-05 2010-05-03 2010-05-31 2010-08-30 2010-12-27 2010-12-28"},
    {2011, "2011-01-03 2011-04-22 2011-04-25 2011-04-29 2011-05-02 2011-05-30 2011-08-29 2011-12-26 2011-12-27"},
    {2012, "2012-01-02 2012-04-06 2012-04-09 2012-05-07 2012-06-04 2012-06-05 2012-08-27 2012-12-25 2012-12-26"},
    {2020, "2020-01-01 2020-04-10 2020-04-13 2020-05-08 2020-05-25 2020-08-31 2020-12-25 2020-12-28"},
    {2021, "2021-01-01 2021-04-02 2021-04-05 2021-05-03 2021-05-31 2021-08-30 2021-12-27 2021-12-28"},
    {2022, "2022-01-03 2022-04-15 2022-04-18 2022-05-02 2022-06-02 2022-06-03 2022-08-29 2022-09-19 2022-12-26 2022-12-27"},
    {2023, "2023-01-02 2023-04-07 2023-04-10 2023-05-01 2023-05-08 2023-05-29 2023-08-28 2023-12-25 2023-12-26"},
    {2024, "2024-01-01 2024-03-29 2024-04-01 2024-05-06 2024-05-27 2024-08-26 2024-12-25 2024-12-26"},
    {2025, "2025-01-01 2025-04-18 2025-04-21 2025-05-05 2025-05-26 2025-08-25 2025-12-25 2025-12-26"},
    {2026, "2026-01-01 2026-04-03 2026-04-06 2026-05-04 2026-05-25 2026-08-31 2026-12-25 2026-12-28"},
    {2027, "2027-01-01 2027-03-26 2027-03-29 2027-05-03 2027-05-31 2027-08-30 2027-12-27 2027-12-28"},
};

/* Writes the holidays of a year as a space-separated ISO list into out. */
static void format_holidays(int year, char *out, size_t size)
{
    sl_day days[16];
    int n = sl_bank_holidays(year, days);
    size_t len = 0;
    out[0] = '\0';
    for (int i = 0; i < n && len + 12 <= size; i++) {
        if (i > 0)
            out[len++] = ' ';
        sl_day_format(days[i], out + len);
        len += 10;
    }
}

/* Each year's full list, and each listed day reported as a holiday. */
static void test_bank_holidays(void)
{
    for (size_t i = 0; i < sizeof published_holidays / sizeof published_holidays[0]; i++) {
        char got[16 * 11 + 1];
        const char *want = published_holidays[i].days;
        format_holidays(published_holidays[i].year, got, sizeof got);
        CHECK(strcmp(got, want) == 0, "bank holidays %d:\n  got  %s\n  want %s",
              published_holidays[i].year, got, want);
        for (const char *p = want; *p; p += (p[10] == ' ') ? 11 : 10) {
            char one[11];
            memcpy(one, p, 10);
            one[10] = '\0';
            CHECK(sl_is_bank_holiday(iso(one)), "%s should be a bank holiday", one);
            CHECK(!sl_is_working_day(iso(one)), "%s should not be a working day", one);
        }
    }
}

/* Single days: moved holidays are no longer holidays, weekends never work. */
static void test_single_days(void)
{
    static const struct {
        const char *day;
        int holiday;
        int working;
    } cases[] = {
        {"2020-05-04", 0, 1}, /* early May moved to Friday 8 May */
        {"2022-05-30", 0, 1}, /* spring moved to Thursday 2 June */
        {"2012-05-28", 0, 1}, /* spring moved to 4 June */
        {"2002-05-27", 0, 1}, /* spring moved to 4 June */
        {"1995-05-01", 0, 1}, /* early May moved to 8 May */
        {"2021-12-25", 0, 0}, /* Christmas on a Saturday: the holiday is Monday */
        {"2021-12-26", 0, 0}, /* Sunday */
        {"2022-12-25", 0, 0}, /* Christmas on a Sunday */
        {"2020-12-26", 0, 0}, /* Boxing Day on a Saturday */
        {"2022-01-01", 0, 0}, /* New Year's Day on a Saturday */
        {"2024-12-24", 0, 1},
        {"2024-12-31", 0, 1},
        {"2017-08-28", 1, 0}, /* summer bank holiday */
        {"2017-08-14", 0, 1},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        sl_day day = iso(cases[i].day);
        CHECK(sl_is_bank_holiday(day) == cases[i].holiday, "%s holiday: want %d", cases[i].day,
              cases[i].holiday);
        CHECK(sl_is_working_day(day) == cases[i].working, "%s working day: want %d", cases[i].day,
              cases[i].working);
    }
}

/* The rules hold for every year in a wide range. */
static void test_holiday_invariants(void)
{
    int bad = 0;
    for (int year = 1900; year <= 2200; year++) {
        sl_day days[16];
        int n = sl_bank_holidays(year, days);
        for (int i = 0; i < n; i++) {
            int y;
            sl_day_to_ymd(days[i], &y, NULL, NULL);
            if ((i > 0 && days[i] <= days[i - 1]) || sl_day_weekday(days[i]) > 5 || y != year)
                bad++;
        }
        if (n < 8 || n > 10)
            bad++;
    }
    CHECK(bad == 0, "%d years break the holiday invariants (8-10 sorted weekday holidays)", bad);
}

/* Adding working days across weekends, Christmas and moved holidays. */
static void test_add_working_days(void)
{
    static const struct {
        const char *from;
        int n;
        const char *want;
    } cases[] = {
        {"2021-11-01", 70, "2022-02-10"}, /* spans Christmas 2021 and New Year 2022 */
        {"2022-12-01", 70, "2023-03-14"}, /* spans Christmas 2022 (Sunday) */
        {"2020-12-01", 20, "2020-12-31"}, /* Boxing Day moved to Monday 28 */
        {"2023-12-22", 1, "2023-12-27"},
        {"2023-12-22", 3, "2023-12-29"},
        {"2022-05-27", 5, "2022-06-07"},  /* Platinum Jubilee Thursday and Friday */
        {"2022-09-16", 1, "2022-09-20"},  /* state funeral Monday */
        {"2024-03-28", 1, "2024-04-02"},  /* Easter */
        {"2024-03-30", 0, "2024-03-30"},  /* n = 0 returns the day itself */
        {"2017-08-14", 5, "2017-08-21"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char got[11];
        sl_day_format(sl_add_working_days(iso(cases[i].from), cases[i].n), got);
        CHECK(strcmp(got, cases[i].want) == 0, "%s + %d working days: got %s, want %s",
              cases[i].from, cases[i].n, got, cases[i].want);
    }
}

/* Counting working days in (from, to]. */
static void test_working_days_between(void)
{
    static const struct {
        const char *from, *to;
        int want;
    } cases[] = {
        {"2021-12-24", "2022-01-04", 4},
        {"2022-04-01", "2023-03-31", 250},
        {"2023-04-01", "2024-03-31", 250},
        {"2021-12-24", "2021-12-24", 0},
        {"2022-06-01", "2022-06-06", 1},
        {"2022-06-06", "2022-06-01", 0}, /* to before from */
        {"2017-08-11", "2017-08-18", 5},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        int got = sl_working_days_between(iso(cases[i].from), iso(cases[i].to));
        CHECK(got == cases[i].want, "working days (%s, %s]: got %d, want %d", cases[i].from,
              cases[i].to, got, cases[i].want);
    }
    /* Adding and counting agree. */
    for (int n = 0; n <= 300; n += 7) {
        sl_day from = iso("2021-11-01");
        CHECK(sl_working_days_between(from, sl_add_working_days(from, n)) == n,
              "count after adding %d working days", n);
    }
}

/* Financial years (1 April – 31 March) and quarters (Q1 Apr–Jun … Q4 Jan–Mar). */
static void test_financial_years(void)
{
    static const struct {
        const char *day;
        int fy;
        int quarter;
    } of_day[] = {
        {"2021-04-01", 2021, 1}, {"2021-03-31", 2020, 4}, {"2021-06-30", 2021, 1},
        {"2021-07-01", 2021, 2}, {"2014-09-30", 2014, 2}, {"2014-10-01", 2014, 3},
        {"2014-12-31", 2014, 3}, {"2015-01-01", 2014, 4}, {"2000-02-29", 1999, 4},
    };
    static const struct {
        int fy, quarter;
        const char *first, *last;
    } ranges[] = {
        {2014, 1, "2014-04-01", "2014-06-30"}, {2014, 2, "2014-07-01", "2014-09-30"},
        {2014, 3, "2014-10-01", "2014-12-31"}, {2014, 4, "2015-01-01", "2015-03-31"},
        {2023, 4, "2024-01-01", "2024-03-31"},
    };
    for (size_t i = 0; i < sizeof of_day / sizeof of_day[0]; i++) {
        sl_day day = iso(of_day[i].day);
        CHECK(sl_financial_year_of(day) == of_day[i].fy, "financial year of %s", of_day[i].day);
        CHECK(sl_financial_quarter_of(day) == of_day[i].quarter, "quarter of %s", of_day[i].day);
    }
    for (size_t i = 0; i < sizeof ranges / sizeof ranges[0]; i++) {
        sl_day first, last;
        sl_financial_quarter_range(ranges[i].fy, ranges[i].quarter, &first, &last);
        CHECK(first == iso(ranges[i].first) && last == iso(ranges[i].last), "Q%d %d/%02d range",
              ranges[i].quarter, ranges[i].fy, (ranges[i].fy + 1) % 100);
    }
    {
        sl_day first = 0, last = 0;
        sl_financial_quarter_range(2014, 5, &first, &last);
        CHECK(first == SL_NO_DAY && last == SL_NO_DAY, "quarter 5 has no days");
    }
}

void test_calendar(void)
{
    test_easter();
    test_bank_holidays();
    test_single_days();
    test_holiday_invariants();
    test_add_working_days();
    test_working_days_between();
    test_financial_years();
}
