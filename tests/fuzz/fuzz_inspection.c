/* fuzz_inspection.c — libFuzzer target for the inspection readers: any bytes
 * given to the report reader, the ILACS scrape CSV reader and the authority
 * lookup reader must give a complete result or an error with a line, never a
 * crash, a read out of bounds, a leak or a half-filled result. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "domain/authority.h"
#include "domain/inspection.h"
#include "import/kind/inspection/ilacs_csv.h"
#include "import/kind/inspection/inspection_text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Checks what sl_inspection_read promises about a result or a refusal. */
static void check_report(const char *text, size_t size)
{
    sl_inspection insp;
    sl_error err = {0};
    (void)sl_inspection_detect(text, size);
    if (sl_inspection_read(text, size, "fuzz.txt", &insp, &err) < 0) {
        if (!err.set || err.line < 1 || insp.authority || insp.items || insp.n_items)
            abort();
        return;
    }
    if (!insp.authority || !*insp.authority || !insp.framework || !insp.source_file ||
        insp.start == SL_NO_DAY || insp.end < insp.start)
        abort();
    for (size_t i = 0; i < insp.n_items; i++)
        if (!insp.items[i].text || !*insp.items[i].text || insp.items[i].source_line < 1)
            abort();
    sl_inspection_free(&insp);
}

/* Checks the ILACS CSV reader: all rows or none, every row with a URN. */
static void check_ilacs_csv(const char *text, size_t size)
{
    sl_inspection_list list;
    sl_error err = {0};
    (void)sl_ilacs_csv_detect(text, size);
    if (sl_ilacs_csv_read(text, size, "fuzz.csv", &list, &err) < 0) {
        if (!err.set || err.line < 1 || list.n || list.inspections)
            abort();
        return;
    }
    for (size_t i = 0; i < list.n; i++)
        if (!list.inspections[i].urn || !list.inspections[i].authority)
            abort();
    sl_inspection_list_free(&list);
}

/* Checks the authority lookup reader, and matching the input's text as a name. */
static void check_authorities(const char *text, size_t size)
{
    sl_authority_table table;
    sl_error err = {0};
    if (sl_authority_table_read(text, size, "fuzz.csv", &table, &err) < 0) {
        if (!err.set || table.n)
            abort();
        return;
    }
    const sl_authority *match = sl_authority_match(&table, text);
    if (match && (match < table.authorities || match >= table.authorities + table.n))
        abort();
    (void)sl_authority_by_code(&table, text);
    sl_authority_table_free(&table);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* An exact-size copy, so reading one byte past the input is caught. */
    char *text = malloc(size ? size : 1);
    if (!text)
        return 0;
    memcpy(text, data, size);
    check_report(text, size);
    sl_grade grade;
    (void)sl_grade_parse(text, size, &grade, NULL);
    free(text);

    /* The CSV readers take NUL-terminated fields from the CSV layer. */
    text = malloc(size + 1);
    if (!text)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    check_ilacs_csv(text, size);
    check_authorities(text, size);
    free(text);
    return 0;
}
