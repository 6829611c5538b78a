/* tor_text.c — reading terms of reference into a board (see tor_text.h):
 * the part of the text they fill, the board's name and kind, the date they
 * were adopted, the members (tor_members.c) and the rules (tor_sentences.c,
 * tor_rules.c). */
#include "import/kind/tor/tor_text.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "import/kind/tor/tor_internal.h"
#include "import/kind/tor/tor_rules.h"
#include "import/kind/tor/tor_sections.h"
#include "util/buf.h"
#include "util/mem.h"

/* ---- the board's name ---- */

/* Returns the span without a leading "Appendix 2 –", "Annex B:", "Item 5."
 * label. */
static sl_text_span strip_label(sl_text_span s)
{
    const char *mark = memchr(s.text, ':', s.len < 40 ? s.len : 40);
    if (!mark)
        mark = memchr(s.text, '\t', s.len < 40 ? s.len : 40);
    if (mark) {
        /* "Name of group:", "Board:<TAB>": a short label before the name */
        sl_text_span label = {s.text, (size_t)(mark - s.text)}, rest = {mark + 1, (size_t)(s.text + s.len - mark - 1)};
        size_t words = 1;
        for (size_t i = 0; i < label.len; i++)
            words += label.text[i] == ' ';
        if (words <= 3 && !tor_has_word(label.text, label.len, "reference") && tor_title_line(sl_text_trim(rest)))
            return sl_text_trim(rest);
    }
    static const char *const labels[] = {"appendix", "annex", "item", "agenda item", "enclosure", NULL};
    for (size_t k = 0; labels[k]; k++) {
        size_t n = strlen(labels[k]);
        if (s.len <= n + 1 || strncasecmp(s.text, labels[k], n) != 0 || s.text[n] != ' ')
            continue;
        size_t i = n + 1;
        while (i < s.len && s.text[i] != ' ' && s.text[i] != ':')
            i++;
        return sl_text_trim((sl_text_span){s.text + i, s.len - i});
    }
    return s;
}

/* Returns the span without joining words and marks at either end (":",
 * "–", "-", "for the", "of the", "'s"). */
static sl_text_span strip_joins(sl_text_span s)
{
    static const char *const heads[] = {":", "-", "\xE2\x80\x93", "\xE2\x80\x94", ",", "for the ", "of the ",
                                        "for ", "of ", NULL};
    static const char *const tails[] = {":", "-", "\xE2\x80\x93", "\xE2\x80\x94", ",", "'s", "\xE2\x80\x99s",
                                        " the", " draft", NULL};
    for (int changed = 1; changed && s.len > 0;) {
        changed = 0;
        s = sl_text_trim(s);
        for (size_t k = 0; heads[k]; k++) {
            size_t n = strlen(heads[k]);
            if (s.len >= n && strncasecmp(s.text, heads[k], n) == 0) {
                s = (sl_text_span){s.text + n, s.len - n};
                changed = 1;
            }
        }
        for (size_t k = 0; tails[k]; k++) {
            size_t n = strlen(tails[k]);
            if (s.len >= n && strncasecmp(s.text + s.len - n, tails[k], n) == 0) {
                s.len -= n;
                changed = 1;
            }
        }
    }
    return sl_text_trim(s);
}

/* Returns the text of a title with its parentheses removed; the caller frees it. */
static char *drop_parens(sl_text_span s)
{
    sl_buf b = SL_BUF_INIT;
    int depth = 0;
    for (size_t i = 0; i < s.len; i++) {
        if (s.text[i] == '(')
            depth++;
        else if (s.text[i] == ')' && depth > 0)
            depth--;
        else if (depth == 0)
            sl_buf_putc(&b, s.text[i]);
    }
    return sl_buf_take(&b);
}

/* Returns the board's name a title line gives ("CHILDREN'S IMPROVEMENT
 * BOARD", "Terms of Reference: Improvement Board", "Appendix 2 – Programme
 * Board Terms of Reference"), or NULL; the caller frees it. */
static char *name_from_title(sl_text_span line)
{
    int number;
    char *plain = drop_parens(tor_strip_number(line, &number));
    sl_text_span s = strip_label(sl_text_trim((sl_text_span){plain, strlen(plain)}));
    char *name = NULL;
    const char *tor = NULL;
    for (size_t i = 0; i + 18 <= s.len && !tor; i++)
        if (strncasecmp(s.text + i, "terms of reference", 18) == 0)
            tor = s.text + i;
    sl_text_span parts[2] = {s, {NULL, 0}};
    if (tor) {
        parts[0] = (sl_text_span){s.text, (size_t)(tor - s.text)};
        parts[1] = (sl_text_span){tor + 18, (size_t)(s.text + s.len - tor - 18)};
    }
    for (int k = 0; k < 2 && !name; k++) {
        sl_text_span part = strip_joins(parts[k]);
        if (part.len > 0 && tor_title_line(part))
            name = tor_copy(part);
    }
    free(plain);
    return name;
}

/* Returns 1 for a capitalised word of a name or a joining word inside one. */
static int name_run_word(const char *w, size_t n, int *capital)
{
    static const char *const joins[] = {"of", "and", "for", "&", "the", "in", "on", NULL};
    *capital = n > 0 && isupper((unsigned char)w[0]);
    if (*capital)
        return 1;
    for (size_t k = 0; joins[k]; k++)
        if (strlen(joins[k]) == n && memcmp(joins[k], w, n) == 0)
            return 1;
    return 0;
}

/* Returns the name in "The X Board (the Board) …" at s (just after "The "),
 * or NULL; the caller frees it. */
static char *name_run(const char *s, const char *end, int need_paren)
{
    const char *p = s, *last_end = s;
    int capitals = 0;
    while (p < end) {
        size_t n = 0;
        while (p + n < end && p[n] != ' ' && p[n] != '\t' && p[n] != '(' && p[n] != ',' && p[n] != '.')
            n++;
        int capital;
        if (n == 0 || !name_run_word(p, n, &capital))
            break;
        if (capital) {
            capitals++;
            last_end = p + n;
        }
        p += n;
        if (p >= end || *p != ' ')
            break;
        p++;
    }
    sl_text_span run = {s, (size_t)(last_end - s)};
    const char *after = last_end;
    while (after < end && *after == ' ')
        after++;
    if (capitals < 2 || !tor_title_line(run) || (need_paren && (after >= end || *after != '(')))
        return NULL;
    return tor_copy(run);
}

/* Returns the name a sentence gives ("The Children's Improvement Board (the
 * Board) oversees …"), first looking for one followed by "(", then any;
 * NULL when none. The caller frees it. */
static char *name_from_sentences(const tor_lines *l, size_t from, size_t to)
{
    for (int need_paren = 1; need_paren >= 0; need_paren--) {
        for (size_t i = from; i < to; i++) {
            sl_text_span s = l->lines[i].span;
            for (size_t k = 0; k + 4 < s.len; k++) {
                if ((k > 0 && s.text[k - 1] != ' ') || strncasecmp(s.text + k, "the ", 4) != 0)
                    continue;
                char *name = name_run(s.text + k + 4, s.text + s.len, need_paren);
                if (name)
                    return name;
            }
        }
    }
    return NULL;
}

/* Rewrites a name written in capitals in a readable case ("CHILDREN'S
 * IMPROVEMENT BOARD" → "Children's Improvement Board"); acronyms with no
 * vowel ("CSC") and known ones ("SEND") stay. Other names are unchanged. */
static void readable_case(char *name)
{
    for (const char *p = name; *p; p++)
        if (islower((unsigned char)*p))
            return;
    static const char *const small[] = {"of", "and", "for", "the", "in", "on", "to", "a", "an", NULL};
    static const char *const acronyms[] = {"SEND", "LSCB", "MASH", "YOT", "NHS", "ICB", "CCG", "LA", "UK",
                                           "CAMHS", "SEMH", "MARAC", "LADO", "YJS", "YJB", "LSCP", "ICS", NULL};
    for (char *w = name; *w;) {
        size_t n = strcspn(w, " -/");
        int keep = 0, vowels = 0;
        for (size_t k = 0; acronyms[k]; k++)
            keep |= strlen(acronyms[k]) == n && strncmp(acronyms[k], w, n) == 0;
        for (size_t k = 0; k < n; k++)
            vowels += strchr("AEIOUY", w[k]) != NULL;
        keep |= vowels == 0 && n <= 5;
        int lower_all = 0;
        for (size_t k = 0; small[k] && w != name; k++)
            lower_all |= strlen(small[k]) == n && strncasecmp(small[k], w, n) == 0;
        for (size_t k = keep ? n : (lower_all ? 0 : 1); k < n; k++)
            w[k] = (char)tolower((unsigned char)w[k]);
        w += n;
        while (*w == ' ' || *w == '-' || *w == '/')
            w++;
    }
}

/* Returns the board's name: a title line before the first section, else a
 * sentence naming it; NULL when neither. The caller frees it. */
static char *board_name(const tor_lines *l, size_t from, size_t to)
{
    tor_walk w = {0};
    char *name = NULL;
    for (size_t i = from; i < to && !name; i++) {
        sl_text_span s = l->lines[i].span;
        if (sl_text_line_blank(s.text, s.len))
            continue;
        tor_walk_line(l, from, i, &w);
        if (w.first_heading)
            break;
        name = name_from_title(s);
    }
    if (!name)
        name = name_from_sentences(l, from, to);
    if (name)
        readable_case(name);
    return name;
}

/* Returns the kind of board a name gives: scrutiny, task group, programme,
 * else improvement. */
static sl_board_kind board_kind(const char *name)
{
    size_t n = strlen(name);
    static const char *const scrutiny[] = {"scrutiny", "select committee", "sub-committee", "subcommittee",
                                           "committee", NULL};
    static const char *const task[] = {"task group", "task and finish", "task & finish", "workstream",
                                       "work stream", "working group", "task force", "taskforce",
                                       "sub-group", "subgroup", NULL};
    const char *const *lists[] = {scrutiny, task};
    const sl_board_kind kinds[] = {SL_BOARD_SCRUTINY, SL_BOARD_TASK_GROUP};
    for (size_t k = 0; k < 2; k++)
        for (size_t i = 0; lists[k][i]; i++)
            for (size_t at = 0; at + strlen(lists[k][i]) <= n; at++)
                if (strncasecmp(name + at, lists[k][i], strlen(lists[k][i])) == 0)
                    return kinds[k];
    if (tor_has_word(name, n, "programme") || tor_has_word(name, n, "program"))
        return SL_BOARD_PROGRAMME;
    return SL_BOARD_IMPROVEMENT;
}

/* ---- when the terms were adopted ---- */

/* Returns the day a written date of len bytes means when it is one day or
 * one month (a month gives its first day), else SL_NO_DAY. */
static sl_day one_date(const char *text, size_t len)
{
    while (len > 0 && strchr("),.;:", text[len - 1]))
        len--;
    sl_date_value v;
    if (len == 0 || sl_date_parse(text, len, 0, &v, NULL, 0) != SL_DATE_OK)
        return SL_NO_DAY;
    if (v.vague || v.is_range || v.n_milestones != 1 || v.year_inferred)
        return SL_NO_DAY;
    if (v.precision == SL_PREC_DAY)
        return v.latest;
    return v.precision == SL_PREC_MONTH ? v.earliest : SL_NO_DAY;
}

/* Returns the end of the word starting at i of s (at the next space). */
static size_t word_end(sl_text_span s, size_t i)
{
    while (i < s.len && s.text[i] != ' ' && s.text[i] != '\t')
        i++;
    return i;
}

/* Returns where the word after the one ending at i starts (s.len at the end). */
static size_t next_word(sl_text_span s, size_t i)
{
    while (i < s.len && (s.text[i] == ' ' || s.text[i] == '\t' || s.text[i] == '('))
        i++;
    return i;
}

/* Returns the first date written in s: at each word, the longest of up to
 * three words that reads as one day or month (a word ending in "," closes
 * the window); SL_NO_DAY when none. */
static sl_day first_date(sl_text_span s)
{
    for (size_t a = next_word(s, 0); a < s.len; a = next_word(s, word_end(s, a))) {
        size_t ends[3], n = 0;
        for (size_t e = word_end(s, a); n < 3; e = word_end(s, next_word(s, e))) {
            ends[n++] = e;
            if (s.text[e - 1] == ',' || next_word(s, e) >= s.len)
                break;
        }
        while (n > 0) {
            sl_day day = one_date(s.text + a, ends[n - 1] - a);
            if (day != SL_NO_DAY)
                return day;
            n--;
        }
    }
    return SL_NO_DAY;
}

/* Returns the position just after an adoption word in the line when the
 * line states when the terms were adopted ("TERMS OF REFERENCE (adopted
 * March 2019)", "Agreed: 12 June 2020", "Date approved", "Version 2, May
 * 2021"), else 0. */
static size_t adoption_word(sl_text_span line)
{
    static const char *const words[] = {"adopted", "agreed", "approved", "ratified", "approval",
                                        "adoption", "effective", "version", NULL};
    int number;
    sl_text_span s = tor_strip_number(line, &number), item;
    if (tor_list_item(s, &item))
        s = item;
    int tor = tor_has_word(s.text, s.len, "reference");
    int label = strncasecmp(s.text, "date ", 5) == 0;
    for (size_t i = 0; i < s.len; i++) {
        if (i > 0 && isalnum((unsigned char)s.text[i - 1]))
            continue;
        for (size_t k = 0; words[k]; k++) {
            size_t n = strlen(words[k]);
            if (i + n > s.len || strncasecmp(s.text + i, words[k], n) != 0 ||
                (i + n < s.len && isalnum((unsigned char)s.text[i + n])))
                continue;
            if (i == 0 || tor || (label && i <= 12) || (i > 0 && s.text[i - 1] == '('))
                return (size_t)(s.text + i + n - line.text);
        }
    }
    return 0;
}

/* Returns the day the terms say they were adopted, or SL_NO_DAY. */
static sl_day adopted_day(const tor_lines *l, size_t from, size_t to)
{
    for (size_t i = from; i < to; i++) {
        sl_text_span s = l->lines[i].span;
        size_t at = adoption_word(s);
        if (at == 0)
            continue;
        sl_day day = first_date((sl_text_span){s.text + at, s.len - at});
        if (day != SL_NO_DAY)
            return day;
    }
    return SL_NO_DAY;
}

/* ---- the whole ---- */

/* Reads the members of every membership section of the lines [from, to). */
static void read_membership(const tor_lines *l, size_t from, size_t to, sl_board *board, sl_findings *findings)
{
    tor_walk w = {0};
    size_t start = 0;
    int in = 0;
    for (size_t i = from; i <= to; i++) {
        int end = i == to;
        if (!end && !sl_text_line_blank(l->lines[i].span.text, l->lines[i].span.len))
            tor_walk_line(l, from, i, &w);
        if (in && (end || (w.heading && w.section != TOR_SEC_MEMBERSHIP))) {
            tor_read_members(l, start, i, board, findings);
            in = 0;
        }
        if (!end && w.heading && w.section == TOR_SEC_MEMBERSHIP) {
            if (in)
                tor_read_members(l, start, i, board, findings);
            if (w.value.len > 0) {
                tor_lines one = {&(tor_line){w.value, l->lines[i].number}, 1};
                tor_read_members(&one, 0, 1, board, findings);
            }
            start = i + 1;
            in = 1;
        }
    }
}

/* The public name of the section finder (tor_sections.c), so that the
 * sections module need not include this one. */
int sl_tor_detect(const char *text, size_t len, size_t *start, size_t *end)
{
    return sl_tor_find_part(text, len, start, end);
}

int sl_tor_read(const char *text, size_t len, const char *file, sl_board *out, sl_findings *findings,
                sl_error *err)
{
    *out = sl_board_empty();
    tor_lines l;
    tor_lines_split(text, len, 1, &l);
    size_t first, last;
    if (!tor_find_part(&l, &first, &last)) {
        tor_lines_free(&l);
        return sl_fail_at(err, file, 1,
                          "no terms of reference found: no \"Terms of Reference\" heading followed by a"
                          " board's sections (Purpose, Membership, Meetings, Quorum, Review)");
    }
    char *name = board_name(&l, first, last);
    if (!name) {
        long at = l.lines[first].number;
        tor_lines_free(&l);
        return sl_fail_at(err, file, at,
                          "no board name in the terms of reference: no title naming a board, committee"
                          " or group, and no sentence such as \"The X Board (the Board) ...\"");
    }
    out->name = name;
    out->kind = board_kind(name);
    const char *part_end = last < l.n ? l.lines[last].span.text : text + len;
    out->tor_text = sl_strndup(l.lines[first].span.text, (size_t)(part_end - l.lines[first].span.text));
    out->tor_adopted = adopted_day(&l, first, last);
    read_membership(&l, first, last, out, findings);
    tor_read_rules(&l, first, last, out, findings);
    tor_lines_free(&l);
    return 0;
}
