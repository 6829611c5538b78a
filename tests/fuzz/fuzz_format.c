/* fuzz_format.c — libFuzzer target for the escaping conversions of
 * sl_buf_printf and the template renderer: for any bytes, %h %a %U %J %C %R
 * (whole and cut by a precision) write exactly what the escaping routines
 * write, escaped HTML holds no raw markup character, and a template slot
 * escapes the same way. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "web/template.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Aborts unless the conversion conv of s gives what escape gives. */
static void same(const char *fmt, const char *s, void (*escape)(sl_buf *, const char *))
{
    sl_buf got = SL_BUF_INIT, want = SL_BUF_INIT;
    sl_buf_printf(&got, fmt, s);
    escape(&want, s);
    if (got.len != want.len || memcmp(sl_buf_str(&got), sl_buf_str(&want), got.len) != 0)
        abort();
    sl_buf_free(&got);
    sl_buf_free(&want);
}

/* Appends s as is (what %R must do). */
static void raw(sl_buf *b, const char *s)
{
    sl_buf_puts(b, s);
}

/* Aborts when HTML-escaped text holds < > " ' or an & that starts no entity. */
static void check_escaped(const char *html)
{
    for (const char *p = html; *p; p++) {
        if (strchr("<>\"'", *p))
            abort();
        if (*p == '&' && strncmp(p, "&amp;", 5) && strncmp(p, "&lt;", 4) && strncmp(p, "&gt;", 4) &&
            strncmp(p, "&quot;", 6) && strncmp(p, "&#39;", 5))
            abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *s = malloc(size + 1);
    if (!s)
        return 0;
    memcpy(s, data, size);
    s[size] = '\0';
    same("%h", s, sl_buf_html);
    same("%a", s, sl_buf_html);
    same("%U", s, sl_buf_url);
    same("%J", s, sl_buf_json_str);
    same("%C", s, sl_buf_csv_field);
    same("%R", s, raw);

    int precision = size ? data[0] % 32 : 0;
    char *head = strndup(s, (size_t)precision);
    sl_buf got = SL_BUF_INIT, want = SL_BUF_INIT;
    sl_buf_printf(&got, "%d<%.*h>%.*U", precision, precision, s, precision, s);
    sl_buf_printf(&want, "%d<", precision);
    sl_buf_html(&want, head);
    sl_buf_putc(&want, '>');
    sl_buf_url(&want, head);
    if (strcmp(sl_buf_str(&got), sl_buf_str(&want)) != 0)
        abort();
    sl_buf_reset(&got);
    sl_buf_printf(&got, "%h", s);
    check_escaped(sl_buf_str(&got));

    sl_template_slot slot[] = {{"message", s}};
    sl_error err = {0};
    sl_buf_reset(&want);
    if (sl_template_render(&want, "sign_in_error", slot, 1, &err) < 0 ||
        !strstr(sl_buf_str(&want), sl_buf_str(&got)))
        abort();
    free(head);
    sl_buf_free(&got);
    sl_buf_free(&want);
    free(s);
    return 0;
}
