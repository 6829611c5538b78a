/* xlsx_sheet.h — the cells of an xlsx workbook's first visible worksheet,
 * read from the workbook's bytes in memory with libzip and expat: the sheet
 * found through xl/workbook.xml and its relationships (else
 * xl/worksheets/sheet1.xml), hidden sheets named and skipped, shared and
 * inline strings, numbers with their date styles, booleans, formulas'
 * cached values, each cell's solid fill colour, merged ranges.
 * A damaged or cut-short archive, a zip that is no workbook, an entry that
 * would unpack to more than SL_XLSX_MAX_ENTRY bytes, XML that is not
 * well-formed or declares a DTD: an error naming the file, never a crash. */
#ifndef SL_IMPORT_XLSX_SHEET_H
#define SL_IMPORT_XLSX_SHEET_H
#include <stddef.h>
#include <stdint.h>

#include "util/buf.h"
#include "util/error.h"

/* The most one entry of the archive may unpack to, and the most text the
 * cells of the sheet may hold altogether (shared strings counted each time
 * a cell uses them). */
#define SL_XLSX_MAX_ENTRY (64u << 20)
#define SL_XLSX_MAX_TEXT (64u << 20)

typedef enum {
    SL_XLSX_TEXT,       /* a string, a boolean (TRUE/FALSE) or an error (#N/A) */
    SL_XLSX_NUMBER,     /* a number in a general or number format, as the file writes it */
    SL_XLSX_DATE,       /* a number in a date format: a serial day */
    SL_XLSX_ISO_DATE,   /* an ISO 8601 date cell (t="d"), as the file writes it */
} sl_xlsx_kind;

/* One cell that holds something. */
typedef struct {
    int32_t row;        /* 1-based row of the sheet */
    uint16_t col;       /* 0-based column (A = 0) */
    uint8_t kind;       /* an sl_xlsx_kind */
    uint8_t shared;     /* 1: text is an index into the shared strings */
    uint32_t text;      /* offset of the cell's text in sheet->text, or shared string index */
    uint32_t fill;      /* its solid fill: SL_XLSX_FILLED | 0xRRGGBB, 0 when none */
} sl_xlsx_cell;

#define SL_XLSX_FILLED 0x1000000u

/* A merged range of cells: the top-left cell's value shows over all of it. */
typedef struct {
    int32_t row1, row2;         /* first and last row, 1-based */
    uint16_t col1, col2;        /* first and last column, 0-based */
} sl_xlsx_merge;

typedef struct {
    char *name;                 /* the sheet's name, "" when the workbook gives none */
    int date1904;               /* 1 when serial days count from 1904 */
    sl_xlsx_cell *cells;        /* ordered by row, then column; no cell twice */
    size_t n_cells;
    sl_buf text;                /* the cells' own texts, each NUL-terminated */
    sl_buf strings;             /* the shared strings, each NUL-terminated */
    uint32_t *string_at;        /* where each shared string starts in strings */
    size_t n_strings;
    sl_xlsx_merge *merges;      /* the sheet's merged ranges, in the file's order */
    size_t n_merges;
    char **hidden;              /* names of the hidden sheets, not read */
    size_t n_hidden;
} sl_xlsx_sheet;

/* Reads the first visible worksheet of the workbook in data (borrowed); file names
 * it in errors. Returns 0 with sheet filled (free with sl_xlsx_free), or -1
 * with err set and nothing to free. */
int sl_xlsx_read(const char *data, size_t len, const char *file, sl_xlsx_sheet *sheet,
                 sl_error *err);
/* Returns the cell at row and col (binary search), or NULL when it holds nothing. */
const sl_xlsx_cell *sl_xlsx_cell_at(const sl_xlsx_sheet *sheet, int32_t row, uint16_t col);
/* Returns a cell's text (the sheet's: not to be freed or changed). */
char *sl_xlsx_text(const sl_xlsx_sheet *sheet, const sl_xlsx_cell *cell);
/* Frees what the sheet holds. */
void sl_xlsx_free(sl_xlsx_sheet *sheet);
/* Writes the day an Excel serial number names as "YYYY-MM-DD" (any time of
 * day dropped): in the 1900 system serial 1 is 1900-01-01 and 60 the 29
 * February 1900 Excel believes in (written "1900-02-29", which no reader
 * takes for a real day); in the 1904 system serial 0 is 1904-01-01. Returns
 * 0, or -1 when the number names no day of years 1900–9999. */
int sl_xlsx_serial_date(double serial, int date1904, char out[11]);
/* Writes a number as a spreadsheet shows it in General format: up to 15
 * significant digits and no trailing zeros (12, 1.5, 0.3). */
void sl_xlsx_number(double value, char out[32]);

#endif
