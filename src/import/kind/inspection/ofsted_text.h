/* ofsted_text.h — what the readers of Ofsted documents share (inspection
 * reports in inspection_text.c and inspection_table.c, letters in
 * ofsted_letter.c): the text as numbered lines, slices of it compared without
 * regard to case, labelled lines ("Inspection dates: …"), the dates Ofsted
 * writes, and lists of bulleted or numbered items with their page furniture.
 * Not for use outside src/import/ readers of Ofsted documents. */
#ifndef SL_IMPORT_OFSTED_TEXT_H
#define SL_IMPORT_OFSTED_TEXT_H
#include <stddef.h>
#include <stdint.h>

#include "domain/inspection.h"
#include "util/buf.h"
#include "util/error.h"

#define OT_NOT_FOUND SIZE_MAX

/* A piece of the input: not NUL-terminated, never owned. */
typedef struct {
    const char *s;
    size_t n;
} ot_slice;

typedef struct {
    ot_slice text;                 /* without its line break, CR or opening form feeds */
    long number;                /* 1-based */
    int page_start;             /* opened by a form feed: the first line of a PDF page */
} ot_line;

/* The whole text as lines; lines is owned (free it), the text is not. */
typedef struct {
    ot_line *lines;
    size_t n;
} ot_doc;

/* Returns 1 for the ASCII blanks a layout rendering leaves around text. */
int ot_is_blank_char(char c);
/* Returns the number of bytes of blank at p (n bytes left): 1 for an ASCII
 * blank, 2 for a no-break space, 0 otherwise. */
size_t ot_blank_at(const char *p, size_t n);
/* Returns c in lower case (ASCII letters only). */
char ot_lower(char c);
/* Returns 1 for an ASCII digit. */
int ot_is_digit(char c);
/* Returns s without its first k bytes (k <= s.n). */
ot_slice ot_drop(ot_slice s, size_t k);
/* Returns s without ASCII blanks at either end. */
ot_slice ot_trim(ot_slice s);
/* Returns 1 when s holds nothing but blanks. */
int ot_is_blank(ot_slice s);
/* Returns 1 when s starts with prefix (lower case ASCII), ignoring case. */
int ot_starts_with(ot_slice s, const char *prefix);
/* Returns the offset of needle (lower case ASCII) in s ignoring case, or -1. */
long ot_find(ot_slice s, const char *needle);
/* Returns the columns of blank at the start of s, a tab counting as eight. */
size_t ot_indent_of(ot_slice s);
/* Appends the words of one line to b with single spaces between them (no-break
 * spaces count as blanks). A word hyphenated at the end of the previous line
 * ("decision-") joins its lower-case continuation ("making") with no space. */
void ot_append_line(sl_buf *b, ot_slice s);
/* Returns the buffer's text as a slice (valid until the buffer changes). */
ot_slice ot_buf_slice(sl_buf *b);
/* Returns the length of a row or item number opening s ("1. ", "12) ", and
 * with sub_numbers "2.1 ") including the blanks after it, or 0. */
size_t ot_number_prefix(ot_slice s, int sub_numbers);
/* Splits len bytes into lines, dropping a UTF-8 byte-order mark, CR before LF
 * and the form feeds that open a page. The lines point into data; the caller
 * frees doc->lines. */
void ot_split_lines(ot_doc *doc, const char *data, size_t len);
/* Returns line i of doc (i < doc->n). */
ot_slice ot_line_text(const ot_doc *doc, size_t i);
/* Returns the 1-based number of line i, the last line's for an index past the end. */
long ot_line_number(const ot_doc *doc, size_t i);
/* Returns the 1-based line of byte offset in data. */
long ot_line_of_offset(const char *data, size_t offset);
/* Finds the first line in [from, until) opening with one of labels (NULL-ended)
 * followed by a colon; sets *value to the trimmed text after the colon (for
 * a label alone on its line, the next non-blank line). Returns its index or
 * OT_NOT_FOUND. */
size_t ot_find_labelled(const ot_doc *doc, size_t from, size_t until,
                        const char *const *labels, ot_slice *value);
/* Reads text that the date engine reads as one or more whole days; sets the
 * first and last day and returns 0, or returns -1. */
int ot_read_day_span(ot_slice s, sl_day *first, sl_day *last);
/* Returns s after a range connector ("to", "and", a hyphen or dash) and its
 * blanks, setting *found; s unchanged when there is none. */
ot_slice ot_skip_connector(ot_slice s, int *found);
/* Reads inspection dates as reports write them: one range ("13 to 24 May
 * 2024", "25 October 2021 to 5 November 2021", "20 June 2017 ─ 13 July 2017",
 * "19 November–30 November 2018") or two visits joined by "and" ("5 to 9
 * December 2022 and 14 to 15 February 2023"): sets the first and last day
 * and returns 0, or returns -1. */
int ot_read_inspection_dates(ot_slice s, sl_day *start, sl_day *end);
/* Reads one whole day ("4 September 2017"); returns 0 and sets *day, or -1. */
int ot_read_single_day(ot_slice s, sl_day *day);
/* Returns s copied into b with its blanks normalised (no-break spaces too),
 * as the date engine expects; valid until b changes. */
ot_slice ot_normalised(sl_buf *b, ot_slice s);
/* Returns 1 when t is word, ignoring case and a trailing '?', ':' or footnote number. */
int ot_is_heading_word(ot_slice t, const char *word);
/* Returns 1 when t opens an item (a bullet, or "1." / "1)"), setting *rest to its text. */
int ot_item_marker(ot_slice t, ot_slice *rest);
/* Returns a key for the mark opening item line t (trimmed): every number
 * gives the same key, each bullet glyph its own (whole UTF-8 character), so
 * that a list's own bullets can be told from its sub-bullets. */
unsigned long ot_marker_glyph(ot_slice t);
/* Returns 1 for a footer line: a page number alone, or text ending in a page
 * number after a gap ("13 to 24 May 2024        2"). */
int ot_is_footer(ot_slice t);
/* Returns the index after the page furniture at line i (a running header
 * "Inspection of … children's services" and its footer, or a page number),
 * or i when line i is text. */
size_t ot_skip_page_furniture(const ot_doc *doc, size_t i);
/* Returns 1 when line continues the open item: straight after it (indented,
 * or after a line that did not end a sentence), or indented after a page break. */
int ot_continues_item(ot_slice previous, ot_slice line, int blank_seen, int page_break);
/* Splits a national framework tag off the end of an item ("… (outcome 2,
 * national framework)"); returns the tag ("outcome 2", caller frees) and cuts
 * it from text, or returns NULL and leaves text alone. */
char *ot_split_framework_tag(char *text);
/* Adds the item gathered in text (emptying it) unless it has no words. */
void ot_finish_item(sl_inspection *out, sl_buf *text, long line);
/* Returns 1 when t is a short sentence saying there is nothing to list
 * ("The inspection did not find any areas for priority and immediate
 * action", "There are no areas for priority action"). */
int ot_says_none(ot_slice t);
/* Refuses input that is not text: empty, holding a NUL byte, or not UTF-8. */
int ot_check_text(const char *data, size_t len, const char *file, sl_error *err);
/* Reads one Ofsted document with read (a report's or a letter's reader):
 * checks that data is text, splits it into lines and fills *out (emptied
 * again on failure; caller frees with sl_inspection_free). Returns 0 or -1. */
int ot_read(const char *data, size_t len, const char *file, sl_inspection *out, sl_error *err,
            int (*read)(const ot_doc *doc, const char *file, sl_inspection *out, sl_error *err));

#endif
