/* work_queue.h — a bounded first-in first-out queue of work for threads of
 * its own, shared by the server's audit writer and its sign-in hashing.
 * Items are the caller's structures with an sl_wq_item as their first
 * member; the queue links them and never allocates or frees them: an item
 * belongs to the caller until pushed, to the queue while queued, and to the
 * thread that popped it after. */
#ifndef SL_UTIL_WORK_QUEUE_H
#define SL_UTIL_WORK_QUEUE_H
#include <pthread.h>
#include <stddef.h>

typedef struct sl_wq_item {
    struct sl_wq_item *next;
    int urgent;                 /* goes ahead of the ordinary items, behind other urgent ones */
} sl_wq_item;

typedef struct {
    pthread_mutex_t lock;
    pthread_cond_t ready;
    sl_wq_item *head, *tail;
    size_t n;
    int stopping;
} sl_work_queue;

/* A queue defined with this initializer is stopping (refuses work) until opened. */
#define SL_WQ_INIT {PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, NULL, NULL, 0, 1}

/* Lets the queue take work again (after SL_WQ_INIT or sl_wq_stop). */
void sl_wq_open(sl_work_queue *q);
/* Queues item when fewer than limit are waiting and the queue is not
 * stopping; returns 0 (the queue owns item) or -1 (the caller keeps it). */
int sl_wq_push(sl_work_queue *q, sl_wq_item *item, size_t limit);
/* Waits for work and takes up to max items (at least 1) as a list linked by
 * next, oldest first; the caller owns them. Returns NULL once the queue is
 * stopping and empty. */
sl_wq_item *sl_wq_pop(sl_work_queue *q, size_t max);
/* Takes up to max queued items (oldest first, linked by next) without
 * waiting; NULL when none is queued. The caller owns them. */
sl_wq_item *sl_wq_take(sl_work_queue *q, size_t max);
/* Refuses new work and wakes every waiting thread; items still queued are
 * popped before sl_wq_pop returns NULL. */
void sl_wq_stop(sl_work_queue *q);

/* Threads that serve one queue: started together, stopped together. */
#define SL_WQ_MAX_THREADS 8
typedef struct {
    pthread_t threads[SL_WQ_MAX_THREADS];
    int n;
} sl_wq_workers;

/* Opens q and starts up to n (at most SL_WQ_MAX_THREADS) threads running
 * work(NULL), each of which pops q until it returns NULL; returns 0 when at
 * least one started, else -1 (q left stopping). */
int sl_wq_workers_start(sl_wq_workers *w, sl_work_queue *q, int n, void *(*work)(void *));
/* Stops q and waits for every worker to finish what is queued and end. */
void sl_wq_workers_stop(sl_wq_workers *w, sl_work_queue *q);

#endif
