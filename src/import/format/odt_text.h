/* odt_text.h — the text of an OpenDocument text (.odt, as LibreOffice and
 * Word save it), read with libzip and expat from content.xml and styles.xml:
 * headings (text:h and its outline level), paragraphs, lists with their
 * numbers or bullets, tables cell by cell (cells spanning columns or rows,
 * covered cells, nested tables). Tracked changes are read as accepted (the
 * text:tracked-changes record of deleted text is left out); notes
 * (footnotes, endnotes), comments, page and date fields, indexes and
 * contents, text boxes and frames are left out. The text is the lines and
 * cells of doc_text.h, for the same readers as a text or PDF document. */
#ifndef SL_IMPORT_ODT_TEXT_H
#define SL_IMPORT_ODT_TEXT_H
#include <stddef.h>

#include "import/format/doc_text.h"
#include "util/error.h"

/* Returns the text of the .odt in data (NUL-terminated, caller frees) with
 * *out_len set, or NULL with err naming file and what to do. */
char *sl_odt_text(const char *data, size_t len, const char *file, size_t *out_len, sl_error *err);
/* Reads content.xml (and styles.xml, NULL when absent, for list styles)
 * into doc (started by the caller). Returns 0, or -1 with err set. */
int sl_odt_parse(const char *content, size_t content_len, const char *styles, size_t styles_len,
                 const char *file, sl_doc *doc, sl_error *err);

#endif
