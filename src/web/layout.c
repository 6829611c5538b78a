/* layout.c — the page template every page shares (GOV.UK Frontend markup),
 * RAG tags, the CSRF field, and small helpers about people and roles. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "web/web.h"

sl_role sl_role_parse(const char *word)
{
    static const char *const names[] = {"", "viewer", "board", "lead", "programme", "admin"};
    for (int r = SL_ROLE_VIEWER; r <= SL_ROLE_ADMIN; r++)
        if (word && strcmp(word, names[r]) == 0)
            return (sl_role)r;
    return SL_ROLE_NONE;
}

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
    size_t n = strlen(person);
    if (n == 0 || !cell)
        return 0;
    for (const char *p = strstr(cell, person); p; p = strstr(p + 1, person)) {
        int starts = p == cell || !isalnum((unsigned char)p[-1]);
        int ends = !isalnum((unsigned char)p[n]) && p[n] != '-';
        if (starts && ends)
            return 1;
    }
    return 0;
}

void sl_rag_tag(sl_buf *out, sl_rag rag)
{
    static const char *const classes[] = {"govuk-tag--grey", "govuk-tag--red", "govuk-tag--orange",
                                          "govuk-tag--green", "govuk-tag--blue", "govuk-tag--grey"};
    static const char *const words[] = {"No rating", "Red", "Amber", "Green", "Blue", "Grey"};
    sl_buf_printf(out, "<strong class=\"govuk-tag %a\">%h</strong>", classes[rag], words[rag]);
}

void sl_csrf_field(sl_request *req)
{
    sl_buf_printf(&req->body, "<input type=\"hidden\" name=\"csrf\" value=\"%a\">", req->session.csrf);
}

/* Appends one navigation item, marked current when the path starts with prefix. */
static void nav_item(sl_request *req, const char *href, const char *label)
{
    int current = strcmp(req->path, href) == 0;
    sl_buf_printf(&req->body,
                  "<li class=\"govuk-service-navigation__item%a\"><a class=\"govuk-service-navigation__link\" href=\"%a\"%R>%h</a></li>",
                  current ? " govuk-service-navigation__item--active" : "", href,
                  current ? " aria-current=\"page\"" : "", label);
}

void sl_page_start(sl_request *req, const char *title)
{
    sl_buf *b = &req->body;
    snprintf(req->title, sizeof req->title, "%s", title);
    sl_buf_puts(b, "<!DOCTYPE html>\n<html lang=\"en\" class=\"govuk-template\">\n<head>\n"
                   "<meta charset=\"utf-8\">\n<title>");
    sl_buf_html(b, title);
    sl_buf_puts(b, " – sightline</title>\n"
                   "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                   "<link rel=\"icon\" href=\"/assets/images/favicon.ico\" sizes=\"48x48\">\n"
                   "<link rel=\"stylesheet\" href=\"/static/govuk-frontend.min.css\">\n"
                   "<link rel=\"stylesheet\" href=\"/static/app.css\">\n</head>\n"
                   "<body class=\"govuk-template__body\">\n"
                   "<a href=\"#main-content\" class=\"govuk-skip-link\">Skip to main content</a>\n"
                   "<header class=\"govuk-header\"><div class=\"govuk-header__container govuk-width-container\">"
                   "<div class=\"govuk-header__logo\"><a href=\"/\" class=\"govuk-header__link govuk-header__link--homepage\">"
                   "<span class=\"govuk-header__logotype-text sl-logotype\">sightline</span></a></div></div></header>\n");
    if (req->signed_in) {
        sl_buf_puts(b, "<section aria-label=\"Service menu\" class=\"govuk-service-navigation\">"
                       "<div class=\"govuk-width-container\"><div class=\"govuk-service-navigation__container\">"
                       "<nav aria-label=\"Menu\" class=\"govuk-service-navigation__wrapper\">"
                       "<ul class=\"govuk-service-navigation__list\">");
        nav_item(req, "/", "Plans");
        nav_item(req, "/my-actions", "My actions");
        nav_item(req, "/measures", "Measures");
        nav_item(req, "/inspections", "Inspections");
        nav_item(req, "/national", "National");
        nav_item(req, "/people", "People");
        nav_item(req, "/audit", "Audit log");
        sl_buf_puts(b, "</ul></nav><form method=\"post\" action=\"/sign-out\" class=\"sl-sign-out\">");
        sl_csrf_field(req);
        sl_buf_puts(b, "<span class=\"govuk-body-s\">");
        sl_buf_html(b, req->session.user.login);
        sl_buf_puts(b, " (");
        sl_buf_html(b, req->session.user.role);
        sl_buf_puts(b, ")</span> <button type=\"submit\" class=\"govuk-button govuk-button--secondary sl-inline-button\">Sign out</button></form>"
                       "</div></div></section>\n");
    }
    sl_buf_puts(b, "<div class=\"govuk-width-container\">\n"
                   "<main class=\"govuk-main-wrapper\" id=\"main-content\">\n");
    req->content_start = b->len;
}

void sl_page_end(sl_request *req)
{
    req->content_end = req->body.len;
    sl_buf_puts(&req->body,
                "\n</main>\n</div>\n<footer class=\"govuk-footer\"><div class=\"govuk-width-container\">"
                "<div class=\"govuk-footer__meta\"><div class=\"govuk-footer__meta-item govuk-footer__meta-item--grow\">"
                "<p class=\"govuk-body-s\">sightline: one line of sight from every inspection recommendation to the actions that answer it.</p>"
                "</div></div></div></footer>\n</body>\n</html>\n");
}

typedef struct {
    int64_t want;
    sl_web_plan *out;
    int found;
} plan_search;

/* Store callback: copies the plan sought. */
static int on_plan(void *ctx, const sl_plan_info *info)
{
    plan_search *s = ctx;
    if (info->id != s->want)
        return 0;
    sl_web_plan *p = s->out;
    p->id = info->id;
    snprintf(p->title, sizeof p->title, "%s", info->title);
    snprintf(p->authority, sizeof p->authority, "%s", info->authority);
    p->version = info->version;
    p->superseded_by = info->superseded_by;
    p->n_actions = info->n_actions;
    s->found = 1;
    return 1;
}

int sl_find_plan(sl_request *req, int64_t id, sl_web_plan *out)
{
    plan_search s = {id, out, 0};
    sl_error err = {0};
    if (sl_store_each_plan(req->store, 1, on_plan, &s, &err) < 0) {
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
