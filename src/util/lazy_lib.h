/* lazy_lib.h — shared libraries opened on first use, not at start-up.
 * libmicrohttpd (with GnuTLS), libzip and libxlsxwriter (with libcrypto)
 * cost milliseconds to load, and only `serve` and the xlsx import and
 * export use them: every other command starts without them. Each binding
 * (web/mhd_api.h, import/zip_api.h, report/xlsxwriter_api.h) keeps a table
 * of typed function pointers filled by sl_lazy_load, and macros that call
 * through it under the functions' usual names (not defined where
 * SL_LAZY_NO_MACROS is, as in the bindings' own .c files). */
#ifndef SL_UTIL_LAZY_LIB_H
#define SL_UTIL_LAZY_LIB_H
#include <stddef.h>

#include "util/error.h"

/* Opens the library soname (once per process; later calls return at once)
 * and resolves each of names[0..n) into slots[i] (a function pointer's
 * storage, written as a data pointer as POSIX dlsym allows). *loaded records
 * that it was done. Returns 0, or -1 with err saying which library or
 * symbol is missing and which Debian package provides it. */
int sl_lazy_load(const char *soname, const char *package, const char *const names[], void *slots[],
                 size_t n, int *loaded, sl_error *err);

#endif
