/* csv.h — the RFC 4180 CSV reader every importer and reference table shares,
 * over bytes in memory: quoted fields with doubled quotes and embedded line
 * breaks, CRLF or LF, a UTF-8 byte-order mark.
 * A truncated quoted field, a stray quote or invalid UTF-8 is an error naming
 * the line. Records are read one at a time. */
#ifndef SL_UTIL_CSV_H
#define SL_UTIL_CSV_H
#include <stddef.h>

#include "util/buf.h"
#include "util/error.h"

typedef struct {
    const char *data;       /* the input; not owned */
    size_t len;
    size_t pos;
    long line;              /* line the reader is on */
    const char *file;       /* for messages; not owned */
    sl_buf text;            /* the current record's field bytes, each NUL-terminated */
    size_t *offsets;        /* where each field starts in text */
    size_t cap;
    char **fields;          /* the current record's fields (point into text) */
    size_t n_fields;
    long record_line;       /* line where the current record starts */
} sl_csv;

/* Starts reading len bytes of data (the reader borrows them); file names the input in errors. */
void sl_csv_open(sl_csv *csv, const char *data, size_t len, const char *file);
/* Reads the next record into csv->fields / n_fields; returns 1, 0 at the end, or -1 with err set. */
int sl_csv_next(sl_csv *csv, sl_error *err);
/* Returns 1 when the current record is a blank line (one empty field). */
int sl_csv_blank_record(const sl_csv *csv);
/* Frees the reader's memory (not the input). */
void sl_csv_close(sl_csv *csv);

/* One step of sl_csv_read_all, given the current record; returns 0 or -1 with err set. */
typedef int (*sl_csv_step)(void *ctx, const sl_csv *csv, sl_error *err);

/* Reads a whole CSV of len bytes (file names it in errors): the first record
 * goes to on_header, then each record that is not a blank line to on_record,
 * stopping at the first step or read that fails. A file with no record at
 * all fails as "file:1: empty_message". Returns 0, or -1 with err set. The
 * reader is closed before returning, so steps must copy what they keep. */
int sl_csv_read_all(const char *data, size_t len, const char *file, const char *empty_message,
                    sl_csv_step on_header, sl_csv_step on_record, void *ctx, sl_error *err);

#endif
