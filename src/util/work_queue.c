/* work_queue.c — the bounded work queue (see work_queue.h). */
#include "util/work_queue.h"

void sl_wq_open(sl_work_queue *q)
{
    pthread_mutex_lock(&q->lock);
    q->stopping = 0;
    pthread_mutex_unlock(&q->lock);
}

/* Links item in its place: behind the last urgent item when urgent, else at the tail. Lock held. */
static void link_item(sl_work_queue *q, sl_wq_item *item)
{
    if (!item->urgent) {
        item->next = NULL;
        if (q->tail)
            q->tail->next = item;
        else
            q->head = item;
        q->tail = item;
        return;
    }
    sl_wq_item **at = &q->head;
    while (*at && (*at)->urgent)
        at = &(*at)->next;
    item->next = *at;
    *at = item;
    if (!item->next)
        q->tail = item;
}

int sl_wq_push(sl_work_queue *q, sl_wq_item *item, size_t limit)
{
    pthread_mutex_lock(&q->lock);
    if (q->stopping || q->n >= limit) {
        pthread_mutex_unlock(&q->lock);
        return -1;
    }
    link_item(q, item);
    q->n++;
    pthread_cond_signal(&q->ready);
    pthread_mutex_unlock(&q->lock);
    return 0;
}

/* Unlinks up to max items from the head (lock held); the list, or NULL. */
static sl_wq_item *unlink_head(sl_work_queue *q, size_t max)
{
    sl_wq_item *list = q->head, *last = q->head;
    size_t taken = list ? 1 : 0;
    while (last && last->next && taken < max) {
        last = last->next;
        taken++;
    }
    if (last) {
        q->head = last->next;
        last->next = NULL;
        if (!q->head)
            q->tail = NULL;
    }
    q->n -= taken;
    return list;
}

sl_wq_item *sl_wq_pop(sl_work_queue *q, size_t max)
{
    pthread_mutex_lock(&q->lock);
    while (!q->head && !q->stopping)
        pthread_cond_wait(&q->ready, &q->lock);
    sl_wq_item *list = unlink_head(q, max);
    pthread_mutex_unlock(&q->lock);
    return list;
}

sl_wq_item *sl_wq_take(sl_work_queue *q, size_t max)
{
    pthread_mutex_lock(&q->lock);
    sl_wq_item *list = unlink_head(q, max);
    pthread_mutex_unlock(&q->lock);
    return list;
}

void sl_wq_stop(sl_work_queue *q)
{
    pthread_mutex_lock(&q->lock);
    q->stopping = 1;
    pthread_cond_broadcast(&q->ready);
    pthread_mutex_unlock(&q->lock);
}

int sl_wq_workers_start(sl_wq_workers *w, sl_work_queue *q, int n, void *(*work)(void *))
{
    w->n = 0;
    sl_wq_open(q);
    for (int i = 0; i < n && i < SL_WQ_MAX_THREADS; i++) {
        if (pthread_create(&w->threads[i], NULL, work, NULL) != 0)
            break;
        w->n++;
    }
    if (w->n == 0)
        sl_wq_stop(q);
    return w->n > 0 ? 0 : -1;
}

void sl_wq_workers_stop(sl_wq_workers *w, sl_work_queue *q)
{
    sl_wq_stop(q);
    for (int i = 0; i < w->n; i++)
        pthread_join(w->threads[i], NULL);
    w->n = 0;
}
