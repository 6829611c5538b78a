/* governance_web.h — what the governance pages (boards, meetings, calendar,
 * risks, savings, reports) share: loading a board or meeting by id, form
 * fields that show their error beside them and keep what was typed, and
 * running one store write as one transaction. */
#ifndef SL_WEB_GOVERNANCE_WEB_H
#define SL_WEB_GOVERNANCE_WEB_H
#include "web/web.h"

/* A board with its id, as loaded by sl_gov_board_load. */
typedef struct {
    int64_t id;
    sl_board board;
} sl_gov_board;

/* Loads board id: 1 found (caller frees with sl_board_free), 0 not (a 404
 * page is written), -1 error (a 500 page is written). */
int sl_gov_board_load(sl_request *req, int64_t id, sl_gov_board *out);
/* Loads meeting id with its attendance, agenda and decisions, and its board:
 * 1 found (caller frees both), 0 not (404 written), -1 error (500 written). */
int sl_gov_meeting_load(sl_request *req, int64_t id, sl_meeting *meeting, sl_gov_board *board);

/* One form field's error ("" when none) and what was typed (NULL: nothing). */
typedef struct {
    const char *name;           /* the field's name and id */
    const char *label;
    const char *value;
    const char *error;          /* NULL or "": no error */
} sl_gov_field;

/* Appends a GOV.UK text input (type "text", "date", "number", "time") with its
 * label, its error message beside it when it has one, and its value. */
void sl_gov_input(sl_buf *b, const sl_gov_field *f, const char *type);
/* Appends a GOV.UK textarea with label, error and value. */
void sl_gov_textarea(sl_buf *b, const sl_gov_field *f);
/* Appends a GOV.UK select of n option words (values and labels alike), the
 * one equal to f->value selected. */
void sl_gov_select(sl_buf *b, const sl_gov_field *f, const char *const *options, size_t n);
/* Appends the error summary at the top of a form page: each error linked to
 * its field (fields without an error are skipped). */
void sl_gov_error_summary(sl_buf *b, const sl_gov_field *fields, size_t n);
/* Returns 1 when any field has an error. */
int sl_gov_has_error(const sl_gov_field *fields, size_t n);
/* Appends the form's opening tag (POST to action) and its CSRF field. */
void sl_gov_form_start(sl_request *req, const char *action);

/* Parses a form day "YYYY-MM-DD": 0 and *out set; -1 and *why says why
 * ("Enter a real date, like 2026-03-31"). An empty or missing value is
 * SL_NO_DAY when optional, else an error. */
int sl_gov_day(const char *text, int optional, sl_day *out, const char **why);
/* Returns the value of form field name as sent, "" when missing. */
const char *sl_gov_get(sl_request *req, const char *name);

/* A store write run inside one transaction. */
typedef int (*sl_gov_write_fn)(sl_request *req, void *ctx, sl_error *err);
/* Runs write in one transaction: 0 committed; -1 rolled back with err set. */
int sl_gov_transaction(sl_request *req, sl_gov_write_fn write, void *ctx, sl_error *err);
/* Writes the 4xx/5xx page of a refused write, chosen by the error's code
 * (invalid 400, not found 404, exists or stale 409, denied 403, else 500). */
void sl_gov_refused(sl_request *req, const char *title, const sl_error *err);

/* Appends the open actions arising of a board (0: every board) as a table
 * under caption (page_boards.c). */
void sl_gov_arisings_table(sl_request *req, int64_t board_id, const char *caption);

/* Pages, one file each (page_boards.c, page_meeting.c, …). */
void sl_page_boards(sl_request *req);
void sl_page_board(sl_request *req);
void sl_page_meeting(sl_request *req);
void sl_page_meeting_post(sl_request *req);
void sl_page_arising_update(sl_request *req);
void sl_page_calendar(sl_request *req);
void sl_page_calendar_ics(sl_request *req);
void sl_page_calendar_token_add(sl_request *req);
void sl_page_calendar_token_revoke(sl_request *req);
void sl_page_risks(sl_request *req);
void sl_page_risk_add(sl_request *req);
void sl_page_risk_review(sl_request *req);
void sl_page_savings(sl_request *req);
void sl_page_reports(sl_request *req);
void sl_page_report_view(sl_request *req);

#endif
