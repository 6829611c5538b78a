/* text_plan.c — reading plan documents (placeholder until the document importer lands). */
#include "import/import.h"

#include <string.h>

int sl_import_text(const char *data, size_t len, const char *file, const sl_import_options *opts,
                   sl_plan_set *out, sl_error *err)
{
    (void)data;
    (void)len;
    (void)opts;
    memset(out, 0, sizeof *out);
    return sl_fail_at(err, file, 1, "no plan table found (a header row such as REF, ACTION, …)");
}
