/* text_plan.c — reading a plan document as councils publish it (see
 * import.h and shared/samples/README.md). One pass over the lines: headings
 * set the theme (areas, "Area for Improvement (n)", savings projects,
 * priorities), lists give outcomes and people, header rows start tables,
 * table rows become actions (text_rows.c); then text_finish.c turns the
 * gathered cells into fields.
 *
 * Sub-headings inside a table ("IMMEDIATE ACTIONS TO INCREASE CAPACITY")
 * become SL_THEME_SUBHEADING themes under the current theme; the actions
 * below them stay on the area (so `actions --theme 2` lists all of area 2)
 * and carry the sub-heading as the custom field "subheading". A continuation
 * row's second date is appended to the cell with a space, so that the date
 * engine reads it as a second milestone (Croydon 2.15). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import/kind/plan/plan_read.h"
#include "import/format/text_html.h"
#include "import/kind/plan/text_people.h"
#include "import/kind/plan/text_reader.h"
#include "import/kind/plan/text_savings.h"
#include "import/kind/plan/text_structure.h"
#include "util/mem.h"

/* Returns a clean one-line copy of a span; the caller frees it. */
static char *span_text(sl_text_span s)
{
    return sl_text_clean_inline(s.text, s.len);
}

/* Starts a top-level theme (an area or a recommendation) and makes it the
 * current one; returns its index. */
static int start_theme(sl_text_reader *r, sl_theme_kind kind, int number, sl_text_span title)
{
    char ref[16];
    snprintf(ref, sizeof ref, "%d", number);
    char *text = span_text(title);
    sl_theme *t = sl_plan_add_theme(r->plan, ref, text);
    free(text);
    t->kind = kind;
    r->theme = (int)(t - r->plan->themes);
    r->subheading = -1;
    r->savings = -1;
    r->last_action = -1;
    return r->theme;
}

/* Reads "Area for Improvement (n): text": recommendation n and its theme. */
static void recommendation_heading(sl_text_reader *r, int number, sl_text_span text)
{
    char *words = span_text(text);
    sl_plan_recommendation(r->plan, number, words);
    free(words);
    int index = start_theme(r, SL_THEME_RECOMMENDATION, number, text);
    r->plan->themes[index].recommendation = number;
    r->area = -1;
}

/* Reads an item of the list the reader is in: an outcome of the current
 * theme, or a person. Returns 1 when the line was one. */
static int list_item(sl_text_reader *r, sl_text_span line)
{
    sl_text_span item;
    if (r->list == SL_TEXT_LIST_NONE || r->row.n_cells != 1 || !sl_text_list_item(line, &item))
        return 0;
    char *text = span_text(item);
    if (r->list == SL_TEXT_LIST_PEOPLE) {
        if (sl_text_add_person(r->plan, text, r->line) < 0)
            sl_text_unparsed(r, line.text, line.len, "a key individual with no name read");
        free(text);
    } else {
        sl_theme *t = &r->plan->themes[r->theme];
        t->outcomes = sl_realloc(t->outcomes, (t->n_outcomes + 1) * sizeof *t->outcomes);
        t->outcomes[t->n_outcomes++] = text;
    }
    return 1;
}

/* Records a sub-heading inside a table as a theme under the current one. */
static void subheading(sl_text_reader *r, sl_text_span text)
{
    char *title = span_text(text);
    sl_theme *t = sl_plan_add_theme(r->plan, "", title);
    free(title);
    t->kind = SL_THEME_SUBHEADING;
    t->parent = r->theme;
    r->subheading = (int)(t - r->plan->themes);
}

/* Returns 1 when text opens with a dotted ref and a space ("1.1 Do this"):
 * a table row whose tabs were lost. */
static int opens_with_ref(sl_text_span text)
{
    sl_text_span s = sl_text_trim(text);
    size_t word = 0;
    int major;
    while (word < s.len && s.text[word] != ' ')
        word++;
    return word < s.len && sl_text_ref_shape((sl_text_span){s.text, word}, &major) == SL_REF_DOTTED;
}

/* Reads a line with text in its first cell only: a heading, the start of a
 * list, a sub-heading, or prose (which is not part of any table). */
static void single_cell_line(sl_text_reader *r, sl_text_span text)
{
    int number, has_tabs = r->row.n_cells > 1;
    sl_text_span rest;
    if (sl_text_recommendation_heading(text, &number, &rest)) {
        recommendation_heading(r, number, rest);
    } else if (sl_text_people_heading(text)) {
        r->list = SL_TEXT_LIST_PEOPLE;
    } else if (sl_text_outcomes_heading(text)) {
        r->list = r->theme >= 0 ? SL_TEXT_LIST_OUTCOMES : SL_TEXT_LIST_NONE;
    } else if (!has_tabs && sl_text_area_heading(text, &number, &rest)) {
        r->area = start_theme(r, SL_THEME_AREA, number, rest);
    } else if (r->in_table && r->theme >= 0 && (has_tabs || sl_text_subheading(text))) {
        if (text.len <= 120)
            subheading(r, text);
        else
            sl_text_unparsed(r, text.text, text.len, "text in the ref column of a table row");
    } else if (r->in_table && opens_with_ref(text)) {
        sl_text_unparsed(r, text.text, text.len, "a row that opens with a ref but has no cells");
    }
}

/* Reads a header row: a new table, or the same header repeated after a page break. */
static void header_row(sl_text_reader *r, const sl_text_header *h)
{
    r->savings = -1;
    if (!r->first_header_line)
        r->first_header_line = r->line;
    if (r->in_table && sl_text_header_same(h, &r->header))
        return;
    r->header = *h;
    r->in_table = 1;
    r->priority_table = sl_text_header_has(h, SL_TCOL_DELIVERED);
    r->last_action = -1;
}

/* Notes what lines before the first table say about the plan: its title,
 * and the names of its areas. */
static void preamble_line(sl_text_reader *r, sl_text_span line)
{
    sl_text_span s = sl_text_trim(line);
    if (!r->title && sl_text_title_line(s)) {
        r->title = span_text(s);
    } else if (r->title && sl_text_generic_title(r->title)) {
        /* "LA ACTION PLAN", then "Barking and Dagenham's OFSTED action plan in
         * response to …": the sentence names the plan better. */
        char *better = sl_text_title_from_sentence(s);
        if (better && !sl_text_generic_title(better)) {
            free(r->title);
            r->title = better;
        } else {
            free(better);
        }
    }
    if (!r->first_line && s.len <= 120 && !memchr(s.text, '\t', s.len))
        r->first_line = span_text(s);
    if (r->n_area_names == 0)
        r->n_area_names = sl_text_area_names(s, r->area_names, SL_TEXT_MAX_AREA_NAMES);
    if (r->preamble.len + s.len < 4096) {
        sl_buf_add(&r->preamble, s.text, s.len);
        sl_buf_putc(&r->preamble, '\n');
    }
}

/* Returns 1 when a line ends the details of a savings project: a table
 * row with an action ref, or an area or recommendation heading. */
static int ends_savings(sl_text_reader *r, sl_ref_shape shape, int first_only)
{
    int number;
    sl_text_span rest, text = r->row.cells[0];
    if (r->in_table && shape == SL_REF_DOTTED)
        return 1;
    return first_only && r->row.n_cells == 1 &&
           (sl_text_area_heading(text, &number, &rest) ||
            sl_text_recommendation_heading(text, &number, &rest));
}

/* Reads a table row: an action, a continuation, or an unparsed-row finding. */
static void table_row(sl_text_reader *r, sl_text_span line, sl_ref_shape shape, int major)
{
    if (r->header.numbered == SL_TEXT_COUNTED) {
        int title = 0;
        for (size_t i = 0; i < r->row.n_cells; i++)
            title |= sl_text_header_column(&r->header, i) == SL_TCOL_TITLE && sl_text_cell_filled(&r->row, i);
        if (title)
            sl_text_counted_row(r);
        else
            sl_text_continuation_row(r);
    } else if (shape != SL_REF_NONE)
        sl_text_ref_row(r, shape, major);
    else if (!sl_text_cell_filled(&r->row, 0))
        sl_text_continuation_row(r);
    else
        sl_text_unparsed(r, line.text, line.len, "a table row with no ref");
}

/* Reads one line of the document. */
static void read_line(sl_text_reader *r, sl_text_span line)
{
    if (sl_text_line_blank(line.text, line.len) || sl_text_line_is_rule(line.text, line.len))
        return;
    sl_text_row_split(&r->row, line.text, line.len);
    if (!r->first_header_line)
        preamble_line(r, line);
    if (list_item(r, line))
        return;
    r->list = SL_TEXT_LIST_NONE;
    int major;
    sl_ref_shape shape = sl_text_ref_shape(r->row.cells[0], &major);
    int first_only = sl_text_row_filled(&r->row) == 1 && sl_text_cell_filled(&r->row, 0);
    int ref_row = r->in_table && r->row.n_cells > 1 && shape != SL_REF_NONE;
    if (r->savings >= 0 && ends_savings(r, shape, first_only))
        r->savings = -1;
    sl_text_header header;
    if (sl_text_savings_line(&r->row)) {
        r->savings = sl_text_savings_add(r->plan, &r->row, r->area);
        r->theme = r->savings;
        r->subheading = -1;
        r->last_action = -1;
    } else if (sl_text_header_read(&r->row, &header)) {
        header_row(r, &header);
    } else if (r->savings >= 0) {
        sl_text_savings_detail(r->plan, r->savings, &r->row, r->line);
    } else if (first_only && !ref_row) {
        single_cell_line(r, r->row.cells[0]);
    } else if (r->in_table) {
        table_row(r, line, shape, major);
    }
}

/* Returns the file's base name without its extension; the caller frees it. */
static char *title_from_file(const char *file)
{
    const char *base = strrchr(file, '/');
    base = base ? base + 1 : file;
    const char *dot = strrchr(base, '.');
    return sl_strndup(base, dot && dot > base ? (size_t)(dot - base) : strlen(base));
}

/* Fills the plan's own fields: title, kind, version, authority, rules. */
static void plan_identity(sl_text_reader *r, const sl_import_options *opts)
{
    sl_plan *p = r->plan;
    if (r->title) {
        p->title = r->title;
        r->title = NULL;
    } else if (r->first_line && *r->first_line) {
        p->title = r->first_line;
        r->first_line = NULL;
    } else {
        p->title = title_from_file(r->file);
    }
    p->kind = sl_strdup(sl_text_plan_kind(p->title));
    p->version_label = sl_text_version_label(p->title);
    const sl_authority *named = NULL;
    if ((!opts || !opts->authority) && opts && opts->authorities)
        named = sl_authority_named_in(opts->authorities, sl_buf_str(&r->preamble), r->preamble.len);
    p->authority = sl_strdup(opts && opts->authority ? opts->authority : named ? named->name : "");
    p->source_file = sl_strdup(r->file);
    p->rules = sl_rag_rules_default();
    if (strcmp(p->kind, "transitional action plan") == 0)
        p->rules.update_cycle_days = 7;     /* SPEC.md §3: a transitional plan is weekly */
}

/* Frees what the reader owns (not the plan). */
static void reader_free(sl_text_reader *r)
{
    sl_text_cells_free(r->cells, r->plan->n_actions);
    sl_text_row_free(&r->row);
    for (size_t i = 0; i < r->n_area_names; i++)
        free(r->area_names[i]);
    free(r->title);
    sl_buf_free(&r->preamble);
    free(r->first_line);
}

int sl_import_text(const char *data, size_t len, const char *file, const sl_import_options *opts,
                   sl_plan_set *out, sl_error *err)
{
    memset(out, 0, sizeof *out);
    out->plans = sl_calloc(sizeof *out->plans);
    out->n_plans = 1;
    sl_text_reader r = {.file = file, .plan = &out->plans[0], .area = -1, .theme = -1,
                        .subheading = -1, .savings = -1, .last_action = -1};
    size_t at = len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0; /* byte-order mark */
    while (at < len) {
        const char *eol = memchr(data + at, '\n', len - at);
        size_t end = eol ? (size_t)(eol - data) : len;
        r.line++;
        read_line(&r, (sl_text_span){data + at, end - at});
        at = end + 1;
    }
    int rc = 0;
    if (!r.first_header_line)
        rc = sl_fail_code_at(err, SL_ERR_NOT_FOUND, file, 1,
                             "no plan table found: no header row naming columns such as REF, ACTION,"
                             " START DATE, END DATE, SRO (Lead), PROGRESS");
    else if (r.plan->n_actions == 0)
        rc = sl_fail_at(err, file, r.first_header_line,
                        "a plan table header, but no action rows (a ref such as 1.1 in the first column)");
    if (rc == 0) {
        plan_identity(&r, opts);
        sl_text_finish(r.plan, r.cells);
    }
    reader_free(&r);
    if (rc < 0)
        sl_plan_set_free(out);
    return rc;
}
