/* pagination.h — every list page shows at most SL_PAGE_SIZE items, the page
 * ?page=N (1 the first), with "Showing 101 to 200 of 453 actions" and the
 * GOV.UK pagination component, whose links keep the page's other query
 * parameters (filters, sorting, as_of). A page number that is not a number
 * is a 400; a page past the last (other than page 1 of an empty list) is a
 * 404: a link that was right when written says plainly the list has shrunk.
 *
 * A page uses it one of two ways: with a total known first (an array),
 * sl_pager_read then sl_pager_total, and items sl_pager_first() to
 * sl_pager_end(); or while walking the store's rows, sl_pager_read, then
 * sl_pager_take for each row (1: show it), then sl_pager_check. */
#ifndef SL_WEB_PAGINATION_H
#define SL_WEB_PAGINATION_H
#include <stddef.h>

#include "web/web.h"

#define SL_PAGE_SIZE 100

typedef struct {
    size_t per_page;            /* SL_PAGE_SIZE */
    size_t page;                /* the page asked for, 1-based */
    size_t total;               /* items in the whole list (counted by sl_pager_take, or given) */
} sl_pager;

/* Reads ?page= into *p. Returns 0, or -1 after writing a 400 page (not a number from 1). */
int sl_pager_read(sl_request *req, sl_pager *p);
/* Sets the total and checks the page is within it; returns 0, or -1 after writing a 404 page. */
int sl_pager_total(sl_request *req, sl_pager *p, size_t total);
/* Counts one more item of the list; returns 1 when it is on the page asked for. */
int sl_pager_take(sl_pager *p);
/* After the takes: checks the page is within the total; 0, or -1 after writing a 404 page. */
int sl_pager_check(sl_request *req, const sl_pager *p);
/* The index of the page's first item, and one past its last (within the total). */
size_t sl_pager_first(const sl_pager *p);
size_t sl_pager_end(const sl_pager *p);
/* Appends "Showing 101 to 200 of 453 actions" (noun: the plural) to b. */
void sl_pager_summary(sl_buf *b, const sl_pager *p, const char *noun);
/* Appends the GOV.UK pagination navigation (nothing when one page holds all) to b. */
void sl_pager_nav(sl_request *req, sl_buf *b, const sl_pager *p);

#endif
