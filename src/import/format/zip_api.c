/* zip_api.c — opening libzip on first use (see zip_api.h). */
#define SL_LAZY_NO_MACROS
#include "import/format/zip_api.h"

#include "util/lazy_lib.h"

#ifndef SL_ZIP_SONAME
#define SL_ZIP_SONAME "libzip.so.4"
#endif

sl_zip_api sl_zip;

int sl_zip_load(sl_error *err)
{
    static const char *const names[] = {SL_ZIP_FUNCTIONS(SL_LAZY_NAME)};
    return sl_lazy_load(SL_ZIP_SONAME, "libzip4", names, sizeof names / sizeof names[0],
                        &sl_zip, sizeof sl_zip, err);
}
