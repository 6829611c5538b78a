/* inspection_text.h — reading an Ofsted children's services inspection report
 * from its text, as `pdftotext -layout` renders the published PDF (see
 * shared/samples/README.md, "Inspection reports"): ILACS standard and short
 * inspections (with the separate care-leavers judgement from 2023 and without
 * an overall grade after the 2025-26 reform) and SIF reports (2013-2018, a
 * numbered judgement table and a numbered list of recommendations).
 *
 * What is read: the authority, the inspection dates ("13 to 24 May 2024",
 * "25 October 2021 to 5 November 2021", "30 May 2017 – 22 June 2017"), the
 * publication date ("Report published:" or a scrape-tool file name such as
 * 80471_halton_12-july-2024.txt, which also gives the URN), the lead
 * inspector, the framework, each judgement (labels wrapped over two lines)
 * and each "What needs to improve?" item in order, wrapped lines joined, with
 * its national framework tag kept apart. Page headers and footers that fall
 * inside the list are skipped. */
#ifndef SL_IMPORT_INSPECTION_TEXT_H
#define SL_IMPORT_INSPECTION_TEXT_H
#include <stddef.h>

#include "domain/inspection.h"
#include "util/error.h"

/* Returns 1 when len bytes of text look like an Ofsted children's services
 * inspection report or visit letter (a title such as "Inspection of Halton
 * local authority" opening the text, with an "Inspection dates:" line or a
 * judgement table near it), else 0. Only looks; sl_inspection_read decides. */
int sl_inspection_detect(const char *data, size_t len);

/* Reads a report of len bytes (need not be NUL-terminated) into *out; file
 * names the input in errors and becomes out->source_file. Returns 0, or -1
 * with err naming file and line when the text is not a readable report: not
 * UTF-8 text, no title, no inspection dates, no judgements (a visit letter
 * needs none), or no recommendations list. On success the caller frees *out
 * with sl_inspection_free; on failure *out is left empty (nothing to free). */
int sl_inspection_read(const char *data, size_t len, const char *file, sl_inspection *out,
                       sl_error *err);

#endif
