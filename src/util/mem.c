/* mem.c — allocation wrappers that abort on exhaustion (see mem.h). */
#include "util/mem.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Reports exhaustion and stops the program: there is no sensible recovery. */
static void out_of_memory(size_t n)
{
    fprintf(stderr, "sightline: out of memory (%zu bytes)\n", n);
    abort();
}

void *sl_calloc(size_t n)
{
    void *p = calloc(1, n ? n : 1);
    if (!p)
        out_of_memory(n);
    return p;
}

void *sl_realloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q)
        out_of_memory(n);
    return q;
}

char *sl_strndup(const char *s, size_t n)
{
    char *copy = sl_calloc(n + 1);
    memcpy(copy, s, n);
    return copy;
}

char *sl_strdup(const char *s)
{
    return s ? sl_strndup(s, strlen(s)) : NULL;
}
