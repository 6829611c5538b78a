/* docx_text.h — the text of a Word document (.docx), read with libzip and
 * expat from word/document.xml, word/styles.xml and word/numbering.xml:
 * paragraphs with their heading levels and list labels, tables cell by
 * cell (gridSpan, vMerge, nested tables, deleted rows), tracked changes
 * accepted (insertions kept, deletions and moved-away text dropped, a
 * deleted paragraph mark joining two paragraphs), field codes and the
 * results of page, contents and date fields dropped, footnotes, comments
 * and text boxes left out. The text is the lines and cells of doc_text.h,
 * for the same readers as a text or PDF document. */
#ifndef SL_IMPORT_DOCX_TEXT_H
#define SL_IMPORT_DOCX_TEXT_H
#include <stddef.h>

#include "import/format/doc_text.h"
#include "import/format/docx_styles.h"
#include "util/error.h"

/* Returns the text of the .docx in data (NUL-terminated, caller frees) with
 * *out_len set, or NULL with err naming file and what to do. */
char *sl_docx_text(const char *data, size_t len, const char *file, size_t *out_len, sl_error *err);
/* Reads the XML of word/document.xml into doc (started by the caller) with
 * the styles given (NULL: none). Returns 0, or -1 with err set. */
int sl_docx_parse(const char *xml, size_t len, sl_docx_styles *styles, const char *file, sl_doc *doc,
                  sl_error *err);

#endif
