/* inspection_text.c — an Ofsted inspection report's text into an sl_inspection
 * (see inspection_text.h). The text is split into lines once; every part of
 * the report is then found by its title, labels and headings, never by fixed
 * positions, and every look at a line stays inside its bounds. */
#include "import/kind/inspection/inspection_text.h"

#include <stdlib.h>
#include <string.h>

#include "import/kind/inspection/inspection_table.h"
#include "import/kind/inspection/ofsted_text.h"
#include "util/buf.h"
#include "util/mem.h"

#define SUBHEADING_MAX 80       /* a heading inside a list of recommendations is short */
#define TITLE_SCAN_LINES 40     /* the title, dates and table sit on the first page */
#define DETECT_BYTES 16384      /* sl_inspection_detect looks no further */
#define SHORT_INSPECTION_DAYS 7 /* a short ILACS inspection is on site for one week */


typedef enum {
    TITLE_NONE = 0,
    TITLE_ILACS,                /* "Inspection of Halton local authority children's services" */
    TITLE_SIF,                  /* "Inspection of services for children in need of help …" */
    TITLE_FOCUSED_VISIT,        /* "Focused visit to … children's services" */
    TITLE_MONITORING_VISIT      /* "Monitoring visit to … children's services" */
} title_kind;

typedef struct {
    title_kind kind;
    size_t line;                /* index of the title line */
    int name_above;             /* the authority is named on the lines above the title */
} title;

static const char *const dates_labels[] = {
    "inspection date", "visit date", "date of inspection", "dates of inspection",
    "date of visit", "dates of visit", NULL,
};
static const char *const published_labels[] = {
    "report published", "publication date", "date published", "published", NULL,
};
static const char *const lead_labels[] = {"lead inspector", NULL};

/* Headings that open the list of recommendations. */
static const char *const list_headings[] = {
    "what needs to improve", "what does the local authority need to improve",
    "recommendations", "areas for improvement",
};

/* Words of the report's section headings that end a list of
 * recommendations ("The local authority's strengths", "Summary for children
 * and young people", "Progress since the last inspection"). */
static const char *const section_words[] = {
    "strengths", "summary", "progress since", "information about", "inspection judgement",
    "what the inspection", "section ", "executive",
};

/* Sub-headings found inside a SIF list of recommendations. */
static const char *const list_subheadings[] = {
    "priority and immediate action", "priority action", "priority actions", "immediate action",
    "areas for improvement", "areas for priority action", "recommendations",
};

/* ---- title and authority --------------------------------------------- */

/* Finds the report's title: an ILACS title must be the first line with text
 * ("Inspection of Halton local authority"); a SIF or visit title may follow
 * the authority's name or an address within the first lines. */
static title find_title(const ot_doc *doc)
{
    title t = {TITLE_NONE, 0, 0};
    size_t limit = doc->n < TITLE_SCAN_LINES ? doc->n : TITLE_SCAN_LINES;
    int first_text = 1;
    for (size_t i = 0; i < limit; i++) {
        ot_slice s = ot_trim(ot_line_text(doc, i));
        if (s.n == 0)
            continue;
        t.line = i;
        if (ot_starts_with(s, "inspection of services for children") ||
            ot_starts_with(s, "re-inspection of services for children"))
            t.kind = TITLE_SIF;
        else if (ot_starts_with(s, "focused visit to "))
            t.kind = TITLE_FOCUSED_VISIT;
        else if (ot_starts_with(s, "monitoring visit to ") || ot_starts_with(s, "monitoring visit of "))
            t.kind = TITLE_MONITORING_VISIT;
        else if (ot_starts_with(s, "inspection of children") ||
                 ot_starts_with(s, "inspection of local authority children"))
            t.kind = TITLE_ILACS;   /* 2018-2019: "Leeds" then "Inspection of children's social care services" */
        else if (first_text && ot_starts_with(s, "inspection of "))
            t.kind = TITLE_ILACS;
        t.name_above = t.kind == TITLE_SIF || (t.kind == TITLE_ILACS && !first_text);
        if (t.kind != TITLE_NONE)
            return t;
        first_text = 0;
    }
    t.line = 0;
    return t;
}

/* Returns 1 when a line ends the title block: a label or the judgement table. */
static int ends_title(ot_slice t)
{
    return ot_find(t, ":") >= 0 || ot_starts_with(t, "judgement");
}

/* Returns the authority the title names ("Halton" from "Inspection of Halton
 * local authority children's services"; for a SIF report the name on the
 * lines above the title), trimmed; the caller frees it. NULL when none. */
static char *authority_from_title(const ot_doc *doc, title t)
{
    sl_buf b = SL_BUF_INIT;
    if (t.name_above) {
        size_t last = t.line;
        while (last > 0 && ot_is_blank(ot_line_text(doc, last - 1)))
            last--;     /* "London Borough of Bromley", a blank line, then the title */
        size_t first = last;
        while (first > 0 && last - first < 3 && !ot_is_blank(ot_line_text(doc, first - 1)))
            first--;
        for (size_t i = first; i < last; i++)
            ot_append_line(&b, ot_line_text(doc, i));
    } else {
        sl_buf heading = SL_BUF_INIT;
        ot_append_line(&heading, ot_line_text(doc, t.line));
        for (size_t i = t.line + 1; i < doc->n && i <= t.line + 2; i++) {
            ot_slice next = ot_trim(ot_line_text(doc, i));
            if (ot_find(ot_buf_slice(&heading), " children") >= 0 || next.n == 0 || ends_title(next))
                break;
            ot_append_line(&heading, next);
        }
        ot_slice s = ot_buf_slice(&heading);
        const char *lead = t.kind == TITLE_ILACS ? "inspection of " : "visit ";
        long at = ot_find(s, lead);
        if (at >= 0) {
            s = ot_drop(s, (size_t)at + strlen(lead));
            if (ot_starts_with(s, "to ") || ot_starts_with(s, "of "))
                s = ot_drop(s, 3);
            long cut = ot_find(s, " local authority");
            if (cut < 0)
                cut = ot_find(s, " children");
            if (cut >= 0)
                s.n = (size_t)cut;
            ot_append_line(&b, s);
        }
        sl_buf_free(&heading);
    }
    while (b.len > 0 && strchr(", ", b.data[b.len - 1]))
        b.len--;
    if (b.len == 0) {
        sl_buf_free(&b);
        return NULL;
    }
    b.data[b.len] = '\0';
    return sl_buf_take(&b);
}

/* ---- dates ----------------------------------------------------------- */

/* Reads the "Inspection dates:" line near the title into out->start and end. */
static int read_dates(const ot_doc *doc, title t, const char *file, sl_inspection *out,
                      sl_error *err)
{
    ot_slice value;
    size_t at = ot_find_labelled(doc, 0, t.line + TITLE_SCAN_LINES, dates_labels, &value);
    if (at == OT_NOT_FOUND)
        return sl_fail_at(err, file, ot_line_number(doc, t.line),
                          "no 'Inspection dates:' line under the report's title");
    sl_buf text = SL_BUF_INIT;
    int rc = ot_read_inspection_dates(ot_normalised(&text, value), &out->start, &out->end);
    sl_buf_free(&text);
    if (rc < 0)
        return sl_fail_at(err, file, ot_line_number(doc, at),
                          "cannot read the inspection dates '%.*s' (expected a form such as"
                          " '13 to 24 May 2024' or '25 October 2021 to 5 November 2021')",
                          (int)(value.n > 80 ? 80 : value.n), value.s);
    return 0;
}

/* Reads the URN and publication day from a scrape-tool file name such as
 * "80471_halton_12-july-2024.txt"; leaves out unchanged for other names. */
static void read_file_name(const char *file, sl_inspection *out)
{
    const char *base = strrchr(file, '/');
    base = base ? base + 1 : file;
    size_t n = strlen(base);
    const char *dot = strrchr(base, '.');
    if (dot)
        n = (size_t)(dot - base);
    size_t digits = 0;
    while (digits < n && ot_is_digit(base[digits]))
        digits++;
    if (digits == 0 || digits >= n || base[digits] != '_')
        return;
    size_t date_at = n;
    while (date_at > digits + 1 && base[date_at - 1] != '_')
        date_at--;
    char date[40];
    size_t date_len = n - date_at;
    if (date_at <= digits + 1 || date_len == 0 || date_len >= sizeof date)
        return;
    for (size_t i = 0; i < date_len; i++)
        date[i] = base[date_at + i] == '-' ? ' ' : base[date_at + i];
    ot_slice date_text = {date, date_len};
    sl_day day;
    if (ot_read_single_day(date_text, &day) < 0)
        return;
    if (out->published == SL_NO_DAY)
        out->published = day;
    out->urn = sl_strndup(base, digits);
}

/* Reads "Report published: 4 September 2017" near the title, else the date
 * in a scrape-tool file name. A published line that is not a date is an error. */
static int read_published(const ot_doc *doc, title t, const char *file, sl_inspection *out,
                          sl_error *err)
{
    ot_slice value;
    size_t at = ot_find_labelled(doc, 0, t.line + TITLE_SCAN_LINES, published_labels, &value);
    if (at != OT_NOT_FOUND) {
        sl_buf text = SL_BUF_INIT;
        int rc = ot_read_single_day(ot_normalised(&text, value), &out->published);
        sl_buf_free(&text);
        if (rc < 0)
            return sl_fail_at(err, file, ot_line_number(doc, at),
                              "cannot read the publication date '%.*s'",
                              (int)(value.n > 80 ? 80 : value.n), value.s);
    }
    read_file_name(file, out);
    return 0;
}

/* Reads "Lead inspector: Lisa Summers, His Majesty's Inspector" as "Lisa Summers". */
static void read_lead_inspector(const ot_doc *doc, sl_inspection *out)
{
    ot_slice value;
    if (ot_find_labelled(doc, 0, doc->n, lead_labels, &value) == OT_NOT_FOUND)
        return;
    long comma = ot_find(value, ",");
    if (comma >= 0)
        value.n = (size_t)comma;
    value = ot_trim(value);
    if (value.n >= 4 && ot_find(ot_drop(value, value.n - 4), " hmi") == 0)
        value = ot_trim((ot_slice){value.s, value.n - 4});
    sl_buf name = SL_BUF_INIT;
    ot_append_line(&name, value);
    if (name.len > 0)
        out->lead_inspector = sl_buf_take(&name);
    sl_buf_free(&name);
}

/* ---- judgements ------------------------------------------------------ */

/* Reads the judgement table between the title and until (the recommendations
 * heading). A visit letter has none; any other report must grade something. */
static int read_judgements(const ot_doc *doc, title t, size_t until, const char *file,
                           sl_inspection *out, sl_error *err)
{
    if (t.kind == TITLE_FOCUSED_VISIT || t.kind == TITLE_MONITORING_VISIT)
        return 0;
    return ot_read_judgements(doc, t.line, until, t.kind == TITLE_SIF, file, out, err);
}

/* ---- recommendations ------------------------------------------------- */

/* Returns 1 for a heading that opens the list of recommendations:
 * "What needs to improve?" (maybe with a footnote mark), "What does the
 * local authority need to improve?", "Recommendations". */
static int is_list_heading(ot_slice t)
{
    if (ot_is_footer(t) && !ot_is_blank((ot_slice){t.s, t.n - 1}))
        return 0;   /* a contents line: "What does the local authority need to improve?   5" */
    for (size_t i = 0; i < sizeof list_headings / sizeof list_headings[0]; i++) {
        if (!ot_starts_with(t, list_headings[i]))
            continue;
        if (ot_is_heading_word(t, list_headings[i]))
            return 1;
        ot_slice end = t;
        while (end.n > 0 && ot_is_digit(end.s[end.n - 1]))
            end.n--;
        if (i < 2 && end.n > 0 && end.s[end.n - 1] == '?')
            return 1;   /* "What needs to improve in this area of practice?" */
    }
    return 0;
}

static int is_list_subheading(ot_slice t)
{
    for (size_t i = 0; i < sizeof list_subheadings / sizeof list_subheadings[0]; i++)
        if (ot_is_heading_word(t, list_subheadings[i]))
            return 1;
    return 0;
}

/* Returns the index of the recommendations heading after line from, or OT_NOT_FOUND. */
static size_t find_list_heading(const ot_doc *doc, size_t from)
{
    for (size_t i = from; i < doc->n; i++)
        if (is_list_heading(ot_trim(ot_line_text(doc, i))))
            return i;
    return OT_NOT_FOUND;
}

/* Returns the index of the first line after i that holds text (page
 * furniture passed over), or doc->n. */
static size_t next_text_line(const ot_doc *doc, size_t i)
{
    for (i++; i < doc->n; i++) {
        size_t after = ot_skip_page_furniture(doc, i);
        if (after != i)
            i = after - 1;
        else if (!ot_is_blank(ot_line_text(doc, i)))
            return i;
    }
    return doc->n;
}

/* Returns the number opening an item ("12." gives 12), or 0 for a bullet. */
static int item_number(ot_slice t)
{
    int n = 0;
    if (ot_number_prefix(t, 0) == 0)
        return 0;
    for (size_t i = 0; i < t.n && ot_is_digit(t.s[i]); i++)
        n = n * 10 + (t.s[i] - '0');
    return n;
}

/* Returns 1 for a heading inside the list: a known one ("Priority and
 * immediate action"), or, in a numbered list, a short line without a full
 * stop that the list's next number follows ("The quality of social work
 * practice" before "3."). listed counts the items read so far. */
static int inside_heading(const ot_doc *doc, size_t i, ot_slice t, size_t listed)
{
    if (is_list_subheading(t))
        return 1;
    if (t.n > SUBHEADING_MAX || strchr(".;,", t.s[t.n - 1]))
        return 0;
    for (size_t k = 0; k < sizeof section_words / sizeof section_words[0]; k++)
        if (ot_find(t, section_words[k]) >= 0)
            return 0;
    size_t next = next_text_line(doc, i);
    return next < doc->n && item_number(ot_trim(ot_line_text(doc, next))) == (int)listed + 1;
}

/* Returns 1 for a numbered line that heads the bullets under it ("1.
 * Quality and effectiveness of practice" followed by bulleted
 * recommendations): short, no full stop, and a bullet comes next. */
static int numbered_heading(const ot_doc *doc, size_t i, ot_slice t)
{
    ot_slice rest, next_rest;
    if (item_number(t) == 0 || !ot_item_marker(t, &rest) || rest.n == 0 || rest.n > SUBHEADING_MAX ||
        strchr(".;,:", rest.s[rest.n - 1]))
        return 0;
    size_t next = next_text_line(doc, i);
    if (next >= doc->n)
        return 0;
    ot_slice n = ot_trim(ot_line_text(doc, next));
    return item_number(n) == 0 && ot_item_marker(n, &next_rest);
}

/* An item being gathered: its text, first line, and the indent and glyph of
 * the list's top-level markers (a deeper marker of another glyph is a
 * sub-bullet and belongs to its item). */
typedef struct {
    sl_buf text;
    long line;
    int open;
    size_t top_indent;
    unsigned long top_glyph;
} gathering;

/* Returns 1 when a marker line is a sub-bullet of the open item. */
static int is_sub_bullet(const gathering *g, ot_slice line)
{
    ot_slice t = ot_trim(line);
    return g->open && ot_indent_of(line) > g->top_indent + 1 && ot_marker_glyph(t) != g->top_glyph;
}

/* Starts a new top-level item at line i with text rest. */
static void open_item(gathering *g, const ot_doc *doc, size_t i, ot_slice rest, sl_inspection *out)
{
    ot_slice line = ot_line_text(doc, i);
    if (g->open)
        ot_finish_item(out, &g->text, g->line);
    if (out->n_items == 0 || !g->open) {
        g->top_indent = ot_indent_of(line);
        g->top_glyph = ot_marker_glyph(ot_trim(line));
    }
    g->open = 1;
    g->line = ot_line_number(doc, i);
    ot_append_line(&g->text, rest);
}

/* Reads the items under the heading at line heading until the list ends: a
 * line after a blank that is neither an item, a heading inside the list nor
 * page furniture. Returns the index of the line where the list ended. */
static size_t read_items(const ot_doc *doc, size_t heading, sl_inspection *out)
{
    gathering g = {SL_BUF_INIT, 0, 0, 0, 0};
    size_t first_item = out->n_items;
    int blank_seen = 0, page_break = 0;
    ot_slice previous = {"", 0}, rest;
    size_t i;
    for (i = heading + 1; i < doc->n; i++) {
        ot_slice line = ot_line_text(doc, i), t = ot_trim(line);
        page_break |= doc->lines[i].page_start;
        size_t after_furniture = ot_skip_page_furniture(doc, i);
        if (t.n == 0 || after_furniture != i) {
            blank_seen = 1;
            page_break |= after_furniture != i;
            if (after_furniture != i)
                i = after_furniture - 1;
            continue;
        }
        if (numbered_heading(doc, i, t)) {
            if (g.open)
                ot_finish_item(out, &g.text, g.line);
            g.open = 0;
        } else if (ot_item_marker(t, &rest) && !is_sub_bullet(&g, line)) {
            open_item(&g, doc, i, rest, out);
        } else if (g.open && is_sub_bullet(&g, line) && ot_item_marker(t, &rest)) {
            ot_append_line(&g.text, rest);
        } else if (g.open && (ot_continues_item(previous, line, blank_seen, page_break) ||
                              is_sub_bullet(&g, line))) {
            ot_append_line(&g.text, t);
        } else if (inside_heading(doc, i, t, out->n_items - first_item + g.open) || (!g.open && out->n_items == 0 && t.s[t.n - 1] == ':')) {
            if (g.open)
                ot_finish_item(out, &g.text, g.line);
            g.open = 0;
        } else {
            break;
        }
        previous = t;
        blank_seen = page_break = 0;
    }
    if (g.open)
        ot_finish_item(out, &g.text, g.line);
    sl_buf_free(&g.text);
    return i;
}

/* Returns 1 when every judgement the report gives is outstanding: such a
 * report may list nothing to improve (it says so in prose, or has no list). */
static int all_outstanding(const sl_inspection *in)
{
    int graded = 0;
    for (int k = 0; k < SL_JUDGEMENT_COUNT; k++) {
        if (in->judgements[k] != SL_GRADE_NONE && in->judgements[k] != SL_GRADE_OUTSTANDING)
            return 0;
        graded += in->judgements[k] != SL_GRADE_NONE;
    }
    return graded > 0;
}

/* Reads the recommendations under the first list heading that has items (a
 * contents page may name the heading first). A visit letter may have none. */
static int read_recommendations(const ot_doc *doc, title t, const char *file,
                                sl_inspection *out, sl_error *err)
{
    size_t first = find_list_heading(doc, t.line + 1);
    for (size_t h = first; h != OT_NOT_FOUND && out->n_items == 0;) {
        out->items_line = ot_line_number(doc, h);
        size_t stop = read_items(doc, h, out);
        h = find_list_heading(doc, stop > h + 1 ? stop : h + 1);
    }
    if (out->n_items > 0)
        return 0;
    out->items_line = 0;
    if (t.kind == TITLE_FOCUSED_VISIT || t.kind == TITLE_MONITORING_VISIT || all_outstanding(out))
        return 0;
    if (first == OT_NOT_FOUND)
        return sl_fail_at(err, file, ot_line_number(doc, doc->n - 1),
                          "no recommendations: no 'What needs to improve?' list before the end"
                          " of the report");
    ot_slice heading = ot_trim(ot_line_text(doc, first));
    return sl_fail_at(err, file, ot_line_number(doc, first),
                      "no recommendations: '%.*s' is followed by no items",
                      (int)(heading.n > 80 ? 80 : heading.n), heading.s);
}

/* ---- the report ------------------------------------------------------ */

/* Returns the framework a report was inspected under: SIF and visits by their
 * title, ILACS short or standard by the days on site. */
static const char *framework_of(title t, const sl_inspection *insp)
{
    switch (t.kind) {
    case TITLE_SIF:
        return SL_FRAMEWORK_SIF;
    case TITLE_FOCUSED_VISIT:
        return SL_FRAMEWORK_FOCUSED_VISIT;
    case TITLE_MONITORING_VISIT:
        return SL_FRAMEWORK_MONITORING_VISIT;
    default:
        return insp->end - insp->start <= SHORT_INSPECTION_DAYS ? SL_FRAMEWORK_ILACS_SHORT
                                                                : SL_FRAMEWORK_ILACS_STANDARD;
    }
}

/* Reads every part of the report in doc into out; returns 0 or -1. */
static int read_report(const ot_doc *doc, const char *file, sl_inspection *out, sl_error *err)
{
    title t = find_title(doc);
    if (t.kind == TITLE_NONE)
        return sl_fail_at(err, file, 1,
                          "not an Ofsted inspection report: it does not open with a title such"
                          " as 'Inspection of Halton local authority children's services'");
    out->source_file = sl_strdup(file);
    out->authority = authority_from_title(doc, t);
    if (!out->authority)
        return sl_fail_at(err, file, ot_line_number(doc, t.line),
                          "the report's title names no local authority");
    size_t heading = find_list_heading(doc, t.line + 1);
    if (read_judgements(doc, t, heading == OT_NOT_FOUND ? doc->n : heading, file, out, err) < 0 ||
        read_dates(doc, t, file, out, err) < 0 || read_published(doc, t, file, out, err) < 0)
        return -1;
    read_lead_inspector(doc, out);
    out->framework = sl_strdup(framework_of(t, out));
    out->kind = sl_inspection_kind_of_framework(out->framework);
    return read_recommendations(doc, t, file, out, err);
}

int sl_inspection_detect(const char *data, size_t len)
{
    if (!data || len == 0)
        return 0;
    ot_doc doc;
    ot_split_lines(&doc, data, len < DETECT_BYTES ? len : DETECT_BYTES);
    title t = find_title(&doc);
    int found = 0;
    size_t limit = t.line + TITLE_SCAN_LINES < doc.n ? t.line + TITLE_SCAN_LINES : doc.n;
    for (size_t i = t.line + 1; t.kind != TITLE_NONE && i < limit && !found; i++) {
        ot_slice s = ot_trim(ot_line_text(&doc, i));
        found = (ot_starts_with(s, "judgement") && ot_find(s, "grade") >= 0);
        for (const char *const *label = dates_labels; *label && !found; label++)
            found = ot_starts_with(s, *label);
    }
    free(doc.lines);
    return found;
}

int sl_inspection_read(const char *data, size_t len, const char *file, sl_inspection *out,
                       sl_error *err)
{
    return ot_read(data, len, file, out, err, read_report);
}
