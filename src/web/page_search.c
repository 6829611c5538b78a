/* page_search.c — /search?q=WORDS[&kind=KIND&page=N]: plans, actions,
 * progress updates, recommendations, measures and people matching every
 * word (domain/search.h), best first, grouped by kind: a few of each with
 * their count and a link to all of that kind, page by page. Every signed-in
 * role may read every page a result links to (routes.c), so every result is
 * shown to each of them; signed out, the route sends to the sign-in page. */
#include <stdlib.h>
#include <string.h>

#include "domain/search.h"
#include "web/web.h"

#define PER_GROUP 5             /* results of each kind on the grouped page */
#define PER_PAGE 20             /* results of one kind per page */

/* Snippet piece callback: escaped text, matched words in <mark>. */
static void on_piece(void *ctx, const char *text, size_t n, int marked)
{
    sl_buf_printf(ctx, marked ? "<mark>%.*h</mark>" : "%.*h", (int)n, text);
}

/* Appends text with its markers as escaped HTML with <mark>s, leading spaces dropped. */
static void marked_html(sl_buf *b, const char *text)
{
    while (text && *text == ' ')
        text++;
    sl_search_snippet_pieces(text, on_piece, b);
}

/* Store callback: one result as a list item. */
static int on_hit(void *ctx, const sl_search_hit *hit)
{
    sl_buf *b = ctx;
    sl_buf path = SL_BUF_INIT, title = SL_BUF_INIT, snippet = SL_BUF_INIT;
    sl_search_path(&path, hit->kind, (long long)hit->link_id, hit->key);
    marked_html(&title, hit->title);
    marked_html(&snippet, hit->snippet);
    sl_buf_printf(b, "<li><a class=\"govuk-link govuk-!-font-weight-bold\" href=\"%a\">%R</a>", sl_buf_str(&path),
                  sl_buf_str(&title));
    if (*hit->context)
        sl_buf_printf(b, " <span class=\"govuk-body-s\">%h</span>", hit->context);
    if (snippet.len)
        sl_buf_printf(b, "<p class=\"govuk-body-s govuk-!-margin-0 sl-break\">%R</p>", sl_buf_str(&snippet));
    sl_buf_puts(b, "</li>");
    sl_buf_free(&path);
    sl_buf_free(&title);
    sl_buf_free(&snippet);
    return 0;
}

/* The search form, holding what was asked. */
static void search_form(sl_buf *b, const char *q)
{
    sl_buf_printf(b, "<form method=\"get\" action=\"/search\" class=\"govuk-!-margin-bottom-6\">"
                     "<div class=\"govuk-form-group\"><label class=\"govuk-label govuk-label--s\" for=\"search-q\">"
                     "Search plans, actions, progress updates, recommendations, measures and people</label>"
                     "<div class=\"govuk-hint\" id=\"search-q-hint\">Every word must match the start of a word: "
                     "&ldquo;caseload&rdquo; finds &ldquo;caseloads&rdquo;.</div>"
                     "<input class=\"govuk-input govuk-!-width-two-thirds\" id=\"search-q\" name=\"q\" type=\"search\""
                     " aria-describedby=\"search-q-hint\" value=\"%a\"> "
                     "<button type=\"submit\" class=\"govuk-button sl-inline-button\">Search</button></div></form>",
                  q ? q : "");
}

/* Lists one kind's results (from offset, at most limit) under its heading
 * with its count; nothing when it has none. Returns the kind's count, or -1. */
static int kind_group(sl_request *req, const sl_search_query *q, const char *text, int kind, int limit, int offset)
{
    sl_buf *b = &req->body;
    sl_error err = {0};
    int total = 0, ranked = 1;
    sl_buf items = SL_BUF_INIT;
    int rc = sl_store_search(req->store, q, kind, limit, offset, &total, &ranked, on_hit, &items, &err);
    if (rc == 0 && total > 0) {
        sl_buf_printf(b, "<h2 class=\"govuk-heading-m\" id=\"%a\">%h (%d)</h2>",
                      sl_search_kind_name(kind), sl_search_kind_heading(kind), total);
        if (!ranked)
            sl_buf_printf(b, "<p class=\"govuk-body-s\">Over %d match, so the newest come first: add a word to "
                             "find the best.</p>", SL_SEARCH_RANK_MAX);
        sl_buf_printf(b, "<ol class=\"sl-search-results\" start=\"%d\">%R</ol>", offset + 1, sl_buf_str(&items));
        if (limit == PER_GROUP && total > PER_GROUP)
            sl_buf_printf(b, "<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/search?q=%U&amp;kind=%U\">"
                             "All %d %h</a></p>",
                          text, sl_search_kind_name(kind), total, sl_search_kind_heading(kind));
    }
    sl_buf_free(&items);
    return rc < 0 ? -1 : total;
}

/* Previous and next links of one kind's pages. */
static void pages(sl_buf *b, const char *text, int kind, int page, int total)
{
    int last = (total + PER_PAGE - 1) / PER_PAGE;
    if (last <= 1)
        return;
    sl_buf_printf(b, "<nav class=\"govuk-pagination\" aria-label=\"Pages of results\"><p class=\"govuk-body\">Page %d of %d. ",
                  page, last);
    if (page > 1)
        sl_buf_printf(b, "<a class=\"govuk-link\" href=\"/search?q=%U&amp;kind=%U&amp;page=%d\">Previous page</a> ",
                      text, sl_search_kind_name(kind), page - 1);
    if (page < last)
        sl_buf_printf(b, "<a class=\"govuk-link\" href=\"/search?q=%U&amp;kind=%U&amp;page=%d\">Next page</a>",
                      text, sl_search_kind_name(kind), page + 1);
    sl_buf_puts(b, "</p></nav>");
}

/* Returns the kind a word names ("action"), or 0. */
static int kind_named(const char *word)
{
    for (int k = 1; word && k <= SL_SEARCH_N_KINDS; k++)
        if (strcmp(word, sl_search_kind_name(k)) == 0)
            return k;
    return 0;
}

/* Writes the results of q for text: every kind, or one kind's page. */
static void results(sl_request *req, const sl_search_query *q, const char *text)
{
    sl_buf *b = &req->body;
    int kind = kind_named(sl_query(req, "kind"));
    const char *page_text = sl_query(req, "page");
    char *end = NULL;
    long asked = page_text ? strtol(page_text, &end, 10) : 1;
    int page = (page_text && (*end || end == page_text)) || asked < 1 || asked > 10000 ? 1 : (int)asked;
    int found = 0;
    for (int k = 1; k <= SL_SEARCH_N_KINDS && found >= 0; k++) {
        if (kind && k != kind)
            continue;
        int n = kind ? kind_group(req, q, text, k, PER_PAGE, (page - 1) * PER_PAGE)
                     : kind_group(req, q, text, k, PER_GROUP, 0);
        if (n > 0 && kind)
            pages(b, text, kind, page, n);
        found = n < 0 ? -1 : found + n;
    }
    if (found < 0)
        sl_buf_puts(b, "<p class=\"govuk-body\">The search could not be run; try again.</p>");
    else if (found == 0)
        sl_buf_printf(b, "<p class=\"govuk-body\" id=\"no-results\">Nothing matches &ldquo;%h&rdquo;. Try fewer words, "
                         "or the start of a word.</p>", text);
    if (kind)
        sl_buf_printf(b, "<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/search?q=%U\">Every kind of result</a></p>",
                      text);
}

void sl_page_search(sl_request *req)
{
    sl_buf *b = &req->body;
    const char *text = sl_query(req, "q");
    sl_search_query q;
    int n = sl_search_parse(text, &q);
    sl_page_start(req, n ? sl_req_printf(req, "Search: %s", text) : "Search");
    sl_buf_puts(b, "<h1 class=\"govuk-heading-l\">Search</h1>");
    search_form(b, text);
    if (n > 0)
        results(req, &q, text);
    else if (text && *text)
        sl_buf_printf(b, "<p class=\"govuk-body\" id=\"no-words\">&ldquo;%h&rdquo; has no words to search for. "
                         "Type a word from a plan's or action's title, a progress note, a recommendation, "
                         "a measure or a person's name.</p>", text);
    sl_search_query_free(&q);
    sl_page_end(req);
}
