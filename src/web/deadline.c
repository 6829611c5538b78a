/* deadline.c — header and body deadlines (see deadline.h). */
#include "web/deadline.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "util/mem.h"

struct sl_deadline {
    int fd;
    int64_t due_ms;             /* 0: no deadline */
    int cut;                    /* shut down already */
    sl_deadline *prev, *next;
};

static struct {
    pthread_mutex_t lock;
    sl_deadline *head;
    int header_ms, body_ms;
    int running;
    pthread_t thread;
    long cut;
} w = {.lock = PTHREAD_MUTEX_INITIALIZER};

/* Milliseconds on the monotonic clock. */
static int64_t now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* The checking thread: shuts down the sockets of requests past their deadline. */
static void *watch(void *unused)
{
    (void)unused;
    struct timespec pause = {0, 200 * 1000 * 1000};
    for (;;) {
        pthread_mutex_lock(&w.lock);
        if (!w.running) {
            pthread_mutex_unlock(&w.lock);
            return NULL;
        }
        int64_t now = now_ms();
        for (sl_deadline *d = w.head; d; d = d->next)
            if (d->due_ms && !d->cut && now > d->due_ms) {
                /* shutdown, never close: the server still owns the descriptor
                 * and closes it, so it cannot be reused under us. */
                shutdown(d->fd, SHUT_RDWR);
                d->cut = 1;
                w.cut++;
            }
        pthread_mutex_unlock(&w.lock);
        nanosleep(&pause, NULL);
    }
}

int sl_deadline_start(int header_seconds, int body_seconds)
{
    w.header_ms = header_seconds * 1000;
    w.body_ms = body_seconds * 1000;
    w.running = 1;
    if (pthread_create(&w.thread, NULL, watch, NULL) != 0) {
        w.running = 0;
        return -1;
    }
    return 0;
}

void sl_deadline_stop(void)
{
    pthread_mutex_lock(&w.lock);
    int was = w.running;
    w.running = 0;
    pthread_mutex_unlock(&w.lock);
    if (was)
        pthread_join(w.thread, NULL);
}

/* Sets d's deadline to ms from now (0: none). */
static void set_due(sl_deadline *d, int ms)
{
    if (!d)
        return;
    pthread_mutex_lock(&w.lock);
    d->due_ms = ms > 0 ? now_ms() + ms : 0;
    pthread_mutex_unlock(&w.lock);
}

sl_deadline *sl_deadline_opened(int fd)
{
    sl_deadline *d = sl_calloc(sizeof *d);
    d->fd = fd;
    pthread_mutex_lock(&w.lock);
    d->due_ms = w.header_ms > 0 ? now_ms() + w.header_ms : 0;
    d->next = w.head;
    if (w.head)
        w.head->prev = d;
    w.head = d;
    pthread_mutex_unlock(&w.lock);
    return d;
}

void sl_deadline_headers_done(sl_deadline *d)
{
    set_due(d, w.body_ms);
}

void sl_deadline_body_done(sl_deadline *d)
{
    set_due(d, 0);
}

void sl_deadline_answered(sl_deadline *d)
{
    set_due(d, w.header_ms);
}

void sl_deadline_closed(sl_deadline *d)
{
    if (!d)
        return;
    pthread_mutex_lock(&w.lock);
    if (d->prev)
        d->prev->next = d->next;
    else
        w.head = d->next;
    if (d->next)
        d->next->prev = d->prev;
    pthread_mutex_unlock(&w.lock);
    free(d);
}

long sl_deadline_cut_count(void)
{
    pthread_mutex_lock(&w.lock);
    long n = w.cut;
    pthread_mutex_unlock(&w.lock);
    return n;
}
