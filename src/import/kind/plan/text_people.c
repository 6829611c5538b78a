/* text_people.c — initials, key individuals and lead cells (see text_people.h). */
#include "import/kind/plan/text_people.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/buf.h"
#include "util/mem.h"

/* One word of a name or lead cell. */
typedef struct {
    const char *text;
    size_t len;
} word;

/* A lead cell part with more words than this is kept whole. */
#define MAX_WORDS 16
/* A cell is split into at most this many parts; the rest stays whole in the last. */
#define MAX_LEADS 64

static const char *const titles[] = {"cllr", "clir", "councillor", "dr", "mr", "mrs",
                                     "ms",   "miss", "prof",       "sir", "dame"};
static const char *const particles[] = {"de", "del", "der", "da", "di", "du", "la", "le", "van", "von"};

/* Returns 1 when the word, ignoring case and a trailing full stop, is in the list. */
static int word_in(word w, const char *const *list, size_t n)
{
    size_t len = w.len && w.text[w.len - 1] == '.' ? w.len - 1 : w.len;
    for (size_t i = 0; i < n; i++)
        if (strlen(list[i]) == len && strncasecmp(list[i], w.text, len) == 0)
            return 1;
    return 0;
}

/* Returns 1 for a title written before a name ("Cllr"). */
static int is_title(word w)
{
    return word_in(w, titles, sizeof titles / sizeof titles[0]);
}

/* Returns 1 for a surname particle ("De" in "Teresa De Vito"). */
static int is_particle(word w)
{
    return word_in(w, particles, sizeof particles / sizeof particles[0]);
}

/* Returns 1 for a capitalised name word ("Negrini", "Harris-Baker",
 * "MacCormack"): a capital, then letters, hyphens or apostrophes, some lower case. */
static int is_name_word(word w)
{
    if (w.len < 2 || !isupper((unsigned char)w.text[0]))
        return 0;
    int lower = 0;
    for (size_t i = 1; i < w.len; i++) {
        unsigned char c = (unsigned char)w.text[i];
        if (islower(c))
            lower = 1;
        else if (!isupper(c) && c != '-' && c != '\'')
            return 0;
    }
    return lower;
}

/* Returns 1 for initials as plans write them ("BP", "JH-B"): two to six
 * capitals and hyphens, starting with a capital. */
static int is_initials(word w)
{
    if (w.len < 2 || w.len > 6 || !isupper((unsigned char)w.text[0]))
        return 0;
    for (size_t i = 1; i < w.len; i++)
        if (!isupper((unsigned char)w.text[i]) && w.text[i] != '-')
            return 0;
    return 1;
}

/* Splits n bytes of text into words at white space; returns the count (at
 * most max + 1, so that a caller can tell there were too many). */
static size_t split_words(const char *s, size_t n, word *words, size_t max)
{
    size_t count = 0;
    for (size_t i = 0; i < n;) {
        while (i < n && isspace((unsigned char)s[i]))
            i++;
        size_t start = i;
        while (i < n && !isspace((unsigned char)s[i]))
            i++;
        if (i > start) {
            if (count == max)
                return max + 1;
            words[count++] = (word){s + start, i - start};
        }
    }
    return count;
}

/* Appends the UTF-8 character opening s (n bytes) to out. */
static void copy_char(sl_buf *out, const char *s, size_t n)
{
    size_t len = 1;
    while (len < n && len < 4 && ((unsigned char)s[len] & 0xC0) == 0x80)
        len++;
    sl_buf_add(out, s, len);
}

char *sl_text_initials(const char *name)
{
    word words[MAX_WORDS];
    size_t n = split_words(name, strlen(name), words, MAX_WORDS);
    sl_buf out = SL_BUF_INIT;
    for (size_t i = 0; i < n && i < MAX_WORDS; i++) {
        if (is_title(words[i]))
            continue;
        for (size_t k = 0; k < words[i].len; k++) {
            unsigned char c = (unsigned char)words[i].text[k];
            int starts_part = k == 0 || words[i].text[k - 1] == '-';
            if (!starts_part)
                continue;
            if (k > 0 && out.len > 0)
                sl_buf_putc(&out, '-');
            if (isalpha(c))
                sl_buf_putc(&out, (char)toupper(c));
            else if (c >= 0xC0)
                copy_char(&out, words[i].text + k, words[i].len - k);
        }
    }
    return sl_buf_take(&out);
}

/* Finds where the people in a run of words begin and end: each is an
 * optional title, a given name, particles and a surname. Returns how many
 * people, with their word ranges in starts and ends, or 0 when the words
 * are not wholly names. */
static size_t segment_names(const word *w, size_t n, size_t *starts, size_t *ends)
{
    size_t people = 0;
    for (size_t i = 0; i < n;) {
        size_t begin = i;
        if (is_title(w[i]))
            i++;
        if (i >= n || !is_name_word(w[i]))
            return 0;
        i++;
        while (i + 1 < n && is_particle(w[i]) && is_name_word(w[i + 1]))
            i++;
        if (i >= n || !is_name_word(w[i]))
            return 0;
        i++;
        starts[people] = begin;
        ends[people++] = i;
    }
    return people;
}

/* Appends the words first..last-1 joined by single spaces to the leads, unless already there. */
static size_t add_lead(const word *w, size_t first, size_t last, char ***leads, size_t n)
{
    sl_buf b = SL_BUF_INIT;
    for (size_t i = first; i < last; i++) {
        if (i > first)
            sl_buf_putc(&b, ' ');
        sl_buf_add(&b, w[i].text, w[i].len);
    }
    for (size_t i = 0; i < n; i++) {
        if (strcmp((*leads)[i], sl_buf_str(&b)) == 0) {
            sl_buf_free(&b);
            return n;
        }
    }
    *leads = sl_realloc(*leads, (n + 1) * sizeof **leads);
    (*leads)[n++] = sl_buf_take(&b);
    return n;
}

/* Adds the people one part of a lead cell names: each of a run of
 * initials, each of a run of names when they can be told apart, else the
 * part whole. */
static size_t add_part(const char *s, size_t len, char ***leads, size_t n)
{
    word w[MAX_WORDS];
    size_t count = split_words(s, len, w, MAX_WORDS);
    if (count == 0)
        return n;
    if (count > MAX_WORDS) {
        word whole[1] = {{s, len}};
        return add_lead(whole, 0, 1, leads, n);
    }
    size_t initials = 0, starts[MAX_WORDS], ends[MAX_WORDS];
    for (size_t i = 0; i < count; i++)
        initials += (size_t)is_initials(w[i]);
    if (initials == count) {
        for (size_t i = 0; i < count; i++)
            n = add_lead(w, i, i + 1, leads, n);
        return n;
    }
    size_t people = segment_names(w, count, starts, ends);
    if (people < 2)
        return add_lead(w, 0, count, leads, n);
    for (size_t i = 0; i < people; i++)
        n = add_lead(w, starts[i], ends[i], leads, n);
    return n;
}

/* Returns the length of a joining word ("and", "with") standing alone at
 * s[i], or 0. */
static size_t joining_word(const char *s, size_t len, size_t i)
{
    static const char *const joins[] = {"and", "with"};
    if (i > 0 && !isspace((unsigned char)s[i - 1]))
        return 0;
    for (size_t k = 0; k < sizeof joins / sizeof joins[0]; k++) {
        size_t n = strlen(joins[k]);
        if (i + n <= len && strncasecmp(s + i, joins[k], n) == 0 &&
            (i + n == len || isspace((unsigned char)s[i + n])))
            return n;
    }
    return 0;
}

/* Returns 1 when the byte at s[i] has white space on at least one side
 * ("BP & JH-B" joins two people, "CN&SC" is one name). */
static int spaced(const char *s, size_t len, size_t i)
{
    return (i > 0 && isspace((unsigned char)s[i - 1])) || (i + 1 < len && isspace((unsigned char)s[i + 1]));
}

size_t sl_text_split_leads(const char *cell, char ***leads, size_t n)
{
    size_t len = strlen(cell), start = 0;
    int depth = 0;
    for (size_t i = 0; i < len; i++) {
        char c = cell[i];
        size_t cut = 0;
        if (c == '(')
            depth++;
        else if (c == ')' && depth > 0)
            depth--;
        else if (depth == 0 && (strchr(",;/\n", c) || ((c == '&' || c == '+') && spaced(cell, len, i))))
            cut = 1;
        else if (depth == 0)
            cut = joining_word(cell, len, i);
        if (cut && n + 1 < MAX_LEADS) {
            n = add_part(cell + start, i - start, leads, n);
            start = i + cut;
            i = start - 1;
        }
    }
    return add_part(cell + start, len - start, leads, n);
}

int sl_text_add_person(sl_plan *plan, const char *entry, long line)
{
    size_t len = strcspn(entry, ",(");
    const char *dash = strstr(entry, " - "), *en_dash = strstr(entry, " \xE2\x80\x93 ");
    if (dash && (size_t)(dash - entry) < len)
        len = (size_t)(dash - entry);
    if (en_dash && (size_t)(en_dash - entry) < len)
        len = (size_t)(en_dash - entry);
    word w[MAX_WORDS];
    size_t count = split_words(entry, len, w, MAX_WORDS), starts[MAX_WORDS], ends[MAX_WORDS];
    if (count > MAX_WORDS || segment_names(w, count, starts, ends) != 1)
        return -1;
    char *name = sl_strndup(w[0].text, (size_t)(w[count - 1].text + w[count - 1].len - w[0].text));
    char *initials = sl_text_initials(name);
    for (size_t i = 0; i < plan->n_people; i++) {
        if (strcmp(plan->people[i].initials, initials) == 0) {
            sl_findings_add(&plan->findings, SL_LINT_WARNING, "doubtful-row", "", line,
                            "%s and %s both have the initials %s: %s is read as %s", plan->people[i].name,
                            name, initials, initials, plan->people[i].name);
            free(name);
            free(initials);
            return 0;
        }
    }
    plan->people = sl_realloc(plan->people, (plan->n_people + 1) * sizeof *plan->people);
    plan->people[plan->n_people].initials = initials;
    plan->people[plan->n_people++].name = name;
    return 0;
}
