/* xlsxwriter_api.c — opening libxlsxwriter on first use (see xlsxwriter_api.h). */
#define SL_LAZY_NO_MACROS
#include "report/xlsxwriter_api.h"

#include "util/lazy_lib.h"

#ifndef SL_XLSXWRITER_SONAME
#define SL_XLSXWRITER_SONAME "libxlsxwriter.so.4"
#endif

sl_xlsxwriter_api sl_xlsxwriter;

int sl_xlsxwriter_load(sl_error *err)
{
    static const char *const names[] = {SL_XLSXWRITER_FUNCTIONS(SL_LAZY_NAME)};
    return sl_lazy_load(SL_XLSXWRITER_SONAME, "libxlsxwriter4", names, sizeof names / sizeof names[0],
                        &sl_xlsxwriter, sizeof sl_xlsxwriter, err);
}
