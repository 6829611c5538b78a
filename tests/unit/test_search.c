/* test_search.c — a search box's text as quoted prefix terms
 * (domain/search.h): a table of queries, the texts bound for each
 * database, and snippets cut at their markers. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "domain/search.h"
#include "util/buf.h"

/* Each query, its terms joined by '|', and the FTS5 and tsquery texts. */
static void query_table(void)
{
    static const struct {
        const char *text, *terms, *fts5, *tsquery;
    } cases[] = {
        {"caseloads", "caseloads", "\"caseloads\"*", "'caseloads':*"},
        {"Social Work  ACADEMY", "social|work|academy", "\"social\"* \"work\"* \"academy\"*",
         "'social':* & 'work':* & 'academy':*"},
        {"", "", "", ""},
        {"   ", "", "", ""},
        {"\"*()-+:^'\\!&|<>", "", "", ""},             /* all punctuation: nothing to search */
        {"NEAR(a b)", "near|a|b", "\"near\"* \"a\"* \"b\"*", "'near':* & 'a':* & 'b':*"},
        {"title:foo OR bar*", "title|foo|or|bar", "\"title\"* \"foo\"* \"or\"* \"bar\"*",
         "'title':* & 'foo':* & 'or':* & 'bar':*"},
        {"o'brien", "o|brien", "\"o\"* \"brien\"*", "'o':* & 'brien':*"},
        {"2.15", "2|15", "\"2\"* \"15\"*", "'2':* & '15':*"},
        {"Café naïve", "café|naïve", "\"café\"* \"naïve\"*", "'café':* & 'naïve':*"},
        {"child\xE2\x80\x99s \xE2\x80\x93 plan", "child|s|plan", "\"child\"* \"s\"* \"plan\"*",
         "'child':* & 's':* & 'plan':*"},                /* ’ and – separate, never join */
        {"a\xFF" "b\xC0\xAF" "c", "a|b|c", "\"a\"* \"b\"* \"c\"*", "'a':* & 'b':* & 'c':*"},
        {"<script>alert(1)</script>", "script|alert|1|script",
         "\"script\"* \"alert\"* \"1\"* \"script\"*", "'script':* & 'alert':* & '1':* & 'script':*"},
        {"a b c d e f g h i j", "a|b|c|d|e|f|g|h", "\"a\"* \"b\"* \"c\"* \"d\"* \"e\"* \"f\"* \"g\"* \"h\"*",
         "'a':* & 'b':* & 'c':* & 'd':* & 'e':* & 'f':* & 'g':* & 'h':*"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        sl_search_query q;
        int n = sl_search_parse(cases[i].text, &q);
        sl_buf joined = SL_BUF_INIT;
        for (int t = 0; t < q.n; t++)
            sl_buf_printf(&joined, "%s%s", t ? "|" : "", q.terms[t]);
        char *fts = sl_search_fts5(&q), *ts = sl_search_tsquery(&q);
        CHECK(n == q.n && strcmp(sl_buf_str(&joined), cases[i].terms) == 0, "%zu: terms of \"%s\": %s", i,
              cases[i].text, sl_buf_str(&joined));
        CHECK(strcmp(fts, cases[i].fts5) == 0, "%zu: fts5 text %s", i, fts);
        CHECK(strcmp(ts, cases[i].tsquery) == 0, "%zu: tsquery text %s", i, ts);
        free(fts);
        free(ts);
        sl_buf_free(&joined);
        sl_search_query_free(&q);
    }
}

/* A long word is cut at a character boundary within the term limit. */
static void long_term(void)
{
    sl_buf text = SL_BUF_INIT;
    for (int i = 0; i < 40; i++)
        sl_buf_puts(&text, "é");                  /* 80 bytes, one word */
    sl_search_query q;
    CHECK(sl_search_parse(sl_buf_str(&text), &q) == 1 && strlen(q.terms[0]) == 64, "cut to 64 bytes: %zu",
          q.n ? strlen(q.terms[0]) : 0);
    sl_search_query_free(&q);
    sl_buf_free(&text);
    CHECK(sl_search_parse(NULL, &q) == 0, "NULL is no terms");
}

/* Collects pieces as text with marked ones in brackets. */
static void on_piece(void *ctx, const char *text, size_t n, int marked)
{
    sl_buf_printf(ctx, "%s%.*s%s", marked ? "[" : "", (int)n, text, marked ? "]" : "");
}

/* Snippets cut at their markers; stray markers are dropped, never nested. */
static void snippets(void)
{
    static const struct {
        const char *snippet, *pieces;
    } cases[] = {
        {"the \x01social\x02 work team", "the [social] work team"},
        {"\x01" "a\x02\x01" "b\x02", "[a][b]"},
        {"no marks", "no marks"},
        {"", ""},
        {"end \x02 stray \x01open \x01" "again\x02 x", "end  stray [open ][again] x"},
        {"\x01unclosed", "[unclosed]"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        sl_buf out = SL_BUF_INIT;
        sl_search_snippet_pieces(cases[i].snippet, on_piece, &out);
        CHECK(strcmp(sl_buf_str(&out), cases[i].pieces) == 0, "%zu: pieces %s", i, sl_buf_str(&out));
        sl_buf_free(&out);
    }
    CHECK(strcmp(sl_search_kind_name(SL_SEARCH_RECOMMENDATION), "recommendation") == 0 &&
              strcmp(sl_search_kind_heading(SL_SEARCH_PERSON), "People") == 0 && *sl_search_kind_name(0) == 0,
          "kind words");
}

/* Words beginning with a term are marked (ASCII case ignored), whole or in a window. */
static void marking(void)
{
    static const struct {
        const char *query, *text;
        int words;
        const char *marked;
    } cases[] = {
        {"case", "Caseloads fall; CASE files", 0, "[Caseloads] fall; [CASE] files"},
        {"script", "<script>alert(1)</script>", 0, "<[script]>alert(1)</[script]>"},
        {"zz", "no match here", 0, "no match here"},
        {"x", "", 0, ""},
        {"e", "a b c d e f g h", 3, "…d [e] f…"},
        {"a", "a b c d e f", 3, "[a] b c…"},
        {"f", "a b c d e f", 3, "…d e [f]"},
        {"caf", "un café noir", 0, "un [café] noir"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        sl_search_query q;
        sl_search_parse(cases[i].query, &q);
        char *m = sl_search_mark(&q, cases[i].text, cases[i].words);
        sl_buf out = SL_BUF_INIT;
        sl_search_snippet_pieces(m, on_piece, &out);
        CHECK(strcmp(sl_buf_str(&out), cases[i].marked) == 0, "%zu: marked %s", i, sl_buf_str(&out));
        sl_buf_free(&out);
        free(m);
        sl_search_query_free(&q);
    }
}

void test_search(void)
{
    marking();
    query_table();
    long_term();
    snippets();
}
