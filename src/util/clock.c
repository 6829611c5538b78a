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
    time_t now = time(NULL);
    struct tm tm;
    gmtime_r(&now, &tm);
    strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}
