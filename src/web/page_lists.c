/* page_lists.c — the smaller pages: recommendation coverage, "my actions",
 * people and the audit log. */
#include <string.h>

#include "report/coverage.h"
#include "web/action_table.h"
#include "web/web.h"

void sl_page_recommendations(sl_request *req)
{
    sl_web_plan plan;
    if (sl_find_plan(req, req->ids[0], &plan) != 1)
        return;
    sl_coverage c;
    sl_error err = {0};
    if (sl_coverage_build(req->store, plan.id, req->today, &c, &err) < 0) {
        sl_error_page(req, 500, "Something went wrong", err.message);
        return;
    }
    sl_buf *b = &req->body;
    sl_page_start(req, "Recommendations");
    sl_breadcrumbs(req, &plan, "Recommendations");
    sl_buf_puts(b, "<h1 class=\"govuk-heading-l\">Recommendations and the actions answering them</h1>");
    int uncovered = 0;
    for (size_t i = 0; i < c.n; i++)
        uncovered += c.rows[i].n_actions == 0;
    if (uncovered)
        sl_buf_printf(b, "<div class=\"govuk-warning-text\"><span class=\"govuk-warning-text__icon\" aria-hidden=\"true\">!</span>"
                         "<strong class=\"govuk-warning-text__text\"><span class=\"govuk-visually-hidden\">Warning</span>"
                         "%d recommendation%s ha%s no action answering %s.</strong></div>",
                      uncovered, uncovered == 1 ? "" : "s", uncovered == 1 ? "s" : "ve", uncovered == 1 ? "it" : "them");
    sl_buf_puts(b, "<table class=\"govuk-table\"><thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">"
                   "<th scope=\"col\" class=\"govuk-table__header\">Recommendation</th>"
                   "<th scope=\"col\" class=\"govuk-table__header\">Actions</th>"
                   "<th scope=\"col\" class=\"govuk-table__header\">Status</th>"
                   "<th scope=\"col\" class=\"govuk-table__header\">RAG</th></tr></thead><tbody class=\"govuk-table__body\">");
    for (size_t i = 0; i < c.n; i++) {
        const sl_coverage_row *r = &c.rows[i];
        char status[48];
        sl_buf_printf(b, "<tr class=\"govuk-table__row%s\" id=\"rec-%d\"><td class=\"govuk-table__cell\"><strong>%d</strong> ",
                      r->n_actions ? "" : " sl-uncovered", r->number, r->number);
        sl_buf_html(b, r->text);
        sl_buf_puts(b, "</td><td class=\"govuk-table__cell\">");
        for (size_t k = 0; k < r->n_actions; k++) {
            sl_buf_puts(b, k ? ", " : "");
            sl_buf_html(b, r->actions[k].ref);
        }
        if (!r->n_actions)
            sl_buf_puts(b, "<strong>No action answers this</strong>");
        sl_buf_puts(b, "</td><td class=\"govuk-table__cell\">");
        sl_buf_html(b, sl_coverage_status(r, status, sizeof status));
        sl_buf_puts(b, "</td><td class=\"govuk-table__cell\">");
        sl_rag_tag(b, r->rag);
        sl_buf_puts(b, "</td></tr>");
    }
    sl_buf_puts(b, "</tbody></table>");
    if (c.n == 0)
        sl_buf_puts(b, "<p class=\"govuk-body\">This plan names no recommendations.</p>");
    sl_page_end(req);
    sl_coverage_free(&c);
}

void sl_page_my_actions(sl_request *req)
{
    const char *person = req->session.user.person;
    sl_buf *b = &req->body;
    if (!*person) {
        sl_page_start(req, "My actions");
        sl_buf_puts(b, "<h1 class=\"govuk-heading-l\">My actions</h1><p class=\"govuk-body\">Your account is not "
                       "linked to a person named in the plans, so no actions are yours.</p>");
        sl_page_end(req);
        return;
    }
    sl_action_filter f = {.as_of = req->today, .due_within = -1, .lead = person};
    sl_web_actions list;
    if (sl_web_actions_load(req, &f, NULL, &list) < 0)
        return;
    /* The filter matches text; keep only actions naming this person as a whole word. */
    size_t kept = 0;
    for (size_t i = 0; i < list.n; i++) {
        if (sl_names_person(list.items[i].sro, person) || sl_names_person(list.items[i].leads, person)) {
            sl_web_action tmp = list.items[kept];
            list.items[kept++] = list.items[i];
            list.items[i] = tmp;
        }
    }
    sl_web_actions mine = {list.items, kept};
    sl_web_actions_sort(&mine, "due");
    sl_page_start(req, "My actions");
    sl_buf_puts(b, "<h1 class=\"govuk-heading-l\">My actions</h1><p class=\"govuk-body\">Actions naming ");
    sl_buf_html(b, person);
    sl_buf_puts(b, " as SRO or lead, soonest due first.</p>");
    sl_web_action_table(req, &mine, "Yours", 1);
    sl_page_end(req);
    sl_web_actions_free(&list);
}

/* Person callback: one row of the people table. */
static int on_person(void *ctx, const sl_person_row *p)
{
    sl_buf *b = ctx;
    sl_buf_puts(b, "<tr class=\"govuk-table__row\"><td class=\"govuk-table__cell\">");
    sl_buf_html(b, p->label);
    sl_buf_puts(b, "</td><td class=\"govuk-table__cell\">");
    sl_buf_html(b, p->name);
    sl_buf_puts(b, "</td><td class=\"govuk-table__cell\">");
    sl_buf_html(b, p->authority);
    sl_buf_printf(b, "</td><td class=\"govuk-table__cell govuk-table__cell--numeric\">%d</td>"
                     "<td class=\"govuk-table__cell govuk-table__cell--numeric\">%d</td></tr>",
                  p->as_sro, p->as_lead);
    return 0;
}

void sl_page_people(sl_request *req)
{
    sl_buf *b = &req->body;
    sl_page_start(req, "People");
    sl_buf_puts(b, "<h1 class=\"govuk-heading-l\">People</h1><table class=\"govuk-table\">"
                   "<caption class=\"govuk-table__caption govuk-table__caption--m\">Everyone current plans name as SRO or lead</caption>"
                   "<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">"
                   "<th scope=\"col\" class=\"govuk-table__header\">As written</th>"
                   "<th scope=\"col\" class=\"govuk-table__header\">Name</th>"
                   "<th scope=\"col\" class=\"govuk-table__header\">Authority</th>"
                   "<th scope=\"col\" class=\"govuk-table__header govuk-table__header--numeric\">SRO of</th>"
                   "<th scope=\"col\" class=\"govuk-table__header govuk-table__header--numeric\">Lead of</th></tr></thead>"
                   "<tbody class=\"govuk-table__body\">");
    sl_error err = {0};
    sl_store_each_person(req->store, on_person, b, &err);
    sl_buf_puts(b, "</tbody></table>");
    sl_page_end(req);
}

/* Audit callback: one row of the log. */
static int on_audit(void *ctx, const sl_audit_entry *e)
{
    sl_buf *b = ctx;
    sl_buf_puts(b, "<tr class=\"govuk-table__row\"><td class=\"govuk-table__cell\">");
    sl_buf_html(b, e->at);
    sl_buf_puts(b, "</td><td class=\"govuk-table__cell\">");
    sl_buf_html(b, e->actor);
    sl_buf_puts(b, "</td><td class=\"govuk-table__cell\">");
    sl_buf_html(b, e->operation);
    sl_buf_puts(b, " ");
    if (strcmp(e->entity, "action") == 0)
        sl_buf_printf(b, "<a class=\"govuk-link\" href=\"/actions/%lld\">action %lld</a>", (long long)e->entity_id,
                      (long long)e->entity_id);
    else
        sl_buf_printf(b, "%s %lld", strcmp(e->entity, "plan") == 0 ? "plan" : "user", (long long)e->entity_id);
    sl_buf_puts(b, " ");
    sl_buf_html(b, e->field);
    sl_buf_puts(b, "</td><td class=\"govuk-table__cell sl-pre\">");
    if (e->before) {
        sl_buf_html(b, e->before);
        sl_buf_puts(b, " → ");
    }
    sl_buf_html(b, e->after ? e->after : "");
    sl_buf_puts(b, "</td></tr>");
    return 0;
}

void sl_page_audit(sl_request *req)
{
    sl_buf *b = &req->body;
    sl_page_start(req, "Audit log");
    sl_buf_puts(b, "<h1 class=\"govuk-heading-l\">Audit log</h1><table class=\"govuk-table\">"
                   "<caption class=\"govuk-table__caption govuk-table__caption--m\">The latest 200 changes, newest first</caption>"
                   "<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">"
                   "<th scope=\"col\" class=\"govuk-table__header\">When</th>"
                   "<th scope=\"col\" class=\"govuk-table__header\">Who</th>"
                   "<th scope=\"col\" class=\"govuk-table__header\">What</th>"
                   "<th scope=\"col\" class=\"govuk-table__header\">Change</th></tr></thead><tbody class=\"govuk-table__body\">");
    sl_error err = {0};
    sl_store_each_recent_audit(req->store, 200, on_audit, b, &err);
    sl_buf_puts(b, "</tbody></table>");
    sl_page_end(req);
}
