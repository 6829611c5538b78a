/* cmd_search.c — `sightline search WORDS…`: plans, actions, progress
 * updates, recommendations, measures and people matching every word (as a
 * prefix), best first, grouped by kind, each with the page it is on. */
#include <stdio.h>
#include <stdlib.h>

#include "cli/run.h"
#include "domain/search.h"
#include "store/store.h"

/* Results of one kind listed at most, unless --limit says otherwise. */
#define DEFAULT_LIMIT 10

/* What the listing builds. */
typedef struct {
    sl_buf *out;
    int json;
    int n;                      /* results of the current kind written */
} listing;

/* Snippet piece callback: appends the text to the buffer, matched words in
 * [brackets] when marked is asked for (ctx is a marking flag and buffer). */
typedef struct {
    sl_buf *b;
    int brackets;
} plain_text;

static void on_piece(void *ctx, const char *text, size_t n, int marked)
{
    plain_text *p = ctx;
    if (marked && p->brackets)
        sl_buf_putc(p->b, '[');
    sl_buf_add(p->b, text, n);
    if (marked && p->brackets)
        sl_buf_putc(p->b, ']');
}

/* Returns text without its leading spaces and with its markers taken out
 * (in [brackets] when brackets is 1); caller frees. */
static char *unmark(const char *text, int brackets)
{
    sl_buf b = SL_BUF_INIT;
    plain_text p = {&b, brackets};
    while (text && *text == ' ')
        text++;
    sl_search_snippet_pieces(text, on_piece, &p);
    return sl_buf_take(&b);
}

/* Store callback: one result, as a JSON object or two lines of text. */
static int on_hit(void *ctx, const sl_search_hit *hit)
{
    listing *l = ctx;
    char *title = unmark(hit->title, !l->json), *snippet = unmark(hit->snippet, !l->json);
    sl_buf path = SL_BUF_INIT;
    sl_search_path(&path, hit->kind, (long long)hit->link_id, hit->key);
    if (l->json) {
        sl_buf_printf(l->out, "%s{\"id\":%lld,\"key\":%J,\"title\":%J,\"snippet\":%J,\"context\":%J,\"url\":%J}",
                      l->n ? ",\n     " : "\n     ", (long long)hit->id, hit->key, title, snippet, hit->context,
                      sl_buf_str(&path));
    } else {
        sl_buf_printf(l->out, "  %s", title);
        if (*hit->context)
            sl_buf_printf(l->out, " — %s", hit->context);
        sl_buf_printf(l->out, "  %s\n", sl_buf_str(&path));
        if (*snippet)
            sl_buf_printf(l->out, "      %s\n", snippet);
    }
    l->n++;
    free(title);
    free(snippet);
    sl_buf_free(&path);
    return 0;
}

/* Lists one kind's results (none in text when it has none). Returns 0 or -1. */
static int list_kind(sl_run *run, const sl_search_query *q, int kind, int limit, listing *l)
{
    int total = 0, ranked = 1;
    sl_buf items = SL_BUF_INIT;
    listing into = {&items, l->json, 0};
    int rc = sl_store_search(run->store, q, kind, limit, 0, &total, &ranked, on_hit, &into, &run->err);
    if (rc == 0 && l->json)
        sl_buf_printf(l->out, "%s\n  {\"kind\":%J,\"total\":%d,\"ranked\":%s,\"results\":[%s]}", kind > 1 ? "," : "",
                      sl_search_kind_name(kind), total, ranked ? "true" : "false", sl_buf_str(&items));
    else if (rc == 0 && total > 0)
        sl_buf_printf(l->out, "%s (%d%s)\n%s", sl_search_kind_heading(kind), total, ranked ? "" : ", newest first",
                      sl_buf_str(&items));
    if (rc == 0 && !l->json && total > into.n)
        sl_buf_printf(l->out, "  … and %d more (--limit)\n", total - into.n);
    sl_buf_free(&items);
    return rc;
}

/* Searches for the words given and lists what matches. */
static int search_body(sl_run *run)
{
    sl_buf text = SL_BUF_INIT;
    for (int i = 0; i < run->n_pos; i++)
        sl_buf_printf(&text, "%s%s", i ? " " : "", run->pos[i]);
    const char *limit_text = sl_run_opt(run, "--limit")->value;
    char *end = NULL;
    long asked = limit_text ? strtol(limit_text, &end, 10) : DEFAULT_LIMIT;
    int limit = (limit_text && (*end || end == limit_text)) || asked < 1 || asked > 1000 ? 0 : (int)asked;
    sl_search_query q;
    int rc = 0;
    if (limit < 1 || limit > 1000)
        rc = sl_fail_code(&run->err, SL_ERR_INVALID, "--limit must be a number from 1 to 1000");
    else if (sl_search_parse(sl_buf_str(&text), &q) == 0)
        rc = sl_fail_code(&run->err, SL_ERR_INVALID,
                          "nothing to search for in \"%s\": type a word from a title, a note or a name",
                          sl_buf_str(&text));
    listing l = {&run->out, sl_run_flag(run, "--json"), 0};
    if (rc == 0) {
        if (l.json)
            sl_buf_printf(&run->out, "{\"query\":%J,\"groups\":[", sl_buf_str(&text));
        for (int kind = 1; kind <= SL_SEARCH_N_KINDS && rc == 0; kind++)
            rc = list_kind(run, &q, kind, limit, &l);
        if (l.json)
            sl_buf_puts(&run->out, "\n]}\n");
        else if (rc == 0 && run->out.len == 0)
            sl_buf_printf(&run->out, "Nothing matches \"%s\".\n", sl_buf_str(&text));
        sl_search_query_free(&q);
    }
    sl_buf_free(&text);
    return rc;
}

int sl_cmd_search(const sl_cli *cli, const sl_command *cmd, int argc, char **argv)
{
    sl_opt opts[] = {SL_OPT("--json", 0), SL_OPT("--limit", 1)};
    static const sl_run_spec spec = {.min_pos = 1, .max_pos = 64, .store = SL_RUN_STORE, .body = search_body};
    return SL_CLI_RUN(cli, cmd, argc, argv, opts, &spec, NULL);
}
