/* inspection_table.c — the judgement table of an Ofsted report (see
 * inspection_table.h). The table is read block by block (lines between blank
 * lines): each block's grade cells, joined, must make whole grades, and each
 * grade goes to its row: a numbered row, or the lines beside it. The first
 * block with no grade after the rows ends the table. */
#include "import/kind/inspection/inspection_table.h"

#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "util/mem.h"

#define DEEP_INDENT 12          /* a table line indented this far with no gap holds only a grade */
#define SENTENCE_LINES 3        /* the overall judgement sentence wraps over at most three lines */
#define TABLE_SCAN_LINES 120    /* the table sits on the report's first page or two */

/* Returns 1 and sets *grade when text is a whole grade (not a placeholder). */
static int is_grade(ot_slice text, sl_grade *grade)
{
    int placeholder;
    return sl_grade_parse(text.s, text.n, grade, &placeholder) == 0 && !placeholder &&
           *grade != SL_GRADE_NONE;
}

/* Returns the slot a judgement label fills, or -1 for one sightline does not
 * hold (SIF adoption performance, the LSCB) or text that is no label. */
static int judgement_for_label(ot_slice label)
{
    int care_leavers = ot_find(label, "care leavers") >= 0 || ot_find(label, "care-experienced") >= 0;
    int in_care = ot_find(label, "in care") >= 0 || ot_find(label, "looked after") >= 0;
    if (ot_find(label, "overall effectiveness") >= 0)
        return SL_JUDGEMENT_OVERALL;
    if (ot_find(label, "help and protection") >= 0)
        return SL_JUDGEMENT_HELP_PROTECTION;
    if (in_care)
        return SL_JUDGEMENT_IN_CARE;    /* also "children in care and care leavers" (2018-2022) */
    if (care_leavers)
        return SL_JUDGEMENT_CARE_LEAVERS;
    if (ot_find(label, "impact of leaders") >= 0 || ot_find(label, "leadership") >= 0)
        return SL_JUDGEMENT_LEADERS;
    return -1;
}

/* Returns 1 when every word of t is one a grade is written with. */
static int only_grade_words(ot_slice t)
{
    static const char *const words[] = {"requires", "require", "improvement", "to", "be", "good",
                                        "outstanding", "inadequate"};
    sl_buf b = SL_BUF_INIT;
    ot_append_line(&b, t);
    int ok = b.len > 0;
    char *save = NULL;
    sl_buf_str(&b);
    for (char *w = strtok_r(b.data, " ", &save); ok && w; w = strtok_r(NULL, " ", &save)) {
        ok = 0;
        for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
            ok |= ot_starts_with((ot_slice){w, strlen(w)}, words[i]) && strlen(w) == strlen(words[i]);
    }
    sl_buf_free(&b);
    return ok;
}

/* Splits a table line into its label and grade cells at the first gap of a
 * tab or two blanks after the row number ("1.      Children who need help
 * and protection      Inadequate"); a line indented past DEEP_INDENT with no
 * gap, made only of grade words, holds only (the rest of) a grade. Either
 * cell may come back empty. */
static void split_cells(ot_slice line, ot_slice *label, ot_slice *grade)
{
    ot_slice t = ot_trim(line);
    for (size_t i = ot_number_prefix(t, 1); i < t.n; i++)
        if (t.s[i] == '\t' || (i + 1 < t.n && t.s[i] == ' ' && t.s[i + 1] == ' ')) {
            *label = ot_trim((ot_slice){t.s, i});
            *grade = ot_trim(ot_drop(t, i));
            return;
        }
    if (ot_indent_of(line) >= DEEP_INDENT && only_grade_words(t)) {
        *label = ot_drop(t, t.n);
        *grade = t;
    } else {
        *label = t;
        *grade = ot_drop(t, t.n);
    }
}

/* Returns the grade a sentence gives ("… are inadequate", "… require
 * improvement to be good"), or SL_GRADE_NONE. */
static sl_grade grade_in_sentence(ot_slice s)
{
    if (ot_find(s, "require") >= 0 && ot_find(s, "improvement") >= 0)
        return SL_GRADE_REQUIRES_IMPROVEMENT;
    if (ot_find(s, "inadequate") >= 0)
        return SL_GRADE_INADEQUATE;
    if (ot_find(s, "outstanding") >= 0)
        return SL_GRADE_OUTSTANDING;
    if (ot_find(s, "good") >= 0)
        return SL_GRADE_GOOD;
    return SL_GRADE_NONE;
}

/* Reads a SIF overall judgement, which is a sentence above the table ("The
 * overall judgement is that children's services are inadequate", "Children's
 * services in Croydon require improvement to be good"). */
static sl_grade sif_overall(const ot_doc *doc, size_t from, size_t until)
{
    for (size_t i = from; i < until; i++) {
        ot_slice t = ot_trim(ot_line_text(doc, i)), label, cell;
        if (ot_find(t, "overall judgement is") < 0 &&
            !(ot_starts_with(t, "children") && ot_find(t, "services in") >= 0))
            continue;
        sl_buf sentence = SL_BUF_INIT;
        for (size_t j = i; j < until && j < i + SENTENCE_LINES; j++) {
            split_cells(ot_line_text(doc, j), &label, &cell);
            if (label.n == 0 || (j > i && ot_number_prefix(label, 1) > 0))
                break;
            ot_append_line(&sentence, label);
        }
        sl_grade grade = grade_in_sentence(ot_buf_slice(&sentence));
        sl_buf_free(&sentence);
        return grade;
    }
    return SL_GRADE_NONE;
}

/* One grade found in a block of table lines. */
typedef struct {
    sl_grade grade;
    size_t line;                /* index of the line holding its first words */
} found_grade;

/* A block of table lines [first, end) and what was read from it. */
typedef struct {
    size_t first, end;
    found_grade *grades;        /* in order; owned */
    size_t n_grades;
    size_t *rows;               /* index of each row's first line; owned */
    size_t n_rows;
} block;

/* Reads the grade cells of the block's lines in order into b->grades: cells
 * join until they make a whole grade, and a whole grade takes the next cell
 * only while the two still make one ("Requires improvement" + "to be good").
 * Returns 0, or -1 when the cells do not end as whole grades (prose). */
static int block_grades(const ot_doc *doc, block *b)
{
    sl_buf acc = SL_BUF_INIT, joined = SL_BUF_INIT;
    size_t anchor = b->first;
    sl_grade grade;
    b->grades = sl_calloc((b->end - b->first) * sizeof *b->grades);
    for (size_t i = b->first; i < b->end; i++) {
        ot_slice label, cell;
        split_cells(ot_line_text(doc, i), &label, &cell);
        if (cell.n == 0)
            continue;
        sl_buf_reset(&joined);
        ot_append_line(&joined, ot_buf_slice(&acc));
        ot_append_line(&joined, cell);
        if (acc.len > 0 && is_grade(ot_buf_slice(&acc), &grade) && !is_grade(ot_buf_slice(&joined), &grade)) {
            is_grade(ot_buf_slice(&acc), &b->grades[b->n_grades].grade);
            b->grades[b->n_grades++].line = anchor;
            sl_buf_reset(&acc);
            sl_buf_reset(&joined);
            ot_append_line(&joined, cell);
        }
        if (acc.len == 0)
            anchor = i;
        sl_buf_reset(&acc);
        ot_append_line(&acc, ot_buf_slice(&joined));
    }
    int rc = 0;
    if (acc.len > 0 && is_grade(ot_buf_slice(&acc), &grade)) {
        b->grades[b->n_grades].grade = grade;
        b->grades[b->n_grades++].line = anchor;
    } else if (acc.len > 0) {
        rc = -1;
    }
    sl_buf_free(&acc);
    sl_buf_free(&joined);
    return rc;
}

/* Finds the block's rows: its numbered lines ("1.", "2.1") when it has any
 * (text above the first is a sentence, not a row); otherwise one row per
 * grade, the first from the block's top, each next one from its grade's line. */
static void block_rows(const ot_doc *doc, block *b)
{
    b->rows = sl_calloc((b->end - b->first + 1) * sizeof *b->rows);
    for (size_t i = b->first; i < b->end; i++) {
        ot_slice label, cell;
        split_cells(ot_line_text(doc, i), &label, &cell);
        if (ot_number_prefix(label, 1) > 0)
            b->rows[b->n_rows++] = i;
    }
    if (b->n_rows > 0)
        return;
    for (size_t g = 0; g < b->n_grades; g++)
        b->rows[b->n_rows++] = g == 0 ? b->first : b->grades[g].line;
}

/* Returns the row grade g belongs to: the g-th when there are as many rows
 * as grades, else the last row starting at or above the grade's line. */
static size_t row_of_grade(const block *b, size_t g)
{
    if (b->n_rows == b->n_grades)
        return g;
    size_t r = 0;
    while (r + 1 < b->n_rows && b->rows[r + 1] <= b->grades[g].line)
        r++;
    return r;
}

/* Records the grade of one row of the block: its label cells joined name the
 * slot (rows sightline does not hold are passed over). Returns 0, or -1 when
 * the slot was already graded. */
static int record_row(const ot_doc *doc, const block *b, size_t g, const char *file, sl_inspection *out,
                      long *row_lines, sl_error *err)
{
    size_t r = row_of_grade(b, g);
    size_t stop = r + 1 < b->n_rows ? b->rows[r + 1] : b->end;
    sl_buf label = SL_BUF_INIT;
    for (size_t i = b->rows[r]; i < stop; i++) {
        ot_slice label_cell, cell;
        split_cells(ot_line_text(doc, i), &label_cell, &cell);
        ot_append_line(&label, label_cell);
    }
    int kind = judgement_for_label(ot_buf_slice(&label));
    sl_buf_free(&label);
    if (kind < 0)
        return 0;
    long line = ot_line_number(doc, b->rows[r]);
    if (out->judgements[kind] != SL_GRADE_NONE)
        return sl_fail_at(err, file, line, "the judgement table grades '%s' twice (first on line %ld)",
                          sl_judgement_label((sl_judgement_kind)kind), row_lines[kind]);
    out->judgements[kind] = b->grades[g].grade;
    row_lines[kind] = line;
    return 0;
}

/* Reads the table block [first, end): sets *rows to the grades it holds (0
 * for prose or a block without grades) and records them. Returns 0 or -1. */
static int read_block(const ot_doc *doc, size_t first, size_t end, const char *file, sl_inspection *out,
                      long *row_lines, size_t *rows, sl_error *err)
{
    block b = {first, end, NULL, 0, NULL, 0};
    int rc = 0;
    *rows = 0;
    if (block_grades(doc, &b) == 0 && b.n_grades > 0) {
        block_rows(doc, &b);
        for (size_t g = 0; rc == 0 && g < b.n_grades; g++)
            rc = record_row(doc, &b, g, file, out, row_lines, err);
        *rows = b.n_grades;
    }
    free(b.grades);
    free(b.rows);
    return rc;
}

/* Returns the index of a "Judgement  Grade" header in [from, until), or OT_NOT_FOUND. */
static size_t find_header(const ot_doc *doc, size_t from, size_t until)
{
    for (size_t i = from; i < until && i < from + TABLE_SCAN_LINES; i++) {
        ot_slice t = ot_trim(ot_line_text(doc, i));
        if (ot_starts_with(t, "judgement") && ot_find(t, "grade") >= 0)
            return i;
    }
    return OT_NOT_FOUND;
}

int ot_read_judgements(const ot_doc *doc, size_t title_line, size_t until, int sif, const char *file,
                       sl_inspection *out, sl_error *err)
{
    size_t header = find_header(doc, title_line + 1, until);
    size_t i = header == OT_NOT_FOUND ? title_line + 1 : header + 1, table = OT_NOT_FOUND;
    size_t limit = i + TABLE_SCAN_LINES < until ? i + TABLE_SCAN_LINES : until;
    long row_lines[SL_JUDGEMENT_COUNT] = {0};
    size_t found = 0;
    while (i < limit) {
        while (i < limit && ot_is_blank(ot_line_text(doc, i)))
            i++;
        size_t end = i, rows = 0;
        while (end < limit && !ot_is_blank(ot_line_text(doc, end)))
            end++;
        if (i < end && read_block(doc, i, end, file, out, row_lines, &rows, err) < 0)
            return -1;
        if (rows == 0 && found > 0)
            break;
        if (rows > 0 && table == OT_NOT_FOUND)
            table = end;    /* the overall sentence may open the table's first block */
        found += rows;
        i = end;
    }
    long table_line = ot_line_number(doc, header == OT_NOT_FOUND ? title_line : header);
    if (found == 0)
        return sl_fail_at(err, file, table_line,
                          header == OT_NOT_FOUND
                              ? "no judgements: the report has no 'Judgement  Grade' table under its title"
                              : "no judgements: the judgement table has no row with a judgement and a"
                                " grade (Outstanding, Good, Requires improvement to be good, Inadequate)");
    if (sif && out->judgements[SL_JUDGEMENT_OVERALL] == SL_GRADE_NONE)
        out->judgements[SL_JUDGEMENT_OVERALL] = sif_overall(doc, title_line + 1, table);
    return 0;
}
