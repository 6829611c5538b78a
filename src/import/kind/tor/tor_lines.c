/* tor_lines.c — the lines of terms of reference: section headings, the
 * "Terms of Reference" heading, breaks between the papers of an agenda
 * pack, list items, people's names and empty places (see tor_internal.h). */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "import/kind/tor/tor_internal.h"
#include "import/kind/tor/tor_rules.h"
#include "util/buf.h"
#include "util/mem.h"

void tor_lines_split(const char *text, size_t len, long first_number, tor_lines *out)
{
    size_t cap = 0;
    out->lines = NULL;
    out->n = 0;
    size_t at = len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    long number = first_number;
    while (at < len) {
        const char *eol = memchr(text + at, '\n', len - at);
        size_t end = eol ? (size_t)(eol - text) : len;
        size_t n = end - at;
        if (n > 0 && text[at + n - 1] == '\r')
            n--;
        if (out->n == cap) {
            cap = cap ? cap * 2 : 64;
            out->lines = sl_realloc(out->lines, cap * sizeof *out->lines);
        }
        out->lines[out->n++] = (tor_line){{text + at, n}, number++};
        at = end + 1;
    }
}

void tor_lines_free(tor_lines *lines)
{
    free(lines->lines);
    lines->lines = NULL;
    lines->n = 0;
}

int tor_has_word(const char *s, size_t n, const char *word)
{
    size_t w = strlen(word);
    for (size_t i = 0; w > 0 && i + w <= n; i++) {
        if (strncasecmp(s + i, word, w) != 0)
            continue;
        int open = i == 0 || !isalnum((unsigned char)s[i - 1]);
        int close = i + w == n || !isalnum((unsigned char)s[i + w]);
        if (open && close)
            return 1;
    }
    return 0;
}

/* Returns the position of the first case-insensitive occurrence of needle in
 * the span, or -1. */
static long find_ci(sl_text_span s, const char *needle)
{
    size_t n = strlen(needle);
    for (size_t i = 0; n > 0 && i + n <= s.len; i++)
        if (strncasecmp(s.text + i, needle, n) == 0)
            return (long)i;
    return -1;
}

/* Returns the length of a leading word (ASCII, any case) followed by a space
 * or the end, or 0 when s does not open with it. */
static size_t opens_with(sl_text_span s, const char *word)
{
    size_t n = strlen(word);
    if (s.len < n || strncasecmp(s.text, word, n) != 0)
        return 0;
    return s.len == n || s.text[n] == ' ' || s.text[n] == '\t' ? n : 0;
}

/* Returns the length of a section number opening s ("4.", "4.1", "10)"),
 * followed by white space, or 0; *number gets its first part. */
static size_t numeral(sl_text_span s, int *number)
{
    size_t i = 0;
    int value = 0;
    while (i < s.len && (isdigit((unsigned char)s.text[i]) || s.text[i] == '.')) {
        if (isdigit((unsigned char)s.text[i]) && value < 1000 && !memchr(s.text, '.', i))
            value = value * 10 + (s.text[i] - '0');
        i++;
    }
    if (i < s.len && s.text[i] == ')')
        i++;
    if (i == 0 || !isdigit((unsigned char)s.text[0]) || i > 8 || (i < s.len && !isspace((unsigned char)s.text[i])))
        return 0;
    *number = value;
    return i;
}

/* Returns the length of a letter or roman numeral mark opening s ("a)",
 * "(b)", "iv.", "(ii)") followed by white space, or 0. */
static size_t letter_mark(sl_text_span s)
{
    size_t i = s.len > 0 && s.text[0] == '(' ? 1 : 0, start = i;
    if (i + 2 < s.len && isupper((unsigned char)s.text[i]) && (s.text[i + 1] == ')' || s.text[i + 1] == '.') &&
        isspace((unsigned char)s.text[i + 2]))
        return i + 2;
    while (i < s.len && i - start < 4 && islower((unsigned char)s.text[i]))
        i++;
    size_t letters = i - start;
    if (letters == 0 || i >= s.len || (s.text[i] != ')' && s.text[i] != '.'))
        return 0;
    if (letters > 1 && strspn(s.text + start, "ivx") < letters)
        return 0;
    i++;
    return i < s.len && isspace((unsigned char)s.text[i]) ? i : 0;
}

sl_text_span tor_strip_number(sl_text_span line, int *number)
{
    sl_text_span s = sl_text_trim(line);
    *number = 0;
    while (s.len > 0 && s.text[0] == '#')
        s = sl_text_trim((sl_text_span){s.text + 1, s.len - 1});
    if (s.len > 4 && memcmp(s.text, "**", 2) == 0 && memcmp(s.text + s.len - 2, "**", 2) == 0)
        s = sl_text_trim((sl_text_span){s.text + 2, s.len - 4});
    size_t skip = opens_with(s, "section") ? 7 : opens_with(s, "part") ? 4 : opens_with(s, "paragraph") ? 9 : 0;
    if (skip) {
        sl_text_span rest = sl_text_trim((sl_text_span){s.text + skip, s.len - skip});
        size_t n = numeral(rest, number);
        if (n == 0 && rest.len > 0 && isdigit((unsigned char)rest.text[0])) {
            for (n = 0; n < rest.len && isdigit((unsigned char)rest.text[n]); n++)
                *number = *number * 10 + (rest.text[n] - '0');
        }
        if (n > 0)
            return sl_text_trim((sl_text_span){rest.text + n, rest.len - n});
    }
    size_t n = numeral(s, number);
    if (n == 0)
        n = letter_mark(s);
    while (n < s.len && (s.text[n] == ':' || s.text[n] == '-'))
        n++;
    return sl_text_trim((sl_text_span){s.text + n, s.len - n});
}

/* The words that make a short line a section heading. */
static const struct {
    const char *word;
    tor_section section;
} heading_words[] = {
    {"purpose", TOR_SEC_PURPOSE},        {"purposes", TOR_SEC_PURPOSE},
    {"aim", TOR_SEC_PURPOSE},            {"aims", TOR_SEC_PURPOSE},
    {"objective", TOR_SEC_PURPOSE},      {"objectives", TOR_SEC_PURPOSE},
    {"vision", TOR_SEC_PURPOSE},         {"background", TOR_SEC_PURPOSE},
    {"introduction", TOR_SEC_PURPOSE},   {"context", TOR_SEC_PURPOSE},
    {"remit", TOR_SEC_PURPOSE},          {"membership", TOR_SEC_MEMBERSHIP},
    {"members", TOR_SEC_MEMBERSHIP},     {"composition", TOR_SEC_MEMBERSHIP},
    {"chair", TOR_SEC_CHAIR},            {"chairing", TOR_SEC_CHAIR},
    {"chairs", TOR_SEC_CHAIR},           {"chairperson", TOR_SEC_CHAIR},
    {"substitutes", TOR_SEC_SUBSTITUTES}, {"substitute", TOR_SEC_SUBSTITUTES},
    {"substitution", TOR_SEC_SUBSTITUTES}, {"substitutions", TOR_SEC_SUBSTITUTES},
    {"deputies", TOR_SEC_SUBSTITUTES},   {"deputising", TOR_SEC_SUBSTITUTES},
    {"frequency", TOR_SEC_MEETINGS},     {"meetings", TOR_SEC_MEETINGS},
    {"meeting", TOR_SEC_MEETINGS},       {"papers", TOR_SEC_PAPERS},
    {"agenda", TOR_SEC_PAPERS},          {"agendas", TOR_SEC_PAPERS},
    {"minutes", TOR_SEC_MINUTES},        {"administration", TOR_SEC_MINUTES},
    {"secretariat", TOR_SEC_MINUTES},    {"quorum", TOR_SEC_QUORUM},
    {"quoracy", TOR_SEC_QUORUM},         {"quorate", TOR_SEC_QUORUM},
    {"decision", TOR_SEC_QUORUM},        {"decisions", TOR_SEC_QUORUM},
    {"voting", TOR_SEC_QUORUM},          {"review", TOR_SEC_REVIEW},
    {"accountability", TOR_SEC_ACCOUNTABILITY}, {"accountabilities", TOR_SEC_ACCOUNTABILITY},
    {"reporting", TOR_SEC_ACCOUNTABILITY}, {"governance", TOR_SEC_ACCOUNTABILITY},
    {"relationships", TOR_SEC_ACCOUNTABILITY}, {"responsibilities", TOR_SEC_DUTIES},
    {"responsibility", TOR_SEC_DUTIES},  {"functions", TOR_SEC_DUTIES},
    {"duties", TOR_SEC_DUTIES},          {"scope", TOR_SEC_DUTIES},
    {"powers", TOR_SEC_DUTIES},          {"tasks", TOR_SEC_DUTIES},
    {"attendance", TOR_SEC_OTHER},       {"confidentiality", TOR_SEC_OTHER},
    {"conflicts", TOR_SEC_OTHER},        {"interests", TOR_SEC_OTHER},
    {"declarations", TOR_SEC_OTHER},     {"conduct", TOR_SEC_OTHER},
    {"principles", TOR_SEC_OTHER},       {"values", TOR_SEC_OTHER},
    {"equality", TOR_SEC_OTHER},         {"expenses", TOR_SEC_OTHER},
    {"communications", TOR_SEC_OTHER},   {"resources", TOR_SEC_OTHER},
    {"definitions", TOR_SEC_OTHER},      {"escalation", TOR_SEC_OTHER},
    {"role", TOR_SEC_NONE},              {"roles", TOR_SEC_NONE},
};

/* Words that make a line a sentence rather than a heading. */
static const char *const verbs[] = {"will", "shall", "is", "are", "be", "may", "must", "should",
                                    "meets", "can", "has", "have", "was", "were", NULL};

/* Returns the section the heading's words name: the first specific keyword,
 * else PURPOSE for "role", else NONE. */
static tor_section heading_kind(const sl_tor_words *w)
{
    int generic = 0;
    for (size_t i = 0; i < w->n; i++) {
        for (size_t k = 0; k < sizeof heading_words / sizeof *heading_words; k++) {
            if (strcmp(w->w[i], heading_words[k].word) != 0)
                continue;
            if (heading_words[k].section == TOR_SEC_NONE)
                generic = 1;
            else
                return heading_words[k].section;
        }
    }
    return generic ? TOR_SEC_PURPOSE : TOR_SEC_NONE;
}

tor_section tor_heading(sl_text_span line, int *number)
{
    sl_text_span s = tor_strip_number(line, number);
    while (s.len > 0 && s.text[s.len - 1] == ':')
        s.len--;
    if (s.len == 0 || s.len > 100 || !isupper((unsigned char)s.text[0]) || memchr(s.text, '\t', s.len))
        return TOR_SEC_NONE;
    char last = s.text[s.len - 1];
    if (last == '.' || last == ',' || last == ';')
        return TOR_SEC_NONE;
    sl_tor_words w;
    sl_tor_words_init(&w, s.text, s.len);
    tor_section kind = TOR_SEC_NONE;
    if (w.n <= 8 && sl_tor_find_word(&w, verbs) == w.n)
        kind = heading_kind(&w);
    sl_tor_words_free(&w);
    return kind;
}

/* Returns 1 when the words contain one of the list. */
static int any_word(sl_text_span s, const char *const *list)
{
    sl_tor_words w;
    sl_tor_words_init(&w, s.text, s.len);
    int found = sl_tor_find_word(&w, list) < w.n;
    sl_tor_words_free(&w);
    return found;
}

/* Returns the span without its parenthesised parts' contents (the text
 * before the first "("). */
static sl_text_span before_paren(sl_text_span s)
{
    const char *p = memchr(s.text, '(', s.len);
    return p ? (sl_text_span){s.text, (size_t)(p - s.text)} : s;
}

int tor_is_tor_heading(sl_text_span line)
{
    int number;
    sl_text_span s = tor_strip_number(line, &number);
    long at = find_ci(s, "terms of reference");
    if (at < 0 || s.len > 160 || !(isupper((unsigned char)s.text[0]) || isdigit((unsigned char)s.text[0])))
        return 0;
    char last = s.text[s.len - 1];
    if (last == '.' || last == ',' || last == ';')
        return 0;
    static const char *const before_verbs[] = {
        "its", "their", "our", "these", "those", "to", "agreed", "noted", "approved", "reviewed",
        "considered", "discussed", "received", "is", "are", "was", "were", "will", "would",
        "shall", "should", "has", "have", "had", "be", "see", "within", "under", "per", "in", NULL};
    static const char *const after_verbs[] = {"is", "are", "was", "were", "will", "would", "shall",
                                              "should", "has", "have", "had", "be", "been", NULL};
    sl_text_span before = {s.text, (size_t)at};
    size_t rest = (size_t)at + 18;
    sl_text_span after = before_paren((sl_text_span){s.text + rest, s.len - rest});
    sl_tor_words w;
    sl_tor_words_init(&w, before.text, before.len);
    size_t words = w.n;
    sl_tor_words_free(&w);
    return words <= 12 && !any_word(before, before_verbs) && !any_word(after, after_verbs) &&
           !strstr(s.text, "....") && find_ci(s, "\xE2\x80\xA6") < 0;
}

/* Returns 1 when an "Appendix"/"Annex" line introduces the terms or their
 * members rather than another paper. */
static int appendix_of_tor(sl_text_span s)
{
    return find_ci(s, "terms of reference") >= 0 || find_ci(s, "member") >= 0;
}

int tor_is_paper_break(sl_text_span line)
{
    sl_text_span s = sl_text_trim(line);
    if (s.len == 0 || s.len > 120 || s.text[s.len - 1] == '.')
        return 0;
    static const char *const openers[] = {"agenda item", "report to ", "report of the", "report title",
                                          "title of report", "report author", "date of meeting",
                                          "action log", "enclosure", "cover report", NULL};
    for (size_t i = 0; openers[i]; i++)
        if (s.len >= strlen(openers[i]) && strncasecmp(s.text, openers[i], strlen(openers[i])) == 0)
            return 1;
    if ((opens_with(s, "appendix") || opens_with(s, "annex")) && !appendix_of_tor(s))
        return 1;
    if (opens_with(s, "item") && s.len > 5 && isdigit((unsigned char)s.text[5]))
        return 1;
    int minutes = strncasecmp(s.text, "minutes of", 10) == 0 || strncasecmp(s.text, "notes of", 8) == 0 ||
                  strncasecmp(s.text, "draft minutes of", 16) == 0;
    return minutes && (tor_has_word(s.text, s.len, "held") || strpbrk(s.text, "0123456789") != NULL);
}

int tor_list_item(sl_text_span line, sl_text_span *item)
{
    static const char *const marks[] = {
        "\xE2\x80\xA2", "\xE2\x97\xBC", "\xE2\x96\xAA", "\xE2\x96\xA0", "\xE2\x97\x8F", "\xE2\x97\xA6",
        "\xE2\x97\x8B", "\xE2\x9E\xA2", "\xE2\x96\xBA", "\xEF\x82\xB7", "\xEF\x82\xA7", "\xC2\xB7",
        "\xE2\x80\x93 ", "\xE2\x80\x94 ", "- ", "* ", "o ", "o\t", "> ", NULL};
    sl_text_span s = sl_text_trim(line);
    for (size_t i = 0; marks[i]; i++) {
        size_t n = strlen(marks[i]);
        if (s.len > n && memcmp(s.text, marks[i], n) == 0) {
            *item = sl_text_trim((sl_text_span){s.text + n, s.len - n});
            return item->len > 0;
        }
    }
    size_t n = letter_mark(s);
    if (n > 0) {
        *item = sl_text_trim((sl_text_span){s.text + n, s.len - n});
        return item->len > 0;
    }
    return 0;
}

char *tor_copy(sl_text_span span)
{
    sl_text_span s = sl_text_trim(span);
    sl_buf b = SL_BUF_INIT;
    int space = 0;
    for (size_t i = 0; i < s.len; i++) {
        unsigned char c = (unsigned char)s.text[i];
        int nbsp = c == 0xC2 && i + 1 < s.len && (unsigned char)s.text[i + 1] == 0xA0;
        if (isspace(c) || nbsp) {
            space = 1;
            i += (size_t)nbsp;
            continue;
        }
        if (space)
            sl_buf_putc(&b, ' ');
        space = 0;
        sl_buf_putc(&b, (char)c);
    }
    if (b.len == 0)
        sl_buf_puts(&b, "");
    return sl_buf_take(&b);
}

int tor_label_line(sl_text_span line, sl_text_span *label, sl_text_span *value)
{
    int number;
    sl_text_span s = tor_strip_number(line, &number);
    size_t cut = 0, skip = 0;
    for (size_t i = 0; i < s.len && i < 60 && !cut; i++) {
        if (s.text[i] == ':' || s.text[i] == '\t')
            cut = i, skip = 1;
        else if (s.text[i] == ' ' && i + 1 < s.len && s.text[i + 1] == ' ' && i > 0 && s.text[i - 1] != '.')
            cut = i, skip = 2;
    }
    if (cut == 0)
        return 0;
    *label = sl_text_trim((sl_text_span){s.text, cut});
    *value = sl_text_trim((sl_text_span){s.text + cut + skip, s.len - cut - skip});
    int ignored;
    return value->len > 0 && label->len > 0 && tor_heading(*label, &ignored) != TOR_SEC_NONE;
}

int tor_page_line(sl_text_span line)
{
    sl_text_span s = sl_text_trim(line);
    if (opens_with(s, "page"))
        s = sl_text_trim((sl_text_span){s.text + 4, s.len - 4});
    else if (s.len == 0 || !isdigit((unsigned char)s.text[0]))
        return 0;
    size_t digits = 0;
    for (size_t i = 0; i < s.len; i++) {
        if (isdigit((unsigned char)s.text[i]))
            digits++;
        else if (i + 1 < s.len && strncasecmp(s.text + i, "of", 2) == 0)
            i++;
        else if (s.text[i] != ' ')
            return 0;
    }
    return digits > 0 && digits <= 8;
}
