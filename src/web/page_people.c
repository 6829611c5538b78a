/* page_people.c — everyone current plans name as SRO or lead, with how many
 * actions each owns. */
#include "web/web.h"

/* Person callback: one row of the people table. */
static int on_person(void *ctx, const sl_person_row *p)
{
    sl_buf *b = ctx;
    sl_buf_printf(b, "<tr class=\"govuk-table__row\"><td class=\"govuk-table__cell\">%h</td>"
                     "<td class=\"govuk-table__cell\">%h</td><td class=\"govuk-table__cell\">%h"
                     "</td><td class=\"govuk-table__cell govuk-table__cell--numeric\">%d</td>"
                     "<td class=\"govuk-table__cell govuk-table__cell--numeric\">%d</td></tr>",
                  p->label, p->name, p->authority, p->as_sro, p->as_lead);
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
