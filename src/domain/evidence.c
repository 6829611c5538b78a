/* evidence.c — the kinds of evidence file and their names (see evidence.h). */
#include "domain/evidence.h"

#include <stdint.h>
#include <string.h>
#include <strings.h>

#include "domain/limits.h"
#include "util/buf.h"

enum { K_PDF, K_PNG, K_JPEG, K_DOCX, K_XLSX, K_ODT, K_ODS, K_ODP };

static const sl_evidence_kind kinds[] = {
    [K_PDF] = {"application/pdf", "a PDF document", "pdf"},
    [K_PNG] = {"image/png", "a PNG image", "png"},
    [K_JPEG] = {"image/jpeg", "a JPEG image", "jpg jpeg"},
    [K_DOCX] = {"application/vnd.openxmlformats-officedocument.wordprocessingml.document", "a Word document",
                "docx"},
    [K_XLSX] = {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "an Excel workbook", "xlsx"},
    [K_ODT] = {"application/vnd.oasis.opendocument.text", "an OpenDocument text", "odt"},
    [K_ODS] = {"application/vnd.oasis.opendocument.spreadsheet", "an OpenDocument spreadsheet", "ods"},
    [K_ODP] = {"application/vnd.oasis.opendocument.presentation", "an OpenDocument presentation", "odp"},
};

/* Reads a little-endian number of 2 or 4 bytes at p. */
static uint32_t le(const unsigned char *p, int bytes)
{
    uint32_t v = 0;
    for (int i = bytes - 1; i >= 0; i--)
        v = v << 8 | p[i];
    return v;
}

/* Returns the offset of a ZIP's end-of-central-directory record, or -1. */
static long zip_end(const unsigned char *d, size_t n)
{
    if (n < 22)
        return -1;
    size_t stop = n > 22 + 65535 ? n - 22 - 65535 : 0;
    for (size_t i = n - 22 + 1; i-- > stop;)
        if (d[i] == 'P' && d[i + 1] == 'K' && d[i + 2] == 5 && d[i + 3] == 6)
            return (long)i;
    return -1;
}

/* Returns 1 when the ZIP's central directory names a part called name. */
static int zip_has(const unsigned char *d, size_t n, const char *name)
{
    long end = zip_end(d, n);
    if (end < 0)
        return 0;
    size_t entries = le(d + end + 10, 2), at = le(d + end + 16, 4), len = strlen(name);
    for (size_t e = 0; e < entries && at + 46 <= (size_t)end; e++) {
        if (le(d + at, 4) != 0x02014b50u)
            return 0;
        size_t name_len = le(d + at + 28, 2), extra = le(d + at + 30, 2), comment = le(d + at + 32, 2);
        if (at + 46 + name_len > (size_t)end)
            return 0;
        if (name_len == len && memcmp(d + at + 46, name, len) == 0)
            return 1;
        at += 46 + name_len + extra + comment;
    }
    return 0;
}

/* The kind of an OpenDocument: its first part, "mimetype", stored as it is. */
static int odf_kind(const unsigned char *d, size_t n)
{
    static const char prefix[] = "application/vnd.oasis.opendocument.";
    if (n < 38 || le(d + 26, 2) != 8 || memcmp(d + 30, "mimetype", 8) != 0)
        return -1;
    size_t at = 30 + 8 + le(d + 28, 2);
    size_t len = le(d + 18, 4);
    if (le(d + 8, 2) != 0 || at + len > n || len < sizeof prefix - 1 || memcmp(d + at, prefix, sizeof prefix - 1))
        return -1;
    const char *rest = (const char *)d + at + sizeof prefix - 1;
    size_t rest_len = len - (sizeof prefix - 1);
    if (rest_len == 4 && memcmp(rest, "text", 4) == 0)
        return K_ODT;
    if (rest_len == 11 && memcmp(rest, "spreadsheet", 11) == 0)
        return K_ODS;
    if (rest_len == 12 && memcmp(rest, "presentation", 12) == 0)
        return K_ODP;
    return -1;
}

const sl_evidence_kind *sl_evidence_kind_of(const unsigned char *d, size_t n)
{
    if (n >= 5 && memcmp(d, "%PDF-", 5) == 0)
        return &kinds[K_PDF];
    if (n >= 8 && memcmp(d, "\x89PNG\r\n\x1a\n", 8) == 0)
        return &kinds[K_PNG];
    if (n >= 3 && d[0] == 0xFF && d[1] == 0xD8 && d[2] == 0xFF)
        return &kinds[K_JPEG];
    if (n < 4 || memcmp(d, "PK\x03\x04", 4) != 0)
        return NULL;
    int odf = odf_kind(d, n);
    if (odf >= 0)
        return zip_has(d, n, "content.xml") ? &kinds[odf] : NULL;
    if (zip_has(d, n, "[Content_Types].xml") && zip_has(d, n, "word/document.xml"))
        return &kinds[K_DOCX];
    if (zip_has(d, n, "[Content_Types].xml") && zip_has(d, n, "xl/workbook.xml"))
        return &kinds[K_XLSX];
    return NULL;
}

int sl_evidence_name_check(const char *name, sl_error *err)
{
    size_t n = name ? strlen(name) : 0;
    if (n == 0)
        return sl_fail_code(err, SL_ERR_INVALID, "the file has no name");
    if (!sl_utf8_valid(name, n, NULL))
        return sl_fail_code(err, SL_ERR_INVALID, "the file's name is not valid UTF-8: rename it and try again");
    for (const unsigned char *c = (const unsigned char *)name; *c; c++)
        if (*c < 0x20 || *c == 0x7f || *c == '/' || *c == '\\')
            return sl_fail_code(err, SL_ERR_INVALID,
                                "the file's name holds a control character, '/' or '\\': rename it and try again");
    if (strcmp(name, ".") == 0 || strcmp(name, "..") == 0)
        return sl_fail_code(err, SL_ERR_INVALID, "'%s' is not a file's name", name);
    return sl_limit_check("the file's name", name, SL_LIMIT_FILE_NAME, err);
}

/* Returns 1 when name ends with "." and one of the kind's extensions (any case). */
static int named_as(const char *name, const sl_evidence_kind *kind)
{
    const char *dot = strrchr(name, '.');
    if (!dot || !dot[1])
        return 0;
    size_t len = strlen(dot + 1);
    for (const char *e = kind->extensions; *e;) {
        size_t n = strcspn(e, " ");
        if (n == len && strncasecmp(e, dot + 1, n) == 0)
            return 1;
        e += n + (e[n] == ' ');
    }
    return 0;
}

const sl_evidence_kind *sl_evidence_check(const char *name, const unsigned char *data, size_t n, sl_error *err)
{
    if (sl_evidence_name_check(name, err) < 0)
        return NULL;
    if (n == 0) {
        sl_fail_code(err, SL_ERR_INVALID, "%s is empty", name);
        return NULL;
    }
    const sl_evidence_kind *kind = sl_evidence_kind_of(data, n);
    if (!kind) {
        sl_fail_code(err, SL_ERR_INVALID,
                     "%s is not a PDF, Word (.docx), Excel (.xlsx), OpenDocument, PNG or JPEG file by its content: "
                     "attach one of those", name);
        return NULL;
    }
    if (!named_as(name, kind)) {
        const char *dot = strrchr(name, '.');
        sl_fail_code(err, SL_ERR_INVALID, "%s is %s by its content, but its name ends %s: name it .%.*s and try again",
                     name, kind->words, dot ? dot : "without an extension", (int)strcspn(kind->extensions, " "),
                     kind->extensions);
        return NULL;
    }
    return kind;
}
