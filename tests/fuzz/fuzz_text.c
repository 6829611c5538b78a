/* fuzz_text.c — libFuzzer target for the plan-document importer: any bytes
 * must give one plan (every action with a ref and a title) or an error with
 * a file and line, never a crash, a hang or a leak. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "import/import.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = malloc(size + 1);
    if (!text)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    sl_import_options opts = {0};
    sl_plan_set set;
    sl_error err = {0};
    if (sl_import_text(text, size, "fuzz.txt", &opts, &set, &err) == 0) {
        if (set.n_plans != 1 || set.plans[0].n_actions == 0)
            abort();
        for (size_t i = 0; i < set.plans[0].n_actions; i++)
            if (!set.plans[0].actions[i].ref || !*set.plans[0].actions[i].title)
                abort();
        sl_plan_set_free(&set);
    } else if (!err.set || err.line < 1 || strcmp(err.file, "fuzz.txt") != 0) {
        abort();
    }
    free(text);
    return 0;
}
