/* buf.c — the growable buffer and its escaping routines (see buf.h). */
#include "util/buf.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "util/mem.h"

/* Makes room for at least extra more bytes plus a NUL. */
static void reserve(sl_buf *b, size_t extra)
{
    size_t need = b->len + extra + 1;
    if (need <= b->cap)
        return;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < need)
        cap *= 2;
    b->data = sl_realloc(b->data, cap);
    b->cap = cap;
}

void sl_buf_free(sl_buf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

void sl_buf_reset(sl_buf *b)
{
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
}

const char *sl_buf_str(sl_buf *b)
{
    return b->data ? b->data : "";
}

char *sl_buf_take(sl_buf *b)
{
    char *s = b->data ? b->data : sl_strdup("");
    b->data = NULL;
    b->len = b->cap = 0;
    return s;
}

void sl_buf_reserve(sl_buf *b, size_t n)
{
    reserve(b, n);
}

void sl_buf_add(sl_buf *b, const char *bytes, size_t n)
{
    reserve(b, n);
    memcpy(b->data + b->len, bytes, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void sl_buf_puts(sl_buf *b, const char *s)
{
    if (s)
        sl_buf_add(b, s, strlen(s));
}

void sl_buf_putc(sl_buf *b, char c)
{
    if (b->len + 2 > b->cap)
        reserve(b, 1);
    b->data[b->len++] = c;
    b->data[b->len] = '\0';
}

void sl_buf_printf(sl_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n <= 0)
        return;
    reserve(b, (size_t)n);
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

void sl_buf_int(sl_buf *b, long long value)
{
    char digits[24];
    int n = 0;
    unsigned long long magnitude = value < 0 ? 0ULL - (unsigned long long)value : (unsigned long long)value;
    do {
        digits[sizeof digits - 1 - n++] = (char)('0' + magnitude % 10);
        magnitude /= 10;
    } while (magnitude);
    if (value < 0)
        digits[sizeof digits - 1 - n++] = '-';
    sl_buf_add(b, digits + sizeof digits - n, (size_t)n);
}

void sl_buf_html(sl_buf *b, const char *s)
{
    if (!s)
        return;
    const char *run = s;
    for (; *s; s++) {
        const char *entity;
        switch (*s) {
        case '&': entity = "&amp;"; break;
        case '<': entity = "&lt;"; break;
        case '>': entity = "&gt;"; break;
        case '"': entity = "&quot;"; break;
        case '\'': entity = "&#39;"; break;
        default: continue;
        }
        sl_buf_add(b, run, (size_t)(s - run));
        sl_buf_puts(b, entity);
        run = s + 1;
    }
    sl_buf_add(b, run, (size_t)(s - run));
}

void sl_buf_json_str(sl_buf *b, const char *s)
{
    if (!s)
        sl_buf_puts(b, "null");
    else
        sl_buf_json_strn(b, s, strlen(s));
}

void sl_buf_json_strn(sl_buf *b, const char *s, size_t n)
{
    const char *end = s + n;
    reserve(b, n + 2);
    sl_buf_putc(b, '"');
    const char *run = s;
    for (; s < end; s++) {
        unsigned char c = (unsigned char)*s;
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        sl_buf_add(b, run, (size_t)(s - run));
        run = s + 1;
        switch (c) {
        case '"': sl_buf_puts(b, "\\\""); break;
        case '\\': sl_buf_puts(b, "\\\\"); break;
        case '\n': sl_buf_puts(b, "\\n"); break;
        case '\r': sl_buf_puts(b, "\\r"); break;
        case '\t': sl_buf_puts(b, "\\t"); break;
        default: sl_buf_printf(b, "\\u%04x", c);
        }
    }
    sl_buf_add(b, run, (size_t)(s - run));
    sl_buf_putc(b, '"');
}

void sl_buf_csv_field(sl_buf *b, const char *s)
{
    if (!s)
        return;
    if (!strpbrk(s, ",\"\r\n")) {
        sl_buf_puts(b, s);
        return;
    }
    sl_buf_putc(b, '"');
    for (; *s; s++) {
        if (*s == '"')
            sl_buf_putc(b, '"');
        sl_buf_putc(b, *s);
    }
    sl_buf_putc(b, '"');
}

void sl_buf_url(sl_buf *b, const char *s)
{
    static const char hex[] = "0123456789ABCDEF";
    for (; s && *s; s++) {
        unsigned char c = (unsigned char)*s;
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
            c == '-' || c == '_' || c == '.' || c == '~') {
            sl_buf_putc(b, (char)c);
        } else {
            char enc[3] = {'%', hex[c >> 4], hex[c & 15]};
            sl_buf_add(b, enc, 3);
        }
    }
}

size_t sl_utf8_width(const char *s)
{
    size_t n = 0;
    for (; s && *s; s++)
        if (((unsigned char)*s & 0xC0) != 0x80)
            n++;
    return n;
}

void sl_buf_cell(sl_buf *b, const char *s, int width)
{
    if (!s)
        s = "";
    size_t w = sl_utf8_width(s);
    if ((int)w <= width) {
        sl_buf_puts(b, s);
        for (int i = (int)w; i < width; i++)
            sl_buf_putc(b, ' ');
        return;
    }
    /* Cut to width-1 characters and mark the cut with an ellipsis. */
    int kept = 0;
    const char *p = s;
    while (*p && kept < width - 1) {
        p++;
        while (((unsigned char)*p & 0xC0) == 0x80)
            p++;
        kept++;
    }
    sl_buf_add(b, s, (size_t)(p - s));
    if (width > 0)
        sl_buf_puts(b, "\xE2\x80\xA6");
}

int sl_buf_write(sl_buf *b, FILE *out)
{
    if (b->len && fwrite(b->data, 1, b->len, out) != b->len)
        return -1;
    return 0;
}

int sl_utf8_valid(const char *s, size_t n, size_t *bad_offset)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    while (i < n) {
        unsigned char c = u[i];
        size_t extra;
        unsigned min;
        unsigned cp;
        if (c < 0x80) {
            i++;
            continue;
        } else if ((c & 0xE0) == 0xC0) {
            extra = 1, min = 0x80, cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            extra = 2, min = 0x800, cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            extra = 3, min = 0x10000, cp = c & 0x07;
        } else {
            goto bad;
        }
        for (size_t k = 1; k <= extra; k++) {
            if (i + k >= n || (u[i + k] & 0xC0) != 0x80)
                goto bad;
            cp = (cp << 6) | (u[i + k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            goto bad;
        i += extra + 1;
    }
    return 1;
bad:
    if (bad_offset)
        *bad_offset = i;
    return 0;
}
