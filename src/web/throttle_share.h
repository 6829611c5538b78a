/* throttle_share.h — sign-in throttling shared by every server process on
 * one database. A sign-in's outcome counts at once in this process
 * (web/throttle.c) and is queued for a thread of its own which, four times
 * a second, writes this process's outcomes to the database and applies the
 * other processes' to this one's counters. Someone spreading attempts over
 * several servers is held back as if by one, a quarter of a second later at
 * most; a server that starts reads the last window's outcomes first. Page
 * threads never wait on the database for it. */
#ifndef SL_WEB_THROTTLE_SHARE_H
#define SL_WEB_THROTTLE_SHARE_H
#include <stdint.h>

#include "util/error.h"

/* Opens its own connection to db_path, reads the other processes' outcomes
 * of the last window and starts the sharing thread; returns 0 or -1 with err. */
int sl_throttle_share_start(const char *db_path, sl_error *err);
/* Writes what is queued, then stops the thread and closes its connection. */
void sl_throttle_share_stop(void);
/* Counts a failed sign-in here (sl_throttle_failed) and queues it for the others. */
void sl_throttle_share_failed(const char *login, const char *address, int64_t now);
/* Counts a sign-in that succeeded here (sl_throttle_succeeded) and queues it for the others. */
void sl_throttle_share_succeeded(const char *login, const char *address, int64_t now);

#endif
