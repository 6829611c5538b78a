/* error.h — errors as values. A function that can fail takes an sl_error *
 * and returns -1 (or NULL) after filling it; the caller reports it once, at
 * the boundary, as "file:line: message" (or "message" with no file). */
#ifndef SL_UTIL_ERROR_H
#define SL_UTIL_ERROR_H
#include <stdio.h>

typedef struct {
    int set;            /* 1 once an error has been recorded */
    char file[256];     /* the input file involved, "" when none */
    long line;          /* 1-based line in file, 0 when unknown */
    char message[768];
} sl_error;

/* Records an error with no file location; returns -1 so callers can `return sl_fail(...)`. */
int sl_fail(sl_error *err, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Records an error at file:line; returns -1. */
int sl_fail_at(sl_error *err, const char *file, long line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* Prints the error to out as "file:line: message" (or "sightline: message"). */
void sl_error_print(const sl_error *err, FILE *out);

#endif
