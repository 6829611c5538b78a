/* throttle.h — sign-in throttling with exponential back-off, per account
 * from one address, per address across accounts (password spraying) and per
 * account across addresses, never a lockout: whoever fails, a right
 * password from elsewhere is only ever delayed by a bounded wait, and an
 * attacker's failures cost the attacker's address its own waits. Kept in
 * memory in a fixed table (bounded, forgotten after the window). */
#ifndef SL_WEB_THROTTLE_H
#define SL_WEB_THROTTLE_H
#include <stdint.h>

#define SL_THROTTLE_WINDOW (15 * 60)        /* seconds a failure is remembered */

/* Returns 0 when a sign-in to login from address may be tried at now, else
 * the seconds to wait; *why is set to what is throttled ("this login from
 * this address", …; static storage). */
int sl_throttle_wait(const char *login, const char *address, int64_t now, const char **why);
/* Records a failed sign-in. */
void sl_throttle_failed(const char *login, const char *address, int64_t now);
/* Records a sign-in that succeeded: its login's failures from that address
 * are forgotten, and for 30 days failures on the login from elsewhere do not
 * hold that address back. */
void sl_throttle_succeeded(const char *login, const char *address, int64_t now);
/* Returns 1 when login signed in from address lately (within 30 days). */
int sl_throttle_trusted(const char *login, const char *address, int64_t now);
/* The wait after n failures with free of them free, doubling to at most cap seconds. */
int sl_throttle_backoff(int n, int free, int cap);
/* Forgets everything (tests). */
void sl_throttle_reset(void);

#endif
