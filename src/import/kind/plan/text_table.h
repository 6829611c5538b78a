/* text_table.h — the table layer of the document importer: a line split into
 * tab-separated cells, table-rule lines, the shapes of refs, and header rows
 * recognised by their column names, including headers that PDF conversion
 * damaged ("Actio\tn Description", "RESOU RCES"). Nothing here allocates
 * except the row's cell array. */
#ifndef SL_IMPORT_TEXT_TABLE_H
#define SL_IMPORT_TEXT_TABLE_H
#include <stddef.h>

/* The columns a plan table may have, whatever the document calls them. */
typedef enum {
    SL_TCOL_NONE = 0,
    SL_TCOL_REF,
    SL_TCOL_TITLE,
    SL_TCOL_DESCRIPTION,
    SL_TCOL_START,
    SL_TCOL_DUE,
    SL_TCOL_SRO,
    SL_TCOL_LEAD,
    SL_TCOL_RESOURCES,
    SL_TCOL_MEASURE,
    SL_TCOL_IMPACT,
    SL_TCOL_PROGRESS,
    SL_TCOL_STATUS,
    SL_TCOL_DELIVERED,
    SL_TCOL_RAG,                /* "RAG": a rating written in the plan */
    SL_TCOL_THEME,              /* "Area for improvement", "Theme": the row's theme */
    SL_TCOL_COUNT
} sl_text_column;

/* A slice of the document: len bytes at text, not NUL-terminated. */
typedef struct {
    const char *text;
    size_t len;
} sl_text_span;

/* One line split on tabs; the cells point into the line. */
typedef struct {
    sl_text_span *cells;        /* owned array, reused from line to line */
    size_t n_cells;
    size_t cap;
} sl_text_row;

/* Splits a line (without its newline) into cells, reusing row's array. */
void sl_text_row_split(sl_text_row *row, const char *line, size_t len);
/* Frees the row's cell array. */
void sl_text_row_free(sl_text_row *row);
/* Returns the span without leading and trailing white space. */
sl_text_span sl_text_trim(sl_text_span span);
/* Returns 1 when cell i exists and holds more than white space. */
int sl_text_cell_filled(const sl_text_row *row, size_t i);
/* Returns the number of cells that hold more than white space. */
size_t sl_text_row_filled(const sl_text_row *row);
/* Returns 1 for a line of only white space. */
int sl_text_line_blank(const char *line, size_t len);
/* Returns 1 for a table rule left by conversion ("-----\t--\t---"). */
int sl_text_line_is_rule(const char *line, size_t len);

typedef enum {
    SL_REF_NONE = 0,            /* not a ref */
    SL_REF_DOTTED,              /* "1.4", "2.15", "1.2.1" */
    SL_REF_WHOLE,               /* "8", "2.", "12.": a number with no action part */
    SL_REF_DAMAGED              /* "4. 4.1", "4.2. 4.3": refs run together */
} sl_ref_shape;

/* Classifies a cell as a ref; *major gets its leading number (0 when none). */
sl_ref_shape sl_text_ref_shape(sl_text_span cell, int *major);

#define SL_TEXT_MAX_COLUMNS 32

/* What each cell of a table's rows holds, from its header row. */
typedef struct {
    sl_text_column column[SL_TEXT_MAX_COLUMNS];
    size_t n_columns;
    int numbered;               /* SL_TEXT_NUMBERED, SL_TEXT_COUNTED or 0 */
} sl_text_header;

/* A table whose ref column is "No.": whole numbers are its refs. */
#define SL_TEXT_NUMBERED 1
/* A table with no ref column, opening with its action or theme column
 * ("Action / By whom / By when / RAG"): each row with an action is one,
 * numbered in turn. */
#define SL_TEXT_COUNTED 2

/* Reads a row as a plan table's header; returns 1 and fills *out when it is
 * one (a REF column first and at least two more recognised, or with no REF
 * column an action or theme column first, an action and a lead column
 * among at least four kinds recognised), else 0. */
int sl_text_header_read(const sl_text_row *row, sl_text_header *out);
/* Returns the column one header cell names ("By whom?" → SL_TCOL_SRO,
 * "No." → SL_TCOL_REF), or SL_TCOL_NONE: the one vocabulary of plan column
 * names, shared by the text, CSV and workbook readers. */
sl_text_column sl_text_column_named(const char *text, size_t len);
/* Returns 1 when the header has the column. */
int sl_text_header_has(const sl_text_header *header, sl_text_column column);
/* Returns 1 when two headers map their cells to the same columns. */
int sl_text_header_same(const sl_text_header *a, const sl_text_header *b);
/* Returns the column of cell i (SL_TCOL_NONE beyond the header). */
sl_text_column sl_text_header_column(const sl_text_header *header, size_t i);

#endif
