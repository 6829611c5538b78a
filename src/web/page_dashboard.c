/* page_dashboard.c — a plan's dashboard: the RAG chart, counts by theme,
 * what is overdue, what falls due in the next 30 days, what has gone stale,
 * and what changed most recently. */
#include <stdlib.h>
#include <string.h>

#include "report/rag_chart.h"
#include "util/mem.h"
#include "web/action_table.h"
#include "web/web.h"

#define MAX_THEMES 200

typedef struct {
    const char *ref;
    const char *title;
    int by_rag[6];
    int total;
} theme_count;

/* Writes the counts-by-theme table. */
static void theme_table(sl_request *req, const sl_web_actions *all)
{
    static theme_count zero;
    theme_count *themes = sl_calloc(MAX_THEMES * sizeof *themes);
    size_t n = 0;
    for (size_t i = 0; i < all->n; i++) {
        const sl_web_action *a = &all->items[i];
        size_t t = 0;
        while (t < n && (strcmp(themes[t].ref, a->theme_ref) || strcmp(themes[t].title, a->theme)))
            t++;
        if (t == n) {
            if (n == MAX_THEMES)
                continue;
            themes[n] = zero;
            themes[n].ref = a->theme_ref;
            themes[n++].title = a->theme;
        }
        themes[t].by_rag[a->rag.rag]++;
        themes[t].total++;
    }
    sl_buf *b = &req->body;
    sl_buf_puts(b, "<table class=\"govuk-table sl-counts\"><caption class=\"govuk-table__caption govuk-table__caption--m\">Actions by theme</caption>"
                   "<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">"
                   "<th scope=\"col\" class=\"govuk-table__header\">Theme</th>"
                   "<th scope=\"col\" class=\"govuk-table__header\">Actions</th>"
                   "<th scope=\"col\" class=\"govuk-table__header\">Red</th>"
                   "<th scope=\"col\" class=\"govuk-table__header\">Amber</th>"
                   "<th scope=\"col\" class=\"govuk-table__header\">Green</th>"
                   "<th scope=\"col\" class=\"govuk-table__header\">Blue</th>"
                   "<th scope=\"col\" class=\"govuk-table__header\">Grey</th></tr></thead><tbody class=\"govuk-table__body\">");
    for (size_t t = 0; t < n; t++) {
        sl_buf_printf(b, "<tr class=\"govuk-table__row\"><td class=\"govuk-table__cell\">%h %h"
                         "</td><td class=\"govuk-table__cell\">%d</td><td class=\"govuk-table__cell\">%d</td>"
                         "<td class=\"govuk-table__cell\">%d</td><td class=\"govuk-table__cell\">%d</td>"
                         "<td class=\"govuk-table__cell\">%d</td><td class=\"govuk-table__cell\">%d</td></tr>",
                      themes[t].ref, themes[t].title, themes[t].total, themes[t].by_rag[SL_RAG_RED], themes[t].by_rag[SL_RAG_AMBER],
                      themes[t].by_rag[SL_RAG_GREEN], themes[t].by_rag[SL_RAG_BLUE],
                      themes[t].by_rag[SL_RAG_GREY]);
    }
    sl_buf_puts(b, "</tbody></table>");
    free(themes);
}

/* Keeps the actions for which keep() holds, in a view sharing the strings. */
static sl_web_actions subset(const sl_web_actions *all, int (*keep)(const sl_web_action *, sl_day),
                             sl_day today)
{
    sl_web_actions view = {sl_calloc((all->n + 1) * sizeof *all->items), 0};
    for (size_t i = 0; i < all->n; i++)
        if (keep(&all->items[i], today))
            view.items[view.n++] = all->items[i];
    return view;
}

/* How many actions each dashboard list shows; the rest are a link away. */
#define DASHBOARD_ROWS 15

/* Writes one dashboard list: its first DASHBOARD_ROWS actions and, when
 * there are more, a link to all of them in the action list. */
static void dashboard_list(sl_request *req, const sl_web_plan *plan, sl_web_actions *view,
                           const char *caption, const char *all_query)
{
    size_t total = view->n;
    char counted[96];
    snprintf(counted, sizeof counted, "%s (%zu)", caption, total);
    if (view->n > DASHBOARD_ROWS)
        view->n = DASHBOARD_ROWS;
    sl_web_action_table(req, view, counted, 0);
    if (total > DASHBOARD_ROWS)
        sl_buf_printf(&req->body,
                      "<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/plans/%lld/actions%R\">"
                      "All %zu: %h</a></p>",
                      (long long)plan->id, all_query, total, caption);
    view->n = total;
}

/* Overdue now. */
static int overdue(const sl_web_action *a, sl_day today)
{
    (void)today;
    return a->rag.overdue;
}

/* Open and due within the next 30 days. */
static int due_soon(const sl_web_action *a, sl_day today)
{
    int open = !sl_status_is_done(a->status) && !sl_status_is_closed(a->status);
    return open && a->due != SL_NO_DAY && a->due >= today && a->due - today <= 30;
}

/* No update within the plan's update cycle. */
static int stale(const sl_web_action *a, sl_day today)
{
    (void)today;
    return a->rag.stale;
}

/* Updated in the last 14 days. */
static int recent(const sl_web_action *a, sl_day today)
{
    return a->last_update != SL_NO_DAY && today - a->last_update <= 14;
}

void sl_page_dashboard(sl_request *req)
{
    sl_web_plan plan;
    if (sl_find_plan(req, req->ids[0], &plan) != 1)
        return;
    sl_action_filter f = {.plan_id = plan.id, .as_of = req->today, .due_within = -1};
    sl_web_actions all;
    if (sl_web_actions_load(req, &f, NULL, &all) < 0)
        return;
    int counts[6] = {0};
    for (size_t i = 0; i < all.n; i++)
        counts[all.items[i].rag.rag]++;
    sl_buf *b = &req->body;
    sl_page_start(req, plan.title);
    sl_breadcrumbs(req, NULL, plan.title);
    sl_buf_printf(b, "<span class=\"govuk-caption-l\">%h · version %d%h</span><h1 class=\"govuk-heading-l\">%h</h1>",
                  plan.authority, plan.version, plan.superseded_by ? " (superseded)" : "", plan.title);
    sl_buf_printf(b, "<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/plans/%lld/actions\">All %zu actions</a> · "
                     "<a class=\"govuk-link\" href=\"/plans/%lld/recommendations\">Recommendations</a> · "
                     "<a class=\"govuk-link\" href=\"/plans/%lld/actions.csv\">Download CSV</a></p>",
                  (long long)plan.id, all.n, (long long)plan.id, (long long)plan.id);
    char day[SL_DAY_TEXT_SIZE];
    sl_day_text(req->today, 0, day);
    char title[64];
    snprintf(title, sizeof title, "Actions by RAG as of %s", day);
    sl_buf_printf(b, "<h2 class=\"govuk-heading-m\">%h</h2>", title);
    sl_rag_chart_svg(b, counts, title);
    theme_table(req, &all);
    sl_web_actions view = subset(&all, overdue, req->today);
    sl_web_actions_sort(&view, "due");
    dashboard_list(req, &plan, &view, "Overdue", "?overdue=1&amp;sort=due");
    free(view.items);
    view = subset(&all, due_soon, req->today);
    sl_web_actions_sort(&view, "due");
    dashboard_list(req, &plan, &view, "Due in the next 30 days", "?sort=due");
    free(view.items);
    view = subset(&all, stale, req->today);
    dashboard_list(req, &plan, &view, "No update within the update cycle", "?sort=rag");
    free(view.items);
    view = subset(&all, recent, req->today);
    dashboard_list(req, &plan, &view, "Updated in the last 14 days", "");
    free(view.items);
    sl_page_end(req);
    sl_web_actions_free(&all);
}
