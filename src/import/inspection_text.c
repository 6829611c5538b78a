/* inspection_text.c — an Ofsted inspection report's text into an sl_inspection
 * (see inspection_text.h). The text is split into lines once; every part of
 * the report is then found by its title, labels and headings, never by fixed
 * positions, and every look at a line stays inside its bounds. */
#include "import/inspection_text.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "util/mem.h"

#define TITLE_SCAN_LINES 40     /* the title, dates and table sit on the first page */
#define DETECT_BYTES 16384      /* sl_inspection_detect looks no further */
#define DEEP_INDENT 12          /* a table line indented this far with no gap holds only a grade */
#define SHORT_INSPECTION_DAYS 7 /* a short ILACS inspection is on site for one week */
#define NOT_FOUND SIZE_MAX

/* A piece of the input: not NUL-terminated, never owned. */
typedef struct {
    const char *s;
    size_t n;
} slice;

typedef struct {
    slice text;                 /* without its line break, CR or opening form feeds */
    long number;                /* 1-based */
    int page_start;             /* opened by a form feed: the first line of a PDF page */
} text_line;

typedef struct {
    text_line *lines;
    size_t n;
} document;

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
} title;

static const char *const dates_labels[] = {
    "inspection date", "visit date", "date of inspection", "dates of inspection",
    "date of visit", "dates of visit", NULL,
};
static const char *const published_labels[] = {
    "report published", "publication date", "date published", "published", NULL,
};
static const char *const lead_labels[] = {"lead inspector", NULL};

/* Bullets that open a "What needs to improve?" item: ◼ ■ ▪ • ● and the
 * Symbol-font bullets Word documents carry into PDFs. */
static const char *const item_bullets[] = {
    "\xE2\x97\xBC", "\xE2\x96\xA0", "\xE2\x96\xAA", "\xE2\x80\xA2",
    "\xE2\x97\x8F", "\xEF\x82\xA7", "\xEF\x82\xB7",
};

/* Headings that open the list of recommendations. */
static const char *const list_headings[] = {
    "what needs to improve", "what does the local authority need to improve",
    "recommendations", "areas for improvement",
};

/* Sub-headings found inside a SIF list of recommendations. */
static const char *const list_subheadings[] = {
    "priority and immediate action", "priority action", "priority actions", "immediate action",
    "areas for improvement", "areas for priority action", "recommendations",
};

/* ---- slices ---------------------------------------------------------- */

/* Returns 1 for the ASCII blanks a layout rendering leaves around text. */
static int is_blank_char(char c)
{
    return c == ' ' || c == '\t' || c == '\f' || c == '\v' || c == '\r';
}

/* Returns the number of bytes of blank at p (n bytes left): 1 for an ASCII
 * blank, 2 for a no-break space, 0 otherwise. */
static size_t blank_at(const char *p, size_t n)
{
    if (n >= 1 && is_blank_char(p[0]))
        return 1;
    if (n >= 2 && (unsigned char)p[0] == 0xC2 && (unsigned char)p[1] == 0xA0)
        return 2;
    return 0;
}

static char lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* Returns s without its first k bytes (k <= s.n). */
static slice drop(slice s, size_t k)
{
    s.s += k;
    s.n -= k;
    return s;
}

/* Returns s without ASCII blanks at either end. */
static slice trim(slice s)
{
    while (s.n > 0 && is_blank_char(s.s[0]))
        s = drop(s, 1);
    while (s.n > 0 && is_blank_char(s.s[s.n - 1]))
        s.n--;
    return s;
}

static int is_blank(slice s)
{
    return trim(s).n == 0;
}

/* Returns 1 when s starts with prefix (lower case ASCII), ignoring case. */
static int starts_with(slice s, const char *prefix)
{
    size_t k = strlen(prefix);
    if (k > s.n)
        return 0;
    for (size_t i = 0; i < k; i++)
        if (lower(s.s[i]) != prefix[i])
            return 0;
    return 1;
}

/* Returns the offset of needle (lower case ASCII) in s ignoring case, or -1. */
static long find(slice s, const char *needle)
{
    size_t k = strlen(needle);
    for (size_t i = 0; k <= s.n && i <= s.n - k; i++)
        if (starts_with(drop(s, i), needle))
            return (long)i;
    return -1;
}

/* Returns the columns of blank at the start of s, a tab counting as eight. */
static size_t indent_of(slice s)
{
    size_t columns = 0;
    for (size_t i = 0; i < s.n && is_blank_char(s.s[i]); i++)
        columns += s.s[i] == '\t' ? 8 : 1;
    return columns;
}

/* Appends the words of one line to b with single spaces between them (no-break
 * spaces count as blanks). A word hyphenated at the end of the previous line
 * ("decision-") joins its lower-case continuation ("making") with no space. */
static void append_line(sl_buf *b, slice s)
{
    size_t i = 0;
    int first_word = 1;
    while (i < s.n) {
        size_t k;
        while (i < s.n && (k = blank_at(s.s + i, s.n - i)) > 0)
            i += k;
        size_t start = i;
        while (i < s.n && blank_at(s.s + i, s.n - i) == 0)
            i++;
        if (i == start)
            break;
        int joins = first_word && b->len >= 2 && b->data[b->len - 1] == '-' &&
                    lower(b->data[b->len - 2]) >= 'a' && lower(b->data[b->len - 2]) <= 'z' &&
                    s.s[start] >= 'a' && s.s[start] <= 'z';
        if (b->len > 0 && !joins)
            sl_buf_putc(b, ' ');
        sl_buf_add(b, s.s + start, i - start);
        first_word = 0;
    }
}

/* Returns the buffer's text as a slice (valid until the buffer changes). */
static slice buf_slice(sl_buf *b)
{
    slice s = {sl_buf_str(b), b->len};
    return s;
}

/* Returns the length of a row or item number opening s ("1. ", "12) ", and
 * with sub_numbers "2.1 ") including the blanks after it, or 0. */
static size_t number_prefix(slice s, int sub_numbers)
{
    size_t i = 0;
    while (i < s.n && i < 4 && is_digit(s.s[i]))
        i++;
    if (i == 0 || i > 3)
        return 0;
    int has_sub = 0;
    while (sub_numbers && i + 1 < s.n && s.s[i] == '.' && is_digit(s.s[i + 1])) {
        i++;
        while (i < s.n && is_digit(s.s[i]))
            i++;
        has_sub = 1;
    }
    if (i < s.n && (s.s[i] == '.' || s.s[i] == ')'))
        i++;
    else if (!has_sub)
        return 0;
    if (i >= s.n || !is_blank_char(s.s[i]))
        return 0;
    while (i < s.n && is_blank_char(s.s[i]))
        i++;
    return i;
}

/* ---- the document ---------------------------------------------------- */

/* Splits len bytes into lines, dropping a UTF-8 byte-order mark, CR before LF
 * and the form feeds that open a page. The lines point into data; the caller
 * frees doc->lines. */
static void split_lines(document *doc, const char *data, size_t len)
{
    size_t count = 1;
    for (size_t i = 0; i < len; i++)
        count += data[i] == '\n';
    doc->lines = sl_calloc(count * sizeof *doc->lines);
    doc->n = 0;
    size_t start = len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    for (size_t i = start; i <= len; i++) {
        if (i < len && data[i] != '\n')
            continue;
        slice s = {data + start, i - start};
        if (s.n > 0 && s.s[s.n - 1] == '\r')
            s.n--;
        doc->lines[doc->n].page_start = s.n > 0 && s.s[0] == '\f';
        while (s.n > 0 && s.s[0] == '\f')
            s = drop(s, 1);
        doc->lines[doc->n].text = s;
        doc->lines[doc->n].number = (long)doc->n + 1;
        doc->n++;
        start = i + 1;
    }
}

static slice line_text(const document *doc, size_t i)
{
    return doc->lines[i].text;
}

static long line_number(const document *doc, size_t i)
{
    return i < doc->n ? doc->lines[i].number : (long)doc->n;
}

/* Returns the 1-based line of byte offset in data. */
static long line_of_offset(const char *data, size_t offset)
{
    long line = 1;
    for (size_t i = 0; i < offset; i++)
        line += data[i] == '\n';
    return line;
}

/* Finds the first line in [from, until) opening with one of labels (NULL-ended)
 * followed by a colon; sets *value to the trimmed text after the colon (for
 * a label alone on its line, the next non-blank line). Returns its index or
 * NOT_FOUND. */
static size_t find_labelled(const document *doc, size_t from, size_t until,
                            const char *const *labels, slice *value)
{
    if (until > doc->n)
        until = doc->n;
    for (size_t i = from; i < until; i++) {
        slice t = trim(line_text(doc, i));
        for (const char *const *label = labels; *label; label++) {
            if (!starts_with(t, *label))
                continue;
            long colon = find(t, ":");
            size_t label_len = strlen(*label);
            if (colon < 0 && t.n > label_len)
                continue;           /* "Lead inspectors found …": prose, not a label */
            if (colon > (long)label_len + 2)
                continue;
            *value = colon < 0 ? drop(t, t.n) : trim(drop(t, (size_t)colon + 1));
            for (size_t j = i + 1; value->n == 0 && j < doc->n && j <= i + 2; j++)
                *value = trim(line_text(doc, j));
            return i;
        }
    }
    return NOT_FOUND;
}

/* ---- title and authority --------------------------------------------- */

/* Finds the report's title: an ILACS title must be the first line with text
 * ("Inspection of Halton local authority"); a SIF or visit title may follow
 * the authority's name or an address within the first lines. */
static title find_title(const document *doc)
{
    title t = {TITLE_NONE, 0};
    size_t limit = doc->n < TITLE_SCAN_LINES ? doc->n : TITLE_SCAN_LINES;
    int first_text = 1;
    for (size_t i = 0; i < limit; i++) {
        slice s = trim(line_text(doc, i));
        if (s.n == 0)
            continue;
        t.line = i;
        if (starts_with(s, "inspection of services for children") ||
            starts_with(s, "re-inspection of services for children"))
            t.kind = TITLE_SIF;
        else if (starts_with(s, "focused visit to "))
            t.kind = TITLE_FOCUSED_VISIT;
        else if (starts_with(s, "monitoring visit to ") || starts_with(s, "monitoring visit of "))
            t.kind = TITLE_MONITORING_VISIT;
        else if (first_text && starts_with(s, "inspection of "))
            t.kind = TITLE_ILACS;
        if (t.kind != TITLE_NONE)
            return t;
        first_text = 0;
    }
    t.line = 0;
    return t;
}

/* Returns 1 when a line ends the title block: a label or the judgement table. */
static int ends_title(slice t)
{
    return find(t, ":") >= 0 || starts_with(t, "judgement");
}

/* Returns the authority the title names ("Halton" from "Inspection of Halton
 * local authority children's services"; for a SIF report the name on the
 * lines above the title), trimmed; the caller frees it. NULL when none. */
static char *authority_from_title(const document *doc, title t)
{
    sl_buf b = SL_BUF_INIT;
    if (t.kind == TITLE_SIF) {
        size_t first = t.line;
        while (first > 0 && t.line - first < 3 && !is_blank(line_text(doc, first - 1)))
            first--;
        for (size_t i = first; i < t.line; i++)
            append_line(&b, line_text(doc, i));
    } else {
        sl_buf heading = SL_BUF_INIT;
        append_line(&heading, line_text(doc, t.line));
        for (size_t i = t.line + 1; i < doc->n && i <= t.line + 2; i++) {
            slice next = trim(line_text(doc, i));
            if (find(buf_slice(&heading), " children") >= 0 || next.n == 0 || ends_title(next))
                break;
            append_line(&heading, next);
        }
        slice s = buf_slice(&heading);
        const char *lead = t.kind == TITLE_ILACS ? "inspection of " : "visit ";
        long at = find(s, lead);
        if (at >= 0) {
            s = drop(s, (size_t)at + strlen(lead));
            if (starts_with(s, "to ") || starts_with(s, "of "))
                s = drop(s, 3);
            long cut = find(s, " local authority");
            if (cut < 0)
                cut = find(s, " children");
            if (cut >= 0)
                s.n = (size_t)cut;
            append_line(&b, s);
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

/* Reads text that the date engine reads as one or more whole days; sets the
 * first and last day and returns 0, or returns -1. */
static int read_day_span(slice s, sl_day *first, sl_day *last)
{
    sl_date_value v;
    if (sl_date_parse(s.s, s.n, 0, &v, NULL, 0) != SL_DATE_OK || v.n_milestones < 1 ||
        v.open_ended || v.vague)
        return -1;
    for (int k = 0; k < v.n_milestones; k++)
        if (v.milestones[k].precision != SL_PREC_DAY)
            return -1;
    if (v.earliest == SL_NO_DAY || v.latest == SL_NO_DAY || v.earliest > v.latest)
        return -1;
    *first = v.earliest;
    *last = v.latest;
    return 0;
}

/* Returns s after a range connector ("to", "and", a hyphen or dash) and its
 * blanks, setting *found; s unchanged when there is none. */
static slice skip_connector(slice s, int *found)
{
    static const char *const connectors[] = {"to ", "and ", "-", "\xE2\x80\x93", "\xE2\x80\x94"};
    slice t = trim(s);
    *found = 0;
    for (size_t i = 0; i < sizeof connectors / sizeof connectors[0]; i++)
        if (starts_with(t, connectors[i])) {
            *found = 1;
            return trim(drop(t, strlen(connectors[i])));
        }
    return s;
}

/* Reads inspection dates as reports write them: "25 October 2021 to 5
 * November 2021", "17 March to 21 March 2025", "30 May 2017 – 22 June 2017"
 * (the date engine's ranges) and "13 to 24 May 2024" (a bare first day). Sets
 * the first and last day and returns 0, or returns -1. */
static int read_inspection_dates(slice s, sl_day *start, sl_day *end)
{
    if (read_day_span(s, start, end) == 0)
        return 0;
    size_t digits = 0;
    int day = 0;
    while (digits < s.n && digits < 3 && is_digit(s.s[digits]))
        day = day * 10 + (s.s[digits++] - '0');
    if (digits == 0 || digits > 2)
        return -1;
    int found;
    slice rest = skip_connector(drop(s, digits), &found);
    sl_day rest_start, rest_end;
    if (!found || read_day_span(rest, &rest_start, &rest_end) < 0)
        return -1;
    int year, month, mday;
    sl_day_to_ymd(rest_start, &year, &month, &mday);
    if (!sl_ymd_valid(year, month, day) || sl_day_from_ymd(year, month, day) > rest_start)
        return -1;
    *start = sl_day_from_ymd(year, month, day);
    *end = rest_end;
    return 0;
}

/* Reads one whole day ("4 September 2017"); returns 0 and sets *day, or -1. */
static int read_single_day(slice s, sl_day *day)
{
    sl_day last;
    return read_day_span(s, day, &last) == 0 && *day == last ? 0 : -1;
}

/* Returns s copied into b with its blanks normalised (no-break spaces too),
 * as the date engine expects; valid until b changes. */
static slice normalised(sl_buf *b, slice s)
{
    sl_buf_reset(b);
    append_line(b, s);
    return buf_slice(b);
}

/* Reads the "Inspection dates:" line near the title into out->start and end. */
static int read_dates(const document *doc, title t, const char *file, sl_inspection *out,
                      sl_error *err)
{
    slice value;
    size_t at = find_labelled(doc, 0, t.line + TITLE_SCAN_LINES, dates_labels, &value);
    if (at == NOT_FOUND)
        return sl_fail_at(err, file, line_number(doc, t.line),
                          "no 'Inspection dates:' line under the report's title");
    sl_buf text = SL_BUF_INIT;
    int rc = read_inspection_dates(normalised(&text, value), &out->start, &out->end);
    sl_buf_free(&text);
    if (rc < 0)
        return sl_fail_at(err, file, line_number(doc, at),
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
    while (digits < n && is_digit(base[digits]))
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
    slice date_text = {date, date_len};
    sl_day day;
    if (read_single_day(date_text, &day) < 0)
        return;
    if (out->published == SL_NO_DAY)
        out->published = day;
    out->urn = sl_strndup(base, digits);
}

/* Reads "Report published: 4 September 2017" near the title, else the date
 * in a scrape-tool file name. A published line that is not a date is an error. */
static int read_published(const document *doc, title t, const char *file, sl_inspection *out,
                          sl_error *err)
{
    slice value;
    size_t at = find_labelled(doc, 0, t.line + TITLE_SCAN_LINES, published_labels, &value);
    if (at != NOT_FOUND) {
        sl_buf text = SL_BUF_INIT;
        int rc = read_single_day(normalised(&text, value), &out->published);
        sl_buf_free(&text);
        if (rc < 0)
            return sl_fail_at(err, file, line_number(doc, at),
                              "cannot read the publication date '%.*s'",
                              (int)(value.n > 80 ? 80 : value.n), value.s);
    }
    read_file_name(file, out);
    return 0;
}

/* Reads "Lead inspector: Lisa Summers, His Majesty's Inspector" as "Lisa Summers". */
static void read_lead_inspector(const document *doc, sl_inspection *out)
{
    slice value;
    if (find_labelled(doc, 0, doc->n, lead_labels, &value) == NOT_FOUND)
        return;
    long comma = find(value, ",");
    if (comma >= 0)
        value.n = (size_t)comma;
    value = trim(value);
    if (value.n >= 4 && find(drop(value, value.n - 4), " hmi") == 0)
        value = trim((slice){value.s, value.n - 4});
    sl_buf name = SL_BUF_INIT;
    append_line(&name, value);
    if (name.len > 0)
        out->lead_inspector = sl_buf_take(&name);
    sl_buf_free(&name);
}

/* ---- judgements ------------------------------------------------------ */

/* Returns 1 and sets *grade when text is a whole grade (not a placeholder). */
static int is_grade(slice text, sl_grade *grade)
{
    int placeholder;
    return sl_grade_parse(text.s, text.n, grade, &placeholder) == 0 && !placeholder &&
           *grade != SL_GRADE_NONE;
}

/* Returns the slot a judgement label fills, or -1 for one sightline does not
 * hold (SIF adoption performance, the LSCB) or text that is no label. */
static int judgement_for_label(slice label)
{
    int care_leavers = find(label, "care leavers") >= 0 || find(label, "care-experienced") >= 0;
    int in_care = find(label, "in care") >= 0 || find(label, "looked after") >= 0;
    if (find(label, "overall effectiveness") >= 0)
        return SL_JUDGEMENT_OVERALL;
    if (find(label, "help and protection") >= 0)
        return SL_JUDGEMENT_HELP_PROTECTION;
    if (in_care)
        return SL_JUDGEMENT_IN_CARE;    /* also "children in care and care leavers" (2018-2022) */
    if (care_leavers)
        return SL_JUDGEMENT_CARE_LEAVERS;
    if (find(label, "impact of leaders") >= 0 || find(label, "leadership") >= 0)
        return SL_JUDGEMENT_LEADERS;
    return -1;
}

/* Splits a table line into its label and grade cells at the first gap of a
 * tab or two blanks; a line indented past DEEP_INDENT with no gap holds only
 * (the rest of) a grade. Either cell may come back empty. */
static void split_cells(slice line, slice *label, slice *grade)
{
    slice t = trim(line);
    for (size_t i = 0; i < t.n; i++)
        if (t.s[i] == '\t' || (i + 1 < t.n && t.s[i] == ' ' && t.s[i + 1] == ' ')) {
            *label = trim((slice){t.s, i});
            *grade = trim(drop(t, i));
            return;
        }
    if (indent_of(line) >= DEEP_INDENT) {
        *label = drop(t, t.n);
        *grade = t;
    } else {
        *label = t;
        *grade = drop(t, t.n);
    }
}

/* Returns 1 when a line's grade cell starts a new row: the row already has a
 * whole grade and the cell does not continue it ("Requires improvement" then
 * "to be good" continues; "Inadequate" then "Good" does not). */
static int starts_new_row(sl_buf *row_grade, slice cell)
{
    sl_grade grade;
    if (cell.n == 0 || !is_grade(buf_slice(row_grade), &grade))
        return 0;
    sl_buf joined = SL_BUF_INIT;
    append_line(&joined, buf_slice(row_grade));
    append_line(&joined, cell);
    int continues = is_grade(buf_slice(&joined), &grade);
    sl_buf_free(&joined);
    return !continues;
}

/* Finds the judgement table in [from, until): the row after a "Judgement
 * Grade" header, or a SIF row "1. Children who need help and protection
 * <grade>". Sets *table_line to the line to name in errors; returns the first
 * row's index or NOT_FOUND. */
static size_t find_table(const document *doc, size_t from, size_t until, long *table_line)
{
    for (size_t i = from; i < until; i++) {
        slice t = trim(line_text(doc, i)), label, cell;
        sl_grade grade;
        if (starts_with(t, "judgement") && find(t, "grade") >= 0) {
            *table_line = line_number(doc, i);
            return i + 1;
        }
        split_cells(line_text(doc, i), &label, &cell);
        if (number_prefix(label, 1) > 0 && find(label, "help and protection") >= 0 &&
            is_grade(cell, &grade)) {
            *table_line = line_number(doc, i);
            return i;
        }
    }
    return NOT_FOUND;
}

/* Reads table rows from line first until a row without a grade: each row is
 * the lines up to a blank line, a numbered line or a second grade, its cells
 * joined. Fills out->judgements and sets *found to the rows read. */
static int read_table(const document *doc, size_t first, size_t until, const char *file,
                      sl_inspection *out, int *found, sl_error *err)
{
    sl_buf label = SL_BUF_INIT, grade_text = SL_BUF_INIT;
    long row_lines[SL_JUDGEMENT_COUNT] = {0};
    int rc = 0;
    size_t i = first;
    while (i < until && rc == 0) {
        while (i < until && is_blank(line_text(doc, i)))
            i++;
        if (i >= until)
            break;
        size_t row_start = i;
        sl_buf_reset(&label);
        sl_buf_reset(&grade_text);
        for (; i < until && !is_blank(line_text(doc, i)); i++) {
            slice label_cell, grade_cell;
            split_cells(line_text(doc, i), &label_cell, &grade_cell);
            if (i > row_start &&
                (number_prefix(label_cell, 1) > 0 || starts_new_row(&grade_text, grade_cell)))
                break;
            append_line(&label, label_cell);
            append_line(&grade_text, grade_cell);
        }
        sl_grade grade;
        if (!is_grade(buf_slice(&grade_text), &grade))
            break;
        int kind = judgement_for_label(buf_slice(&label));
        if (kind < 0)
            continue;
        if (out->judgements[kind] != SL_GRADE_NONE)
            rc = sl_fail_at(err, file, line_number(doc, row_start),
                            "the judgement table grades '%s' twice (first on line %ld)",
                            sl_judgement_label((sl_judgement_kind)kind), row_lines[kind]);
        out->judgements[kind] = grade;
        row_lines[kind] = line_number(doc, row_start);
        (*found)++;
    }
    sl_buf_free(&label);
    sl_buf_free(&grade_text);
    return rc;
}

/* Returns the grade a sentence gives ("… are inadequate", "… require
 * improvement to be good"), or SL_GRADE_NONE. */
static sl_grade grade_in_sentence(slice s)
{
    if (find(s, "require") >= 0 && find(s, "improvement") >= 0)
        return SL_GRADE_REQUIRES_IMPROVEMENT;
    if (find(s, "inadequate") >= 0)
        return SL_GRADE_INADEQUATE;
    if (find(s, "outstanding") >= 0)
        return SL_GRADE_OUTSTANDING;
    if (find(s, "good") >= 0)
        return SL_GRADE_GOOD;
    return SL_GRADE_NONE;
}

/* Reads a SIF overall judgement, which is a sentence above the table ("The
 * overall judgement is that children's services are inadequate", "Children's
 * services in Croydon require improvement to be good"). */
static sl_grade sif_overall(const document *doc, size_t from, size_t until)
{
    for (size_t i = from; i < until; i++) {
        slice t = trim(line_text(doc, i));
        int overall = find(t, "overall judgement is") >= 0 ||
                      (starts_with(t, "children") && find(t, "services") >= 0 &&
                       (find(t, " are ") >= 0 || find(t, " require") >= 0));
        if (!overall)
            continue;
        sl_buf sentence = SL_BUF_INIT;
        append_line(&sentence, t);
        if (i + 1 < until)
            append_line(&sentence, line_text(doc, i + 1));
        sl_grade grade = grade_in_sentence(buf_slice(&sentence));
        sl_buf_free(&sentence);
        return grade;
    }
    return SL_GRADE_NONE;
}

/* Reads the judgement table between the title and until (the recommendations
 * heading). A visit letter has none; any other report must grade something. */
static int read_judgements(const document *doc, title t, size_t until, const char *file,
                           sl_inspection *out, sl_error *err)
{
    if (t.kind == TITLE_FOCUSED_VISIT || t.kind == TITLE_MONITORING_VISIT)
        return 0;
    long table_line = line_number(doc, t.line);
    size_t first = find_table(doc, t.line + 1, until, &table_line);
    if (first == NOT_FOUND)
        return sl_fail_at(err, file, table_line,
                          "no judgements: the report has no 'Judgement  Grade' table under its"
                          " title");
    int found = 0;
    if (read_table(doc, first, until, file, out, &found, err) < 0)
        return -1;
    if (t.kind == TITLE_SIF && out->judgements[SL_JUDGEMENT_OVERALL] == SL_GRADE_NONE)
        out->judgements[SL_JUDGEMENT_OVERALL] = sif_overall(doc, t.line + 1, first);
    if (found == 0)
        return sl_fail_at(err, file, table_line,
                          "no judgements: the judgement table has no row with a judgement and a"
                          " grade (Outstanding, Good, Requires improvement to be good,"
                          " Inadequate)");
    return 0;
}

/* ---- recommendations ------------------------------------------------- */

/* Returns 1 when t is word, ignoring case and a trailing '?', ':' or footnote number. */
static int is_heading_word(slice t, const char *word)
{
    while (t.n > 0 && (is_digit(t.s[t.n - 1]) || strchr("?: ", t.s[t.n - 1])))
        t.n--;
    return t.n == strlen(word) && starts_with(t, word);
}

/* Returns 1 for a heading that opens the list of recommendations:
 * "What needs to improve?" (maybe with a footnote mark), "What does the
 * local authority need to improve?", "Recommendations". */
static int is_list_heading(slice t)
{
    for (size_t i = 0; i < sizeof list_headings / sizeof list_headings[0]; i++) {
        if (!starts_with(t, list_headings[i]))
            continue;
        if (is_heading_word(t, list_headings[i]))
            return 1;
        slice end = t;
        while (end.n > 0 && is_digit(end.s[end.n - 1]))
            end.n--;
        if (i < 2 && end.n > 0 && end.s[end.n - 1] == '?')
            return 1;   /* "What needs to improve in this area of practice?" */
    }
    return 0;
}

static int is_list_subheading(slice t)
{
    for (size_t i = 0; i < sizeof list_subheadings / sizeof list_subheadings[0]; i++)
        if (is_heading_word(t, list_subheadings[i]))
            return 1;
    return 0;
}

/* Returns the index of the recommendations heading after line from, or NOT_FOUND. */
static size_t find_list_heading(const document *doc, size_t from)
{
    for (size_t i = from; i < doc->n; i++)
        if (is_list_heading(trim(line_text(doc, i))))
            return i;
    return NOT_FOUND;
}

/* Returns 1 when t opens an item (a bullet, or "1." / "1)"), setting *rest to its text. */
static int item_marker(slice t, slice *rest)
{
    for (size_t i = 0; i < sizeof item_bullets / sizeof item_bullets[0]; i++)
        if (starts_with(t, item_bullets[i])) {
            *rest = trim(drop(t, strlen(item_bullets[i])));
            return 1;
        }
    size_t number = number_prefix(t, 0);
    if (number == 0)
        return 0;
    *rest = drop(t, number);
    return 1;
}

/* Returns 1 for a footer line: a page number alone, or text ending in a page
 * number after a gap ("13 to 24 May 2024        2"). */
static int is_footer(slice t)
{
    size_t digits = 0;
    while (digits < t.n && is_digit(t.s[t.n - 1 - digits]))
        digits++;
    if (digits == 0 || digits > 4)
        return 0;
    if (digits == t.n)
        return 1;
    size_t before = t.n - digits;
    return before >= 2 && t.s[before - 1] == ' ' && t.s[before - 2] == ' ';
}

/* Returns the index after the page furniture at line i (a running header
 * "Inspection of … children's services" and its footer, or a page number),
 * or i when line i is text. */
static size_t skip_page_furniture(const document *doc, size_t i)
{
    slice t = trim(line_text(doc, i));
    if (starts_with(t, "inspection of ") && find(t, "children") >= 0) {
        if (i + 1 < doc->n && is_footer(trim(line_text(doc, i + 1))))
            return i + 2;
        return i + 1;
    }
    if (is_footer(t) && (size_t)(t.n) <= 4)
        return i + 1;
    return i;
}

/* Returns 1 when line continues the open item: straight after it (indented,
 * or after a line that did not end a sentence), or indented after a page break. */
static int continues_item(slice previous, slice line, int blank_seen, int page_break)
{
    if (page_break)
        return indent_of(line) > 0;
    if (blank_seen)
        return 0;
    return indent_of(line) > 0 || previous.n == 0 || !strchr(".;:?!", previous.s[previous.n - 1]);
}

/* Splits a national framework tag off the end of an item ("… (outcome 2,
 * national framework)"); returns the tag ("outcome 2", caller frees) and cuts
 * it from text, or returns NULL and leaves text alone. */
static char *split_framework_tag(char *text)
{
    size_t n = strlen(text);
    if (n == 0 || text[n - 1] != ')')
        return NULL;
    size_t open = n - 1;
    while (open > 0 && text[open] != '(')
        open--;
    if (text[open] != '(' || open == 0)
        return NULL;
    slice inner = {text + open + 1, n - open - 2};
    long at = find(inner, "national framework");
    if (at < 0)
        return NULL;
    slice tag = {inner.s, (size_t)at};
    while (tag.n > 0 && strchr(", ", tag.s[tag.n - 1]))
        tag.n--;
    tag = trim(tag);
    if (tag.n == 0)
        tag = trim(inner);
    char *result = sl_strndup(tag.s, tag.n);
    while (open > 0 && text[open - 1] == ' ')
        open--;
    text[open] = '\0';
    return result;
}

/* Adds the item gathered in text (emptying it) unless it has no words. */
static void finish_item(sl_inspection *out, sl_buf *text, long line)
{
    char *item = sl_buf_take(text);
    if (!*item) {
        free(item);
        return;
    }
    char *tag = split_framework_tag(item);
    sl_inspection_add_item(out, item, tag, line);
}

/* Reads the items under the heading at line heading until the list ends: a
 * line after a blank that is neither an item, a sub-heading nor page furniture.
 * Returns the index of the line where the list ended. */
static size_t read_items(const document *doc, size_t heading, sl_inspection *out)
{
    sl_buf text = SL_BUF_INIT;
    long item_line = 0;
    int open = 0, blank_seen = 0, page_break = 0;
    slice previous = {"", 0}, rest;
    size_t i;
    for (i = heading + 1; i < doc->n; i++) {
        slice line = line_text(doc, i), t = trim(line);
        page_break |= doc->lines[i].page_start;
        size_t after_furniture = skip_page_furniture(doc, i);
        if (t.n == 0 || after_furniture != i) {
            blank_seen = 1;
            page_break |= after_furniture != i;
            if (after_furniture != i)
                i = after_furniture - 1;
            continue;
        }
        if (item_marker(t, &rest)) {
            if (open)
                finish_item(out, &text, item_line);
            open = 1;
            item_line = line_number(doc, i);
            append_line(&text, rest);
        } else if (open && continues_item(previous, line, blank_seen, page_break)) {
            append_line(&text, t);
        } else if (is_list_subheading(t) || (!open && out->n_items == 0 && t.s[t.n - 1] == ':')) {
            if (open)
                finish_item(out, &text, item_line);
            open = 0;
        } else {
            break;
        }
        previous = t;
        blank_seen = page_break = 0;
    }
    if (open)
        finish_item(out, &text, item_line);
    sl_buf_free(&text);
    return i;
}

/* Reads the recommendations under the first list heading that has items (a
 * contents page may name the heading first). A visit letter may have none. */
static int read_recommendations(const document *doc, title t, const char *file,
                                sl_inspection *out, sl_error *err)
{
    size_t first = find_list_heading(doc, t.line + 1);
    for (size_t h = first; h != NOT_FOUND && out->n_items == 0;) {
        out->items_line = line_number(doc, h);
        size_t stop = read_items(doc, h, out);
        h = find_list_heading(doc, stop > h + 1 ? stop : h + 1);
    }
    if (out->n_items > 0)
        return 0;
    out->items_line = 0;
    if (t.kind == TITLE_FOCUSED_VISIT || t.kind == TITLE_MONITORING_VISIT)
        return 0;
    if (first == NOT_FOUND)
        return sl_fail_at(err, file, line_number(doc, doc->n - 1),
                          "no recommendations: no 'What needs to improve?' list before the end"
                          " of the report");
    slice heading = trim(line_text(doc, first));
    return sl_fail_at(err, file, line_number(doc, first),
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

/* Refuses input that is not text: empty, holding a NUL byte, or not UTF-8. */
static int check_text(const char *data, size_t len, const char *file, sl_error *err)
{
    size_t bad;
    if (len == 0)
        return sl_fail_at(err, file, 1, "the file is empty: there is no inspection report");
    const char *nul = memchr(data, '\0', len);
    if (nul)
        return sl_fail_at(err, file, line_of_offset(data, (size_t)(nul - data)),
                          "not a text document: a NUL byte at byte %zu",
                          (size_t)(nul - data) + 1);
    if (!sl_utf8_valid(data, len, &bad))
        return sl_fail_at(err, file, line_of_offset(data, bad),
                          "not a text document: invalid UTF-8 at byte %zu", bad + 1);
    return 0;
}

/* Reads every part of the report in doc into out; returns 0 or -1. */
static int read_report(const document *doc, const char *file, sl_inspection *out, sl_error *err)
{
    title t = find_title(doc);
    if (t.kind == TITLE_NONE)
        return sl_fail_at(err, file, 1,
                          "not an Ofsted inspection report: it does not open with a title such"
                          " as 'Inspection of Halton local authority children's services'");
    out->source_file = sl_strdup(file);
    out->authority = authority_from_title(doc, t);
    if (!out->authority)
        return sl_fail_at(err, file, line_number(doc, t.line),
                          "the report's title names no local authority");
    size_t heading = find_list_heading(doc, t.line + 1);
    if (read_judgements(doc, t, heading == NOT_FOUND ? doc->n : heading, file, out, err) < 0 ||
        read_dates(doc, t, file, out, err) < 0 || read_published(doc, t, file, out, err) < 0)
        return -1;
    read_lead_inspector(doc, out);
    out->framework = sl_strdup(framework_of(t, out));
    return read_recommendations(doc, t, file, out, err);
}

int sl_inspection_detect(const char *data, size_t len)
{
    if (!data || len == 0)
        return 0;
    document doc;
    split_lines(&doc, data, len < DETECT_BYTES ? len : DETECT_BYTES);
    title t = find_title(&doc);
    int found = 0;
    size_t limit = t.line + TITLE_SCAN_LINES < doc.n ? t.line + TITLE_SCAN_LINES : doc.n;
    for (size_t i = t.line + 1; t.kind != TITLE_NONE && i < limit && !found; i++) {
        slice s = trim(line_text(&doc, i));
        found = (starts_with(s, "judgement") && find(s, "grade") >= 0);
        for (const char *const *label = dates_labels; *label && !found; label++)
            found = starts_with(s, *label);
    }
    free(doc.lines);
    return found;
}

int sl_inspection_read(const char *data, size_t len, const char *file, sl_inspection *out,
                       sl_error *err)
{
    sl_inspection_init(out);
    if (!file)
        file = "";
    if (check_text(data, len, file, err) < 0)
        return -1;
    document doc;
    split_lines(&doc, data, len);
    int rc = read_report(&doc, file, out, err);
    free(doc.lines);
    if (rc < 0)
        sl_inspection_free(out);
    return rc;
}
