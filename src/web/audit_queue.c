/* audit_queue.c — the server's queued audit entries (see audit_queue.h). */
#include "web/audit_queue.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>

#include "store/store.h"
#include "util/buf.h"
#include "util/mem.h"
#include "util/work_queue.h"

#define MAX_QUEUED 10000
#define BATCH 256

typedef struct entry {
    sl_wq_item link;            /* first: the queue links entries through it */
    char *actor, *operation, *entity, *field, *after;
} entry;

static struct {
    sl_work_queue queue;
    atomic_long dropped;        /* entries refused by the full queue, not yet reported */
    atomic_int running;
    pthread_t thread;
    sl_store *store;
} aq = {.queue = SL_WQ_INIT};

/* Frees one entry. */
static void entry_free(entry *e)
{
    free(e->actor);
    free(e->operation);
    free(e->entity);
    free(e->field);
    free(e->after);
    free(e);
}

/* Writes a batch (a list) in one transaction, and the count of dropped entries; frees the list. */
static void write_batch(sl_wq_item *list, long dropped)
{
    sl_error err = {0};
    int ok = sl_store_begin(aq.store, &err) == 0;
    for (sl_wq_item *i = list; ok && i; i = i->next) {
        entry *e = (entry *)i;
        ok = sl_store_audit_note(aq.store, e->actor, e->operation, e->entity, 0, e->field, e->after, &err) == 0;
    }
    if (ok && dropped) {
        sl_buf after = SL_BUF_INIT;
        sl_buf_cprintf(&after, "%ld more refusals, not itemized: the audit queue was full", dropped);
        ok = sl_store_audit_note(aq.store, "server", "refuse", "server", 0, "", sl_buf_str(&after), &err) == 0;
        sl_buf_free(&after);
    }
    if (!ok || sl_store_commit(aq.store, &err) < 0) {
        sl_store_rollback(aq.store);
        fprintf(stderr, "sightline: audit entries not written: %s\n", err.message);
    }
    while (list) {
        sl_wq_item *next = list->next;
        entry_free((entry *)list);
        list = next;
    }
}

/* The writing thread: takes up to BATCH entries at a time, with the count
 * dropped meanwhile, until the queue is stopped and empty. */
static void *writing(void *unused)
{
    (void)unused;
    for (;;) {
        sl_wq_item *list = sl_wq_pop(&aq.queue, BATCH);
        long dropped = atomic_exchange(&aq.dropped, 0);
        if (!list && !dropped)
            return NULL;
        write_batch(list, dropped);
    }
}

int sl_audit_queue_start(const char *db_path, sl_error *err)
{
    aq.store = sl_store_open(db_path, 0, err);
    if (!aq.store)
        return -1;
    sl_wq_open(&aq.queue);
    atomic_store(&aq.running, 1);
    if (pthread_create(&aq.thread, NULL, writing, NULL) != 0) {
        atomic_store(&aq.running, 0);
        sl_wq_stop(&aq.queue);
        sl_store_close(aq.store);
        aq.store = NULL;
        return sl_fail(err, "cannot start the audit thread");
    }
    return 0;
}

void sl_audit_queue_stop(void)
{
    if (!atomic_exchange(&aq.running, 0))
        return;
    sl_wq_stop(&aq.queue);
    pthread_join(aq.thread, NULL);
    sl_store_close(aq.store);
    aq.store = NULL;
}

void sl_audit_queue_add(const char *actor, const char *operation, const char *entity, const char *field,
                        const char *after)
{
    if (!atomic_load(&aq.running))
        return;
    entry *e = sl_calloc(sizeof *e);
    e->actor = sl_strdup(actor);
    e->operation = sl_strdup(operation);
    e->entity = sl_strdup(entity);
    e->field = sl_strdup(field);
    e->after = sl_strdup(after);
    if (sl_wq_push(&aq.queue, &e->link, MAX_QUEUED) < 0) {
        atomic_fetch_add(&aq.dropped, 1);
        entry_free(e);
    }
}
