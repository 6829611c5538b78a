/* agenda_pack.c — an agenda pack split into parts by its headings, and
 * workforce tables found (see agenda_pack.h). */
#include "import/kind/pack/agenda_pack.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/mem.h"

/* Longest line taken for a heading: a longer one is a paragraph. */
#define HEADING_MAX 120
/* Longest identifier after "Appendix" or "Item" ("A", "12", "A/1", "3b"). */
#define ID_MAX 6

/* A heading found on a line: its kind, where its marker ends (offset from
 * the line's start) and its identifier ("4", "A"), for repeats. */
typedef struct {
    sl_part_kind kind;
    size_t marker_end;
    char id[ID_MAX + 1];
} heading;

/* Returns 1 when the n bytes at s begin with word, ignoring case. */
static int starts_with(const char *s, size_t n, const char *word)
{
    size_t w = strlen(word);
    return n >= w && strncasecmp(s, word, w) == 0;
}

/* Reads an identifier at s[*at] (letters, digits, '/', '.' between them) into
 * id; returns its length (0 when none or too long). */
static size_t read_id(const char *s, size_t n, size_t *at, char id[ID_MAX + 1])
{
    size_t i = *at, k = 0;
    while (i < n && (isalnum((unsigned char)s[i]) || ((s[i] == '/' || s[i] == '.') && k && i + 1 < n &&
                                                        isalnum((unsigned char)s[i + 1])))) {
        if (k == ID_MAX)
            return 0;
        id[k++] = (char)tolower((unsigned char)s[i++]);
    }
    id[k] = '\0';
    *at = i;
    return k;
}

/* Returns 1 when what follows a marker's identifier lets the line be a
 * heading: nothing, a separator (":", "-", "–", "—", "."), or a title that
 * starts with a capital, a digit or a quote ("Appendix 1 sets out" is prose). */
static int heading_tail(const char *s, size_t n, size_t at)
{
    while (at < n && (s[at] == ' ' || s[at] == '\t'))
        at++;
    if (at >= n)
        return 1;
    unsigned char c = (unsigned char)s[at];
    return c == ':' || c == '-' || c == '.' || c == '(' || c >= 0x80 || isupper(c) || isdigit(c) || c == '"' ||
           c == '\'';
}

/* Reads "WORD id" ("Appendix A", "Agenda Item 4") at the start of the line. */
static int marker(const char *s, size_t n, const char *word, sl_part_kind kind, heading *h)
{
    if (!starts_with(s, n, word))
        return 0;
    size_t at = strlen(word);
    if (at >= n || (s[at] != ' ' && s[at] != '\t'))
        return 0;
    while (at < n && (s[at] == ' ' || s[at] == '\t'))
        at++;
    if (starts_with(s + at, n - at, "no.") || starts_with(s + at, n - at, "no "))
        at += 3;
    while (at < n && s[at] == ' ')
        at++;
    if (!read_id(s, n, &at, h->id) || !heading_tail(s, n, at))
        return 0;
    h->kind = kind;
    /* The marker takes the separator after it ("Appendix 1 – Plan": the
     * part's own title is "Plan"). */
    while (at < n && (s[at] == ' ' || s[at] == '\t' || s[at] == ':' || s[at] == '-' || s[at] == '.'))
        at++;
    if (n - at >= 3 && (memcmp(s + at, "\xE2\x80\x93", 3) == 0 || memcmp(s + at, "\xE2\x80\x94", 3) == 0))
        at += 3;
    while (at < n && (s[at] == ' ' || s[at] == '\t'))
        at++;
    h->marker_end = at;
    return 1;
}

/* Returns 1 when the trimmed line of n bytes at s is a part's heading, filling h. */
static int heading_of(const char *s, size_t n, heading *h)
{
    memset(h, 0, sizeof *h);
    while (n && isspace((unsigned char)s[n - 1]))
        n--;
    /* A heading stands alone: a line of a table (cells apart by tabs) is none. */
    if (n == 0 || n > HEADING_MAX || memchr(s, '\t', n))
        return 0;
    if (((n == 6 || (n == 7 && s[6] == ':')) && starts_with(s, n, "agenda")) ||
        (n == 11 && strncasecmp(s, "a g e n d a", 11) == 0)) {
        h->kind = SL_PART_AGENDA;
        return 1;
    }
    if (marker(s, n, "agenda item", SL_PART_ITEM, h) || marker(s, n, "item", SL_PART_ITEM, h) ||
        marker(s, n, "appendix", SL_PART_APPENDIX, h) || marker(s, n, "annex", SL_PART_APPENDIX, h))
        return 1;
    /* "Minutes of the meeting held on …", "MINUTES", "Draft minutes of …":
     * with its capital, so that a wrapped sentence is not taken for one. */
    if ((s[0] == 'M' && (starts_with(s, n, "minutes of ") || (n == 7 && starts_with(s, n, "minutes")))) ||
        (s[0] == 'D' && starts_with(s, n, "draft minutes of "))) {
        h->kind = SL_PART_MINUTES;
        return 1;
    }
    if (starts_with(s, n, "report to:") || starts_with(s, n, "report to :")) {
        h->kind = SL_PART_REPORT;
        return 1;
    }
    return 0;
}

/* Returns 1 when h repeats a heading in force rather than starting a part:
 * the label of the current item ("Agenda Item 5", which a council's pack
 * prints on every page of the item, its appendices' pages too), or of the
 * current appendix (its label on each of its pages). */
static int repeats(const heading *h, const sl_pack_part *cur, const char *item_id, const char *cur_id)
{
    if (!*h->id)
        return 0;
    if (h->kind == SL_PART_ITEM)
        return strcmp(h->id, item_id) == 0;
    return h->kind == SL_PART_APPENDIX && cur->kind == SL_PART_APPENDIX && strcmp(h->id, cur_id) == 0;
}

/* Appends a part starting at byte at (its heading line ending at line_end),
 * line line, with heading h. An item's or appendix's heading line is the
 * pack's label for the part, not the part's own title: head_end takes it
 * whole. */
static void add_part(sl_pack *out, size_t at, size_t line_end, long line, const heading *h)
{
    if (out->n)
        out->parts[out->n - 1].end = at;
    out->parts = sl_realloc(out->parts, (out->n + 1) * sizeof *out->parts);
    size_t head_end = h->kind == SL_PART_ITEM || h->kind == SL_PART_APPENDIX ? line_end : at;
    out->parts[out->n++] = (sl_pack_part){at, at, head_end, line, h->kind};
}

/* A heading found in the text: where its line starts and ends, its line number. */
typedef struct {
    heading h;
    size_t at, end;
    long line;
} found;

/* Returns every line of the text that is a heading, in order (caller frees); *n gets how many. */
static found *find_headings(const char *text, size_t len, size_t *n)
{
    found *all = NULL;
    *n = 0;
    long line = 1;
    for (size_t at = 0; at < len; line++) {
        const char *nl = memchr(text + at, '\n', len - at);
        size_t end = nl ? (size_t)(nl - text) : len, s = at;
        while (s < end && (text[s] == ' ' || text[s] == '\t' || text[s] == '\f'))
            s++;
        heading h;
        if (heading_of(text + s, end - s, &h)) {
            all = sl_realloc(all, (*n + 1) * sizeof *all);
            all[(*n)++] = (found){h, at, end, line};
        }
        at = nl ? end + 1 : len;
    }
    return all;
}

/* Returns 1 when heading i of the agenda only lists a part that starts
 * later ("Appendix 1: Transitional action plan" under item 5 of the agenda,
 * then "Appendix 1" above the plan itself): the same label comes again
 * later, and the next heading, a different one, follows within a few lines
 * (a list, not a part with content; the label stamped on the next page of
 * a part is the part's own). */
static int listed_later(const found *all, size_t n, size_t i)
{
    if ((all[i].h.kind != SL_PART_ITEM && all[i].h.kind != SL_PART_APPENDIX) || i + 1 >= n)
        return 0;
    const found *next = &all[i + 1];
    if ((next->h.kind == all[i].h.kind && strcmp(next->h.id, all[i].h.id) == 0) || next->line - all[i].line > 3)
        return 0;
    for (size_t k = i + 1; k < n; k++)
        if (all[k].h.kind == all[i].h.kind && strcmp(all[k].h.id, all[i].h.id) == 0)
            return 1;
    return 0;
}

int sl_pack_split(const char *text, size_t len, sl_pack *out)
{
    memset(out, 0, sizeof *out);
    static const heading front = {SL_PART_FRONT, 0, ""};
    add_part(out, 0, 0, 1, &front);
    size_t n;
    found *all = find_headings(text, len, &n);
    const char *cur_id = "", *item_id = "";
    int headings = 0, pack_like = 0;
    for (size_t i = 0; i < n; i++) {
        const sl_pack_part *cur = &out->parts[out->n - 1];
        if (repeats(&all[i].h, cur, item_id, cur_id) || (cur->kind == SL_PART_AGENDA && listed_later(all, n, i)))
            continue;
        add_part(out, all[i].at, all[i].end, all[i].line, &all[i].h);
        cur_id = all[i].h.id;
        if (all[i].h.kind == SL_PART_ITEM)
            item_id = all[i].h.id;
        headings++;
        pack_like |= all[i].h.kind != SL_PART_APPENDIX;
    }
    out->parts[out->n - 1].end = len;
    free(all);
    if (headings < 2 || !pack_like) {
        sl_pack_free(out);
        return 0;
    }
    return 1;
}

int sl_pack_stamp(const char *line, size_t n)
{
    while (n && (*line == ' ' || *line == '\t' || *line == '\f')) {
        line++;
        n--;
    }
    while (n && isspace((unsigned char)line[n - 1]))
        n--;
    heading h;
    return heading_of(line, n, &h) && (h.kind == SL_PART_ITEM || h.kind == SL_PART_APPENDIX) && h.marker_end >= n;
}

const char *sl_part_kind_name(sl_part_kind kind)
{
    static const char *const names[] = {"front page", "agenda", "minutes", "agenda item", "report", "appendix"};
    return (unsigned)kind < sizeof names / sizeof names[0] ? names[kind] : "part";
}

void sl_pack_free(sl_pack *pack)
{
    free(pack->parts);
    pack->parts = NULL;
    pack->n = 0;
}

/* Returns 1 when a cell names a workforce figure. */
static int workforce_word(const char *s, size_t n)
{
    static const char *const words[] = {"fte", "vacan", "agency", "locum", "salaried", "permanent", "headcount",
                                        "turnover", "caseload", "number of managers", "number of staff",
                                        "social workers", "establishment", "in post", "sickness", "leavers"};
    for (size_t w = 0; w < sizeof words / sizeof words[0]; w++) {
        size_t k = strlen(words[w]);
        for (size_t i = 0; i + k <= n; i++)
            if (strncasecmp(s + i, words[w], k) == 0)
                return 1;
    }
    return 0;
}

/* Returns 1 when a cell of n bytes is a figure: digits with at most a
 * decimal point, a percent sign, a pound sign or a thousands comma. */
static int figure(const char *s, size_t n)
{
    while (n && (*s == ' ' || *s == '\r')) {
        s++;
        n--;
    }
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\r'))
        n--;
    int digits = 0;
    for (size_t i = 0; i < n; i++) {
        if (isdigit((unsigned char)s[i]))
            digits++;
        else if (!strchr(".,%-", s[i]) && !(i == 0 && s[i] == '\xC2') && !(i == 1 && s[i] == '\xA3'))
            return 0;
    }
    return digits > 0;
}

/* Counts the tab-separated cells of a line of n bytes that name workforce
 * figures (named) and that are figures (figures); returns the number of
 * cells, or 0 when a cell is too long for a header or names an action. */
static size_t cells_of(const char *s, size_t n, size_t *named, size_t *figures)
{
    size_t cells = 0;
    *named = *figures = 0;
    for (size_t i = 0; i <= n; cells++) {
        const char *tab = memchr(s + i, '\t', n - i);
        size_t e = tab ? (size_t)(tab - s) : n;
        if (starts_with(s + i, e - i, "action") || e - i > 40)
            return 0;
        *named += workforce_word(s + i, e - i);
        *figures += figure(s + i, e - i);
        i = e + 1;
    }
    return cells;
}

/* Returns 1 when the line of n bytes is a row of figures: tab-separated,
 * at least half of the cells after the first (the row's label) figures. */
static int figures_row(const char *s, size_t n)
{
    size_t named, figures, cells = cells_of(s, n, &named, &figures);
    return cells >= 2 && figures * 2 >= cells - 1;
}

/* Returns 1 when the line of n bytes is a workforce table's header: short
 * tab-separated cells, at least three, two naming workforce figures, none
 * naming an action or being a figure, and the row below (next, of next_n
 * bytes) a row of figures. */
static int workforce_header(const char *s, size_t n, const char *next, size_t next_n)
{
    size_t named, figures;
    size_t cells = cells_of(s, n, &named, &figures);
    return cells >= 3 && named >= 2 && !figures && figures_row(next, next_n);
}

/* Blanks bytes [from, to) of text, line ends kept. */
static void blank_range(char *text, size_t from, size_t to)
{
    for (size_t i = from; i < to; i++)
        if (text[i] != '\n')
            text[i] = ' ';
}

size_t sl_pack_blank_workforce(char *text, size_t len, size_t *rows)
{
    size_t tables = 0;
    int in_table = 0;
    for (size_t at = 0; at < len;) {
        char *nl = memchr(text + at, '\n', len - at);
        size_t end = nl ? (size_t)(nl - text) : len;
        if (in_table && figures_row(text + at, end - at)) {
            (*rows)++;
            blank_range(text, at, end);
        } else {
            const char *next = nl ? nl + 1 : text + len;
            const char *next_nl = memchr(next, '\n', (size_t)(text + len - next));
            size_t next_n = next_nl ? (size_t)(next_nl - next) : (size_t)(text + len - next);
            in_table = workforce_header(text + at, end - at, next, next_n);
            if (in_table) {
                tables++;
                blank_range(text, at, end);
            }
        }
        at = nl ? end + 1 : len;
    }
    return tables;
}
