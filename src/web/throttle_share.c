/* throttle_share.c — sign-in outcomes shared between server processes
 * through the sign_in_events table (see throttle_share.h). */
#include "web/throttle_share.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "store/store.h"
#include "util/mem.h"
#include "util/work_queue.h"
#include "web/auth.h"
#include "web/throttle.h"

#define SHARE_MS 250                /* how often outcomes are written and read */
#define MAX_QUEUED 10000            /* past it, outcomes count here only */
#define BATCH 512
#define KEEP (31 * 24 * 3600)       /* events older than the longest trust are forgotten */

typedef struct {
    sl_wq_item link;            /* first: the queue links outcomes through it */
    char *login, *address;
    int64_t at;
    int failed;
} outcome;

static struct {
    sl_work_queue queue;
    atomic_int running;
    pthread_mutex_t lock;
    pthread_cond_t wake;
    int stopping;
    pthread_t thread;
    sl_store *store;
    char origin[33];            /* this process, as its events name it: 32 random hex digits */
    int64_t last_id;            /* the highest event of the others applied */
    int64_t pruned_at;
    int failing;                /* 1 while the database refuses: said once, not four times a second */
} sh = {.queue = SL_WQ_INIT, .lock = PTHREAD_MUTEX_INITIALIZER, .wake = PTHREAD_COND_INITIALIZER};

/* Says once that sharing failed, and once that it works again. */
static void report(int ok, const sl_error *err)
{
    if (!ok && !sh.failing)
        fprintf(stderr, "sightline: sign-in throttling not shared with other servers: %s\n", err->message);
    else if (ok && sh.failing)
        fprintf(stderr, "sightline: sign-in throttling shared with other servers again\n");
    sh.failing = !ok;
}

/* Applies one of the other processes' outcomes to this process's counters. */
static void apply(void *ctx, const sl_sign_in_event *e)
{
    (void)ctx;
    if (e->failed)
        sl_throttle_failed(e->login, e->address, e->at);
    else
        sl_throttle_succeeded(e->login, e->address, e->at);
}

/* Frees a list of outcomes. */
static void outcomes_free(sl_wq_item *list)
{
    while (list) {
        sl_wq_item *next = list->next;
        outcome *o = (outcome *)list;
        free(o->login);
        free(o->address);
        free(o);
        list = next;
    }
}

/* Writes up to BATCH queued outcomes in one transaction; returns how many
 * (0: none was queued), or -1 with err (those outcomes are dropped then:
 * they still count in this process). */
static int write_own(sl_error *err)
{
    sl_wq_item *list = sl_wq_take(&sh.queue, BATCH);
    if (!list)
        return 0;
    int n = 0;
    for (sl_wq_item *i = list; i; i = i->next)
        n++;
    int ok = sl_store_begin(sh.store, err) == 0;
    for (sl_wq_item *i = list; ok && i; i = i->next) {
        outcome *o = (outcome *)i;
        ok = sl_store_sign_in_event_add(sh.store, sh.origin, o->at, o->login, o->address, o->failed, err) == 0;
    }
    if (!ok || sl_store_commit(sh.store, err) < 0) {
        sl_store_rollback(sh.store);
        ok = 0;
    }
    outcomes_free(list);
    return ok ? n : -1;
}

/* One round: this process's outcomes out, the others' in, old ones forgotten hourly. */
static void share_round(void)
{
    sl_error err = {0};
    int64_t now = (int64_t)time(NULL);
    int ok = write_own(&err) >= 0 &&
             sl_store_sign_in_events_since(sh.store, sh.last_id, now - SL_THROTTLE_WINDOW, sh.origin, apply, NULL,
                                           &sh.last_id, &err) == 0;
    if (ok && now - sh.pruned_at > 3600) {
        ok = sl_store_sign_in_events_prune(sh.store, now - KEEP, &err) == 0;
        sh.pruned_at = now;
    }
    report(ok, &err);
}

/* Waits SHARE_MS or until stopped; returns 1 when stopped. */
static int wait_or_stop(void)
{
    struct timespec until;
    clock_gettime(CLOCK_REALTIME, &until);
    until.tv_nsec += SHARE_MS * 1000000L;
    until.tv_sec += until.tv_nsec / 1000000000L;
    until.tv_nsec %= 1000000000L;
    pthread_mutex_lock(&sh.lock);
    if (!sh.stopping)
        pthread_cond_timedwait(&sh.wake, &sh.lock, &until);
    int stopped = sh.stopping;
    pthread_mutex_unlock(&sh.lock);
    return stopped;
}

/* The sharing thread: a round every SHARE_MS, and a last write when stopped. */
static void *sharing(void *unused)
{
    (void)unused;
    while (!wait_or_stop())
        share_round();
    sl_error err = {0};
    while (write_own(&err) > 0)
        ;
    return NULL;
}

int sl_throttle_share_start(const char *db_path, sl_error *err)
{
    sh.store = sl_store_open(db_path, 0, err);
    if (!sh.store)
        return -1;
    sl_random_hex(sh.origin, 16);
    sh.last_id = 0;
    sh.pruned_at = 0;
    sh.stopping = 0;
    share_round();
    sl_wq_open(&sh.queue);
    atomic_store(&sh.running, 1);
    if (pthread_create(&sh.thread, NULL, sharing, NULL) != 0) {
        atomic_store(&sh.running, 0);
        sl_wq_stop(&sh.queue);
        sl_store_close(sh.store);
        sh.store = NULL;
        return sl_fail(err, "cannot start the sign-in sharing thread");
    }
    return 0;
}

void sl_throttle_share_stop(void)
{
    if (!atomic_exchange(&sh.running, 0))
        return;
    sl_wq_stop(&sh.queue);
    pthread_mutex_lock(&sh.lock);
    sh.stopping = 1;
    pthread_cond_broadcast(&sh.wake);
    pthread_mutex_unlock(&sh.lock);
    pthread_join(sh.thread, NULL);
    sl_store_close(sh.store);
    sh.store = NULL;
}

/* Queues an outcome for the other processes (copied); dropped when the queue is full or not running. */
static void queue_outcome(const char *login, const char *address, int64_t now, int failed)
{
    if (!atomic_load(&sh.running))
        return;
    outcome *o = sl_calloc(sizeof *o);
    o->login = sl_strdup(login);
    o->address = sl_strdup(address);
    o->at = now;
    o->failed = failed;
    if (sl_wq_push(&sh.queue, &o->link, MAX_QUEUED) < 0)
        outcomes_free(&o->link);
}

void sl_throttle_share_failed(const char *login, const char *address, int64_t now)
{
    sl_throttle_failed(login, address, now);
    queue_outcome(login, address, now, 1);
}

void sl_throttle_share_succeeded(const char *login, const char *address, int64_t now)
{
    sl_throttle_succeeded(login, address, now);
    queue_outcome(login, address, now, 0);
}
