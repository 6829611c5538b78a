/* page_action.c — one action: every field, milestones, linked
 * recommendations, the dated history, comments and the audit trail, with the
 * forms its user may use (update, sign-off or return, comment). */
#include <stdio.h>
#include <string.h>

#include "report/action_list.h"
#include "web/action_page.h"
#include "web/web.h"

/* Writes one summary-list row; the value is escaped. */
static void row(sl_buf *b, const char *key, const char *value)
{
    if (!value || !*value)
        return;
    sl_buf_printf(b, "<div class=\"govuk-summary-list__row\"><dt class=\"govuk-summary-list__key\">%h</dt>"
                     "<dd class=\"govuk-summary-list__value sl-pre\">%h</dd></div>",
                  key, value);
}

/* Writes a written date with the days it means. */
static void date_row(sl_buf *b, const char *key, const sl_written_date *d)
{
    char a[SL_DAY_TEXT_SIZE], z[SL_DAY_TEXT_SIZE];
    if (!d->text || !*d->text)
        return;
    sl_buf text = SL_BUF_INIT;
    if (d->parse == SL_DATE_OK && d->value.latest != SL_NO_DAY) {
        sl_day_uk(d->value.earliest != SL_NO_DAY ? d->value.earliest : d->value.latest, a);
        sl_day_uk(d->value.latest, z);
        if (strcmp(a, z))
            sl_buf_cprintf(&text, "%s (%s to %s)", d->text, a, z);
        else
            sl_buf_cprintf(&text, "%s (%s)", d->text, a);
    } else if (d->parse == SL_DATE_INVALID) {
        sl_buf_cprintf(&text, "%s (not a real date)", d->text);
    } else {
        sl_buf_puts(&text, d->text);
    }
    row(b, key, sl_buf_str(&text));
    sl_buf_free(&text);
}

/* Appends a due date's milestones as plain text (not escaped), one "DAY label" a line. */
static void milestones_text(sl_buf *text, const sl_written_date *due)
{
    for (int m = 0; m < due->value.n_milestones; m++) {
        char day[SL_DAY_TEXT_SIZE];
        sl_day_uk(due->value.milestones[m].latest, day);
        sl_buf_cprintf(text, "%s%s %s", m ? "\n" : "", day, due->value.milestones[m].label);
    }
}

/* Writes what the RAG is and why: a manual RAG with its reason and review
 * day, the computed one beside it; or the computed one alone. */
static void rag_words(sl_buf *b, const sl_action_state *s)
{
    char until[SL_DAY_TEXT_SIZE] = "";
    if (s->manual_until != SL_NO_DAY)
        sl_day_uk(s->manual_until, until);
    if (s->manual) {
        sl_buf_printf(b, "manual: %h. ", s->rag_reason);
        if (*until)
            sl_buf_printf(b, "It holds until its review on %h. ", until);
        else
            sl_buf_puts(b, "It holds until it is cleared. ");
        sl_buf_puts(b, "<span class=\"sl-computed\">Computed: ");
        sl_rag_tag(b, s->rag.computed);
        sl_buf_printf(b, " %h</span>", s->rag.reason);
        return;
    }
    sl_buf_printf(b, "%h", s->rag.reason);
    if (s->rag.manual_lapsed)
        sl_buf_printf(b, " (a manual RAG lapsed after its review on %h)", until);
}

/* Writes the fields of the action. */
static void fields(sl_request *req, const sl_plan *plan, const sl_action_state *s)
{
    sl_buf *b = &req->body;
    const sl_action *a = &plan->actions[0];
    sl_buf line = SL_BUF_INIT;
    sl_buf_puts(b, "<dl class=\"govuk-summary-list\">");
    sl_buf_puts(b, "<div class=\"govuk-summary-list__row\"><dt class=\"govuk-summary-list__key\">RAG</dt>"
                   "<dd class=\"govuk-summary-list__value\">");
    sl_rag_tag(b, s->rag.rag);
    sl_buf_puts(b, " ");
    rag_words(b, s);
    sl_buf_puts(b, "</dd></div>");
    /* Plain text: row() escapes it. */
    char status[48];
    sl_code_words(sl_status_name(s->status), status, sizeof status);
    sl_buf_puts(&line, status);
    sl_buf_puts(&line, s->rag.awaiting_signoff ? " – awaiting sign-off (\"" : " (\"");
    sl_buf_puts(&line, s->status_text);
    sl_buf_puts(&line, "\")");
    row(b, "Status", sl_buf_str(&line));
    if (a->theme >= 0) {
        sl_buf_reset(&line);
        sl_buf_puts(&line, plan->themes[a->theme].ref);
        sl_buf_putc(&line, ' ');
        sl_buf_puts(&line, plan->themes[a->theme].title);
        row(b, "Theme", sl_buf_str(&line));
    }
    sl_buf_free(&line);
    row(b, "Description", a->description);
    date_row(b, "Start", &a->start);
    date_row(b, "Due", &a->due);
    if (a->due.parse == SL_DATE_OK && a->due.value.n_milestones > 1) {
        sl_buf ms = SL_BUF_INIT;
        milestones_text(&ms, &a->due);
        row(b, "Milestones", sl_buf_str(&ms));
        sl_buf_free(&ms);
    }
    row(b, "SRO", a->sro);
    row(b, "Leads", s->leads);
    row(b, "Resources", a->resources);
    row(b, "Success measure", a->measure);
    row(b, "Impact for children", a->impact);
    row(b, "Delivered through", a->delivered_through);
    row(b, "Progress", s->note);
    for (size_t i = 0; i < a->n_custom; i++)
        row(b, a->custom[i].name, a->custom[i].value);
    sl_buf_puts(b, "</dl>");
    sl_buf_puts(b, "<h2 class=\"govuk-heading-m\">Recommendations answered</h2>");
    if (a->n_recommendations == 0)
        sl_buf_puts(b, "<p class=\"govuk-body\">None linked.</p>");
    else
        sl_buf_puts(b, "<ul class=\"govuk-list govuk-list--bullet\">");
    for (size_t i = 0; i < a->n_recommendations; i++) {
        const char *text = "";
        for (size_t r = 0; r < plan->n_recommendations; r++)
            if (plan->recommendations[r].number == a->recommendations[i])
                text = plan->recommendations[r].text;
        sl_buf_printf(b, "<li><a class=\"govuk-link\" href=\"/plans/%lld/recommendations#rec-%d\">Recommendation %d</a> %h</li>",
                      (long long)s->plan_id, a->recommendations[i], a->recommendations[i], text);
    }
    if (a->n_recommendations)
        sl_buf_puts(b, "</ul>");
}

void sl_action_page_render(sl_request *req, const sl_action_state *s, const sl_update_posted *posted)
{
    sl_plan plan;
    sl_error err = {0};
    if (sl_store_load_action(req->store, s->id, &plan, &err) < 0) {
        sl_error_page(req, 500, "Something went wrong", err.message);
        return;
    }
    sl_web_plan wp;
    if (sl_find_plan(req, s->plan_id, &wp) != 1) {
        sl_plan_free(&plan);
        return;
    }
    sl_buf *b = &req->body;
    sl_page_start(req, sl_req_printf(req, "%s%s %s", posted ? "Error: " : "", plan.actions[0].ref,
                                     plan.actions[0].title));
    sl_breadcrumbs(req, &wp, plan.actions[0].ref);
    sl_buf_printf(b, "<span class=\"govuk-caption-l\">Action %h</span><h1 class=\"govuk-heading-l\">%h</h1>",
                  plan.actions[0].ref, plan.actions[0].title);
    sl_relation rel = {.owns = s->owns, .is_sro = s->is_sro};
    if (sl_may(req->role, SL_DO_EDIT, &rel))
        sl_buf_printf(b, "<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/actions/%lld/edit\">Edit this action"
                         "<span class=\"govuk-visually-hidden\"> (%h)</span></a> · <a class=\"govuk-link\" "
                         "href=\"/plans/%lld/actions/new\">Add an action to this plan</a></p>",
                      (long long)s->id, plan.actions[0].ref, (long long)s->plan_id);
    fields(req, &plan, s);
    sl_action_forms(req, s, posted);
    sl_action_history(req, s);
    sl_page_end(req);
    sl_plan_free(&plan);
}

void sl_page_action(sl_request *req)
{
    sl_action_state s;
    if (sl_action_state_load(req, req->ids[0], &s) == 1)
        sl_action_page_render(req, &s, NULL);
}
