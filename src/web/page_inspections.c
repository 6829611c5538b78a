/* page_inspections.c — the inspections sightline holds: each authority's
 * judgements and the report's recommendations in order. */
#include "web/web.h"

/* Inspection callback: one inspection as a summary card. */
static int on_inspection(void *ctx, int64_t id, const char *code, const sl_inspection *in)
{
    (void)id;
    (void)code;
    sl_buf *b = ctx;
    char start[SL_DAY_TEXT_SIZE] = "?", end[SL_DAY_TEXT_SIZE] = "?";
    if (in->start != SL_NO_DAY)
        sl_day_uk(in->start, start);
    if (in->end != SL_NO_DAY)
        sl_day_uk(in->end, end);
    sl_buf_printf(b, "<h2 class=\"govuk-heading-m\">%h</h2><p class=\"govuk-body\">%h, %h to %h</p>"
                     "<dl class=\"govuk-summary-list\">",
                  in->authority, in->framework ? in->framework : "Inspection", start, end);
    for (int k = 0; k < SL_JUDGEMENT_COUNT; k++) {
        if (!in->judgements[k])
            continue;
        char grade[48];
        sl_code_words(sl_grade_name(in->judgements[k]), grade, sizeof grade);
        sl_buf_printf(b, "<div class=\"govuk-summary-list__row\"><dt class=\"govuk-summary-list__key\">%h</dt>"
                         "<dd class=\"govuk-summary-list__value\">%h</dd></div>",
                      sl_judgement_label((sl_judgement_kind)k), grade);
    }
    sl_buf_puts(b, "</dl><ol class=\"govuk-list govuk-list--number\">");
    for (size_t i = 0; i < in->n_items; i++) {
        sl_buf_printf(b, "<li>%R%h", in->items[i].priority ? "<strong class=\"govuk-tag govuk-tag--red\">"
                                                            "Priority action</strong> " : "",
                      in->items[i].text);
        if (in->items[i].framework_outcome)
            sl_buf_printf(b, " <span class=\"govuk-body-s\">(%h)</span>", in->items[i].framework_outcome);
        sl_buf_puts(b, "</li>");
    }
    sl_buf_puts(b, "</ol>");
    return 0;
}

void sl_page_inspections(sl_request *req)
{
    sl_buf *b = &req->body;
    sl_page_start(req, "Inspections");
    sl_buf_puts(b, "<h1 class=\"govuk-heading-l\">Inspections</h1>");
    size_t mark = b->len;
    sl_error err = {0};
    sl_store_each_inspection(req->store, on_inspection, b, &err);
    if (b->len == mark)
        sl_buf_puts(b, "<p class=\"govuk-body\">No inspections yet. Import a report with <code>sightline import REPORT</code>.</p>");
    sl_page_end(req);
}
