/* arena.c — allocations freed together (see arena.h). */
#include "util/arena.h"

#include <stdlib.h>

#include "util/mem.h"

void *sl_arena_keep(sl_arena *a, void *p)
{
    if (!p)
        return NULL;
    if (a->n == a->cap) {
        a->cap = a->cap ? a->cap * 2 : 8;
        a->blocks = sl_realloc(a->blocks, a->cap * sizeof *a->blocks);
    }
    a->blocks[a->n++] = p;
    return p;
}

const char *sl_arena_strdup(sl_arena *a, const char *s)
{
    return sl_arena_keep(a, sl_strdup(s ? s : ""));
}

void sl_arena_free(sl_arena *a)
{
    for (size_t i = 0; i < a->n; i++)
        free(a->blocks[i]);
    free(a->blocks);
    *a = (sl_arena)SL_ARENA_INIT;
}
