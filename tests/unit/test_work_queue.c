/* test_work_queue.c — util/work_queue.h: order (urgent items ahead of
 * ordinary ones, first in first out within each), the bound, batches, and
 * stopping (queued work still handed out, new work refused), with threads. */
#include <pthread.h>
#include <stdatomic.h>

#include "check.h"
#include "util/work_queue.h"

typedef struct {
    sl_wq_item link;
    int id;
} item;

/* Pops one at a time and returns the ids in order as a number (digits). */
static long drain_ids(sl_work_queue *q)
{
    long ids = 0;
    sl_wq_item *i;
    while ((i = sl_wq_pop(q, 1)))
        ids = ids * 10 + ((item *)i)->id;
    return ids;
}

/* Urgent items go ahead of ordinary ones; the bound refuses; a stopped queue hands out what it holds. */
static void order_and_bound(void)
{
    sl_work_queue q = SL_WQ_INIT;
    item it[6] = {{.id = 1}, {.id = 2}, {.id = 3, .link.urgent = 1}, {.id = 4}, {.id = 5, .link.urgent = 1}, {.id = 6}};
    CHECK(sl_wq_push(&q, &it[0].link, 10) == -1, "a queue not yet opened refuses work");
    sl_wq_open(&q);
    for (int i = 0; i < 5; i++)
        CHECK(sl_wq_push(&q, &it[i].link, 5) == 0, "push %d within the bound", i + 1);
    CHECK(sl_wq_push(&q, &it[5].link, 5) == -1, "the sixth is refused by a bound of 5");
    sl_wq_stop(&q);
    CHECK(sl_wq_push(&q, &it[5].link, 10) == -1, "a stopping queue refuses work");
    long got = drain_ids(&q);
    CHECK(got == 35124, "urgent first, then first in first out: got %ld", got);
}

/* A batch takes up to max items, linked oldest first. */
static void batches(void)
{
    sl_work_queue q = SL_WQ_INIT;
    sl_wq_open(&q);
    item it[5];
    for (int i = 0; i < 5; i++) {
        it[i] = (item){.id = i + 1};
        sl_wq_push(&q, &it[i].link, 10);
    }
    sl_wq_item *list = sl_wq_pop(&q, 3);
    int n = 0, ordered = 1;
    for (sl_wq_item *i = list; i; i = i->next)
        ordered &= ((item *)i)->id == ++n;
    CHECK(n == 3 && ordered, "a batch of 3 of 5 in order (got %d)", n);
    sl_wq_stop(&q);
    CHECK(drain_ids(&q) == 45, "the rest after stopping");
    CHECK(sl_wq_pop(&q, 3) == NULL, "NULL once stopped and empty");
}

static sl_work_queue shared = SL_WQ_INIT;
static atomic_int consumed;

/* A consumer thread: counts what it pops until the queue stops. */
static void *consume(void *unused)
{
    (void)unused;
    sl_wq_item *list;
    while ((list = sl_wq_pop(&shared, 4)))
        for (sl_wq_item *i = list; i; i = i->next)
            atomic_fetch_add(&consumed, 1);
    return NULL;
}

/* Two workers waiting on one queue take every item exactly once, and stop
 * when it stops. */
static void threads(void)
{
    static item it[1000];
    sl_wq_workers w;
    CHECK(sl_wq_workers_start(&w, &shared, 2, consume) == 0 && w.n == 2, "two workers start");
    for (int i = 0; i < 1000; i++)
        while (sl_wq_push(&shared, &it[i].link, 16) < 0)
            ;
    sl_wq_workers_stop(&w, &shared);
    CHECK(atomic_load(&consumed) == 1000, "every item taken once: %d", atomic_load(&consumed));
    CHECK(w.n == 0 && sl_wq_push(&shared, &it[0].link, 16) < 0, "stopped workers: the queue refuses work");
}

void test_work_queue(void)
{
    order_and_bound();
    batches();
    threads();
}
