/* mhd_api.c — opening libmicrohttpd on first use (see mhd_api.h). */
#define SL_LAZY_NO_MACROS
#include "web/mhd_api.h"

#include <string.h>

#include "util/lazy_lib.h"

#ifndef SL_MHD_SONAME
#define SL_MHD_SONAME "libmicrohttpd.so.12"
#endif

sl_mhd_api sl_mhd;

int sl_mhd_load(sl_error *err)
{
    static const char *const names[] = {
#define SL_MHD_NAME(fn) #fn,
        SL_MHD_FUNCTIONS(SL_MHD_NAME)
#undef SL_MHD_NAME
    };
    static void *slots[sizeof names / sizeof names[0]];
    static int loaded;
    if (sl_lazy_load(SL_MHD_SONAME, "libmicrohttpd12", names, slots, sizeof names / sizeof names[0],
                     &loaded, err) < 0)
        return -1;
    size_t i = 0;
#define SL_MHD_COPY(fn) memcpy(&sl_mhd.fn, &slots[i++], sizeof sl_mhd.fn);
    SL_MHD_FUNCTIONS(SL_MHD_COPY)
#undef SL_MHD_COPY
    return 0;
}
