/* search.c — a search box's text as quoted prefix terms (search.h). */
#include "domain/search.h"

#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "util/mem.h"

/* Decodes the UTF-8 character at p (the text ends at its NUL): sets *cp and
 * returns its length, or 0 when the bytes there are not a valid character. */
static size_t utf8_at(const unsigned char *p, unsigned *cp)
{
    if (p[0] < 0x80) {
        *cp = p[0];
        return 1;
    }
    size_t n = p[0] >= 0xF0 ? 4 : p[0] >= 0xE0 ? 3 : p[0] >= 0xC2 ? 2 : 0;
    if (n == 0 || p[0] > 0xF4)
        return 0;
    unsigned v = p[0] & (0x7F >> n);
    for (size_t i = 1; i < n; i++) {
        if ((p[i] & 0xC0) != 0x80)
            return 0;
        v = (v << 6) | (p[i] & 0x3F);
    }
    static const unsigned least[] = {0, 0, 0x80, 0x800, 0x10000};
    if (v < least[n] || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
        return 0;
    *cp = v;
    return n;
}

/* Returns 1 when code point cp belongs in a term: ASCII letters and digits,
 * and non-ASCII characters outside the punctuation, symbol and space blocks. */
static int word_char(unsigned cp)
{
    if (cp < 0x80)
        return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
    if (cp <= 0xBF || cp == 0xD7 || cp == 0xF7)
        return 0;                               /* C1 controls, Latin-1 punctuation and signs */
    if ((cp >= 0x2000 && cp <= 0x2BFF) || (cp >= 0x3000 && cp <= 0x303F))
        return 0;                               /* general punctuation, symbols, CJK punctuation */
    if ((cp >= 0xFE10 && cp <= 0xFE6F) || (cp >= 0xFF00 && cp <= 0xFF0F) || cp >= 0xFFF0)
        return 0;                               /* forms, full-width punctuation, specials, emoji */
    return 1;
}

/* Adds the term of n bytes at p to q (lower-cased, cut to whole characters
 * within SL_SEARCH_MAX_TERM); ignored once q is full. */
static void add_term(sl_search_query *q, const char *p, size_t n)
{
    if (q->n >= SL_SEARCH_MAX_TERMS || n == 0)
        return;
    size_t keep = sl_utf8_cut(p, n, SL_SEARCH_MAX_TERM);
    char *t = sl_calloc(keep + 1);
    for (size_t i = 0; i < keep; i++)
        t[i] = (p[i] >= 'A' && p[i] <= 'Z') ? (char)(p[i] - 'A' + 'a') : p[i];
    q->terms[q->n++] = t;
}

int sl_search_parse(const char *text, sl_search_query *q)
{
    memset(q, 0, sizeof *q);
    const unsigned char *p = (const unsigned char *)(text ? text : "");
    const unsigned char *start = NULL;
    while (*p) {
        unsigned cp = 0;
        size_t len = utf8_at(p, &cp);
        int in_word = len > 0 && word_char(cp);
        if (in_word && !start)
            start = p;
        if (!in_word && start) {
            add_term(q, (const char *)start, (size_t)(p - start));
            start = NULL;
        }
        p += len ? len : 1;
    }
    if (start)
        add_term(q, (const char *)start, (size_t)(p - start));
    return q->n;
}

void sl_search_query_free(sl_search_query *q)
{
    for (int i = 0; i < q->n; i++)
        free(q->terms[i]);
    memset(q, 0, sizeof *q);
}

/* Joins q's terms, each between before and after, separated by sep; caller frees. */
static char *join_terms(const sl_search_query *q, const char *before, const char *after, const char *sep)
{
    sl_buf b = SL_BUF_INIT;
    for (int i = 0; i < q->n; i++) {
        if (i)
            sl_buf_puts(&b, sep);
        sl_buf_puts(&b, before);
        sl_buf_puts(&b, q->terms[i]);
        sl_buf_puts(&b, after);
    }
    return sl_buf_take(&b);
}

char *sl_search_fts5(const sl_search_query *q)
{
    return join_terms(q, "\"", "\"*", " ");
}

char *sl_search_tsquery(const sl_search_query *q)
{
    return join_terms(q, "'", "':*", " & ");
}

static const char *const kind_names[] = {"", "plan", "action", "update", "recommendation", "measure", "person"};
static const char *const kind_headings[] = {"", "Plans", "Actions", "Progress updates", "Recommendations",
                                            "Measures", "People"};

const char *sl_search_kind_name(int kind)
{
    return kind >= 1 && kind <= SL_SEARCH_N_KINDS ? kind_names[kind] : "";
}

const char *sl_search_kind_heading(int kind)
{
    return kind >= 1 && kind <= SL_SEARCH_N_KINDS ? kind_headings[kind] : "";
}

void sl_search_snippet_pieces(const char *snippet, sl_search_piece_cb cb, void *ctx)
{
    const char *p = snippet ? snippet : "";
    const char *piece = p;
    int marked = 0;
    for (;; p++) {
        int end = *p == '\0';
        int flip = (*p == SL_SEARCH_MARK_START && !marked) || (*p == SL_SEARCH_MARK_END && marked);
        int drop = *p == SL_SEARCH_MARK_START || *p == SL_SEARCH_MARK_END;
        if (end || drop) {
            if (p > piece)
                cb(ctx, piece, (size_t)(p - piece), marked);
            piece = p + 1;
            if (flip)
                marked = !marked;
        }
        if (end)
            break;
    }
}

void sl_search_path(sl_buf *b, int kind, long long link_id, const char *key)
{
    switch (kind) {
    case SL_SEARCH_PLAN:
        sl_buf_printf(b, "/plans/%lld", link_id);
        break;
    case SL_SEARCH_ACTION:
        sl_buf_printf(b, "/actions/%lld", link_id);
        break;
    case SL_SEARCH_UPDATE:
        sl_buf_printf(b, "/actions/%lld#history", link_id);
        break;
    case SL_SEARCH_RECOMMENDATION:
        sl_buf_printf(b, "/plans/%lld/recommendations#rec-%U", link_id, key ? key : "");
        break;
    case SL_SEARCH_MEASURE:
        sl_buf_printf(b, "/measure?code=%U", key ? key : "");
        break;
    default:
        sl_buf_puts(b, "/people");
    }
}

/* A word's place in a text: bytes [start, end), and whether a term begins it. */
typedef struct {
    size_t start, end;
    int hit;
} word_span;

/* Returns 1 when a term of q begins the n bytes of word w, ignoring ASCII case. */
static int term_begins(const sl_search_query *q, const char *w, size_t n)
{
    for (int t = 0; t < q->n; t++) {
        size_t len = strlen(q->terms[t]), i = 0;
        for (; i < len && i < n; i++) {
            char c = (w[i] >= 'A' && w[i] <= 'Z') ? (char)(w[i] - 'A' + 'a') : w[i];
            if (c != q->terms[t][i])
                break;
        }
        if (i == len)
            return 1;
    }
    return 0;
}

/* Cuts text into words as sl_search_parse does; sets *n; caller frees. */
static word_span *words_of(const sl_search_query *q, const char *text, size_t *n)
{
    word_span *w = NULL;
    size_t count = 0, cap = 0;
    const unsigned char *base = (const unsigned char *)text, *p = base, *start = NULL;
    for (;;) {
        unsigned cp = 0;
        size_t len = *p ? utf8_at(p, &cp) : 0;
        int in_word = len > 0 && word_char(cp);
        if (in_word && !start)
            start = p;
        if (!in_word && start) {
            if (count == cap)
                w = sl_realloc(w, (cap = cap ? cap * 2 : 16) * sizeof *w);
            w[count] = (word_span){(size_t)(start - base), (size_t)(p - base), 0};
            w[count].hit = term_begins(q, text + w[count].start, w[count].end - w[count].start);
            count++;
            start = NULL;
        }
        if (!*p)
            break;
        p += len ? len : 1;
    }
    *n = count;
    return w;
}

char *sl_search_mark(const sl_search_query *q, const char *text, int max_words)
{
    text = text ? text : "";
    size_t n = 0, first = 0, last, from = 0, to = strlen(text);
    word_span *w = words_of(q, text, &n);
    while (first < n && !w[first].hit)
        first++;
    if (max_words > 0 && n > (size_t)max_words) {
        size_t lead = (size_t)max_words / 3, begin = first == n || first < lead ? 0 : first - lead;
        if (begin + (size_t)max_words > n)
            begin = n - (size_t)max_words;
        last = begin + (size_t)max_words - 1;
        from = begin ? w[begin].start : 0;
        to = last + 1 < n ? w[last].end : to;
    }
    sl_buf b = SL_BUF_INIT;
    if (from > 0)
        sl_buf_puts(&b, "…");
    size_t at = from;
    for (size_t i = 0; i < n; i++) {
        if (!w[i].hit || w[i].start < from || w[i].end > to)
            continue;
        sl_buf_add(&b, text + at, w[i].start - at);
        sl_buf_putc(&b, SL_SEARCH_MARK_START);
        sl_buf_add(&b, text + w[i].start, w[i].end - w[i].start);
        sl_buf_putc(&b, SL_SEARCH_MARK_END);
        at = w[i].end;
    }
    sl_buf_add(&b, text + at, to - at);
    if (to < strlen(text))
        sl_buf_puts(&b, "…");
    free(w);
    return sl_buf_take(&b);
}
