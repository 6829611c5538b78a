/* error.c — recording and printing error values (see error.h). */
#include "util/error.h"

#include <stdarg.h>
#include <string.h>

#include "util/buf.h"

/* Ends a message that did not fit its field with "…" after its last whole
 * UTF-8 character: error text is for display, and is never cut mid-character. */
static void mark_cut(char *field, size_t size)
{
    static const char ellipsis[] = "\xE2\x80\xA6";
    size_t keep = sl_utf8_cut(field, strlen(field), size - sizeof ellipsis);
    memcpy(field + keep, ellipsis, sizeof ellipsis);
}

/* Fills err from a va_list; the first error recorded wins. */
__attribute__((format(printf, 5, 0))) static void record(sl_error *err, sl_error_code code, const char *file, long line, const char *fmt,
                   va_list ap)
{
    if (!err || err->set)
        return;
    err->set = 1;
    err->code = code;
    if ((size_t)snprintf(err->file, sizeof err->file, "%s", file ? file : "") >= sizeof err->file)
        mark_cut(err->file, sizeof err->file);
    err->line = line;
    int n = vsnprintf(err->message, sizeof err->message, fmt, ap);
    if (n > 0 && (size_t)n >= sizeof err->message)
        mark_cut(err->message, sizeof err->message);
}

int sl_fail(sl_error *err, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    record(err, SL_ERR_FAILED, NULL, 0, fmt, ap);
    va_end(ap);
    return -1;
}

int sl_fail_code(sl_error *err, sl_error_code code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    record(err, code, NULL, 0, fmt, ap);
    va_end(ap);
    return -1;
}

int sl_fail_at(sl_error *err, const char *file, long line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    record(err, SL_ERR_INVALID, file, line, fmt, ap);
    va_end(ap);
    return -1;
}

int sl_fail_code_at(sl_error *err, sl_error_code code, const char *file, long line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    record(err, code, file, line, fmt, ap);
    va_end(ap);
    return -1;
}

const char *sl_error_code_name(sl_error_code code)
{
    static const char *const names[] = {"none", "failed", "invalid", "not-found",
                                        "exists", "stale", "limit", "denied"};
    return (unsigned)code < sizeof names / sizeof *names ? names[code] : "failed";
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
