/* doc_text.h — a word-processed document (Word .docx, OpenDocument .odt)
 * as the format readers find it, turned into the lines and tab-separated
 * cells that the plan, inspection and terms-of-reference readers take from
 * text and PDF (the same readers, so a .docx of a plan gives the actions
 * its text export gives).
 *
 * The model: blocks in document order, each a paragraph (its text, heading
 * level, list label such as "1." or "•") or a table (rows of cells, each
 * cell's content blocks in turn, so tables nest). Readers build it as they
 * stream through the XML: open and close tables, rows and cells; add whole
 * paragraphs to whatever is open.
 *
 * The text it renders:
 *  - a paragraph is one line: "label text" (line breaks inside it start new lines);
 *  - a table row is one line of tab-separated cells laid on the table's grid:
 *    a cell spanning n columns (gridSpan) gives its text, then n-1 empty
 *    cells, so the cells after it stay in their columns; a vertically merged
 *    cell (vMerge) gives its text on every row it spans;
 *  - a cell's several paragraphs are kept as lines ("<p>a</p><p>b</p>", the
 *    HTML of converted cells, which the readers' cell cleaner reads as
 *    lines, text_html.h); a list item in a cell
 *    keeps its label; a table nested in a cell gives one line per row,
 *    cells joined by " | ";
 *  - a table of one cell (a frame round the content) gives its content as
 *    if it stood outside;
 *  - a blank line before and after each table. */
#ifndef SL_IMPORT_DOC_TEXT_H
#define SL_IMPORT_DOC_TEXT_H
#include <stddef.h>

#include "util/buf.h"

/* How a cell joins the cells above it. */
typedef enum { SL_DOC_MERGE_NONE = 0, SL_DOC_MERGE_START, SL_DOC_MERGE_CONTINUE } sl_doc_merge;

/* Tables nested deeper than this are read as the text of their cells. */
#define SL_DOC_MAX_DEPTH 16

typedef struct sl_doc_table sl_doc_table;

typedef struct {
    char *text;                 /* the paragraph's text (NULL for a table); owned */
    char *label;                /* list label ("1.", "a)", "•"), NULL when none; owned */
    int heading;                /* 1–9, 0 for body text */
    sl_doc_table *table;        /* a table block; owned */
} sl_doc_block;

typedef struct {
    sl_doc_block *items;
    size_t n, cap;
} sl_doc_blocks;

typedef struct {
    sl_doc_blocks content;
    int span;                   /* grid columns covered, at least 1 */
    sl_doc_merge merge;
} sl_doc_cell;

typedef struct {
    sl_doc_cell *cells;
    size_t n;
} sl_doc_row;

struct sl_doc_table {
    sl_doc_row *rows;
    size_t n;
};

/* A document being built: its blocks and what is open in it. */
typedef struct {
    sl_doc_blocks body;
    sl_doc_table *open[SL_DOC_MAX_DEPTH];   /* the tables open, outermost first */
    size_t depth;
    size_t ignored;             /* tables opened past the depth limit, still open */
} sl_doc;

/* Starts an empty document. */
void sl_doc_init(sl_doc *d);
/* Adds a paragraph (len bytes of text, label NULL or copied) to the open
 * cell, or to the body when no cell is open. */
void sl_doc_paragraph(sl_doc *d, const char *text, size_t len, int heading, const char *label);
/* Opens a table in the open cell (or the body). */
void sl_doc_table_open(sl_doc *d);
/* Opens a row of the innermost open table (ignored when none is open). */
void sl_doc_row_open(sl_doc *d);
/* Opens a cell at the end of the open row (a row is opened when none is). */
void sl_doc_cell_open(sl_doc *d);
/* Sets how many grid columns the open cell spans (1 and more). */
void sl_doc_cell_span(sl_doc *d, int span);
/* Sets how the open cell joins the cells above it. */
void sl_doc_cell_merge(sl_doc *d, sl_doc_merge merge);
/* Drops the last row of the innermost open table (a deleted row, its
 * deletion accepted). */
void sl_doc_row_drop(sl_doc *d);
/* Closes the innermost open table (its rows and cells with it). */
void sl_doc_table_close(sl_doc *d);
/* Closes every table still open (a document cut short). */
void sl_doc_close_all(sl_doc *d);
/* Appends the document's text (see above) to out. */
void sl_doc_render(const sl_doc *d, sl_buf *out);
/* Frees everything the document holds. */
void sl_doc_free(sl_doc *d);

#endif
