/* page_actions.c — a plan's action list: filters (theme, lead, status, RAG,
 * overdue, text), sorting, and the CSV download of the filtered view. */
#include <string.h>

#include "web/action_table.h"
#include "web/web.h"

/* Reads the filter from the query string; unknown words are ignored. */
static void read_filter(sl_request *req, sl_action_filter *f)
{
    f->plan_id = req->ids[0];
    f->as_of = req->today;
    f->due_within = -1;
    f->theme = sl_query(req, "theme");
    f->lead = sl_query(req, "lead");
    const char *status = sl_query(req, "status");
    f->has_status = status && sl_status_parse(status, &f->status) == 0;
    const char *rag = sl_query(req, "rag");
    if (!rag || sl_rag_parse(rag, &f->rag) < 0)
        f->rag = SL_RAG_NONE;
    const char *overdue = sl_query(req, "overdue");
    f->overdue_only = overdue && strcmp(overdue, "1") == 0;
}

/* Writes a labelled text input kept filled with its current value. */
static void text_input(sl_request *req, const char *name, const char *label)
{
    sl_buf *b = &req->body;
    sl_buf_printf(b, "<div class=\"govuk-form-group\"><label class=\"govuk-label\" for=\"f-%a\">%h</label>"
                     "<input class=\"govuk-input govuk-input--width-10\" id=\"f-%a\" name=\"%a\" type=\"text\" value=\"%a\"></div>",
                  name, label, name, name, sl_query(req, name));
}

/* Writes a select of words, the current one selected. */
static void select_input(sl_request *req, const char *name, const char *label,
                         const char *const *words, size_t n)
{
    sl_buf *b = &req->body;
    const char *current = sl_query(req, name);
    sl_buf_printf(b, "<div class=\"govuk-form-group\"><label class=\"govuk-label\" for=\"f-%a\">%h</label>"
                     "<select class=\"govuk-select\" id=\"f-%a\" name=\"%a\"><option value=\"\">Any</option>",
                  name, label, name, name);
    for (size_t i = 0; i < n; i++)
        sl_buf_printf(b, "<option value=\"%a\"%R>%h</option>", words[i],
                      current && strcmp(current, words[i]) == 0 ? " selected" : "", sl_req_words(req, words[i]));
    sl_buf_puts(b, "</select></div>");
}

/* Writes the filter form. */
static void filter_form(sl_request *req)
{
    static const char *const statuses[] = {"not-started", "planned",  "in-progress", "on-track",
                                           "at-risk",     "off-track", "complete",   "signed-off",
                                           "carried-forward", "withdrawn"};
    static const char *const rags[] = {"red", "amber", "green", "blue", "grey"};
    static const char *const sorts[] = {"ref", "due", "rag", "status"};
    sl_buf *b = &req->body;
    sl_buf_puts(b, "<form method=\"get\" class=\"sl-filters\" role=\"search\" aria-label=\"Filter actions\">");
    text_input(req, "q", "Search");
    text_input(req, "theme", "Theme");
    text_input(req, "lead", "Lead");
    select_input(req, "status", "Status", statuses, sizeof statuses / sizeof statuses[0]);
    select_input(req, "rag", "RAG", rags, sizeof rags / sizeof rags[0]);
    select_input(req, "sort", "Sort by", sorts, sizeof sorts / sizeof sorts[0]);
    const char *overdue = sl_query(req, "overdue");
    sl_buf_printf(b, "<div class=\"govuk-form-group\"><div class=\"govuk-checkboxes govuk-checkboxes--small\">"
                     "<div class=\"govuk-checkboxes__item\"><input class=\"govuk-checkboxes__input\" id=\"f-overdue\" "
                     "name=\"overdue\" type=\"checkbox\" value=\"1\"%R><label class=\"govuk-label govuk-checkboxes__label\" "
                     "for=\"f-overdue\">Overdue only</label></div></div></div>",
                  overdue && strcmp(overdue, "1") == 0 ? " checked" : "");
    sl_buf_puts(b, "<button type=\"submit\" class=\"govuk-button\">Filter</button></form>");
}

/* Appends the current query (the filter) to a link, URL-encoded. */
static void same_query(sl_request *req, sl_buf *b)
{
    static const char *const names[] = {"q", "theme", "lead", "status", "rag", "overdue", "sort"};
    char sep = '?';
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        const char *v = sl_query(req, names[i]);
        if (!v)
            continue;
        sl_buf_printf(b, "%c%U=%U", sep, names[i], v);
        sep = '&';
    }
}

void sl_page_actions(sl_request *req)
{
    sl_web_plan plan;
    if (sl_find_plan(req, req->ids[0], &plan) != 1)
        return;
    sl_action_filter f = {0};
    read_filter(req, &f);
    sl_web_actions list;
    if (sl_web_actions_load(req, &f, sl_query(req, "q"), &list) < 0)
        return;
    sl_web_actions_sort(&list, sl_query(req, "sort"));
    sl_buf *b = &req->body;
    sl_page_start(req, "Actions");
    sl_breadcrumbs(req, &plan, "Actions");
    sl_buf_puts(b, "<h1 class=\"govuk-heading-l\">Actions</h1>");
    filter_form(req);
    sl_buf query = SL_BUF_INIT;
    same_query(req, &query);
    sl_buf_printf(b, "<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/plans/%lld/actions.csv%a\">"
                     "Download these actions as CSV</a></p>",
                  (long long)plan.id, sl_buf_str(&query));
    sl_buf_free(&query);
    char caption[64];
    snprintf(caption, sizeof caption, "Matching actions (%zu)", list.n);
    sl_web_action_table(req, &list, caption, 0);
    sl_page_end(req);
    sl_web_actions_free(&list);
}

void sl_page_actions_csv(sl_request *req)
{
    sl_web_plan plan;
    if (sl_find_plan(req, req->ids[0], &plan) != 1)
        return;
    sl_action_filter f = {0};
    read_filter(req, &f);
    sl_web_actions list;
    if (sl_web_actions_load(req, &f, sl_query(req, "q"), &list) < 0)
        return;
    sl_web_actions_sort(&list, sl_query(req, "sort"));
    sl_buf *b = &req->body;
    /* A UTF-8 byte-order mark first, so that Excel reads £ and accents as UTF-8. */
    sl_buf_puts(b, "\xEF\xBB\xBF" "plan,theme_ref,theme,ref,title,due,sro,leads,status,status_text,rag,overdue,progress\r\n");
    for (size_t i = 0; i < list.n; i++) {
        const sl_web_action *a = &list.items[i];
        char due[11] = "";
        if (a->due != SL_NO_DAY)
            sl_day_format(a->due, due);
        const char *cells[] = {a->plan_title, a->theme_ref, a->theme, a->ref, a->title, due, a->sro,
                               a->leads, sl_status_name(a->status), a->status_text,
                               sl_rag_name(a->rag.rag), a->rag.overdue ? "yes" : "no", a->note};
        for (size_t c = 0; c < sizeof cells / sizeof cells[0]; c++) {
            if (c)
                sl_buf_putc(b, ',');
            /* A cell opening with = + - @ would be read as a formula by a spreadsheet. */
            if (cells[c][0] && strchr("=+-@", cells[c][0])) {
                sl_buf quoted = SL_BUF_INIT;
                sl_buf_putc(&quoted, '\'');
                sl_buf_puts(&quoted, cells[c]);
                sl_buf_csv_field(b, sl_buf_str(&quoted));
                sl_buf_free(&quoted);
            } else {
                sl_buf_csv_field(b, cells[c]);
            }
        }
        sl_buf_puts(b, "\r\n");
    }
    req->content_type = "text/csv; charset=utf-8";
    req->filename = sl_req_printf(req, "plan-%lld-actions.csv", (long long)plan.id);
    sl_web_actions_free(&list);
}
