/* fuzz_xlsx.c — libFuzzer target for the xlsx reader and the workbook plan
 * reader: any bytes must give cells and plans or an error naming the file,
 * never a crash, a hang or a leak.
 *
 * An input that starts like a zip archive is read as the workbook itself
 * (seeds: workbooks of our own export). Any other input is the XML of the
 * parts, separated by NUL bytes — the sheet, then the shared strings, the
 * styles and the workbook — packed into a workbook here, so that mutations
 * reach the XML readers rather than failing the archive's checksums
 * (seeds: the parts of our own export). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "import/import.h"
#include "import/format/xlsx_sheet.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const part_names[] = {
    "xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/styles.xml", "xl/workbook.xml",
};
#define N_PARTS (sizeof part_names / sizeof part_names[0])

static const char default_workbook[] =
    "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
    "<sheets><sheet name=\"Actions\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
static const char rels[] =
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
    "relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>";

/* Packs the NUL-separated parts of data into a zip archive; returns its
 * bytes (caller frees) and length, or NULL when libzip fails. */
static char *pack(const char *data, size_t size, size_t *out_len)
{
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &ze);
    zip_error_fini(&ze);
    if (!src)
        return NULL;
    zip_source_keep(src);
    zip_t *zip = zip_open_from_source(src, ZIP_TRUNCATE, NULL);
    if (!zip) {
        zip_source_free(src);
        zip_source_free(src);
        return NULL;
    }
    const char *p = data, *end = data + size;
    int has_workbook = 0;
    for (size_t i = 0; i < N_PARTS && p <= end; i++) {
        const char *nul = memchr(p, '\0', (size_t)(end - p));
        size_t n = nul ? (size_t)(nul - p) : (size_t)(end - p);
        zip_source_t *part = zip_source_buffer(zip, p, n, 0);
        if (part && zip_file_add(zip, part_names[i], part, ZIP_FL_OVERWRITE) < 0)
            zip_source_free(part);
        has_workbook |= i == 3;
        p += n + 1;
    }
    const char *fixed[][2] = {{"xl/workbook.xml", default_workbook},
                              {"xl/_rels/workbook.xml.rels", rels}};
    for (size_t i = has_workbook ? 1 : 0; i < 2; i++) {
        zip_source_t *part = zip_source_buffer(zip, fixed[i][1], strlen(fixed[i][1]), 0);
        if (part && zip_file_add(zip, fixed[i][0], part, ZIP_FL_OVERWRITE) < 0)
            zip_source_free(part);
    }
    char *bytes = NULL;
    if (zip_close(zip) < 0) {
        zip_discard(zip);
    } else if (zip_source_open(src) == 0) {
        zip_source_seek(src, 0, SEEK_END);
        zip_int64_t len = zip_source_tell(src);
        zip_source_seek(src, 0, SEEK_SET);
        if (len >= 0 && (bytes = malloc((size_t)len + 1)) != NULL &&
            zip_source_read(src, bytes, (zip_uint64_t)len) != len) {
            free(bytes);
            bytes = NULL;
        }
        *out_len = len > 0 ? (size_t)len : 0;
        zip_source_close(src);
    }
    zip_source_free(src);
    return bytes;
}

/* Reads the workbook both ways and checks what comes back. */
static void read_workbook(const char *bytes, size_t size)
{
    sl_xlsx_sheet sheet;
    sl_error err = {0};
    if (sl_xlsx_read(bytes, size, "fuzz.xlsx", &sheet, &err) == 0) {
        /* Every cell's text is there, cells in order, none twice. */
        size_t total = 0;
        for (size_t i = 0; i < sheet.n_cells; i++) {
            total += strlen(sl_xlsx_text(&sheet, &sheet.cells[i]));
            if (i && (sheet.cells[i].row < sheet.cells[i - 1].row ||
                      (sheet.cells[i].row == sheet.cells[i - 1].row &&
                       sheet.cells[i].col <= sheet.cells[i - 1].col)))
                abort();
        }
        if (total > SL_XLSX_MAX_TEXT)
            abort();
        sl_xlsx_free(&sheet);
    } else if (!err.set || strcmp(err.file, "fuzz.xlsx") != 0) {
        abort();
    }
    sl_import_options opts = {0};
    sl_plan_set set;
    sl_error plan_err = {0};
    if (sl_import_xlsx(bytes, size, "fuzz.xlsx", &opts, &set, &plan_err) == 0)
        sl_plan_set_free(&set);
    else if (!plan_err.set)
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *bytes = (const char *)data;
    if (sl_is_zip(bytes, size)) {
        read_workbook(bytes, size);
        return 0;
    }
    size_t len = 0;
    char *packed = pack(bytes, size, &len);
    if (packed) {
        read_workbook(packed, len);
        free(packed);
    }
    return 0;
}
