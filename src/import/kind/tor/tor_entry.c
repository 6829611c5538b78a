/* tor_entry.c — one entry of a board's membership as councils write it:
 * "Jane Smith, Director of Children's Services", "Director of Children's
 * Services – Jane Smith", "Chair (independent)", "Lead Member (Vice-Chair)",
 * "Head of Early Help (tbc)", "Director of Finance; deputy: Head of Finance"
 * (see tor_entry.h). */
#include "import/kind/tor/tor_entry.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "import/kind/tor/tor_internal.h"
#include "import/kind/tor/tor_rules.h"
#include "util/buf.h"
#include "util/mem.h"

void tor_entry_free(tor_entry *e)
{
    free(e->name);
    free(e->role);
    free(e->organisation);
    free(e->substitute);
    memset(e, 0, sizeof *e);
}

/* Returns the span with trailing ". ; ," and a trailing " and" / " or" removed. */
static sl_text_span strip_tail(sl_text_span s)
{
    for (;;) {
        s = sl_text_trim(s);
        if (s.len > 0 && strchr(".;,", s.text[s.len - 1]))
            s.len--;
        else if (s.len > 4 && strncasecmp(s.text + s.len - 4, " and", 4) == 0)
            s.len -= 4;
        else if (s.len > 3 && strncasecmp(s.text + s.len - 3, " or", 3) == 0)
            s.len -= 3;
        else
            return s;
    }
}

/* Returns 1 when s equals one of the list (any case, after trimming). */
static int span_in(sl_text_span s, const char *const *list)
{
    s = strip_tail(s);
    for (size_t i = 0; list[i]; i++)
        if (strlen(list[i]) == s.len && strncasecmp(list[i], s.text, s.len) == 0)
            return 1;
    return 0;
}

static const char *const chair_marks[] = {"chair", "co-chair", "joint chair", "chairperson", "chairman",
                                          "independent chair", "chair of the board", "board chair", NULL};
static const char *const vice_marks[] = {"vice-chair", "vice chair", "deputy chair", "vice-chairman",
                                         "vice chairman", "vice-chairperson", "vice-chair of the board",
                                         "vice \xE2\x80\x93 chair", NULL};

/* Returns the length of a "deputy"/"substitute" label opening s, followed
 * by ':' or a dash, including that mark; 0 when s does not open with one. */
static size_t substitute_label(sl_text_span s)
{
    static const char *const labels[] = {"nominated deputy", "named deputy", "named substitute",
                                         "nominated substitute", "deputies", "deputy", "substitutes",
                                         "substitute", "sub", NULL};
    for (size_t i = 0; labels[i]; i++) {
        size_t n = strlen(labels[i]);
        if (s.len <= n || strncasecmp(s.text, labels[i], n) != 0)
            continue;
        sl_text_span rest = sl_text_trim((sl_text_span){s.text + n, s.len - n});
        size_t skip = (size_t)(rest.text - s.text);
        if (rest.len > 0 && rest.text[0] == ':')
            return skip + 1;
        if (rest.len > 1 && rest.text[0] == '-' && rest.text[1] == ' ')
            return skip + 1;
        if (rest.len > 3 && memcmp(rest.text, "\xE2\x80\x93", 3) == 0)
            return skip + 3;
    }
    return 0;
}

int tor_substitute_line(sl_text_span line, sl_text_span *who)
{
    sl_text_span s = sl_text_trim(line), item;
    if (tor_list_item(s, &item))
        s = item;
    size_t n = substitute_label(s);
    if (n == 0)
        return 0;
    *who = strip_tail((sl_text_span){s.text + n, s.len - n});
    return 1;
}

/* Reads the contents of one "(…)" of an entry; returns 1 when it said
 * something about the member (chair, vacancy, substitute, name) and is
 * not to be kept in the role. */
static int paren_content(sl_text_span c, tor_entry *e)
{
    sl_text_span who;
    if (span_in(c, chair_marks)) {
        e->chair = 1;
        return 1;
    }
    if (span_in(c, vice_marks)) {
        e->vice_chair = 1;
        return 1;
    }
    if (tor_is_vacant(c)) {
        e->vacant = 1;
        return 1;
    }
    if (tor_substitute_line(c, &who)) {
        if (!e->substitute && who.len > 0 && !tor_is_vacant(who))
            e->substitute = tor_copy(who);
        return 1;
    }
    if (!e->name && tor_is_person(c)) {
        e->name = tor_copy(c);
        return 1;
    }
    return 0;
}

/* Returns the entry's text with the parentheses paren_content used taken
 * out; the caller frees it. */
static char *without_parens(sl_text_span s, tor_entry *e)
{
    sl_buf b = SL_BUF_INIT;
    size_t i = 0;
    while (i < s.len) {
        const char *open = memchr(s.text + i, '(', s.len - i);
        const char *close = open ? memchr(open, ')', (size_t)(s.text + s.len - open)) : NULL;
        if (!open || !close) {
            sl_buf_add(&b, s.text + i, s.len - i);
            break;
        }
        sl_buf_add(&b, s.text + i, (size_t)(open - s.text) - i);
        sl_text_span inner = {open + 1, (size_t)(close - open - 1)};
        if (!paren_content(inner, e))
            sl_buf_add(&b, open, (size_t)(close - open + 1));
        i = (size_t)(close - s.text) + 1;
    }
    char *raw = sl_buf_take(&b);
    char *clean = tor_copy((sl_text_span){raw, strlen(raw)});
    free(raw);
    return clean;
}

/* Returns the length of a chair or vice-chair label opening s when it is
 * followed by the end, "(", ":" or a dash; sets *vice. 0 when none. */
static size_t chair_label(sl_text_span s, int *vice)
{
    static const char *const labels[] = {"vice-chair", "vice chair", "deputy chair", "co-chair",
                                         "joint chair", "independent chair", "chairperson", "chairman",
                                         "chair", NULL};
    for (size_t i = 0; labels[i]; i++) {
        size_t n = strlen(labels[i]);
        if (s.len < n || strncasecmp(s.text, labels[i], n) != 0)
            continue;
        const char *rest = s.text + n;
        size_t left = s.len - n;
        while (left > 0 && *rest == ' ') {
            rest++;
            left--;
        }
        int ends = left == 0 || *rest == '(' || *rest == ':' || (*rest == '-' && left > 1 && rest[1] == ' ') ||
                   (left >= 3 && memcmp(rest, "\xE2\x80\x93", 3) == 0);
        if (!ends)
            continue;
        *vice = i < 3;
        return n;
    }
    return 0;
}

/* Returns where the first " – ", " — ", " - " or ": " separator in s
 * starts and sets *after to where the text after it starts; returns -1
 * when there is none. */
static long separator(sl_text_span s, size_t *after)
{
    static const char *const seps[] = {" \xE2\x80\x93 ", " \xE2\x80\x94 ", " - ", ": ", NULL};
    long best = -1;
    for (size_t k = 0; seps[k]; k++) {
        size_t n = strlen(seps[k]);
        for (size_t i = 0; i + n <= s.len; i++) {
            if (memcmp(s.text + i, seps[k], n) == 0) {
                if (best < 0 || (long)i < best) {
                    best = (long)i;
                    *after = i + n;
                }
                break;
            }
        }
    }
    return best;
}

/* Returns 1 when the text names a body ("Police", "Integrated Care Board"). */
static int organisation_like(sl_text_span s)
{
    static const char *const words[] = {"council", "police", "constabulary", "nhs", "trust", "icb", "ccg",
                                        "board", "forum", "partnership", "college", "university", "school",
                                        "schools", "academy", "department", "dfe", "ofsted", "hospital",
                                        "foundation", "sector", "agency", "authority", "cafcass",
                                        "probation", "barnardo", "barnardos", "commissioner", NULL};
    for (size_t i = 0; words[i]; i++)
        if (tor_has_word(s.text, s.len, words[i]))
            return 1;
    return 0;
}

/* Fills role and organisation from text: "Role, Organisation" when the last
 * comma part names a body, else the role whole. */
static void role_and_body(sl_text_span s, tor_entry *e)
{
    s = strip_tail(s);
    const char *comma = NULL;
    for (size_t i = 0; i < s.len; i++)
        if (s.text[i] == ',')
            comma = s.text + i;
    sl_text_span last = comma ? (sl_text_span){comma + 1, (size_t)(s.text + s.len - comma - 1)} : s;
    size_t after = 0;
    long dash = separator(s, &after);
    if (comma && organisation_like(last) && !e->organisation) {
        e->organisation = tor_copy(last);
        s.len = (size_t)(comma - s.text);
    } else if (dash > 0 && !e->organisation && organisation_like((sl_text_span){s.text + after, s.len - after})) {
        e->organisation = tor_copy((sl_text_span){s.text + after, s.len - after});
        s.len = (size_t)dash;
    }
    free(e->role);
    e->role = tor_copy(s);
}

/* Reads "A, B, …" when one end is a person's name ("Jane Smith, Director",
 * "Director, Jane Smith"); returns 1 when it was. */
static int comma_name(sl_text_span s, tor_entry *e)
{
    const char *first = memchr(s.text, ',', s.len), *last = first;
    if (!first)
        return 0;
    for (const char *p = first; p < s.text + s.len; p++)
        if (*p == ',')
            last = p;
    sl_text_span head = {s.text, (size_t)(first - s.text)};
    sl_text_span tail = {last + 1, (size_t)(s.text + s.len - last - 1)};
    if (tor_is_person(head)) {
        e->name = e->name ? e->name : tor_copy(head);
        role_and_body((sl_text_span){first + 1, (size_t)(s.text + s.len - first - 1)}, e);
        return 1;
    }
    if (tor_is_person(tail)) {
        e->name = e->name ? e->name : tor_copy(tail);
        role_and_body((sl_text_span){s.text, (size_t)(last - s.text)}, e);
        return 1;
    }
    return 0;
}

static void entry_body(sl_text_span s, tor_entry *e);

/* Reads "Jane Smith (Director of Children's Services)": a name, then the
 * role in the one parenthesis that ends the text; returns 1 when it was. */
static int name_then_role(sl_text_span s, tor_entry *e)
{
    const char *open = memchr(s.text, '(', s.len);
    if (!open || e->name || s.text[s.len - 1] != ')' || memchr(open + 1, '(', (size_t)(s.text + s.len - open - 1)))
        return 0;
    sl_text_span person = sl_text_trim((sl_text_span){s.text, (size_t)(open - s.text)});
    if (!tor_is_person(person))
        return 0;
    e->name = tor_copy(person);
    role_and_body((sl_text_span){open + 1, (size_t)(s.text + s.len - open - 2)}, e);
    return 1;
}

/* Reads the entry's text once parentheses and labels are gone: "Role –
 * Name", "Name – Role", "Role: Name", "Name, Role", "Role, Body", "Role". */
static void entry_body(sl_text_span s, tor_entry *e)
{
    size_t after = 0;
    long sep = separator(s, &after);
    if (sep > 0) {
        sl_text_span left = strip_tail((sl_text_span){s.text, (size_t)sep});
        sl_text_span right = strip_tail((sl_text_span){s.text + after, s.len - after});
        if (tor_is_vacant(right)) {
            e->vacant = 1;
            role_and_body(left, e);
        } else if (span_in(right, chair_marks) || span_in(right, vice_marks)) {
            e->chair |= span_in(right, chair_marks);
            e->vice_chair |= span_in(right, vice_marks);
            entry_body(left, e);
        } else if (tor_is_person(right) && !tor_is_person(left)) {
            e->name = e->name ? e->name : tor_copy(right);
            role_and_body(left, e);
        } else if (tor_is_person(left) && !tor_is_person(right)) {
            e->name = e->name ? e->name : tor_copy(left);
            role_and_body(right, e);
        } else {
            free(e->role);
            e->role = tor_copy(left);
            e->organisation = e->organisation ? e->organisation : tor_copy(right);
        }
        return;
    }
    if (comma_name(s, e) || name_then_role(s, e))
        return;
    if (tor_is_person(s) && !e->name) {
        e->name = tor_copy(s);
        e->role = sl_strdup("");
        return;
    }
    role_and_body(s, e);
}

/* Cuts an inline substitute ("…; deputy: Jane Doe", "…, substitute – Head of
 * Service") off the end of s into e->substitute; returns the rest. */
static sl_text_span inline_substitute(sl_text_span s, tor_entry *e)
{
    int depth = 0;
    for (size_t i = 1; i < s.len; i++) {
        depth += (s.text[i - 1] == '(') - (s.text[i - 1] == ')' && depth > 0);
        if (depth > 0 || isalpha((unsigned char)s.text[i - 1]) || !isalpha((unsigned char)s.text[i]))
            continue;
        sl_text_span who, tail = {s.text + i, s.len - i};
        if (!tor_substitute_line(tail, &who))
            continue;
        if (!e->substitute && who.len > 0 && !tor_is_vacant(who))
            e->substitute = tor_copy(who);
        return strip_tail((sl_text_span){s.text, i});
    }
    return s;
}

void tor_entry_read(sl_text_span text, tor_entry *e)
{
    memset(e, 0, sizeof *e);
    sl_text_span s = inline_substitute(strip_tail(text), e);
    char *kept = without_parens(s, e);
    sl_text_span k = {kept, strlen(kept)};
    int vice = 0;
    size_t label = chair_label(k, &vice);
    if (label > 0) {
        sl_text_span rest = sl_text_trim((sl_text_span){kept + label, k.len - label});
        int sep = rest.len > 0 && (rest.text[0] == ':' || rest.text[0] == '-' || (unsigned char)rest.text[0] == 0xE2);
        if (vice)
            e->vice_chair = 1;
        else
            e->chair = 1;
        if (sep) {
            size_t skip = (unsigned char)rest.text[0] == 0xE2 ? 3 : 1;
            rest = strip_tail((sl_text_span){rest.text + skip, rest.len - skip});
            if (rest.len > 0)
                k = rest;
            else
                k.len = label;
        }
    }
    if (tor_is_vacant(k)) {
        e->vacant = 1;
        e->role = sl_strdup("");
    } else {
        entry_body(k, e);
    }
    if (!e->role || (!*e->role && label > 0)) {
        free(e->role);
        e->role = sl_strndup(kept, label);
    }
    if (e->vacant) {
        free(e->name);
        e->name = NULL;
    }
    free(kept);
}

int tor_entry_marks(sl_text_span text, int vice)
{
    return span_in(text, vice ? vice_marks : chair_marks);
}
