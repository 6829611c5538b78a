/* page_my_actions.c — "my actions": every action naming the signed-in
 * person as SRO or lead, soonest due first, 100 to a page. */
#include "web/action_table.h"
#include "web/pagination.h"
#include "web/web.h"

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
    sl_pager pager;
    if (sl_pager_read(req, &pager) < 0 || sl_pager_total(req, &pager, mine.n) < 0) {
        sl_web_actions_free(&list);
        return;
    }
    sl_page_start(req, "My actions");
    sl_buf_printf(b, "<h1 class=\"govuk-heading-l\">My actions</h1>"
                     "<p class=\"govuk-body\">Actions naming %h as SRO or lead, soonest due first.</p>",
                  person);
    char caption[64];
    snprintf(caption, sizeof caption, "Yours (%zu)", mine.n);
    sl_pager_summary(b, &pager, "actions");
    sl_web_actions shown = {mine.items ? mine.items + sl_pager_first(&pager) : NULL,
                           sl_pager_end(&pager) - sl_pager_first(&pager)};
    sl_web_action_table(req, &shown, caption, 1);
    sl_pager_nav(req, b, &pager);
    sl_page_end(req);
    sl_web_actions_free(&list);
}
