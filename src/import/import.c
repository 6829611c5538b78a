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

/* Returns 1 when the path ends in the given extension (case-insensitive). */
static int has_extension(const char *path, const char *ext)
{
    size_t n = strlen(path), e = strlen(ext);
    if (n < e)
        return 0;
    for (size_t i = 0; i < e; i++)
        if ((path[n - e + i] | 0x20) != ext[i])
            return 0;
    return 1;
}

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

/* Chooses a format from the file's first bytes and name. A zip archive goes
 * to the xlsx reader whatever its name: no other format sightline reads is
 * one, and that reader says what the archive lacks (xl/workbook.xml). */
static sl_format detect_format(const char *path, const char *data, size_t len)
{
    if (sl_is_zip(data, len) || has_extension(path, ".xlsx"))
        return SL_FORMAT_XLSX;
    if (has_extension(path, ".csv"))
        return SL_FORMAT_CSV;
    const char *eol = memchr(data, '\n', len);
    size_t first = eol ? (size_t)(eol - data) : len;
    const char *comma = memchr(data, ',', first);
    const char *tab = memchr(data, '\t', first);
    return comma && !tab ? SL_FORMAT_CSV : SL_FORMAT_TEXT;
}

sl_format sl_import_format(const char *path, const char *data, size_t len, const sl_import_options *opts)
{
    return opts->format ? opts->format : detect_format(path, data, len);
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
