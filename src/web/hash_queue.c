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
#include "web/auth.h"

#define MAX_THREADS 8
#define RESERVED 4                  /* places beyond capacity kept for first checks */

typedef struct job {
    char *password;
    char *hash;                 /* NULL: check against the decoy */
    sl_hash_done done;
    void *ctx;
    int first;                  /* from an address the login signed in from lately */
    struct job *next;
} job;

static struct {
    pthread_mutex_t lock;
    pthread_cond_t ready;
    job *head, *tail;
    size_t n, capacity;
    int stopping;
    pthread_t threads[MAX_THREADS];
    int n_threads;
} q = {.lock = PTHREAD_MUTEX_INITIALIZER, .ready = PTHREAD_COND_INITIALIZER};

/* Takes the next job, waiting for one; NULL once stopping and empty. */
static job *next_job(void)
{
    pthread_mutex_lock(&q.lock);
    while (!q.head && !q.stopping)
        pthread_cond_wait(&q.ready, &q.lock);
    job *j = q.head;
    if (j) {
        q.head = j->next;
        if (!q.head)
            q.tail = NULL;
        q.n--;
    }
    pthread_mutex_unlock(&q.lock);
    return j;
}

/* A hashing thread: runs checks until stopped. */
static void *hashing(void *unused)
{
    (void)unused;
    /* Below the page threads: when the processors are busy, pages go first. */
    setpriority(PRIO_PROCESS, (id_t)syscall(SYS_gettid), 4);
    job *j;
    while ((j = next_job())) {
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
    q.stopping = 0;
    q.n_threads = 0;
    for (int i = 0; i < threads && i < MAX_THREADS; i++) {
        if (pthread_create(&q.threads[i], NULL, hashing, NULL) != 0)
            break;
        q.n_threads++;
    }
    return q.n_threads > 0 ? 0 : -1;
}

void sl_hash_queue_stop(void)
{
    pthread_mutex_lock(&q.lock);
    q.stopping = 1;
    pthread_cond_broadcast(&q.ready);
    pthread_mutex_unlock(&q.lock);
    for (int i = 0; i < q.n_threads; i++)
        pthread_join(q.threads[i], NULL);
    q.n_threads = 0;
}

int sl_hash_queue_submit(const char *password, const char *hash, int first, sl_hash_done done, void *ctx)
{
    pthread_mutex_lock(&q.lock);
    if (q.stopping || q.n >= q.capacity + (first ? RESERVED : 0) || q.n_threads == 0) {
        pthread_mutex_unlock(&q.lock);
        return -1;
    }
    job *j = sl_calloc(sizeof *j);
    j->password = sl_strdup(password);
    j->hash = hash ? sl_strdup(hash) : NULL;
    j->done = done;
    j->ctx = ctx;
    j->first = first;
    if (first) {
        /* Ahead of the ordinary checks, behind the other first ones. */
        job **at = &q.head;
        while (*at && (*at)->first)
            at = &(*at)->next;
        j->next = *at;
        *at = j;
        if (!j->next)
            q.tail = j;
    } else {
        if (q.tail)
            q.tail->next = j;
        else
            q.head = j;
        q.tail = j;
    }
    q.n++;
    pthread_cond_signal(&q.ready);
    pthread_mutex_unlock(&q.lock);
    return 0;
}
