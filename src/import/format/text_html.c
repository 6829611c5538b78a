/* text_html.c — clean text from converted cells (see text_html.h). */
#include "import/format/text_html.h"

#include <ctype.h>
#include <string.h>

#include "util/buf.h"

/* What separates the next piece of text from the last one written. */
typedef enum { GAP_NONE = 0, GAP_SPACE, GAP_LINE } gap;

typedef struct {
    sl_buf out;
    gap pending;                /* the widest gap asked for since the last text */
    int one_line;               /* line gaps are written as spaces */
} cleaner;

/* Marks that list items open with: each starts a new line. */
static const char *const bullets[] = {
    "\xE2\x80\xA2", /* • */
    "\xE2\x97\x8F", /* ● */
    "\xE2\x96\xAA", /* ▪ */
    "\xE2\x97\xBC", /* ◼ */
    "\xE2\x9C\x93", /* ✓ */
    "\xEF\x82\xB7", /* Word's Symbol-font bullet */
};

/* Asks for at least gap g before the next text. */
static void want_gap(cleaner *c, gap g)
{
    if (g > c->pending)
        c->pending = g;
}

/* Writes n bytes of text after the pending gap (none at the very start). */
static void put(cleaner *c, const char *s, size_t n)
{
    if (c->out.len > 0 && c->pending != GAP_NONE)
        sl_buf_putc(&c->out, c->pending == GAP_LINE && !c->one_line ? '\n' : ' ');
    c->pending = GAP_NONE;
    sl_buf_add(&c->out, s, n);
}

/* Returns 1 when the n bytes are one of the list bullets (all are three bytes). */
static int is_bullet(const char *s, size_t n)
{
    if (n != 3)
        return 0;
    for (size_t i = 0; i < sizeof bullets / sizeof bullets[0]; i++)
        if (memcmp(bullets[i], s, 3) == 0)
            return 1;
    return 0;
}

/* Writes one character (n bytes): white space and control bytes become a
 * gap, a bullet starts a line, anything else is copied. */
static void put_char(cleaner *c, const char *s, size_t n)
{
    unsigned char ch = (unsigned char)s[0];
    if (n == 1 && ch == '\n')
        want_gap(c, GAP_LINE);
    else if ((n == 1 && (ch <= ' ' || ch == 0x7F)) || (n == 2 && ch == 0xC2 && (unsigned char)s[1] == 0xA0))
        want_gap(c, GAP_SPACE);
    else if (is_bullet(s, n)) {
        want_gap(c, GAP_LINE);
        put(c, s, n);
        want_gap(c, GAP_SPACE);
    } else
        put(c, s, n);
}

/* Returns the byte length of the UTF-8 character opening s (1 for a stray byte). */
static size_t char_length(const char *s, size_t n)
{
    unsigned char c = (unsigned char)s[0];
    size_t want = c >= 0xF0 && c < 0xF8 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    for (size_t i = 1; i < want; i++)
        if (i >= n || ((unsigned char)s[i] & 0xC0) != 0x80)
            return 1;
    return want;
}

/* Reads an HTML tag opening s (s[0] == '<'); returns its length, or 0 when
 * the '<' opens no tag. Its name, lower-cased and cut to 7 letters, goes to
 * name; *closing is set for an end tag ("</li>"). */
static size_t read_tag(const char *s, size_t n, char name[8], int *closing)
{
    size_t i = 1, k = 0;
    *closing = i < n && s[i] == '/';
    i += (size_t)*closing;
    if (i >= n || !(isalpha((unsigned char)s[i]) || s[i] == '!'))
        return 0;
    for (; i < n && isalnum((unsigned char)s[i]); i++)
        if (k < 7)
            name[k++] = (char)tolower((unsigned char)s[i]);
    name[k] = '\0';
    for (; i < n && i < 512; i++) {
        if (s[i] == '>')
            return i + 1;
        if (s[i] == '<' || s[i] == '\n')
            return 0;
    }
    return 0;
}

/* Applies what a tag means to the text around it: a list item opens a
 * bullet line, block tags break the line, cells are spaced. */
static void apply_tag(cleaner *c, const char *name, int closing)
{
    static const char *const line_tags[] = {"p", "br", "ul", "ol", "div", "tr", "table",
                                            "h1", "h2", "h3", "h4", "h5", "h6"};
    if (strcmp(name, "li") == 0) {
        if (closing)
            want_gap(c, GAP_LINE);
        else
            put_char(c, bullets[0], strlen(bullets[0]));
        return;
    }
    for (size_t i = 0; i < sizeof line_tags / sizeof line_tags[0]; i++)
        if (strcmp(name, line_tags[i]) == 0)
            want_gap(c, GAP_LINE);
    if (strcmp(name, "td") == 0 || strcmp(name, "th") == 0)
        want_gap(c, GAP_SPACE);
}

/* Writes code point cp as UTF-8 into out; returns its length, 0 when it is
 * not a character a document may hold. */
static size_t encode_utf8(unsigned long cp, char out[4])
{
    if (cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
        return 0;
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* Reads a numeric entity's digits ("#39", "#x2022", n bytes) as a code point; returns 0 when bad. */
static unsigned long numeric_entity(const char *s, size_t n)
{
    int hex = n > 1 && (s[1] == 'x' || s[1] == 'X');
    size_t i = hex ? 2 : 1;
    unsigned long cp = 0;
    if (i >= n)
        return 0;
    for (; i < n; i++) {
        int d = isdigit((unsigned char)s[i]) ? s[i] - '0'
                : hex && isxdigit((unsigned char)s[i]) ? (tolower((unsigned char)s[i]) - 'a' + 10)
                                                       : -1;
        if (d < 0)
            return 0;
        cp = cp * (hex ? 16 : 10) + (unsigned long)d;
        if (cp > 0x10FFFF)
            return 0;
    }
    return cp;
}

/* Reads an entity opening s (s[0] == '&'); returns its length and writes the
 * character it stands for into out (*out_len bytes), or returns 0. */
static size_t read_entity(const char *s, size_t n, char out[4], size_t *out_len)
{
    static const struct {
        const char *name;
        const char *text;
    } named[] = {
        {"amp", "&"},  {"lt", "<"},  {"gt", ">"},  {"quot", "\""},
        {"apos", "'"}, {"nbsp", " "}, {"ndash", "\xE2\x80\x93"}, {"mdash", "\xE2\x80\x94"},
        {"pound", "\xC2\xA3"}, {"lsquo", "\xE2\x80\x98"}, {"rsquo", "\xE2\x80\x99"},
        {"ldquo", "\xE2\x80\x9C"}, {"rdquo", "\xE2\x80\x9D"}, {"hellip", "\xE2\x80\xA6"},
        {"bull", "\xE2\x80\xA2"},
    };
    size_t end = 1;
    while (end < n && end < 12 && s[end] != ';')
        end++;
    if (end >= n || s[end] != ';' || end == 1)
        return 0;
    const char *name = s + 1;
    size_t name_len = end - 1;
    if (name[0] == '#') {
        *out_len = encode_utf8(numeric_entity(name, name_len), out);
        return *out_len ? end + 1 : 0;
    }
    for (size_t i = 0; i < sizeof named / sizeof named[0]; i++) {
        if (strlen(named[i].name) == name_len && memcmp(named[i].name, name, name_len) == 0) {
            *out_len = strlen(named[i].text);
            memcpy(out, named[i].text, *out_len);
            return end + 1;
        }
    }
    return 0;
}

/* Cleans len bytes of text, on one line or keeping line breaks; the caller frees the result. */
static char *clean(const char *text, size_t len, int one_line)
{
    cleaner c = {SL_BUF_INIT, GAP_NONE, one_line};
    for (size_t i = 0; i < len;) {
        char name[8], piece[4];
        size_t used, piece_len;
        int closing;
        unsigned char ch = (unsigned char)text[i];
        if (ch > ' ' && ch < 0x7F && ch != '<' && ch != '&') {
            /* A run of plain printable ASCII is copied in one go. */
            size_t end = i + 1;
            while (end < len && (unsigned char)text[end] > ' ' && (unsigned char)text[end] < 0x7F &&
                   text[end] != '<' && text[end] != '&')
                end++;
            put(&c, text + i, end - i);
            i = end;
            continue;
        }
        if (text[i] == '<' && (used = read_tag(text + i, len - i, name, &closing)) > 0) {
            apply_tag(&c, name, closing);
        } else if (text[i] == '&' && (used = read_entity(text + i, len - i, piece, &piece_len)) > 0) {
            put_char(&c, piece, piece_len);
        } else {
            used = char_length(text + i, len - i);
            put_char(&c, text + i, used);
        }
        i += used;
    }
    return sl_buf_take(&c.out);
}

char *sl_text_clean(const char *text, size_t len)
{
    return clean(text, len, 0);
}

char *sl_text_clean_inline(const char *text, size_t len)
{
    return clean(text, len, 1);
}
