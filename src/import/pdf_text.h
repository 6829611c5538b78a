/* pdf_text.h — the text of a PDF report, through poppler's pdftotext tool
 * (`pdftotext -layout`, the form the inspection reader expects). */
#ifndef SL_IMPORT_PDF_TEXT_H
#define SL_IMPORT_PDF_TEXT_H
#include <stddef.h>

#include "domain/limits.h"

#include "util/error.h"

/* Returns 1 when len bytes start like a PDF file. */
int sl_is_pdf(const char *data, size_t len);
/* Runs pdftotext -layout on the file at path and returns its text
 * (NUL-terminated, caller frees) with *len set, or NULL with err set (no
 * pdftotext installed, a file it cannot read, or one past a limit: more
 * than max_pages pages, max_bytes of text or max_seconds of work, when
 * pdftotext is stopped and the file refused whole). */
char *sl_pdf_text(const char *path, const sl_import_limits *limits, size_t *len, sl_error *err);

#endif
