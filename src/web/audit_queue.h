/* audit_queue.h — audit entries the server writes for refusals (a refused
 * sign-in), queued and written by one thread of their own in batches, so
 * that a flood of refusals never makes page threads wait on the database's
 * write lock. The queue is bounded: entries past it are counted, and the
 * count is written as an entry of its own, so every refusal is accounted for. */
#ifndef SL_WEB_AUDIT_QUEUE_H
#define SL_WEB_AUDIT_QUEUE_H
#include "util/error.h"

/* Opens its own connection to db_path and starts the writing thread; returns 0 or -1 with err. */
int sl_audit_queue_start(const char *db_path, sl_error *err);
/* Writes what is queued, then stops the thread and closes its connection. */
void sl_audit_queue_stop(void);
/* Queues an entry (operation on entity, field, after; all copied) by actor. */
void sl_audit_queue_add(const char *actor, const char *operation, const char *entity, const char *field,
                        const char *after);

#endif
