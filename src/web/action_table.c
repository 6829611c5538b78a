/* action_table.c — gathering, sorting and listing actions for pages. */
#include "web/action_table.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/mem.h"

typedef struct {
    sl_web_actions *list;
    const char *search;
} gather;

/* Returns 1 when needle occurs in haystack ignoring case. */
static int has_text(const char *haystack, const char *needle)
{
    size_t n = strlen(needle);
    for (; *haystack; haystack++)
        if (strncasecmp(haystack, needle, n) == 0)
            return 1;
    return 0;
}

/* Rated-action callback: copies a row that matches the search. */
static int on_action(void *ctx, const sl_action_row *r, const sl_rag_result *rag)
{
    gather *g = ctx;
    if (g->search && !has_text(r->ref, g->search) && !has_text(r->title, g->search) &&
        !has_text(r->sro, g->search) && !has_text(r->leads, g->search) &&
        !has_text(r->note, g->search))
        return 0;
    sl_web_actions *l = g->list;
    if ((l->n & (l->n - 1)) == 0)
        l->items = sl_realloc(l->items, (l->n ? l->n * 2 : 16) * sizeof *l->items);
    l->items[l->n++] = (sl_web_action){
        .id = r->id,
        .plan_id = r->plan_id,
        .plan_title = sl_strdup(r->plan_title),
        .ref = sl_strdup(r->ref),
        .title = sl_strdup(r->title),
        .theme_ref = sl_strdup(r->theme_ref),
        .theme = sl_strdup(r->theme),
        .due_text = sl_strdup(r->due_text),
        .sro = sl_strdup(r->sro),
        .leads = sl_strdup(r->leads),
        .status_text = sl_strdup(r->status_text),
        .note = sl_strdup(r->note),
        .due = r->due,
        .last_update = r->last_update,
        .status = r->status,
        .rag = *rag,
    };
    return 0;
}

int sl_web_actions_load(sl_request *req, const sl_action_filter *filter, const char *search,
                        sl_web_actions *out)
{
    memset(out, 0, sizeof *out);
    gather g = {out, search && *search ? search : NULL};
    sl_error err = {0};
    if (sl_each_rated_action(req->store, filter, on_action, &g, &err) < 0) {
        sl_web_actions_free(out);
        sl_error_page(req, 500, "Something went wrong", err.message);
        return -1;
    }
    return 0;
}

void sl_web_actions_free(sl_web_actions *l)
{
    for (size_t i = 0; i < l->n; i++) {
        sl_web_action *a = &l->items[i];
        free(a->plan_title);
        free(a->ref);
        free(a->title);
        free(a->theme_ref);
        free(a->theme);
        free(a->due_text);
        free(a->sro);
        free(a->leads);
        free(a->status_text);
        free(a->note);
    }
    free(l->items);
    memset(l, 0, sizeof *l);
}

/* How bad a rating is: red first when sorting by RAG. */
static int badness(sl_rag rag)
{
    static const int order[] = {[SL_RAG_NONE] = 0, [SL_RAG_BLUE] = 1, [SL_RAG_GREY] = 2,
                                [SL_RAG_GREEN] = 3, [SL_RAG_AMBER] = 4, [SL_RAG_RED] = 5};
    return order[rag];
}

/* Orders by due day (no date last), then plan order. */
static int by_due(const void *a, const void *b)
{
    const sl_web_action *x = a, *y = b;
    long long dx = x->due == SL_NO_DAY ? 1LL << 40 : x->due;
    long long dy = y->due == SL_NO_DAY ? 1LL << 40 : y->due;
    return dx != dy ? (dx < dy ? -1 : 1) : (x->id > y->id) - (x->id < y->id);
}

/* Orders by rating, worst first, then plan order. */
static int by_rag(const void *a, const void *b)
{
    const sl_web_action *x = a, *y = b;
    int d = badness(y->rag.rag) - badness(x->rag.rag);
    return d ? d : (x->id > y->id) - (x->id < y->id);
}

/* Orders by canonical status, then plan order. */
static int by_status(const void *a, const void *b)
{
    const sl_web_action *x = a, *y = b;
    int d = (int)x->status - (int)y->status;
    return d ? d : (x->id > y->id) - (x->id < y->id);
}

void sl_web_actions_sort(sl_web_actions *l, const char *by)
{
    int (*cmp)(const void *, const void *) = NULL;
    if (by && strcmp(by, "due") == 0)
        cmp = by_due;
    else if (by && strcmp(by, "rag") == 0)
        cmp = by_rag;
    else if (by && strcmp(by, "status") == 0)
        cmp = by_status;
    if (cmp && l->n > 1)
        qsort(l->items, l->n, sizeof *l->items, cmp);
}

void sl_web_action_table(sl_request *req, const sl_web_actions *l, const char *caption,
                         int show_plan)
{
    sl_buf *b = &req->body;
    if (l->n == 0) {
        if (caption)
            sl_buf_printf(b, "<h2 class=\"govuk-heading-m\">%h</h2>", caption);
        sl_buf_puts(b, "<p class=\"govuk-body\">None.</p>");
        return;
    }
    sl_buf_puts(b, "<table class=\"govuk-table\">");
    if (caption)
        sl_buf_printf(b, "<caption class=\"govuk-table__caption govuk-table__caption--m\">%h</caption>", caption);
    sl_buf_puts(b, "<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">"
                   "<th scope=\"col\" class=\"govuk-table__header\">Ref</th>"
                   "<th scope=\"col\" class=\"govuk-table__header\">Action</th>");
    if (show_plan)
        sl_buf_puts(b, "<th scope=\"col\" class=\"govuk-table__header\">Plan</th>");
    sl_buf_puts(b, "<th scope=\"col\" class=\"govuk-table__header\">Lead</th>"
                   "<th scope=\"col\" class=\"govuk-table__header\">Due</th>"
                   "<th scope=\"col\" class=\"govuk-table__header\">Status</th>"
                   "<th scope=\"col\" class=\"govuk-table__header\">RAG</th></tr></thead>"
                   "<tbody class=\"govuk-table__body\">");
    for (size_t i = 0; i < l->n; i++) {
        const sl_web_action *a = &l->items[i];
        const char *due = sl_req_day(req, a->due);
        sl_buf_printf(b, "<tr class=\"govuk-table__row\"><td class=\"govuk-table__cell\">"
                         "<a class=\"govuk-link\" href=\"/actions/%lld\">%h</a></td><td class=\"govuk-table__cell\">%h",
                      (long long)a->id, a->ref, a->title);
        if (show_plan)
            sl_buf_printf(b, "</td><td class=\"govuk-table__cell\">%h", a->plan_title);
        sl_buf_printf(b, "</td><td class=\"govuk-table__cell\">%h</td><td class=\"govuk-table__cell\">%h",
                      *a->sro ? a->sro : a->leads, *due ? due : a->due_text);
        if (a->rag.overdue)
            sl_buf_puts(b, " <strong class=\"govuk-tag govuk-tag--red\">Overdue</strong>");
        sl_buf_printf(b, "</td><td class=\"govuk-table__cell\">%h</td><td class=\"govuk-table__cell\">",
                      a->rag.awaiting_signoff ? "Complete – awaiting sign-off" : sl_req_words(req, sl_status_name(a->status)));
        sl_rag_tag(b, a->rag.rag);
        sl_buf_puts(b, "</td></tr>");
    }
    sl_buf_puts(b, "</tbody></table>");
}
