/* governance_web.c — helpers shared by the governance pages: loading boards
 * and meetings by id, GOV.UK form fields with their errors, form days, and
 * one write as one transaction. */
#include <stdlib.h>
#include <string.h>

#include "web/governance_web.h"

int sl_gov_board_load(sl_request *req, int64_t id, sl_gov_board *out)
{
    sl_error err = {0};
    sl_board *boards = NULL;
    int64_t *ids = NULL;
    int n = sl_store_boards(req->store, &boards, &ids, &err), found = 0;
    for (int i = 0; i < n; i++) {
        if (ids[i] == id && !found) {
            out->id = id;
            out->board = boards[i];
            found = 1;
        } else {
            sl_board_free(&boards[i]);
        }
    }
    free(boards);
    free(ids);
    if (n < 0)
        sl_error_page(req, 500, "The boards could not be read", err.message);
    else if (!found)
        sl_error_page(req, 404, "Page not found", "There is no board with that number.");
    if (found)  /* what the user may do to the board (and its meetings) is its authority's grant */
        sl_req_narrow_role(req, out->board.authority);
    return n < 0 ? -1 : found;
}

int sl_gov_meeting_load(sl_request *req, int64_t id, sl_meeting *meeting, sl_gov_board *board)
{
    sl_error err = {0};
    sl_meeting *all = NULL;
    int n = sl_store_meetings(req->store, 0, &all, &err);
    int64_t board_id = 0;
    sl_day day = SL_NO_DAY;
    for (int i = 0; i < n; i++)
        if (all[i].id == id) {
            board_id = all[i].board_id;
            day = all[i].day;
        }
    sl_meetings_free(all, n > 0 ? (size_t)n : 0);
    if (n < 0) {
        sl_error_page(req, 500, "The meetings could not be read", err.message);
        return -1;
    }
    if (!board_id) {
        sl_error_page(req, 404, "Page not found", "There is no meeting with that number.");
        return 0;
    }
    *meeting = sl_meeting_empty();
    int rc = sl_store_meeting_find(req->store, board_id, day, meeting, &err);
    if (rc != 1) {
        sl_error_page(req, rc < 0 ? 500 : 404, "The meeting could not be read", rc < 0 ? err.message : "No such meeting.");
        return rc;
    }
    rc = sl_gov_board_load(req, board_id, board);
    if (rc != 1)
        sl_meeting_free(meeting);
    return rc;
}

/* Appends the label, hint-less error message and opening of a form group. */
static void group_start(sl_buf *b, const sl_gov_field *f)
{
    int bad = f->error && *f->error;
    sl_buf_printf(b, "<div class=\"govuk-form-group%R\"><label class=\"govuk-label\" for=\"%a\">%h</label>",
                  bad ? " govuk-form-group--error" : "", f->name, f->label);
    if (bad)
        sl_buf_printf(b, "<p id=\"%a-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">"
                         "Error:</span> %h</p>", f->name, f->error);
}

/* Returns the aria-describedby attribute for a field with an error, "" otherwise. */
static void described_by(sl_buf *b, const sl_gov_field *f)
{
    if (f->error && *f->error)
        sl_buf_printf(b, " aria-describedby=\"%a-error\"", f->name);
}

void sl_gov_input(sl_buf *b, const sl_gov_field *f, const char *type)
{
    int bad = f->error && *f->error;
    group_start(b, f);
    sl_buf_printf(b, "<input class=\"govuk-input%R\" id=\"%a\" name=\"%a\" type=\"%a\" value=\"%a\"",
                  bad ? " govuk-input--error" : "", f->name, f->name, type, f->value ? f->value : "");
    described_by(b, f);
    sl_buf_puts(b, "></div>");
}

void sl_gov_textarea(sl_buf *b, const sl_gov_field *f)
{
    int bad = f->error && *f->error;
    group_start(b, f);
    sl_buf_printf(b, "<textarea class=\"govuk-textarea%R\" id=\"%a\" name=\"%a\" rows=\"4\"",
                  bad ? " govuk-textarea--error" : "", f->name, f->name);
    described_by(b, f);
    sl_buf_printf(b, ">%h</textarea></div>", f->value ? f->value : "");
}

void sl_gov_select(sl_buf *b, const sl_gov_field *f, const char *const *options, size_t n)
{
    group_start(b, f);
    sl_buf_printf(b, "<select class=\"govuk-select\" id=\"%a\" name=\"%a\"", f->name, f->name);
    described_by(b, f);
    sl_buf_puts(b, ">");
    for (size_t i = 0; i < n; i++)
        sl_buf_printf(b, "<option value=\"%a\"%R>%h</option>", options[i],
                      f->value && strcmp(f->value, options[i]) == 0 ? " selected" : "", options[i]);
    sl_buf_puts(b, "</select></div>");
}

int sl_gov_has_error(const sl_gov_field *fields, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (fields[i].error && *fields[i].error)
            return 1;
    return 0;
}

void sl_gov_error_summary(sl_buf *b, const sl_gov_field *fields, size_t n)
{
    if (!sl_gov_has_error(fields, n))
        return;
    sl_buf_puts(b, "<div class=\"govuk-error-summary\" role=\"alert\"><h2 class=\"govuk-error-summary__title\">"
                   "There is a problem</h2><div class=\"govuk-error-summary__body\"><ul class=\"govuk-list "
                   "govuk-error-summary__list\">");
    for (size_t i = 0; i < n; i++)
        if (fields[i].error && *fields[i].error)
            sl_buf_printf(b, "<li><a href=\"#%a\">%h</a></li>", fields[i].name, fields[i].error);
    sl_buf_puts(b, "</ul></div></div>");
}

void sl_gov_form_start(sl_request *req, const char *action)
{
    sl_buf_printf(&req->body, "<form method=\"post\" action=\"%a\" novalidate>"
                              "<input type=\"hidden\" name=\"csrf\" value=\"%a\">", action, req->session.csrf);
}

int sl_gov_day(const char *text, int optional, sl_day *out, const char **why)
{
    *out = SL_NO_DAY;
    if (!text || !*text) {
        *why = optional ? NULL : "Enter a date, like 2026-03-31";
        return optional ? 0 : -1;
    }
    if (sl_day_parse_iso(text, out) < 0) {
        *why = "Enter a real date, like 2026-03-31";
        return -1;
    }
    return 0;
}

const char *sl_gov_get(sl_request *req, const char *name)
{
    const char *v = sl_form_get(&req->form, name);
    return v ? v : "";
}

int sl_gov_transaction(sl_request *req, sl_gov_write_fn write, void *ctx, sl_error *err)
{
    if (sl_store_begin(req->store, err) < 0)
        return -1;
    if (write(req, ctx, err) < 0 || sl_store_commit(req->store, err) < 0) {
        sl_store_rollback(req->store);
        return -1;
    }
    return 0;
}

void sl_gov_refused(sl_request *req, const char *title, const sl_error *err)
{
    int status = 500;
    switch (err->code) {
    case SL_ERR_INVALID: status = 400; break;
    case SL_ERR_NOT_FOUND: status = 404; break;
    case SL_ERR_EXISTS:
    case SL_ERR_STALE: status = 409; break;
    case SL_ERR_DENIED: status = 403; break;
    default: status = 500; break;
    }
    sl_error_page(req, status, title, err->message);
}
