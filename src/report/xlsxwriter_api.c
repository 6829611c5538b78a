/* xlsxwriter_api.c — opening libxlsxwriter on first use (see xlsxwriter_api.h). */
#define SL_LAZY_NO_MACROS
#include "report/xlsxwriter_api.h"

#include <string.h>

#include "util/lazy_lib.h"

#ifndef SL_XLSXWRITER_SONAME
#define SL_XLSXWRITER_SONAME "libxlsxwriter.so.4"
#endif

sl_xlsxwriter_api sl_xlsxwriter;

int sl_xlsxwriter_load(sl_error *err)
{
    static const char *const names[] = {
#define SL_XLSXWRITER_NAME(fn) #fn,
        SL_XLSXWRITER_FUNCTIONS(SL_XLSXWRITER_NAME)
#undef SL_XLSXWRITER_NAME
    };
    static void *slots[sizeof names / sizeof names[0]];
    static int loaded;
    if (sl_lazy_load(SL_XLSXWRITER_SONAME, "libxlsxwriter4", names, slots, sizeof names / sizeof names[0],
                     &loaded, err) < 0)
        return -1;
    size_t i = 0;
#define SL_XLSXWRITER_COPY(fn) memcpy(&sl_xlsxwriter.fn, &slots[i++], sizeof sl_xlsxwriter.fn);
    SL_XLSXWRITER_FUNCTIONS(SL_XLSXWRITER_COPY)
#undef SL_XLSXWRITER_COPY
    return 0;
}
