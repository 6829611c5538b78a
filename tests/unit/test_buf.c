/* test_buf.c — the output buffer and every escaping routine. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "util/buf.h"

/* Runs one escaper over input and compares with the expected output. */
static void expect(void (*escape)(sl_buf *, const char *), const char *name, const char *in,
                   const char *want)
{
    sl_buf b = SL_BUF_INIT;
    escape(&b, in);
    CHECK(strcmp(sl_buf_str(&b), want) == 0, "%s('%s') = '%s', want '%s'", name, in ? in : "NULL",
          sl_buf_str(&b), want);
    sl_buf_free(&b);
}

/* Compares what sl_buf_printf appended (after prefix, to a buffer that
 * already held it) with want; line is the caller's. */
static void expect_text(sl_buf *b, const char *prefix, const char *want, const char *fmt, int line)
{
    size_t plen = strlen(prefix);
    int ok = b->len == plen + strlen(want) && strncmp(sl_buf_str(b), prefix, plen) == 0 &&
             strcmp(sl_buf_str(b) + plen, want) == 0 && strlen(sl_buf_str(b)) == b->len;
    CHECK(ok, "line %d: sl_buf_printf(\"%s\") = '%s', want '%s'", line, fmt, sl_buf_str(b) + plen, want);
    sl_buf_free(b);
}

/* FORMATS(want, fmt, ...): sl_buf_printf into a fresh buffer gives want. */
#define FORMATS(want, ...)                                                  \
    do {                                                                    \
        sl_buf fb_ = SL_BUF_INIT;                                           \
        sl_buf_printf(&fb_, __VA_ARGS__);                                   \
        expect_text(&fb_, "", (want), #__VA_ARGS__, __LINE__);              \
    } while (0)

/* AS_C(fmt, ...): a format of C's conversions only gives what snprintf gives,
 * appended after text already in the buffer. */
#define AS_C(...)                                                           \
    do {                                                                    \
        char want_[512];                                                    \
        snprintf(want_, sizeof want_, __VA_ARGS__);                         \
        sl_buf fb_ = SL_BUF_INIT;                                           \
        sl_buf_puts(&fb_, "pre:");                                          \
        sl_buf_printf(&fb_, __VA_ARGS__);                                   \
        expect_text(&fb_, "pre:", want_, #__VA_ARGS__, __LINE__);           \
    } while (0)

/* The standard conversions, each as C's printf writes it. */
static void test_printf_standard(void)
{
    long long big = -9223372036854775807LL - 1;
    short sh = -2;
    signed char sc = -3;
    AS_C("plain text");
    AS_C("%d|%i|%5d|%-5d|%05d|%+d|% d|%.3d", 42, -7, 42, 42, -42, 42, 42, 7);
    AS_C("%u|%x|%X|%#x|%o|%#o|%08X", 4000000000U, 255U, 255U, 255U, 8U, 8U, 0xBEEFU);
    AS_C("%ld|%lu|%lld|%llu|%llx", -123456789L, 123456789UL, big, 18446744073709551615ULL, 0xFFULL);
    AS_C("%zu|%zx|%jd|%ju|%td", (size_t)123456, (size_t)255, (intmax_t)-5, (uintmax_t)5, (ptrdiff_t)-9);
    AS_C("%hd|%hhd|%hu|%hhx", sh, sc, (unsigned short)65535, (unsigned char)200);
    AS_C("%f|%5.1f|%-8.2f|%e|%.3E|%g|%G|%A", 3.14159, 2.25, 1.5, 12345.678, 0.000123, 0.0001, 1e20, 1.0);
    AS_C("%Lf|%.2Lf", (long double)1.5, (long double)2.125);
    AS_C("%c%c|%3c|%-3c|", 'o', 'k', 'x', 'y');
    AS_C("%s|%10s|%-10s|%.3s|%.*s|%*s|%-*s|", "abc", "right", "left", "truncate", 2, "xyz", 6, "w",
         4, "v");
    AS_C("%*d|%-*d|%*d|%.*d|%*.*f", 5, 1, 5, 2, -5, 3, -1, 4, 8, 2, 3.14159);
    AS_C("%%|100%%|%d%%", 3);
    AS_C("%p", (void *)&big);
    AS_C("£46k – é %s %d", "ünïcødé", 1);
    int n1 = -1, n2 = -1;
    FORMATS("abc12", "abc%n12%n", &n1, &n2);
    CHECK(n1 == 3 && n2 == 5, "%%n counts what this call wrote: %d %d", n1, n2);
}

/* The escaping conversions, alone and among standard ones. */
static void test_printf_escaping(void)
{
    const char *hostile = "<script>&\"'";
    const char *null = NULL;
    FORMATS("&lt;script&gt;&amp;&quot;&#39;", "%h", hostile);
    FORMATS("<p title=\"&lt;script&gt;&amp;&quot;&#39;\">", "<p title=\"%a\">", hostile);
    FORMATS("?q=%3Cscript%3E%26%22%27", "?q=%U", hostile);
    FORMATS("{\"v\":\"<script>&\\\"'\"}", "{\"v\":%J}", hostile);
    FORMATS("\"<script>&\"\"'\",x", "%C,x", hostile);
    FORMATS("<b>kept</b>", "%R", "<b>kept</b>");
    FORMATS("[][][null][][]", "[%h][%a][%J][%U][%C]", null, null, null, null, null);
    FORMATS("[]", "[%R]", null);
    FORMATS("£46k – é&amp;ü", "%h", "£46k – é&ü");
    FORMATS("%C2%A346k%20%E2%80%93", "%U", "£46k –");
    FORMATS("\"£46k – é\"", "%J", "£46k – é");
    FORMATS("\"a\\nb\"", "%J", "a\nb");
    FORMATS("&lt;sc|%3Csc|\"<sc\"|<sc", "%.3h|%.*U|%.3J|%.*R", hostile, 3, hostile, hostile, 3, hostile);
    FORMATS("7 &lt;b&gt; 12345678901 99 ab   2.5 &amp;x         |%| 0.5%",
            "%d %h %lld %zu %.*s %5.1f %h%-10s|%%| %.1f%%", 7, "<b>", 12345678901LL, (size_t)99, 2,
            "abc", 2.5, "&", "x", 0.5);
    FORMATS("<a href=\"/actions?lead=A%20%26%20B&amp;x=1\">A &amp; B</a> (3)",
            "<a href=\"/actions?lead=%U&amp;x=%d\">%h</a> (%d)", "A & B", 1, "A & B", 3);
    FORMATS("-5-", "%hd-", (short)-5);
    FORMATS("&lt;!&gt;<", "%h<", "<!>");
    FORMATS("%y|", "%y|");
    FORMATS("", "");

    sl_buf b = SL_BUF_INIT;
    sl_buf_puts(&b, "start:");
    sl_buf_printf(&b, "%h", "");
    expect_text(&b, "start:", "", "%h of an empty string", __LINE__);
}

/* Output far past the buffer's first allocation, in one call and in many. */
static void test_printf_growth(void)
{
    sl_buf in = SL_BUF_INIT;
    for (int i = 0; i < 3000; i++)
        sl_buf_puts(&in, "<&>");
    sl_buf want = SL_BUF_INIT;
    for (int i = 0; i < 3000; i++)
        sl_buf_puts(&want, "&lt;&amp;&gt;");
    sl_buf b = SL_BUF_INIT;
    sl_buf_printf(&b, "%h", sl_buf_str(&in));
    CHECK(b.len == want.len && strcmp(sl_buf_str(&b), sl_buf_str(&want)) == 0,
          "one long %%h: %zu bytes, want %zu", b.len, want.len);
    sl_buf_reset(&b);
    sl_buf_printf(&b, "%-5000s|%05000d|%.3000s", "x", 7, sl_buf_str(&in));
    CHECK(b.len == 5000 + 1 + 5000 + 1 + 3000 && b.data[4999] == ' ' && b.data[10000] == '7' &&
              strlen(sl_buf_str(&b)) == b.len,
          "wide standard conversions grow the buffer: %zu", b.len);
    sl_buf_reset(&b);
    for (int i = 0; i < 2000; i++)
        sl_buf_printf(&b, "<td title=\"%a\">%d %h</td>", "\"", i, "&");
    const char *last = "<td title=\"&quot;\">1999 &amp;</td>";
    CHECK(strcmp(sl_buf_str(&b) + b.len - strlen(last), last) == 0 && strlen(sl_buf_str(&b)) == b.len,
          "many appends land in order");
    sl_buf_free(&b);
    sl_buf_free(&in);
    sl_buf_free(&want);
}

void test_buf(void)
{
    test_printf_standard();
    test_printf_escaping();
    test_printf_growth();
    static const struct {
        const char *in, *html, *json, *csv, *url;
    } cases[] = {
        {"plain", "plain", "\"plain\"", "plain", "plain"},
        {"<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;",
         "\"<script>alert(1)</script>\"", "<script>alert(1)</script>",
         "%3Cscript%3Ealert%281%29%3C%2Fscript%3E"},
        {"\"><img onerror=x>", "&quot;&gt;&lt;img onerror=x&gt;", "\"\\\"><img onerror=x>\"",
         "\"\"\"><img onerror=x>\"", "%22%3E%3Cimg%20onerror%3Dx%3E"},
        {"a,b", "a,b", "\"a,b\"", "\"a,b\"", "a%2Cb"},
        {"line\nbreak", "line\nbreak", "\"line\\nbreak\"", "\"line\nbreak\"", "line%0Abreak"},
        {"tab\there", "tab\there", "\"tab\\there\"", "tab\there", "tab%09here"},
        {"back\\slash", "back\\slash", "\"back\\\\slash\"", "back\\slash", "back%5Cslash"},
        {"it's £46k & more", "it&#39;s £46k &amp; more", "\"it's £46k & more\"",
         "it's £46k & more", "it%27s%20%C2%A346k%20%26%20more"},
        {"\x01", "\x01", "\"\\u0001\"", "\x01", "%01"},
        {"", "", "\"\"", "", ""},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        expect(sl_buf_html, "html", cases[i].in, cases[i].html);
        expect(sl_buf_json_str, "json", cases[i].in, cases[i].json);
        expect(sl_buf_csv_field, "csv", cases[i].in, cases[i].csv);
        expect(sl_buf_url, "url", cases[i].in, cases[i].url);
    }
    expect(sl_buf_json_str, "json", NULL, "null");

    sl_buf b = SL_BUF_INIT;
    for (int i = 0; i < 10000; i++)
        sl_buf_printf(&b, "%d,", i);
    CHECK(b.len == strlen(sl_buf_str(&b)), "length tracks the contents after growth");
    CHECK(strncmp(sl_buf_str(&b) + b.len - 5, "9999,", 5) == 0, "appends land in order");
    sl_buf_reset(&b);
    sl_buf_cell(&b, "£46k", 6);
    CHECK(strcmp(sl_buf_str(&b), "£46k  ") == 0, "cells pad by characters, not bytes");
    sl_buf_reset(&b);
    sl_buf_cell(&b, "Restructure the service", 8);
    CHECK(sl_utf8_width(sl_buf_str(&b)) == 8, "a cut cell is exactly its width");
    char *taken = sl_buf_take(&b);
    CHECK(strncmp(taken, "Restruc", 7) == 0 && b.len == 0, "take hands over the contents");
    free(taken);

    static const struct {
        const char *bytes;
        size_t len;
        int valid;
        size_t bad;
    } utf8[] = {
        {"ascii", 5, 1, 0},           {"\xC2\xA3", 2, 1, 0},           {"\xE2\x80\x93", 3, 1, 0},
        {"ab\xFF", 3, 0, 2},          {"\xC2", 1, 0, 0},               {"a\xE2\x80", 3, 0, 1},
        {"\xC0\xAF", 2, 0, 0},        {"\xED\xA0\x80", 3, 0, 0},       {"\xF4\x90\x80\x80", 4, 0, 0},
        {"\xF0\x9F\x98\x80", 4, 1, 0},
    };
    for (size_t i = 0; i < sizeof utf8 / sizeof utf8[0]; i++) {
        size_t bad = 99;
        int ok = sl_utf8_valid(utf8[i].bytes, utf8[i].len, &bad);
        CHECK(ok == utf8[i].valid && (ok || bad == utf8[i].bad), "utf8 case %zu: valid %d bad %zu",
              i, ok, bad);
    }
}
