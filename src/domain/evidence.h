/* evidence.h — what an evidence file attached to a progress update may be:
 * a PDF, a Word (.docx) or Excel (.xlsx) document, an OpenDocument text,
 * spreadsheet or presentation, or a PNG or JPEG image, known by its content
 * (magic bytes; for the ZIP containers, the names of the parts inside) and
 * named with an extension that says the same; and what its name may hold.
 * Pure rules over bytes (no I/O): the web form and `update --attach` ask here. */
#ifndef SL_DOMAIN_EVIDENCE_H
#define SL_DOMAIN_EVIDENCE_H
#include <stddef.h>

#include "util/error.h"

/* A kind of file evidence may be. */
typedef struct {
    const char *content_type;   /* served with it ("application/pdf") */
    const char *words;          /* said to people ("a PDF document") */
    const char *extensions;     /* the names it may have, space-separated ("jpg jpeg") */
} sl_evidence_kind;

/* Returns the kind of n bytes of data by content alone, or NULL when they
 * are none of the kinds evidence may be. Static storage. */
const sl_evidence_kind *sl_evidence_kind_of(const unsigned char *data, size_t n);
/* Checks an evidence file: its name (sl_evidence_name_check), then its
 * content is a kind evidence may be and its name's extension is one of that
 * kind's. Returns the kind, or NULL with err (SL_ERR_INVALID) saying what to
 * fix in words a person can act on. */
const sl_evidence_kind *sl_evidence_check(const char *name, const unsigned char *data, size_t n, sl_error *err);
/* Checks a file's name as given (the last part of a path on the command
 * line, what the browser sent on the web): 1 to SL_LIMIT_FILE_NAME
 * characters of valid UTF-8, no control characters, no '/' or '\\', not
 * "." or "..". Returns 0 or -1 with err (SL_ERR_INVALID). */
int sl_evidence_name_check(const char *name, sl_error *err);

#endif
