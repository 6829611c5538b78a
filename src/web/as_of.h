/* as_of.h — every page as of a day (issue 13 item 6). A page shows the plan
 * as it stood on the day named by ?as_of=YYYY-MM-DD (default: today in
 * Europe/London): req->today becomes that day, so every page, the store's
 * as-of queries and the RAG engine read the plan as it stood then. The
 * server resolves the day before a handler runs and, after it, carries the
 * day on every internal link and GET form of the answer and switches off its
 * write forms (one may not change the past), so pages do nothing for it.
 * The header control, the banner of a past day and the refusal of a date
 * that is not one are drawn here too. */
#ifndef SL_WEB_AS_OF_H
#define SL_WEB_AS_OF_H
#include "web/web.h"

/* Checks an as_of text typed or carried in a URL: exactly "YYYY-MM-DD", or a
 * day written the UK way ("5/9/2017", "5 September 2017"). Returns 0 and
 * sets *day, or -1 with *why (static words) saying what to fix: not a date,
 * not a real day, or after real_today when ahead is 0. Pure. */
int sl_as_of_check(const char *text, sl_day real_today, int ahead, sl_day *day, const char **why);
/* Sets req->real_today (Europe/London), req->today (the as-of day) and
 * req->as_of (NULL unless another day than today) from the query. Returns 0,
 * or -1 after writing a 400 page that says what to fix: a date that is not
 * one is never read as today; a form sent from a page of another day is
 * refused (nothing is changed). */
int sl_as_of_resolve(sl_request *req);
/* Appends the header control (a date field labelled "Show the plan as it
 * stood on", keeping the page's other query values) and, for another day
 * than today, the banner that says so with a link back to today. Nothing
 * when nobody is signed in. */
void sl_as_of_header(sl_request *req, sl_buf *out);
/* When req->as_of is set, rewrites req->body (HTML answers only): every
 * internal link without an as_of gets one, every GET form without an as_of
 * field gets a hidden one, and every POST form but signing out is wrapped in
 * a disabled fieldset. Static files, the calendar feed and sign-in/out are
 * left alone. */
void sl_as_of_carry(sl_request *req);
/* Carries the day on the page's own content (between content_start and
 * content_end) alone, before the page cache keeps it, and marks it carried
 * so that sl_as_of_carry then rewrites only the layout around it: a page
 * served from the cache as of a day costs no more than today's. */
void sl_as_of_carry_content(sl_request *req);
#endif
