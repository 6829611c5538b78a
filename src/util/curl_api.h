/* curl_api.h — libcurl, opened when a reminder is first sent (see
 * util/lazy_lib.h): the functions sightline calls, as a table of pointers
 * that the macros below put behind their usual names. Include instead of
 * <curl/curl.h> (curl's compile-time type checks are macros too, so they
 * are turned off here). */
#ifndef SL_UTIL_CURL_API_H
#define SL_UTIL_CURL_API_H
#define CURL_DISABLE_TYPECHECK 1
#include <curl/curl.h>
/* curl.h checks the argument count of curl_easy_setopt with a macro of its own. */
#undef curl_easy_setopt

#include "util/error.h"

#define SL_CURL_FUNCTIONS(X)                                                                       \
    X(curl_global_init) X(curl_easy_init) X(curl_easy_setopt) X(curl_easy_perform)                 \
    X(curl_easy_cleanup) X(curl_easy_strerror) X(curl_slist_append) X(curl_slist_free_all)

typedef struct {
#define SL_CURL_SLOT(fn) __typeof__(&fn) fn;
    SL_CURL_FUNCTIONS(SL_CURL_SLOT)
#undef SL_CURL_SLOT
} sl_curl_api;

extern sl_curl_api sl_curl;

/* Opens libcurl, fills sl_curl and runs curl_global_init (once). Returns 0,
 * or -1 with err naming what is missing. */
int sl_curl_load(sl_error *err);

#ifndef SL_LAZY_NO_MACROS
#define curl_global_init (*sl_curl.curl_global_init)
#define curl_easy_init (*sl_curl.curl_easy_init)
#define curl_easy_setopt (*sl_curl.curl_easy_setopt)
#define curl_easy_perform (*sl_curl.curl_easy_perform)
#define curl_easy_cleanup (*sl_curl.curl_easy_cleanup)
#define curl_easy_strerror (*sl_curl.curl_easy_strerror)
#define curl_slist_append (*sl_curl.curl_slist_append)
#define curl_slist_free_all (*sl_curl.curl_slist_free_all)
#endif

#endif
