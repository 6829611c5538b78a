/* fuzz_letter.c — libFuzzer target for the Ofsted letter reader (focused
 * visits, monitoring visits, JTAI and area SEND letters): any bytes must give
 * a complete letter or an error with a line, never a crash, a read out of
 * bounds, a leak or a half-filled result. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "domain/inspection.h"
#include "import/kind/letter/ofsted_letter.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* An exact-size copy, so reading one byte past the input is caught. */
    char *text = malloc(size ? size : 1);
    if (!text)
        return 0;
    memcpy(text, data, size);
    sl_inspection_kind kind = sl_letter_detect(text, size);
    sl_inspection insp;
    sl_error err = {0};
    if (sl_letter_read(text, size, "fuzz.txt", &insp, &err) < 0) {
        if (!err.set || err.line < 1 || insp.authority || insp.items || insp.n_items)
            abort();
        free(text);
        return 0;
    }
    if (kind == SL_INSPECTION_UNKNOWN || insp.kind != kind || !insp.authority || !*insp.authority ||
        !insp.framework || !insp.source_file || insp.start == SL_NO_DAY || insp.end < insp.start)
        abort();
    for (size_t i = 0; i < insp.n_items; i++)
        if (!insp.items[i].text || !*insp.items[i].text || insp.items[i].source_line < 1 ||
            (insp.items[i].priority != 0 && insp.items[i].priority != 1))
            abort();
    sl_inspection_free(&insp);
    free(text);
    return 0;
}
