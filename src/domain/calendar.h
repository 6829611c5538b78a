/* calendar.h — bank holidays of England and Wales, working days, financial
 * years and quarters (DOMAIN.md "Calendar conventions"). Pure functions. */
#ifndef SL_DOMAIN_CALENDAR_H
#define SL_DOMAIN_CALENDAR_H
#include "domain/date.h"

/* Returns Easter Sunday of a Gregorian year. */
sl_day sl_easter_sunday(int year);
/* Writes the bank holidays of England and Wales for a year, in date order,
 * into out (room for 16) including the one-off override table; returns how many. */
int sl_bank_holidays(int year, sl_day out[16]);
/* Returns 1 when day is a bank holiday of England and Wales. */
int sl_is_bank_holiday(sl_day day);
/* Returns 1 when day is neither a weekend nor a bank holiday. */
int sl_is_working_day(sl_day day);
/* Returns the day n working days after from (n >= 0; n = 0 returns from). */
sl_day sl_add_working_days(sl_day from, int n);
/* Returns the day n working days before from (n >= 0; n = 0 returns from). */
sl_day sl_subtract_working_days(sl_day from, int n);
/* Returns the number of working days d with from < d <= to (0 when to <= from). */
int sl_working_days_between(sl_day from, sl_day to);

/* Returns Y for the financial year Y/Y+1 (1 April Y – 31 March Y+1) holding day. */
int sl_financial_year_of(sl_day day);
/* Returns the financial quarter (1 Apr–Jun … 4 Jan–Mar) holding day. */
int sl_financial_quarter_of(sl_day day);
/* Sets the first and last day of quarter q (1-4) of financial year Y/Y+1. */
void sl_financial_quarter_range(int fy_start_year, int quarter, sl_day *first, sl_day *last);

#endif
