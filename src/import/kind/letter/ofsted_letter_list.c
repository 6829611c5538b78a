/* ofsted_letter_list.c — the lists of findings in an Ofsted letter (see
 * ofsted_letter_list.h). A list's shape is decided by its first line: the
 * SEND table's header, a bullet or number, or a paragraph. */
#include "import/kind/letter/ofsted_letter_list.h"

#include <string.h>

#include "util/buf.h"

#define HEADING_MAX 90          /* a heading is one short line */
#define SHORT_HEADING 70        /* a heading inside or after a list is shorter still */
#define INTRO_LINES 4           /* "The local authority needs to … the following areas:" */
#define PAGE_BREAK 2            /* next_text passed a page's end */          /* lines looked at to find the width of the letter's prose */

typedef enum { HEAD_NONE = 0, HEAD_PRIORITY, HEAD_IMPROVE } heading_kind;

static const char *const priority_headings[] = {
    "areas for priority action", "area for priority action", "areas for priority actions",
    "area for priority actions",
};
static const char *const improve_headings[] = {
    "areas for improvement", "area for improvement", "areas for development", "area for development",
    "what the local authority needs to improve", "what needs to be improved",
};
/* Words of headings that end a list (the letter's next section). */
static const char *const section_words[] = {
    "findings", "strengths", "next steps", "case study", "practice study", "local area partnership details",
    "information about", "inspection team", "yours sincerely",
};

/* A list being read. */
typedef struct {
    const ot_doc *doc;
    sl_inspection *out;
    int priority;
    sl_buf text;                /* the open item's words */
    long line;                  /* its first line's number; 0 when no item is open */
    size_t top_indent;          /* where the list's own bullets sit */
    unsigned long top_glyph;    /* the list's own bullets (ot_marker_glyph) */
    int sub;                    /* the last line was a sub-bullet or its continuation */
    ot_slice last;              /* the last line added */
    int blank_separated;        /* paragraphs are set apart by blank lines */
} list_state;

/* ---- lines ----------------------------------------------------------- */

/* Returns the characters (not bytes) in s. */
static size_t chars(ot_slice s)
{
    size_t n = 0;
    for (size_t i = 0; i < s.n; i++)
        n += ((unsigned char)s.s[i] & 0xC0) != 0x80;
    return n;
}

/* Returns 1 when t ends a sentence or a lead-in (". ; : ? !"). */
static int ends_sentence(ot_slice t)
{
    return t.n > 0 && strchr(".;:?!", t.s[t.n - 1]) != NULL;
}

/* Returns 1 for an upper-case ASCII letter or a digit at the start of t. */
static int starts_capital(ot_slice t)
{
    return t.n > 0 && ((t.s[0] >= 'A' && t.s[0] <= 'Z') || ot_is_digit(t.s[0]));
}

/* Returns what heading line t is: a priority heading, an improvement heading
 * ("What needs to improve in this area of social work practice?1") or none.
 * A contents line (a page number after a gap) is none. */
static heading_kind heading_of(ot_slice t)
{
    if (t.n == 0 || t.n > HEADING_MAX || (ot_is_footer(t) && !ot_is_digit(t.s[0])))
        return HEAD_NONE;
    for (size_t k = 0; k < sizeof priority_headings / sizeof priority_headings[0]; k++)
        if (ot_is_heading_word(t, priority_headings[k]))
            return HEAD_PRIORITY;
    for (size_t k = 0; k < sizeof improve_headings / sizeof improve_headings[0]; k++)
        if (ot_is_heading_word(t, improve_headings[k]))
            return HEAD_IMPROVE;
    if (ot_starts_with(t, "what needs to improve") && ot_find(t, ".") < 0)
        return HEAD_IMPROVE;
    return HEAD_NONE;
}

/* Returns 1 for a line that heads the letter's next section: short, no
 * full stop, or naming a section ("Main findings", "Case study: …"). */
static int section_heading(ot_slice t)
{
    for (size_t k = 0; k < sizeof section_words / sizeof section_words[0]; k++)
        if (ot_starts_with(t, section_words[k]) || (t.n <= SHORT_HEADING && ot_find(t, section_words[k]) >= 0))
            return 1;
    return heading_of(t) != HEAD_NONE;
}

/* Returns 1 when t could be a heading: short, starting with a capital, not
 * ending a sentence or a clause. */
static int heading_like(ot_slice t)
{
    return t.n > 0 && chars(t) <= SHORT_HEADING && starts_capital(t) && !strchr(".;:,", t.s[t.n - 1]);
}

/* Returns the index after the page furniture at line i: a running header
 * and its footer ("Area SEND inspection report: … Partnership" then "11 to
 * 15 December 2023      8"), a page number, or i when line i is text. */
static size_t furniture_end(const ot_doc *doc, size_t i)
{
    size_t after = ot_skip_page_furniture(doc, i);
    if (after != i)
        return after;
    ot_slice rest;
    int opens_page = i == 0 || doc->lines[i].page_start || ot_is_blank(ot_line_text(doc, i - 1));
    if (opens_page && i + 1 < doc->n && !ot_item_marker(ot_trim(ot_line_text(doc, i)), &rest) &&
        ot_is_footer(ot_trim(ot_line_text(doc, i + 1))))
        return i + 2;
    return i;
}

/* Returns the next line at or after i holding text (furniture passed over),
 * or doc->n; sets *blank to PAGE_BREAK when a page ended first, to 1 when
 * a blank line came first, else 0. */
static size_t next_text(const ot_doc *doc, size_t i, int *blank)
{
    *blank = 0;
    while (i < doc->n) {
        size_t after = furniture_end(doc, i);
        if (doc->lines[i].page_start)
            *blank = PAGE_BREAK;
        if (after != i) {
            i = after;
            *blank = PAGE_BREAK;
        } else if (ot_is_blank(ot_line_text(doc, i))) {
            *blank = *blank ? *blank : 1;
            i++;
        } else {
            return i;
        }
    }
    return doc->n;
}

/* Returns 1 for a footnote line (a bare number, then text: "1 The national
 * framework …"); a footnote's text can land inside a list. */
static int is_footnote(ot_slice t)
{
    size_t d = 0;
    while (d < t.n && d < 3 && ot_is_digit(t.s[d]))
        d++;
    return d > 0 && d < 3 && d + 1 < t.n && t.s[d] == ' ' && starts_capital(ot_drop(t, d + 1));
}

/* ---- items ----------------------------------------------------------- */

/* Closes the open item, if any, adding it to the inspection. */
static void close_item(list_state *st)
{
    if (st->line == 0)
        return;
    size_t before = st->out->n_items;
    ot_finish_item(st->out, &st->text, st->line);
    if (st->out->n_items > before)
        st->out->items[st->out->n_items - 1].priority = st->priority;
    st->line = 0;
    st->sub = 0;
}

/* Opens a new item at line i with the words of text. */
static void open_item(list_state *st, size_t i, ot_slice text)
{
    close_item(st);
    st->line = ot_line_number(st->doc, i);
    ot_append_line(&st->text, text);
    st->last = ot_trim(ot_line_text(st->doc, i));
}

/* Adds the words of text to the open item (line i). */
static void add_words(list_state *st, size_t i, ot_slice text)
{
    ot_append_line(&st->text, text);
    st->last = ot_trim(ot_line_text(st->doc, i));
}

/* Returns the index after a footnote at line i (up to a blank line). */
static size_t skip_footnote(const ot_doc *doc, size_t i)
{
    while (i < doc->n && !ot_is_blank(ot_line_text(doc, i)))
        i++;
    return i;
}

/* ---- bullets --------------------------------------------------------- */

/* Returns 1 for a heading inside a bulleted list (an agency's name in a
 * JTAI letter): heading-like, not a section, and a bullet of the list's own
 * glyph follows. */
static int inside_heading(const list_state *st, size_t i, ot_slice t)
{
    int blank;
    ot_slice rest;
    if (!heading_like(t) || section_heading(t))
        return 0;
    size_t next = next_text(st->doc, i + 1, &blank);
    if (next >= st->doc->n)
        return 0;
    ot_slice n = ot_trim(ot_line_text(st->doc, next));
    return ot_item_marker(n, &rest) && ot_marker_glyph(n) == st->top_glyph;
}

/* Returns 1 when t, opening with a number, is the rest of the open item's
 * sentence in a list of bullets ("(MAPPA-" then "2) meetings in …"). */
static int wrapped_number(const list_state *st, ot_slice t, int blank)
{
    return st->line != 0 && !blank && !ends_sentence(st->last) && ot_number_prefix(t, 0) > 0 &&
           st->top_glyph != '0';
}

/* Takes the bullet line i (t without its blanks, rest its words). */
static void take_bullet(list_state *st, size_t i, ot_slice t, ot_slice rest)
{
    ot_slice line = ot_line_text(st->doc, i);
    if (st->line != 0 && ot_indent_of(line) > st->top_indent + 1 && ot_marker_glyph(t) != st->top_glyph) {
        add_words(st, i, rest);     /* a sub-bullet: part of its item */
        return;
    }
    if (st->out->n_items == 0 && st->line == 0)
        st->top_glyph = ot_marker_glyph(t);
    st->top_indent = ot_indent_of(line);   /* pages may indent the list differently */
    open_item(st, i, rest);
}

/* Reads a bulleted or numbered list from line i; stops at a line after a
 * blank that is neither a bullet, a heading inside the list nor the rest
 * of an item broken by a page. */
static void read_bullets(list_state *st, size_t i)
{
    const ot_doc *doc = st->doc;
    int blank = 0;
    for (; i < doc->n; i = next_text(doc, i + 1, &blank)) {
        ot_slice line = ot_line_text(doc, i), t = ot_trim(line), rest;
        if (heading_of(t) != HEAD_NONE)
            break;
        if (blank && is_footnote(t)) {
            i = skip_footnote(doc, i) - 1;
        } else if (ot_item_marker(t, &rest) && !wrapped_number(st, t, blank)) {
            if (rest.n > 0 && !ot_says_none(rest))
                take_bullet(st, i, t, rest);
        } else if (st->line != 0 && (!ends_sentence(st->last) || (!blank && ot_indent_of(line) > 0) ||
                                     (blank == PAGE_BREAK && ot_indent_of(line) > st->top_indent))) {
            add_words(st, i, t);
        } else if (inside_heading(st, i, t)) {
            close_item(st);
        } else {
            break;
        }
    }
    close_item(st);
}

/* ---- paragraphs ------------------------------------------------------ */

/* Returns 1 when the paragraphs of the list opening at line from are set
 * apart by blank lines (a blank line after a sentence's end, then a new
 * sentence, before the next heading). */
static int blank_separated(const ot_doc *doc, size_t from)
{
    int blank = 0;
    ot_slice last = {"", 0};
    for (size_t i = from; i < doc->n; i = next_text(doc, i + 1, &blank)) {
        ot_slice t = ot_trim(ot_line_text(doc, i));
        if (heading_of(t) != HEAD_NONE || (heading_like(t) && (blank || section_heading(t))))
            return 0;
        if (blank == 1 && ends_sentence(last) && starts_capital(t))
            return 1;
        last = t;
    }
    return 0;
}

/* Returns 1 when line t opens a new paragraph of a list whose paragraphs
 * follow each other with no blank line: the last line ended a sentence and
 * t starts one. */
static int paragraph_ended(const list_state *st, ot_slice t)
{
    return !st->blank_separated && ends_sentence(st->last) && starts_capital(t);
}

/* Takes the text line i of a paragraph list; returns 0, or -1 when the
 * line ends the list. */
static int take_paragraph_line(list_state *st, size_t i, int blank, size_t para_indent)
{
    ot_slice line = ot_line_text(st->doc, i), t = ot_trim(line);
    if ((blank && heading_like(t)) || (heading_like(t) && section_heading(t)))
        return -1;
    if (st->line == 0 || (blank && ends_sentence(st->last) && starts_capital(t)))
        open_item(st, i, t);
    else if (st->sub && ot_indent_of(line) <= para_indent + 1 && ends_sentence(st->last))
        open_item(st, i, t);
    else if (!st->sub && paragraph_ended(st, t))
        open_item(st, i, t);
    else
        add_words(st, i, t);
    return 0;
}

/* Reads a list of plain (or numbered) paragraphs from line i: each
 * paragraph one item, the bullets under it part of it. Stops at a heading
 * after a blank line or a section heading. */
static void read_paragraphs(list_state *st, size_t i)
{
    const ot_doc *doc = st->doc;
    size_t para_indent = ot_indent_of(ot_line_text(doc, i));
    int blank = 0;
    st->blank_separated = blank_separated(doc, i);
    for (; i < doc->n; i = next_text(doc, i + 1, &blank)) {
        ot_slice line = ot_line_text(doc, i), t = ot_trim(line), rest;
        if (heading_of(t) != HEAD_NONE)
            break;
        if (blank && is_footnote(t)) {
            i = skip_footnote(doc, i) - 1;
        } else if (ot_item_marker(t, &rest)) {
            if (rest.n > 0 && ot_number_prefix(t, 0) > 0 && ot_indent_of(line) <= para_indent + 1) {
                open_item(st, i, rest);
            } else if (rest.n > 0 && st->line != 0) {
                add_words(st, i, rest);
                st->sub = 1;
            }
        } else if (take_paragraph_line(st, i, blank, para_indent) < 0) {
            break;
        }
    }
    close_item(st);
}

/* ---- the SEND table -------------------------------------------------- */

/* Returns the character column where the right-hand cell of a table line
 * starts (after its first gap), or the line's indent when it has only one
 * cell; sets *cell to that cell's text. */
static size_t right_cell(ot_slice line, ot_slice *cell)
{
    ot_slice t = ot_trim(line);
    size_t indent = ot_indent_of(line);
    long gap = ot_find(t, "  ");
    *cell = t;
    if (gap < 0)
        return indent;
    *cell = ot_trim(ot_drop(t, (size_t)gap));
    return indent + chars((ot_slice){t.s, (size_t)(cell->s - t.s)});
}

/* Reads the rows of a two-column table ("Responsible body | Areas for
 * priority action") after its header at line header: the right-hand cells
 * make the items, a new one wherever a cell opens a sentence after one
 * that ended. */
static void read_table(list_state *st, size_t header)
{
    const ot_doc *doc = st->doc;
    ot_slice head_cell;
    size_t column = right_cell(ot_line_text(doc, header), &head_cell), i;
    int blank = 0;
    for (i = next_text(doc, header + 1, &blank); i < doc->n; i = next_text(doc, i + 1, &blank)) {
        ot_slice line = ot_line_text(doc, i), t = ot_trim(line), cell;
        if (heading_of(t) != HEAD_NONE || (blank && (heading_like(t) || section_heading(t))))
            break;
        if (right_cell(line, &cell) + 2 < column)
            continue;           /* only the responsible body's words */
        if (st->line == 0 || (ends_sentence(st->last) && starts_capital(cell)))
            open_item(st, i, cell);
        else
            add_words(st, i, cell);
        st->last = cell;
    }
    close_item(st);
}

/* ---- a list ---------------------------------------------------------- */

/* Returns the first line of the list's items at or after i: past a lead-in
 * sentence ending in ':' that a bullet opening a sentence of its own follows. */
static size_t past_intro(const ot_doc *doc, size_t i)
{
    ot_slice rest;
    if (ot_item_marker(ot_trim(ot_line_text(doc, i)), &rest))
        return i;
    for (size_t j = i; j < doc->n && j < i + INTRO_LINES; j++) {
        ot_slice t = ot_trim(ot_line_text(doc, j));
        if (t.n == 0)
            break;
        int blank;
        size_t next = next_text(doc, j + 1, &blank);
        if (t.s[t.n - 1] == ':' && next < doc->n && ot_item_marker(ot_trim(ot_line_text(doc, next)), &rest) &&
            starts_capital(rest))
            return next;    /* bullets in lower case finish the lead-in's sentence: it is the item */
    }
    return i;
}

/* Returns the words of the lines from i up to a blank line, joined in b
 * (valid until b changes). */
static ot_slice first_sentence(const ot_doc *doc, size_t i, sl_buf *b)
{
    for (size_t j = i; j < doc->n && j < i + INTRO_LINES && !ot_is_blank(ot_line_text(doc, j)); j++)
        ot_append_line(b, ot_line_text(doc, j));
    return ot_buf_slice(b);
}

/* Returns 1 when the list's first line i is a heading of its own part
 * ("Leadership and management") that a bullet follows. */
static int opens_with_heading(const ot_doc *doc, size_t i)
{
    int blank;
    ot_slice rest;
    size_t next = next_text(doc, i + 1, &blank);
    return heading_like(ot_trim(ot_line_text(doc, i))) && next < doc->n &&
           ot_item_marker(ot_trim(ot_line_text(doc, next)), &rest);
}

/* Returns 1 when the list's first paragraph only refers back to an earlier
 * list ("The areas for improvement continue to be those that were
 * identified at the ILACS inspection"): it lists nothing itself. */
static int refers_back(ot_slice t)
{
    static const char *const phrases[] = {"continue to be those", "remain those", "are those identified",
                                          "remain the same as"};
    for (size_t k = 0; k < sizeof phrases / sizeof phrases[0]; k++)
        if (ot_find(t, phrases[k]) >= 0)
            return 1;
    return 0;
}

/* Returns 1 when the paragraph at line i only refers back to an earlier list. */
static int refers_back_at(const ot_doc *doc, size_t i)
{
    sl_buf text = SL_BUF_INIT;
    int back = refers_back(first_sentence(doc, i, &text));
    sl_buf_free(&text);
    return back;
}

/* Reads the list under the heading at line heading. */
static void read_list(const ot_doc *doc, size_t heading, heading_kind kind, sl_inspection *out)
{
    list_state st = {doc, out, kind == HEAD_PRIORITY, SL_BUF_INIT, 0, 0, 0, 0, {"", 0}, 0};
    int blank;
    size_t i = next_text(doc, heading + 1, &blank);
    if (i < doc->n && heading_of(ot_trim(ot_line_text(doc, i))) == kind)
        i = next_text(doc, i + 1, &blank);     /* a table's header repeating the heading */
    if (i < doc->n && opens_with_heading(doc, i))
        i = next_text(doc, i + 1, &blank);
    if (i >= doc->n || ot_says_none(ot_trim(ot_line_text(doc, i))) || refers_back_at(doc, i))
        return;
    ot_slice t = ot_trim(ot_line_text(doc, i)), rest;
    if (ot_find(t, "responsible bod") >= 0)
        read_table(&st, i);
    else if (ot_item_marker(ot_trim(ot_line_text(doc, i = past_intro(doc, i))), &rest))
        read_bullets(&st, i);
    else
        read_paragraphs(&st, i);
    sl_buf_free(&st.text);
}

/* Returns the first heading of kind at or after line from, or OT_NOT_FOUND. */
static size_t find_heading(const ot_doc *doc, size_t from, heading_kind kind)
{
    for (size_t i = from; i < doc->n; i++)
        if (heading_of(ot_trim(ot_line_text(doc, i))) == kind)
            return i;
    return OT_NOT_FOUND;
}

void ol_read_findings(const ot_doc *doc, size_t from, sl_inspection *out)
{
    size_t priority = find_heading(doc, from, HEAD_PRIORITY), improve = find_heading(doc, from, HEAD_IMPROVE);
    size_t first = priority < improve ? priority : improve;
    out->items_line = first == OT_NOT_FOUND ? 0 : ot_line_number(doc, first);
    if (priority != OT_NOT_FOUND && (improve == OT_NOT_FOUND || priority < improve))
        read_list(doc, priority, HEAD_PRIORITY, out);
    if (improve != OT_NOT_FOUND)
        read_list(doc, improve, HEAD_IMPROVE, out);
    if (priority != OT_NOT_FOUND && improve != OT_NOT_FOUND && improve < priority)
        read_list(doc, priority, HEAD_PRIORITY, out);
}
