/* ofsted_letter.h — reading the other Ofsted documents about a council's
 * children's services from their text (as `pdftotext -layout` renders the
 * published PDF): focused-visit letters, monitoring-visit letters, joint
 * targeted area inspection (JTAI) letters and area SEND inspection reports.
 * Each is recognised by its own title ("Focused visit to Bolton children's
 * services", "Monitoring visit to …", "Joint targeted area inspection of …",
 * "Area SEND inspection of Dorset Local Area Partnership") and read into an
 * sl_inspection of its kind: the authority, the visit's dates (a labelled
 * line or the letter's first sentences: "on 28 to 29 May 2025", "took place
 * from 23 to 27 May 2022", "Between 8 October 2018 and 12 October 2018"),
 * the letter's date, the lead inspector, and its findings: the items under
 * "Areas for priority action" (priority 1) and under the heading listing
 * what needs to improve ("What needs to improve in this area of social work
 * practice?", "Areas for improvement", "Areas for development"), top-level
 * items only, sub-bullets joined to their item. Letters carry no
 * judgements. */
#ifndef SL_IMPORT_OFSTED_LETTER_H
#define SL_IMPORT_OFSTED_LETTER_H
#include <stddef.h>

#include "domain/inspection.h"
#include "util/error.h"

/* Returns the kind of letter len bytes of text are (SL_INSPECTION_FOCUSED_VISIT,
 * _MONITORING_VISIT, _JTAI or _SEND), judged by a title line near the top,
 * or SL_INSPECTION_UNKNOWN. Only looks; sl_letter_read decides. */
sl_inspection_kind sl_letter_detect(const char *data, size_t len);

/* Reads a letter of len bytes (need not be NUL-terminated) into *out; file
 * names the input in errors and becomes out->source_file. Returns 0, or -1
 * with err naming file and line when the text is not a readable letter: not
 * UTF-8 text, no title, no authority in the title, or no visit dates. On
 * success the caller frees *out with sl_inspection_free; on failure *out is
 * left empty. */
int sl_letter_read(const char *data, size_t len, const char *file, sl_inspection *out, sl_error *err);

#endif
