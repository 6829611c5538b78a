/* test_buf.c — the output buffer and every escaping routine. */
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

void test_buf(void)
{
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
