/* text_rows.c — table rows into actions: the theme an action joins (from
 * its ref when no heading gave one), its cells gathered column by column
 * with continuation rows, and findings for refs and text that look damaged. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import/format/text_html.h"
#include "import/kind/plan/text_reader.h"
#include "util/mem.h"

/* Excerpts in findings are cut to this many bytes. */
#define EXCERPT 60

/* Returns how many bytes of s (n bytes) to show, at most EXCERPT and never
 * cutting a UTF-8 character. */
static int excerpt_length(const char *s, size_t n)
{
    if (n <= EXCERPT)
        return (int)n;
    n = EXCERPT;
    while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
        n--;
    return (int)n;
}

void sl_text_unparsed(sl_text_reader *r, const char *line, size_t len, const char *why)
{
    sl_text_span s = sl_text_trim((sl_text_span){line, len});
    int shown = excerpt_length(s.text, s.len);
    sl_findings_add(&r->plan->findings, SL_LINT_WARNING, "unparsed-row", "", r->line,
                    "%s: '%.*s%s'", why, shown, s.text, (size_t)shown < s.len ? "\xE2\x80\xA6" : "");
}

/* Returns the theme ref as a number, 0 when it is not one. */
static int theme_number(const sl_theme *t)
{
    char *end;
    long n = strtol(t->ref, &end, 10);
    return *t->ref && !*end && n > 0 && n < 100000 ? (int)n : 0;
}

/* Returns the theme of this kind, parent and number, adding it (titled from
 * the introduction's list of areas, or "Area n") when there is none. */
static int sibling_theme(sl_text_reader *r, sl_theme_kind kind, int parent, int number)
{
    sl_plan *p = r->plan;
    for (size_t i = 0; i < p->n_themes; i++)
        if (p->themes[i].kind == kind && p->themes[i].parent == parent &&
            theme_number(&p->themes[i]) == number)
            return (int)i;
    char ref[16], title[32];
    snprintf(ref, sizeof ref, "%d", number);
    snprintf(title, sizeof title, "%s %d", kind == SL_THEME_PRIORITY ? "Priority" : "Area", number);
    int named = kind == SL_THEME_AREA && (size_t)number <= r->n_area_names;
    sl_theme *t = sl_plan_add_theme(p, ref, named ? r->area_names[number - 1] : title);
    t->kind = kind;
    t->parent = parent;
    return (int)(t - p->themes);
}

/* Returns how a finding names a kind of theme ("area for improvement"). */
static const char *theme_kind_label(const sl_theme *t)
{
    if (!t)
        return "no theme";
    switch (t->kind) {
    case SL_THEME_RECOMMENDATION:
        return "area for improvement";
    case SL_THEME_SAVINGS:
        return "savings project";
    case SL_THEME_PRIORITY:
        return "priority";
    default:
        return "area";
    }
}

/* Returns the theme an action numbered major.x joins: the current one when
 * the numbers agree; for areas and priorities the one its number names
 * (Croydon's area 2 has no heading); otherwise the current one with a
 * damaged-ref finding. */
static int theme_for(sl_text_reader *r, const char *ref, int major)
{
    int cur = r->theme;
    const sl_theme *t = cur >= 0 ? &r->plan->themes[cur] : NULL;
    if (t && (!*t->ref || theme_number(t) == major))
        return cur;
    if (major == 0 || (t && t->kind != SL_THEME_AREA && t->kind != SL_THEME_PRIORITY)) {
        sl_findings_add(&r->plan->findings, SL_LINT_WARNING, "damaged-ref", ref, r->line,
                        "ref %s does not belong to %s %s: kept there as written", ref,
                        theme_kind_label(t), t ? t->ref : "");
        return cur;
    }
    int kind = t ? (int)t->kind : SL_THEME_AREA, parent = t ? t->parent : -1;
    r->theme = sibling_theme(r, (sl_theme_kind)kind, parent, major);
    if (kind == SL_THEME_AREA)
        r->area = r->theme;
    r->subheading = -1;
    return r->theme;
}

/* Returns 1 for the columns whose repeated text on a continuation row is
 * the same fact again (2.15's second row repeats "RS" and "TBC"). */
static int short_column(sl_text_column c)
{
    return c == SL_TCOL_START || c == SL_TCOL_DUE || c == SL_TCOL_SRO || c == SL_TCOL_LEAD ||
           c == SL_TCOL_RESOURCES || c == SL_TCOL_STATUS;
}

/* Appends one cell's text to an action's column: a space between parts of
 * a wrapped cell; a short cell that repeats the same text is not added. */
static void add_cell(sl_text_reader *r, sl_text_cells *c, sl_text_column column, sl_text_span text)
{
    sl_buf *b = &c->cell[column];
    if (b->len == 0) {
        c->line[column] = r->line;
    } else {
        if (short_column(column) && b->len == text.len && memcmp(b->data, text.text, text.len) == 0)
            return;
        sl_buf_putc(b, ' ');
    }
    sl_buf_add(b, text.text, text.len);
}

/* Returns 1 when a lead cell reads like people: it opens with no list mark
 * and has at most one word in lower case other than joining words, where
 * text that slid across from another column ("✓ Access, Support and
 * Intervention service development plan") has several. */
static int reads_as_people(sl_text_span text)
{
    static const char *const joins[] = {"and", "with", "in", "of", "the", "for", "to"};
    static const char *const marks[] = {"-", "*", "\xE2\x80\xA2", "\xE2\x9C\x93"};
    for (size_t k = 0; k < sizeof marks / sizeof marks[0]; k++)
        if (text.len >= strlen(marks[k]) && memcmp(text.text, marks[k], strlen(marks[k])) == 0)
            return 0;
    size_t lower = 0;
    for (size_t i = 0; i < text.len; i++) {
        if ((i > 0 && !isspace((unsigned char)text.text[i - 1])) || !islower((unsigned char)text.text[i]))
            continue;
        size_t n = 0, joining = 0;
        while (i + n < text.len && isalpha((unsigned char)text.text[i + n]))
            n++;
        for (size_t k = 0; k < sizeof joins / sizeof joins[0]; k++)
            joining |= strlen(joins[k]) == n && strncmp(joins[k], text.text + i, n) == 0;
        lower += !joining;
    }
    return lower <= 1;
}

/* Adds the row's cells (all but the ref) to an action's columns; a cell
 * beyond the header's columns joins the description, with a finding; in a
 * table with a "Delivered through" column, a lead cell that is not people
 * slid across from it and joins it, with a finding. */
static void add_row_cells(sl_text_reader *r, int action)
{
    sl_text_cells *c = &r->cells[action];
    const char *ref = r->plan->actions[action].ref;
    int stray = 0;
    for (size_t i = 0; i < r->row.n_cells; i++) {
        sl_text_span text = sl_text_trim(r->row.cells[i]);
        sl_text_column column = sl_text_header_column(&r->header, i);
        if (text.len == 0 || column == SL_TCOL_REF)
            continue;
        if (column == SL_TCOL_NONE) {
            column = SL_TCOL_DESCRIPTION;
            stray++;
        }
        if ((column == SL_TCOL_SRO || column == SL_TCOL_LEAD) && r->priority_table &&
            !reads_as_people(text)) {
            sl_findings_add(&r->plan->findings, SL_LINT_WARNING, "scrambled-text", ref, r->line,
                            "'%.*s' in the lead column of action %s is not people: kept as"
                            " delivered through",
                            excerpt_length(text.text, text.len), text.text, ref);
            column = SL_TCOL_DELIVERED;
        }
        add_cell(r, c, column, text);
    }
    if (stray)
        sl_findings_add(&r->plan->findings, SL_LINT_WARNING, "doubtful-row", ref, r->line,
                        "%d cell%s outside the table's columns kept in the description", stray,
                        stray > 1 ? "s" : "");
}

/* Reports text the conversion cut mid-word across two cells ("times an" |
 * "ctiveness of …"): a short title cell ending in a lower-case letter
 * followed by a cell starting with one. */
static void check_scrambled(sl_text_reader *r, const char *ref)
{
    for (size_t i = 0; i + 1 < r->row.n_cells; i++) {
        if (sl_text_header_column(&r->header, i) != SL_TCOL_TITLE)
            continue;
        sl_text_span left = sl_text_trim(r->row.cells[i]), right = sl_text_trim(r->row.cells[i + 1]);
        if (left.len > 0 && left.len < 16 && islower((unsigned char)left.text[left.len - 1]) &&
            right.len > 0 && islower((unsigned char)right.text[0]))
            sl_findings_add(&r->plan->findings, SL_LINT_WARNING, "scrambled-text", ref, r->line,
                            "the text of action %s looks scrambled by conversion ('%.*s' | '%.*s')",
                            ref, (int)left.len, left.text, excerpt_length(right.text, right.len),
                            right.text);
    }
}

/* Appends an action (and its empty cell set) to the plan; returns its index. */
static int add_action(sl_text_reader *r, sl_text_span ref, int theme)
{
    sl_plan *p = r->plan;
    sl_action *a = sl_plan_add_action(p);
    size_t index = p->n_actions - 1;
    if (index >= r->cells_cap) {
        r->cells_cap = r->cells_cap ? r->cells_cap * 2 : 32;
        r->cells = sl_realloc(r->cells, r->cells_cap * sizeof *r->cells);
    }
    memset(&r->cells[index], 0, sizeof r->cells[index]);
    a->ref = sl_strndup(ref.text, ref.len);
    a->theme = theme;
    a->source_line = r->line;
    const sl_theme *t = theme >= 0 ? &p->themes[theme] : NULL;
    if (t && t->kind == SL_THEME_RECOMMENDATION) {
        a->recommendations = sl_calloc(sizeof *a->recommendations);
        a->recommendations[a->n_recommendations++] = t->recommendation;
    }
    if (r->subheading >= 0) {
        a->custom = sl_calloc(sizeof *a->custom);
        a->custom[0].name = sl_strdup("subheading");
        a->custom[0].value = sl_strdup(p->themes[r->subheading].title);
        a->n_custom = 1;
    }
    return (int)index;
}

/* Returns the clean one-line text of the row's cell in a column, "" when none; the caller frees it. */
static char *row_text(const sl_text_reader *r, sl_text_column column)
{
    for (size_t i = 0; i < r->row.n_cells; i++)
        if (sl_text_header_column(&r->header, i) == column && sl_text_cell_filled(&r->row, i))
            return sl_text_clean_inline(r->row.cells[i].text, r->row.cells[i].len);
    return sl_strdup("");
}

/* Reads a whole-number row of a priority table ("3.\tService development and
 * improvement") as a priority theme; returns 1 when the row also carries an
 * action's cells (a lead or a date), which then become an action too. */
static int priority_row(sl_text_reader *r, int number)
{
    sl_plan *p = r->plan;
    int index = sibling_theme(r, SL_THEME_PRIORITY, r->area, number);
    char *title = row_text(r, SL_TCOL_TITLE), *measure = row_text(r, SL_TCOL_MEASURE);
    sl_theme *t = &p->themes[index];
    if (*title) {
        free(t->title);
        t->title = title;
    } else {
        free(title);
    }
    r->theme = index;
    r->subheading = -1;
    r->last_action = -1;
    static const sl_text_column action_columns[] = {SL_TCOL_SRO, SL_TCOL_LEAD, SL_TCOL_START, SL_TCOL_DUE};
    int is_action = 0;
    for (size_t i = 0; i < r->row.n_cells; i++)
        for (size_t k = 0; k < sizeof action_columns / sizeof action_columns[0]; k++)
            is_action |= sl_text_header_column(&r->header, i) == action_columns[k] &&
                         sl_text_cell_filled(&r->row, i);
    if (*measure && !is_action) {
        t->outcomes = sl_realloc(t->outcomes, (t->n_outcomes + 1) * sizeof *t->outcomes);
        t->outcomes[t->n_outcomes++] = measure;
    } else {
        free(measure);
    }
    return is_action;
}

void sl_text_ref_row(sl_text_reader *r, sl_ref_shape shape, int major)
{
    sl_text_span ref = sl_text_trim(r->row.cells[0]);
    char *ref_text = sl_strndup(ref.text, ref.len);
    if (shape == SL_REF_WHOLE && r->priority_table) {
        if (!priority_row(r, major)) {
            free(ref_text);
            return;
        }
        sl_findings_add(&r->plan->findings, SL_LINT_WARNING, "damaged-ref", ref_text, r->line,
                        "row %s heads priority %d and also holds an action's cells: kept as action %s",
                        ref_text, major, ref_text);
    } else if (shape == SL_REF_WHOLE && r->header.numbered == SL_TEXT_NUMBERED) {
        /* a numbered list ("No. / What? / Who?"): whole numbers are its refs */
    } else if (shape == SL_REF_WHOLE) {
        sl_findings_add(&r->plan->findings, SL_LINT_WARNING, "damaged-ref", ref_text, r->line,
                        "ref '%s' has no action number: kept as written", ref_text);
    } else if (shape == SL_REF_DAMAGED) {
        sl_findings_add(&r->plan->findings, SL_LINT_WARNING, "damaged-ref", ref_text, r->line,
                        "ref '%s' looks like refs run together: kept as written", ref_text);
    }
    int theme = shape == SL_REF_WHOLE && r->header.numbered == SL_TEXT_NUMBERED ? r->theme : theme_for(r, ref_text, major);
    int action = add_action(r, ref, theme);
    add_row_cells(r, action);
    check_scrambled(r, ref_text);
    r->last_action = action;
    free(ref_text);
}

void sl_text_counted_row(sl_text_reader *r)
{
    char number[24];
    int n = snprintf(number, sizeof number, "%zu", r->plan->n_actions + 1);
    int action = add_action(r, (sl_text_span){number, (size_t)n}, r->theme);
    add_row_cells(r, action);
    r->last_action = action;
}

void sl_text_continuation_row(sl_text_reader *r)
{
    if (r->last_action < 0) {
        sl_text_unparsed(r, r->row.cells[0].text,
                         (size_t)(r->row.cells[r->row.n_cells - 1].text +
                                  r->row.cells[r->row.n_cells - 1].len - r->row.cells[0].text),
                         "a continuation row with no action above it in its table");
        return;
    }
    add_row_cells(r, r->last_action);
}
