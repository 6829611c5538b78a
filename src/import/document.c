/* document.c — which reader a file goes to (see document.h). */
#include "import/document.h"

#include <stdlib.h>
#include <string.h>

#include "import/inspection_text.h"
#include "import/pdf_text.h"
#include "util/file.h"
#include "util/mem.h"

sl_document_kind sl_document_kind_of(const char *data, size_t len, const sl_read_request *req)
{
    if (req->inspection)
        return SL_DOC_INSPECTION;
    if (req->options.format == SL_FORMAT_AUTO && !sl_is_zip(data, len) && sl_inspection_detect(data, len))
        return SL_DOC_INSPECTION;
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

int sl_read_document_bytes(const char *path, const char *data, size_t len, const sl_read_request *req,
                           sl_readings *out, sl_error *err)
{
    if (sl_document_kind_of(data, len, req) == SL_DOC_INSPECTION)
        return read_report(path, data, len, out, err);
    return read_plans(path, data, len, req, out, err);
}

int sl_read_document(const char *path, const sl_read_request *req, sl_readings *out, sl_error *err)
{
    size_t len;
    char *data = sl_read_file(path, &len, err);
    if (!data)
        return -1;
    sl_format format = req->options.format;
    if (sl_is_pdf(data, len) && (format == SL_FORMAT_AUTO || format == SL_FORMAT_TEXT)) {
        free(data);
        if (!(data = sl_pdf_text(path, &len, err)))
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
}
