/* error.c — recording and printing error values (see error.h). */
#include "util/error.h"

#include <stdarg.h>
#include <string.h>

/* Fills err from a va_list; the first error recorded wins. */
__attribute__((format(printf, 4, 0))) static void record(sl_error *err, const char *file, long line, const char *fmt, va_list ap)
{
    if (!err || err->set)
        return;
    err->set = 1;
    snprintf(err->file, sizeof err->file, "%s", file ? file : "");
    err->line = line;
    vsnprintf(err->message, sizeof err->message, fmt, ap);
}

int sl_fail(sl_error *err, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    record(err, NULL, 0, fmt, ap);
    va_end(ap);
    return -1;
}

int sl_fail_at(sl_error *err, const char *file, long line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    record(err, file, line, fmt, ap);
    va_end(ap);
    return -1;
}

void sl_error_print(const sl_error *err, FILE *out)
{
    if (!err->set)
        fprintf(out, "sightline: unknown error\n");
    else if (err->file[0] && err->line > 0)
        fprintf(out, "%s:%ld: %s\n", err->file, err->line, err->message);
    else if (err->file[0])
        fprintf(out, "%s: %s\n", err->file, err->message);
    else
        fprintf(out, "sightline: %s\n", err->message);
}
