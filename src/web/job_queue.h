/* job_queue.h — the slow work of pages (reading an uploaded document to
 * import) on threads of their own behind a bounded queue (util/work_queue.h),
 * so that the page threads are never held by it: the server suspends the
 * request, a job thread runs its sl_web_job (web.h) and resumes it. When
 * the queue is full the job is not run and the page says the server is busy. */
#ifndef SL_WEB_JOB_QUEUE_H
#define SL_WEB_JOB_QUEUE_H
#include <stddef.h>

#include "web/web.h"

/* Called on a job thread when a job is done (or at once, refused, when it could not be queued). */
typedef void (*sl_job_done)(void *ctx);

/* Starts the job threads with a queue of at most capacity waiting jobs; returns 0 or -1. */
int sl_job_queue_start(int threads, size_t capacity);
/* Finishes the jobs queued, then stops the threads. */
void sl_job_queue_stop(void);
/* Queues job; done(ctx) runs once on a job thread after it. Returns 0, or
 * -1 when the queue is full or stopping (job->busy is set; done never runs). */
int sl_job_queue_submit(sl_web_job *job, sl_job_done done, void *ctx);

#endif
