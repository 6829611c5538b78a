/* page_people.c — everyone current plans name as SRO or lead, with how many
 * actions each owns, 100 to a page. */
#include "web/pagination.h"
#include "web/web.h"

typedef struct {
    sl_buf rows;
    sl_pager pager;
} people_ctx;

/* Person callback: one row of the people table, when it is on the page. */
static int on_person(void *ctx, const sl_person_row *p)
{
    people_ctx *c = ctx;
    if (!sl_pager_take(&c->pager))
        return 0;
    sl_buf_printf(&c->rows, "<tr class=\"govuk-table__row\"><td class=\"govuk-table__cell\">%h</td>"
                     "<td class=\"govuk-table__cell\">%h</td><td class=\"govuk-table__cell\">%h"
                     "</td><td class=\"govuk-table__cell govuk-table__cell--numeric\">%d</td>"
                     "<td class=\"govuk-table__cell govuk-table__cell--numeric\">%d</td></tr>",
                  p->label, p->name, p->authority, p->as_sro, p->as_lead);
    return 0;
}

void sl_page_people(sl_request *req)
{
    sl_buf *b = &req->body;
    people_ctx c = {SL_BUF_INIT, {0}};
    sl_error err = {0};
    if (sl_pager_read(req, &c.pager) < 0)
        return;
    if (sl_store_each_person(req->store, on_person, &c, &err) < 0) {
        sl_buf_free(&c.rows);
        sl_error_page(req, 500, "Something went wrong", err.message);
        return;
    }
    if (sl_pager_check(req, &c.pager) < 0) {
        sl_buf_free(&c.rows);
        return;
    }
    sl_page_start(req, "People");
    sl_buf_puts(b, "<h1 class=\"govuk-heading-l\">People</h1>");
    sl_pager_summary(b, &c.pager, "people");
    sl_buf_puts(b, "<table class=\"govuk-table\">"
                   "<caption class=\"govuk-table__caption govuk-table__caption--m\">Everyone current plans name as SRO or lead</caption>"
                   "<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">"
                   "<th scope=\"col\" class=\"govuk-table__header\">As written</th>"
                   "<th scope=\"col\" class=\"govuk-table__header\">Name</th>"
                   "<th scope=\"col\" class=\"govuk-table__header\">Authority</th>"
                   "<th scope=\"col\" class=\"govuk-table__header govuk-table__header--numeric\">SRO of</th>"
                   "<th scope=\"col\" class=\"govuk-table__header govuk-table__header--numeric\">Lead of</th></tr></thead>"
                   "<tbody class=\"govuk-table__body\">");
    sl_buf_puts(b, sl_buf_str(&c.rows));
    sl_buf_puts(b, "</tbody></table>");
    sl_pager_nav(req, b, &c.pager);
    sl_page_end(req);
    sl_buf_free(&c.rows);
}
