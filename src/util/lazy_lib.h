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

/* Opens the library soname (once per process: a table already filled is
 * left as it is) and fills table, a struct of n function pointers in the
 * order of names, with the library's functions of those names (table_size
 * must be n pointers). Returns 0, or -1 with err saying which library or
 * function is missing and which Debian package provides it; the table then
 * stays empty. */
int sl_lazy_load(const char *soname, const char *package, const char *const names[], size_t n,
                 void *table, size_t table_size, sl_error *err);

/* Expands a function's name to its string, for a binding's list of names. */
#define SL_LAZY_NAME(fn) #fn,

#endif
