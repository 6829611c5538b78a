/* error.h — errors as values. A function that can fail takes an sl_error *
 * and returns -1 (or NULL) after filling it; the caller reports it once, at
 * the boundary, as "file:line: message" (or "message" with no file). */
#ifndef SL_UTIL_ERROR_H
#define SL_UTIL_ERROR_H
#include <stdio.h>

/* What kind of failure an error is, so that callers branch on the code and
 * never on the words of the message. */
typedef enum {
    SL_ERR_NONE = 0,
    SL_ERR_FAILED,      /* anything not named below (storage, I/O, a broken file) */
    SL_ERR_INVALID,     /* bad input: a file, a field or an argument that cannot be used */
    SL_ERR_NOT_FOUND,   /* the plan, action, board or account named does not exist */
    SL_ERR_EXISTS,      /* it exists already (a unique name or day taken) */
    SL_ERR_STALE,       /* made against a version that is no longer current */
    SL_ERR_LIMIT,       /* over a size, count or time limit */
    SL_ERR_DENIED       /* the user may not do this */
} sl_error_code;

typedef struct {
    int set;            /* 1 once an error has been recorded */
    sl_error_code code; /* SL_ERR_FAILED unless the one who failed said more */
    char file[256];     /* the input file involved, "" when none */
    long line;          /* 1-based line in file, 0 when unknown */
    char message[768];
} sl_error;

/* Records an error (SL_ERR_FAILED) with no file location; returns -1 so callers can `return sl_fail(...)`. */
int sl_fail(sl_error *err, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Records an error of a given kind with no file location; returns -1. */
int sl_fail_code(sl_error *err, sl_error_code code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Records an error at file:line (an SL_ERR_INVALID: the file's content is at fault); returns -1. */
int sl_fail_at(sl_error *err, const char *file, long line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* Records an error of a given kind at file:line; returns -1. */
int sl_fail_code_at(sl_error *err, sl_error_code code, const char *file, long line, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
/* Returns the code's name ("stale", "not-found"); static storage. */
const char *sl_error_code_name(sl_error_code code);
/* Prints the error to out as "file:line: message" (or "sightline: message"). */
void sl_error_print(const sl_error *err, FILE *out);

#endif
