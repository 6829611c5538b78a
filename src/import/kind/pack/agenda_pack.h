/* agenda_pack.h — a committee's agenda pack (or any compound document: a
 * report with its appendices) split into its parts, so that each part is
 * read on its own: the agenda, the minutes of the previous meeting, each
 * report and each appendix. A part starts at a heading line that says so:
 * "AGENDA", "Minutes of the meeting held on …", "Agenda Item 4", "Item 4",
 * "Appendix A", "Appendix 1 – Improvement plan", "Annex 2", "REPORT TO:" (a
 * council's report cover sheet). A heading that repeats the current part's
 * label (the "Agenda Item 5" stamped on every page of an item) is not a new
 * part. The splitter reads lines only: which reader a part goes to is
 * decided by the document detector (import/document.c).
 *
 * It also finds workforce tables (tab-separated rows under a header naming
 * workforce figures: FTE, vacancies, agency, locum, salaried, headcount,
 * caseloads), which are not plans: the detector blanks them before a part
 * goes to the plan readers and says so once. */
#ifndef SL_IMPORT_KIND_PACK_AGENDA_PACK_H
#define SL_IMPORT_KIND_PACK_AGENDA_PACK_H
#include <stddef.h>

/* What a part's heading says it is. */
typedef enum {
    SL_PART_FRONT = 0,          /* before the first heading: a cover page */
    SL_PART_AGENDA,             /* the agenda: the list of items */
    SL_PART_MINUTES,            /* the minutes of a meeting */
    SL_PART_ITEM,               /* "Agenda Item N": a report or paper */
    SL_PART_REPORT,             /* a report's cover sheet ("REPORT TO:") */
    SL_PART_APPENDIX            /* "Appendix A", "Annex 1" */
} sl_part_kind;

/* One part: bytes [start, end) of the text. head_end is the end of an
 * item's or appendix's heading line ("Appendix 1 – Improvement plan"; start
 * for other parts): the pack's label, not the part's own title, blanked
 * before the part is read. line is the 1-based line the part starts on. */
typedef struct {
    size_t start, end, head_end;
    long line;
    sl_part_kind kind;
} sl_pack_part;

typedef struct {
    sl_pack_part *parts;
    size_t n;
} sl_pack;

/* Splits len bytes of text into parts. Returns 1, with out filled (caller
 * frees with sl_pack_free), when the text is a pack: at least two headings,
 * one of them an agenda, minutes, agenda item or report cover sheet (a plan
 * with appendices alone is one document, not a pack). Returns 0, with out
 * empty, otherwise. */
int sl_pack_split(const char *text, size_t len, sl_pack *out);
/* Returns 1 when a line of n bytes is only a part's marker ("Agenda Item 5",
 * "Appendix A", stamped at the top of every page of the part): no title of
 * its own, blanked before a part is read. */
int sl_pack_stamp(const char *line, size_t n);
/* Returns the name of a part's kind ("agenda", "minutes", …); static storage. */
const char *sl_part_kind_name(sl_part_kind kind);
/* Frees the parts and leaves the pack empty. */
void sl_pack_free(sl_pack *pack);

/* Blanks (to spaces, line ends kept) every workforce table in text: its
 * header row and the rows of figures under it, up to the first line that is
 * not one (a blank line, text, a plan's row). Returns the number of tables blanked and adds
 * their data rows to *rows. */
size_t sl_pack_blank_workforce(char *text, size_t len, size_t *rows);

#endif
