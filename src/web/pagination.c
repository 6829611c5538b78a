/* pagination.c — one page of a list at a time (see pagination.h). */
#include "web/pagination.h"

#include <stdlib.h>
#include <string.h>

int sl_pager_read(sl_request *req, sl_pager *p)
{
    p->per_page = SL_PAGE_SIZE;
    p->page = 1;
    p->total = 0;
    const char *text = sl_query(req, "page");
    if (!text)
        return 0;
    size_t n = strspn(text, "0123456789");
    long page = n >= 1 && n <= 9 && !text[n] ? strtol(text, NULL, 10) : 0;
    if (page < 1) {
        sl_error_page(req, 400, "Bad page number", "The page number must be a whole number from 1.");
        return -1;
    }
    p->page = (size_t)page;
    return 0;
}

int sl_pager_check(sl_request *req, const sl_pager *p)
{
    if (p->page == 1 || sl_pager_first(p) < p->total)
        return 0;
    size_t pages = (p->total + p->per_page - 1) / p->per_page;
    sl_error_page(req, 404, "Page not found",
                  sl_req_printf(req, "There is no page %zu of this list: it has %zu page%s.", p->page, pages,
                                pages == 1 ? "" : "s"));
    return -1;
}

int sl_pager_total(sl_request *req, sl_pager *p, size_t total)
{
    p->total = total;
    return sl_pager_check(req, p);
}

int sl_pager_take(sl_pager *p)
{
    size_t i = p->total++;
    return i >= sl_pager_first(p) && i < sl_pager_first(p) + p->per_page;
}

size_t sl_pager_first(const sl_pager *p)
{
    return (p->page - 1) * p->per_page;
}

size_t sl_pager_end(const sl_pager *p)
{
    size_t end = sl_pager_first(p) + p->per_page;
    return end < p->total ? end : p->total;
}

void sl_pager_summary(sl_buf *b, const sl_pager *p, const char *noun)
{
    if (p->total == 0)
        sl_buf_printf(b, "<p class=\"govuk-body sl-pager-summary\">No %h.</p>", noun);
    else
        sl_buf_printf(b, "<p class=\"govuk-body sl-pager-summary\">Showing <strong>%zu</strong> to <strong>%zu</strong> "
                         "of <strong>%zu</strong> %h</p>",
                      sl_pager_first(p) + 1, sl_pager_end(p), p->total, noun);
}

/* Appends the href of page n: the request's path and query with page=n. */
static void page_href(sl_request *req, sl_buf *b, size_t n)
{
    sl_buf query = SL_BUF_INIT;
    sl_query_except(req, "page", &query);
    sl_buf_printf(b, "%a?%a", req->path, sl_buf_str(&query));
    sl_buf_printf(b, "page=%zu", n);
    sl_buf_free(&query);
}

/* Appends one numbered item of the pagination list. */
static void page_item(sl_request *req, sl_buf *b, size_t n, size_t current)
{
    sl_buf_printf(b, "<li class=\"govuk-pagination__item%R\"><a class=\"govuk-link govuk-pagination__link\" href=\"",
                  n == current ? " govuk-pagination__item--current" : "");
    page_href(req, b, n);
    sl_buf_printf(b, "\" aria-label=\"Page %zu\"%R>%zu</a></li>", n, n == current ? " aria-current=\"page\"" : "", n);
}

/* Appends the Previous or Next link (next: 1 for Next) to page n. */
static void step_link(sl_request *req, sl_buf *b, size_t n, int next)
{
    static const char prev_icon[] =
        "<svg class=\"govuk-pagination__icon govuk-pagination__icon--prev\" xmlns=\"http://www.w3.org/2000/svg\" "
        "height=\"13\" width=\"15\" aria-hidden=\"true\" focusable=\"false\" viewBox=\"0 0 15 13\"><path d=\"m6.5938-0.0078125"
        "-6.7266 6.7266 6.7441 6.4062 1.377-1.449-4.1856-3.9768h12.896v-2h-12.984l4.2931-4.293-1.414-1.414z\"></path></svg>";
    static const char next_icon[] =
        "<svg class=\"govuk-pagination__icon govuk-pagination__icon--next\" xmlns=\"http://www.w3.org/2000/svg\" "
        "height=\"13\" width=\"15\" aria-hidden=\"true\" focusable=\"false\" viewBox=\"0 0 15 13\"><path d=\"m8.107-0.0078125"
        "-1.4136 1.414 4.2926 4.293h-12.986v2h12.896l-4.1855 3.9766 1.377 1.4492 6.7441-6.4062-6.7246-6.7266z\"></path></svg>";
    sl_buf_printf(b, "<div class=\"govuk-pagination__%R\"><a class=\"govuk-link govuk-pagination__link\" href=\"",
                  next ? "next" : "prev");
    page_href(req, b, n);
    sl_buf_printf(b, "\" rel=\"%R\">%R<span class=\"govuk-pagination__link-title\">%R<span class=\"govuk-visually-hidden\">"
                     " page</span></span>%R</a></div>",
                  next ? "next" : "prev", next ? "" : prev_icon, next ? "Next" : "Previous", next ? next_icon : "");
}

void sl_pager_nav(sl_request *req, sl_buf *b, const sl_pager *p)
{
    size_t pages = (p->total + p->per_page - 1) / p->per_page;
    if (pages <= 1)
        return;
    sl_buf_puts(b, "<nav class=\"govuk-pagination\" aria-label=\"Pagination\">");
    if (p->page > 1)
        step_link(req, b, p->page - 1, 0);
    sl_buf_puts(b, "<ul class=\"govuk-pagination__list\">");
    for (size_t n = 1; n <= pages; n++) {
        /* The first, the last and the current with its neighbours; an ellipsis for each gap. */
        if (n == 1 || n == pages || (n + 1 >= p->page && n <= p->page + 1))
            page_item(req, b, n, p->page);
        else if (n == 2 || n == pages - 1)
            sl_buf_puts(b, "<li class=\"govuk-pagination__item govuk-pagination__item--ellipses\">&ctdot;</li>");
    }
    sl_buf_puts(b, "</ul>");
    if (p->page < pages)
        step_link(req, b, p->page + 1, 1);
    sl_buf_puts(b, "</nav>");
}
