/* arena.h — a list of allocations freed together: a web request or a command
 * keeps the strings it copies out of the store here, so loaded records hold
 * `const char *` of any length instead of fixed-size copies. */
#ifndef SL_UTIL_ARENA_H
#define SL_UTIL_ARENA_H
#include <stddef.h>

typedef struct {
    void **blocks;      /* every allocation kept; owned */
    size_t n;
    size_t cap;
} sl_arena;

#define SL_ARENA_INIT {NULL, 0, 0}

/* Keeps p (from malloc; may be NULL) until sl_arena_free; returns p. */
void *sl_arena_keep(sl_arena *a, void *p);
/* Returns a copy of s ("" when s is NULL) owned by the arena. */
const char *sl_arena_strdup(sl_arena *a, const char *s);
/* Frees every allocation kept and empties the arena. */
void sl_arena_free(sl_arena *a);

#endif
