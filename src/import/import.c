/* import.c — reading a plan file: whole-file read, digest, format choice. */
#include "import/import.h"

#include <errno.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/limits.h"
#include "util/buf.h"
#include "util/file.h"
#include "util/mem.h"

/* Returns the 1-based line of byte offset at. */
static long line_at(const char *data, size_t at)
{
    long line = 1;
    for (size_t i = 0; i < at; i++)
        line += data[i] == '\n';
    return line;
}

int sl_is_zip(const char *data, size_t len)
{
    return len >= 4 && memcmp(data, "PK\x03\x04", 4) == 0;
}

/* Chooses a format from the file's content, never its name: a zip archive
 * goes to the xlsx reader (a Word document or OpenDocument text was turned
 * into text before: see document.c, and that reader says what an archive
 * lacks); a first line that is a canonical CSV header (several column names
 * of SPEC.md §6, comma-separated) makes a CSV; anything else is a document's
 * text, even when its first line holds a comma. */
static sl_format detect_format(const char *data, size_t len)
{
    if (sl_is_zip(data, len))
        return SL_FORMAT_XLSX;
    return sl_csv_header_like(data, len) ? SL_FORMAT_CSV : SL_FORMAT_TEXT;
}

sl_format sl_import_format(const char *path, const char *data, size_t len, const sl_import_options *opts)
{
    (void)path;
    return opts->format ? opts->format : detect_format(data, len);
}

int sl_import_read(const char *path, const sl_import_options *opts, sl_plan_set *out,
                   sl_error *err)
{
    memset(out, 0, sizeof *out);
    size_t len;
    char *data = sl_read_file_max(path, sl_import_limits_or_default(opts->limits).max_bytes, &len, err);
    if (!data)
        return -1;
    int rc = sl_import_bytes(path, data, len, opts, out, err);
    free(data);
    return rc;
}

int sl_import_bytes(const char *path, const char *data, size_t len, const sl_import_options *opts,
                    sl_plan_set *out, sl_error *err)
{
    memset(out, 0, sizeof *out);
    int rc = -1;
    size_t bad;
    sl_format format = sl_import_format(path, data, len, opts);
    if (len == 0)
        sl_fail_at(err, path, 1, "the file is empty: there is no plan to import");
    else if (format == SL_FORMAT_CSV)
        rc = sl_import_csv(data, len, path, opts, out, err);
    else if (format == SL_FORMAT_XLSX)
        rc = sl_import_xlsx(data, len, path, opts, out, err);
    else if (!sl_utf8_valid(data, len, &bad))
        sl_fail_at(err, path, line_at(data, bad), "not a text document: invalid UTF-8 at byte %zu",
                   bad + 1);
    else
        rc = sl_import_text(data, len, path, opts, out, err);
    for (size_t i = 0; rc == 0 && i < out->n_plans; i++)
        sl_plan_drop_junk_people(&out->plans[i]);
    if (rc == 0 && format != SL_FORMAT_XLSX) {
        /* (A workbook's digest is of its cells: see sl_import_xlsx.) */
        char sha[65];
        sl_sha256_hex(data, len, sha);
        for (size_t i = 0; i < out->n_plans; i++)
            memcpy(out->plans[i].source_sha256, sha, sizeof sha);
    }
    /* At most max_rows actions, every field within its limit (domain/limits.h), or nothing is imported. */
    long rows = 0, max_rows = sl_import_limits_or_default(opts->limits).max_rows;
    for (size_t i = 0; rc == 0 && i < out->n_plans; i++)
        rows += (long)out->plans[i].n_actions;
    if (rc == 0 && rows > max_rows) {
        sl_plan_set_free(out);
        rc = sl_fail_code_at(err, SL_ERR_LIMIT, path, 0, "%ld actions: more than the %ld one import accepts (--max-rows)",
                             rows, max_rows);
    }
    for (size_t i = 0; rc == 0 && i < out->n_plans; i++)
        if (sl_limit_plan(&out->plans[i], err) < 0) {
            sl_plan_set_free(out);
            rc = -1;
        }
    return rc;
}
