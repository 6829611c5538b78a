/* ofsted_letter_list.h — the findings of an Ofsted letter: the items under
 * its "Areas for priority action" heading and under the heading listing what
 * needs to improve, in the three shapes letters use: bulleted or numbered
 * lists (sub-bullets belong to their item; headings inside a JTAI list name
 * agencies), paragraphs with no marks (each paragraph one item, bullets
 * under it part of it) and the SEND report's two-column table
 * ("Responsible body | Areas for priority action", one item per row, rows
 * crossing pages). Page headers, footers and footnotes inside a list are
 * passed over. Not for use outside ofsted_letter.c. */
#ifndef SL_IMPORT_OFSTED_LETTER_LIST_H
#define SL_IMPORT_OFSTED_LETTER_LIST_H
#include <stddef.h>

#include "domain/inspection.h"
#include "import/kind/inspection/ofsted_text.h"

/* Reads the lists under the first priority heading and the first
 * improvement heading at or after line from into out's items (priority 1
 * for areas for priority action), in the order the letter gives them. A
 * heading saying there are none adds nothing. Sets out->items_line to the
 * first heading's line (0 when there is none). Allocates only the items. */
void ol_read_findings(const ot_doc *doc, size_t from, sl_inspection *out);

#endif
