/* mhd_api.h — libmicrohttpd, opened when `serve` starts (see util/lazy_lib.h):
 * the functions sightline calls, as a table of pointers that the macros
 * below put behind their usual names. Include after <microhttpd.h>. */
#ifndef SL_WEB_MHD_API_H
#define SL_WEB_MHD_API_H
#include <microhttpd.h>

#include "util/error.h"

#define SL_MHD_FUNCTIONS(X)                                                                        \
    X(MHD_add_response_header) X(MHD_create_response_from_buffer)                                  \
    X(MHD_create_response_from_buffer_with_free_callback) X(MHD_destroy_response)                  \
    X(MHD_get_connection_values) X(MHD_lookup_connection_value) X(MHD_queue_response)              \
    X(MHD_start_daemon) X(MHD_stop_daemon) X(MHD_suspend_connection) X(MHD_resume_connection)        \
    X(MHD_get_connection_info) X(MHD_create_response_from_callback) X(MHD_create_post_processor)            \
    X(MHD_post_process) X(MHD_destroy_post_processor)

typedef struct {
#define SL_MHD_SLOT(fn) __typeof__(&fn) fn;
    SL_MHD_FUNCTIONS(SL_MHD_SLOT)
#undef SL_MHD_SLOT
} sl_mhd_api;

extern sl_mhd_api sl_mhd;

/* Opens libmicrohttpd and fills sl_mhd (once; call before any thread uses
 * it). Returns 0, or -1 with err naming what is missing. */
int sl_mhd_load(sl_error *err);

#ifndef SL_LAZY_NO_MACROS
#define MHD_add_response_header (*sl_mhd.MHD_add_response_header)
#define MHD_create_response_from_buffer (*sl_mhd.MHD_create_response_from_buffer)
#define MHD_create_response_from_buffer_with_free_callback                                         \
    (*sl_mhd.MHD_create_response_from_buffer_with_free_callback)
#define MHD_destroy_response (*sl_mhd.MHD_destroy_response)
#define MHD_get_connection_values (*sl_mhd.MHD_get_connection_values)
#define MHD_lookup_connection_value (*sl_mhd.MHD_lookup_connection_value)
#define MHD_queue_response (*sl_mhd.MHD_queue_response)
#define MHD_start_daemon (*sl_mhd.MHD_start_daemon)
#define MHD_stop_daemon (*sl_mhd.MHD_stop_daemon)
#define MHD_suspend_connection (*sl_mhd.MHD_suspend_connection)
#define MHD_resume_connection (*sl_mhd.MHD_resume_connection)
#define MHD_get_connection_info (*sl_mhd.MHD_get_connection_info)
#define MHD_create_response_from_callback (*sl_mhd.MHD_create_response_from_callback)
#define MHD_create_post_processor (*sl_mhd.MHD_create_post_processor)
#define MHD_post_process (*sl_mhd.MHD_post_process)
#define MHD_destroy_post_processor (*sl_mhd.MHD_destroy_post_processor)
#endif

#endif
