/* tor_internal.h — what the parts of the terms-of-reference reader share:
 * the document as lines, section headings ("4. Membership", "FREQUENCY OF
 * MEETINGS"), the "Terms of Reference" heading itself, people's names, and
 * the membership reader. Not for use outside src/import/tor_*.c. */
#ifndef SL_IMPORT_TOR_INTERNAL_H
#define SL_IMPORT_TOR_INTERNAL_H
#include <stddef.h>

#include "domain/board.h"
#include "domain/finding.h"
#include "import/kind/plan/text_table.h"

/* What a section of terms of reference is about, from its heading. */
typedef enum {
    TOR_SEC_NONE = 0,       /* not a heading */
    TOR_SEC_PURPOSE,        /* purpose, aims, role, remit, vision, background */
    TOR_SEC_MEMBERSHIP,     /* membership, members, composition */
    TOR_SEC_CHAIR,          /* chair, chairing */
    TOR_SEC_SUBSTITUTES,    /* substitutes, deputies */
    TOR_SEC_MEETINGS,       /* frequency, meetings */
    TOR_SEC_PAPERS,         /* papers, agenda */
    TOR_SEC_MINUTES,        /* minutes, administration, secretariat */
    TOR_SEC_QUORUM,         /* quorum, quoracy, decision making, voting */
    TOR_SEC_REVIEW,         /* review */
    TOR_SEC_ACCOUNTABILITY, /* accountability, reporting, governance */
    TOR_SEC_DUTIES,         /* responsibilities, functions, duties, scope */
    TOR_SEC_OTHER,          /* attendance, confidentiality, conflicts, … */
    TOR_SEC_COUNT
} tor_section;

/* One line of the text, without its newline (nor a CR). */
typedef struct {
    sl_text_span span;
    long number;            /* 1-based line number in the whole file */
} tor_line;

typedef struct {
    tor_line *lines;        /* owned */
    size_t n;
} tor_lines;

/* Splits len bytes into lines numbered from first_number (a leading
 * byte-order mark skipped); free with tor_lines_free. */
void tor_lines_split(const char *text, size_t len, long first_number, tor_lines *out);
/* Frees the line array. */
void tor_lines_free(tor_lines *lines);

/* Returns the span with a leading section number ("4.", "4.1", "(a)", "a)",
 * "Section 4", "Part 2") removed; *number gets the number (0 when none or a
 * letter). */
sl_text_span tor_strip_number(sl_text_span line, int *number);
/* Returns what a line heads when it is a section heading of terms of
 * reference (short, no full stop, naming a section), else TOR_SEC_NONE;
 * *number gets its section number (0 when unnumbered). */
tor_section tor_heading(sl_text_span line, int *number);
/* Returns 1 for a "Label: value" line whose label is a section heading
 * ("Frequency: Monthly", "Quorum<TAB>Four members", "Chair  Director of
 * Children's Services"), setting *label and *value. */
int tor_label_line(sl_text_span line, sl_text_span *label, sl_text_span *value);
/* Returns 1 for a heading line naming terms of reference ("TERMS OF
 * REFERENCE (adopted March 2019)", "Improvement Board – Terms of
 * Reference"), not a sentence that mentions them. */
int tor_is_tor_heading(sl_text_span line);
/* Returns 1 for a line that starts another paper of an agenda pack
 * ("Agenda Item 6", "Minutes of the meeting held on …", "Appendix B",
 * "REPORT TO CABINET"). */
int tor_is_paper_break(sl_text_span line);
/* Returns 1 for a page number left by conversion ("Page 2 of 5", "12"). */
int tor_page_line(sl_text_span line);
/* Returns 1 when the span holds a list-item mark ("•", "-", "◼", "o ", "a)",
 * "(i)"), setting *item to the text after it. */
int tor_list_item(sl_text_span line, sl_text_span *item);
/* Returns 1 when the text is a person's name: two to five capitalised
 * words, an optional title (Cllr, Dr), no word of a job title. */
int tor_is_person(sl_text_span text);
/* Returns 1 when the text says that a place is empty: "tbc", "vacant",
 * "to be confirmed", "vacancy", "to be appointed". */
int tor_is_vacant(sl_text_span text);
/* Returns 1 when s (n bytes) contains word (ASCII, any case) as a whole word. */
int tor_has_word(const char *s, size_t n, const char *word);
/* Returns a copy of the span with white space folded and curly quotes
 * kept; the caller frees it. */
char *tor_copy(sl_text_span span);

/* Reads the members listed in lines[from, to) (a membership section) into
 * the board; lines it cannot read become "unparsed-row" findings. */
void tor_read_members(const tor_lines *lines, size_t from, size_t to, sl_board *board,
                      sl_findings *findings);
/* Reads the rules the lines [from, to) state into board->rules (unstated
 * ones keep their values), and the chair and vice-chair that sentences
 * outside the membership name. */
void tor_read_rules(const tor_lines *lines, size_t from, size_t to, sl_board *board, sl_findings *findings);
/* Flags the member the text names ("the Director of Children's Services",
 * "Jane Smith") as chair (vice 0) or vice-chair; a text naming no member
 * becomes a finding at line. */
void tor_flag_chair(sl_board *board, sl_text_span who, int vice, long line, sl_findings *findings);
/* Sets the chair / vice-chair flags from a sentence ("The Director of
 * Children's Services is the vice-chair.", "The Board will be chaired by the
 * Leader"); returns 1 when the sentence named one (found among the members
 * or reported as a finding at line), else 0. */
int tor_chair_sentence(sl_text_span sentence, long line, sl_board *board, sl_findings *findings);

#endif
