/* page_import.c — importing a plan from the browser (issue 13 item 2):
 * GET /import is the upload form; POST /import reads the file with the
 * command line's readers (import/document.h), outside any transaction and
 * within the import limits, keeps its bytes as a pending import (a random
 * token bound to the session, with its SHA-256, expiring after an hour;
 * the reading runs on a thread of its own, web.h sl_web_job) and
 * shows a preview: what will be created, what changes field by field against
 * the current version (report/plan_diff.h), what the re-import merge will
 * carry forward (store merge_version, run in a transaction rolled back) and
 * the lint findings. POST /import/confirm reads the same bytes again and
 * stores exactly that in one transaction; POST /import/cancel discards. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "domain/evidence.h"
#include "domain/lint.h"
#include "import/document.h"
#include "report/national_view.h"
#include "report/plan_diff.h"
#include "util/file.h"
#include "util/mem.h"
#include "web/auth.h"
#include "web/governance_web.h"
#include "web/web.h"

#define PENDING_SECONDS 3600        /* a preview may be confirmed within the hour */
#define READ_SECONDS 30             /* converting a PDF, on a page thread */
#define SHOWN_FINDINGS 50

/* Writes the upload form, with the error beside the file field (NULL: none). */
static void upload_form(sl_request *req, const char *error, const char *authority)
{
    sl_buf *b = &req->body;
    sl_page_start(req, error ? "Error: Import a plan" : "Import a plan");
    sl_gov_field f[] = {{"file", "File", NULL, error}};
    sl_gov_error_summary(b, f, 1);
    sl_buf_printf(b, "<h1 class=\"govuk-heading-l\">Import a plan</h1><p class=\"govuk-body\">Upload a plan document "
                     "(PDF, Word, OpenDocument, HTML or text), a workbook (.xlsx) or a CSV export. Nothing is stored "
                     "until you have seen what it will do and confirmed it. A changed file of a plan already here "
                     "becomes its next version and keeps every update, sign-off and setting recorded since.</p>"
                     "<form method=\"post\" action=\"/import\" enctype=\"multipart/form-data\" novalidate>"
                     "<input type=\"hidden\" name=\"csrf\" value=\"%a\">",
                  req->session.csrf);
    sl_buf_printf(b, "<div class=\"govuk-form-group%R\"><label class=\"govuk-label\" for=\"file\">File</label>"
                     "<div id=\"file-hint\" class=\"govuk-hint\">At most %d MB.</div>",
                  error ? " govuk-form-group--error" : "", (int)(SL_IMPORT_MAX_BYTES >> 20));
    if (error)
        sl_buf_printf(b, "<p id=\"file-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">"
                         "Error:</span> %h</p>", error);
    sl_buf_printf(b, "<input class=\"govuk-file-upload%R\" id=\"file\" name=\"file\" type=\"file\" "
                     "aria-describedby=\"file-hint%R\"></div>",
                  error ? " govuk-file-upload--error" : "", error ? " file-error" : "");
    sl_gov_input(b, &(sl_gov_field){"authority", "Authority (optional: when the document does not name it)",
                                    authority, NULL}, "text");
    sl_buf_puts(b, "<button type=\"submit\" class=\"govuk-button\">Preview the import</button></form>");
    sl_page_end(req);
}

void sl_page_import(sl_request *req)
{
    if (!sl_may(req->role, SL_DO_IMPORT, NULL)) {
        sl_error_page(req, 403, "You cannot import plans", "Importing is for the programme team.");
        return;
    }
    upload_form(req, NULL, NULL);
}

/* Reads len bytes named name as the command line reads a file (written to a
 * private temporary folder under that name, so messages and default titles
 * are the user's). Returns 0, or -1 with err. */
static int read_bytes(const char *data_dir, const char *name, const char *data, size_t len, const char *authority,
                      sl_readings *out, sl_error *err)
{
    char dir[] = "/tmp/sightline-import.XXXXXX";
    if (!mkdtemp(dir))
        return sl_fail(err, "cannot make a temporary folder to read the file in");
    sl_buf path = SL_BUF_INIT;
    sl_buf_cprintf(&path, "%s/%s", dir, name);
    FILE *f = fopen(sl_buf_str(&path), "wb");
    int rc = f && fwrite(data, 1, len, f) == len ? 0 : -1;
    if (f && fclose(f) != 0)
        rc = -1;
    sl_authority_table table = {0};
    sl_error ignored = {0};
    sl_reference_authorities(data_dir, &table, &ignored);
    sl_read_request rr = {.options = {.authority = authority && *authority ? authority : NULL,
                                      .authorities = table.n ? &table : NULL,
                                      .limits = {.max_seconds = READ_SECONDS}}};
    if (rc < 0)
        sl_fail(err, "cannot keep the uploaded file to read it");
    else
        rc = sl_read_document(sl_buf_str(&path), &rr, out, err);
    unlink(sl_buf_str(&path));
    rmdir(dir);
    sl_buf_free(&path);
    sl_authority_table_free(&table);
    if (rc == 0 && (out->reports.n || out->n_boards || out->plans.n_plans == 0))
        rc = sl_fail(err, "this page imports plans: import inspection reports and terms of reference with "
                          "`sightline import`");
    return rc;
}

/* A file read on a thread of its own (web.h sl_web_job): what to read, and what it held. */
typedef struct {
    sl_web_job job;
    char *data_dir, *name, *authority;
    sl_buf data;
    sl_readings r;
    sl_error err;
    int rc;
} read_job;

/* Job: reads the file. */
static void read_job_run(sl_web_job *job)
{
    read_job *j = (read_job *)job;
    j->rc = read_bytes(j->data_dir, j->name, j->data.data ? j->data.data : "", j->data.len, j->authority, &j->r,
                       &j->err);
}

/* Job: frees what the reading kept. */
static void read_job_free(sl_web_job *job)
{
    read_job *j = (read_job *)job;
    free(j->data_dir);
    free(j->name);
    free(j->authority);
    sl_buf_free(&j->data);
    sl_readings_free(&j->r);
    free(j);
}

/* Returns the finished reading of the request's file, or NULL after handing
 * a copy of it to a thread of its own (the handler returns, and runs again
 * when it is read). */
static read_job *read_off_thread(sl_request *req, const char *name, const char *data, size_t len,
                                 const char *authority)
{
    if (req->job)
        return (read_job *)req->job;
    read_job *j = sl_calloc(sizeof *j);
    j->job = (sl_web_job){read_job_run, read_job_free, 0, 0};
    j->data_dir = sl_strdup(req->data_dir ? req->data_dir : "");
    j->name = sl_strdup(name);
    j->authority = sl_strdup(authority ? authority : "");
    if (len)
        sl_buf_add(&j->data, data, len);
    req->job = &j->job;
    return NULL;
}

/* Returns 1 after a 503 page when the reading could not be queued (too many at once). */
static int busy(sl_request *req, const read_job *j)
{
    if (!j->job.busy)
        return 0;
    req->retry_after = 30;
    sl_error_page(req, 503, "Too many imports at once",
                  "sightline is reading other uploaded files: nothing was stored. Try again in a minute.");
    return 1;
}

/* Writes the findings of plan p (its reader's and the lint's), the first SHOWN_FINDINGS. */
static void findings(sl_buf *b, const sl_plan *p)
{
    sl_findings lint = {0};
    sl_lint_plan(p, &lint);
    size_t n = p->findings.n + lint.n;
    sl_buf_printf(b, "<h3 class=\"govuk-heading-s\">Data-quality findings: %zu</h3>", n);
    if (n)
        sl_buf_puts(b, "<ul class=\"govuk-list govuk-list--bullet sl-findings\">");
    for (size_t i = 0; i < n && i < SHOWN_FINDINGS; i++) {
        const sl_finding *f = i < p->findings.n ? &p->findings.items[i] : &lint.items[i - p->findings.n];
        sl_buf_printf(b, "<li>%h%R%h</li>", f->ref, *f->ref ? ": " : "", f->message);
    }
    if (n)
        sl_buf_printf(b, "</ul>%R", n > SHOWN_FINDINGS ? "<p class=\"govuk-body\">… and more: see the lint page "
                                                         "after importing.</p>" : "");
    sl_findings_free(&lint);
}

/* Writes what a new version changes and carries forward. */
static void changes(sl_buf *b, const sl_plan *old, const sl_plan *p, int version, const sl_merge_counts *m)
{
    sl_buf diff = SL_BUF_INIT;
    sl_diff_counts c;
    sl_plan_diff(&diff, old, p, &c);
    sl_buf_printf(b, "<p class=\"govuk-body sl-import-fate\">A new version (%d) of this plan: %d actions added, "
                     "%d removed, %d changed (%d fields).</p><h3 class=\"govuk-heading-s\">Changes from version %d"
                     "</h3><ul class=\"govuk-list sl-changes\">",
                  version + 1, c.added, c.removed, c.changed, c.fields, version);
    sl_buf line = SL_BUF_INIT;
    for (const char *at = sl_buf_str(&diff); *at;) {
        size_t n = strcspn(at, "\n");
        sl_buf_reset(&line);
        sl_buf_add(&line, at, n);
        sl_buf_printf(b, "<li class=\"sl-pre\">%h</li>", sl_buf_str(&line));
        at += n + (at[n] == '\n');
    }
    sl_buf_free(&line);
    sl_buf_printf(b, "</ul><h3 class=\"govuk-heading-s\">Carried forward from version %d</h3>"
                     "<p class=\"govuk-body sl-carried\">%d actions keep their record: %d progress updates and %d "
                     "comments; %d removed actions kept as withdrawn; %d statuses changed by the document itself; "
                     "plan settings%R kept.</p>",
                  version, m->actions, m->updates, m->comments, m->withdrawn, m->moved,
                  m->commentary ? " and report commentary" : "");
    sl_buf_free(&diff);
}

/* One run of the import: what it writes (html NULL: nothing), the plan
 * versions it was made against ("ID:VERSION;" each, 0:0 for a new plan),
 * and the first plan stored. */
typedef struct {
    sl_buf *html;
    sl_buf seen;
    int64_t plan_id;
} import_run;

/* Stores plan p as the command line does: a new plan, or a new version
 * merged with the current one (sl_store_merge_version); a file already
 * imported changes nothing. Fills run (see import_run). Returns 0 or -1. */
static int import_one(sl_request *req, const sl_plan *p, import_run *run, sl_error *err)
{
    sl_buf *html = run->html;
    int64_t *plan_id = &run->plan_id;
    const char *authority = *p->authority ? p->authority : "Unspecified authority", *actor = req->session.user.login;
    int64_t old_id = 0, id = 0;
    int version = 0;
    char sha[65];
    int found = sl_store_find_plan(req->store, authority, p->title, &old_id, &version, sha, err);
    if (found < 0)
        return -1;
    sl_buf_cprintf(&run->seen, "%lld:%d;", (long long)old_id, found ? version : 0);
    if (html)
        sl_buf_printf(html, "<h2 class=\"govuk-heading-m\">%h</h2><p class=\"govuk-body sl-import-counts\">%h: %zu "
                            "actions, %zu themes, %zu recommendations.</p>",
                      p->title, authority, p->n_actions, p->n_themes, p->n_recommendations);
    if (found && strcmp(sha, p->source_sha256) == 0) {
        if (html)
            sl_buf_printf(html, "<p class=\"govuk-body sl-import-fate\">Unchanged: version %d is this file already; "
                                "importing it changes nothing.</p>", version);
        *plan_id = *plan_id ? *plan_id : old_id;
        return 0;
    }
    sl_plan old;
    if (found && sl_store_load_plan(req->store, old_id, &old, err) < 0)
        return -1;
    sl_merge_counts m = {0};
    int rc = sl_store_save_plan(req->store, p, req->today, actor, &id, err) < 0 ||
                     (found && sl_store_merge_version(req->store, old_id, id, actor, &m, err) < 0)
                 ? -1
                 : 0;
    if (rc == 0 && html && found)
        changes(html, &old, p, version, &m);
    else if (rc == 0 && html)
        sl_buf_puts(html, "<p class=\"govuk-body sl-import-fate\">A new plan: nothing of it is here yet.</p>");
    if (rc == 0 && html)
        findings(html, p);
    if (found)
        sl_plan_free(&old);
    *plan_id = *plan_id ? *plan_id : id;
    return rc;
}

/* Runs the import of every plan read in one transaction: the preview
 * (drop_token NULL) rolls it back, so nothing is written; the confirmation
 * (drop_token set) is refused (SL_ERR_STALE) unless it meets the plan
 * versions the preview saw (expect_seen), forgets that pending import and
 * commits. Returns 0 or -1 with err. */
static int run_import(sl_request *req, const sl_plan_set *set, import_run *run, const char *drop_token,
                      const char *expect_seen, sl_error *err)
{
    if (sl_store_begin(req->store, err) < 0)
        return -1;
    int rc = 0;
    for (size_t i = 0; rc == 0 && i < set->n_plans; i++)
        rc = import_one(req, &set->plans[i], run, err);
    if (rc == 0 && drop_token && strcmp(sl_buf_str(&run->seen), expect_seen ? expect_seen : "") != 0)
        rc = sl_fail_code(err, SL_ERR_STALE, "the plan changed since the preview");
    if (rc == 0 && drop_token)
        rc = sl_store_pending_import_drop(req->store, drop_token, req->token_hash, err);
    if (rc == 0 && drop_token)
        rc = sl_store_commit(req->store, err);
    if (rc < 0 || !drop_token)
        sl_store_rollback(req->store);
    return rc;
}

/* Returns the sentence msg with its first letter a capital (in the request's arena). */
static const char *sentence(sl_request *req, const char *prefix, const char *msg)
{
    sl_buf text = SL_BUF_INIT;
    sl_buf_puts(&text, prefix);
    sl_buf_puts(&text, msg);
    char *s = (char *)sl_req_strdup(req, sl_buf_str(&text));
    sl_buf_free(&text);
    if (s[0] >= 'a' && s[0] <= 'z')
        s[0] = (char)(s[0] - 'a' + 'A');
    return s;
}

/* Keeps the upload as a pending import under a new token (written into
 * token, 65 bytes); returns 0 or -1 with err. */
static int keep_pending(sl_request *req, const sl_upload *up, const char *authority, char token[65], sl_error *err)
{
    char token_hash[65], sha[65];
    sl_random_hex(token, 32);
    sl_sha256_hex(token, strlen(token), token_hash);
    sl_sha256_hex(up->data.data, up->data.len, sha);
    sl_pending_import p = {token_hash, req->token_hash, req->session.user.login, up->filename,
                           authority ? authority : "", sha, up->data.len, up->data.data, req->now};
    if (sl_store_begin(req->store, err) < 0 ||
        sl_store_pending_import_put(req->store, &p, req->now - PENDING_SECONDS, err) < 0 ||
        sl_store_commit(req->store, err) < 0) {
        sl_store_rollback(req->store);
        return -1;
    }
    return 0;
}

/* Writes the preview page: what the import will do, then confirm and cancel. */
static void preview_page(sl_request *req, const char *name, import_run *run, const char *token)
{
    sl_buf *b = &req->body;
    sl_page_start(req, "Check the import");
    sl_buf_printf(b, "<span class=\"govuk-caption-l\">Import %h</span><h1 class=\"govuk-heading-l\">Check what the "
                     "import will do</h1><p class=\"govuk-body\">Nothing has been stored yet.</p>", name);
    sl_buf_add(b, run->html->data, run->html->len);
    sl_buf_printf(b, "<div class=\"govuk-button-group\"><form method=\"post\" action=\"/import/confirm\" novalidate>"
                     "<input type=\"hidden\" name=\"csrf\" value=\"%a\"><input type=\"hidden\" name=\"token\" "
                     "value=\"%a\"><input type=\"hidden\" name=\"seen\" value=\"%a\"><button type=\"submit\" "
                     "class=\"govuk-button\">Confirm and import</button></form>"
                     "<form method=\"post\" action=\"/import/cancel\" novalidate><input type=\"hidden\" name=\"csrf\" "
                     "value=\"%a\"><input type=\"hidden\" name=\"token\" value=\"%a\"><button type=\"submit\" "
                     "class=\"govuk-button govuk-button--secondary\">Cancel</button></form></div>",
                  req->session.csrf, token, sl_buf_str(&run->seen), req->session.csrf, token);
    sl_page_end(req);
}

/* Checks the upload; returns NULL when it may be read, else the error to show (status set). */
static const char *upload_error(sl_request *req, const sl_upload *up)
{
    sl_error err = {0};
    req->status = 400;
    if (!up || !up->present)
        return "Choose a file to import";
    if (up->too_large) {
        req->status = 413;
        return sl_req_printf(req, "The file is larger than %d MB: sightline reads plans of at most that size",
                             (int)(SL_IMPORT_MAX_BYTES >> 20));
    }
    if (sl_evidence_name_check(up->filename, &err) < 0)
        return sentence(req, "", err.message);
    req->status = 200;
    return NULL;
}

void sl_page_import_post(sl_request *req)
{
    const char *authority = sl_form_get(&req->form, "authority"), *error = upload_error(req, req->upload);
    if (!sl_may(req->role, SL_DO_IMPORT, NULL)) {
        sl_error_page(req, 403, "You cannot import plans", "Importing is for the programme team.");
        return;
    }
    if (error) {
        upload_form(req, error, authority);
        return;
    }
    const sl_upload *up = req->upload;
    read_job *j = read_off_thread(req, up->filename, up->data.data, up->data.len, authority);
    if (!j || busy(req, j))
        return;
    sl_error err = {0};
    sl_buf html = SL_BUF_INIT;
    import_run run = {&html, SL_BUF_INIT, 0};
    char token[65];
    if (j->rc < 0) {
        req->status = j->err.code == SL_ERR_LIMIT ? 413 : 400;
        error = sentence(req, "The file could not be read: ", j->err.message);
    } else if (run_import(req, &j->r.plans, &run, NULL, NULL, &err) < 0 ||
               keep_pending(req, up, authority, token, &err) < 0) {
        req->status = 500;
        error = sentence(req, "The import could not be prepared: ", err.message);
    }
    if (error)
        upload_form(req, error, authority);
    else
        preview_page(req, up->filename, &run, token);
    sl_buf_free(&html);
    sl_buf_free(&run.seen);
}

typedef struct {
    sl_request *req;
    sl_buf data;
    const char *name, *authority;
} pending_copy;

/* Pending-import callback: copies what was kept. */
static int on_pending(void *ctx, const sl_pending_import *p)
{
    pending_copy *c = ctx;
    sl_buf_add(&c->data, p->data, p->size);
    c->name = sl_req_strdup(c->req, p->file_name);
    c->authority = sl_req_strdup(c->req, p->authority);
    return 0;
}

/* Finds the pending import the form's token names in this session: 1 with
 * hash (65 bytes) and c filled; else 0 with an error page written. */
static int find_pending(sl_request *req, char hash[65], pending_copy *c)
{
    const char *token = sl_form_get(&req->form, "token");
    sl_error err = {0};
    if (!token || strlen(token) != 64) {
        sl_error_page(req, 400, "Bad request", "The form did not say which import it was about.");
        return 0;
    }
    sl_sha256_hex(token, 64, hash);
    int found = sl_store_pending_import_get(req->store, hash, req->token_hash, req->now - PENDING_SECONDS, on_pending,
                                            c, &err);
    if (found < 0)
        sl_error_page(req, 500, "Something went wrong", err.message);
    else if (found == 0)
        sl_error_page(req, 409, "This import is no longer waiting",
                      "It was confirmed or cancelled already, or its hour ran out. Upload the file again.");
    return found == 1;
}

void sl_page_import_confirm(sl_request *req)
{
    char hash[65];
    pending_copy c = {req, SL_BUF_INIT, NULL, NULL};
    if (!sl_may(req->role, SL_DO_IMPORT, NULL)) {
        sl_error_page(req, 403, "You cannot import plans", "Importing is for the programme team.");
        return;
    }
    if (!find_pending(req, hash, &c))
        return;
    /* The same bytes, read again off the page threads: exactly what the preview showed. */
    read_job *j = read_off_thread(req, c.name, c.data.data ? c.data.data : "", c.data.len, c.authority);
    sl_buf_free(&c.data);
    if (!j || busy(req, j))
        return;
    sl_error err = {0};
    import_run run = {NULL, SL_BUF_INIT, 0};
    if (j->rc < 0 || run_import(req, &j->r.plans, &run, hash, sl_form_get(&req->form, "seen"), &err) < 0) {
        if (err.code == SL_ERR_STALE)
            sl_error_page(req, 409, "The plan changed since your preview",
                          "Someone imported or changed this plan after you saw the preview, so nothing was stored. "
                          "Upload the file again to see what it would do now.");
        else
            sl_error_page(req, 500, "The import was not stored", j->rc < 0 ? j->err.message : err.message);
    } else {
        sl_redirect(req, "/plans/%lld", (long long)run.plan_id);
    }
    sl_buf_free(&run.seen);
}

void sl_page_import_cancel(sl_request *req)
{
    const char *token = sl_form_get(&req->form, "token");
    char hash[65];
    sl_error err = {0};
    if (!token || strlen(token) != 64) {
        sl_error_page(req, 400, "Bad request", "The form did not say which import it was about.");
        return;
    }
    sl_sha256_hex(token, 64, hash);
    if (sl_store_begin(req->store, &err) < 0 ||
        sl_store_pending_import_drop(req->store, hash, req->token_hash, &err) < 0 ||
        sl_store_commit(req->store, &err) < 0) {
        sl_store_rollback(req->store);
        sl_error_page(req, 500, "Something went wrong", err.message);
        return;
    }
    sl_redirect(req, "/import");
}
