/* job_queue.c — the page jobs' threads and their bounded queue (see job_queue.h). */
#include "web/job_queue.h"

#include <pthread.h>
#include <stdlib.h>

#include "util/mem.h"
#include "util/work_queue.h"


typedef struct {
    sl_wq_item link;            /* first: the queue links entries through it */
    sl_web_job *job;
    sl_job_done done;
    void *ctx;
} entry;

static struct {
    sl_work_queue queue;
    size_t capacity;
    sl_wq_workers workers;
} q = {.queue = SL_WQ_INIT};

/* A job thread: runs jobs until stopped. */
static void *working(void *unused)
{
    (void)unused;
    sl_wq_item *item;
    while ((item = sl_wq_pop(&q.queue, 1))) {
        entry *e = (entry *)item;
        e->job->run(e->job);
        e->job->done = 1;
        e->done(e->ctx);
        free(e);
    }
    return NULL;
}

int sl_job_queue_start(int threads, size_t capacity)
{
    q.capacity = capacity ? capacity : 1;
    return sl_wq_workers_start(&q.workers, &q.queue, threads, working);
}

void sl_job_queue_stop(void)
{
    sl_wq_workers_stop(&q.workers, &q.queue);
}

int sl_job_queue_submit(sl_web_job *job, sl_job_done done, void *ctx)
{
    entry *e = sl_calloc(sizeof *e);
    *e = (entry){.job = job, .done = done, .ctx = ctx};
    if (sl_wq_push(&q.queue, &e->link, q.capacity) < 0) {
        free(e);
        job->busy = 1;
        return -1;
    }
    return 0;
}
