/* page_risks.c — the risk log (/risks): each risk's ref, title, owner,
 * likelihood × impact score, band in words, trend, review date and linked
 * actions; the heat map inline (report/risk_heatmap.h); the form to add a
 * risk (those who run the board) and to review one (its owner, programme,
 * admin), posting to risk_forms.c. The table and its review forms show
 * 100 risks to a page; the heat map all of them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/risk_heatmap.h"
#include "web/pagination.h"
#include "web/risk_page.h"

#define TH "<th scope=\"col\" class=\"govuk-table__header\">"
#define TD "<td class=\"govuk-table__cell\">"

int sl_risk_may_review(sl_request *req, const sl_risk *r)
{
    sl_relation rel = {.owns = sl_names_person(r->owner, req->session.user.person) ||
                               sl_names_person(r->owner, req->session.user.login)};
    /* The role over the risk's own authority (the risk log lists every authority in scope). */
    sl_role role = req->signed_in ? sl_role_for(req->grants, req->n_grants, r->authority) : SL_ROLE_NONE;
    return sl_may(role, SL_DO_UPDATE_RISK, &rel);
}

/* Writes code as words into out (48 bytes); returns out. */
static const char *words(const char *code, char out[48])
{
    sl_code_words(code, out, 48);
    return out;
}

/* Appends one row of the risk table. */
static void risk_row(sl_buf *b, const sl_risk *r)
{
    char review[SL_DAY_TEXT_SIZE] = "Not set";
    if (r->review != SL_NO_DAY)
        sl_day_uk(r->review, review);
    int score = sl_risk_score(r->likelihood, r->impact);
    const char *band = sl_risk_band_name(sl_risk_band_of(score));
    char band_text[48], trend_text[48];
    sl_buf_printf(b, "<tr class=\"govuk-table__row\" id=\"risk-%lld\">" TD "%h</td>" TD "%h</td>" TD "%h</td>"
                     TD "%d × %d = %d</td>" TD "%h</td>" TD "%h</td>" TD "%h</td>" TD,
                  (long long)r->id, r->ref, r->title, r->owner, r->likelihood, r->impact, score,
                  words(band, band_text), words(sl_risk_trend_name(r->trend), trend_text), review);
    for (size_t k = 0; k < r->n_actions; k++)
        sl_buf_printf(b, "%R<a class=\"govuk-link\" href=\"/actions/%lld\">action %lld</a>", k ? ", " : "",
                      (long long)r->action_ids[k], (long long)r->action_ids[k]);
    if (!r->n_actions)
        sl_buf_puts(b, "None");
    sl_buf_puts(b, "</td></tr>");
}

/* Appends the risk table. */
static void risk_table(sl_buf *b, const sl_risk *risks, int n)
{
    sl_buf_puts(b, "<div class=\"sl-table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"Risk table\"><table class=\"govuk-table\"><caption class=\"govuk-table__caption "
                   "govuk-table__caption--m\">Risks, highest score first</caption><thead class=\"govuk-table__head\">"
                   "<tr class=\"govuk-table__row\">" TH "Ref</th>" TH "Risk</th>" TH "Owner</th>"
                   TH "Likelihood × impact</th>" TH "Band</th>" TH "Trend</th>" TH "Review by</th>"
                   TH "Linked actions</th></tr></thead><tbody class=\"govuk-table__body\">");
    for (int i = 0; i < n; i++)
        risk_row(b, &risks[i]);
    if (!n)
        sl_buf_puts(b, "<tr class=\"govuk-table__row\"><td class=\"govuk-table__cell\" colspan=\"8\">No risks yet.</td></tr>");
    sl_buf_puts(b, "</tbody></table></div>");
}

/* Returns the fields of the posted form when it is form risk_id, else defaults. */
static const sl_gov_field *fields_for(const sl_risk_posted *p, int64_t risk_id, const sl_gov_field *defaults)
{
    return p && p->risk_id == risk_id ? p->fields : defaults;
}

/* Appends the add-a-risk form. */
static void add_form(sl_request *req, const sl_risk_posted *p)
{
    const sl_gov_field defaults[] = {
        {"title", "Title", "", NULL},        {"owner", "Owner", "", NULL},
        {"likelihood", "Likelihood (1 to 5)", "", NULL}, {"impact", "Impact (1 to 5)", "", NULL},
        {"cause", "Cause (optional)", "", NULL}, {"effect", "Effect (optional)", "", NULL},
        {"review", "Review by (YYYY-MM-DD, optional)", "", NULL}};
    const sl_gov_field *f = fields_for(p, 0, defaults);
    sl_buf_puts(&req->body, "<h2 class=\"govuk-heading-m\" id=\"add\">Add a risk</h2>");
    sl_gov_form_start(req, "/risks");
    for (size_t i = 0; i < SL_RISK_MAX_FIELDS; i++)
        sl_gov_input(&req->body, &f[i], "text");
    sl_buf_puts(&req->body, "<button type=\"submit\" class=\"govuk-button\">Add risk</button></form>");
}

/* Appends the review form of risk r. */
static void review_form(sl_request *req, const sl_risk *r, const sl_risk_posted *p)
{
    char names[4][32], values[2][12], action[64], legend[64];
    const char *keys[] = {"likelihood", "impact", "note", "review"};
    for (int i = 0; i < 4; i++)
        snprintf(names[i], sizeof names[i], "r%lld-%s", (long long)r->id, keys[i]);
    snprintf(values[0], sizeof values[0], "%d", r->likelihood);
    snprintf(values[1], sizeof values[1], "%d", r->impact);
    const sl_gov_field defaults[] = {{names[0], "Likelihood (1 to 5)", values[0], NULL},
                                     {names[1], "Impact (1 to 5)", values[1], NULL},
                                     {names[2], "Review note", "", NULL},
                                     {names[3], "Next review (YYYY-MM-DD, optional)", "", NULL}};
    const sl_gov_field *f = fields_for(p, r->id, defaults);
    snprintf(action, sizeof action, "/risks/%lld/review", (long long)r->id);
    snprintf(legend, sizeof legend, "Review risk %s", r->ref);
    sl_buf_printf(&req->body, "<details class=\"govuk-details\"%R><summary class=\"govuk-details__summary\">"
                              "<span class=\"govuk-details__summary-text\">%h</span></summary>"
                              "<div class=\"govuk-details__text\">", p && p->risk_id == r->id ? " open" : "", legend);
    sl_gov_form_start(req, action);
    for (size_t i = 0; i < 4; i++)
        sl_gov_input(&req->body, &f[i], "text");
    sl_buf_printf(&req->body, "<button type=\"submit\" class=\"govuk-button\">Save review of %h</button></form></div>"
                              "</details>", r->ref);
}

/* Puts a risk as it stood on the page's day: its score and trend from the
 * last review recorded on or before that day. Returns 0 when the risk was
 * not yet in the log then, else 1. */
static int risk_as_of(sl_request *req, sl_risk *r)
{
    sl_risk_history *h = NULL;
    sl_error err = {0};
    int n = sl_store_risk_history(req->store, r->ref, &h, &err), found = 0;
    for (int i = 0; i < n; i++) {
        if (sl_stamp_london_day(h[i].recorded_at) > req->today)
            break;
        r->likelihood = h[i].likelihood;
        r->impact = h[i].impact;
        r->trend = h[i].trend;
        found = 1;
    }
    if (n > 0)
        sl_risk_history_free(h, (size_t)n);
    return n < 0 || found;
}

/* Keeps the risks of the log as it stood on the page's day (all of them
 * today), in place; returns how many. */
static int risks_as_of(sl_request *req, sl_risk *risks, int n)
{
    if (!req->as_of)
        return n;
    int kept = 0;
    for (int i = 0; i < n; i++) {
        if (risk_as_of(req, &risks[i]))
            risks[kept++] = risks[i];
        else
            sl_risk_free(&risks[i]);
    }
    return kept;
}

void sl_risks_render(sl_request *req, const sl_risk_posted *posted)
{
    sl_error err = {0};
    sl_risk *risks = NULL;
    int n = sl_store_risks(req->store, &risks, &err);
    if (n < 0) {
        sl_error_page(req, 500, "The risk log could not be read", err.message);
        return;
    }
    n = risks_as_of(req, risks, n);
    sl_pager pager;
    if (sl_pager_read(req, &pager) < 0 || sl_pager_total(req, &pager, (size_t)n) < 0) {
        sl_risks_free(risks, (size_t)n);
        return;
    }
    int first = (int)sl_pager_first(&pager), end = (int)sl_pager_end(&pager);
    sl_buf *b = &req->body;
    sl_page_start(req, "Risk log");
    sl_buf_puts(b, "<h1 class=\"govuk-heading-l\">Risk log</h1>");
    if (posted)
        sl_gov_error_summary(b, posted->fields, posted->n);
    sl_pager_summary(b, &pager, "risks");
    risk_table(b, risks ? risks + first : risks, end - first);
    sl_pager_nav(req, b, &pager);
    sl_buf_puts(b, "<h2 class=\"govuk-heading-m\">Heat map</h2><div class=\"sl-heatmap\">");
    sl_risk_heatmap_svg(b, risks, (size_t)n, "Risk heat map: likelihood across, impact up");
    sl_buf_puts(b, "</div>");
    int shown = 0;
    for (int i = first; i < end; i++)
        if (sl_risk_may_review(req, &risks[i])) {
            if (!shown++)
                sl_buf_puts(b, "<h2 class=\"govuk-heading-m\" id=\"review\">Review a risk</h2>");
            review_form(req, &risks[i], posted);
        }
    if (sl_may(req->role, SL_DO_RUN_BOARD, NULL))
        add_form(req, posted);
    sl_risks_free(risks, (size_t)n);
    sl_page_end(req);
}

void sl_page_risks(sl_request *req)
{
    sl_risks_render(req, NULL);
}
