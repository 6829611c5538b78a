/* tor_text.h — reading a board's terms of reference (SPEC.md §2
 * "Governance") from a document's text into an sl_board: its name and kind,
 * when the terms were adopted, its members (names, roles, bodies, named
 * substitutes, chair and vice-chair, empty places) and the rules it runs by
 * (how often it meets, papers, substitute notice, minutes, chair's report,
 * review), with findings for membership lines it could not read.
 *
 * Terms of reference are found by their heading ("TERMS OF REFERENCE",
 * "Improvement Board – Terms of Reference", "Appendix 2: Terms of Reference
 * of the …") followed within 60 lines by at least three sections of a
 * board (purpose, membership, chair, substitutes, meetings, papers,
 * minutes, quorum, review, accountability, responsibilities), one of them
 * membership, chair, substitutes, meetings or quorum. A document that only
 * mentions terms of reference in prose ("the Board agreed its terms of
 * reference") is not terms of reference. Inside an agenda pack the part
 * runs from the heading (and the board's title just above it) to the next
 * paper ("Agenda Item 7", "Minutes of the meeting held on …", "Appendix B",
 * "REPORT TO …") or a different "Terms of Reference" heading. A document
 * with no such heading is terms of reference when one of its first five
 * lines names a board and the sections follow.
 *
 * Dates of adoption with month precision ("adopted March 2019") mean the
 * first day of the month. Rule wordings and their interpretation are in
 * import/tor_rules.h. Pure code: no I/O, no store. */
#ifndef SL_IMPORT_TOR_TEXT_H
#define SL_IMPORT_TOR_TEXT_H
#include <stddef.h>

#include "domain/board.h"
#include "domain/finding.h"
#include "util/error.h"

/* Looks for terms of reference in len bytes of text. Returns 1 and sets
 * *start and *end to the byte offsets of the first part found (end
 * exclusive; call again on text + *end for the next), or 0 when the text
 * holds none. */
int sl_tor_detect(const char *text, size_t len, size_t *start, size_t *end);

/* Reads the first terms of reference in the text (found as sl_tor_detect
 * finds them) into *out, which the caller frees with sl_board_free; the part
 * read is kept in out->tor_text. Membership lines it cannot read are added
 * to *findings (code "unparsed-row", the line's number in the whole text).
 * Returns 0, or -1 with err set as "file:line: message" when the text holds
 * no terms of reference or they name no board (*out is then empty). */
int sl_tor_read(const char *text, size_t len, const char *file, sl_board *out, sl_findings *findings,
                sl_error *err);

#endif
