/* text_finish.c — raw cells into action fields (see text_finish.h). */
#include "import/kind/plan/text_finish.h"

#include <stdlib.h>
#include <string.h>

#include "import/format/text_html.h"
#include "import/kind/plan/text_people.h"
#include "util/mem.h"

/* A status is read from at most this many opening words. */
#define MAX_STATUS_WORDS 5

/* Returns the clean text of a column (lines kept); the caller frees it. */
static char *column_text(const sl_text_cells *c, sl_text_column column)
{
    const sl_buf *b = &c->cell[column];
    return sl_text_clean(b->data ? b->data : "", b->len);
}

/* Returns the clean text of a column on one line; the caller frees it. */
static char *column_inline(const sl_text_cells *c, sl_text_column column)
{
    const sl_buf *b = &c->cell[column];
    return sl_text_clean_inline(b->data ? b->data : "", b->len);
}

/* Sets the title to the first line of the action text and the description
 * to the rest followed by the description column. */
static void read_title(sl_plan *plan, sl_action *a, const sl_text_cells *c)
{
    char *text = column_text(c, SL_TCOL_TITLE), *more = column_text(c, SL_TCOL_DESCRIPTION);
    if (!*text) {
        free(text);
        text = more;
        more = sl_strdup("");
    }
    size_t first = strcspn(text, "\n");
    a->title = sl_strndup(text, first);
    sl_buf description = SL_BUF_INIT;
    sl_buf_puts(&description, text[first] ? text + first + 1 : "");
    if (*more && description.len)
        sl_buf_putc(&description, '\n');
    sl_buf_puts(&description, more);
    a->description = sl_buf_take(&description);
    free(text);
    free(more);
    if (!*a->title) {
        free(a->title);
        a->title = sl_strdup("(no title)");
        sl_findings_add(&plan->findings, SL_LINT_WARNING, "doubtful-row", a->ref, a->source_line,
                        "action %s has no text: its title reads '(no title)'", a->ref);
    }
}

/* Returns the byte length of the longest run of at most max opening words
 * of text (within its first sentence) that reads as a status, setting *out; 0 when none. */
static size_t status_words(const char *text, size_t max, sl_status *out)
{
    size_t ends[MAX_STATUS_WORDS], n = 0, i = 0;
    while (n < max && n < MAX_STATUS_WORDS) {
        while (text[i] == ' ')
            i++;
        if (!text[i] || text[i] == '\n')
            break;
        while (text[i] && text[i] != ' ' && text[i] != '\n')
            i++;
        ends[n++] = i;
        if (text[i - 1] == '.' || text[i - 1] == ';' || text[i - 1] == ':')
            break;
    }
    for (; n > 0; n--) {
        char *words = sl_strndup(text, ends[n - 1]);
        int ok = sl_status_parse(words, out) == 0;
        free(words);
        if (ok)
            return ends[n - 1];
    }
    return 0;
}

/* Reads a progress cell that is nothing but statuses, one per milestone
 * ("Complete In progress"): the first not done, else the last. Returns the
 * length of the chosen words and sets *out and *at (their offset), or 0
 * when the cell holds other words. */
static size_t status_list(const char *text, sl_status *out, size_t *at)
{
    sl_status status;
    size_t chosen = 0;
    int open = 0;
    for (size_t i = 0, used; text[i]; i += used) {
        while (text[i] == ' ' || text[i] == '\n')
            i++;
        if (!text[i])
            break;
        used = status_words(text + i, 3, &status);
        if (used == 0)
            return 0;
        if (!open) {
            *out = status;
            *at = i;
            chosen = used;
        }
        open |= !sl_status_is_done(status);
    }
    return chosen;
}

/* Returns a copy of the first n bytes of text without trailing punctuation. */
static char *words_used(const char *text, size_t n)
{
    while (n > 0 && strchr(".,;:- ", text[n - 1]))
        n--;
    return sl_strndup(text, n);
}

/* Sets the status from the status column (its opening words), else the
 * progress narrative's opening words, else in progress when there is
 * progress, else not started. status_text keeps the words used, which
 * sightline can read back; a status cell it cannot read is a finding. */
static void read_status(sl_plan *plan, sl_action *a, const sl_text_cells *c)
{
    char *cell = column_inline(c, SL_TCOL_STATUS);
    size_t used, at = 0;
    if (*cell) {
        if (sl_status_parse(cell, &a->status) == 0) {
            a->status_text = cell;
            return;
        }
        if ((used = status_words(cell, MAX_STATUS_WORDS, &a->status)) > 0) {
            a->status_text = words_used(cell, used);
        } else {
            a->status = SL_STATUS_IN_PROGRESS;
            a->status_text = sl_strdup("");
            sl_findings_add(&plan->findings, SL_LINT_WARNING, "doubtful-row", a->ref,
                            c->line[SL_TCOL_STATUS],
                            "status '%s' is not a status sightline knows: read as in-progress", cell);
        }
        free(cell);
        return;
    }
    free(cell);
    if ((used = status_list(a->progress, &a->status, &at)) > 0 ||
        (used = status_words(a->progress, MAX_STATUS_WORDS, &a->status)) > 0) {
        a->status_text = words_used(a->progress + at, used);
    } else {
        if (sl_status_from_narrative(a->progress, &a->status) < 0)
            a->status = *a->progress ? SL_STATUS_IN_PROGRESS : SL_STATUS_NOT_STARTED;
        a->status_text = sl_strdup("");
    }
}

/* Fills the people of an action: SRO as written, leads = SROs then operational leads. */
static void read_people(sl_action *a, const sl_text_cells *c)
{
    a->sro = column_inline(c, SL_TCOL_SRO);
    char *operational = column_inline(c, SL_TCOL_LEAD);
    a->n_leads = sl_text_split_leads(a->sro, &a->leads, 0);
    a->n_leads = sl_text_split_leads(operational, &a->leads, a->n_leads);
    free(operational);
}

/* Fills one action's text fields from its cells. */
static void read_action(sl_plan *plan, sl_action *a, const sl_text_cells *c)
{
    read_title(plan, a, c);
    a->start.text = column_inline(c, SL_TCOL_START);
    a->due.text = column_inline(c, SL_TCOL_DUE);
    read_people(a, c);
    a->resources = column_inline(c, SL_TCOL_RESOURCES);
    a->resources_pence = sl_money_pence(a->resources);
    a->measure = column_text(c, SL_TCOL_MEASURE);
    a->impact = column_text(c, SL_TCOL_IMPACT);
    a->delivered_through = column_text(c, SL_TCOL_DELIVERED);
    a->progress = column_text(c, SL_TCOL_PROGRESS);
    read_status(plan, a, c);
    char *rag = column_inline(c, SL_TCOL_RAG);
    if (*rag && sl_rag_parse(rag, &a->rag_manual) < 0)
        sl_findings_add(&plan->findings, SL_LINT_WARNING, "doubtful-row", a->ref, c->line[SL_TCOL_RAG],
                        "RAG '%s' is not red, amber, green, blue or grey: not read", rag);
    free(rag);
}

/* Parses one date cell; an impossible or unreadable date becomes a finding
 * at the line the cell was read from, and the cell keeps its parse status. */
static void read_date(sl_plan *plan, const sl_action *a, sl_written_date *d, const char *which,
                      long line)
{
    char why[160] = "";
    d->parse = sl_date_parse(d->text, strlen(d->text), plan->context_year, &d->value, why, sizeof why);
    line = line ? line : a->source_line;
    if (d->parse == SL_DATE_INVALID)
        sl_findings_add(&plan->findings, SL_LINT_ERROR, "invalid-date", a->ref, line,
                        "%s date '%s' is not a real date: %s", which, d->text, why);
    else if (d->parse == SL_DATE_UNREADABLE)
        sl_findings_add(&plan->findings, SL_LINT_WARNING, "unreadable-date", a->ref, line,
                        "%s date '%s' is not a date sightline can read: %s", which, d->text, why);
}

/* Puts the actions of a table with a theme column ("Area for improvement")
 * under the theme their cell names, or the one named above them (a merged
 * cell fills only its first row). */
static void column_themes(sl_plan *plan, const sl_text_cells *cells)
{
    int last = -1;
    for (size_t i = 0; i < plan->n_actions; i++) {
        char *title = column_inline(&cells[i], SL_TCOL_THEME);
        if (*title)
            last = (int)(sl_plan_theme(plan, "", title) - plan->themes);
        if (last >= 0 && (*title || cells[i].line[SL_TCOL_THEME] == 0))
            plan->actions[i].theme = last;
        free(title);
    }
}

void sl_text_finish(sl_plan *plan, const sl_text_cells *cells)
{
    for (size_t i = 0; i < plan->n_actions; i++)
        read_action(plan, &plan->actions[i], &cells[i]);
    column_themes(plan, cells);
    plan->context_year = sl_plan_context_year(plan);
    for (size_t i = 0; i < plan->n_actions; i++) {
        sl_action *a = &plan->actions[i];
        read_date(plan, a, &a->start, "start", cells[i].line[SL_TCOL_START]);
        read_date(plan, a, &a->due, "due", cells[i].line[SL_TCOL_DUE]);
    }
}

void sl_text_cells_free(sl_text_cells *cells, size_t n)
{
    for (size_t i = 0; i < n; i++)
        for (int c = 0; c < SL_TCOL_COUNT; c++)
            sl_buf_free(&cells[i].cell[c]);
    free(cells);
}
