/* html_text.h — the text of an HTML page (a plan or report saved from a
 * browser or a council's website, whatever its file is called): headings,
 * paragraphs, lists with bullets or numbers, tables cell by cell (colspan
 * and rowspan applied like Word's merged cells, nested tables), scripts,
 * styles and the head left out, entities decoded. The text is the lines and
 * cells of doc_text.h, for the same readers as a text or PDF document.
 * Tag soup is read as browsers forgive it: unclosed cells, rows and tables
 * close where the next one opens or the page ends. */
#ifndef SL_IMPORT_HTML_TEXT_H
#define SL_IMPORT_HTML_TEXT_H
#include <stddef.h>

#include "import/format/doc_text.h"

/* Returns 1 when the bytes are an HTML page: after white space and a
 * byte-order mark they open with a doctype, <html>, <head> or <body> (case
 * does not matter), or an XML declaration followed by <html. A plan whose
 * cells hold HTML fragments (<p>, <li>) is no page. */
int sl_is_html(const char *data, size_t len);
/* Reads len bytes of HTML into doc (started by the caller). */
void sl_html_parse(const char *data, size_t len, sl_doc *doc);
/* Returns the text of an HTML page (NUL-terminated, caller frees) with
 * *out_len set. */
char *sl_html_text(const char *data, size_t len, size_t *out_len);

#endif
