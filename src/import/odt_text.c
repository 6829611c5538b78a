/* odt_text.c — content.xml of an OpenDocument text into paragraphs and
 * tables (see odt_text.h). */
#include <zip.h>

#include "import/odt_text.h"

#include <stdlib.h>
#include <string.h>

#include "import/zip_part.h"

char *sl_odt_text(const char *data, size_t len, const char *file, size_t *out_len, sl_error *err)
{
    (void)data, (void)len, (void)out_len;
    sl_fail_at(err, file, 0, "OpenDocument text is not read yet");
    return NULL;
}
