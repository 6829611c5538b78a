/* clock.c — current time, overridable by SIGHTLINE_NOW (see clock.h). */
#include "util/clock.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

void sl_now_timestamp(char out[32])
{
    const char *fixed = getenv("SIGHTLINE_NOW");
    if (fixed && *fixed) {
        snprintf(out, 32, "%s", fixed);
        return;
    }
    sl_timestamp_of((long long)time(NULL), out);
}

void sl_timestamp_of(long long seconds, char out[32])
{
    time_t when = (time_t)seconds;
    struct tm tm;
    gmtime_r(&when, &tm);
    strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}
