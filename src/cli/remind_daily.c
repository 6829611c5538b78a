/* remind_daily.c — the daily reminder thread of `serve` (see remind_daily.h). */
#include "cli/remind_daily.h"

#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli/remind.h"
#include "domain/reminder.h"
#include "util/clock.h"

static struct {
    pthread_t thread;
    pthread_mutex_t lock;
    pthread_cond_t wake;
    int running, stop;
    const char *db_path;
    sl_day done;                /* the last London day this server dealt with */
} daily = {.lock = PTHREAD_MUTEX_INITIALIZER, .wake = PTHREAD_COND_INITIALIZER, .done = SL_NO_DAY};

/* Returns the clock's time (util/clock.h, so tests can fix it) in seconds since 1970. */
static int64_t now_seconds(void)
{
    char stamp[32];
    sl_now_timestamp(stamp);
    sl_day day;
    char iso[11];
    snprintf(iso, sizeof iso, "%.10s", stamp);
    int h = 0, m = 0, s = 0;
    if (sl_day_parse_iso(iso, &day) < 0 || sscanf(stamp + 10, "T%d:%d:%d", &h, &m, &s) != 3)
        return (int64_t)time(NULL);
    return (int64_t)day * 86400 + h * 3600 + m * 60 + s;
}

/* Claims and runs the reminders of London day `day` on an open store; logs what happened. */
static void run_day(sl_store *store, sl_day day, sl_error *err)
{
    char iso[11];
    sl_day_format(day, iso);
    char *host = NULL;
    int relay = sl_store_setting_get(store, "smtp.host", &host, err);
    free(host);
    if (relay == 0) {
        fprintf(stderr, "sightline: no reminders on %s: no SMTP relay is set (sightline settings)\n", iso);
        return;
    }
    int claimed = relay < 0 ? -1 : sl_remind_claim_day(store, day, "sightline", err);
    if (claimed == 0)
        fprintf(stderr, "sightline: reminders for %s were already sent (by another server, or before a "
                        "restart)\n", iso);
    if (claimed != 1)
        return;
    sl_buf out = SL_BUF_INIT;
    sl_remind_options o = {day, 0, "sightline"};
    if (sl_remind_run(store, &o, &out, err) == 0)
        fprintf(stderr, "sightline: %s", sl_buf_str(&out));
    sl_buf_free(&out);
}

/* One wake-up: when today's run time has passed and this server has not
 * dealt with today, opens the store and runs the day. */
static void tick(void)
{
    sl_day day;
    int minute, at;
    sl_london_time(now_seconds(), &day, &minute);
    if (day == daily.done)
        return;
    sl_error err = {0};
    sl_store *store = sl_store_open(daily.db_path, 0, &err);
    if (store && sl_remind_time(store, &at, &err) == 0 && minute >= at) {
        daily.done = day;
        run_day(store, day, &err);
    }
    if (err.set)
        fprintf(stderr, "sightline: reminders: %s\n", err.message);
    if (store)
        sl_store_close(store);
}

/* The thread: a tick now, then every 30 seconds until stopped. */
static void *loop(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&daily.lock);
    while (!daily.stop) {
        pthread_mutex_unlock(&daily.lock);
        tick();
        pthread_mutex_lock(&daily.lock);
        struct timespec until;
        clock_gettime(CLOCK_REALTIME, &until);
        until.tv_sec += 30;
        if (!daily.stop)
            pthread_cond_timedwait(&daily.wake, &daily.lock, &until);
    }
    pthread_mutex_unlock(&daily.lock);
    return NULL;
}

int sl_remind_daily_start(const char *db_path)
{
    sigset_t all, old;
    sigfillset(&all);
    daily.db_path = db_path;
    daily.stop = 0;
    /* The thread blocks every signal, so SIGINT and SIGTERM reach the
     * server's main thread and stop it. */
    pthread_sigmask(SIG_SETMASK, &all, &old);
    int rc = pthread_create(&daily.thread, NULL, loop, NULL);
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    if (rc != 0) {
        fprintf(stderr, "sightline: cannot start the daily reminders: %s\n", strerror(rc));
        return -1;
    }
    daily.running = 1;
    return 0;
}

void sl_remind_daily_stop(void)
{
    if (!daily.running)
        return;
    pthread_mutex_lock(&daily.lock);
    daily.stop = 1;
    pthread_cond_signal(&daily.wake);
    pthread_mutex_unlock(&daily.lock);
    pthread_join(daily.thread, NULL);
    daily.running = 0;
}
