/* test_job_queue.c — page jobs on their own threads (web/job_queue.h): each
 * job queued runs once and says so; a full queue refuses a job as busy
 * without running it; stopping finishes what was queued. */
#include <pthread.h>
#include <time.h>

#include "check.h"
#include "web/job_queue.h"

typedef struct {
    sl_web_job job;
    pthread_mutex_t *gate;      /* held by the test to keep the job thread busy; NULL: none */
    int ran;
} test_job;

static void run_test_job(sl_web_job *job)
{
    test_job *t = (test_job *)job;
    if (t->gate) {
        pthread_mutex_lock(t->gate);
        pthread_mutex_unlock(t->gate);
    }
    t->ran++;
}

static void free_test_job(sl_web_job *job)
{
    (void)job;
}

static int done_calls;
static pthread_mutex_t done_lock = PTHREAD_MUTEX_INITIALIZER;

static void on_done(void *ctx)
{
    (void)ctx;
    pthread_mutex_lock(&done_lock);
    done_calls++;
    pthread_mutex_unlock(&done_lock);
}

void test_job_queue(void)
{
    pthread_mutex_t gate = PTHREAD_MUTEX_INITIALIZER;
    test_job jobs[4];
    for (int i = 0; i < 4; i++)
        jobs[i] = (test_job){{run_test_job, free_test_job, 0, 0}, i == 0 ? &gate : NULL, 0};
    CHECK(sl_job_queue_start(1, 2) == 0, "one job thread, two places");
    pthread_mutex_lock(&gate);
    CHECK(sl_job_queue_submit(&jobs[0].job, on_done, NULL) == 0, "the first job is taken");
    nanosleep(&(struct timespec){0, 100 * 1000 * 1000}, NULL);    /* the thread pops it and waits at the gate */
    CHECK(sl_job_queue_submit(&jobs[1].job, on_done, NULL) == 0, "a second waits");
    CHECK(sl_job_queue_submit(&jobs[2].job, on_done, NULL) == 0, "a third waits");
    CHECK(sl_job_queue_submit(&jobs[3].job, on_done, NULL) < 0 && jobs[3].job.busy, "a fourth is refused as busy");
    pthread_mutex_unlock(&gate);
    sl_job_queue_stop();
    CHECK(jobs[0].ran == 1 && jobs[1].ran == 1 && jobs[2].ran == 1 && jobs[3].ran == 0, "each queued job ran once");
    CHECK(jobs[0].job.done && jobs[1].job.done && jobs[2].job.done && !jobs[3].job.done, "done marks them");
    CHECK(done_calls == 3, "done called once each: %d", done_calls);
    CHECK(sl_job_queue_submit(&jobs[3].job, on_done, NULL) < 0, "a stopped queue takes nothing");
}
