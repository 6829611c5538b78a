/* clock.h — the current time, in one place, so tests can fix it:
 * SIGHTLINE_NOW=2017-09-01T09:00:00Z makes every timestamp and "today" that value. */
#ifndef SL_UTIL_CLOCK_H
#define SL_UTIL_CLOCK_H
#include "domain/date.h"

/* Writes the current UTC time as "YYYY-MM-DDTHH:MM:SSZ" into out (21+ bytes). */
void sl_now_timestamp(char out[32]);
/* Returns today's day (UTC, or the day of SIGHTLINE_NOW). */
sl_day sl_today(void);

#endif
