/* tor_people.c — names, empty places and chair sentences in terms of
 * reference (see tor_internal.h). */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "import/kind/tor/tor_internal.h"
#include "import/kind/tor/tor_rules.h"
#include "util/buf.h"
#include "util/mem.h"

/* Words of job titles and bodies: a text holding one is not a person. */
static const char *const role_words[] = {
    "director", "directors", "head", "chief", "officer", "officers", "manager", "lead", "leads",
    "leader", "member", "members", "chair", "chairman", "vice", "council", "services", "service",
    "board", "police", "health", "executive", "cabinet", "children", "childrens", "education",
    "safeguarding", "assistant", "deputy", "principal", "designated", "named", "nurse", "doctor",
    "superintendent", "inspector", "representative", "representatives", "headteacher",
    "partnership", "group", "trust", "commissioner", "independent", "strategic", "corporate",
    "social", "care", "youth", "early", "help", "quality", "assurance", "finance", "lay", "elected",
    "voluntary", "sector", "adviser", "advisor", "improvement", "team", "practice", "governor",
    "secretary", "clerk", "portfolio", "holder", "mayor", "borough", "county", "city", "district",
    "nhs", "school", "schools", "college", "university", "department", "public", "protection",
    "community", "family", "families", "young", "people", "adult", "adults", "housing", "legal",
    "operations", "performance", "partner", "partners", "agency", "national", "regional", "local",
    "authority", "integrated", "clinical", "probation", "justice", "office", "workforce",
    "development", "scrutiny", "committee", "forum", "provider", "parent", "parents", "carer",
    "carers", "general", "medical", "practitioner", "consultant", "detective", "constable",
    "sergeant", "coordinator", "administrator", "programme", "project", "transformation",
    "strategy", "policy", "planning", "commissioning", "business", "support", "unit", "ofsted",
    "dfe", "appointed", "tbc", "vacant", "police", "constabulary", "fire", "rescue", "hospital",
    "foundation", "commissioners", "the", "all", "other", "two", "three", NULL};

/* Personal titles a name may open with. */
static const char *const titles[] = {"cllr", "clir", "councillor", "dr", "mr", "mrs", "ms", "miss",
                                     "mx", "prof", "professor", "sir", "dame", "rev", "revd",
                                     "lord", "lady", "baroness", "dci", "det", NULL};

/* Returns 1 when the word (n bytes) equals one of the list, ignoring case
 * and a trailing full stop or apostrophe-s. */
static int word_listed(const char *s, size_t n, const char *const *list)
{
    while (n > 0 && (s[n - 1] == '.' || s[n - 1] == ','))
        n--;
    if (n > 2 && s[n - 2] == '\'' && (s[n - 1] == 's' || s[n - 1] == 'S'))
        n -= 2;
    if (n > 4 && memcmp(s + n - 4, "\xE2\x80\x99s", 4) == 0)
        n -= 4;
    for (size_t i = 0; list[i]; i++)
        if (strlen(list[i]) == n && strncasecmp(list[i], s, n) == 0)
            return 1;
    return 0;
}

/* Returns 1 for one word of a name: a capital, then letters (any UTF-8),
 * hyphens or apostrophes with some lower case; or an initial ("J", "J."). */
static int name_word(const char *s, size_t n)
{
    if (n == 0 || !isupper((unsigned char)s[0]))
        return 0;
    if (n == 1 || (n == 2 && s[1] == '.'))
        return 1;
    int lower = 0;
    for (size_t i = 1; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (islower(c) || c >= 0x80)
            lower = 1;
        else if (!isupper(c) && c != '-' && c != '\'')
            return 0;
    }
    return lower;
}

/* Returns 1 for a surname particle ("de", "van"). */
static int particle(const char *s, size_t n)
{
    static const char *const list[] = {"de", "del", "der", "da", "di", "du", "la", "le", "van", "von",
                                       "bin", "al", NULL};
    return word_listed(s, n, list) && islower((unsigned char)s[0]);
}

/* Returns 1 for post-nominal letters written after a name ("OBE"). */
static int post_nominal(const char *s, size_t n)
{
    static const char *const list[] = {"obe", "mbe", "cbe", "qpm", "kbe", "dbe", "frsa", "phd", NULL};
    return word_listed(s, n, list) && isupper((unsigned char)s[0]);
}

int tor_is_person(sl_text_span text)
{
    sl_text_span s = sl_text_trim(text);
    size_t names = 0, words = 0, i = 0;
    while (i < s.len) {
        while (i < s.len && (s.text[i] == ' ' || s.text[i] == '\t'))
            i++;
        size_t start = i;
        while (i < s.len && s.text[i] != ' ' && s.text[i] != '\t')
            i++;
        if (i == start)
            break;
        const char *w = s.text + start;
        size_t n = i - start;
        words++;
        if (word_listed(w, n, role_words))
            return 0;
        if (words == 1 && word_listed(w, n, titles))
            continue;
        if (name_word(w, n))
            names++;
        else if (!particle(w, n) && !(names >= 2 && post_nominal(w, n)))
            return 0;
    }
    return names >= 2 && names <= 5;
}

int tor_is_vacant(sl_text_span text)
{
    static const char *const marks[] = {"tbc", "tba", "t.b.c", "t.b.c.", "to be confirmed",
                                        "to be appointed", "to be agreed", "to be nominated",
                                        "vacant", "vacancy", "post vacant", "currently vacant",
                                        "vacant post", "not yet appointed", "tbc.", NULL};
    sl_text_span s = sl_text_trim(text);
    while (s.len > 0 && (s.text[0] == '(' || s.text[0] == '['))
        s = sl_text_trim((sl_text_span){s.text + 1, s.len - 1});
    while (s.len > 0 && strchr(")].,;", s.text[s.len - 1]))
        s = sl_text_trim((sl_text_span){s.text, s.len - 1});
    for (size_t i = 0; marks[i]; i++)
        if (strlen(marks[i]) == s.len && strncasecmp(marks[i], s.text, s.len) == 0)
            return 1;
    return 0;
}

/* ---- the chair named in a sentence ---- */

/* Returns the lower-case significant words of text joined by spaces (the,
 * a, an, of, and, for, chair dropped); the caller frees it. */
static char *key_words(const char *text, size_t len)
{
    static const char *const skip[] = {"the", "a", "an", "of", "and", "for", "s", "board", NULL};
    sl_tor_words w;
    sl_tor_words_init(&w, text, len);
    sl_buf b = SL_BUF_INIT;
    for (size_t i = 0; i < w.n; i++) {
        int skipped = 0;
        for (size_t k = 0; skip[k] && !skipped; k++)
            skipped = strcmp(w.w[i], skip[k]) == 0;
        if (!skipped)
            sl_buf_printf(&b, " %s ", w.w[i]);
    }
    sl_tor_words_free(&w);
    return sl_buf_take(&b);
}

/* Returns 1 when who (key words) is one word that is the initials of the
 * role's key words ("dcs" for "Director of Children's Services"). */
static int acronym_of(const char *who, const char *role)
{
    while (*who == ' ')
        who++;
    size_t n = strcspn(who, " ");
    if (n < 2 || n > 6 || who[n + strspn(who + n, " ")] != '\0')
        return 0;
    char *words = key_words(role, strlen(role));
    size_t k = 0;
    int same = 1;
    for (const char *p = words; *p && same; p++) {
        if (*p == ' ' || (p > words && p[-1] != ' '))
            continue;
        same = k < n && *p == who[k];
        k++;
    }
    free(words);
    return same && k == n;
}

/* Returns 1 when every key word of who appears among the key words of the
 * member's role or name, or who is the role's initials ("DCS"). */
static int member_matches(const sl_board_member *m, const char *who)
{
    char *have = key_words(m->role, strlen(m->role));
    if (m->name) {
        char *name = key_words(m->name, strlen(m->name));
        size_t n = strlen(have);
        have = sl_realloc(have, n + strlen(name) + 1);
        memcpy(have + n, name, strlen(name) + 1);
        free(name);
    }
    int all = *who != '\0';
    for (const char *p = who; *p && all;) {
        while (*p == ' ')
            p++;
        size_t n = strcspn(p, " ");
        if (n == 0)
            break;
        char *needle = sl_calloc(n + 3);
        needle[0] = ' ';
        memcpy(needle + 1, p, n);
        needle[n + 1] = ' ';
        all = strstr(have, needle) != NULL;
        free(needle);
        p += n;
    }
    free(have);
    return all || acronym_of(who, m->role);
}

void tor_flag_chair(sl_board *board, sl_text_span who, int vice, long line, sl_findings *findings)
{
    char *key = key_words(who.text, who.len);
    for (size_t i = 0; *key && i < board->n_members; i++) {
        if (member_matches(&board->members[i], key)) {
            if (vice)
                board->members[i].vice_chair = 1;
            else
                board->members[i].chair = 1;
            free(key);
            return;
        }
    }
    free(key);
    sl_findings_add(findings, SL_LINT_WARNING, "unparsed-row", "", line,
                    "the %s named here is not among the members read: '%.*s'",
                    vice ? "vice-chair" : "chair", (int)(who.len > 120 ? 120 : who.len), who.text);
}

/* Returns the position just after the first case-insensitive occurrence of
 * pattern in s, or 0 when absent; *at gets where it starts. */
static size_t after_phrase(sl_text_span s, const char *pattern, size_t *at)
{
    size_t n = strlen(pattern);
    for (size_t i = 0; n > 0 && i + n <= s.len; i++) {
        if (strncasecmp(s.text + i, pattern, n) == 0 &&
            (i == 0 || !isalpha((unsigned char)pattern[0]) ||
             (!isalpha((unsigned char)s.text[i - 1]) && s.text[i - 1] != '-'))) {
            *at = i;
            return i + n;
        }
    }
    return 0;
}

/* Returns the words of s from pos up to the end of the clause (full stop,
 * comma, semicolon, " and ", " who ", " or ", "("), without a leading "the". */
static sl_text_span clause_from(sl_text_span s, size_t pos)
{
    sl_text_span rest = sl_text_trim((sl_text_span){s.text + pos, s.len - pos});
    size_t end = strcspn(rest.text, ".,;(");
    if (end > rest.len)
        end = rest.len;
    static const char *const stops[] = {" and ", " who ", " or ", " with ", " on behalf", NULL};
    for (size_t k = 0; stops[k]; k++) {
        size_t at;
        if (after_phrase((sl_text_span){rest.text, end}, stops[k], &at) > 0 && at < end)
            end = at;
    }
    return sl_text_trim((sl_text_span){rest.text, end});
}

/* Returns the words before "is the vice-chair" / "as vice-chair" from the
 * last ", ", " with " or " and " on ("The Board is chaired by the DCS, with
 * the Lead Member as Vice-Chair" gives "the Lead Member"). */
static sl_text_span last_clause(sl_text_span s)
{
    static const char *const cuts[] = {", ", " with ", " and ", NULL};
    size_t from = 0;
    for (size_t i = 0; i < s.len; i++)
        for (size_t k = 0; cuts[k]; k++)
            if (i + strlen(cuts[k]) <= s.len && strncasecmp(s.text + i, cuts[k], strlen(cuts[k])) == 0)
                from = i + strlen(cuts[k]);
    return sl_text_trim((sl_text_span){s.text + from, s.len - from});
}

/* Returns 1 when the words after "chaired by" name someone ("the Leader",
 * "an independent chair", "Jane Smith") rather than say how ("elected by"). */
static int names_someone(sl_text_span who)
{
    if (isupper((unsigned char)who.text[0]))
        return 1;
    return strncasecmp(who.text, "the ", 4) == 0 || strncasecmp(who.text, "an ", 3) == 0 ||
           strncasecmp(who.text, "a ", 2) == 0;
}

/* Returns 1 unless the phrase at byte at of s is "chaired by" without a
 * verb before it ("reports to the Improvement Board chaired by the Chief
 * Executive" speaks of another board; "The Board will be chaired by" and
 * "Meetings are chaired by" of this one). */
static int passive(const char *s, size_t at, const char *phrase)
{
    static const char *const verbs[] = {"be", "is", "are", "been", "was", "being", "and", NULL};
    if (!strstr(phrase, "chaired by"))
        return 1;
    size_t end = at;
    while (end > 0 && isspace((unsigned char)s[end - 1]))
        end--;
    size_t start = end;
    while (start > 0 && isalpha((unsigned char)s[start - 1]))
        start--;
    for (size_t k = 0; verbs[k]; k++)
        if (strlen(verbs[k]) == end - start && strncasecmp(s + start, verbs[k], end - start) == 0)
            return 1;
    return 0;
}

/* Returns 1 when "is the chair" at pos goes on "of" another body ("is the
 * chair of the Safeguarding Partnership"), not of this board. */
static int of_another_body(sl_text_span s, size_t pos)
{
    sl_text_span rest = sl_text_trim((sl_text_span){s.text + pos, s.len - pos});
    if (rest.len < 3 || strncasecmp(rest.text, "of ", 3) != 0)
        return 0;
    return !(rest.len >= 12 && (strncasecmp(rest.text, "of the board", 12) == 0 ||
                                strncasecmp(rest.text, "of this", 7) == 0));
}

int tor_chair_sentence(sl_text_span sentence, long line, sl_board *board, sl_findings *findings)
{
    static const struct { const char *phrase; int vice, subject_first; } forms[] = {
        {" is the vice-chair", 1, 1},  {" is the vice chair", 1, 1},  {" will be the vice-chair", 1, 1},
        {" will be the vice chair", 1, 1}, {" will be vice-chair", 1, 1}, {" is vice-chair", 1, 1},
        {" will act as vice-chair", 1, 1}, {" as vice-chair", 1, 1},  {" as vice chair", 1, 1}, {" is the chair", 0, 1},  {" will be the chair", 0, 1},
        {" will chair the", 0, 1},     {" is chair", 0, 1},           {"vice-chaired by ", 1, 0},
        {"vice chaired by ", 1, 0},    {"the vice-chair will be ", 1, 0}, {"the vice chair will be ", 1, 0},
        {"the vice-chair is ", 1, 0},  {"chaired by ", 0, 0},         {"the chair will be ", 0, 0},
        {"the chair is ", 0, 0},       {"the chair of the board will be ", 0, 0},
    };
    sl_text_span s = sl_text_trim(sentence);
    int named = 0, done[2] = {0, 0};
    for (size_t k = 0; k < sizeof forms / sizeof *forms; k++) {
        size_t at, end = done[forms[k].vice] ? 0 : after_phrase(s, forms[k].phrase, &at);
        if (end == 0 || (forms[k].subject_first && of_another_body(s, end)))
            continue;
        sl_text_span who = forms[k].subject_first ? last_clause((sl_text_span){s.text, at})
                                                   : clause_from(s, end);
        if (who.len == 0 || who.len > 200 ||
            (!forms[k].subject_first && (!names_someone(who) || !passive(s.text, at, forms[k].phrase))))
            continue;
        tor_flag_chair(board, who, forms[k].vice, line, findings);
        named = done[forms[k].vice] = 1;
    }
    return named;
}
