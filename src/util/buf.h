/* buf.h — a growable byte buffer with printf-style appends and the one set
 * of escaping routines for every output format: HTML text and attributes,
 * JSON strings, CSV fields and URL components. Output is built here, never by
 * raw concatenation of data into a format. */
#ifndef SL_UTIL_BUF_H
#define SL_UTIL_BUF_H
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

typedef struct {
    char *data;     /* always NUL-terminated once anything is appended; owned by the buffer */
    size_t len;
    size_t cap;
} sl_buf;

#define SL_BUF_INIT {NULL, 0, 0}

/* Frees the buffer's memory and empties it. */
void sl_buf_free(sl_buf *b);
/* Empties the buffer, keeping its memory for reuse. */
void sl_buf_reset(sl_buf *b);
/* Returns the contents as a NUL-terminated string ("" when empty); the buffer keeps ownership. */
const char *sl_buf_str(sl_buf *b);
/* Hands the contents to the caller (who frees them) and empties the buffer. */
char *sl_buf_take(sl_buf *b);
/* Makes room for n more bytes without appending (saves regrowing a big buffer). */
void sl_buf_reserve(sl_buf *b, size_t n);
/* Appends n bytes. */
void sl_buf_add(sl_buf *b, const char *bytes, size_t n);
/* Appends a NUL-terminated string (NULL appends nothing). */
void sl_buf_puts(sl_buf *b, const char *s);
/* Appends one byte. */
void sl_buf_putc(sl_buf *b, char c);
/* Appends formatted text. Never pass data as the format. Every conversion of
 * C's printf works as there (flags, width, precision, '*', the length
 * modifiers hh h l ll z j t L, %%), and six more escape their argument, a
 * const char *, for the place it lands in (after Fossil's printf):
 *   %h  HTML text: & < > " ' become entities (NULL appends nothing)
 *   %a  an HTML attribute value, for inside a quoted attribute ("..."): the
 *       same escaping as %h (so C's hexadecimal-float %a is not available)
 *   %U  a URL query component, percent-encoded as sl_buf_url
 *   %J  a JSON string literal with its quotes; NULL appends null
 *   %C  one CSV field, as sl_buf_csv_field
 *   %R  raw: markup our own code already built and escaped, appended as is.
 *       It is the one way to put a string into an HTML format unescaped, so
 *       every raw insertion can be found with grep '%R'.
 * A precision limits how many bytes of the argument are read (%.*h); flags
 * and width are ignored on these six. %h followed by one of d i o u x X n h
 * reads as C's short length modifier (%hd), so never write HTML text directly
 * before those letters. The compiler cannot check these conversions:
 * tests/tools/check_format.py checks every call (argument count and kinds). */
void sl_buf_printf(sl_buf *b, const char *fmt, ...);
/* Appends printf-formatted text with C's conversions only, checked by the
 * compiler: for plain text (no markup, no data that needs escaping). */
void sl_buf_cprintf(sl_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* sl_buf_cprintf with a va_list. */
void sl_buf_vcprintf(sl_buf *b, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));

/* Appends a decimal integer (faster than sl_buf_printf on hot paths). */
void sl_buf_int(sl_buf *b, long long value);
/* Appends s escaped for HTML text or a quoted attribute value (& < > " ' escaped). */
void sl_buf_html(sl_buf *b, const char *s);
/* Appends s as a JSON string literal with its quotes; NULL appends null. */
void sl_buf_json_str(sl_buf *b, const char *s);
/* Appends the first n bytes of s as a JSON string literal with its quotes. */
void sl_buf_json_strn(sl_buf *b, const char *s, size_t n);
/* Appends s as one RFC 4180 CSV field, quoted when it holds , " CR or LF. */
void sl_buf_csv_field(sl_buf *b, const char *s);
/* Appends s percent-encoded for a URL query component. */
void sl_buf_url(sl_buf *b, const char *s);
/* Appends s padded with spaces (or cut with "…") to exactly width display
 * columns, counting UTF-8 characters as one column each. */
void sl_buf_cell(sl_buf *b, const char *s, int width);

/* Writes the buffer to out; returns 0, or -1 on a write error. */
int sl_buf_write(sl_buf *b, FILE *out);

/* Returns the number of UTF-8 characters in s (display columns, approximately). */
size_t sl_utf8_width(const char *s);
/* Returns the length of the longest prefix of s (n bytes) that is at most max
 * bytes and does not end inside a UTF-8 character: where to cut text for display. */
size_t sl_utf8_cut(const char *s, size_t n, size_t max);
/* Returns 1 when the n bytes are valid UTF-8; sets *bad_offset to the first bad byte otherwise. */
int sl_utf8_valid(const char *s, size_t n, size_t *bad_offset);

#endif
