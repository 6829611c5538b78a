/* hash_queue.c — the sign-in hashing threads and their bounded queue (see hash_queue.h). */
#define _GNU_SOURCE /* syscall(SYS_gettid): a thread's own nice value */
#include "web/hash_queue.h"

#include <pthread.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "util/mem.h"
#include "util/work_queue.h"
#include "web/auth.h"

#define RESERVED 4                  /* places beyond capacity kept for first checks */

typedef struct job {
    sl_wq_item link;            /* first: the queue links jobs through it; urgent: a first check */
    char *password;
    char *hash;                 /* NULL: check against the decoy */
    sl_hash_done done;
    void *ctx;
} job;

static struct {
    sl_work_queue queue;
    size_t capacity;
    sl_wq_workers workers;
} q = {.queue = SL_WQ_INIT};

/* A hashing thread: runs checks until stopped. */
static void *hashing(void *unused)
{
    (void)unused;
    /* Below the page threads: when the processors are busy, pages go first. */
    setpriority(PRIO_PROCESS, (id_t)syscall(SYS_gettid), 4);
    sl_wq_item *item;
    while ((item = sl_wq_pop(&q.queue, 1))) {
        job *j = (job *)item;
        int ok = 0;
        if (j->hash)
            ok = sl_password_ok(j->password, j->hash);
        else
            sl_password_decoy(j->password);
        sodium_memzero(j->password, strlen(j->password));
        j->done(j->ctx, ok);
        free(j->password);
        free(j->hash);
        free(j);
    }
    return NULL;
}

int sl_hash_queue_start(int threads, size_t capacity)
{
    q.capacity = capacity ? capacity : 1;
    return sl_wq_workers_start(&q.workers, &q.queue, threads, hashing);
}

void sl_hash_queue_stop(void)
{
    sl_wq_workers_stop(&q.workers, &q.queue);
}

int sl_hash_queue_submit(const char *password, const char *hash, int first, sl_hash_done done, void *ctx)
{
    job *j = sl_calloc(sizeof *j);
    j->link.urgent = first;
    j->password = sl_strdup(password);
    j->hash = hash ? sl_strdup(hash) : NULL;
    j->done = done;
    j->ctx = ctx;
    if (sl_wq_push(&q.queue, &j->link, q.capacity + (first ? RESERVED : 0)) == 0)
        return 0;
    sodium_memzero(j->password, strlen(j->password));
    free(j->password);
    free(j->hash);
    free(j);
    return -1;
}
