/* calendar.c — bank holidays of England and Wales (DOMAIN.md "Bank holidays
 * of England and Wales"), working days, financial years and quarters. Every
 * function is pure: holidays are computed from the rules and the one-off
 * override table each time they are needed. */
#include "domain/calendar.h"

#include <stddef.h>

/* Returns Easter Sunday by the anonymous Gregorian computus: the Paschal full
 * moon from the Metonic cycle with the solar and lunar century corrections,
 * then the following Sunday. */
sl_day sl_easter_sunday(int year)
{
    int golden = year % 19;                       /* position in the 19-year Metonic cycle */
    int century = year / 100, year_in_century = year % 100;
    int leap_skips = century / 4, century_rest = century % 4;
    int moon_correction = (century + 8) / 25;
    int moon_shift = (century - moon_correction + 1) / 3;
    int epact = (19 * golden + century - leap_skips - moon_shift + 15) % 30;
    int leaps_in_century = year_in_century / 4, year_rest = year_in_century % 4;
    int to_sunday = (32 + 2 * century_rest + 2 * leaps_in_century - epact - year_rest) % 7;
    int lunar_fix = (golden + 11 * epact + 22 * to_sunday) / 451;
    int days_after_march_22 = epact + to_sunday - 7 * lunar_fix; /* 0..34 */
    return sl_day_from_ymd(year, 3, 22) + days_after_march_22;
}

/* Returns the first day of weekday wd (1 Monday … 7 Sunday) on or after day. */
static sl_day weekday_on_or_after(sl_day day, int wd)
{
    return day + (wd - sl_day_weekday(day) + 7) % 7;
}

/* Returns the last day of weekday wd on or before day. */
static sl_day weekday_on_or_before(sl_day day, int wd)
{
    return day - (sl_day_weekday(day) - wd + 7) % 7;
}

/* Returns the Monday on or after day when day falls at a weekend, else day. */
static sl_day monday_if_weekend(sl_day day)
{
    return sl_day_weekday(day) >= 6 ? weekday_on_or_after(day, 1) : day;
}

/* One-off changes to the rules (DOMAIN.md): a rule-made holiday moved to
 * another day, or an extra holiday (moved_from = 0). Month/day pairs. */
static const struct {
    int year;
    int from_month, from_day; /* 0, 0 for an extra holiday */
    int to_month, to_day;
} overrides[] = {
    {1995, 5, 1, 5, 8},   /* early May moved for the 50th anniversary of VE Day */
    {1999, 0, 0, 12, 31}, /* millennium */
    {2002, 5, 27, 6, 4},  /* spring moved for the Golden Jubilee */
    {2002, 0, 0, 6, 3},   /* Golden Jubilee */
    {2011, 0, 0, 4, 29},  /* royal wedding */
    {2012, 5, 28, 6, 4},  /* spring moved for the Diamond Jubilee */
    {2012, 0, 0, 6, 5},   /* Diamond Jubilee */
    {2020, 5, 4, 5, 8},   /* early May moved to Friday for VE Day */
    {2022, 5, 30, 6, 2},  /* spring moved to Thursday for the Platinum Jubilee */
    {2022, 0, 0, 6, 3},   /* Platinum Jubilee */
    {2022, 0, 0, 9, 19},  /* state funeral of Queen Elizabeth II */
    {2023, 0, 0, 5, 8},   /* coronation of King Charles III */
};

/* Adds the Christmas Day and Boxing Day holidays of a year with their
 * substitute days; returns how many were added to out. */
static int add_christmas(int year, sl_day *out)
{
    sl_day christmas = sl_day_from_ymd(year, 12, 25);
    switch (sl_day_weekday(christmas)) {
    case 5: /* Friday: Boxing Day moves to Monday 28 */
        out[0] = christmas;
        out[1] = christmas + 3;
        break;
    case 6: /* Saturday: Monday 27 and Tuesday 28 */
        out[0] = christmas + 2;
        out[1] = christmas + 3;
        break;
    case 7: /* Sunday: Monday 26 and Tuesday 27 */
        out[0] = christmas + 1;
        out[1] = christmas + 2;
        break;
    default:
        out[0] = christmas;
        out[1] = christmas + 1;
        break;
    }
    return 2;
}

/* Applies the override table for a year to the n holidays in out (room for
 * 16); returns the new count. */
static int apply_overrides(int year, sl_day out[16], int n)
{
    for (size_t k = 0; k < sizeof overrides / sizeof overrides[0]; k++) {
        sl_day to;
        if (overrides[k].year != year)
            continue;
        to = sl_day_from_ymd(year, overrides[k].to_month, overrides[k].to_day);
        if (overrides[k].from_month == 0) {
            if (n < 16)
                out[n++] = to;
            continue;
        }
        sl_day from = sl_day_from_ymd(year, overrides[k].from_month, overrides[k].from_day);
        for (int i = 0; i < n; i++)
            if (out[i] == from)
                out[i] = to;
    }
    return n;
}

/* Sorts n days in place (n is small). */
static void sort_days(sl_day *days, int n)
{
    for (int i = 1; i < n; i++) {
        sl_day d = days[i];
        int j = i;
        while (j > 0 && days[j - 1] > d) {
            days[j] = days[j - 1];
            j--;
        }
        days[j] = d;
    }
}

/* Writes a year's bank holidays in date order: the rules, then the overrides. */
int sl_bank_holidays(int year, sl_day out[16])
{
    sl_day easter = sl_easter_sunday(year);
    int n = 0;
    out[n++] = monday_if_weekend(sl_day_from_ymd(year, 1, 1));            /* New Year's Day */
    out[n++] = easter - 2;                                                /* Good Friday */
    out[n++] = easter + 1;                                                /* Easter Monday */
    out[n++] = weekday_on_or_after(sl_day_from_ymd(year, 5, 1), 1);       /* early May */
    out[n++] = weekday_on_or_before(sl_day_from_ymd(year, 5, 31), 1);     /* spring */
    out[n++] = weekday_on_or_before(sl_day_from_ymd(year, 8, 31), 1);     /* summer */
    n += add_christmas(year, out + n);
    n = apply_overrides(year, out, n);
    sort_days(out, n);
    return n;
}

/* The bank holidays of one year, kept while walking day by day. */
typedef struct {
    int year;   /* 0 before the first look-up */
    int count;
    sl_day days[16];
} holiday_year;

/* Returns 1 when day is a bank holiday, refreshing cache for its year. */
static int cached_is_bank_holiday(holiday_year *cache, sl_day day)
{
    int year;
    sl_day_to_ymd(day, &year, NULL, NULL);
    if (cache->year != year || cache->count == 0) {
        cache->year = year;
        cache->count = sl_bank_holidays(year, cache->days);
    }
    for (int i = 0; i < cache->count; i++)
        if (cache->days[i] == day)
            return 1;
    return 0;
}

/* Returns 1 when day is a working day, using cache for holidays. */
static int cached_is_working_day(holiday_year *cache, sl_day day)
{
    return sl_day_weekday(day) <= 5 && !cached_is_bank_holiday(cache, day);
}

/* Returns 1 when day is a bank holiday of England and Wales. */
int sl_is_bank_holiday(sl_day day)
{
    holiday_year cache = {0, 0, {0}};
    return cached_is_bank_holiday(&cache, day);
}

/* Returns 1 when day is a weekday and not a bank holiday. */
int sl_is_working_day(sl_day day)
{
    holiday_year cache = {0, 0, {0}};
    return cached_is_working_day(&cache, day);
}

/* Returns the day n working days after from (from itself when n <= 0). */
sl_day sl_add_working_days(sl_day from, int n)
{
    holiday_year cache = {0, 0, {0}};
    sl_day day = from;
    while (n > 0) {
        day++;
        if (cached_is_working_day(&cache, day))
            n--;
    }
    return day;
}

/* Returns the day n working days before from (from itself when n <= 0). */
sl_day sl_subtract_working_days(sl_day from, int n)
{
    holiday_year cache = {0, 0, {0}};
    sl_day day = from;
    while (n > 0) {
        day--;
        if (cached_is_working_day(&cache, day))
            n--;
    }
    return day;
}

/* Counts working days d with from < d <= to. */
int sl_working_days_between(sl_day from, sl_day to)
{
    holiday_year cache = {0, 0, {0}};
    int count = 0;
    for (int64_t day = (int64_t)from + 1; day <= to; day++)
        if (cached_is_working_day(&cache, (sl_day)day))
            count++;
    return count;
}

/* Returns Y for the financial year Y/Y+1 holding day. */
int sl_financial_year_of(sl_day day)
{
    int year, month;
    sl_day_to_ymd(day, &year, &month, NULL);
    return month >= 4 ? year : year - 1;
}

/* Returns the financial quarter holding day: 1 Apr–Jun … 4 Jan–Mar. */
int sl_financial_quarter_of(sl_day day)
{
    int month;
    sl_day_to_ymd(day, NULL, &month, NULL);
    return month >= 4 ? (month - 4) / 3 + 1 : 4;
}

/* Sets the first and last day of a financial quarter; a quarter outside 1-4
 * sets both to SL_NO_DAY. */
void sl_financial_quarter_range(int fy_start_year, int quarter, sl_day *first, sl_day *last)
{
    int year = fy_start_year, month;
    if (quarter < 1 || quarter > 4) {
        *first = *last = SL_NO_DAY;
        return;
    }
    month = 4 + 3 * (quarter - 1);
    if (month > 12) {
        month -= 12;
        year++;
    }
    *first = sl_day_from_ymd(year, month, 1);
    *last = sl_day_from_ymd(year, month + 2, sl_days_in_month(year, month + 2));
}
