/* buf.c — the growable buffer and its escaping routines (see buf.h). */
#include "util/buf.h"

#include <limits.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

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

/* Appends the n bytes of s escaped for HTML text or a quoted attribute value. */
static void html_n(sl_buf *b, const char *s, size_t n)
{
    if (!s)
        return;
    const char *run = s, *end = s + n;
    for (; s < end; s++) {
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

void sl_buf_html(sl_buf *b, const char *s)
{
    if (s)
        html_n(b, s, strlen(s));
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
        default: sl_buf_cprintf(b, "\\u%04x", c);
        }
    }
    sl_buf_add(b, run, (size_t)(s - run));
    sl_buf_putc(b, '"');
}

/* Appends the n bytes of s as one CSV field (see sl_buf_csv_field). */
static void csv_n(sl_buf *b, const char *s, size_t n)
{
    if (!s)
        return;
    const char *end = s + n;
    int quote = 0;
    for (const char *p = s; p < end && !quote; p++)
        quote = *p == ',' || *p == '"' || *p == '\r' || *p == '\n';
    if (!quote) {
        sl_buf_add(b, s, n);
        return;
    }
    sl_buf_putc(b, '"');
    for (; s < end; s++) {
        if (*s == '"')
            sl_buf_putc(b, '"');
        sl_buf_putc(b, *s);
    }
    sl_buf_putc(b, '"');
}

void sl_buf_csv_field(sl_buf *b, const char *s)
{
    if (s)
        csv_n(b, s, strlen(s));
}

/* Appends the n bytes of s percent-encoded for a URL query component. */
static void url_n(sl_buf *b, const char *s, size_t n)
{
    static const char hex[] = "0123456789ABCDEF";
    for (size_t i = 0; s && i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
            c == '-' || c == '_' || c == '.' || c == '~') {
            sl_buf_putc(b, (char)c);
        } else {
            char enc[3] = {'%', hex[c >> 4], hex[c & 15]};
            sl_buf_add(b, enc, 3);
        }
    }
}

void sl_buf_url(sl_buf *b, const char *s)
{
    if (s)
        url_n(b, s, strlen(s));
}

/* One conversion specification of a format, as read by parse_spec. */
typedef struct {
    char flags[6];      /* each of "-+ #0" at most once */
    int width;          /* -1: none */
    int precision;      /* -1: none */
    int width_star;     /* the width (or precision) is the next int argument */
    int precision_star;
    char length[3];     /* "", "hh", "h", "l", "ll", "z", "j", "t" or "L" */
    char conv;          /* the conversion character; '\0' when the format ends first */
} conv_spec;

/* Reads the decimal number at *p (capped at INT_MAX) and moves *p past it. */
static int read_number(const char **p)
{
    long n = 0;
    for (; **p >= '0' && **p <= '9'; (*p)++)
        if (n < INT_MAX)
            n = n * 10 + (**p - '0');
    return n > INT_MAX ? INT_MAX : (int)n;
}

/* Returns 1 when c is a conversion that C's h and hh length modifiers apply to. */
static int short_conv(char c)
{
    return c && strchr("diouxXn", c);
}

/* Reads the specification after a '%' at p into *c; returns the character after it. */
static const char *parse_spec(const char *p, conv_spec *c)
{
    memset(c, 0, sizeof *c);
    c->width = c->precision = -1;
    for (size_t n = 0; *p && strchr("-+ #0", *p); p++)
        if (!memchr(c->flags, *p, n))
            c->flags[n++] = *p;
    if (*p == '*') {
        c->width_star = 1;
        p++;
    } else if (*p >= '0' && *p <= '9') {
        c->width = read_number(&p);
    }
    if (*p == '.') {
        p++;
        if (*p == '*') {
            c->precision_star = 1;
            p++;
        } else {
            c->precision = read_number(&p);
        }
    }
    if (*p == 'h' && p[1] == 'h' && short_conv(p[2])) {
        memcpy(c->length, "hh", 2);
        p += 2;
    } else if (*p == 'h' && short_conv(p[1])) {
        c->length[0] = *p++;
    } else if (*p == 'l' && p[1] == 'l') {
        memcpy(c->length, "ll", 2);
        p += 2;
    } else if (*p && strchr("lzjtL", *p)) {
        c->length[0] = *p++;
    }
    c->conv = *p;
    return *p ? p + 1 : p;
}

/* Writes c back as a format of one conversion (no '*': stars are resolved)
 * into text, which holds at least SPEC_TEXT bytes. */
#define SPEC_TEXT 48
static void spec_text(const conv_spec *c, char *text)
{
    int at = snprintf(text, SPEC_TEXT, "%%%s", c->flags);
    if (c->width >= 0)
        at += snprintf(text + at, SPEC_TEXT - (size_t)at, "%d", c->width);
    if (c->precision >= 0)
        at += snprintf(text + at, SPEC_TEXT - (size_t)at, ".%d", c->precision);
    snprintf(text + at, SPEC_TEXT - (size_t)at, "%s%c", c->length, c->conv);
}

/* The standard conversions go to snprintf one at a time, with a format that
 * spec_text rebuilt from the caller's literal format (never from data), so
 * the compiler's check of non-literal formats is off for these functions. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"

/* Appends the next argument, of the given type, formatted by the
 * one-conversion format text (the argument is read once). */
#define APPEND_ONE(b, text, ap, type)                                                     \
    do {                                                                                  \
        type value_ = va_arg(*(ap), type);                                                \
        reserve((b), 32);                                                                 \
        int n_ = snprintf((b)->data + (b)->len, (b)->cap - (b)->len, (text), value_);     \
        if (n_ < 0)                                                                       \
            break;                                                                        \
        if ((size_t)n_ >= (b)->cap - (b)->len) {                                          \
            reserve((b), (size_t)n_);                                                     \
            snprintf((b)->data + (b)->len, (b)->cap - (b)->len, (text), value_);          \
        }                                                                                 \
        (b)->len += (size_t)n_;                                                           \
    } while (0)

/* Appends one signed (d i) or unsigned (o u x X) integer argument of the spec's length. */
static void put_integer(sl_buf *b, const conv_spec *c, const char *text, va_list *ap)
{
    int is_signed = c->conv == 'd' || c->conv == 'i';
    switch (c->length[0]) {
    case 'l':
        if (c->length[1] == 'l') {
            if (is_signed)
                APPEND_ONE(b, text, ap, long long);
            else
                APPEND_ONE(b, text, ap, unsigned long long);
        } else if (is_signed) {
            APPEND_ONE(b, text, ap, long);
        } else {
            APPEND_ONE(b, text, ap, unsigned long);
        }
        break;
    case 'z':
        APPEND_ONE(b, text, ap, size_t);
        break;
    case 'j':
        if (is_signed)
            APPEND_ONE(b, text, ap, intmax_t);
        else
            APPEND_ONE(b, text, ap, uintmax_t);
        break;
    case 't':
        APPEND_ONE(b, text, ap, ptrdiff_t);
        break;
    default: /* none, h, hh: promoted to int */
        if (is_signed)
            APPEND_ONE(b, text, ap, int);
        else
            APPEND_ONE(b, text, ap, unsigned int);
    }
}

/* Stores the number of bytes this call has appended so far (%n) where the argument points. */
static void put_count(const conv_spec *c, size_t written, va_list *ap)
{
    long long n = (long long)written;
    if (strcmp(c->length, "hh") == 0)
        *va_arg(*ap, signed char *) = (signed char)n;
    else if (strcmp(c->length, "h") == 0)
        *va_arg(*ap, short *) = (short)n;
    else if (strcmp(c->length, "l") == 0)
        *va_arg(*ap, long *) = (long)n;
    else if (strcmp(c->length, "ll") == 0)
        *va_arg(*ap, long long *) = n;
    else if (strcmp(c->length, "z") == 0)
        *va_arg(*ap, size_t *) = written;
    else if (strcmp(c->length, "j") == 0)
        *va_arg(*ap, intmax_t *) = (intmax_t)n;
    else if (strcmp(c->length, "t") == 0)
        *va_arg(*ap, ptrdiff_t *) = (ptrdiff_t)n;
    else
        *va_arg(*ap, int *) = (int)n;
}

/* Appends one argument of a standard C conversion (anything but %n and the
 * escaping ones); returns 0, or -1 when the conversion is not one C knows. */
static int put_standard(sl_buf *b, const conv_spec *c, va_list *ap)
{
    char text[SPEC_TEXT];
    spec_text(c, text);
    if (strchr("diouxX", c->conv)) {
        put_integer(b, c, text, ap);
    } else if (strchr("fFeEgGA", c->conv)) {
        if (c->length[0] == 'L')
            APPEND_ONE(b, text, ap, long double);
        else
            APPEND_ONE(b, text, ap, double);
    } else if (c->conv == 'c') {
        if (c->length[0] == 'l')
            APPEND_ONE(b, text, ap, wint_t);
        else
            APPEND_ONE(b, text, ap, int);
    } else if (c->conv == 's') {
        if (c->length[0] == 'l')
            APPEND_ONE(b, text, ap, const wchar_t *);
        else
            APPEND_ONE(b, text, ap, const char *);
    } else if (c->conv == 'p') {
        APPEND_ONE(b, text, ap, void *);
    } else {
        return -1;
    }
    return 0;
}
#undef APPEND_ONE

/* Appends the string argument of an escaping conversion (h a U J C R; see buf.h). */
static void put_escaped(sl_buf *b, const conv_spec *c, const char *s)
{
    size_t n = !s ? 0 : c->precision >= 0 ? strnlen(s, (size_t)c->precision) : strlen(s);
    switch (c->conv) {
    case 'h':
    case 'a':
        html_n(b, s, n);
        break;
    case 'U':
        url_n(b, s, n);
        break;
    case 'J':
        if (s)
            sl_buf_json_strn(b, s, n);
        else
            sl_buf_puts(b, "null");
        break;
    case 'C':
        csv_n(b, s, n);
        break;
    default: /* 'R': already markup */
        if (s)
            sl_buf_add(b, s, n);
    }
}

/* Appends fmt with each conversion replaced by its argument from *ap (see sl_buf_printf). */
static void format_v(sl_buf *b, const char *fmt, va_list *ap)
{
    size_t start = b->len;
    while (*fmt) {
        const char *pct = strchr(fmt, '%');
        if (!pct) {
            sl_buf_puts(b, fmt);
            return;
        }
        if (pct > fmt)
            sl_buf_add(b, fmt, (size_t)(pct - fmt));
        conv_spec c;
        const char *next = parse_spec(pct + 1, &c);
        if (c.width_star) {
            int w = va_arg(*ap, int);
            if (w < 0 && !memchr(c.flags, '-', strlen(c.flags)))
                c.flags[strlen(c.flags)] = '-';
            c.width = w >= 0 ? w : w < -INT_MAX ? INT_MAX : -w;
        }
        if (c.precision_star) {
            int p = va_arg(*ap, int);
            c.precision = p >= 0 ? p : -1;
        }
        if (c.conv == '%')
            sl_buf_putc(b, '%');
        else if (c.conv && strchr("haUJCR", c.conv))
            put_escaped(b, &c, va_arg(*ap, const char *));
        else if (c.conv == 'n')
            put_count(&c, b->len - start, ap);
        else if (put_standard(b, &c, ap) < 0)
            sl_buf_add(b, pct, (size_t)(next - pct)); /* not a conversion: kept as written */
        fmt = next;
    }
}
#pragma GCC diagnostic pop

void sl_buf_printf(sl_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    format_v(b, fmt, &ap);
    va_end(ap);
}

void sl_buf_vcprintf(sl_buf *b, const char *fmt, va_list ap)
{
    va_list again;
    va_copy(again, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    if (n > 0) {
        reserve(b, (size_t)n);
        vsnprintf(b->data + b->len, (size_t)n + 1, fmt, again);
        b->len += (size_t)n;
    }
    va_end(again);
}

void sl_buf_cprintf(sl_buf *b, const char *fmt, ...)
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

size_t sl_utf8_width(const char *s)
{
    size_t n = 0;
    for (; s && *s; s++)
        if (((unsigned char)*s & 0xC0) != 0x80)
            n++;
    return n;
}

size_t sl_utf8_cut(const char *s, size_t n, size_t max)
{
    if (n <= max)
        return n;
    size_t cut = max;
    /* Step back over continuation bytes to the start of the character cut through. */
    while (cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80)
        cut--;
    return cut;
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
