/* page_evidence.c — evidence files on the web: the file field of the update
 * form read and checked (domain/evidence.h), the action page's list of its
 * files with who and when, and GET /evidence/{id}, which sends a file as an
 * attachment under the type found by its content, to anyone who may read
 * the action. */
#include <stdio.h>
#include <string.h>

#include "domain/evidence.h"
#include "domain/limits.h"
#include "util/file.h"
#include "web/action_page.h"
#include "web/web.h"

/* Returns the sentence msg with its first letter a capital (in the request's arena). */
static const char *sentence(sl_request *req, const char *msg)
{
    char *s = (char *)sl_req_strdup(req, msg);
    if (s[0] >= 'a' && s[0] <= 'z')
        s[0] = (char)(s[0] - 'a' + 'A');
    return s;
}

int sl_evidence_posted(sl_request *req, int64_t action_id, sl_evidence *out, const char **error)
{
    const sl_upload *up = req->upload;
    memset(out, 0, sizeof *out);
    *error = NULL;
    if (!up || !up->present)
        return 0;
    if (up->too_large) {
        *error = sl_req_printf(req, "The file is larger than %zu MB: attach a smaller one, or a link to it",
                               SL_EVIDENCE_MAX_BYTES >> 20);
        return 413;
    }
    sl_error err = {0};
    const sl_evidence_kind *kind =
        sl_evidence_check(up->filename, (const unsigned char *)up->data.data, up->data.len, &err);
    if (!kind) {
        *error = sentence(req, err.message);
        return 415;
    }
    char sha[65];
    sl_sha256_hex(up->data.data, up->data.len, sha);
    *out = (sl_evidence){.action_id = action_id, .file_name = up->filename, .content_type = kind->content_type,
                         .sha256 = sl_req_strdup(req, sha), .size = up->data.len, .data = up->data.data};
    return 1;
}

/* Writes a size in words: "512 bytes", "35 KB", "1.2 MB". */
static void size_words(sl_buf *b, size_t n)
{
    if (n < 1024)
        sl_buf_printf(b, "%zu bytes", n);
    else if (n < 1024 * 1024)
        sl_buf_printf(b, "%zu KB", (n + 512) / 1024);
    else
        sl_buf_printf(b, "%.1f MB", (double)n / (1024.0 * 1024.0));
}

/* Evidence callback: one row of the action page's list. */
static int on_listed(void *ctx, const sl_evidence *e)
{
    sl_buf *b = ctx;
    char day[SL_DAY_TEXT_SIZE], when[SL_TIME_TEXT_SIZE];
    sl_day_uk(e->update_day, day);
    sl_time_text(e->recorded_at, when);
    sl_buf_printf(b, "<tr class=\"govuk-table__row\"><td class=\"govuk-table__cell\"><a class=\"govuk-link\" "
                     "href=\"/evidence/%lld\" download>%h</a></td><td class=\"govuk-table__cell\">",
                  (long long)e->id, e->file_name);
    size_words(b, e->size);
    sl_buf_printf(b, "</td><td class=\"govuk-table__cell\">%h</td><td class=\"govuk-table__cell\">%h</td>"
                     "<td class=\"govuk-table__cell\">%h</td></tr>",
                  day, e->actor, when);
    return 0;
}

void sl_action_evidence_list(sl_request *req, const sl_action_state *s)
{
    sl_buf rows = SL_BUF_INIT;
    sl_error err = {0};
    sl_buf *b = &req->body;
    sl_buf_puts(b, "<h2 class=\"govuk-heading-m\" id=\"evidence-files\">Evidence files</h2>");
    if (sl_store_each_evidence(req->store, s->id, on_listed, &rows, &err) < 0) {
        sl_buf_printf(b, "<p class=\"govuk-body\">The files could not be listed: %h</p>", err.message);
    } else if (rows.len == 0) {
        sl_buf_puts(b, "<p class=\"govuk-body\">None attached yet.</p>");
    } else {
        sl_buf_puts(b, "<div class=\"sl-table-wrap\"><table class=\"govuk-table\"><caption class=\"govuk-visually-hidden\">"
                       "Files attached to this action's updates</caption><thead class=\"govuk-table__head\">"
                       "<tr class=\"govuk-table__row\"><th scope=\"col\" class=\"govuk-table__header\">File</th>"
                       "<th scope=\"col\" class=\"govuk-table__header\">Size</th>"
                       "<th scope=\"col\" class=\"govuk-table__header\">Update of</th>"
                       "<th scope=\"col\" class=\"govuk-table__header\">Attached by</th>"
                       "<th scope=\"col\" class=\"govuk-table__header\">When</th></tr></thead>"
                       "<tbody class=\"govuk-table__body\">");
        sl_buf_add(b, rows.data, rows.len);
        sl_buf_puts(b, "</tbody></table></div>");
    }
    sl_buf_free(&rows);
}

/* Evidence callback: the file becomes the answer. */
static int on_file(void *ctx, const sl_evidence *e)
{
    sl_request *req = ctx;
    req->ids[1] = e->action_id;
    req->content_type = sl_req_strdup(req, e->content_type);
    req->filename = sl_req_strdup(req, e->file_name);
    sl_buf_add(&req->body, e->data, e->size);
    return 0;
}

void sl_page_evidence(sl_request *req)
{
    sl_error err = {0};
    int found = sl_store_evidence_get(req->store, req->ids[0], on_file, req, &err);
    if (found < 0) {
        sl_error_page(req, 500, "The file could not be read", err.message);
        return;
    }
    if (found == 0) {
        sl_error_page(req, 404, "File not found", "There is no evidence file with that number.");
        return;
    }
    /* Whoever may read the action may have its files (its plan's authority, when accounts are scoped). */
    sl_action_state s;
    sl_buf file = req->body;
    const char *type = req->content_type, *name = req->filename;
    req->body = (sl_buf)SL_BUF_INIT;
    req->content_type = req->filename = NULL;
    int ok = sl_action_state_load(req, req->ids[1], &s) == 1 && sl_may(req->role, SL_DO_READ, NULL);
    if (!ok) {
        sl_buf_free(&file);
        if (req->status == 200)
            sl_error_page(req, 403, "You cannot see this file", "Your account may not read this action.");
        return;
    }
    sl_buf_free(&req->body);
    req->body = file;
    req->content_type = type;
    req->filename = name;
}
