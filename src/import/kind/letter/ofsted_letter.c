/* ofsted_letter.c — an Ofsted letter's text into an sl_inspection of its
 * kind (see ofsted_letter.h): the title and what it names, the dates, the
 * letter's date and signature; the lists of findings are read by
 * ofsted_letter_list.c. Every part is found by its words, never by
 * position. */
#include "import/kind/letter/ofsted_letter.h"

#include <stdlib.h>
#include <string.h>

#include "import/kind/letter/ofsted_letter_list.h"
#include "import/kind/inspection/ofsted_text.h"
#include "util/buf.h"
#include "util/mem.h"

#define LETTER_SCAN_LINES 80    /* the title sits under the address block */
#define DETECT_BYTES 16384      /* sl_letter_detect looks no further */
#define TITLE_LINE_MAX 90       /* a title line is shorter than a line of prose */
#define TITLE_MORE_LINES 3      /* a title wraps onto at most three more lines */
#define DATE_SCAN_LINES 30      /* the visit's dates are in the letter's first sentences */
#define DATE_WORDS 14
#define SIGNATURE_LINES 12      /* the signatory's name is under "Yours sincerely" */           /* "19 November 2013 to 11 December 2013 and 28 to 30 January 2014" */

/* How each kind of letter opens its title. */
static const struct {
    const char *opening;
    sl_inspection_kind kind;
    const char *framework;
} titles[] = {
    {"focused visit to ", SL_INSPECTION_FOCUSED_VISIT, SL_FRAMEWORK_FOCUSED_VISIT},
    {"focused visit of ", SL_INSPECTION_FOCUSED_VISIT, SL_FRAMEWORK_FOCUSED_VISIT},
    {"monitoring visit to ", SL_INSPECTION_MONITORING_VISIT, SL_FRAMEWORK_MONITORING_VISIT},
    {"monitoring visit of ", SL_INSPECTION_MONITORING_VISIT, SL_FRAMEWORK_MONITORING_VISIT},
    {"joint targeted area inspection", SL_INSPECTION_JTAI, SL_FRAMEWORK_JTAI},
    {"area send inspection", SL_INSPECTION_SEND, SL_FRAMEWORK_SEND},
    {"joint local area send inspection", SL_INSPECTION_SEND, SL_FRAMEWORK_SEND},
    {"local area send inspection", SL_INSPECTION_SEND, SL_FRAMEWORK_SEND},
};

static const char *const dates_labels[] = {
    "inspection dates", "inspection date", "dates of inspection", "visit dates", "visit date", NULL,
};
static const char *const lead_labels[] = {"lead inspector", NULL};

/* Words after which a letter's first sentences give the visit's dates. */
static const char *const date_anchors[] = {" on ", "from ", "between ", "took place "};

/* ---- the title ------------------------------------------------------- */

/* Returns the index of titles[] line t opens, or -1: a title line is short,
 * does not end a sentence, and follows a blank line, a "Dear …" line or
 * nothing (prose that happens to start with the same words does not). */
static int title_at(const ot_doc *doc, size_t i)
{
    ot_slice t = ot_trim(ot_line_text(doc, i));
    if (t.n == 0 || t.n > TITLE_LINE_MAX || t.s[t.n - 1] == '.')
        return -1;
    if (i > 0) {
        ot_slice before = ot_trim(ot_line_text(doc, i - 1));
        if (before.n > 0 && !ot_starts_with(before, "dear ") && i > 2)
            return -1;
    }
    for (size_t k = 0; k < sizeof titles / sizeof titles[0]; k++)
        if (ot_starts_with(t, titles[k].opening))
            return (int)k;
    return -1;
}

/* Finds the title in the letter's first lines; sets *which to its titles[]
 * index. Returns its line index or OT_NOT_FOUND, also when an inspection
 * report's title ("Inspection of …") comes first: a report may name a
 * focused visit or a JTAI at the start of a paragraph. */
static size_t find_title(const ot_doc *doc, int *which)
{
    for (size_t i = 0; i < doc->n && i < LETTER_SCAN_LINES; i++) {
        ot_slice t = ot_trim(ot_line_text(doc, i));
        if (ot_starts_with(t, "inspection of ") || ot_starts_with(t, "re-inspection of "))
            return OT_NOT_FOUND;
        if ((*which = title_at(doc, i)) >= 0)
            return i;
    }
    return OT_NOT_FOUND;
}

/* Appends the title at line at and the lines it wraps onto (up to a blank
 * line or a labelled line) to b, words single-spaced. */
static void title_text(const ot_doc *doc, size_t at, sl_buf *b)
{
    ot_append_line(b, ot_line_text(doc, at));
    for (size_t i = at + 1; i < doc->n && i <= at + TITLE_MORE_LINES; i++) {
        ot_slice t = ot_trim(ot_line_text(doc, i));
        if (t.n == 0 || ot_find(t, ":") >= 0 || t.n > TITLE_LINE_MAX || ot_starts_with(t, "this letter"))
            break;
        ot_append_line(b, t);
    }
}

/* Returns s cut before the first of the words (lower case) it holds. */
static ot_slice cut_before(ot_slice s, const char *const *words, size_t n_words)
{
    for (size_t k = 0; k < n_words; k++) {
        long at = ot_find(s, words[k]);
        if (at >= 0)
            s.n = (size_t)at;
    }
    return ot_trim(s);
}

/* Returns the place a title names: after "visit to" up to "local authority"
 * or "children's services"; a JTAI's after its last " in " (or after
 * "inspection of"); a SEND report's up to "Local Area Partnership". */
static ot_slice place_in_title(ot_slice s, sl_inspection_kind kind)
{
    static const char *const visit_ends[] = {" children", " local authority"};
    static const char *const send_ends[] = {" partnership", " local area"};
    long at = ot_find(s, kind == SL_INSPECTION_SEND ? "inspection " : kind == SL_INSPECTION_JTAI ? "inspection of "
                                                                                               : "visit ");
    if (at < 0)
        return ot_drop(s, s.n);
    s = ot_drop(s, (size_t)at);
    s = ot_drop(s, (size_t)(ot_find(s, " ") + 1));
    if (ot_starts_with(s, "to ") || ot_starts_with(s, "of ") || ot_starts_with(s, "in "))
        s = ot_drop(s, 3);
    for (long in; kind == SL_INSPECTION_JTAI && (in = ot_find(s, " in ")) >= 0;)
        s = ot_drop(s, (size_t)in + 4);
    if (ot_starts_with(s, "the "))
        s = ot_drop(s, 4);
    if (kind == SL_INSPECTION_SEND)
        return cut_before(s, send_ends, 2);
    return kind == SL_INSPECTION_JTAI ? ot_trim(s) : cut_before(s, visit_ends, 2);
}

/* Sets out->authority to the place the title at line at names; returns 0,
 * or -1 when it names none. */
static int read_authority(const ot_doc *doc, size_t at, sl_inspection_kind kind, const char *file,
                          sl_inspection *out, sl_error *err)
{
    sl_buf title = SL_BUF_INIT, place = SL_BUF_INIT;
    title_text(doc, at, &title);
    ot_slice s = place_in_title(ot_buf_slice(&title), kind);
    while (s.n > 0 && strchr(",.;:", s.s[s.n - 1]))
        s.n--;
    ot_append_line(&place, s);
    sl_buf_free(&title);
    if (place.len == 0) {
        sl_buf_free(&place);
        return sl_fail_at(err, file, ot_line_number(doc, at), "the letter's title names no local authority");
    }
    out->authority = sl_buf_take(&place);
    return 0;
}

/* ---- dates and people ------------------------------------------------ */

/* Reads the longest run of at most DATE_WORDS words opening s that the
 * date reader takes as inspection dates ("28 to 29 May 2025" out of "28 to
 * 29 May 2025. His Majesty's …"). Returns 0 and sets the days, or -1. */
static int dates_opening(ot_slice s, sl_day *start, sl_day *end)
{
    size_t ends[DATE_WORDS], n = 0;
    for (size_t i = 0; i < s.n && n < DATE_WORDS; i++)
        if (i + 1 == s.n || s.s[i + 1] == ' ')
            ends[n++] = i + 1;
    while (n > 0) {
        ot_slice words = {s.s, ends[--n]};
        while (words.n > 0 && strchr(".,;:", words.s[words.n - 1]))
            words.n--;
        if (ot_read_inspection_dates(words, start, end) == 0)
            return 0;
    }
    return -1;
}

/* Finds the visit's dates in the letter's first sentences after line from
 * (joined into one text): after "on", "from", "between" or "took place".
 * Returns 0 and sets the days, or -1. */
static int dates_in_sentences(const ot_doc *doc, size_t from, sl_day *start, sl_day *end)
{
    sl_buf text = SL_BUF_INIT;
    for (size_t i = from; i < doc->n && i < from + DATE_SCAN_LINES; i++)
        ot_append_line(&text, ot_line_text(doc, i));
    ot_slice all = ot_buf_slice(&text);
    int rc = -1;
    for (size_t at = 0; rc < 0 && at < all.n; at++)
        for (size_t k = 0; rc < 0 && k < sizeof date_anchors / sizeof date_anchors[0]; k++)
            if (ot_starts_with(ot_drop(all, at), date_anchors[k]))
                rc = dates_opening(ot_trim(ot_drop(all, at + strlen(date_anchors[k]))), start, end);
    sl_buf_free(&text);
    return rc;
}

/* Reads the visit's dates: a labelled line ("Inspection dates: 11 to 15
 * March 2024") or the first sentences after the title. Returns 0 or -1. */
static int read_dates(const ot_doc *doc, size_t title, const char *file, sl_inspection *out, sl_error *err)
{
    ot_slice value;
    sl_buf text = SL_BUF_INIT;
    size_t at = ot_find_labelled(doc, title, title + DATE_SCAN_LINES, dates_labels, &value);
    int rc = at == OT_NOT_FOUND ? -1 : ot_read_inspection_dates(ot_normalised(&text, value), &out->start, &out->end);
    sl_buf_free(&text);
    if (rc < 0)
        rc = dates_in_sentences(doc, title + 1, &out->start, &out->end);
    if (rc < 0)
        return sl_fail_at(err, file, ot_line_number(doc, title),
                          "no visit dates: neither an 'Inspection dates:' line nor a sentence such as"
                          " 'on 28 to 29 May 2025' after the letter's title");
    return 0;
}

/* Sets out->published to the letter's date: a line above the title that is
 * one whole day ("27 June 2025"). */
static void read_letter_date(const ot_doc *doc, size_t title, sl_inspection *out)
{
    sl_buf text = SL_BUF_INIT;
    for (size_t i = 0; i < title && out->published == SL_NO_DAY; i++) {
        ot_slice t = ot_trim(ot_line_text(doc, i));
        if (t.n > 0 && ot_is_digit(t.s[0]) && ot_read_single_day(ot_normalised(&text, t), &out->published) < 0)
            out->published = SL_NO_DAY;
    }
    sl_buf_free(&text);
}

/* Returns the person a line under "Yours sincerely" names (the first of
 * several side by side), or an empty slice for a blank line or the name of
 * an inspectorate ("Ofsted      Care Quality Commission"). */
static ot_slice signatory(ot_slice line)
{
    static const char *const bodies[] = {"ofsted", "care quality", "commission", "inspectorate", "hmi ",
                                         "his majesty", "her majesty"};
    ot_slice t = ot_trim(line);
    long gap = ot_find(t, "  ");
    if (gap >= 0)
        t.n = (size_t)gap;
    for (size_t k = 0; k < sizeof bodies / sizeof bodies[0]; k++)
        if (ot_starts_with(t, bodies[k]))
            return ot_drop(t, t.n);
    return t;
}

/* Sets out->lead_inspector from a "Lead inspector:" line, else from the
 * name under "Yours sincerely". */
static void read_signature(const ot_doc *doc, sl_inspection *out)
{
    ot_slice value = {"", 0};
    if (ot_find_labelled(doc, 0, doc->n, lead_labels, &value) == OT_NOT_FOUND) {
        for (size_t i = 0; i < doc->n && value.n == 0; i++)
            if (ot_starts_with(ot_trim(ot_line_text(doc, i)), "yours sincerely"))
                for (size_t j = i + 1; j < doc->n && j < i + SIGNATURE_LINES && value.n == 0; j++)
                    value = signatory(ot_line_text(doc, j));
    }
    long comma = ot_find(value, ",");
    if (comma >= 0)
        value.n = (size_t)comma;
    sl_buf name = SL_BUF_INIT;
    ot_append_line(&name, value);
    if (name.len > 0)
        out->lead_inspector = sl_buf_take(&name);
    sl_buf_free(&name);
}

/* ---- the letter ------------------------------------------------------ */

/* Reads every part of the letter in doc into out; returns 0 or -1. */
static int read_letter(const ot_doc *doc, const char *file, sl_inspection *out, sl_error *err)
{
    int which;
    size_t title = find_title(doc, &which);
    if (title == OT_NOT_FOUND)
        return sl_fail_at(err, file, 1,
                          "not an Ofsted letter: no title such as 'Focused visit to Bolton children's"
                          " services' or 'Joint targeted area inspection of Barnsley' near the top");
    out->source_file = sl_strdup(file);
    out->kind = titles[which].kind;
    out->framework = sl_strdup(titles[which].framework);
    if (read_authority(doc, title, out->kind, file, out, err) < 0 || read_dates(doc, title, file, out, err) < 0)
        return -1;
    read_letter_date(doc, title, out);
    read_signature(doc, out);
    ol_read_findings(doc, title + 1, out);
    return 0;
}

sl_inspection_kind sl_letter_detect(const char *data, size_t len)
{
    if (!data || len == 0)
        return SL_INSPECTION_UNKNOWN;
    ot_doc doc;
    ot_split_lines(&doc, data, len < DETECT_BYTES ? len : DETECT_BYTES);
    int which;
    size_t title = find_title(&doc, &which);
    free(doc.lines);
    return title == OT_NOT_FOUND ? SL_INSPECTION_UNKNOWN : titles[which].kind;
}

int sl_letter_read(const char *data, size_t len, const char *file, sl_inspection *out, sl_error *err)
{
    return ot_read(data, len, file, out, err, read_letter);
}
