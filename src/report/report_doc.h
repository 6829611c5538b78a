/* report_doc.h — the model every board paper is built in, and its three
 * renderers. A report is a title, a running header (board and as-of day) and
 * an ordered list of sections; a section has a heading and an ordered list
 * of blocks: paragraphs (commentary, notes), tables (headers and rows of
 * cells; a cell may carry a RAG, which renderers show as its word and its
 * colour) and bullet lists. A report kind (report_kinds.h) builds the model
 * once; HTML (print-ready), Markdown and XLSX are written from it.
 *
 * Every string is copied into the model, which owns it; sl_report_free
 * releases the lot. */
#ifndef SL_REPORT_REPORT_DOC_H
#define SL_REPORT_REPORT_DOC_H
#include <stddef.h>

#include "domain/date.h"
#include "domain/rag.h"
#include "util/buf.h"
#include "util/error.h"

typedef struct {
    char *text;
    sl_rag rag;                 /* SL_RAG_NONE: a plain cell */
    char fill[7];               /* a colour of our own ("RRGGBB", a risk band's) for a cell
                                 * without a RAG; "" for none. Never the only signal: the
                                 * cell's text says what the colour means */
} sl_report_cell;

typedef struct {
    char **headers;
    size_t n_cols;
    sl_report_cell *cells;      /* n_rows * n_cols, row by row */
    size_t n_rows;
} sl_report_table;

/* A figure is markup our own code built (an SVG such as the risk heat map),
 * never text from the data: HTML embeds it as it is, Markdown and XLSX show
 * its fallback table instead (the same facts in words). */
typedef enum { SL_BLOCK_PARAGRAPH, SL_BLOCK_TABLE, SL_BLOCK_BULLETS, SL_BLOCK_FIGURE } sl_block_kind;

typedef struct {
    sl_block_kind kind;
    char *label;                /* paragraph: a bold lead-in ("Commentary"), or NULL */
    char *text;                 /* paragraph text; a figure's markup */
    sl_report_table table;      /* table; a figure's fallback table */
    char **items;               /* bullet list */
    size_t n_items;
} sl_report_block;

typedef struct {
    char *heading;
    char *sheet;                /* the worksheet name wanted (sanitised on writing); NULL: heading */
    sl_report_block *blocks;
    size_t n_blocks;
} sl_report_section;

typedef struct {
    char *title;
    char *board;                /* the running header's board name ("" when none) */
    sl_day as_of;
    sl_report_section *sections;
    size_t n_sections;
} sl_report;

/* Starts an empty report (board may be NULL). Free with sl_report_free. */
void sl_report_init(sl_report *r, const char *title, const char *board, sl_day as_of);
/* Frees everything the report holds and empties it. */
void sl_report_free(sl_report *r);
/* Appends a section; sheet (may be NULL) names its worksheet. The pointer is
 * valid until the next section is added. */
sl_report_section *sl_report_add_section(sl_report *r, const char *heading, const char *sheet);
/* Moves every section of from to the end of into, leaving from without
 * sections (still to be freed): a board pack is other reports put together. */
void sl_report_take_sections(sl_report *into, sl_report *from);
/* Appends a paragraph with an optional bold label (NULL for none). */
void sl_report_add_paragraph(sl_report_section *s, const char *label, const char *text);
/* Appends a bullet to the section's last block when that is a list, else to a new list. */
void sl_report_add_bullet(sl_report_section *s, const char *text);
/* Appends a table with n_cols columns named by headers; returns it (valid
 * until the next block is added to the section). */
sl_report_table *sl_report_add_table(sl_report_section *s, size_t n_cols,
                                     const char *const *headers);
/* Appends a figure: markup (built by our code, every data text in it
 * already escaped) that HTML embeds, and a fallback table of n_cols named by
 * headers that Markdown and XLSX show instead; returns the fallback table
 * (valid until the next block is added) for the caller to fill. */
sl_report_table *sl_report_add_figure(sl_report_section *s, const char *markup, size_t n_cols,
                                      const char *const *headers);
/* Appends a row of n_cols texts (NULL reads as ""); returns its index. */
size_t sl_report_add_row(sl_report_table *t, const char *const *texts);
/* Gives a cell a RAG: renderers show the word and the colour. */
void sl_report_set_rag(sl_report_table *t, size_t row, size_t col, sl_rag rag);
/* Gives a cell without a RAG a fill colour: rgb is six hex digits
 * ("D4351C"); anything else leaves the cell as it is. */
void sl_report_set_fill(sl_report_table *t, size_t row, size_t col, const char *rgb);
/* Returns 1 when text on the fill rgb ("RRGGBB") should be white, 0 for black. */
int sl_report_fill_dark(const char *rgb);
/* Returns the cell at row, col. */
const sl_report_cell *sl_report_cell_at(const sl_report_table *t, size_t row, size_t col);

/* Returns what a cell shows: its text, or its RAG word when the text is empty. */
const char *sl_report_cell_text(const sl_report_cell *cell);

/* Appends the report as one print-ready HTML5 document (A4 pages, page
 * numbers, running header, repeated table headings; no script, nothing external). */
void sl_report_html(sl_buf *out, const sl_report *r);
/* Appends the report as Markdown (pipes in cells escaped). */
void sl_report_md(sl_buf *out, const sl_report *r);
/* Writes the report as an xlsx workbook at path: one worksheet per section
 * (holding a table, a list or commentary), a bold frozen header row, a
 * filter over the first table, RAG cells filled with their colour. Returns 0,
 * or -1 with err set. */
int sl_report_xlsx(const char *path, const sl_report *r, sl_error *err);

/* Returns a worksheet name made from wanted (caller frees): at most 31
 * characters (cut at a character boundary), none of []:*?/\, no leading or
 * trailing apostrophe, never empty, and unlike every name in taken
 * (compared without regard to ASCII case) — a " (2)" suffix is added when needed. */
char *sl_report_sheet_name(const char *wanted, const char *const *taken, size_t n_taken);
/* Returns the fill colour of a RAG as "RRGGBB" ("" for none); static storage. */
const char *sl_report_rag_fill(sl_rag rag);
/* Returns the RAG as a capitalised word for a cell ("Red", "Amber", …); static storage. */
const char *sl_report_rag_word(sl_rag rag);

#endif
