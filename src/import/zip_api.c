/* zip_api.c — opening libzip on first use (see zip_api.h). */
#define SL_LAZY_NO_MACROS
#include "import/zip_api.h"

#include <string.h>

#include "util/lazy_lib.h"

#ifndef SL_ZIP_SONAME
#define SL_ZIP_SONAME "libzip.so.4"
#endif

sl_zip_api sl_zip;

int sl_zip_load(sl_error *err)
{
    static const char *const names[] = {
#define SL_ZIP_NAME(fn) #fn,
        SL_ZIP_FUNCTIONS(SL_ZIP_NAME)
#undef SL_ZIP_NAME
    };
    static void *slots[sizeof names / sizeof names[0]];
    static int loaded;
    if (sl_lazy_load(SL_ZIP_SONAME, "libzip4", names, slots, sizeof names / sizeof names[0], &loaded,
                     err) < 0)
        return -1;
    size_t i = 0;
#define SL_ZIP_COPY(fn) memcpy(&sl_zip.fn, &slots[i++], sizeof sl_zip.fn);
    SL_ZIP_FUNCTIONS(SL_ZIP_COPY)
#undef SL_ZIP_COPY
    return 0;
}
