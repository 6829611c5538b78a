/* text_table.c — cells, table rules, refs and header rows (see text_table.h). */
#include "import/kind/plan/text_table.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "util/mem.h"

void sl_text_row_split(sl_text_row *row, const char *line, size_t len)
{
    row->n_cells = 0;
    size_t start = 0;
    for (size_t i = 0; i <= len; i++) {
        if (i < len && line[i] != '\t')
            continue;
        if (row->n_cells == row->cap) {
            row->cap = row->cap ? row->cap * 2 : 16;
            row->cells = sl_realloc(row->cells, row->cap * sizeof *row->cells);
        }
        row->cells[row->n_cells].text = line + start;
        row->cells[row->n_cells++].len = i - start;
        start = i + 1;
    }
}

void sl_text_row_free(sl_text_row *row)
{
    free(row->cells);
    row->cells = NULL;
    row->n_cells = row->cap = 0;
}

/* Returns the length of the white space ending at byte end of s (a
 * no-break space's two bytes included), 0 when there is none. */
static size_t blank_ending(const char *s, size_t end)
{
    if (end >= 2 && (unsigned char)s[end - 2] == 0xC2 && (unsigned char)s[end - 1] == 0xA0)
        return 2;
    unsigned char c = end ? (unsigned char)s[end - 1] : 'x';
    return c == ' ' || (c >= '\t' && c <= '\r');
}

/* Returns the length of the white space opening s (n bytes), 0 when none. */
static size_t blank_opening(const char *s, size_t n)
{
    if (n >= 2 && (unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xA0)
        return 2;
    unsigned char c = n ? (unsigned char)s[0] : 'x';
    return c == ' ' || (c >= '\t' && c <= '\r');
}

sl_text_span sl_text_trim(sl_text_span span)
{
    size_t w;
    while ((w = blank_opening(span.text, span.len)) > 0) {
        span.text += w;
        span.len -= w;
    }
    while ((w = blank_ending(span.text, span.len)) > 0)
        span.len -= w;
    return span;
}

int sl_text_cell_filled(const sl_text_row *row, size_t i)
{
    return i < row->n_cells && sl_text_trim(row->cells[i]).len > 0;
}

size_t sl_text_row_filled(const sl_text_row *row)
{
    size_t n = 0;
    for (size_t i = 0; i < row->n_cells; i++)
        n += sl_text_cell_filled(row, i);
    return n;
}

int sl_text_line_blank(const char *line, size_t len)
{
    return sl_text_trim((sl_text_span){line, len}).len == 0;
}

int sl_text_line_is_rule(const char *line, size_t len)
{
    size_t marks = 0;
    for (size_t i = 0; i < len; i++) {
        char c = line[i];
        if (c == '-' || c == '=' || c == '_' || c == '+' || c == '|')
            marks++;
        else if (c != ' ' && c != '\t' && c != '\r')
            return 0;
    }
    return marks >= 2;
}

sl_ref_shape sl_text_ref_shape(sl_text_span cell, int *major)
{
    sl_text_span s = sl_text_trim(cell);
    *major = 0;
    if (s.len == 0 || s.len > 16 || !isdigit((unsigned char)s.text[0]))
        return SL_REF_NONE;
    size_t dots = 0, spaces = 0, groups = 0, digits = 0;
    for (size_t i = 0; i < s.len; i++) {
        char c = s.text[i];
        if (isdigit((unsigned char)c)) {
            digits = i > 0 && isdigit((unsigned char)s.text[i - 1]) ? digits + 1 : 1;
            groups += digits == 1;
            if (digits > 3)
                return SL_REF_NONE;
        } else if (c == '.') {
            dots++;
        } else if (c == ' ') {
            spaces++;
        } else {
            return SL_REF_NONE;
        }
    }
    for (size_t i = 0; i < s.len && isdigit((unsigned char)s.text[i]) && *major < 10000; i++)
        *major = *major * 10 + (s.text[i] - '0');
    if (spaces == 0 && groups == 1 && dots <= 1 && (dots == 0 || s.text[s.len - 1] == '.'))
        return SL_REF_WHOLE;
    if (spaces == 0 && dots == groups - 1 && s.text[s.len - 1] != '.')
        return groups <= 4 ? SL_REF_DOTTED : SL_REF_DAMAGED;
    return SL_REF_DAMAGED;
}

/* Header words as they read with case, spaces and punctuation removed. */
static const struct {
    const char *name;
    sl_text_column column;
} synonyms[] = {
    {"ref", SL_TCOL_REF},
    {"refno", SL_TCOL_REF},
    {"reference", SL_TCOL_REF},
    {"action", SL_TCOL_TITLE},
    {"actions", SL_TCOL_TITLE},
    {"priorities", SL_TCOL_TITLE},
    {"prioritiesandkeyactivity", SL_TCOL_TITLE},
    {"keyactivity", SL_TCOL_TITLE},
    {"task", SL_TCOL_TITLE},
    {"description", SL_TCOL_DESCRIPTION},
    {"start", SL_TCOL_START},
    {"startdate", SL_TCOL_START},
    {"enddate", SL_TCOL_DUE},
    {"duedate", SL_TCOL_DUE},
    {"bywhen", SL_TCOL_DUE},
    {"timescale", SL_TCOL_DUE},
    {"timescales", SL_TCOL_DUE},
    {"timescalebywhen", SL_TCOL_DUE},
    {"deadline", SL_TCOL_DUE},
    {"targetdate", SL_TCOL_DUE},
    {"sro", SL_TCOL_SRO},
    {"srolead", SL_TCOL_SRO},
    {"strategiclead", SL_TCOL_SRO},
    {"owner", SL_TCOL_SRO},
    {"lead", SL_TCOL_SRO},
    {"leads", SL_TCOL_SRO},
    {"leadofficer", SL_TCOL_SRO},
    {"operationallead", SL_TCOL_LEAD},
    {"operationalleads", SL_TCOL_LEAD},
    {"resources", SL_TCOL_RESOURCES},
    {"resource", SL_TCOL_RESOURCES},
    {"cost", SL_TCOL_RESOURCES},
    {"measure", SL_TCOL_MEASURE},
    {"measures", SL_TCOL_MEASURE},
    {"performanceoutcome", SL_TCOL_MEASURE},
    {"outcome", SL_TCOL_MEASURE},
    {"outcomes", SL_TCOL_MEASURE},
    {"successmeasure", SL_TCOL_MEASURE},
    {"successmeasures", SL_TCOL_MEASURE},
    {"impact", SL_TCOL_IMPACT},
    {"progress", SL_TCOL_PROGRESS},
    {"progresstodate", SL_TCOL_PROGRESS},
    {"progresstodateandevidenceofimprovement", SL_TCOL_PROGRESS},
    {"update", SL_TCOL_PROGRESS},
    {"status", SL_TCOL_STATUS},
    {"ragstatus", SL_TCOL_STATUS},
    {"deliveredthrough", SL_TCOL_DELIVERED},
    /* question-style and tracker headers ("No. / What? / Who? / When?",
     * "Action / By whom / By when / RAG"); last, so that the unfinished
     * words of damaged headers ("A", "Actio") still read as the older ones */
    {"no", SL_TCOL_REF},
    {"what", SL_TCOL_TITLE},
    {"who", SL_TCOL_SRO},
    {"bywhom", SL_TCOL_SRO},
    {"when", SL_TCOL_DUE},
    {"currentstatus", SL_TCOL_STATUS},
    {"rag", SL_TCOL_RAG},
    {"ragrating", SL_TCOL_RAG},
    {"theme", SL_TCOL_THEME},
    {"areaforimprovement", SL_TCOL_THEME},
    {"areasforimprovement", SL_TCOL_THEME},
    {"evidenceofimpact", SL_TCOL_IMPACT},
};
#define N_SYNONYMS (sizeof synonyms / sizeof synonyms[0])

/* Returns 1 when synonym k may also match as the start or the end of a
 * cell's word (damaged headers): not the short words of question-style
 * headers ("No.", "Who?"), which begin too many other words ("Notes"). */
static int partial_ok(size_t k)
{
    return strlen(synonyms[k].name) > 3 || strcmp(synonyms[k].name, "ref") == 0;
}

/* Header cells are short: a longer cell means the row is data. */
#define MAX_NORM 80
#define MAX_NAMES 4
/* A damaged header cell may open with the tail of the previous cell's word ("ction"). */
#define MAX_FRAGMENT 8

/* Writes a cell's letters and digits, lower-cased, into out; returns their
 * count, or MAX_NORM + 1 when the cell is too long to be a header cell. */
static size_t normalise(sl_text_span cell, char out[MAX_NORM + 1])
{
    size_t n = 0;
    for (size_t i = 0; i < cell.len; i++) {
        unsigned char c = (unsigned char)cell.text[i];
        if (!isalnum(c) || c >= 0x80)
            continue;
        if (n == MAX_NORM)
            return MAX_NORM + 1;
        out[n++] = (char)tolower(c);
    }
    out[n] = '\0';
    return n;
}

/* Returns the longest synonym that s (n bytes) starts with, or -1. */
static int synonym_at(const char *s, size_t n)
{
    int best = -1;
    size_t best_len = 0;
    for (size_t k = 0; k < N_SYNONYMS; k++) {
        size_t len = strlen(synonyms[k].name);
        if (len <= n && len > best_len && memcmp(s, synonyms[k].name, len) == 0 &&
            (len == n || partial_ok(k))) {
            best = (int)k;
            best_len = len;
        }
    }
    return best;
}

/* Reads s (n bytes) as nothing but synonyms run together ("actiondescription");
 * returns 1 and their columns in names (at most MAX_NAMES), else 0. */
static int whole_names(const char *s, size_t n, sl_text_column *names, size_t *count)
{
    int via[MAX_NORM + 1];      /* synonym that reaches this position, -1 when none */
    for (size_t i = 0; i <= n; i++)
        via[i] = -1;
    for (size_t i = 0; i < n; i++) {
        if (i > 0 && via[i] < 0)
            continue;
        for (size_t k = 0; k < N_SYNONYMS; k++) {
            size_t len = strlen(synonyms[k].name);
            if (i + len <= n && via[i + len] < 0 && memcmp(s + i, synonyms[k].name, len) == 0)
                via[i + len] = (int)k;
        }
    }
    if (n == 0 || via[n] < 0)
        return 0;
    sl_text_column reversed[MAX_NORM];
    size_t found = 0;
    for (size_t at = n; at > 0; at -= strlen(synonyms[via[at]].name))
        reversed[found++] = synonyms[via[at]].column;
    if (found > MAX_NAMES)
        return 0;
    for (size_t i = 0; i < found; i++)
        names[i] = reversed[found - 1 - i];
    *count = found;
    return 1;
}

/* Returns 1 when s (k bytes) ends some synonym longer than k ("ction" of "action"). */
static int ends_a_synonym(const char *s, size_t k)
{
    for (size_t j = 0; j < N_SYNONYMS; j++) {
        size_t len = strlen(synonyms[j].name);
        if (len > k && partial_ok(j) && memcmp(synonyms[j].name + len - k, s, k) == 0)
            return 1;
    }
    return 0;
}

/* Returns the synonym that s (n bytes) is the unfinished start of ("actio"), or -1. */
static int starts_a_synonym(const char *s, size_t n)
{
    for (size_t j = 0; j < N_SYNONYMS && n > 0 && n <= 12; j++)
        if (strlen(synonyms[j].name) > n && partial_ok(j) && memcmp(synonyms[j].name, s, n) == 0)
            return (int)j;
    return -1;
}

/* What one header cell names. */
typedef struct {
    sl_text_column names[MAX_NAMES];
    size_t n;
    int unfinished;             /* the cell is the start of a word the next cell repeats */
    int unknown;                /* the cell holds text that names no column */
} cell_reading;

/* Reads one header cell, tolerating the damage conversion does; returns 0,
 * or -1 when the cell is too long to belong to a header. */
static int read_cell(sl_text_span cell, cell_reading *r)
{
    char s[MAX_NORM + 1];
    size_t n = normalise(cell, s);
    memset(r, 0, sizeof *r);
    if (n > MAX_NORM)
        return -1;
    if (n == 0 || whole_names(s, n, r->names, &r->n))
        return 0;
    for (size_t k = 1; k <= MAX_FRAGMENT && k < n; k++)
        if (ends_a_synonym(s, k) && whole_names(s + k, n - k, r->names, &r->n))
            return 0;
    int at = synonym_at(s, n);
    if (at < 0)
        at = starts_a_synonym(s, n), r->unfinished = at >= 0;
    if (at < 0) {
        r->unknown = 1;
        return 0;
    }
    r->names[0] = synonyms[at].column;
    r->n = 1;
    return 0;
}

/* Gives each cell its column once every cell has been read: in order when
 * some cell holds two names and the names then match the cells one to one
 * ("Action Description" beside an empty cell), else each cell its first name. */
static void assign_columns(cell_reading *cells, size_t n, sl_text_header *out)
{
    for (size_t i = 0; i + 1 < n; i++) {
        cell_reading *next = &cells[i + 1];
        if (cells[i].unfinished && next->n > 1 && next->names[0] == cells[i].names[0]) {
            memmove(next->names, next->names + 1, (next->n - 1) * sizeof next->names[0]);
            next->n--;
        }
    }
    sl_text_column flat[SL_TEXT_MAX_COLUMNS];
    size_t total = 0, multi = 0;
    for (size_t i = 0; i < n; i++) {
        multi += cells[i].n > 1;
        for (size_t k = 0; k < cells[i].n && total < SL_TEXT_MAX_COLUMNS; k++)
            flat[total++] = cells[i].names[k];
    }
    int in_order = multi && total == n;
    out->n_columns = n;
    for (size_t i = 0; i < n; i++)
        out->column[i] = in_order ? flat[i] : cells[i].n ? cells[i].names[0] : SL_TCOL_NONE;
}

/* Settles which column holds the ref: in plans whose first column is
 * "Action" beside a "Description", the action column is the ref. */
static void settle_ref(sl_text_header *h)
{
    if (sl_text_header_has(h, SL_TCOL_REF))
        return;
    for (size_t i = 0; i < h->n_columns; i++) {
        if (h->column[i] != SL_TCOL_TITLE)
            continue;
        for (size_t k = i + 1; k < h->n_columns; k++) {
            if (h->column[k] == SL_TCOL_DESCRIPTION) {
                h->column[i] = SL_TCOL_REF;
                h->column[k] = SL_TCOL_TITLE;
                return;
            }
        }
    }
}

int sl_text_header_read(const sl_text_row *row, sl_text_header *out)
{
    int major;
    if (row->n_cells < 3 || row->n_cells > SL_TEXT_MAX_COLUMNS ||
        sl_text_ref_shape(row->cells[0], &major) != SL_REF_NONE)
        return 0;
    cell_reading cells[SL_TEXT_MAX_COLUMNS];
    size_t unknown = 0;
    for (size_t i = 0; i < row->n_cells; i++) {
        if (read_cell(row->cells[i], &cells[i]) < 0)
            return 0;
        unknown += (size_t)cells[i].unknown;
    }
    sl_text_header h;
    memset(&h, 0, sizeof h);
    assign_columns(cells, row->n_cells, &h);
    if (!sl_text_header_has(&h, SL_TCOL_TITLE) && sl_text_header_has(&h, SL_TCOL_DESCRIPTION))
        for (size_t i = 0; i < h.n_columns; i++)
            if (h.column[i] == SL_TCOL_DESCRIPTION)
                h.column[i] = SL_TCOL_TITLE;
    settle_ref(&h);
    size_t kinds = 0;
    for (int c = SL_TCOL_REF; c < SL_TCOL_COUNT; c++)
        kinds += (size_t)sl_text_header_has(&h, (sl_text_column)c);
    int counted = !sl_text_header_has(&h, SL_TCOL_REF) && sl_text_header_has(&h, SL_TCOL_TITLE) &&
                  (h.column[0] == SL_TCOL_TITLE || h.column[0] == SL_TCOL_THEME) && kinds >= 4 &&
                  (sl_text_header_has(&h, SL_TCOL_SRO) || sl_text_header_has(&h, SL_TCOL_LEAD));
    if (unknown > 1 || kinds < 3 || (!counted && h.column[0] != SL_TCOL_REF))
        return 0;
    char first[MAX_NORM + 1];
    h.numbered = counted ? SL_TEXT_COUNTED
                 : normalise(row->cells[0], first) == 2 && strcmp(first, "no") == 0 ? SL_TEXT_NUMBERED : 0;
    *out = h;
    return 1;
}

sl_text_column sl_text_column_named(const char *text, size_t len)
{
    cell_reading r;
    if (read_cell((sl_text_span){text, len}, &r) < 0 || r.unfinished || r.unknown || r.n != 1)
        return SL_TCOL_NONE;
    return r.names[0];
}

int sl_text_header_has(const sl_text_header *header, sl_text_column column)
{
    for (size_t i = 0; i < header->n_columns; i++)
        if (header->column[i] == column)
            return 1;
    return 0;
}

int sl_text_header_same(const sl_text_header *a, const sl_text_header *b)
{
    return a->n_columns == b->n_columns &&
           memcmp(a->column, b->column, a->n_columns * sizeof a->column[0]) == 0;
}

sl_text_column sl_text_header_column(const sl_text_header *header, size_t i)
{
    return i < header->n_columns ? header->column[i] : SL_TCOL_NONE;
}
