/* audit_queue.c — the server's queued audit entries (see audit_queue.h). */
#include "web/audit_queue.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#include "store/store.h"
#include "util/buf.h"
#include "util/mem.h"

#define MAX_QUEUED 10000
#define BATCH 256

typedef struct entry {
    char *actor, *operation, *entity, *field, *after;
    struct entry *next;
} entry;

static struct {
    pthread_mutex_t lock;
    pthread_cond_t ready;
    entry *head, *tail;
    size_t n;
    long dropped;               /* entries refused by the full queue, not yet reported */
    int running;
    pthread_t thread;
    sl_store *store;
} aq = {.lock = PTHREAD_MUTEX_INITIALIZER, .ready = PTHREAD_COND_INITIALIZER};

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
static void write_batch(entry *list, long dropped)
{
    sl_error err = {0};
    int ok = sl_store_begin(aq.store, &err) == 0;
    for (entry *e = list; ok && e; e = e->next)
        ok = sl_store_audit_note(aq.store, e->actor, e->operation, e->entity, 0, e->field, e->after, &err) == 0;
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
        entry *next = list->next;
        entry_free(list);
        list = next;
    }
}

/* The writing thread: takes up to BATCH entries at a time until stopped and empty. */
static void *writing(void *unused)
{
    (void)unused;
    for (;;) {
        pthread_mutex_lock(&aq.lock);
        while (!aq.head && !aq.dropped && aq.running)
            pthread_cond_wait(&aq.ready, &aq.lock);
        if (!aq.head && !aq.dropped && !aq.running) {
            pthread_mutex_unlock(&aq.lock);
            return NULL;
        }
        entry *list = aq.head, *last = aq.head;
        for (int i = 1; last && last->next && i < BATCH; i++)
            last = last->next;
        aq.head = last ? last->next : NULL;
        if (last)
            last->next = NULL;
        if (!aq.head)
            aq.tail = NULL;
        for (entry *e = list; e; e = e->next)
            aq.n--;
        long dropped = aq.dropped;
        aq.dropped = 0;
        pthread_mutex_unlock(&aq.lock);
        write_batch(list, dropped);
    }
}

int sl_audit_queue_start(const char *db_path, sl_error *err)
{
    aq.store = sl_store_open(db_path, 0, err);
    if (!aq.store)
        return -1;
    aq.running = 1;
    if (pthread_create(&aq.thread, NULL, writing, NULL) != 0) {
        aq.running = 0;
        sl_store_close(aq.store);
        aq.store = NULL;
        return sl_fail(err, "cannot start the audit thread");
    }
    return 0;
}

void sl_audit_queue_stop(void)
{
    pthread_mutex_lock(&aq.lock);
    int was = aq.running;
    aq.running = 0;
    pthread_cond_broadcast(&aq.ready);
    pthread_mutex_unlock(&aq.lock);
    if (!was)
        return;
    pthread_join(aq.thread, NULL);
    sl_store_close(aq.store);
    aq.store = NULL;
}

void sl_audit_queue_add(const char *actor, const char *operation, const char *entity, const char *field,
                        const char *after)
{
    pthread_mutex_lock(&aq.lock);
    if (!aq.running || aq.n >= MAX_QUEUED) {
        aq.dropped += aq.running;
        pthread_cond_signal(&aq.ready);
        pthread_mutex_unlock(&aq.lock);
        return;
    }
    entry *e = sl_calloc(sizeof *e);
    e->actor = sl_strdup(actor);
    e->operation = sl_strdup(operation);
    e->entity = sl_strdup(entity);
    e->field = sl_strdup(field);
    e->after = sl_strdup(after);
    if (aq.tail)
        aq.tail->next = e;
    else
        aq.head = e;
    aq.tail = e;
    aq.n++;
    pthread_cond_signal(&aq.ready);
    pthread_mutex_unlock(&aq.lock);
}
