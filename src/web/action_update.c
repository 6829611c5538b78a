/* action_update.c — the progress update form of the action page and what it
 * posts to. What the form leaves as it is stays as it was: a note alone
 * keeps the status, the sign-off and a manual RAG. The status list holds only
 * the moves domain/status.c allows from where the action stands; a manual RAG
 * is kept, set (with a reason and an optional review day) or cleared. A
 * refused form comes back (400) with what was typed and the error beside
 * the field; a good one is one transaction and a redirect. */
#include <stdio.h>
#include <string.h>

#include "domain/limits.h"
#include "web/action_page.h"
#include "web/governance_web.h"
#include "web/web.h"


/* Opens a form group with its label and the error beside it (none when NULL). */
static void group(sl_buf *b, const char *name, const char *label, const char *error)
{
    sl_buf_printf(b, "<div class=\"govuk-form-group%R\"><label class=\"govuk-label\" for=\"%a\">%h</label>",
                  error ? " govuk-form-group--error" : "", name, label);
    if (error)
        sl_buf_printf(b, "<p id=\"%a-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">"
                         "Error:</span> %h</p>", name, error);
}

/* Appends one option, selected when its value is what was chosen. */
static void option(sl_buf *b, const char *value, const char *label, const char *chosen)
{
    sl_buf_printf(b, "<option value=\"%a\"%R>%h</option>", value,
                  strcmp(value, chosen ? chosen : "") == 0 ? " selected" : "", label);
}

/* Appends a select's opening tag, described by its error when it has one. */
static void select_start(sl_buf *b, const char *name, const char *error)
{
    sl_buf_printf(b, "<select class=\"govuk-select%R\" id=\"%a\" name=\"%a\"", error ? " govuk-select--error" : "",
                  name, name);
    if (error)
        sl_buf_printf(b, " aria-describedby=\"%a-error\"", name);
    sl_buf_puts(b, ">");
}

/* The status select: keep (the default), then each status an update may move to. */
static void status_select(sl_buf *b, const sl_action_state *s, const sl_update_posted *p)
{
    char keep[160];
    char words[48];
    sl_code_words(sl_status_name(s->status), words, sizeof words);
    snprintf(keep, sizeof keep, "Keep as it is (%s)", words);
    group(b, "status", "Status", p->status_error);
    select_start(b, "status", p->status_error);
    option(b, "", keep, p->status);
    for (int st = 0; st < SL_STATUS_COUNT; st++)
        if (st != (int)s->status && sl_status_update_allowed(s->status, (sl_status)st))
        {
            sl_code_words(sl_status_name((sl_status)st), words, sizeof words);
            option(b, sl_status_name((sl_status)st), words, p->status);
        }
    sl_buf_puts(b, "</select></div>");
}

/* The manual RAG select: keep (the default), set one, or clear the one in force. */
static void rag_select(sl_buf *b, const sl_action_state *s, const sl_update_posted *p)
{
    static const char *const rags[] = {"red", "amber", "green"};
    static const char *const words[] = {"Red", "Amber", "Green"};
    char keep[160];
    if (s->manual)
        snprintf(keep, sizeof keep, "Keep the manual %s", sl_rag_name(s->manual));
    else
        snprintf(keep, sizeof keep, "No manual RAG (use the computed one)");
    group(b, "rag", "Manual RAG (optional; overrides the computed one)", p->rag_error);
    select_start(b, "rag", p->rag_error);
    option(b, "", keep, p->rag);
    for (size_t i = 0; i < sizeof rags / sizeof rags[0]; i++)
        option(b, rags[i], words[i], p->rag);
    if (s->manual)
        option(b, "clear", "Clear the manual RAG", p->rag);
    sl_buf_puts(b, "</select></div>");
}

/* Appends the error summary linking each refused field. */
static void error_summary(sl_buf *b, const sl_update_posted *p)
{
    sl_gov_field f[] = {{"status", "Status", NULL, p->status_error},     {"note", "Note", NULL, p->note_error},
                        {"evidence", "Evidence", NULL, p->evidence_error}, {"rag", "RAG", NULL, p->rag_error},
                        {"reason", "Reason", NULL, p->reason_error},     {"review", "Review", NULL, p->review_error}};
    sl_gov_error_summary(b, f, sizeof f / sizeof f[0]);
}

void sl_action_update_form(sl_request *req, const sl_action_state *s, const sl_update_posted *posted)
{
    static const sl_update_posted none = {0};
    const sl_update_posted *p = posted ? posted : &none;
    sl_buf *b = &req->body;
    sl_buf_puts(b, "<h2 class=\"govuk-heading-m\" id=\"update\">Add a progress update</h2>");
    error_summary(b, p);
    sl_buf_printf(b, "<form method=\"post\" action=\"/actions/%lld/update\" novalidate>"
                     "<input type=\"hidden\" name=\"csrf\" value=\"%a\">"
                     "<input type=\"hidden\" name=\"version\" value=\"%d\">",
                  (long long)s->id, req->session.csrf, s->version);
    status_select(b, s, p);
    sl_gov_textarea(b, &(sl_gov_field){"note", "Progress and evidence of impact", p->note, p->note_error});
    sl_gov_input(b, &(sl_gov_field){"evidence", "Link to evidence (optional)", p->evidence, p->evidence_error}, "url");
    rag_select(b, s, p);
    sl_gov_input(b, &(sl_gov_field){"reason", "Reason for the manual RAG", p->reason, p->reason_error}, "text");
    sl_gov_input(b, &(sl_gov_field){"review", "Review the manual RAG by (YYYY-MM-DD, optional)", p->review,
                                    p->review_error},
                 "text");
    sl_buf_puts(b, "<button type=\"submit\" class=\"govuk-button\">Save update</button></form>");
}

/* Returns 1 when an evidence link is a web address (never javascript: or data:). */
static int web_address(const char *url)
{
    return strncmp(url, "https://", 8) == 0 || strncmp(url, "http://", 7) == 0;
}

/* Reads the status field into u: keep when empty; an error when it is not a
 * move an update may make from the action's status. */
static void check_status(const sl_action_state *s, sl_update_posted *p, sl_update *u)
{
    u->keep_status = !p->status || !*p->status;
    if (u->keep_status)
        return;
    if (sl_status_from_name(p->status, &u->status) < 0 || !sl_status_update_allowed(s->status, u->status))
        p->status_error = "Choose a status from the list: sign-off is the SRO's, and withdrawing is an edit";
    u->status_text = p->status;
}

/* Returns NULL when text (NULL counts as empty) is within max characters,
 * else the sentence saying so (owned by the request). */
static const char *too_long(sl_request *req, const char *field, const char *text, size_t max)
{
    sl_error e = {0};
    if (sl_limit_check(field, text, max, &e) == 0)
        return NULL;
    return sl_req_printf(req, "%s", e.message);
}

/* Reads the RAG, reason and review fields into u (keep, set or clear). */
static void check_rag(sl_request *req, const sl_action_state *s, sl_update_posted *p, sl_update *u)
{
    int has_review = p->review && *p->review;
    u->keep_rag = !p->rag || !*p->rag;
    if (u->keep_rag) {
        if (has_review)
            p->review_error = "A review day goes with a manual RAG: choose one, or leave the day blank";
        return;
    }
    if (strcmp(p->rag, "clear") == 0) {
        if (!s->manual)
            p->rag_error = "There is no manual RAG to clear";
        return;
    }
    /* Only the ratings the form offers: blue and grey are computed, never set by hand. */
    if (sl_rag_parse(p->rag, &u->rag) < 0 ||
        (u->rag != SL_RAG_RED && u->rag != SL_RAG_AMBER && u->rag != SL_RAG_GREEN))
        p->rag_error = "Choose red, amber or green";
    if (!p->reason || !*p->reason)
        p->reason_error = "Say why the computed RAG is overridden";
    else
        p->reason_error = too_long(req, "the reason", p->reason, SL_LIMIT_REASON);
    u->rag_reason = p->reason;
    u->rag_until = SL_NO_DAY;
    if (sl_gov_day(p->review, 1, &u->rag_until, &p->review_error) == 0 && u->rag_until != SL_NO_DAY &&
        u->rag_until < req->today)
        p->review_error = "The review day must be today or later";
}

/* Reads the note and evidence; an update must record something. */
static void check_text(sl_request *req, sl_update_posted *p, const sl_update *u)
{
    if (p->evidence && *p->evidence && !web_address(p->evidence))
        p->evidence_error = "Give a link starting https://";
    else
        p->evidence_error = too_long(req, "the evidence link", p->evidence, SL_LIMIT_EVIDENCE);
    p->note_error = too_long(req, "the progress note", p->note, SL_LIMIT_NOTE);
    int says = (p->note && *p->note) || (p->evidence && *p->evidence) || !u->keep_status || !u->keep_rag;
    if (!says && !p->review_error)
        p->note_error = "Write a progress note, or change the status or RAG";
}

void sl_page_action_update(sl_request *req)
{
    sl_action_state s;
    if (sl_action_state_load(req, req->ids[0], &s) != 1)
        return;
    if (!s.may_update) {
        sl_error_page(req, 403, "You cannot update this action",
                      "Leads may update the actions they own; ask the improvement team.");
        return;
    }
    sl_update_posted p = {sl_form_get(&req->form, "status"), sl_form_get(&req->form, "note"),
                          sl_form_get(&req->form, "evidence"), sl_form_get(&req->form, "rag"),
                          sl_form_get(&req->form, "reason"), sl_form_get(&req->form, "review"),
                          NULL, NULL, NULL, NULL, NULL, NULL};
    sl_update u = {.status = s.status, .status_text = s.status_text};
    check_status(&s, &p, &u);
    check_rag(req, &s, &p, &u);
    check_text(req, &p, &u);
    if (p.status_error || p.note_error || p.evidence_error || p.rag_error || p.reason_error || p.review_error) {
        req->status = 400;
        sl_action_page_render(req, &s, &p);
        return;
    }
    u.note = p.note;
    u.evidence = p.evidence;
    sl_action_apply(req, &s, &u);
}
