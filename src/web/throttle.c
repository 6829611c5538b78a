/* throttle.c — sign-in back-off (see throttle.h). Counters live in a fixed
 * table of slots chosen by a hash of their key; a slot taken by another key
 * is reused when its failures are older than the window, else the new key
 * shares nothing and is counted in the next free slot of its bucket. */
#include "web/throttle.h"

#include <pthread.h>
#include <string.h>

#define SLOTS 4096
#define PROBE 8

/* What each kind of key allows: free failures, then waits doubling up to cap. */
static const struct {
    const char *what;
    int free;
    int cap;
} rules[] = {
    {"this login from this address", 3, 15 * 60},
    {"this address", 10, 15 * 60},
    {"this login from any address", 20, 60},  /* bounded small: never a lockout */
};
#define N_RULES (int)(sizeof rules / sizeof rules[0])

typedef struct {
    uint64_t key;
    int failures;
    int64_t last;               /* seconds: the last failure */
    int64_t trusted_until;      /* a login's slot for one address: signed in from there lately */
} slot;

#define TRUST (30 * 24 * 3600)  /* how long a sign-in from an address vouches for it */

static slot table[SLOTS];
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

/* FNV-1a of the rule's number, login and address, as the rule keys them. */
static uint64_t key_of(int rule, const char *login, const char *address)
{
    uint64_t h = 1469598103934665603ULL ^ (uint64_t)(rule + 1);
    const char *parts[2] = {rule == 1 ? "" : login, rule == 2 ? "" : address};
    for (int p = 0; p < 2; p++) {
        for (const char *c = parts[p]; c && *c; c++)
            h = (h ^ (unsigned char)*c) * 1099511628211ULL;
        h = (h ^ 0xff) * 1099511628211ULL;
    }
    return h ? h : 1;
}

/* Finds the key's slot (creating it when create); NULL when none. Called locked. */
static slot *find(uint64_t key, int64_t now, int create)
{
    slot *free_slot = NULL;
    for (int i = 0; i < PROBE; i++) {
        slot *s = &table[(key + (uint64_t)i) % SLOTS];
        if (s->key == key)
            return s;
        if (!free_slot && (s->key == 0 || (now - s->last > SL_THROTTLE_WINDOW && now > s->trusted_until)))
            free_slot = s;
    }
    if (!create || !free_slot)
        return NULL;
    *free_slot = (slot){.key = key, .failures = 0, .last = now, .trusted_until = 0};
    return free_slot;
}

int sl_throttle_backoff(int n, int free, int cap)
{
    if (n <= free)
        return 0;
    int shift = n - free - 1;
    if (shift >= 30)
        return cap;
    int wait = 1 << shift;
    return wait < cap ? wait : cap;
}

int sl_throttle_trusted(const char *login, const char *address, int64_t now)
{
    pthread_mutex_lock(&lock);
    slot *pair = find(key_of(0, login, address), now, 0);
    int trusted = pair && pair->trusted_until > now;
    pthread_mutex_unlock(&lock);
    return trusted;
}

int sl_throttle_wait(const char *login, const char *address, int64_t now, const char **why)
{
    int longest = 0;
    pthread_mutex_lock(&lock);
    slot *pair = find(key_of(0, login, address), now, 0);
    int trusted = pair && pair->trusted_until > now;
    for (int r = 0; r < N_RULES; r++) {
        slot *s = find(key_of(r, login, address), now, 0);
        /* Others' failures on a login never hold back an address it signed in from lately. */
        if (!s || now - s->last > SL_THROTTLE_WINDOW || (r == 2 && trusted))
            continue;
        int wait = sl_throttle_backoff(s->failures, rules[r].free, rules[r].cap) - (int)(now - s->last);
        if (wait > longest) {
            longest = wait;
            *why = rules[r].what;
        }
    }
    pthread_mutex_unlock(&lock);
    return longest;
}

void sl_throttle_failed(const char *login, const char *address, int64_t now)
{
    pthread_mutex_lock(&lock);
    for (int r = 0; r < N_RULES; r++) {
        slot *s = find(key_of(r, login, address), now, 1);
        if (!s)
            continue;
        if (now - s->last > SL_THROTTLE_WINDOW)
            s->failures = 0;
        s->failures++;
        if (now > s->last)      /* another server's failure may be older than this one's last */
            s->last = now;
    }
    pthread_mutex_unlock(&lock);
}

void sl_throttle_succeeded(const char *login, const char *address, int64_t now)
{
    pthread_mutex_lock(&lock);
    slot *s = find(key_of(0, login, address), now, 1);
    if (s) {
        s->failures = 0;
        s->trusted_until = now + TRUST;
    }
    pthread_mutex_unlock(&lock);
}

void sl_throttle_reset(void)
{
    pthread_mutex_lock(&lock);
    memset(table, 0, sizeof table);
    pthread_mutex_unlock(&lock);
}
