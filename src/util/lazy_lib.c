/* lazy_lib.c — opening shared libraries on first use (see lazy_lib.h). */
#include "util/lazy_lib.h"

#include <dlfcn.h>
#include <pthread.h>

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

int sl_lazy_load(const char *soname, const char *package, const char *const names[], void *slots[],
                 size_t n, int *loaded, sl_error *err)
{
    int rc = 0;
    pthread_mutex_lock(&lock);
    if (!*loaded) {
        void *lib = dlopen(soname, RTLD_NOW | RTLD_LOCAL);
        if (!lib) {
            const char *why = dlerror();
            rc = sl_fail(err, "cannot load %s (Debian package %s): %s", soname, package, why ? why : "?");
        }
        for (size_t i = 0; lib && rc == 0 && i < n; i++) {
            dlerror();
            slots[i] = dlsym(lib, names[i]);
            if (!slots[i])
                rc = sl_fail(err, "%s has no %s: is it the version sightline was built with?", soname,
                             names[i]);
        }
        /* The library stays open for the life of the process. */
        *loaded = rc == 0;
    }
    pthread_mutex_unlock(&lock);
    return rc;
}
