/* pg_api.c — opening libpq on first use (see pg_api.h). */
#define SL_LAZY_NO_MACROS
#include "store/pg/pg_api.h"

#include "util/lazy_lib.h"

#ifndef SL_PQ_SONAME
#define SL_PQ_SONAME "libpq.so.5"
#endif

sl_pq_api sl_pq;

int sl_pq_load(sl_error *err)
{
    static const char *const names[] = {SL_PQ_FUNCTIONS(SL_LAZY_NAME)};
    return sl_lazy_load(SL_PQ_SONAME, "libpq5", names, sizeof names / sizeof names[0], &sl_pq,
                        sizeof sl_pq, err);
}
