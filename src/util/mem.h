/* mem.h — the out-of-memory policy, decided once: allocation failure prints a
 * message and aborts. Every other failure is an error value (util/error.h). */
#ifndef SL_UTIL_MEM_H
#define SL_UTIL_MEM_H
#include <stddef.h>

/* Returns n zeroed bytes; the caller frees them. Aborts when memory runs out. */
void *sl_calloc(size_t n);
/* Resizes p to n bytes; the caller frees the result. Aborts when memory runs out. */
void *sl_realloc(void *p, size_t n);
/* Returns a NUL-terminated copy of s (NULL gives NULL); the caller frees it. */
char *sl_strdup(const char *s);
/* Returns a NUL-terminated copy of the first n bytes of s; the caller frees it. */
char *sl_strndup(const char *s, size_t n);

#endif
