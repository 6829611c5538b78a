/* tor_members.h — what the membership reader (tor_members.c) and its
 * table layer (tor_table.c) share: a line split into cells, the columns a
 * header row names, and the reader's state. Internal to the
 * terms-of-reference reader. */
#ifndef SL_IMPORT_TOR_MEMBERS_H
#define SL_IMPORT_TOR_MEMBERS_H
#include <stddef.h>

#include "domain/board.h"
#include "domain/finding.h"
#include "import/kind/plan/text_table.h"
#include "import/kind/tor/tor_entry.h"

/* What a table column holds; COL_SKIP: not a column name, COL_IGNORE: a column read past (e-mail). */
typedef enum { COL_SKIP = 0, COL_NAME, COL_ROLE, COL_ORG, COL_SUB, COL_MEMBER, COL_IGNORE } tor_col;

#define MAX_CELLS 8

/* A line split into cells; the spans point into the line. */
typedef struct {
    sl_text_span cell[MAX_CELLS];
    size_t n;
    int tabbed;             /* split on tabs (an empty first cell means a continuation) */
} tor_cells;

typedef struct {
    sl_board *board;
    sl_findings *findings;
    tor_col cols[MAX_CELLS];    /* the table header's columns */
    size_t n_cols;              /* 0 before a header row */
    int bullets;                /* members are list items: other lines are not members */
    int attending;              /* lines list people in attendance, not members */
    long last;                  /* the last member added, -1 before one */
    long last_line;             /* the line it was read from (or last extended on) */
    sl_text_span last_text;     /* that line as written */
    long line;
} member_reader;

/* Adds the entry as a member (names vacant places NULL) and makes it the last one. */
void tor_member_add(member_reader *r, tor_entry *e);
/* Splits a line into cells: at tabs, else at runs of two or more spaces
 * that do not follow a full stop. */
void tor_split_cells(sl_text_span line, tor_cells *c);
/* Reads a row as the membership table's header; returns 1 when every cell
 * is a column name (two or more). */
int tor_header_row(member_reader *r, const tor_cells *c);
/* Appends a table row's cells to the last member (a cell wrapped onto the next line). */
void tor_continuation_row(member_reader *r, const tor_cells *c);
/* Reads a row of two or more cells as a member, by the header's columns
 * or by guessing them. */
void tor_table_row(member_reader *r, const tor_cells *c);
/* Removes empty cells (a layout with no header row). */
void tor_drop_empty(tor_cells *c);

#endif
