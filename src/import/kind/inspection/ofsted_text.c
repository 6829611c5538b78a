/* ofsted_text.c — the pieces every Ofsted document reader shares (see
 * ofsted_text.h). Every look at a line stays inside its bounds. */
#include "import/kind/inspection/ofsted_text.h"

#include <stdlib.h>
#include <string.h>

#include "util/mem.h"

#define NONE_SENTENCE_MAX 160 /* "There are no areas for priority action." is one short sentence */

/* Bullets that open a "What needs to improve?" item: ◼ ■ ▪ • ● and the
 * Symbol-font bullets Word documents carry into PDFs. */
static const char *const item_bullets[] = {
    "\xE2\x97\xBC", "\xE2\x96\xA0", "\xE2\x96\xAA", "\xE2\x80\xA2",
    "\xE2\x97\x8F", "\xEF\x82\xA7", "\xEF\x82\xB7",
};

/* Returns 1 for the ASCII blanks a layout rendering leaves around text. */
int ot_is_blank_char(char c)
{
    return c == ' ' || c == '\t' || c == '\f' || c == '\v' || c == '\r';
}

/* Returns the number of bytes of blank at p (n bytes left): 1 for an ASCII
 * blank, 2 for a no-break space, 0 otherwise. */
size_t ot_blank_at(const char *p, size_t n)
{
    if (n >= 1 && ot_is_blank_char(p[0]))
        return 1;
    if (n >= 2 && (unsigned char)p[0] == 0xC2 && (unsigned char)p[1] == 0xA0)
        return 2;
    return 0;
}

char ot_lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

int ot_is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* Returns s without its first k bytes (k <= s.n). */
ot_slice ot_drop(ot_slice s, size_t k)
{
    s.s += k;
    s.n -= k;
    return s;
}

/* Returns s without ASCII blanks at either end. */
ot_slice ot_trim(ot_slice s)
{
    while (s.n > 0 && ot_is_blank_char(s.s[0]))
        s = ot_drop(s, 1);
    while (s.n > 0 && ot_is_blank_char(s.s[s.n - 1]))
        s.n--;
    return s;
}

int ot_is_blank(ot_slice s)
{
    return ot_trim(s).n == 0;
}

/* Returns 1 when s starts with prefix (lower case ASCII), ignoring case. */
int ot_starts_with(ot_slice s, const char *prefix)
{
    size_t k = strlen(prefix);
    if (k > s.n)
        return 0;
    for (size_t i = 0; i < k; i++)
        if (ot_lower(s.s[i]) != prefix[i])
            return 0;
    return 1;
}

/* Returns the offset of needle (lower case ASCII) in s ignoring case, or -1. */
long ot_find(ot_slice s, const char *needle)
{
    size_t k = strlen(needle);
    for (size_t i = 0; k <= s.n && i <= s.n - k; i++)
        if (ot_starts_with(ot_drop(s, i), needle))
            return (long)i;
    return -1;
}

/* Returns the columns of blank at the start of s, a tab counting as eight. */
size_t ot_indent_of(ot_slice s)
{
    size_t columns = 0;
    for (size_t i = 0; i < s.n && ot_is_blank_char(s.s[i]); i++)
        columns += s.s[i] == '\t' ? 8 : 1;
    return columns;
}

/* Appends the words of one line to b with single spaces between them (no-break
 * spaces count as blanks). A word hyphenated at the end of the previous line
 * ("decision-") joins its lower-case continuation ("making") with no space. */
void ot_append_line(sl_buf *b, ot_slice s)
{
    size_t i = 0;
    int first_word = 1;
    while (i < s.n) {
        size_t k;
        while (i < s.n && (k = ot_blank_at(s.s + i, s.n - i)) > 0)
            i += k;
        size_t start = i;
        while (i < s.n && ot_blank_at(s.s + i, s.n - i) == 0)
            i++;
        if (i == start)
            break;
        int joins = first_word && b->len >= 2 && b->data[b->len - 1] == '-' &&
                    ot_lower(b->data[b->len - 2]) >= 'a' && ot_lower(b->data[b->len - 2]) <= 'z' &&
                    s.s[start] >= 'a' && s.s[start] <= 'z';
        if (b->len > 0 && !joins)
            sl_buf_putc(b, ' ');
        sl_buf_add(b, s.s + start, i - start);
        first_word = 0;
    }
}

/* Returns the buffer's text as a slice (valid until the buffer changes). */
ot_slice ot_buf_slice(sl_buf *b)
{
    ot_slice s = {sl_buf_str(b), b->len};
    return s;
}

/* Returns the length of a row or item number opening s ("1. ", "12) ", and
 * with sub_numbers "2.1 ") including the blanks after it, or 0. */
size_t ot_number_prefix(ot_slice s, int sub_numbers)
{
    size_t i = 0;
    while (i < s.n && i < 4 && ot_is_digit(s.s[i]))
        i++;
    if (i == 0 || i > 3)
        return 0;
    int has_sub = 0;
    while (sub_numbers && i + 1 < s.n && s.s[i] == '.' && ot_is_digit(s.s[i + 1])) {
        i++;
        while (i < s.n && ot_is_digit(s.s[i]))
            i++;
        has_sub = 1;
    }
    if (i < s.n && (s.s[i] == '.' || s.s[i] == ')'))
        i++;
    else if (!has_sub)
        return 0;
    if (i >= s.n || !ot_is_blank_char(s.s[i]))
        return 0;
    while (i < s.n && ot_is_blank_char(s.s[i]))
        i++;
    return i;
}

/* Splits len bytes into lines, dropping a UTF-8 byte-order mark, CR before LF
 * and the form feeds that open a page. The lines point into data; the caller
 * frees doc->lines. */
void ot_split_lines(ot_doc *doc, const char *data, size_t len)
{
    size_t count = 1;
    for (size_t i = 0; i < len; i++)
        count += data[i] == '\n';
    doc->lines = sl_calloc(count * sizeof *doc->lines);
    doc->n = 0;
    size_t start = len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    for (size_t i = start; i <= len; i++) {
        if (i < len && data[i] != '\n')
            continue;
        ot_slice s = {data + start, i - start};
        if (s.n > 0 && s.s[s.n - 1] == '\r')
            s.n--;
        doc->lines[doc->n].page_start = s.n > 0 && s.s[0] == '\f';
        while (s.n > 0 && s.s[0] == '\f')
            s = ot_drop(s, 1);
        doc->lines[doc->n].text = s;
        doc->lines[doc->n].number = (long)doc->n + 1;
        doc->n++;
        start = i + 1;
    }
}

ot_slice ot_line_text(const ot_doc *doc, size_t i)
{
    return doc->lines[i].text;
}

long ot_line_number(const ot_doc *doc, size_t i)
{
    return i < doc->n ? doc->lines[i].number : (long)doc->n;
}

/* Returns the 1-based line of byte offset in data. */
long ot_line_of_offset(const char *data, size_t offset)
{
    long line = 1;
    for (size_t i = 0; i < offset; i++)
        line += data[i] == '\n';
    return line;
}

/* Finds the first line in [from, until) opening with one of labels (NULL-ended)
 * followed by a colon; sets *value to the trimmed text after the colon (for
 * a label alone on its line, the next non-blank line). Returns its index or
 * OT_NOT_FOUND. */
size_t ot_find_labelled(const ot_doc *doc, size_t from, size_t until,
                            const char *const *labels, ot_slice *value)
{
    if (until > doc->n)
        until = doc->n;
    for (size_t i = from; i < until; i++) {
        ot_slice t = ot_trim(ot_line_text(doc, i));
        for (const char *const *label = labels; *label; label++) {
            if (!ot_starts_with(t, *label))
                continue;
            long colon = ot_find(t, ":");
            size_t label_len = strlen(*label);
            if (colon < 0 && t.n > label_len)
                continue;           /* "Lead inspectors found …": prose, not a label */
            if (colon > (long)label_len + 2)
                continue;
            *value = colon < 0 ? ot_drop(t, t.n) : ot_trim(ot_drop(t, (size_t)colon + 1));
            for (size_t j = i + 1; value->n == 0 && j < doc->n && j <= i + 2; j++)
                *value = ot_trim(ot_line_text(doc, j));
            return i;
        }
    }
    return OT_NOT_FOUND;
}

/* Reads text that the date engine reads as one or more whole days; sets the
 * first and last day and returns 0, or returns -1. */
int ot_read_day_span(ot_slice s, sl_day *first, sl_day *last)
{
    sl_date_value v;
    if (sl_date_parse(s.s, s.n, 0, &v, NULL, 0) != SL_DATE_OK || v.n_milestones < 1 ||
        v.open_ended || v.vague)
        return -1;
    for (int k = 0; k < v.n_milestones; k++)
        if (v.milestones[k].precision != SL_PREC_DAY)
            return -1;
    if (v.earliest == SL_NO_DAY || v.latest == SL_NO_DAY || v.earliest > v.latest)
        return -1;
    *first = v.earliest;
    *last = v.latest;
    return 0;
}

/* Returns s after a range connector ("to", "and", a hyphen or dash) and its
 * blanks, setting *found; s unchanged when there is none. */
ot_slice ot_skip_connector(ot_slice s, int *found)
{
    static const char *const connectors[] = {"to ", "and ", "-", "\xE2\x80\x93", "\xE2\x80\x94"};
    ot_slice t = ot_trim(s);
    *found = 0;
    for (size_t i = 0; i < sizeof connectors / sizeof connectors[0]; i++)
        if (ot_starts_with(t, connectors[i])) {
            *found = 1;
            return ot_trim(ot_drop(t, strlen(connectors[i])));
        }
    return s;
}

/* Reads one range of inspection days: "25 October 2021 to 5 November 2021",
 * "17 March to 21 March 2025", "30 May 2017 – 22 June 2017" (the date
 * engine's ranges) and "13 to 24 May 2024" (a bare first day). Sets the
 * first and last day and returns 0, or returns -1. */
static int read_one_range(ot_slice s, sl_day *start, sl_day *end)
{
    if (ot_read_day_span(s, start, end) == 0)
        return 0;
    size_t digits = 0;
    int day = 0;
    while (digits < s.n && digits < 3 && ot_is_digit(s.s[digits]))
        day = day * 10 + (s.s[digits++] - '0');
    if (digits == 0 || digits > 2)
        return -1;
    int found;
    ot_slice rest = ot_skip_connector(ot_drop(s, digits), &found);
    sl_day rest_start, rest_end;
    if (!found || ot_read_day_span(rest, &rest_start, &rest_end) < 0)
        return -1;
    int year, month, mday;
    sl_day_to_ymd(rest_start, &year, &month, &mday);
    if (!sl_ymd_valid(year, month, day) || sl_day_from_ymd(year, month, day) > rest_start)
        return -1;
    *start = sl_day_from_ymd(year, month, day);
    *end = rest_end;
    return 0;
}

/* Copies s into b with every dash between dates ("–", "—", the box-drawing
 * "─" some PDFs use) written " to "; returns the copy (valid until b changes). */
static ot_slice dashes_as_to(sl_buf *b, ot_slice s)
{
    static const char *const dashes[] = {"\xE2\x80\x93", "\xE2\x80\x94", "\xE2\x94\x80"};
    sl_buf_reset(b);
    for (size_t i = 0; i < s.n;) {
        size_t k = 0;
        for (size_t d = 0; d < sizeof dashes / sizeof dashes[0] && k == 0; d++)
            if (i + 3 <= s.n && memcmp(s.s + i, dashes[d], 3) == 0)
                k = 3;
        if (k > 0)
            sl_buf_puts(b, " to ");
        else
            sl_buf_putc(b, s.s[i]);
        i += k > 0 ? k : 1;
    }
    ot_slice copy = {sl_buf_str(b), b->len};
    return copy;
}

int ot_read_inspection_dates(ot_slice s, sl_day *start, sl_day *end)
{
    sl_buf b = SL_BUF_INIT, words = SL_BUF_INIT;
    ot_slice t = ot_normalised(&words, dashes_as_to(&b, s));
    int rc = read_one_range(t, start, end);
    for (long at = ot_find(t, " and "); rc < 0 && at >= 0;) {
        sl_day first_start, first_end;
        ot_slice left = {t.s, (size_t)at}, right = ot_drop(t, (size_t)at + 5);
        if (read_one_range(left, &first_start, &first_end) == 0 && read_one_range(right, &first_end, end) == 0 &&
            first_start <= *end) {
            *start = first_start;    /* two visits: "5 to 9 December 2022 and 14 to 15 February 2023" */
            rc = 0;
        }
        long next = ot_find(ot_drop(t, (size_t)at + 1), " and ");
        at = next < 0 ? -1 : at + 1 + next;
    }
    sl_buf_free(&b);
    sl_buf_free(&words);
    return rc;
}

/* Reads one whole day ("4 September 2017"); returns 0 and sets *day, or -1. */
int ot_read_single_day(ot_slice s, sl_day *day)
{
    sl_day last;
    return ot_read_day_span(s, day, &last) == 0 && *day == last ? 0 : -1;
}

/* Returns s copied into b with its blanks normalised (no-break spaces too),
 * as the date engine expects; valid until b changes. */
ot_slice ot_normalised(sl_buf *b, ot_slice s)
{
    sl_buf_reset(b);
    ot_append_line(b, s);
    return ot_buf_slice(b);
}

/* Returns 1 when t is word, ignoring case and a trailing '?', ':' or footnote number. */
int ot_is_heading_word(ot_slice t, const char *word)
{
    while (t.n > 0 && (ot_is_digit(t.s[t.n - 1]) || strchr("?: ", t.s[t.n - 1])))
        t.n--;
    return t.n == strlen(word) && ot_starts_with(t, word);
}

/* Returns 3 when s opens with a character of Unicode's private use area
 * (U+E000 to U+F8FF: the Symbol and Wingdings bullets of Word documents),
 * else 0. */
static size_t private_use_at(ot_slice s)
{
    if (s.n < 3)
        return 0;
    unsigned char a = (unsigned char)s.s[0], b = (unsigned char)s.s[1];
    return a == 0xEE || (a == 0xEF && b >= 0x80 && b <= 0xA3) ? 3 : 0;
}

/* Returns 1 when t opens an item (a bullet, or "1." / "1)"), setting *rest to its text. */
int ot_item_marker(ot_slice t, ot_slice *rest)
{
    size_t glyph = private_use_at(t);
    if (glyph > 0 && (glyph == t.n || ot_blank_at(t.s + glyph, t.n - glyph) > 0)) {
        *rest = ot_trim(ot_drop(t, glyph));
        return 1;
    }
    for (size_t i = 0; i < sizeof item_bullets / sizeof item_bullets[0]; i++)
        if (ot_starts_with(t, item_bullets[i])) {
            *rest = ot_trim(ot_drop(t, strlen(item_bullets[i])));
            return 1;
        }
    size_t number = ot_number_prefix(t, 0);
    if (number == 0)
        return 0;
    *rest = ot_drop(t, number);
    return 1;
}

unsigned long ot_marker_glyph(ot_slice t)
{
    if (t.n == 0 || ot_is_digit(t.s[0]))
        return '0';
    unsigned char lead = (unsigned char)t.s[0];
    size_t len = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    unsigned long key = 0;
    for (size_t i = 0; i < len && i < t.n; i++)
        key = key << 8 | (unsigned char)t.s[i];
    return key;
}

/* Returns 1 for a footer line: a page number alone, or text ending in a page
 * number after a gap ("13 to 24 May 2024        2"). */
int ot_is_footer(ot_slice t)
{
    size_t digits = 0;
    while (digits < t.n && ot_is_digit(t.s[t.n - 1 - digits]))
        digits++;
    if (digits == 0 || digits > 4)
        return 0;
    if (digits == t.n)
        return 1;
    size_t before = t.n - digits;
    return before >= 2 && t.s[before - 1] == ' ' && t.s[before - 2] == ' ';
}

/* Returns the index after the page furniture at line i (a running header
 * "Inspection of … children's services" and its footer, or a page number),
 * or i when line i is text. */
size_t ot_skip_page_furniture(const ot_doc *doc, size_t i)
{
    ot_slice t = ot_trim(ot_line_text(doc, i));
    if (ot_starts_with(t, "inspection of ") && ot_find(t, "children") >= 0) {
        if (i + 1 < doc->n && ot_is_footer(ot_trim(ot_line_text(doc, i + 1))))
            return i + 2;
        return i + 1;
    }
    if (ot_is_footer(t) && (size_t)(t.n) <= 4)
        return i + 1;
    return i;
}

/* Returns 1 when line continues the open item: straight after it (indented,
 * or after a line that did not end a sentence), or indented after a page break. */
int ot_continues_item(ot_slice previous, ot_slice line, int blank_seen, int page_break)
{
    if (page_break)
        return ot_indent_of(line) > 0;
    if (blank_seen)
        return 0;
    return ot_indent_of(line) > 0 || previous.n == 0 || !strchr(".;:?!", previous.s[previous.n - 1]);
}

/* Splits a national framework tag off the end of an item ("… (outcome 2,
 * national framework)"); returns the tag ("outcome 2", caller frees) and cuts
 * it from text, or returns NULL and leaves text alone. */
char *ot_split_framework_tag(char *text)
{
    size_t n = strlen(text);
    if (n == 0 || text[n - 1] != ')')
        return NULL;
    size_t open = n - 1;
    while (open > 0 && text[open] != '(')
        open--;
    if (text[open] != '(' || open == 0)
        return NULL;
    ot_slice inner = {text + open + 1, n - open - 2};
    long at = ot_find(inner, "national framework");
    if (at < 0)
        return NULL;
    ot_slice tag = {inner.s, (size_t)at};
    while (tag.n > 0 && strchr(", ", tag.s[tag.n - 1]))
        tag.n--;
    tag = ot_trim(tag);
    if (tag.n == 0)
        tag = ot_trim(inner);
    char *result = sl_strndup(tag.s, tag.n);
    while (open > 0 && text[open - 1] == ' ')
        open--;
    text[open] = '\0';
    return result;
}

/* Adds the item gathered in text (emptying it) unless it has no words. */
void ot_finish_item(sl_inspection *out, sl_buf *text, long line)
{
    char *item = sl_buf_take(text);
    if (!*item || ot_says_none((ot_slice){item, strlen(item)})) {
        free(item);
        return;
    }
    char *tag = ot_split_framework_tag(item);
    sl_inspection_add_item(out, item, tag, line);
}

int ot_says_none(ot_slice t)
{
    static const char *const phrases[] = {"did not find any areas", "there are no areas",
                                          "no areas for priority", "there are no recommendations"};
    for (size_t i = 0; i < sizeof phrases / sizeof phrases[0]; i++)
        if (ot_find(t, phrases[i]) >= 0 && t.n < NONE_SENTENCE_MAX)
            return 1;
    return 0;
}

/* Refuses input that is not text: empty, holding a NUL byte, or not UTF-8. */
int ot_check_text(const char *data, size_t len, const char *file, sl_error *err)
{
    size_t bad;
    if (len == 0)
        return sl_fail_at(err, file, 1, "the file is empty: there is no inspection report");
    const char *nul = memchr(data, '\0', len);
    if (nul)
        return sl_fail_at(err, file, ot_line_of_offset(data, (size_t)(nul - data)),
                          "not a text ot_doc: a NUL byte at byte %zu",
                          (size_t)(nul - data) + 1);
    if (!sl_utf8_valid(data, len, &bad))
        return sl_fail_at(err, file, ot_line_of_offset(data, bad),
                          "not a text ot_doc: invalid UTF-8 at byte %zu", bad + 1);
    return 0;
}

int ot_read(const char *data, size_t len, const char *file, sl_inspection *out, sl_error *err,
            int (*read)(const ot_doc *doc, const char *file, sl_inspection *out, sl_error *err))
{
    sl_inspection_init(out);
    if (!file)
        file = "";
    if (ot_check_text(data, len, file, err) < 0)
        return -1;
    ot_doc doc;
    ot_split_lines(&doc, data, len);
    int rc = read(&doc, file, out, err);
    free(doc.lines);
    if (rc < 0)
        sl_inspection_free(out);
    return rc;
}
