/* pdf_text.h — the text of a PDF report, through poppler's pdftotext tool
 * (`pdftotext -layout`, the form the inspection reader expects). */
#ifndef SL_IMPORT_PDF_TEXT_H
#define SL_IMPORT_PDF_TEXT_H
#include <stddef.h>

#include "domain/limits.h"

#include "util/error.h"

/* Returns 1 when len bytes start like a PDF file. */
int sl_is_pdf(const char *data, size_t len);
/* Returns 1 when the PDF's bytes end with its end marker (%%EOF in the last
 * 2 KiB): a PDF cut short has none. */
int sl_pdf_complete(const char *data, size_t len);
/* Returns 1 when the PDF has an encryption dictionary (/Encrypt). */
int sl_pdf_encrypted(const char *data, size_t len);
/* Runs pdftotext -layout on the file at path (whose len bytes are data)
 * and returns its text (NUL-terminated, caller frees) with *out_len set, or
 * NULL with err saying why and what to do: a PDF cut short, one with no
 * text layer (scanned), an encrypted one, a damaged one, no pdftotext, or
 * one past a limit (more than max_pages pages, max_bytes of text or
 * max_seconds of work: pdftotext is stopped and the file refused whole). */
char *sl_pdf_text(const char *path, const char *data, size_t len, const sl_import_limits *limits,
                  size_t *out_len, sl_error *err);

#endif
