/* tor_sections.c — the sections of terms of reference and finding them
 * inside a larger text (sl_tor_detect; see tor_text.h). */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "import/kind/tor/tor_internal.h"
#include "import/kind/tor/tor_sections.h"

/* How far after its heading the first section of terms of reference must start. */
#define FIRST_SECTION_WITHIN 60

/* Returns 1 when line i is blank or the first of the range. */
static int blank_before(const tor_lines *l, size_t from, size_t i)
{
    return i == from || sl_text_line_blank(l->lines[i - 1].span.text, l->lines[i - 1].span.len);
}

/* Returns 1 when the span has no lower-case letter and some capitals. */
static int all_caps(sl_text_span s)
{
    int upper = 0;
    for (size_t i = 0; i < s.len; i++) {
        if (islower((unsigned char)s.text[i]))
            return 0;
        upper += isupper((unsigned char)s.text[i]) != 0;
    }
    return upper >= 3;
}

/* Returns 1 when the span holds a run of two spaces (columns of a table). */
static int has_columns(sl_text_span s)
{
    for (size_t i = 0; i + 1 < s.len; i++)
        if (s.text[i] == ' ' && s.text[i + 1] == ' ')
            return 1;
    return 0;
}

/* Returns the section a "Label: value" line heads ("Quorum: four members",
 * "Frequency<TAB>Monthly"), or TOR_SEC_NONE. In a membership list "Chair:
 * Jane Smith" is a member (unless the list itself followed a label:
 * "Membership:<TAB>…"), and a label set off by a tab or spaces must be
 * short ("Head of Quality Assurance and Review<TAB>The Council" is a member). */
static tor_section label_heading(sl_text_span line, const tor_walk *w, sl_text_span *value)
{
    sl_text_span label;
    int number;
    if (!tor_label_line(line, &label, value))
        return TOR_SEC_NONE;
    tor_section k = tor_heading(label, &number);
    if (w->section != TOR_SEC_MEMBERSHIP || w->label_layout)
        return k;
    if (k == TOR_SEC_CHAIR || k == TOR_SEC_MEMBERSHIP || k == TOR_SEC_PURPOSE)
        return TOR_SEC_NONE;
    const char *after = label.text + label.len;
    while (after < value->text && *after == ' ')
        after++;
    size_t words = 1;
    for (size_t i = 0; i < label.len; i++)
        words += label.text[i] == ' ';
    return *after == ':' || words <= 3 ? k : TOR_SEC_NONE;
}

tor_section tor_heading_at(const tor_lines *l, size_t from, size_t i, const tor_walk *w, int *number)
{
    sl_text_span line = l->lines[i].span, item, value;
    *number = 0;
    if (tor_list_item(line, &item))
        return TOR_SEC_NONE;
    tor_section k = label_heading(line, w, &value);
    if (k != TOR_SEC_NONE) {
        tor_strip_number(line, number);
        return k;
    }
    k = tor_heading(line, number);
    sl_text_span text = tor_strip_number(line, number);
    if (k == TOR_SEC_NONE || has_columns(text))
        return TOR_SEC_NONE;
    int colon = text.text[text.len - 1] == ':', caps = all_caps(text), blank = blank_before(l, from, i);
    if (w->section == TOR_SEC_MEMBERSHIP) {
        if (*number > 0)
            return (w->number > 0 && *number == w->number + 1) || (w->number == 0 && blank) ? k : TOR_SEC_NONE;
        if (k == TOR_SEC_CHAIR || k == TOR_SEC_MEMBERSHIP)
            return colon || caps ? k : TOR_SEC_NONE;
        return blank || colon || caps ? k : TOR_SEC_NONE;
    }
    return *number > 0 || colon || caps || blank ? k : TOR_SEC_NONE;
}

void tor_walk_line(const tor_lines *l, size_t from, size_t i, tor_walk *w)
{
    int number;
    tor_section k = tor_heading_at(l, from, i, w, &number);
    w->heading = k != TOR_SEC_NONE;
    w->value = (sl_text_span){l->lines[i].span.text, 0};
    if (!w->heading)
        return;
    sl_text_span label, value;
    int ignored;
    if (tor_label_line(l->lines[i].span, &label, &value) && tor_heading(label, &ignored) == k)
        w->value = value;
    w->label_layout = w->value.len > 0;
    w->section = k;
    w->number = number;
    w->seen |= 1u << k;
    if (!w->first_heading)
        w->first_heading = i + 1;
}

/* Returns 1 when the sections seen make terms of reference: three kinds of
 * a board's sections, one of them only a board has. */
static int board_sections(unsigned seen)
{
    unsigned board_only = (1u << TOR_SEC_MEMBERSHIP) | (1u << TOR_SEC_CHAIR) | (1u << TOR_SEC_SUBSTITUTES) |
                          (1u << TOR_SEC_MEETINGS) | (1u << TOR_SEC_QUORUM);
    int kinds = 0;
    for (int k = TOR_SEC_PURPOSE; k < TOR_SEC_OTHER; k++)
        kinds += (seen >> k) & 1u;
    return kinds >= 3 && (seen & board_only) != 0;
}

/* Returns the index of the line that ends a part starting at its heading
 * line h: the next paper of a pack, a plan's own title in capitals ("CROYDON
 * TRANSITIONAL ACTION PLAN"), a different terms-of-reference heading, or the end. */
static size_t part_end(const tor_lines *l, size_t h)
{
    sl_text_span head = sl_text_trim(l->lines[h].span);
    for (size_t i = h + 1; i < l->n; i++) {
        sl_text_span s = sl_text_trim(l->lines[i].span);
        if (tor_is_paper_break(s) || (all_caps(s) && s.len <= 120 && tor_has_word(s.text, s.len, "plan")))
            return i;
        if (tor_is_tor_heading(s) && (s.len != head.len || memcmp(s.text, head.text, s.len) != 0))
            return i;
    }
    return l->n;
}

/* Returns 1 when the lines [from, to) hold a board's sections, the first
 * within FIRST_SECTION_WITHIN lines of from. */
static int sections_follow(const tor_lines *l, size_t from, size_t to)
{
    tor_walk w = {0};
    for (size_t i = from; i < to; i++) {
        if (sl_text_line_blank(l->lines[i].span.text, l->lines[i].span.len))
            continue;
        tor_walk_line(l, from, i, &w);
        if (!w.first_heading && i > from + FIRST_SECTION_WITHIN)
            return 0;
        if (board_sections(w.seen))
            return 1;
    }
    return 0;
}

int tor_title_line(sl_text_span line)
{
    static const char *const boards[] = {"board", "group", "committee", "panel", "forum", "partnership",
                                         "workstream", "taskforce", "subcommittee", NULL};
    static const char *const verbs[] = {"will", "shall", "is", "are", "was", "were", "has", "have", "be",
                                        "agreed", "meets", NULL};
    sl_text_span s = sl_text_trim(line);
    if (s.len == 0 || s.len > 160 || s.text[s.len - 1] == '.' || has_columns(s) ||
        !(isupper((unsigned char)s.text[0]) || isdigit((unsigned char)s.text[0])))
        return 0;
    int board = 0;
    for (size_t i = 0; boards[i] && !board; i++)
        board = tor_has_word(s.text, s.len, boards[i]);
    for (size_t i = 0; verbs[i] && board; i++)
        board = !tor_has_word(s.text, s.len, verbs[i]);
    return board;
}

/* Returns the first line of the part headed at h: the board's title lines
 * just above the heading ("CHILDREN'S IMPROVEMENT BOARD", then "TERMS OF
 * REFERENCE"), else h. */
static size_t part_start(const tor_lines *l, size_t h)
{
    size_t start = h, i = h, titles = 0;
    while (i > 0 && titles < 3 && h - i < 6) {
        i--;
        sl_text_span s = l->lines[i].span;
        if (sl_text_line_blank(s.text, s.len))
            continue;
        if (!tor_title_line(s) || tor_is_paper_break(s))
            break;
        start = i;
        titles++;
    }
    return start;
}

int tor_find_part(const tor_lines *l, size_t *first, size_t *last)
{
    for (size_t h = 0; h < l->n; h++) {
        if (!tor_is_tor_heading(l->lines[h].span))
            continue;
        size_t end = part_end(l, h);
        if (!sections_follow(l, h + 1, end))
            continue;
        *first = part_start(l, h);
        *last = end;
        return 1;
    }
    size_t seen = 0;
    for (size_t i = 0; i < l->n && seen < 5; i++) {
        if (sl_text_line_blank(l->lines[i].span.text, l->lines[i].span.len))
            continue;
        seen++;
        if (tor_title_line(l->lines[i].span) && sections_follow(l, i + 1, l->n)) {
            *first = i;
            *last = l->n;
            return 1;
        }
    }
    return 0;
}

int sl_tor_find_part(const char *text, size_t len, size_t *start, size_t *end)
{
    tor_lines l;
    tor_lines_split(text, len, 1, &l);
    size_t first, last;
    int found = tor_find_part(&l, &first, &last);
    if (found) {
        *start = (size_t)(l.lines[first].span.text - text);
        *end = last < l.n ? (size_t)(l.lines[last].span.text - text) : len;
    }
    tor_lines_free(&l);
    return found;
}
