/* tor_sections.h — walking the sections of terms of reference and finding
 * the part of a text that is terms of reference. Internal to the reader. */
#ifndef SL_IMPORT_TOR_SECTIONS_H
#define SL_IMPORT_TOR_SECTIONS_H
#include <stddef.h>

#include "import/kind/tor/tor_internal.h"

/* Where a walk through the lines has got to. Start it zeroed. */
typedef struct {
    tor_section section;    /* the section the current line is in */
    int number;             /* its heading's number, 0 when unnumbered */
    int heading;            /* 1 when the current line is the heading */
    sl_text_span value;     /* the text after a "Label: value" heading, len 0 when none */
    int label_layout;       /* the section's heading was such a label (a key-value layout) */
    unsigned seen;          /* bit k set once a section of kind k was seen */
    size_t first_heading;   /* index + 1 of the first heading, 0 before one */
} tor_walk;

/* Returns the section line i heads, given the walk so far (a numbered
 * member inside a membership list is not a heading), or TOR_SEC_NONE; from
 * is the first line of the part (a line there counts as after a blank). */
tor_section tor_heading_at(const tor_lines *lines, size_t from, size_t i, const tor_walk *walk,
                           int *number);
/* Moves the walk onto line i (a non-blank line). */
void tor_walk_line(const tor_lines *lines, size_t from, size_t i, tor_walk *walk);
/* Returns 1 for a line that can be a board's title: short, naming a board,
 * committee, group, panel or forum, not a sentence. */
int tor_title_line(sl_text_span line);
/* Finds the first terms of reference in the lines; returns 1 and sets
 * [*first, *last) to their line indexes, or 0. */
int tor_find_part(const tor_lines *lines, size_t *first, size_t *last);

/* Finds the first terms of reference in len bytes of text: returns 1 and
 * sets *start and *end (byte offsets, end exclusive), or 0 (see sl_tor_detect). */
int sl_tor_find_part(const char *text, size_t len, size_t *start, size_t *end);

#endif
