/* page_cache.c — a small fixed-size cache of rendered pages (see page_cache.h).
 * Slots are chosen by the key's hash; a new page replaces the slot's old one,
 * so memory stays bounded by SLOTS × MAX_PAGE. */
#include "web/page_cache.h"

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/mem.h"

#define SLOTS 64
#define MAX_PAGE (1024 * 1024)

typedef struct {
    char *key;
    char *title;
    char *content;
    size_t len;
} slot;

static slot slots[SLOTS];
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

/* FNV-1a hash of the key, to pick a slot. */
static size_t slot_of(const char *key)
{
    uint64_t h = 1469598103934665603ULL;
    for (; *key; key++)
        h = (h ^ (unsigned char)*key) * 1099511628211ULL;
    return (size_t)(h % SLOTS);
}

int sl_cache_use(const char *key, void (*use)(void *ctx, const char *title, const char *content, size_t len),
                 void *ctx)
{
    size_t i = slot_of(key);
    int hit = 0;
    pthread_mutex_lock(&lock);
    if (slots[i].key && strcmp(slots[i].key, key) == 0) {
        use(ctx, slots[i].title, slots[i].content, slots[i].len);
        hit = 1;
    }
    pthread_mutex_unlock(&lock);
    return hit;
}

void sl_cache_put(const char *key, const char *title, const char *content, size_t len)
{
    if (len > MAX_PAGE)
        return;
    char *key_copy = sl_strdup(key), *title_copy = sl_strdup(title ? title : "");
    char *content_copy = sl_strndup(content, len);
    size_t i = slot_of(key);
    pthread_mutex_lock(&lock);
    char *old_key = slots[i].key, *old_content = slots[i].content, *old_title = slots[i].title;
    slots[i].key = key_copy;
    slots[i].content = content_copy;
    slots[i].len = len;
    slots[i].title = title_copy;
    pthread_mutex_unlock(&lock);
    free(old_title);
    free(old_key);
    free(old_content);
}

void sl_cache_clear(void)
{
    pthread_mutex_lock(&lock);
    for (size_t i = 0; i < SLOTS; i++) {
        free(slots[i].key);
        free(slots[i].title);
        free(slots[i].content);
        slots[i] = (slot){0};
    }
    pthread_mutex_unlock(&lock);
}
