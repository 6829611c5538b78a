/* curl_api.c — opening libcurl on first use (see curl_api.h). */
#define SL_LAZY_NO_MACROS
#include "util/curl_api.h"

#include <pthread.h>

#include "util/lazy_lib.h"

#ifndef SL_CURL_SONAME
#define SL_CURL_SONAME "libcurl.so.4"
#endif

sl_curl_api sl_curl;

static pthread_once_t global_once = PTHREAD_ONCE_INIT;
static CURLcode global_rc = CURLE_FAILED_INIT;

/* Runs libcurl's process-wide set-up, which is not safe to race. */
static void global_init(void)
{
    global_rc = sl_curl.curl_global_init(CURL_GLOBAL_DEFAULT);
}

int sl_curl_load(sl_error *err)
{
    static const char *const names[] = {SL_CURL_FUNCTIONS(SL_LAZY_NAME)};
    if (sl_lazy_load(SL_CURL_SONAME, "libcurl4", names, sizeof names / sizeof names[0], &sl_curl,
                     sizeof sl_curl, err) < 0)
        return -1;
    pthread_once(&global_once, global_init);
    if (global_rc != CURLE_OK)
        return sl_fail(err, "libcurl would not start: %s", sl_curl.curl_easy_strerror(global_rc));
    return 0;
}
