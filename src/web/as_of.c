/* as_of.c — every page as of a day: the day read from the URL, the header
 * control and banner, and the answer's links carrying the day (see as_of.h). */
#include <microhttpd.h>
#include <string.h>

#include "web/as_of.h"
#include "web/mhd_api.h"

/* Returns the first place of needle in the n bytes at hay, or NULL. */
static const char *find(const char *hay, size_t n, const char *needle)
{
    size_t k = strlen(needle);
    for (size_t i = 0; i + k <= n; i++)
        if (hay[i] == needle[0] && memcmp(hay + i, needle, k) == 0)
            return hay + i;
    return NULL;
}

/* Pages whose as_of may lie ahead of today: the calendar looks ahead, and a
 * report is written as of the day of the meeting it goes to. */
static int ahead_allowed(const char *path)
{
    return strcmp(path, "/calendar") == 0 || strncmp(path, "/reports", 8) == 0;
}

/* Local URLs the day is never carried to: files, the feed, signing in and out. */
static int never_carried(const char *url, size_t len)
{
    static const char *const prefixes[] = {"/static/", "/assets/", "/sign-in", "/sign-out", "/calendar.ics"};
    if (len < 1 || url[0] != '/' || (len > 1 && (url[1] == '/' || url[1] == '\\')))
        return 1;
    for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++) {
        size_t n = strlen(prefixes[i]);
        if (len >= n && memcmp(url, prefixes[i], n) == 0)
            return 1;
    }
    return 0;
}

int sl_as_of_check(const char *text, sl_day real_today, int ahead, sl_day *day, const char **why)
{
    sl_date_value v;
    int iso_shaped = strlen(text) == 10 && text[4] == '-' && text[7] == '-';
    if (sl_day_parse_iso(text, day) < 0) {
        sl_date_status st = sl_date_parse(text, strlen(text), 0, &v, NULL, 0);
        if (st == SL_DATE_INVALID || (iso_shaped && st != SL_DATE_OK)) {
            *why = "Enter a real date: that day is not in the calendar (for example, 30 February)";
            return -1;
        }
        if (st != SL_DATE_OK || v.precision != SL_PREC_DAY || v.n_milestones != 1 || v.is_range ||
            v.vague || v.recurrence != SL_RECUR_NONE) {
            *why = "Enter a date as a day, month and year, for example 5/9/2017 or 5 September 2017";
            return -1;
        }
        *day = v.latest;
    }
    if (!ahead && *day > real_today) {
        *why = "Enter today's date or an earlier one: sightline shows the plan as it stood, not as it will be";
        return -1;
    }
    return 0;
}

/* Writes the 400 page of an as_of that cannot be shown, with an error
 * summary pointing at the header control (which shows what was typed). */
static void refuse_day(sl_request *req, const char *why)
{
    sl_buf_reset(&req->body);
    req->status = 400;
    req->location = NULL;
    sl_page_start(req, "That date cannot be shown");
    sl_buf_printf(&req->body,
                  "<div class=\"govuk-error-summary\" data-module=\"govuk-error-summary\"><div role=\"alert\">"
                  "<h2 class=\"govuk-error-summary__title\">There is a problem</h2><div class=\"govuk-error-summary__body\">"
                  "<ul class=\"govuk-list govuk-error-summary__list\"><li><a href=\"#as-of\">%h</a></li></ul></div></div></div>"
                  "<h1 class=\"govuk-heading-l\">That date cannot be shown</h1>"
                  "<p class=\"govuk-body\">%h.</p><p class=\"govuk-body\"><a class=\"govuk-link\" href=\"%a\">"
                  "Show the plan as it stands today</a></p>",
                  why, why, req->path);
    sl_page_end(req);
}

int sl_as_of_resolve(sl_request *req)
{
    req->today = req->real_today;
    req->as_of = NULL;
    const char *text = sl_query(req, "as_of"), *why = NULL;
    if (!text)
        return 0;
    sl_day day;
    if (sl_as_of_check(text, req->real_today, ahead_allowed(req->path), &day, &why) < 0) {
        refuse_day(req, why);
        return -1;
    }
    if (day == req->real_today)
        return 0;
    if (strcmp(req->method, "POST") == 0) {
        sl_error_page(req, 409, "You cannot change the past",
                      "This form came from a page showing the plan on another day than today, so nothing was changed. "
                      "Open today's page and make the change there.");
        return -1;
    }
    char iso[11];
    sl_day_format(day, iso);
    req->today = day;
    req->as_of = sl_req_strdup(req, iso);
    return 0;
}

/* MHD iterator: appends a hidden input for each query value but as_of. */
static enum MHD_Result hidden_input(void *cls, enum MHD_ValueKind kind, const char *key, const char *value)
{
    (void)kind;
    if (key && strcmp(key, "as_of") != 0)
        sl_buf_printf(cls, "<input type=\"hidden\" name=\"%a\" value=\"%a\">", key, value ? value : "");
    return MHD_YES;
}

/* MHD iterator: appends "key=value&" for each query value but as_of. */
static enum MHD_Result query_pair(void *cls, enum MHD_ValueKind kind, const char *key, const char *value)
{
    (void)kind;
    if (key && strcmp(key, "as_of") != 0)
        sl_buf_printf(cls, "%U=%U&", key, value ? value : "");
    return MHD_YES;
}

/* Appends the banner of a page shown as of another day, linking to today's page. */
static void banner(sl_request *req, sl_buf *out)
{
    char day[SL_DAY_TEXT_SIZE], iso[11];
    sl_day_text(req->today, 1, day);
    sl_day_format(req->real_today, iso);
    sl_buf today = SL_BUF_INIT;
    sl_buf_printf(&today, "%R?", req->path);
    MHD_get_connection_values(req->conn, MHD_GET_ARGUMENT_KIND, query_pair, &today);
    sl_buf_printf(&today, "as_of=%U", iso);
    int past = req->today < req->real_today;
    sl_template_slot slots[] = {
        {"title", past ? "A past day" : "A day ahead"},
        {"heading", past ? "You are viewing the plan as it stood on " : "You are looking ahead to "},
        {"day", day},
        {"today_href", sl_buf_str(&today)},
    };
    sl_web_template(req, out, "as_of_banner", SL_SLOTS(slots));
    sl_buf_free(&today);
}

void sl_as_of_header(sl_request *req, sl_buf *out)
{
    if (!req->signed_in || !req->conn)
        return;
    const char *typed = sl_query(req, "as_of"), *why = NULL;
    sl_day day;
    if (typed && sl_as_of_check(typed, req->real_today, ahead_allowed(req->path), &day, &why) == 0)
        why = NULL;
    char today_iso[11], shown_iso[11];
    sl_day_format(req->real_today, today_iso);
    sl_day_format(req->today, shown_iso);
    sl_buf hidden = SL_BUF_INIT, error = SL_BUF_INIT;
    MHD_get_connection_values(req->conn, MHD_GET_ARGUMENT_KIND, hidden_input, &hidden);
    if (why)
        sl_buf_printf(&error, "<p id=\"as-of-error\" class=\"govuk-error-message\">"
                              "<span class=\"govuk-visually-hidden\">Error:</span> %h</p>", why);
    sl_template_slot slots[] = {
        {"hidden", sl_buf_str(&hidden)},
        {"group_error", why ? " govuk-form-group--error" : ""},
        {"error", sl_buf_str(&error)},
        {"input_error", why ? " govuk-input--error" : ""},
        {"described", why ? " aria-describedby=\"as-of-error\"" : ""},
        {"value", why ? typed : shown_iso},
        {"max", ahead_allowed(req->path) ? "" : today_iso},
    };
    sl_web_template(req, out, "as_of_control", SL_SLOTS(slots));
    sl_buf_free(&hidden);
    sl_buf_free(&error);
    if (req->as_of)
        banner(req, out);
}

/* Appends url (len bytes, from an attribute) with the day added before any '#'. */
static void add_day(sl_buf *out, const char *url, size_t len, const char *day)
{
    const char *hash = memchr(url, '#', len);
    size_t head = hash ? (size_t)(hash - url) : len;
    sl_buf_add(out, url, head);
    sl_buf_printf(out, "%R%R", memchr(url, '?', head) ? "&amp;as_of=" : "?as_of=", day);
    sl_buf_add(out, url + head, len - head);
}

/* Appends one tag (not a form) with its href="/…" carrying the day. */
static void carry_link(sl_buf *out, const char *tag, size_t len, const char *day)
{
    static const char attr[] = " href=\"";
    const char *end = tag + len;
    for (const char *p = tag; p + sizeof attr - 1 < end; p++) {
        if (memcmp(p, attr, sizeof attr - 1) != 0)
            continue;
        const char *url = p + sizeof attr - 1;
        const char *close = memchr(url, '"', (size_t)(end - url));
        if (!close)
            break;
        size_t n = (size_t)(close - url);
        if (never_carried(url, n) || find(url, n, "as_of="))
            break;
        sl_buf_add(out, tag, (size_t)(url - tag));
        add_day(out, url, n, day);
        sl_buf_add(out, close, (size_t)(end - close));
        return;
    }
    sl_buf_add(out, tag, len);
}

/* Appends a <form> tag (rest: the text after it) as the day needs it: a GET
 * form gains the day as a hidden field, a POST form a disabled fieldset.
 * Returns 1 when a fieldset was opened (to be closed at </form>). */
static int carry_form(sl_buf *out, const char *tag, size_t len, const char *rest, size_t rest_len,
                      const char *day)
{
    sl_buf_add(out, tag, len);
    const char *action = find(tag, len, "action=\"");
    size_t left = action ? len - (size_t)(action + 8 - tag) : 0;
    if (find(tag, len, "method=\"post\"")) {
        if (action && never_carried(action + 8, left))
            return 0;
        sl_buf_puts(out, "<fieldset class=\"sl-past-form\" disabled>");
        return 1;
    }
    const char *close = find(rest, rest_len, "</form>");
    size_t body = close ? (size_t)(close - rest) : rest_len;
    if (!find(rest, body, "name=\"as_of\""))
        sl_buf_printf(out, "<input type=\"hidden\" name=\"as_of\" value=\"%a\">", day);
    return 0;
}

/* Returns 1 when the n bytes at tag open an element named name. */
static int tag_is(const char *tag, size_t n, const char *name)
{
    size_t k = strlen(name);
    return n > k + 1 && memcmp(tag + 1, name, k) == 0 && (tag[k + 1] == ' ' || tag[k + 1] == '>');
}

/* Returns 1 when the tag at lt (end: the end of the text) is one the day
 * may change: a link, a form or, inside a switched-off form, its end. */
static int tag_wanted(const char *lt, const char *end, int open_fieldset)
{
    size_t left = (size_t)(end - lt);
    return (left > 3 && lt[1] == 'a' && lt[2] == ' ') || (left > 6 && memcmp(lt, "<form", 5) == 0) ||
           (open_fieldset && left >= 7 && memcmp(lt, "</form>", 7) == 0);
}

/* Appends in[0..len) to out with its links and GET forms carrying the day
 * and its POST forms switched off; *open_fieldset is a switched-off form's
 * state, carried from one call to the next. */
static void carry_text(sl_buf *out, const char *in, size_t len, const char *as_of, int *open_fieldset)
{
    const char *end = in + len, *done = in;
    /* Only links and forms are rewritten; the text between is copied in runs. */
    for (const char *lt = len ? memchr(in, '<', len) : NULL; lt && lt < end;
         lt = lt + 1 < end ? memchr(lt + 1, '<', (size_t)(end - lt - 1)) : NULL) {
        if (!tag_wanted(lt, end, *open_fieldset))
            continue;
        const char *gt = memchr(lt, '>', (size_t)(end - lt));
        if (!gt)
            break;
        sl_buf_add(out, done, (size_t)(lt - done));
        size_t n = (size_t)(gt - lt) + 1;
        if (tag_is(lt, n, "form")) {
            *open_fieldset = carry_form(out, lt, n, gt + 1, (size_t)(end - gt - 1), as_of);
        } else if (lt[1] == '/') {
            sl_buf_puts(out, "</fieldset></form>");
            *open_fieldset = 0;
        } else {
            carry_link(out, lt, n, as_of);
        }
        done = gt + 1;
        lt = gt;
    }
    sl_buf_add(out, done, (size_t)(end - done));
}

/* Whether the answer in req is a page the day is carried on. */
static int carries(const sl_request *req)
{
    const char *type = req->content_type;
    return req->as_of && !req->location && (!type || strncmp(type, "text/html", 9) == 0) && req->body.data;
}

void sl_as_of_carry(sl_request *req)
{
    if (!carries(req))
        return;
    const char *in = req->body.data;
    size_t len = req->body.len, start = req->content_start, stop = req->content_end;
    int open_fieldset = 0;
    sl_buf out = SL_BUF_INIT;
    sl_buf_reserve(&out, len + len / 8);
    if (req->content_carried && start <= stop && stop <= len) {
        /* The page's own content came carried (the page cache keeps it so): only the layout around it. */
        carry_text(&out, in, start, req->as_of, &open_fieldset);
        sl_buf_add(&out, in + start, stop - start);
        carry_text(&out, in + stop, len - stop, req->as_of, &open_fieldset);
    } else {
        carry_text(&out, in, len, req->as_of, &open_fieldset);
    }
    sl_buf_free(&req->body);
    req->body = out;
    req->content_start = req->content_end = 0;
    req->content_carried = 0;
}

void sl_as_of_carry_content(sl_request *req)
{
    if (!carries(req) || req->content_carried || req->content_end <= req->content_start ||
        req->content_end > req->body.len)
        return;
    const char *in = req->body.data;
    size_t start = req->content_start, stop = req->content_end;
    int open_fieldset = 0;
    sl_buf out = SL_BUF_INIT;
    sl_buf_reserve(&out, req->body.len + req->body.len / 8);
    sl_buf_add(&out, in, start);
    carry_text(&out, in + start, stop - start, req->as_of, &open_fieldset);
    size_t carried_end = out.len;
    sl_buf_add(&out, in + stop, req->body.len - stop);
    sl_buf_free(&req->body);
    req->body = out;
    req->content_end = carried_end;
    req->content_carried = 1;
}
