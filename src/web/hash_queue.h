/* hash_queue.h — sign-in password checks (Argon2id, tens of milliseconds and
 * 64 MiB each) on their own threads behind a bounded queue, so that the
 * threads serving pages never wait behind them: a flood of sign-ins fills
 * this queue and is refused, and pages go on being served. */
#ifndef SL_WEB_HASH_QUEUE_H
#define SL_WEB_HASH_QUEUE_H
#include <stddef.h>

/* Called on a hashing thread when a check is done: ok is 1 when the password matched. */
typedef void (*sl_hash_done)(void *ctx, int ok);

/* Starts the hashing threads with a queue of at most capacity waiting checks; returns 0 or -1. */
int sl_hash_queue_start(int threads, size_t capacity);
/* Finishes the checks queued, then stops the threads. */
void sl_hash_queue_stop(void);
/* Queues a check of password against hash (NULL: against a decoy, the same
 * work with the answer "no"); both are copied. A first check (from an
 * address its login signed in from lately) goes ahead of the others and has
 * places of its own, so a flood from elsewhere does not turn it away.
 * done(ctx, ok) runs once, on a hashing thread. Returns 0, or -1 when the
 * queue is full (done never runs). */
int sl_hash_queue_submit(const char *password, const char *hash, int first, sl_hash_done done, void *ctx);

#endif
