/* layout.c — the page layout every page shares (GOV.UK Frontend markup in
 * web/templates: layout_head, service_navigation, nav_item, layout_foot),
 * templates filled in for pages, RAG tags, and small helpers about people
 * and roles. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "domain/reminder.h"
#include "web/as_of.h"
#include "web/reminder_panel.h"
#include "web/web.h"

int sl_local_path(const char *s)
{
    if (!s || s[0] != '/' || s[1] == '/' || s[1] == '\\')
        return 0;
    for (; *s; s++)
        if (!isalnum((unsigned char)*s) && !strchr("/-_.?=&%", *s))
            return 0;
    return 1;
}

int sl_names_person(const char *cell, const char *person)
{
    return sl_person_named(cell, person);
}

void sl_rag_tag(sl_buf *out, sl_rag rag)
{
    static const char *const classes[] = {"govuk-tag--grey", "govuk-tag--red", "govuk-tag--orange",
                                          "govuk-tag--green", "govuk-tag--blue", "govuk-tag--grey"};
    static const char *const words[] = {"No rating", "Red", "Amber", "Green", "Blue", "Grey"};
    sl_buf_printf(out, "<strong class=\"govuk-tag %a\">%h</strong>", classes[rag], words[rag]);
}

void sl_web_template(sl_request *req, sl_buf *out, const char *name, const sl_template_slot *slots,
                     size_t n)
{
    sl_error err = {0};
    if (sl_template_render(out, name, slots, n, &err) < 0) {
        fprintf(stderr, "sightline: %s\n", err.message);
        req->status = 500;
    }
}

/* Appends one navigation item to nav, marked current when it is the page's path. */
static void nav_item(sl_request *req, sl_buf *nav, const char *href, const char *label)
{
    int current = strcmp(req->path, href) == 0;
    sl_template_slot slots[] = {
        {"active", current ? " govuk-service-navigation__item--active" : ""},
        {"href", href},
        {"aria_current", current ? " aria-current=\"page\"" : ""},
        {"label", label},
    };
    sl_web_template(req, nav, "nav_item", SL_SLOTS(slots));
}

/* Appends the service navigation of a signed-in user (menu, who they are, sign out) to nav. */
static void service_navigation(sl_request *req, sl_buf *nav)
{
    static const char *const items[][2] = {
        {"/", "Plans"},           {"/my-actions", "My actions"}, {"/measures", "Measures"},
        {"/inspections", "Inspections"}, {"/national", "National"}, {"/summary", "All councils"},
        {"/people", "People"},
        {"/boards", "Boards"},    {"/calendar", "Calendar"},     {"/risks", "Risks"},
        {"/savings", "Savings"},  {"/reports", "Reports"},       {"/audit", "Audit log"},
    };
    sl_buf list = SL_BUF_INIT;
    for (size_t i = 0; i < sizeof items / sizeof items[0]; i++)
        nav_item(req, &list, items[i][0], items[i][1]);
    if (sl_may(req->role, SL_DO_IMPORT, NULL))
        nav_item(req, &list, "/import", "Import");
    sl_template_slot slots[] = {
        {"items", sl_buf_str(&list)},
        {"csrf", req->session.csrf},
        {"login", req->session.user.login},
        {"role", req->session.user.role},
        {"q", strcmp(req->path, "/search") == 0 ? sl_query(req, "q") : ""},
    };
    sl_web_template(req, nav, "service_navigation", SL_SLOTS(slots));
    sl_buf_free(&list);
}

void sl_page_start(sl_request *req, const char *title)
{
    req->title = sl_req_strdup(req, title);
    sl_buf nav = SL_BUF_INIT;
    if (req->signed_in)
        service_navigation(req, &nav);
    sl_template_slot slots[] = {{"title", title}, {"service_navigation", sl_buf_str(&nav)}};
    sl_web_template(req, &req->body, "layout_head", SL_SLOTS(slots));
    sl_buf_free(&nav);
    sl_as_of_header(req, &req->body);
    if (!req->as_of)
        sl_reminder_panel(req);
    req->content_start = req->body.len;
}

void sl_page_end(sl_request *req)
{
    req->content_end = req->body.len;
    sl_web_template(req, &req->body, "layout_foot", NULL, 0);
}

typedef struct {
    int64_t want;
    sl_web_plan *out;
    int found;
    sl_request *req;
} plan_search;

/* Store callback: copies the plan sought. */
static int on_plan(void *ctx, const sl_plan_info *info)
{
    plan_search *s = ctx;
    if (info->id != s->want)
        return 0;
    sl_web_plan *p = s->out;
    p->id = info->id;
    p->title = sl_req_strdup(s->req, info->title);
    p->authority = sl_req_strdup(s->req, info->authority);
    p->version = info->version;
    p->superseded_by = info->superseded_by;
    p->n_actions = info->n_actions;
    s->found = 1;
    sl_req_narrow_role(s->req, p->authority);
    return 1;
}

int sl_find_plan(sl_request *req, int64_t id, sl_web_plan *out)
{
    plan_search s = {id, out, 0, req};
    sl_error err = {0};
    if (sl_store_plan_info(req->store, id, on_plan, &s, &err) < 0) {
        sl_error_page(req, 500, "Something went wrong", err.message);
        return -1;
    }
    if (!s.found)
        sl_error_page(req, 404, "Plan not found", "There is no plan with that number.");
    return s.found;
}

void sl_breadcrumbs(sl_request *req, const sl_web_plan *plan, const char *extra)
{
    sl_buf *b = &req->body;
    sl_buf_puts(b, "<nav class=\"govuk-breadcrumbs\" aria-label=\"Breadcrumb\"><ol class=\"govuk-breadcrumbs__list\">"
                   "<li class=\"govuk-breadcrumbs__list-item\"><a class=\"govuk-breadcrumbs__link\" href=\"/\">Plans</a></li>");
    if (plan) {
        sl_buf_printf(b, "<li class=\"govuk-breadcrumbs__list-item\"><a class=\"govuk-breadcrumbs__link\" href=\"/plans/%lld\">%h</a></li>",
                      (long long)plan->id, plan->title);
    }
    if (extra) {
        sl_buf_printf(b, "<li class=\"govuk-breadcrumbs__list-item\">%h</li>", extra);
    }
    sl_buf_puts(b, "</ol></nav>");
}

void sl_error_page(sl_request *req, int status, const char *title, const char *message)
{
    if (req->stream) {
        req->stream_free(req->stream_ctx);
        req->stream = NULL;
    }
    sl_buf_reset(&req->body);
    req->status = status;
    req->location = NULL;
    sl_page_start(req, title);
    sl_buf_printf(&req->body, "<h1 class=\"govuk-heading-l\">%h</h1><p class=\"govuk-body\">%h</p>"
                              "<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/\">Go to the home page</a></p>",
                  title, message);
    sl_page_end(req);
}
