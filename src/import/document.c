/* document.c — which reader a file goes to (see document.h). */
#include "import/document.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <zip.h>

#include "import/format/docx_text.h"
#include "import/format/html_text.h"
#include "import/kind/inspection/inspection_text.h"
#include "import/format/odt_text.h"
#include "import/kind/letter/ofsted_letter.h"
#include "import/kind/pack/agenda_pack.h"
#include "import/format/pdf_text.h"
#include "import/kind/tor/tor_text.h"
#include "import/format/zip_part.h"
#include "util/buf.h"
#include "util/file.h"
#include "util/mem.h"

sl_document_kind sl_document_kind_of(const char *data, size_t len, const sl_read_request *req)
{
    if (req->inspection)
        return SL_DOC_INSPECTION;
    if (req->options.format == SL_FORMAT_AUTO && !sl_is_zip(data, len) &&
        (sl_letter_detect(data, len) != SL_INSPECTION_UNKNOWN || sl_inspection_detect(data, len)))
        return SL_DOC_INSPECTION;
    size_t start, end;
    if ((req->options.format == SL_FORMAT_AUTO || req->options.format == SL_FORMAT_TEXT) && !sl_is_zip(data, len) &&
        sl_tor_detect(data, len, &start, &end))
        return SL_DOC_TERMS_OF_REFERENCE;
    return SL_DOC_PLAN;
}

/* Reads an Ofsted report's or letter's text and appends it. */
static int read_report(const char *path, const char *data, size_t len, sl_readings *out, sl_error *err)
{
    sl_inspection in;
    sl_inspection_init(&in);
    int letter = sl_letter_detect(data, len) != SL_INSPECTION_UNKNOWN;
    if ((letter ? sl_letter_read(data, len, path, &in, err) : sl_inspection_read(data, len, path, &in, err)) < 0)
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

/* Returns one part of a pack as the readers take it (caller frees): the
 * part's bytes, after as many line ends as there are lines before it when
 * prefix is set (so that the readers' line numbers are the file's); its
 * heading line ("Appendix A") and the stamps repeating a label on later
 * pages blanked, so a plan's title is its own heading. *view_len gets the
 * length. */
static char *part_view(const char *data, const sl_pack_part *p, int prefix, size_t *view_len)
{
    size_t lines = prefix ? (size_t)(p->line - 1) : 0, n = p->end - p->start;
    char *view = sl_realloc(NULL, lines + n + 1);
    memset(view, '\n', lines);
    memcpy(view + lines, data + p->start, n);
    memset(view + lines, ' ', p->head_end - p->start);
    view[lines + n] = '\0';
    for (size_t at = lines; at < lines + n;) {
        char *nl = memchr(view + at, '\n', lines + n - at);
        size_t end = nl ? (size_t)(nl - view) : lines + n;
        if (sl_pack_stamp(view + at, end - at))
            memset(view + at, ' ', end - at);
        at = end + 1;
    }
    *view_len = lines + n;
    return view;
}

/* Appends a note to the readings. */
static void add_note(sl_readings *out, char *note)
{
    out->notes = sl_realloc(out->notes, (out->n_notes + 1) * sizeof *out->notes);
    out->notes[out->n_notes++] = note;
}

/* Appends the one note for the workforce tables read past in a file. */
static void note_workforce(sl_readings *out, const char *path, size_t tables, size_t rows)
{
    sl_buf note = SL_BUF_INIT;
    sl_buf_cprintf(&note, "%s: %zu workforce table%s (%zu rows) skipped: not a plan; record workforce "
                          "figures with `sightline workforce`",
                   path, tables, tables == 1 ? "" : "s", rows);
    add_note(out, sl_buf_take(&note));
}

/* Reads a part of a pack as an Ofsted report or letter when it is one:
 * returns 1 (read and appended), 0 (not a report), or -1 with err. The
 * report readers look for the title near the top, so they get the part
 * alone; lines in err and the inspection are moved to the file's. */
static int read_part_report(const char *path, const char *data, const sl_pack_part *p, sl_readings *out,
                            sl_error *err)
{
    size_t n;
    char *part = part_view(data, p, 0, &n);
    int rc = sl_letter_detect(part, n) != SL_INSPECTION_UNKNOWN || sl_inspection_detect(part, n);
    long shift = p->line - 1;
    if (rc && read_report(path, part, n, out, err) < 0) {
        if (err->line > 0)
            err->line += shift;
        rc = -1;
    } else if (rc) {
        sl_inspection *in = &out->reports.inspections[out->reports.n - 1];
        if (in->items_line > 0)
            in->items_line += shift;
        for (size_t i = 0; i < in->n_items; i++)
            if (in->items[i].source_line > 0)
                in->items[i].source_line += shift;
    }
    free(part);
    return rc;
}

/* Reads one part of a pack and appends what it holds: an Ofsted report
 * (refused when it cannot be read: bad input), terms of reference, a plan;
 * a part with no plan table (a covering report, a briefing) holds nothing to
 * import, nor do the agenda and minutes. Adds the workforce tables blanked
 * to *tables and *rows. */
static int read_part(const char *path, const char *data, const sl_pack_part *p, const sl_read_request *req,
                     sl_readings *out, size_t *tables, size_t *rows, sl_error *err)
{
    if (p->kind == SL_PART_AGENDA || p->kind == SL_PART_MINUTES || !has_text(data + p->start, p->end - p->start))
        return 0;
    int rc = read_part_report(path, data, p, out, err);
    if (rc != 0)
        return rc < 0 ? -1 : 0;
    size_t len, start, end;
    char *view = part_view(data, p, 1, &len);
    if (sl_tor_detect(view, len, &start, &end))
        rc = read_boards(path, view, len, out, err);
    *tables += sl_pack_blank_workforce(view, len, rows);
    sl_error plan_err = {0};
    if (rc == 0 && has_text(view, len) && read_plans(path, view, len, req, out, &plan_err) < 0 &&
        plan_err.code != SL_ERR_NOT_FOUND) {
        *err = plan_err;
        rc = -1;
    }
    free(view);
    return rc;
}

/* Reads an agenda pack part by part (see document.h): every plan read
 * from it is linked to every Ofsted report read from it, and its workforce
 * tables are told in one note. */
static int read_pack_parts(const char *path, const char *data, const sl_pack *pack, const sl_read_request *req,
                           sl_readings *out, sl_error *err)
{
    size_t plans = out->plans.n_plans, reports = out->reports.n, tables = 0, rows = 0;
    int rc = 0;
    for (size_t i = 0; rc == 0 && i < pack->n; i++)
        rc = read_part(path, data, &pack->parts[i], req, out, &tables, &rows, err);
    if (rc == 0)
        out->n_pack_reports += out->reports.n - reports;
    for (size_t pl = plans; rc == 0 && pl < out->plans.n_plans; pl++)
        for (size_t r = reports; r < out->reports.n; r++) {
            out->links = sl_realloc(out->links, (out->n_links + 1) * sizeof *out->links);
            out->links[out->n_links++] = (sl_pack_link){pl, r};
        }
    if (rc == 0 && tables)
        note_workforce(out, path, tables, rows);
    return rc;
}

/* Reads a plan file; a plan document's workforce tables are read past with
 * one note (a finding per row would say nothing), the rest as it is. */
static int read_plan_document(const char *path, const char *data, size_t len, const sl_read_request *req,
                              sl_readings *out, sl_error *err)
{
    if (sl_import_format(path, data, len, &req->options) != SL_FORMAT_TEXT || !memchr(data, '\t', len))
        return read_plans(path, data, len, req, out, err);
    char *text = sl_strndup(data, len);
    size_t rows = 0, tables = sl_pack_blank_workforce(text, len, &rows);
    int rc = read_plans(path, tables ? text : data, len, req, out, err);
    if (rc == 0 && tables)
        note_workforce(out, path, tables, rows);
    free(text);
    return rc;
}

/* Returns 1, filling pack, when the request lets the text be split and it is an agenda pack. */
static int is_pack(const char *data, size_t len, const sl_read_request *req, sl_pack *pack)
{
    return !req->inspection && (req->options.format == SL_FORMAT_AUTO || req->options.format == SL_FORMAT_TEXT) &&
           !sl_is_zip(data, len) && memchr(data, '\0', len) == NULL && sl_pack_split(data, len, pack);
}

int sl_read_document_bytes(const char *path, const char *data, size_t len, const sl_read_request *req,
                           sl_readings *out, sl_error *err)
{
    sl_pack pack;
    if (is_pack(data, len, req, &pack)) {
        size_t plans = out->plans.n_plans, reports = out->reports.n, boards = out->n_boards;
        int rc = read_pack_parts(path, data, &pack, req, out, err);
        sl_pack_free(&pack);
        /* A pack none of whose parts holds anything is read whole as a plan
         * document: its headings were no parts, or it says why it is no plan. */
        if (rc < 0 || out->plans.n_plans > plans || out->reports.n > reports || out->n_boards > boards)
            return rc;
        return read_plan_document(path, data, len, req, out, err);
    }
    switch (sl_document_kind_of(data, len, req)) {
    case SL_DOC_INSPECTION: return read_report(path, data, len, out, err);
    case SL_DOC_TERMS_OF_REFERENCE: return read_pack(path, data, len, req, out, err);
    case SL_DOC_PLAN: break;
    }
    return read_plan_document(path, data, len, req, out, err);
}

/* Returns 1 when the bytes start like an OLE2 compound file: a Word or
 * Excel 97–2003 file, or an Office document encrypted with a password. */
static int is_ole2(const char *data, size_t len)
{
    return len >= 8 && memcmp(data, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0;
}

/* Turns a ZIP package into what the readers take: a Word document's or an
 * OpenDocument text's lines; a workbook stays as it is. *text gets the new
 * bytes (caller frees) or NULL when they stay. Returns 0, or -1 with err
 * naming the file, what it holds and what to do. */
static int package_text(const char *path, const char *data, size_t len, char **text, size_t *text_len,
                        sl_error *err)
{
    *text = NULL;
    zip_t *zip = sl_zip_open(data, len, path, "document or workbook", err);
    if (!zip)
        return -1;
    sl_zip_kind kind = sl_zip_kind_of(zip);
    if (kind == SL_ZIP_OTHER) {
        char *names = sl_zip_part_names(zip);
        sl_fail_at(err, path, 0,
                   "not an xlsx workbook, Word document (.docx) or OpenDocument text (.odt): a zip "
                   "archive holding %s; import the plan or report itself, or save it in one of those formats",
                   names);
        free(names);
    }
    sl_zip_close(zip);
    if (kind == SL_ZIP_DOCX)
        *text = sl_docx_text(data, len, path, text_len, err);
    else if (kind == SL_ZIP_ODT)
        *text = sl_odt_text(data, len, path, text_len, err);
    if (*text && !has_text(*text, *text_len)) {
        free(*text);
        *text = NULL;
        return sl_fail_at(err, path, 0, "the %s holds no text (only pictures, or nothing): sightline reads "
                                        "text; import the document the plan was typed in",
                          kind == SL_ZIP_DOCX ? "Word document" : "OpenDocument text");
    }
    return kind == SL_ZIP_OTHER || ((kind == SL_ZIP_DOCX || kind == SL_ZIP_ODT) && !*text) ? -1 : 0;
}

/* Turns a file's bytes into what the readers take, by their content, never
 * the file's name: a PDF's text, an HTML page's, a Word document's or an
 * OpenDocument text's lines and cells; a workbook, CSV or text as it is.
 * *data is replaced (and the old bytes freed) when they change; a PDF is
 * read within limits. Returns 0,
 * or -1 with err saying why the file cannot be read and what to do. */
static int readable_bytes(const char *path, char **data, size_t *len, sl_format format,
                          const sl_import_limits *limits, sl_error *err)
{
    char *text = NULL;
    size_t text_len = 0;
    if (*len == 0)
        return sl_fail_at(err, path, 1, "the file is empty (0 bytes): there is nothing to import; save or "
                                        "download the document again");
    if (format != SL_FORMAT_AUTO && format != SL_FORMAT_TEXT)
        return 0;
    if (is_ole2(*data, *len))
        return sl_fail_at(err, path, 0,
                          "an Office file in the old binary format (Word or Excel 97-2003, .doc or .xls) "
                          "or one protected by a password: sightline reads .docx, .xlsx and .odt; open it "
                          "and save it in one of those formats, without a password");
    if (sl_is_pdf(*data, *len)) {
        if (!(text = sl_pdf_text(path, *data, *len, limits, &text_len, err)))
            return -1;
    } else if (sl_is_html(*data, *len)) {
        text = sl_html_text(*data, *len, &text_len);
    } else if (sl_is_zip(*data, *len) && package_text(path, *data, *len, &text, &text_len, err) < 0) {
        return -1;
    }
    if (text) {
        free(*data);
        *data = text;
        *len = text_len;
    }
    return 0;
}

int sl_read_document(const char *path, const sl_read_request *req, sl_readings *out, sl_error *err)
{
    size_t len;
    sl_import_limits lim = sl_import_limits_or_default(req->options.limits);
    char *data = sl_read_file_max(path, lim.max_bytes, &len, err);
    if (!data)
        return -1;
    int rc = readable_bytes(path, &data, &len, req->options.format, &lim, err);
    if (rc == 0)
        rc = sl_read_document_bytes(path, data, len, req, out, err);
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
    free(r->links);
    r->links = NULL;
    r->n_links = 0;
    r->n_pack_reports = 0;
    for (size_t i = 0; i < r->n_notes; i++)
        free(r->notes[i]);
    free(r->notes);
    r->notes = NULL;
    r->n_notes = 0;
}
