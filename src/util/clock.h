/* clock.h — the current time, in one place, so tests can fix it:
 * SIGHTLINE_NOW=2017-09-01T09:00:00Z makes every timestamp and "today" that value.
 * Today as a day is sl_today() in domain/date.h, read from this clock. */
#ifndef SL_UTIL_CLOCK_H
#define SL_UTIL_CLOCK_H

/* Writes the current UTC time as "YYYY-MM-DDTHH:MM:SSZ" into out (21+ bytes). */
void sl_now_timestamp(char out[32]);
/* Writes seconds since 1970 as the same UTC "YYYY-MM-DDTHH:MM:SSZ" into out (21+ bytes). */
void sl_timestamp_of(long long seconds, char out[32]);

#endif
