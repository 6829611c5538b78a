/* zip_api.h — libzip, opened when a workbook is first read (see
 * util/lazy_lib.h): the functions sightline calls, as a table of pointers
 * that the macros below put behind their usual names. Include after <zip.h>. */
#ifndef SL_IMPORT_ZIP_API_H
#define SL_IMPORT_ZIP_API_H
#include <zip.h>

#include "util/error.h"

#define SL_ZIP_FUNCTIONS(X)                                                                        \
    X(zip_discard) X(zip_error_fini) X(zip_error_init) X(zip_error_strerror) X(zip_fclose)         \
    X(zip_file_strerror) X(zip_fopen_index) X(zip_fread) X(zip_get_name) X(zip_get_num_entries) X(zip_name_locate)                        \
    X(zip_open_from_source) X(zip_source_buffer_create) X(zip_source_free) X(zip_stat_index)       \
    X(zip_strerror)

typedef struct {
#define SL_ZIP_SLOT(fn) __typeof__(&fn) fn;
    SL_ZIP_FUNCTIONS(SL_ZIP_SLOT)
#undef SL_ZIP_SLOT
} sl_zip_api;

extern sl_zip_api sl_zip;

/* Opens libzip and fills sl_zip (once). Returns 0, or -1 with err naming
 * what is missing. */
int sl_zip_load(sl_error *err);

#ifndef SL_LAZY_NO_MACROS
#define zip_discard (*sl_zip.zip_discard)
#define zip_error_fini (*sl_zip.zip_error_fini)
#define zip_error_init (*sl_zip.zip_error_init)
#define zip_error_strerror (*sl_zip.zip_error_strerror)
#define zip_fclose (*sl_zip.zip_fclose)
#define zip_file_strerror (*sl_zip.zip_file_strerror)
#define zip_fopen_index (*sl_zip.zip_fopen_index)
#define zip_fread (*sl_zip.zip_fread)
#define zip_get_name (*sl_zip.zip_get_name)
#define zip_get_num_entries (*sl_zip.zip_get_num_entries)
#define zip_name_locate (*sl_zip.zip_name_locate)
#define zip_open_from_source (*sl_zip.zip_open_from_source)
#define zip_source_buffer_create (*sl_zip.zip_source_buffer_create)
#define zip_source_free (*sl_zip.zip_source_free)
#define zip_stat_index (*sl_zip.zip_stat_index)
#define zip_strerror (*sl_zip.zip_strerror)
#endif

#endif
