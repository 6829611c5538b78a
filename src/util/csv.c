/* csv.c — the RFC 4180 reader (see csv.h). */
#include "util/csv.h"

#include <stdlib.h>
#include <string.h>

#include "util/mem.h"

void sl_csv_open(sl_csv *csv, const char *data, size_t len, const char *file)
{
    memset(csv, 0, sizeof *csv);
    csv->data = data;
    csv->len = len;
    csv->file = file;
    csv->line = 1;
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
        csv->pos = 3;
}

void sl_csv_close(sl_csv *csv)
{
    sl_buf_free(&csv->text);
    free(csv->offsets);
    free(csv->fields);
    memset(csv, 0, sizeof *csv);
}

/* Starts a new field at the current end of the text buffer. */
static void begin_field(sl_csv *csv)
{
    if (csv->n_fields == csv->cap) {
        csv->cap = csv->cap ? csv->cap * 2 : 32;
        csv->offsets = sl_realloc(csv->offsets, csv->cap * sizeof *csv->offsets);
        csv->fields = sl_realloc(csv->fields, csv->cap * sizeof *csv->fields);
    }
    csv->offsets[csv->n_fields++] = csv->text.len;
}

/* Ends the current field with a NUL. */
static void end_field(sl_csv *csv)
{
    sl_buf_putc(&csv->text, '\0');
}

/* Reads a quoted field from just after its opening quote up to and past the
 * closing quote; returns 0 or -1 when the input ends inside the quotes. */
static int read_quoted(sl_csv *csv, sl_error *err)
{
    long opened_on = csv->line;
    while (csv->pos < csv->len) {
        /* Copy the run up to the next quote or line break in one go. */
        size_t run = csv->pos;
        while (run < csv->len && csv->data[run] != '"' && csv->data[run] != '\n')
            run++;
        sl_buf_add(&csv->text, csv->data + csv->pos, run - csv->pos);
        csv->pos = run;
        if (csv->pos >= csv->len)
            break;
        char c = csv->data[csv->pos++];
        if (c == '"') {
            if (csv->pos < csv->len && csv->data[csv->pos] == '"') {
                csv->pos++;
                sl_buf_putc(&csv->text, '"');
                continue;
            }
            return 0;
        }
        if (c == '\n')
            csv->line++;
        sl_buf_putc(&csv->text, c);
    }
    return sl_fail_at(err, csv->file, opened_on,
                      "quoted field opened here is never closed (the file ends inside it)");
}

/* Returns the line of byte offset `at` within the record starting at rec. */
static long line_of(const sl_csv *csv, const char *rec, size_t at)
{
    long line = csv->record_line;
    for (size_t i = 0; i < at; i++)
        if (rec[i] == '\n')
            line++;
    return line;
}

/* Checks the bytes of the record just read: valid UTF-8 and no NUL byte. */
static int check_text(sl_csv *csv, size_t start, sl_error *err)
{
    size_t bad;
    const char *rec = csv->data + start;
    size_t n = csv->pos - start;
    const char *nul = memchr(rec, '\0', n);
    if (nul)
        return sl_fail_at(err, csv->file, line_of(csv, rec, (size_t)(nul - rec)),
                          "NUL byte at byte %zu of the file (not a text file?)",
                          start + (size_t)(nul - rec) + 1);
    if (sl_utf8_valid(rec, n, &bad))
        return 0;
    return sl_fail_at(err, csv->file, line_of(csv, rec, bad), "invalid UTF-8 at byte %zu of the file",
                      start + bad + 1);
}

int sl_csv_next(sl_csv *csv, sl_error *err)
{
    sl_buf_reset(&csv->text);
    csv->n_fields = 0;
    if (csv->pos >= csv->len)
        return 0;
    size_t start = csv->pos;
    csv->record_line = csv->line;
    begin_field(csv);
    int at_field_start = 1;
    while (csv->pos < csv->len) {
        char c = csv->data[csv->pos++];
        if (c == '"' && at_field_start) {
            if (read_quoted(csv, err) < 0)
                return -1;
            at_field_start = 0;
            if (csv->pos < csv->len && !strchr(",\r\n", csv->data[csv->pos]))
                return sl_fail_at(err, csv->file, csv->line,
                                  "text after a closing quote (a quote inside a field must be doubled)");
        } else if (c == '"') {
            return sl_fail_at(err, csv->file, csv->line,
                              "stray quote inside an unquoted field (quote the whole field and double the quote)");
        } else if (c == ',') {
            end_field(csv);
            begin_field(csv);
            at_field_start = 1;
        } else if (c == '\r' || c == '\n') {
            if (c == '\r' && csv->pos < csv->len && csv->data[csv->pos] == '\n')
                csv->pos++;
            csv->line++;
            break;
        } else {
            /* Copy the rest of an unquoted run in one go. */
            size_t run = csv->pos;
            while (run < csv->len && !strchr(",\"\r\n", csv->data[run]))
                run++;
            sl_buf_add(&csv->text, csv->data + csv->pos - 1, run - csv->pos + 1);
            csv->pos = run;
            at_field_start = 0;
        }
    }
    end_field(csv);
    if (check_text(csv, start, err) < 0)
        return -1;
    for (size_t i = 0; i < csv->n_fields; i++)
        csv->fields[i] = csv->text.data + csv->offsets[i];
    return 1;
}

int sl_csv_blank_record(const sl_csv *csv)
{
    return csv->n_fields == 1 && csv->fields[0][0] == '\0';
}

int sl_csv_read_all(const char *data, size_t len, const char *file, const char *empty_message,
                    sl_csv_step on_header, sl_csv_step on_record, void *ctx, sl_error *err)
{
    sl_csv csv;
    sl_csv_open(&csv, data, len, file);
    int rc = sl_csv_next(&csv, err);
    if (rc == 0)
        rc = sl_fail_at(err, file, 1, "%s", empty_message);
    if (rc > 0)
        rc = on_header(ctx, &csv, err);
    while (rc >= 0 && (rc = sl_csv_next(&csv, err)) > 0)
        if (!sl_csv_blank_record(&csv))
            rc = on_record(ctx, &csv, err);
    sl_csv_close(&csv);
    return rc < 0 ? -1 : 0;
}
