/* mhd_api.c — opening libmicrohttpd on first use (see mhd_api.h). */
#define SL_LAZY_NO_MACROS
#include "web/mhd_api.h"

#include "util/lazy_lib.h"

#ifndef SL_MHD_SONAME
#define SL_MHD_SONAME "libmicrohttpd.so.12"
#endif

sl_mhd_api sl_mhd;

int sl_mhd_load(sl_error *err)
{
    static const char *const names[] = {SL_MHD_FUNCTIONS(SL_LAZY_NAME)};
    return sl_lazy_load(SL_MHD_SONAME, "libmicrohttpd12", names, sizeof names / sizeof names[0],
                        &sl_mhd, sizeof sl_mhd, err);
}
