/* page_reports.c — the board's papers from the web (/reports): pick a report
 * kind (from the kinds table), a plan or a board and its meeting, an as-of
 * day and a format; /reports/output answers with the print view (the
 * report's own HTML: no navigation, no script, its A4 stylesheet allowed by
 * hash) or a download (Markdown or xlsx as an attachment, only for roles that
 * may download papers). A refused choice shows the form again (400) with the
 * message beside the field. */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "report/report_kinds.h"
#include "util/file.h"
#include "web/governance_web.h"

enum { F_KIND, F_PLAN, F_BOARD, F_MEETING, F_AS_OF, F_FORMAT, N_FIELDS };

/* Plan callback: one option of the plan select. */
static int on_plan(void *ctx, const sl_plan_info *p)
{
    void **c = ctx;
    sl_buf *b = c[0];
    const char *chosen = c[1];
    char id[24];
    snprintf(id, sizeof id, "%lld", (long long)p->id);
    sl_buf_printf(b, "<option value=\"%a\"%R>%h (%h)</option>", id, strcmp(id, chosen) == 0 ? " selected" : "",
                  p->title, p->authority ? p->authority : "");
    return 0;
}

/* Appends the plan select: every current plan, or all of them. */
static void plan_select(sl_request *req, const sl_gov_field *f)
{
    sl_buf *b = &req->body;
    sl_buf_printf(b, "<div class=\"govuk-form-group%R\"><label class=\"govuk-label\" for=\"plan\">Plan</label>",
                  f->error && *f->error ? " govuk-form-group--error" : "");
    if (f->error && *f->error)
        sl_buf_printf(b, "<p id=\"plan-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">"
                         "Error:</span> %h</p>", f->error);
    sl_buf_printf(b, "<select class=\"govuk-select\" id=\"plan\" name=\"plan\"><option value=\"\"%R>Every current plan"
                     "</option>", *f->value ? "" : " selected");
    void *ctx[2] = {b, (void *)f->value};
    sl_error err = {0};
    sl_store_each_plan(req->store, 0, on_plan, ctx, &err);
    sl_buf_puts(b, "</select></div>");
}

/* Writes the report form page with fields (values and errors). */
static void form_page(sl_request *req, const sl_gov_field *f)
{
    sl_buf *b = &req->body;
    const char *kinds[16], *formats[] = {"print", "md", "xlsx"}, *boards_opt[64];
    size_t n_kinds = 0, n_boards = 1;
    for (const sl_report_kind *k = sl_report_kinds; k->name && n_kinds < 16; k++)
        kinds[n_kinds++] = k->name;
    sl_board *boards = NULL;
    sl_error err = {0};
    int n = sl_store_boards(req->store, &boards, NULL, &err);
    boards_opt[0] = "";
    for (int i = 0; i < n && n_boards < 64; i++)
        boards_opt[n_boards++] = boards[i].name;
    sl_page_start(req, "Reports");
    sl_buf_puts(b, "<h1 class=\"govuk-heading-l\">Reports</h1>");
    sl_gov_error_summary(b, f, N_FIELDS);
    sl_buf_puts(b, "<form method=\"get\" action=\"/reports/output\" novalidate>");
    sl_gov_select(b, &f[F_KIND], kinds, n_kinds);
    plan_select(req, &f[F_PLAN]);
    sl_gov_select(b, &f[F_BOARD], boards_opt, n_boards);
    sl_gov_input(b, &f[F_MEETING], "text");
    sl_gov_input(b, &f[F_AS_OF], "text");
    sl_gov_select(b, &f[F_FORMAT], formats, sl_may(req->role, SL_DO_DOWNLOAD_PAPERS, NULL) ? 3 : 1);
    sl_buf_puts(b, "<p class=\"govuk-body\">“print” opens the print view (save it as PDF from the browser); “md” and "
                   "“xlsx” download the report (board members and above).</p>"
                   "<button type=\"submit\" class=\"govuk-button\">Get the report</button></form>");
    for (int i = 0; i < n; i++)
        sl_board_free(&boards[i]);
    free(boards);
    sl_page_end(req);
}

/* Fills the fields from the query string (defaults where missing). */
static void read_fields(sl_request *req, sl_gov_field f[N_FIELDS], char today[11])
{
    static const char *const names[] = {"kind", "plan", "board", "meeting", "as_of", "format"};
    static const char *const labels[] = {"Report", "Plan", "Board (for its running header)",
                                         "Meeting (YYYY-MM-DD, optional)", "As of (YYYY-MM-DD)", "Format"};
    sl_day_format(req->today, today);
    const char *defaults[] = {"highlight", "", "", "", today, "print"};
    for (int i = 0; i < N_FIELDS; i++) {
        const char *v = sl_query(req, names[i]);
        f[i] = (sl_gov_field){names[i], labels[i], v ? v : defaults[i], NULL};
    }
}

void sl_page_reports(sl_request *req)
{
    sl_gov_field f[N_FIELDS];
    char today[11];
    read_fields(req, f, today);
    form_page(req, f);
}

/* Checks the fields into params; sets errors on the fields. Returns the kind or NULL. */
static const sl_report_kind *check(sl_request *req, sl_gov_field *f, sl_report_params *p)
{
    const sl_report_kind *kind = sl_report_kind_find(f[F_KIND].value);
    if (!kind)
        f[F_KIND].error = "Choose a report from the list";
    sl_error err = {0};
    if (*f[F_PLAN].value && sl_store_resolve_plan(req->store, f[F_PLAN].value, &p->plan_id, &err) < 0)
        f[F_PLAN].error = "Choose a plan from the list";
    if (*f[F_BOARD].value && sl_store_board_find(req->store, f[F_BOARD].value, NULL, NULL, &err) != 1)
        f[F_BOARD].error = "Choose a board from the list";
    p->board = *f[F_BOARD].value ? f[F_BOARD].value : NULL;
    sl_gov_day(f[F_MEETING].value, 1, &p->meeting, &f[F_MEETING].error);
    sl_gov_day(f[F_AS_OF].value, 0, &p->as_of, &f[F_AS_OF].error);
    const char *fmt = f[F_FORMAT].value;
    if (strcmp(fmt, "print") != 0 && strcmp(fmt, "md") != 0 && strcmp(fmt, "xlsx") != 0)
        f[F_FORMAT].error = "Choose print, md or xlsx";
    return kind;
}

/* Answers with the report's own HTML, allowing its one inline stylesheet by hash. */
static void print_view(sl_request *req, const sl_report *r)
{
    sl_report_html(&req->body, r);
    const char *s = strstr(sl_buf_str(&req->body), "<style>");
    const char *e = s ? strstr(s, "</style>") : NULL;
    if (s && e) {
        unsigned char hash[crypto_hash_sha256_BYTES];
        s += strlen("<style>");
        crypto_hash_sha256(hash, (const unsigned char *)s, (unsigned long long)(e - s));
        sodium_bin2base64(req->style_hash, sizeof req->style_hash, hash, sizeof hash,
                          sodium_base64_VARIANT_ORIGINAL);
    }
}

/* Answers with the report as an xlsx attachment (through a temporary file). */
static void xlsx_download(sl_request *req, const sl_report *r, const char *kind)
{
    char path[] = "/tmp/sightline-report-XXXXXX";
    int fd = mkstemp(path);
    sl_error err = {0};
    size_t len = 0;
    char *data = NULL;
    if (fd >= 0) {
        close(fd);
        if (sl_report_xlsx(path, r, &err) == 0)
            data = sl_read_file(path, &len, &err);
        remove(path);
    }
    if (!data) {
        sl_error_page(req, 500, "The workbook could not be written", fd < 0 ? "No temporary file." : err.message);
        return;
    }
    sl_buf_add(&req->body, data, len);
    free(data);
    req->content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    req->filename = sl_req_printf(req, "%s-report.xlsx", kind);
}

void sl_page_report_view(sl_request *req)
{
    sl_gov_field f[N_FIELDS];
    char today[11];
    read_fields(req, f, today);
    sl_report_params p = {.plan_id = 0, .board = NULL, .meeting = SL_NO_DAY, .as_of = req->today, .horizon_days = 30};
    const sl_report_kind *kind = check(req, f, &p);
    if (sl_gov_has_error(f, N_FIELDS)) {
        req->status = 400;
        form_page(req, f);
        return;
    }
    int print = strcmp(f[F_FORMAT].value, "print") == 0;
    if (!print && !sl_may(req->role, SL_DO_DOWNLOAD_PAPERS, NULL)) {
        sl_error_page(req, 403, "You cannot download papers",
                      "Board members and the improvement team download papers; you may open the print view.");
        return;
    }
    sl_report r;
    sl_error err = {0};
    if (kind->build(req->store, &p, &r, &err) < 0)
        sl_gov_refused(req, "The report could not be made", &err);
    else if (print)
        print_view(req, &r);
    else if (strcmp(f[F_FORMAT].value, "md") == 0) {
        sl_report_md(&req->body, &r);
        req->content_type = "text/markdown; charset=utf-8";
        req->filename = sl_req_printf(req, "%s-report.md", kind->name);
    } else
        xlsx_download(req, &r, kind->name);
    sl_report_free(&r);
}
