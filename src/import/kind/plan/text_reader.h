/* text_reader.h — the state of the document importer as it walks a plan's
 * lines once: which table, theme, list and action it is in. text_plan.c
 * walks the lines and reads headings; text_rows.c turns table rows into
 * actions. */
#ifndef SL_IMPORT_TEXT_READER_H
#define SL_IMPORT_TEXT_READER_H
#include <stddef.h>

#include "domain/plan.h"
#include "import/kind/plan/text_finish.h"
#include "import/kind/plan/text_table.h"
#include "util/buf.h"

typedef enum { SL_TEXT_LIST_NONE = 0, SL_TEXT_LIST_OUTCOMES, SL_TEXT_LIST_PEOPLE } sl_text_list;

#define SL_TEXT_MAX_AREA_NAMES 12

typedef struct {
    const char *file;
    sl_plan *plan;
    sl_text_cells *cells;       /* raw cells, one set per plan action; owned */
    size_t cells_cap;
    sl_text_row row;            /* the current line split into cells */
    long line;                  /* the current line's number */
    sl_text_header header;      /* the current table's columns */
    int in_table;               /* a header row has been read */
    long first_header_line;     /* line of the first header row, 0 before it */
    int priority_table;         /* the table has a "Delivered through" column */
    int area;                   /* current area theme, -1 when none */
    int theme;                  /* theme new actions join, -1 when none */
    int subheading;             /* current sub-heading theme, -1 when none */
    int savings;                /* savings project whose details are being read, -1 when none */
    int last_action;            /* action continuation rows extend, -1 when none */
    sl_text_list list;          /* list whose items the next lines may be */
    char *area_names[SL_TEXT_MAX_AREA_NAMES];   /* areas the introduction names; owned */
    size_t n_area_names;
    char *title;                /* the plan's title once found; owned */
    char *first_line;           /* the first short line, the title otherwise; owned */
    sl_buf preamble;            /* the lines before the first table (the first 4 KiB) */
} sl_text_reader;

/* Reads a table row whose first cell is a ref: a new action, or a priority
 * heading in a priority table. */
void sl_text_ref_row(sl_text_reader *r, sl_ref_shape shape, int major);
/* Reads a row whose first cell is empty: more text for the last action's
 * columns, or an unparsed-row finding when there is no action to extend. */
void sl_text_continuation_row(sl_text_reader *r);
/* Reads a row of a table with no ref column ("Action / By whom / By when"):
 * a new action, numbered by its place in the plan. */
void sl_text_counted_row(sl_text_reader *r);
/* Records a row that could not be read as an "unparsed-row" finding with an
 * excerpt of the line and why. */
void sl_text_unparsed(sl_text_reader *r, const char *line, size_t len, const char *why);

#endif
