/* test_xlsx.c — the xlsx reader: serial days and numbers as text, and a
 * workbook written with libxlsxwriter read back cell by cell. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "check.h"
#include "import/import.h"
#include "import/format/xlsx_sheet.h"
#include "util/file.h"

/* Serial days of the 1900 and 1904 systems → ISO dates. */
static void test_serials(void)
{
    static const struct {
        double serial;
        int date1904;
        const char *want;       /* NULL: no day */
    } cases[] = {
        {1, 0, "1900-01-01"},      {59, 0, "1900-02-28"},       {60, 0, "1900-02-29"},
        {61, 0, "1900-03-01"},     {42917, 0, "2017-07-01"},    {43100, 0, "2017-12-31"},
        {43100.75, 0, "2017-12-31"}, {2958465, 0, "9999-12-31"}, {2958466, 0, NULL},
        {0, 0, NULL},              {-5, 0, NULL},               {0, 1, "1904-01-01"},
        {41455, 1, "2017-07-01"},  {-1, 1, NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char got[11] = "";
        int rc = sl_xlsx_serial_date(cases[i].serial, cases[i].date1904, got);
        if (!cases[i].want)
            CHECK(rc < 0, "serial %g (1904: %d) names no day, got %s", cases[i].serial,
                  cases[i].date1904, got);
        else
            CHECK(rc == 0 && strcmp(got, cases[i].want) == 0, "serial %g (1904: %d) is %s, got %s",
                  cases[i].serial, cases[i].date1904, cases[i].want, got);
    }
    static const struct {
        double value;
        const char *want;
    } numbers[] = {
        {12, "12"}, {1.5, "1.5"}, {0.1 + 0.2, "0.3"}, {-0.0, "0"}, {123456789012, "123456789012"},
        {-3.25, "-3.25"}, {1e20, "1e+20"},
    };
    for (size_t i = 0; i < sizeof numbers / sizeof numbers[0]; i++) {
        char got[32];
        sl_xlsx_number(numbers[i].value, got);
        CHECK(strcmp(got, numbers[i].want) == 0, "number %g is written %s, got %s", numbers[i].value,
              numbers[i].want, got);
    }
}

/* Returns a file's bytes (caller frees) and length, or NULL. */
static char *slurp(const char *path, size_t *len)
{
    sl_error err = {0};
    return sl_read_file(path, len, &err);
}

/* A workbook with shared strings, numbers, a date-formatted number, a
 * boolean, a gap between cells and a gap between rows, read back. */
static void test_workbook(void)
{
    char path[] = "/tmp/sightline-unit-xlsx-XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0, "temporary file");
    if (fd < 0)
        return;
    close(fd);
    lxw_workbook *book = workbook_new(path);
    lxw_worksheet *first = workbook_add_worksheet(book, "Plan");
    lxw_worksheet *second = workbook_add_worksheet(book, "Notes");
    lxw_format *date = workbook_add_format(book);
    format_set_num_format(date, "d mmm yyyy");
    worksheet_write_string(first, 0, 0, "ref", NULL);
    worksheet_write_string(first, 0, 1, "title", NULL);
    worksheet_write_string(first, 0, 3, "due", NULL);
    worksheet_write_number(first, 2, 0, 1.5, NULL);
    worksheet_write_string(first, 2, 1, "Line one\r\nand _x0041_ two", NULL);
    worksheet_write_number(first, 2, 3, 43100, date);
    worksheet_write_boolean(first, 2, 4, 1, NULL);
    worksheet_write_string(second, 0, 0, "not read", NULL);
    CHECK(workbook_close(book) == LXW_NO_ERROR, "workbook written");

    size_t len = 0;
    char *data = slurp(path, &len);
    unlink(path);
    CHECK(data != NULL, "workbook read back");
    if (!data)
        return;
    sl_xlsx_sheet sheet;
    sl_error err = {0};
    int rc = sl_xlsx_read(data, len, "t.xlsx", &sheet, &err);
    CHECK(rc == 0, "workbook reads: %s", err.message);
    if (rc == 0) {
        CHECK(strcmp(sheet.name, "Plan") == 0, "first sheet is read, got '%s'", sheet.name);
        CHECK(sheet.n_cells == 7, "7 cells, got %zu", sheet.n_cells);
        static const struct {
            int row, col, kind;
            const char *text;
        } want[] = {
            {1, 0, SL_XLSX_TEXT, "ref"},   {1, 1, SL_XLSX_TEXT, "title"},
            {1, 3, SL_XLSX_TEXT, "due"},   {3, 0, SL_XLSX_NUMBER, "1.5"},
            /* libxlsxwriter writes CR as _x000D_ but leaves a literal _x0041_ alone */
            {3, 1, SL_XLSX_TEXT, "Line one\r\nand A two"},
            {3, 3, SL_XLSX_DATE, "43100"}, {3, 4, SL_XLSX_TEXT, "TRUE"},
        };
        for (size_t i = 0; i < sheet.n_cells && i < sizeof want / sizeof want[0]; i++) {
            const sl_xlsx_cell *c = &sheet.cells[i];
            const char *text = sl_xlsx_text(&sheet, c);
            CHECK(c->row == want[i].row && c->col == want[i].col && c->kind == want[i].kind &&
                      strcmp(text, want[i].text) == 0,
                  "cell %zu: row %d col %d kind %d '%s', want row %d col %d kind %d '%s'", i,
                  (int)c->row, (int)c->col, (int)c->kind, text, want[i].row, want[i].col,
                  want[i].kind, want[i].text);
        }
        sl_xlsx_free(&sheet);
    }
    /* The same bytes cut short are refused with the file named, not read. */
    sl_error cut = {0};
    CHECK(sl_xlsx_read(data, len / 2, "cut.xlsx", &sheet, &cut) < 0 && cut.set &&
              strcmp(cut.file, "cut.xlsx") == 0,
          "a workbook cut short is refused");
    free(data);
}

void test_xlsx(void)
{
    test_serials();
    test_workbook();
}
