/* page_summary.c — every council side by side in the browser (the page of
 * `sightline summary`): per current plan, its actions by RAG, overdue and
 * stale ones, measures off trajectory and the latest Ofsted judgement.
 * Sortable by any column, filtered by region, 50 councils a page, each row
 * linked to the council's dashboard; the national map is one link away. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "report/national_view.h"
#include "report/summary.h"
#include "web/web.h"

enum { PER_PAGE = 50 };

/* What the query string asks for, checked. */
typedef struct {
    const char *sort;       /* a column of sl_summary_columns */
    const char *region;     /* NULL: every region */
    long page;              /* 1 or more */
} summary_query;

/* The column headings, in table order, with the sort key each one takes. */
static const char *const headings[][2] = {
    {"Council", "authority"}, {"Region", "region"},   {"Actions", "actions"},
    {"Red", "red"},           {"Amber", "amber"},     {"Green", "green"},
    {"Complete", "blue"},     {"Not started", "grey"}, {"Overdue", "overdue"},
    {"No recent update", "stale"}, {"Measures off trajectory", "measures-off"},
    {"Latest Ofsted", "ofsted"},
};

/* Returns 1 when region names a region of the table (by name or ONS code). */
static int known_region(const sl_authority_table *t, const char *region)
{
    for (size_t i = 0; i < t->n; i++)
        if (strcasecmp(t->authorities[i].region, region) == 0 ||
            strcasecmp(t->authorities[i].region_code, region) == 0)
            return 1;
    return 0;
}

/* Reads sort, region and page from the query string into *q; returns NULL,
 * or a sentence saying what is wrong (static text). */
static const char *read_query(sl_request *req, const sl_authority_table *t, summary_query *q)
{
    q->sort = sl_query(req, "sort");
    q->region = sl_query(req, "region");
    const char *page = sl_query(req, "page");
    if (!q->sort || !*q->sort)
        q->sort = "authority";
    if (q->region && !*q->region)
        q->region = NULL;
    int ok = 0;
    for (int i = 0; sl_summary_columns[i]; i++)
        ok |= strcmp(sl_summary_columns[i], q->sort) == 0;
    if (!ok)
        return "The table cannot be sorted by that column.";
    if (q->region && !known_region(t, q->region))
        return "There is no region of that name.";
    q->page = 1;
    if (page) {
        char *end;
        q->page = strtol(page, &end, 10);
        if (*end || end == page || q->page < 1 || q->page > 100000)
            return "The page number must be a whole number, 1 or more.";
    }
    return NULL;
}

/* Appends a link to this page with the query's filter and the given sort and page. */
static void self_link(sl_buf *b, const summary_query *q, const char *sort, long page)
{
    sl_buf_printf(b, "/summary?sort=%U", sort);
    if (q->region)
        sl_buf_printf(b, "&amp;region=%U", q->region);
    if (page > 1)
        sl_buf_printf(b, "&amp;page=%ld", page);
}

/* Appends the region filter: a GET form with every region of the table. */
static void region_form(sl_buf *b, const sl_authority_table *t, const summary_query *q)
{
    sl_buf_printf(b, "<form method=\"get\" action=\"/summary\" class=\"govuk-!-margin-bottom-6\">"
                     "<input type=\"hidden\" name=\"sort\" value=\"%a\">"
                     "<div class=\"govuk-form-group\"><label class=\"govuk-label\" for=\"region\">Region</label>"
                     "<select class=\"govuk-select\" id=\"region\" name=\"region\"><option value=\"\">All regions</option>",
                  q->sort);
    for (size_t i = 0; i < t->n; i++) {
        const char *r = t->authorities[i].region;
        size_t k = 0;
        while (k < i && strcmp(t->authorities[k].region, r) != 0)
            k++;
        if (k < i || !*r)
            continue;
        int on = q->region && (strcasecmp(q->region, r) == 0 ||
                               strcasecmp(q->region, t->authorities[i].region_code) == 0);
        sl_buf_printf(b, "<option value=\"%a\"%R>%h</option>", r, on ? " selected" : "", r);
    }
    sl_buf_puts(b, "</select></div><button type=\"submit\" class=\"govuk-button govuk-button--secondary\" "
                   "data-module=\"govuk-button\">Show</button></form>");
}

/* Appends the table head: each heading a link that sorts by it. */
static void table_head(sl_buf *b, const summary_query *q)
{
    sl_buf_puts(b, "<div class=\"sl-table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"Councils table\"><table class=\"govuk-table\"><caption class=\"govuk-table__caption "
                   "govuk-table__caption--m\">Councils' plans</caption><thead class=\"govuk-table__head\">"
                   "<tr class=\"govuk-table__row\">");
    for (size_t i = 0; i < sizeof headings / sizeof headings[0]; i++) {
        int on = strcmp(q->sort, headings[i][1]) == 0;
        sl_buf_printf(b, "<th scope=\"col\" class=\"govuk-table__header\"%R><a class=\"govuk-link\" href=\"",
                      on ? (i < 2 ? " aria-sort=\"ascending\"" : " aria-sort=\"descending\"") : "");
        self_link(b, q, headings[i][1], 1);
        sl_buf_printf(b, "\">%h</a></th>", headings[i][0]);
    }
    sl_buf_puts(b, "</tr></thead><tbody class=\"govuk-table__body\">");
}

/* Appends one council's row. */
static void table_row(sl_buf *b, const sl_summary_row *r)
{
    sl_buf_printf(b, "<tr class=\"govuk-table__row\"><th scope=\"row\" class=\"govuk-table__header\">"
                     "<a class=\"govuk-link\" href=\"/plans/%lld\">%h</a></th><td class=\"govuk-table__cell\">%h</td>",
                  (long long)r->plan_id, r->authority, *r->region ? r->region : "–");
    int numbers[] = {r->actions, r->rag[SL_RAG_RED], r->rag[SL_RAG_AMBER], r->rag[SL_RAG_GREEN],
                     r->rag[SL_RAG_BLUE], r->rag[SL_RAG_GREY], r->overdue, r->stale, r->measures_off};
    for (size_t i = 0; i < sizeof numbers / sizeof numbers[0]; i++)
        sl_buf_printf(b, "<td class=\"govuk-table__cell govuk-table__cell--numeric\">%d</td>", numbers[i]);
    sl_buf_printf(b, "<td class=\"govuk-table__cell\">%h</td></tr>", *r->ofsted ? r->ofsted : "none held");
}

/* Appends the previous/next links and "page N of M" when there is more than one page. */
static void pagination(sl_buf *b, const summary_query *q, size_t total)
{
    long pages = (long)((total + PER_PAGE - 1) / PER_PAGE);
    if (pages <= 1)
        return;
    sl_buf_printf(b, "<nav class=\"govuk-pagination\" aria-label=\"Pages\"><p class=\"govuk-body\">Page %ld of %ld</p>",
                  q->page, pages);
    if (q->page > 1) {
        sl_buf_puts(b, "<div class=\"govuk-pagination__prev\"><a class=\"govuk-link govuk-pagination__link\" href=\"");
        self_link(b, q, q->sort, q->page - 1);
        sl_buf_puts(b, "\" rel=\"prev\">Previous page</a></div>");
    }
    if (q->page < pages) {
        sl_buf_puts(b, "<div class=\"govuk-pagination__next\"><a class=\"govuk-link govuk-pagination__link\" href=\"");
        self_link(b, q, q->sort, q->page + 1);
        sl_buf_puts(b, "\" rel=\"next\">Next page</a></div>");
    }
    sl_buf_puts(b, "</nav>");
}

/* Writes the page body for a built, filtered and sorted summary. */
static void summary_body(sl_request *req, const sl_authority_table *t, const summary_query *q,
                         const sl_summary *s)
{
    sl_buf *b = &req->body;
    sl_page_start(req, "All councils");
    sl_buf_printf(b, "<h1 class=\"govuk-heading-l\">All councils</h1><p class=\"govuk-body\">%zu council%h with a "
                     "current plan%h. See also the <a class=\"govuk-link\" href=\"/national\">national map of "
                     "Ofsted judgements</a>.</p>",
                  s->n, s->n == 1 ? "" : "s", q->region ? " in this region" : "");
    region_form(b, t, q);
    size_t first = (size_t)(q->page - 1) * PER_PAGE;
    size_t end = first + PER_PAGE < s->n ? first + PER_PAGE : s->n;
    table_head(b, q);
    for (size_t i = first; i < end; i++)
        table_row(b, &s->rows[i]);
    sl_buf_puts(b, "</tbody></table></div>");
    pagination(b, q, s->n);
    sl_page_end(req);
}

void sl_page_summary(sl_request *req)
{
    sl_authority_table table;
    sl_error err = {0};
    if (sl_reference_authorities(req->data_dir, &table, &err) < 0) {
        sl_error_page(req, 500, "Something went wrong", err.message);
        return;
    }
    summary_query q;
    const char *bad = read_query(req, &table, &q);
    sl_summary s = {0};
    if (bad) {
        sl_error_page(req, 400, "That view does not exist", bad);
    } else if (sl_summary_build(req->store, &table, req->today, &s, &err) < 0) {
        sl_error_page(req, 500, "Something went wrong", err.message);
    } else {
        if (q.region)
            sl_summary_filter_region(&s, &table, q.region);
        sl_summary_sort(&s, q.sort);
        if (q.page > 1 && (size_t)(q.page - 1) * PER_PAGE >= s.n)
            sl_error_page(req, 404, "Page not found", "There are not that many pages of councils.");
        else
            summary_body(req, &table, &q, &s);
    }
    sl_summary_free(&s);
    sl_authority_table_free(&table);
}
