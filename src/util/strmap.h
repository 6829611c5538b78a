/* strmap.h — a small open-addressing hash map from strings to int64 values,
 * for lookups done many times in one pass (people by label during an import). */
#ifndef SL_UTIL_STRMAP_H
#define SL_UTIL_STRMAP_H
#include <stddef.h>
#include <stdint.h>

typedef struct {
    char **keys;        /* owned copies; NULL marks an empty slot */
    int64_t *values;
    size_t cap;         /* a power of two */
    size_t count;
} sl_strmap;

/* Returns 1 and sets *value when key is present, else 0. */
int sl_strmap_get(const sl_strmap *map, const char *key, int64_t *value);
/* Sets key to value (copying the key). */
void sl_strmap_put(sl_strmap *map, const char *key, int64_t value);
/* Frees the map's memory and empties it. */
void sl_strmap_free(sl_strmap *map);

#endif
