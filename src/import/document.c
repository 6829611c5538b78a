/* document.c — which reader a file goes to (see document.h). */
#include "import/document.h"

#include <stdlib.h>
#include <string.h>

#include "import/inspection_text.h"
#include "import/pdf_text.h"
#include "import/tor_text.h"
#include "util/file.h"
#include "util/mem.h"

sl_document_kind sl_document_kind_of(const char *data, size_t len, const sl_read_request *req)
{
    if (req->inspection)
        return SL_DOC_INSPECTION;
    if (req->options.format == SL_FORMAT_AUTO && !sl_is_zip(data, len) && sl_inspection_detect(data, len))
        return SL_DOC_INSPECTION;
    size_t start, end;
    if ((req->options.format == SL_FORMAT_AUTO || req->options.format == SL_FORMAT_TEXT) && !sl_is_zip(data, len) &&
        sl_tor_detect(data, len, &start, &end))
        return SL_DOC_TERMS_OF_REFERENCE;
    return SL_DOC_PLAN;
}

/* Reads an Ofsted report's text and appends it. */
static int read_report(const char *path, const char *data, size_t len, sl_readings *out, sl_error *err)
{
    sl_inspection in;
    sl_inspection_init(&in);
    if (sl_inspection_read(data, len, path, &in, err) < 0)
        return -1;
    sl_sha256_hex(data, len, in.source_sha256);
    out->reports.inspections = sl_realloc(out->reports.inspections, (out->reports.n + 1) * sizeof in);
    out->reports.inspections[out->reports.n++] = in;
    return 0;
}

/* Reads a plan file (CSV, workbook or document) and appends its plans. Only
 * a plan document with no authority given is matched to an authority. */
static int read_plans(const char *path, const char *data, size_t len, const sl_read_request *req,
                      sl_readings *out, sl_error *err)
{
    sl_import_options o = req->options;
    if (!o.authority && req->authorities && sl_import_format(path, data, len, &o) == SL_FORMAT_TEXT)
        o.authorities = req->authorities(req->authorities_ctx);
    sl_plan_set set;
    if (sl_import_bytes(path, data, len, &o, &set, err) < 0)
        return -1;
    sl_plan_set *all = &out->plans;
    all->plans = sl_realloc(all->plans, (all->n_plans + set.n_plans) * sizeof *set.plans);
    memcpy(all->plans + all->n_plans, set.plans, set.n_plans * sizeof *set.plans);
    all->n_plans += set.n_plans;
    free(set.plans);
    return 0;
}

/* Reads every terms of reference in the text into out's boards, and blanks
 * each part in text (line ends kept, so later line numbers stay true). */
static int read_boards(const char *path, char *text, size_t len, sl_readings *out, sl_error *err)
{
    size_t at = 0, start, end;
    while (at < len && sl_tor_detect(text + at, len - at, &start, &end)) {
        sl_board board = sl_board_empty();
        sl_findings findings = {0};
        /* The reader numbers lines from the text it is given: hand it all
         * the text up to the part's end, so they are the file's lines. */
        if (sl_tor_read(text, at + end, path, &board, &findings, err) < 0) {
            sl_findings_free(&findings);
            return -1;
        }
        out->boards = sl_realloc(out->boards, (out->n_boards + 1) * sizeof *out->boards);
        out->boards[out->n_boards++] = board;
        for (size_t i = 0; i < findings.n; i++) {
            const sl_finding *f = &findings.items[i];
            sl_findings_add(&out->board_findings, f->severity, f->code, f->ref, f->line, "%s", f->message);
        }
        sl_findings_free(&findings);
        for (size_t i = at + start; i < at + end; i++)
            if (text[i] != '\n')
                text[i] = ' ';
        at += end;
    }
    return 0;
}

/* Returns 1 when the text holds anything but white space. */
static int has_text(const char *text, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (text[i] != ' ' && text[i] != '\n' && text[i] != '\r' && text[i] != '\t' && text[i] != '\f')
            return 1;
    return 0;
}

/* Reads a document holding terms of reference: the boards, then the plan
 * in the rest of the document when there is one (an agenda pack may hold
 * both; a pack with no plan table is not an error). */
static int read_pack(const char *path, const char *data, size_t len, const sl_read_request *req,
                     sl_readings *out, sl_error *err)
{
    char *rest = sl_strndup(data, len);
    int rc = read_boards(path, rest, len, out, err);
    if (rc == 0 && has_text(rest, len)) {
        sl_error plan_err = {0};
        rc = read_plans(path, rest, len, req, out, &plan_err);
        if (rc < 0 && plan_err.code == SL_ERR_NOT_FOUND)
            rc = 0;
        else if (rc < 0)
            *err = plan_err;
    }
    free(rest);
    return rc;
}

int sl_read_document_bytes(const char *path, const char *data, size_t len, const sl_read_request *req,
                           sl_readings *out, sl_error *err)
{
    switch (sl_document_kind_of(data, len, req)) {
    case SL_DOC_INSPECTION: return read_report(path, data, len, out, err);
    case SL_DOC_TERMS_OF_REFERENCE: return read_pack(path, data, len, req, out, err);
    case SL_DOC_PLAN: break;
    }
    return read_plans(path, data, len, req, out, err);
}

int sl_read_document(const char *path, const sl_read_request *req, sl_readings *out, sl_error *err)
{
    size_t len;
    sl_import_limits lim = sl_import_limits_or_default(req->options.limits);
    char *data = sl_read_file_max(path, lim.max_bytes, &len, err);
    if (!data)
        return -1;
    sl_format format = req->options.format;
    if (sl_is_pdf(data, len) && (format == SL_FORMAT_AUTO || format == SL_FORMAT_TEXT)) {
        free(data);
        if (!(data = sl_pdf_text(path, &lim, &len, err)))
            return -1;
    }
    int rc = sl_read_document_bytes(path, data, len, req, out, err);
    free(data);
    return rc;
}

void sl_readings_free(sl_readings *r)
{
    sl_plan_set_free(&r->plans);
    sl_inspection_list_free(&r->reports);
    for (size_t i = 0; i < r->n_boards; i++)
        sl_board_free(&r->boards[i]);
    free(r->boards);
    r->boards = NULL;
    r->n_boards = 0;
    sl_findings_free(&r->board_findings);
}
