/* fuzz_csv.c — libFuzzer target for the CSV reader and the canonical-CSV plan
 * reader: any bytes must give records or an error with a line, never a crash
 * or a leak. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/csv.h"
#include "import/import.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = malloc(size + 1);
    if (!text)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';

    sl_csv csv;
    sl_error err = {0};
    sl_csv_open(&csv, text, size, "fuzz.csv");
    int rc;
    while ((rc = sl_csv_next(&csv, &err)) > 0)
        if (csv.n_fields == 0)
            abort();
    if (rc < 0 && (!err.set || err.line < 1))
        abort();
    sl_csv_close(&csv);

    sl_import_options opts = {0};
    sl_plan_set set;
    sl_error plan_err = {0};
    if (sl_import_csv(text, size, "fuzz.csv", &opts, &set, &plan_err) == 0)
        sl_plan_set_free(&set);
    else if (!plan_err.set)
        abort();
    free(text);
    return 0;
}
