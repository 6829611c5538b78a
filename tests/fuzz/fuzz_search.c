/* fuzz_search.c — libFuzzer target for the search rule (domain/search.h):
 * arbitrary bytes must never crash sl_search_parse, every term must be
 * valid UTF-8 of letters and digits within the limits, the texts bound for
 * FTS5 and to_tsquery must hold nothing but quoted terms, and a snippet's
 * pieces must be its text without the markers. Seeds: corpus/search/. */
#include "domain/search.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"

/* Aborts (a finding for the fuzzer) when cond is false. */
static void require(int cond)
{
    if (!cond)
        abort();
}

/* Checks one term: non-empty, within the limit, valid UTF-8, no ASCII
 * punctuation, space, control or upper-case letter. */
static void check_term(const char *t)
{
    size_t n = strlen(t), bad;
    require(n > 0 && n <= SL_SEARCH_MAX_TERM);
    require(sl_utf8_valid(t, n, &bad));
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)t[i];
        require(c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z'));
    }
}

/* Checks that text is the terms, each between before and after, joined by sep. */
static void check_joined(const sl_search_query *q, const char *text, const char *before, const char *after,
                         const char *sep)
{
    sl_buf want = SL_BUF_INIT;
    for (int i = 0; i < q->n; i++)
        sl_buf_printf(&want, "%s%s%s%s", i ? sep : "", before, q->terms[i], after);
    require(strcmp(text, sl_buf_str(&want)) == 0);
    sl_buf_free(&want);
}

/* Appends a snippet piece to a buffer. */
static void on_piece(void *ctx, const char *text, size_t n, int marked)
{
    (void)marked;
    require(n > 0 && !memchr(text, SL_SEARCH_MARK_START, n) && !memchr(text, SL_SEARCH_MARK_END, n));
    sl_buf_add(ctx, text, n);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = malloc(size + 1);
    if (!text)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    sl_search_query q;
    int n = sl_search_parse(text, &q);
    require(n == q.n && n >= 0 && n <= SL_SEARCH_MAX_TERMS);
    for (int i = 0; i < n; i++)
        check_term(q.terms[i]);
    char *fts = sl_search_fts5(&q), *ts = sl_search_tsquery(&q);
    check_joined(&q, fts, "\"", "\"*", " ");
    check_joined(&q, ts, "'", "':*", " & ");
    free(fts);
    free(ts);
    sl_search_query_free(&q);
    sl_buf pieces = SL_BUF_INIT, plain = SL_BUF_INIT;
    sl_search_snippet_pieces(text, on_piece, &pieces);
    for (const char *p = text; *p; p++)
        if (*p != SL_SEARCH_MARK_START && *p != SL_SEARCH_MARK_END)
            sl_buf_putc(&plain, *p);
    require(strcmp(sl_buf_str(&pieces), sl_buf_str(&plain)) == 0);
    sl_buf_free(&pieces);
    sl_buf_free(&plain);
    free(text);
    return 0;
}
