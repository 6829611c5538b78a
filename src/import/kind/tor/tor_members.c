/* tor_members.c — the membership section of terms of reference: tables
 * ("Role<TAB>Organisation", a header naming Name / Role / Organisation /
 * Deputy columns, or columns set apart by runs of spaces), lists of
 * bullets, plain lines, "Deputy: …" lines under a member, subheadings
 * ("Core members", "In attendance:") and prose. Prose naming the chair or
 * vice-chair sets their flags; other lines it cannot read become
 * "unparsed-row" findings; no member is made from a heading or prose. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "import/kind/tor/tor_entry.h"
#include "import/kind/tor/tor_internal.h"
#include "import/kind/tor/tor_members.h"
#include "import/kind/tor/tor_rules.h"
#include "util/buf.h"
#include "util/mem.h"

/* Records a line that could not be read as an "unparsed-row" finding. */
static void unread(member_reader *r, sl_text_span s, const char *why)
{
    s = sl_text_trim(s);
    size_t shown = s.len > 100 ? 100 : s.len;
    while (shown < s.len && shown > 0 && ((unsigned char)s.text[shown] & 0xC0) == 0x80)
        shown--;
    sl_findings_add(r->findings, SL_LINT_WARNING, "unparsed-row", "", r->line, "%s: '%.*s%s'", why,
                    (int)shown, s.text, shown < s.len ? "\xE2\x80\xA6" : "");
}

/* Returns 1 for a sentence rather than an entry: many words, a verb, or a
 * full stop after six words. */
static int prose(sl_text_span s)
{
    static const char *const verbs[] = {"will", "shall", "may", "must", "should", "is", "are", "can",
                                        "attend", "attends", "include", "includes", "comprise",
                                        "comprises", "consist", "consists", "meet", "meets", "would",
                                        "has", "have", NULL};
    const char *paren = memchr(s.text, '(', s.len);
    sl_text_span outside = paren ? (sl_text_span){s.text, (size_t)(paren - s.text)} : s;
    sl_tor_words w;
    sl_tor_words_init(&w, s.text, s.len);
    size_t words = w.n;
    sl_tor_words_free(&w);
    sl_tor_words_init(&w, outside.text, outside.len);
    int verb = sl_tor_find_word(&w, verbs) < w.n;
    sl_tor_words_free(&w);
    return verb || words > 16 || (words >= 6 && s.len > 0 && s.text[s.len - 1] == '.');
}

/* Returns 1 when the sentence states a rule the rule readers know (it is
 * read there, not here). */
static int rule_sentence(sl_text_span s)
{
    sl_tor_words w;
    sl_schedule schedule;
    sl_tor_words_init(&w, s.text, s.len);
    int known = sl_tor_rule_substitute_notice(&w, 0) || sl_tor_rule_papers(&w, 0) ||
                sl_tor_rule_minutes(&w, 0) ||
                sl_tor_rule_meets(&w, 0, &schedule) || sl_tor_rule_chair_report(&w) ||
                sl_tor_rule_review(&w, 0);
    sl_tor_words_free(&w);
    return known;
}

/* Returns 1 when word is one of the NULL-terminated list. */
static int listed(const char *word, const char *const *list)
{
    for (size_t i = 0; list[i]; i++)
        if (strcmp(word, list[i]) == 0)
            return 1;
    return 0;
}

/* Returns 1 for a subheading inside a membership list ("Core members",
 * "Partner agencies", "LOCAL AUTHORITY"), which is not a member. */
static int subheading(sl_text_span s)
{
    static const char *const words[] = {"core", "statutory", "council", "partner", "partners", "other",
                                        "voting", "non", "elected", "independent", "external", "internal",
                                        "additional", "co", "opted", "standing", "members", "membership",
                                        "member", "agencies", "agency", "local", "authority", "officers",
                                        "the", "board", "and", "of", "permanent", "full", NULL};
    static const char *const last[] = {"members", "membership", "partners", "agencies", "officers", NULL};
    int upper = 0, lower = 0;
    for (size_t i = 0; i < s.len; i++) {
        upper += isupper((unsigned char)s.text[i]) != 0;
        lower += islower((unsigned char)s.text[i]) != 0;
    }
    sl_tor_words w;
    sl_tor_words_init(&w, s.text, s.len);
    int all = w.n > 0 && sl_tor_find_word(&w, last) < w.n;
    for (size_t i = 0; i < w.n && all; i++)
        all = listed(w.w[i], words);
    int caps = w.n >= 2 && lower == 0 && upper >= 3;
    sl_tor_words_free(&w);
    return all || caps;
}

/* Returns 1 for a line that opens a list of people in attendance, not
 * members ("In attendance:", "Advisers", "The following officers will attend:"). */
static int attendance_opener(sl_text_span s)
{
    static const char *const words[] = {"attendance", "attend", "attending", "advisers", "advisors",
                                        "observers", "invited", "observer", NULL};
    sl_tor_words w;
    sl_tor_words_init(&w, s.text, s.len);
    int found = w.n <= 12 && sl_tor_find_word(&w, words) < w.n;
    sl_tor_words_free(&w);
    return found;
}

/* Sets the substitute of the last member from a "Deputy: …" line. */
static void substitute_line(member_reader *r, sl_text_span line, sl_text_span who)
{
    if (r->last < 0) {
        unread(r, line, "a substitute with no member above it");
        return;
    }
    sl_board_member *m = &r->board->members[r->last];
    if (!m->substitute && who.len > 0 && !tor_is_vacant(who))
        m->substitute = tor_copy(who);
}

/* Returns 1 when a sentence may name members ("The Board comprises the
 * Director of …", "… will include a representative of …"): sentences about
 * deputies, attendance or quorum do not. */
static int lists_members(sl_text_span s)
{
    static const char *const words[] = {"comprise", "comprises", "comprising", "consist", "consists",
                                        "include", "includes", "including", "director", "head", "chief",
                                        "representative", "representatives", "officer", "manager",
                                        "councillor", "councillors", "cllr", "lead", NULL};
    sl_tor_words w;
    sl_tor_words_init(&w, s.text, s.len);
    int found = sl_tor_find_word(&w, words) < w.n;
    sl_tor_words_free(&w);
    return found;
}

/* Reads a sentence in the membership section: the chair or vice-chair it
 * names, a rule (read elsewhere), else a finding. */
static void sentence_line(member_reader *r, sl_text_span s)
{
    if (tor_chair_sentence(s, r->line, r->board, r->findings) || rule_sentence(s))
        return;
    if (attendance_opener(s)) {
        r->attending = s.len > 0 && s.text[s.len - 1] == ':';
        return;
    }
    if (lists_members(s))
        unread(r, s, "a sentence in the membership, not read as a member");
}

/* Returns 1 when the number before rest in s is a paragraph number ("2.1",
 * "3.", "4)"), not a count ("9 councillors"). */
static int marked_number(sl_text_span s, sl_text_span rest)
{
    for (const char *p = s.text; p < rest.text; p++)
        if (*p == '.' || *p == ')')
            return 1;
    return 0;
}

/* Appends a line to the last member's role when the role was cut short
 * ("Head of Service, Children in Care and" then "Care Leavers") or the
 * line goes on in lower case; returns 1 when it did. */
static int wrapped_role(member_reader *r, sl_text_span s)
{
    static const char *const joins[] = {"and", "of", "for", "the", "&", "to", "in", "with", NULL};
    if (r->last < 0 || s.len == 0 || s.len > 80 || r->line != r->last_line + 1)
        return 0;
    sl_board_member *m = &r->board->members[r->last];
    sl_text_span before = sl_text_trim(r->last_text);
    size_t w = before.len;
    while (w > 0 && before.text[w - 1] != ' ')
        w--;
    sl_text_span tail = {before.text + w, before.len - w};
    int cut = tail.len > 0 && (tail.text[tail.len - 1] == ',' || tail.text[tail.len - 1] == '-');
    for (size_t k = 0; joins[k] && !cut; k++)
        cut = strlen(joins[k]) == tail.len && strncasecmp(tail.text, joins[k], tail.len) == 0;
    if (!cut && !islower((unsigned char)s.text[0]))
        return 0;
    size_t n = strlen(m->role);
    int dropped = cut && tail.len > 0 && isalpha((unsigned char)tail.text[0]) &&
                  (n < tail.len || strncasecmp(m->role + n - tail.len, tail.text, tail.len) != 0);
    sl_buf role = SL_BUF_INIT;
    sl_buf_puts(&role, m->role);
    if (dropped) /* the entry reader took "and" off the end of the role */
        sl_buf_printf(&role, " %.*s", (int)tail.len, tail.text);
    char *add = tor_copy(s);
    sl_buf_printf(&role, " %s", add);
    free(add);
    free(m->role);
    m->role = sl_buf_take(&role);
    r->last_line = r->line;
    r->last_text = s;
    return 1;
}

/* Reads a line of one cell: a list item, a plain entry, a subheading or a sentence. */
static void single_line(member_reader *r, sl_text_span line)
{
    sl_text_span s = sl_text_trim(line), item;
    int is_item = tor_list_item(s, &item), number = 0;
    if (is_item) {
        s = item;
    } else {
        sl_text_span stripped = tor_strip_number(s, &number);
        if (number > 0 && marked_number(s, stripped)) {
            s = stripped;
            is_item = 1;
        }
    }
    if (!is_item && wrapped_role(r, s))
        return;
    if (prose(s)) {
        sentence_line(r, s);
        return;
    }
    if (r->attending || (!is_item && (subheading(s) || (r->bullets && !tor_has_word(s.text, s.len, "chair")))))
        return;
    tor_entry e;
    tor_entry_read(s, &e);
    if (*e.role || e.name)
        tor_member_add(r, &e);
    else
        unread(r, line, "a membership line with no role or name read");
    tor_entry_free(&e);
}

/* Reads a row whose first cell labels the rest ("Chair<TAB>Children's
 * Services Commissioner", "Members<TAB>Chief Executive", "In
 * attendance<TAB>…"); returns 0 when the first cell is no such label. */
static int labelled_row(member_reader *r, const tor_cells *c)
{
    sl_text_span label = c->cell[0];
    int chair = tor_entry_marks(label, 0), vice = tor_entry_marks(label, 1);
    if (!chair && !vice && !subheading(label) && !attendance_opener(label))
        return 0;
    r->attending = !chair && !vice && attendance_opener(label);
    if (r->attending)
        return 1;
    const sl_text_span *end = &c->cell[c->n - 1];
    sl_text_span rest = {c->cell[1].text, (size_t)(end->text + end->len - c->cell[1].text)};
    tor_entry e;
    tor_entry_read(rest, &e);
    e.chair |= chair;
    e.vice_chair |= vice;
    if (!*e.role && (chair || vice)) {
        free(e.role);
        e.role = tor_copy(label);
    }
    if (*e.role || e.name)
        tor_member_add(r, &e);
    tor_entry_free(&e);
    return 1;
}

/* Returns the line without a list mark or a paragraph number ("•", "a)",
 * "2.1"), so that they are not read as a cell. */
static sl_text_span entry_text(sl_text_span s)
{
    sl_text_span item;
    int number;
    if (tor_list_item(s, &item))
        return item;
    sl_text_span stripped = tor_strip_number(s, &number);
    return number > 0 && stripped.len > 0 && marked_number(s, stripped) ? stripped : s;
}

/* Reads one line of the membership section. */
static void member_line(member_reader *r, sl_text_span line)
{
    sl_text_span s = sl_text_trim(line), who;
    tor_cells c;
    tor_split_cells(line, &c);
    if (!(c.tabbed && c.n >= 2 && c.cell[0].len == 0 && r->n_cols > 0))
        tor_split_cells(entry_text(s), &c);
    if (c.n >= 2 && tor_header_row(r, &c))
        return;
    if (s.text[s.len - 1] == ':' && c.n == 1 && !tor_substitute_line(s, &who)) {
        r->attending = attendance_opener(s);
        return;
    }
    if (tor_substitute_line(s, &who)) {
        substitute_line(r, line, who);
        return;
    }
    if (c.tabbed && c.n >= 2 && c.cell[0].len == 0 && r->n_cols > 0) {
        if (r->last >= 0)
            tor_continuation_row(r, &c);
        return;
    }
    if (r->n_cols == 0)
        tor_drop_empty(&c);
    if (c.n >= 2 && r->n_cols == 0 && labelled_row(r, &c))
        return;
    if (c.n >= 2 && !prose(c.cell[0])) {
        if (!r->attending)
            tor_table_row(r, &c);
        return;
    }
    if (attendance_opener(s) && !prose(s) && c.n == 1) {
        r->attending = 1;
        return;
    }
    single_line(r, s);
}

/* Returns 1 when the lines hold list items (bullets or letters). */
static int has_bullets(const tor_lines *lines, size_t from, size_t to)
{
    sl_text_span item;
    for (size_t i = from; i < to; i++)
        if (tor_list_item(lines->lines[i].span, &item))
            return 1;
    return 0;
}

void tor_read_members(const tor_lines *lines, size_t from, size_t to, sl_board *board,
                      sl_findings *findings)
{
    member_reader r = {.board = board, .findings = findings, .last = -1};
    r.bullets = has_bullets(lines, from, to);
    for (size_t i = from; i < to; i++) {
        sl_text_span line = lines->lines[i].span;
        if (sl_text_line_blank(line.text, line.len) || sl_text_line_is_rule(line.text, line.len) ||
            tor_page_line(line))
            continue;
        r.line = lines->lines[i].number;
        long before = r.last;
        member_line(&r, line);
        if (r.last != before)
            r.last_text = line;
    }
}
