/* test_lazy_lib.c — libraries opened on first use: found, missing, or
 * missing a symbol, each said clearly; and the bindings sightline ships. */
/* The tables are read by their members, not called through the usual names. */
#define SL_LAZY_NO_MACROS
#include <string.h>

#include "check.h"
#include "import/format/zip_api.h"
#include "report/xlsxwriter_api.h"
#include "util/lazy_lib.h"
#include "web/mhd_api.h"

void test_lazy_lib(void)
{
    static const char *const maths[] = {"cos", "sqrt"};
    struct {
        double (*cos)(double);
        double (*sqrt)(double);
    } m = {0};
    sl_error err = {0};
    CHECK(sl_lazy_load("libm.so.6", "libc6", maths, 2, &m, sizeof m, &err) == 0 && m.cos && m.sqrt &&
              m.sqrt(81.0) == 9.0,
          "libm opens and gives cos and sqrt: %s", err.message);

    static const char *const none[] = {"cos"};
    void *one[1] = {NULL};
    memset(&err, 0, sizeof err);
    CHECK(sl_lazy_load("libsightline-no-such.so.1", "no-such-package", none, 1, one, sizeof one, &err) < 0 &&
              !one[0] && strstr(err.message, "libsightline-no-such.so.1") &&
              strstr(err.message, "no-such-package"),
          "a missing library names itself and its package: '%s'", err.message);

    static const char *const wrong[] = {"cos", "sl_no_such_function"};
    void *two[2] = {NULL, NULL};
    memset(&err, 0, sizeof err);
    CHECK(sl_lazy_load("libm.so.6", "libc6", wrong, 2, two, sizeof two, &err) < 0 && !two[0] && !two[1] &&
              strstr(err.message, "sl_no_such_function"),
          "a missing symbol is named: '%s'", err.message);

    /* The libraries sightline opens on first use are there, with every function it calls. */
    memset(&err, 0, sizeof err);
    CHECK(sl_mhd_load(&err) == 0 && sl_mhd.MHD_start_daemon && sl_mhd.MHD_queue_response,
          "libmicrohttpd loads: %s", err.message);
    memset(&err, 0, sizeof err);
    CHECK(sl_zip_load(&err) == 0 && sl_zip.zip_open_from_source && sl_zip.zip_fread, "libzip loads: %s",
          err.message);
    memset(&err, 0, sizeof err);
    CHECK(sl_xlsxwriter_load(&err) == 0 && sl_xlsxwriter.workbook_new && sl_xlsxwriter.workbook_close,
          "libxlsxwriter loads: %s", err.message);
}
