/* strmap.c — string → int64 hash map with linear probing (see strmap.h). */
#include "util/strmap.h"

#include <stdlib.h>
#include <string.h>

#include "util/mem.h"

/* FNV-1a hash of a NUL-terminated string. */
static uint64_t hash(const char *s)
{
    uint64_t h = 1469598103934665603ULL;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    return h;
}

/* Returns the slot holding key, or the empty slot where it belongs. */
static size_t slot_of(const sl_strmap *m, const char *key)
{
    size_t i = (size_t)hash(key) & (m->cap - 1);
    while (m->keys[i] && strcmp(m->keys[i], key) != 0)
        i = (i + 1) & (m->cap - 1);
    return i;
}

int sl_strmap_get(const sl_strmap *m, const char *key, int64_t *value)
{
    if (!m->cap)
        return 0;
    size_t i = slot_of(m, key);
    if (!m->keys[i])
        return 0;
    *value = m->values[i];
    return 1;
}

/* Doubles the table and re-inserts every key. */
static void grow(sl_strmap *m)
{
    sl_strmap bigger = {NULL, NULL, m->cap ? m->cap * 2 : 64, 0};
    bigger.keys = sl_calloc(bigger.cap * sizeof *bigger.keys);
    bigger.values = sl_calloc(bigger.cap * sizeof *bigger.values);
    for (size_t i = 0; i < m->cap; i++) {
        if (!m->keys[i])
            continue;
        size_t j = slot_of(&bigger, m->keys[i]);
        bigger.keys[j] = m->keys[i];
        bigger.values[j] = m->values[i];
        bigger.count++;
    }
    free(m->keys);
    free(m->values);
    *m = bigger;
}

void sl_strmap_put(sl_strmap *m, const char *key, int64_t value)
{
    if ((m->count + 1) * 2 > m->cap)
        grow(m);
    size_t i = slot_of(m, key);
    if (!m->keys[i]) {
        m->keys[i] = sl_strdup(key);
        m->count++;
    }
    m->values[i] = value;
}

void sl_strmap_free(sl_strmap *m)
{
    for (size_t i = 0; i < m->cap; i++)
        free(m->keys[i]);
    free(m->keys);
    free(m->values);
    memset(m, 0, sizeof *m);
}
