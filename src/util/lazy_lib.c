/* lazy_lib.c — opening shared libraries on first use (see lazy_lib.h). */
#include "util/lazy_lib.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "util/mem.h"

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

int sl_lazy_load(const char *soname, const char *package, const char *const names[], size_t n,
                 void *table, size_t table_size, sl_error *err)
{
    void *first;
    if (table_size != n * sizeof first)
        return sl_fail(err, "%s: %zu names for a table of %zu bytes", soname, n, table_size);
    int rc = 0;
    pthread_mutex_lock(&lock);
    memcpy(&first, table, sizeof first);
    if (!first) {
        void **slots = sl_calloc(n * sizeof *slots);
        void *lib = dlopen(soname, RTLD_NOW | RTLD_LOCAL);
        if (!lib) {
            const char *why = dlerror();
            rc = sl_fail(err, "cannot load %s (Debian package %s): %s", soname, package, why ? why : "?");
        }
        for (size_t i = 0; lib && rc == 0 && i < n; i++)
            if (!(slots[i] = dlsym(lib, names[i])))
                rc = sl_fail(err, "%s has no %s: is it the version sightline was built with?", soname,
                             names[i]);
        /* Function pointers are stored as the data pointers dlsym gives, as
         * POSIX allows; the library stays open for the life of the process. */
        if (rc == 0)
            memcpy(table, slots, table_size);
        free(slots);
    }
    pthread_mutex_unlock(&lock);
    return rc;
}
