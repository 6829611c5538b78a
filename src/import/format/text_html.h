/* text_html.h — turning a cell as converted documents leave it into clean
 * text: HTML tags dropped (a list item becomes a "• item" line, a paragraph
 * its own line), entities decoded (&amp; → &), inline bullets put on their own
 * lines, runs of white space folded to one space. */
#ifndef SL_IMPORT_TEXT_HTML_H
#define SL_IMPORT_TEXT_HTML_H
#include <stddef.h>

/* Returns the clean text of len bytes (lines separated by '\n', no leading
 * or trailing white space); the caller frees it. */
char *sl_text_clean(const char *text, size_t len);
/* Returns the clean text on one line (line breaks become spaces); the caller frees it. */
char *sl_text_clean_inline(const char *text, size_t len);

#endif
