/* xlsxwriter_api.h — libxlsxwriter, opened when a workbook is first written
 * (see util/lazy_lib.h): the functions sightline calls, as a table of
 * pointers that the macros below put behind their usual names. Include
 * after <xlsxwriter.h>. */
#ifndef SL_REPORT_XLSXWRITER_API_H
#define SL_REPORT_XLSXWRITER_API_H
#include <xlsxwriter.h>

#include "util/error.h"

#define SL_XLSXWRITER_FUNCTIONS(X)                                                                 \
    X(format_set_bg_color) X(format_set_bold) X(format_set_font_color) X(format_set_text_wrap)     \
    X(format_set_num_format) X(lxw_strerror) X(workbook_add_format) X(workbook_add_worksheet)      \
    X(workbook_close) X(workbook_new) X(worksheet_autofilter) X(worksheet_freeze_panes)            \
    X(worksheet_set_column) X(worksheet_write_number) X(worksheet_write_string)

typedef struct {
#define SL_XLSXWRITER_SLOT(fn) __typeof__(&fn) fn;
    SL_XLSXWRITER_FUNCTIONS(SL_XLSXWRITER_SLOT)
#undef SL_XLSXWRITER_SLOT
} sl_xlsxwriter_api;

extern sl_xlsxwriter_api sl_xlsxwriter;

/* Opens libxlsxwriter and fills sl_xlsxwriter (once). Returns 0, or -1
 * with err naming what is missing. */
int sl_xlsxwriter_load(sl_error *err);

#ifndef SL_LAZY_NO_MACROS
#define format_set_bg_color (*sl_xlsxwriter.format_set_bg_color)
#define format_set_bold (*sl_xlsxwriter.format_set_bold)
#define format_set_font_color (*sl_xlsxwriter.format_set_font_color)
#define format_set_text_wrap (*sl_xlsxwriter.format_set_text_wrap)
#define format_set_num_format (*sl_xlsxwriter.format_set_num_format)
#define lxw_strerror (*sl_xlsxwriter.lxw_strerror)
#define workbook_add_format (*sl_xlsxwriter.workbook_add_format)
#define workbook_add_worksheet (*sl_xlsxwriter.workbook_add_worksheet)
#define workbook_close (*sl_xlsxwriter.workbook_close)
#define workbook_new (*sl_xlsxwriter.workbook_new)
#define worksheet_autofilter (*sl_xlsxwriter.worksheet_autofilter)
#define worksheet_freeze_panes (*sl_xlsxwriter.worksheet_freeze_panes)
#define worksheet_set_column (*sl_xlsxwriter.worksheet_set_column)
#define worksheet_write_number (*sl_xlsxwriter.worksheet_write_number)
#define worksheet_write_string (*sl_xlsxwriter.worksheet_write_string)
#endif

#endif
