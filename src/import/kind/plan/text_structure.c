/* text_structure.c — headings, lists and plan identity (see text_structure.h). */
#include "import/kind/plan/text_structure.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "util/mem.h"

/* Headings and titles longer than this are prose. */
#define MAX_HEADING 120

/* Returns 1 when span starts with the words, ignoring case; *rest gets what follows. */
static int starts_with(sl_text_span s, const char *words, sl_text_span *rest)
{
    size_t n = strlen(words);
    if (s.len < n || strncasecmp(s.text, words, n) != 0)
        return 0;
    if (rest)
        *rest = (sl_text_span){s.text + n, s.len - n};
    return 1;
}

/* Reads a number of at most three digits at the start of s; returns it
 * (0 when none) and moves s past it. */
static int take_number(sl_text_span *s)
{
    int number = 0;
    size_t i = 0;
    while (i < s->len && i < 3 && isdigit((unsigned char)s->text[i]))
        number = number * 10 + (s->text[i++] - '0');
    if (i < s->len && isdigit((unsigned char)s->text[i]))
        return 0;
    s->text += i;
    s->len -= i;
    return number;
}

/* Moves s past any of the given punctuation characters and white space. */
static void skip_chars(sl_text_span *s, const char *chars)
{
    while (s->len > 0 && (strchr(chars, s->text[0]) || isspace((unsigned char)s->text[0]))) {
        s->text++;
        s->len--;
    }
}

int sl_text_recommendation_heading(sl_text_span line, int *number, sl_text_span *text)
{
    sl_text_span s = sl_text_trim(line);
    if (!starts_with(s, "area for improvement", &s) && !starts_with(s, "recommendation", &s))
        return 0;
    skip_chars(&s, "(");
    *number = take_number(&s);
    if (*number == 0)
        return 0;
    skip_chars(&s, "):.-");
    *text = sl_text_trim(s);
    return 1;
}

int sl_text_area_heading(sl_text_span line, int *number, sl_text_span *title)
{
    sl_text_span s = sl_text_trim(line);
    if (s.len > MAX_HEADING)
        return 0;
    *number = take_number(&s);
    if (*number == 0 || *number > 99 || s.len < 4 || s.text[0] != '.' || s.text[1] != ' ')
        return 0;
    s.text++;
    s.len--;
    s = sl_text_trim(s);
    char last = s.len ? s.text[s.len - 1] : '.';
    if (s.len < 3 || !isupper((unsigned char)s.text[0]) || strchr(".;:,", last))
        return 0;
    *title = s;
    return 1;
}

int sl_text_outcomes_heading(sl_text_span line)
{
    static const char *const headings[] = {"key outcomes", "outcomes", "intended outcomes"};
    sl_text_span s = sl_text_trim(line);
    if (s.len && s.text[s.len - 1] == ':')
        s.len--;
    for (size_t i = 0; i < sizeof headings / sizeof headings[0]; i++)
        if (s.len == strlen(headings[i]) && strncasecmp(s.text, headings[i], s.len) == 0)
            return 1;
    return 0;
}

int sl_text_people_heading(sl_text_span line)
{
    sl_text_span s = sl_text_trim(line);
    return s.len <= MAX_HEADING &&
           (starts_with(s, "key individuals", NULL) || starts_with(s, "key people", NULL));
}

int sl_text_list_item(sl_text_span line, sl_text_span *item)
{
    static const char *const marks[] = {"- ", "* ", "\xE2\x80\xA2", "\xE2\x80\x93 ", "\xE2\x97\x8F"};
    sl_text_span s = sl_text_trim(line);
    for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++) {
        sl_text_span rest;
        if (starts_with(s, marks[i], &rest)) {
            *item = sl_text_trim(rest);
            return item->len > 0;
        }
    }
    return 0;
}

int sl_text_subheading(sl_text_span line)
{
    sl_text_span s = sl_text_trim(line);
    size_t letters = 0;
    if (s.len < 3 || s.len > MAX_HEADING || !isupper((unsigned char)s.text[0]))
        return 0;
    for (size_t i = 0; i < s.len; i++) {
        if (islower((unsigned char)s.text[i]))
            return 0;
        letters += isupper((unsigned char)s.text[i]) != 0;
    }
    return letters >= 3;
}

int sl_text_title_line(sl_text_span line)
{
    sl_text_span s = sl_text_trim(line);
    if (s.len < 4 || s.len > MAX_HEADING || memchr(s.text, '\t', s.len))
        return 0;
    for (size_t i = 0; i + 4 <= s.len; i++)
        if (strncasecmp(s.text + i, "plan", 4) == 0)
            return 1;
    return 0;
}

int sl_text_generic_title(const char *title)
{
    static const char *const generic[] = {
        "la", "local", "authority", "council", "councils", "our", "the", "a", "an", "ofsted",
        "action", "actions", "improvement", "plan", "children", "childrens", "children's",
        "services", "service", "social", "care", "transitional", "continuous", "post", "inspection",
        "and", "of", "for", "draft", "updated", "update",
    };
    const char *p = title;
    while (*p) {
        while (*p && !isalnum((unsigned char)*p) && *p != '\'')
            p++;
        const char *word = p;
        while (*p && (isalnum((unsigned char)*p) || *p == '\''))
            p++;
        size_t n = (size_t)(p - word), k = 0;
        if (n == 0)
            continue;
        while (k < sizeof generic / sizeof generic[0] &&
               (strlen(generic[k]) != n || strncasecmp(word, generic[k], n) != 0))
            k++;
        if (k == sizeof generic / sizeof generic[0])
            return 0;
    }
    return 1;
}

char *sl_text_title_from_sentence(sl_text_span line)
{
    static const char *const tails[] = {" in response to ", " following ", " for ", " ("};
    sl_text_span s = sl_text_trim(line);
    if (s.len > 400 || memchr(s.text, '\t', s.len))
        return NULL;
    for (size_t i = 0; i + 4 <= s.len && i < MAX_HEADING; i++) {
        if (strncasecmp(s.text + i, "plan", 4) != 0 || (i + 4 < s.len && isalnum((unsigned char)s.text[i + 4])))
            continue;
        for (size_t t = 0; t < sizeof tails / sizeof tails[0]; t++) {
            size_t n = strlen(tails[t]);
            if (i + 4 + n <= s.len && strncasecmp(s.text + i + 4, tails[t], n) == 0)
                return sl_strndup(s.text, i + 4);
        }
    }
    return NULL;
}

/* Returns 1 when text contains the words, ignoring case. */
static int contains(const char *text, const char *words)
{
    size_t n = strlen(words);
    for (const char *p = text; *p; p++)
        if (strncasecmp(p, words, n) == 0)
            return 1;
    return 0;
}

const char *sl_text_plan_kind(const char *title)
{
    static const char *const kinds[] = {
        "continuous improvement plan", "transitional action plan", "post-inspection action plan",
        "improvement plan",            "action plan",
    };
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
        if (contains(title, kinds[i]))
            return kinds[i];
    return "";
}

char *sl_text_version_label(const char *title)
{
    for (const char *p = title; *p; p++) {
        int starts_word = p == title || isspace((unsigned char)p[-1]) || p[-1] == '(';
        if (!starts_word || (*p != 'v' && *p != 'V') || !isdigit((unsigned char)p[1]))
            continue;
        size_t n = 1;
        while (isdigit((unsigned char)p[n]) || (p[n] == '.' && isdigit((unsigned char)p[n + 1])))
            n++;
        if (!isalpha((unsigned char)p[n]))
            return sl_strndup(p, n);
    }
    return sl_strdup("");
}

size_t sl_text_area_names(sl_text_span line, char **names, size_t max)
{
    sl_text_span s = sl_text_trim(line), rest = {NULL, 0};
    for (size_t i = 0; i + 6 <= s.len && !rest.text; i++)
        if (strncasecmp(s.text + i, "areas", 5) == 0 && (s.text[i + 5] == ';' || s.text[i + 5] == ':'))
            rest = (sl_text_span){s.text + i + 6, s.len - i - 6};
    if (!rest.text)
        return 0;
    const char *stop = memchr(rest.text, '.', rest.len);
    if (stop)
        rest.len = (size_t)(stop - rest.text);
    size_t n = 0, start = 0;
    for (size_t i = 0; i <= rest.len && n < max; i++) {
        size_t cut = i == rest.len || rest.text[i] == ',' ? 1
                     : i + 5 <= rest.len && strncasecmp(rest.text + i, " and ", 5) == 0 ? 5
                                                                                     : 0;
        if (!cut)
            continue;
        sl_text_span name = sl_text_trim((sl_text_span){rest.text + start, i - start});
        if (name.len > 0 && name.len <= 40)
            names[n++] = sl_strndup(name.text, name.len);
        start = i + cut;
        i = start - 1;
    }
    return n;
}
